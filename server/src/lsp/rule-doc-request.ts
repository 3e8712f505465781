// The `losslens/ruleDoc` handler (the request is typed in shared/src/protocol.ts): a rule's explanation
// as markdown, rendered from the registry like docs/rules/LLnnn.md.
import type { Connection } from 'vscode-languageserver';
import { ruleDocRequest } from '../../../shared/src/protocol';
import { ruleMeta } from '../rules/registry';
import { renderRuleDoc } from '../rules/docs';
import { guarded, type Log } from './safety';

/** The page for `id`, or null for an unknown id. */
export function ruleDocMarkdown(id: unknown): string | null {
  if (typeof id !== 'string') return null;
  const meta = ruleMeta(id);
  // The generator's "do not edit" comment is for the repository copy only.
  return meta ? renderRuleDoc(meta).replace(/^<!--.*-->\n\n/m, '') : null;
}

export function registerRuleDocRequest(connection: Connection, log: Log): void {
  connection.onRequest(ruleDocRequest, params =>
    guarded(
      'ruleDoc',
      log,
      async () => ({ markdown: ruleDocMarkdown(params?.id) }),
      () => ({ markdown: null }),
    ),
  );
}
