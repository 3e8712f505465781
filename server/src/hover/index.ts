// Hover previews (issue 7): what is under the cursor (framework loss, loss object, compile string,
// recognised user loss, activation feeding the wrong loss, rule code in a suppression comment) and
// its Markdown. Runtime-neutral: the LSP adapter is server/src/lsp/hover.ts.
import type { Span } from '../ir';
import { ruleMeta } from '../rules/registry';
import { ruleDocUrl } from '../rules/docs';
import { parseSuppressions } from '../config/suppressions';
import type { HoverIndex } from './hover-index';
import type { HoverModel, RuleHover } from './model';
import { markdownToPlainText, renderHover, type PlotMode } from './render';

export { buildHoverIndex, type HoverIndex } from './hover-index';
export type { HoverModel, LossHover, RuleHover, ActivationHover, ParamRow } from './model';
export { renderHover, markdownToPlainText, explorerArgs, EXPLORER_COMMAND, HOVER_CURVE_POINTS, type PlotMode } from './render';

import type { HoverPlots } from '../config/settings';
export type { HoverPlots } from '../config/settings';

export interface HoverResult {
  markdown: string;
  span: Span;
  model: HoverModel;
}

/**
 * The hover at `offset` of a document whose index was built from its analysis. `text` is the
 * document's current text (for suppression comments, which the analysis does not see).
 */
export function hoverAt(index: HoverIndex | undefined, text: string, offset: number, options: HoverOptions): HoverResult | undefined {
  const markdown = options.markdown ?? true;
  const finish = (model: HoverModel, plots: PlotMode): HoverResult => {
    const md = renderHover(model, plots);
    return { markdown: markdown ? md : markdownToPlainText(md), span: model.span, model };
  };
  const rule = ruleHoverAt(text, offset);
  if (rule) return finish(rule, 'text');
  if (options.plots === 'off' || !index) return undefined;
  const model = index.at(offset);
  if (!model) return undefined;
  // Images need Markdown.
  return finish(model, options.plots === 'image' && markdown ? 'image' : 'text');
}

export interface HoverOptions {
  plots: HoverPlots;
  /** false: the client shows plain text only (sparklines, no links). Default true. */
  markdown?: boolean;
}

/** A rule code inside `# losslens: ignore[LL001]` on the hovered line. */
export function ruleHoverAt(text: string, offset: number): RuleHover | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd);
  if (!line.includes('losslens')) return undefined;
  for (const s of parseSuppressions(line, [0])) {
    for (const c of s.codes ?? []) {
      const span = { start: lineStart + c.span.start, end: lineStart + c.span.end };
      if (offset < span.start || offset >= span.end) continue;
      const meta = ruleMeta(c.code);
      if (!meta) return undefined;
      return {
        type: 'rule',
        code: meta.id,
        name: meta.name,
        summary: meta.summary,
        what: meta.docs.what,
        why: meta.docs.why,
        href: ruleDocUrl(meta.id),
        span,
      };
    }
  }
  return undefined;
}
