// Markdown for a hover model. Plots: a base64 `data:image/svg+xml` image (VS Code renders data URIs in
// hovers; inline <svg> is stripped) or, for text-only clients, unicode sparklines of the same curves.
import { curve, curveInfo, curveSvgDataUri } from '../../../core/src/index';
import { COMMANDS } from '../../../shared/src/commands';
import { ruleDocUrl } from '../rules/docs';
import { code, escapeMarkdown, escapeUserText, formatNumber, formatTensor, tableCell } from './format';
import { keyPoints, type KeyPointTable } from './key-points';
import type { ActivationHover, FindingRef, LossHover, RuleHover, HoverModel } from './model';
import { sparkline } from './sparkline';

export type PlotMode = 'image' | 'text';

/** Samples in the hover image: enough for smooth curves, small enough to keep the SVG under 8 KB. */
export const HOVER_CURVE_POINTS = 128;
export const EXPLORER_COMMAND = COMMANDS.openExplorer;

export function renderHover(model: HoverModel, plots: PlotMode): string {
  switch (model.type) {
    case 'loss':
      return renderLoss(model, plots);
    case 'rule':
      return renderRule(model);
    case 'activation':
      return renderActivation(model);
  }
}

function renderLoss(m: LossHover, plots: PlotMode): string {
  const e = m.entry;
  const out: string[] = [];
  out.push(`**${escapeMarkdown(e.title)}** — ${code(m.label)} · ${escapeMarkdown(m.origin)}`);
  out.push(code(e.formula));
  if (m.findings.length) out.push(findingLines(m.findings));

  if (m.params.length) {
    const rows = m.params.map(p => `| ${tableCell(code(p.name))} | ${tableCell(p.value)} | ${p.note ? escapeMarkdown(p.note) : ''} |`);
    out.push(['| parameter | value | |', '|---|---|---|', ...rows].join('\n'));
  }

  const domain: string[] = [];
  if (m.expects) domain.push(`**Input:** expects ${escapeMarkdown(m.expects)}.`);
  if (m.input) {
    const mark = m.input.fits === false ? '⚠️ ' : m.input.fits === true ? '✓ ' : '';
    const what = m.input.kind ? `the analyzer infers ${escapeMarkdown(m.input.kind)}` : 'the analyzer could not infer its kind';
    const origin = m.input.origin ? ` (from ${escapeUserText(m.input.origin)})` : '';
    const subject = m.input.plain ? escapeMarkdown(m.input.text) : code(m.input.text);
    domain.push(`${mark}Here ${subject}: ${what}${origin}.`);
  }
  if (domain.length) out.push(domain.join('  \n'));

  if (m.literal) out.push(literalLines(m));

  const lines: string[] = [];
  if (e.likelihood) lines.push(`**Likelihood:** ${escapeMarkdown(e.likelihood)}`);
  lines.push(`**Use when:** ${escapeMarkdown(firstSentences(e.whenToUse))}`);
  lines.push(`**Avoid when:** ${escapeMarkdown(firstSentences(e.whenNot))}`);
  out.push(lines.join('  \n'));
  // Notes are written by LossLens (Markdown with code spans), not taken from the document.
  for (const n of m.notes) out.push(`*${n}*`);

  const table = keyPoints(e.id, m.curveParams);
  if (table) out.push(renderTable(table));

  const plot = plots === 'image' ? imageLines(m) : sparklineLines(m);
  if (plot) out.push(plot);

  out.push(links(m));
  return out.join('\n\n');
}

function findingLines(findings: FindingRef[]): string {
  return findings
    .map(f => `⚠️ **${f.code}** ${escapeMarkdown(f.name)}: ${escapeUserText(f.message)} — [rule docs](${ruleDocUrl(f.code)})`)
    .join('  \n');
}

function literalLines(m: LossHover): string {
  const l = m.literal!;
  if (l.error) return `**On these literals:** not evaluated (${escapeUserText(l.error)}).`;
  const value = formatTensor(l.value, l.valueShape);
  const grad = formatTensor(l.grad, l.gradShape);
  const lines = [
    `**On these literals** (input ${code(shortText(l.inputText))}, target ${code(shortText(l.targetText))}, reduction ${code(l.reduction)}):`,
    `loss = **${value}**, ∂loss/∂input = ${code(grad)}${l.reduction === 'none' ? ' (gradient of the sum)' : ''}`,
  ];
  if (l.comparisons.length)
    lines.push(`Same values under ${l.comparisons.map(c => `${escapeMarkdown(c.label)} ${formatNumber(c.value)}`).join(' · ')}`);
  return lines.join('  \n');
}

function shortText(t: string): string {
  const s = t.replace(/\s+/g, ' ');
  return s.length > 48 ? s.slice(0, 47) + '…' : s;
}

