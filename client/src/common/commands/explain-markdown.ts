// The "Explain Loss at Cursor" page: the server's hover for the loss when it has one, followed by the
// catalog's explanation (formula, gradient, when to use, parameters, names, code). No vscode import.
import { getCatalogEntry, type Framework, type LossId } from '../../../../core/src/knowledge';
import { FRAMEWORK_LABELS, FRAMEWORKS, lossSnippets } from '../selector/snippets';

export interface ExplainInput {
  lossId: LossId;
  /** Markdown of the LossLens hover at the cursor, when the server gave one. */
  hoverMarkdown?: string;
  /** Parameter values read from the call at the cursor. */
  params?: Record<string, number>;
  /** The editor's framework: its snippet is shown first. */
  framework?: Framework;
}

export function explainMarkdown(input: ExplainInput): string {
  const entry = getCatalogEntry(input.lossId);
  if (!entry) throw new Error(`unknown loss '${input.lossId}'`);
  const out: string[] = [`# ${entry.title}`, ''];
  if (input.hoverMarkdown?.trim()) out.push(input.hoverMarkdown.trim(), '', '---', '');
  out.push('## Formula', '', '```text', entry.formula, '```', '');
  out.push('## Gradient', '', entry.gradient, '');
  if (entry.likelihood) out.push('## Likelihood', '', entry.likelihood, '');
  out.push('## When to use it', '', entry.whenToUse, '');
  out.push('## When not to', '', entry.whenNot, '');
  const params = entry.params.filter(p => !p.plotOnly);
  if (params.length > 0) {
    out.push('## Parameters', '', '| name | default | in this call | meaning |', '|---|---|---|---|');
    for (const p of params) {
      const given = input.params?.[p.name];
      out.push(`| \`${p.name}\` | ${p.default} | ${given === undefined ? '' : String(given)} | ${escapeCell(p.meaning)} |`);
    }
    out.push('');
  }
  const names = FRAMEWORKS.filter(fw => entry.names[fw]?.length).map(
    fw => `- ${FRAMEWORK_LABELS[fw]}: ${entry.names[fw]!.map(n => `\`${n}\``).join(', ')}`,
  );
  if (names.length > 0) out.push('## Names', '', ...names, '');
  out.push('## Code', '');
  const order = input.framework ? [input.framework, ...FRAMEWORKS.filter(f => f !== input.framework)] : FRAMEWORKS;
  for (const fw of order) {
    const s = lossSnippets(entry.id, fw, input.params)[0];
    if (!s) continue;
    out.push(
      `**${FRAMEWORK_LABELS[fw]}** — ${s.custom ? 'custom implementation' : s.label}`,
      '',
      '```' + (fw === 'tfjs' ? 'js' : 'python'),
      s.plain,
      '```',
      '',
    );
  }
  return out.join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
