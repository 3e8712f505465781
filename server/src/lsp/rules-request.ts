// The `losslens/rules` handler (the request is typed in shared/src/protocol.ts): the rule catalogue with
// each rule's state for a file.
import type { Connection } from 'vscode-languageserver';
import { rulesRequest, type RuleInfo, type RulesParams } from '../../../shared/src/protocol';
import type { EditorSettings } from '../config/settings';
import { projectSelection, type ProjectConfig } from '../config/project-config';
import { effectiveSeverity } from '../config/rule-selection';
import { ruleMetas } from '../rules/registry';
import type { RuleMeta } from '../rules/rule';
import { ruleDocUrl } from '../rules/docs';
import { guarded, type Log } from './safety';

export interface RulesSources {
  settings(uri: string): Promise<EditorSettings>;
  project(uri: string): Promise<ProjectConfig | null>;
}

/** The catalogue as seen from one file (pure apart from the two lookups; unit-testable). */
export async function describeRules(
  sources: RulesSources,
  params: RulesParams | undefined,
  metas: readonly RuleMeta[] = ruleMetas,
): Promise<RuleInfo[]> {
  const uri = params?.uri;
  const settings = uri ? await sources.settings(uri) : undefined;
  const project = uri ? await sources.project(uri) : null;
  const editorSeverity = settings?.rules ?? {};
  return metas.map(meta => {
    const withSettings = effectiveSeverity(meta.id, meta.severity, { editorSeverity });
    const severity = effectiveSeverity(meta.id, meta.severity, { editorSeverity, ...projectSelection(project) });
    const configuredBy =
      severity !== withSettings || (project && mentions(project, meta.id))
        ? 'project'
        : editorSeverity[meta.id] !== undefined
          ? 'settings'
          : 'default';
    return {
      id: meta.id,
      name: meta.name,
      summary: meta.summary,
      defaultSeverity: meta.severity,
      severity,
      enabled: severity !== 'off',
      configuredBy,
      ...(configuredBy === 'project' && project ? { projectFile: project.uri } : {}),
      ...(meta.fix ? { fix: { title: meta.fix.title, applicability: meta.fix.applicability } } : {}),
      docsUrl: ruleDocUrl(meta.id),
    };
  });
}

function mentions(project: ProjectConfig, id: string): boolean {
  return Boolean(project.select?.includes(id) || project.ignore?.includes(id) || (project.severity && id in project.severity));
}

/** Registers the handler; `server.ts` calls this once. */
export function registerRulesRequest(connection: Connection, sources: RulesSources, log: Log): void {
  connection.onRequest(rulesRequest, params =>
    guarded(
      'rules',
      log,
      () => describeRules(sources, params),
      () => [] as RuleInfo[],
    ),
  );
}