/** The first one or two sentences: hovers are read at a glance. Decimals and `.mean()` are not ends. */
export function firstSentences(text: string, max = 240): string {
  const ends: number[] = [];
  for (const m of text.matchAll(/[.!?](?=\s+[A-Z(“"']|\s*$)/g)) ends.push(m.index + 1);
  if (ends.length === 0) return text;
  return text.slice(0, ends.length > 1 && ends[1] <= max ? ends[1] : ends[0]).trim();
}

function renderTable(t: KeyPointTable): string {
  const head = `| ${t.headers.map(escapeMarkdown).join(' | ')} |`;
  const sep = `|${t.headers.map(() => '---:').join('|')}|`;
  const rows = t.rows.map(r => `| ${r.map(tableCell).join(' | ')} |`);
  return [`*${escapeMarkdown(t.caption)}*`, '', head, sep, ...rows].join('\n');
}

export function paramCaption(m: LossHover): string {
  const values = m.entry.params
    .filter(p => !p.plotOnly)
    .map(p => {
      const v = m.curveParams[p.name] ?? p.default;
      // Focal loss: α < 0 is core's way of saying "no α weighting".
      return p.name === 'alpha' && v < 0 ? 'no α weighting' : `${p.name} = ${formatNumber(v)}`;
    });
  return values.join(', ');
}

/** Range that shows the parameter's effect (Huber's kink at δ must be on screen). */
export function plotRange(m: LossHover): { min?: number; max?: number; n: number } {
  const info = curveInfo(m.entry.id);
  const scale = m.entry.id === 'huberLoss' ? m.curveParams.delta : m.entry.id === 'smoothL1Loss' ? m.curveParams.beta : undefined;
  if (scale !== undefined && scale > 0 && 2 * scale > info.range.max) return { min: -3 * scale, max: 3 * scale, n: HOVER_CURVE_POINTS };
  return { n: HOVER_CURVE_POINTS };
}

function imageLines(m: LossHover): string | undefined {
  const caption = paramCaption(m);
  let uri: string;
  try {
    uri = curveSvgDataUri(m.entry.id, m.curveParams, plotRange(m), caption ? { caption } : {});
  } catch {
    return undefined;
  }
  const alt = `${m.entry.title}: loss and gradient${caption ? `, ${caption}` : ''}`.replace(/[[\]]/g, '');
  return `![${alt}](${uri})\n\n*Loss (solid) and gradient (dashed)${caption ? ` for ${escapeMarkdown(caption)}` : ''}: ${escapeMarkdown(curveInfo(m.entry.id).setup)}*`;
}

function sparklineLines(m: LossHover): string | undefined {
  let c;
  try {
    c = curve(m.entry.id, m.curveParams, plotRange(m));
  } catch {
    return undefined;
  }
  const info = curveInfo(m.entry.id);
  const x0 = formatNumber(c.x[0]);
  const x1 = formatNumber(c.x[c.x.length - 1]);
  const caption = paramCaption(m);
  return [
    '```text',
    `loss      ${sparkline(c.loss)}`,
    `gradient  ${sparkline(c.grad)}`,
    `          ${info.xLabel} from ${x0} to ${x1}${caption ? `; ${caption}` : ''}`,
    '```',
  ].join('\n');
}

/** Arguments of the Loss Explorer command, as the command link carries them. */
export function explorerArgs(m: LossHover): { lossId: string; params: Record<string, number> } {
  return { lossId: m.entry.id, params: { ...m.curveParams } };
}

function links(m: LossHover): string {
  const args = encodeURIComponent(JSON.stringify(explorerArgs(m)));
  return `[Open in Loss Explorer](command:${EXPLORER_COMMAND}?${args} "Plot and compare this loss with these parameters")`;
}

function renderRule(m: RuleHover): string {
  return [
    `**${m.code}** ${code(m.name)} — ${escapeMarkdown(m.summary)}`,
    // Rule docs are LossLens's own Markdown.
    `**What it does:** ${m.what}`,
    `**Why it matters:** ${m.why}`,
    `[Rule docs](${m.href})`,
  ].join('\n\n');
}

function renderActivation(m: ActivationHover): string {
  const out = [`**${escapeUserText(m.activation)} → ${escapeUserText(m.loss)}**: domain mismatch`, escapeMarkdown(m.explanation)];
  if (m.findings.length) out.push(findingLines(m.findings));
  if (m.table) {
    out.push(
      [
        `| ${m.table.headers.join(' | ')} |`,
        `|${m.table.headers.map(() => '---:').join('|')}|`,
        ...m.table.rows.map(r => `| ${r.join(' | ')} |`),
      ].join('\n'),
    );
  }
  if (m.lossId) {
    const args = encodeURIComponent(JSON.stringify({ lossId: m.lossId, params: {} }));
    out.push(`[Open in Loss Explorer](command:${EXPLORER_COMMAND}?${args})`);
  }
  return out.join('\n\n');
}

/** For clients that cannot render Markdown: the same content as readable text (no image, no command links). */
export function markdownToPlainText(md: string): string {
  return md
    .replace(/!\[[^\]]*\]\([^)]*\)\n*/g, '')
    .replace(/\[([^\]]+)\]\(command:[^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\(([^)\s]+)(?: "[^"]*")?\)/g, '$1 ($2)')
    .replace(/^```\w*\n?/gm, '')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|\s)\*([^*\n]+)\*(?=\s|$)/gm, '$1$2')
    .replace(/(`+) ?([^`]+?|[^`][\s\S]*?[^`]) ?\1(?!`)/g, '$2')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
