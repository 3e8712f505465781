// Number and tensor text for hovers: short, stable, and exact enough to recognise (3136.33, 0.0123).

export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0 || Object.is(v, -0)) return '0';
  const a = Math.abs(v);
  let s: string;
  if (a >= 1e6 || a < 1e-4)
    s = v
      .toExponential(2)
      .replace(/\.?0+e/, 'e')
      .replace('e+', 'e');
  else if (a >= 1) s = String(Number(v.toFixed(2)));
  else s = String(Number(v.toPrecision(3)));
  return s.replace(/^-/, '−');
}

const MAX_SHOWN = 8;

/** `[0, 0, 64.67]`, nested for matrices, elided past a few elements. */
export function formatTensor(data: readonly number[], shape: readonly number[]): string {
  if (shape.length === 0) return formatNumber(data[0]);
  if (shape.length === 1) return list(data);
  if (shape.length === 2) {
    const [rows, cols] = shape;
    const shown: string[] = [];
    for (let r = 0; r < Math.min(rows, 4); r++) shown.push(list(data.slice(r * cols, (r + 1) * cols)));
    if (rows > 4) shown.push('…');
    return `[${shown.join(', ')}]`;
  }
  return `${list(data)} (shape ${shape.join('×')})`;
}

function list(data: readonly number[]): string {
  const items = data.slice(0, MAX_SHOWN).map(formatNumber);
  if (data.length > MAX_SHOWN) items.push(`… (${data.length} values)`);
  return `[${items.join(', ')}]`;
}

/** Escapes LossLens's own text for a Markdown table cell or inline text (not inside backticks). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>|#]/g, m => `\\${m}`);
}

/**
 * Escapes text that may come from the document (source text, names, messages quoting it) for inline
 * Markdown: every ASCII punctuation character gets a backslash (CommonMark allows one before any of
 * them), so no emphasis, link, image, HTML, entity or autolink (`https://…`, `www.…`, `a@b.c`) can
 * form, whatever the text.
 */
export function escapeUserText(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, m => `\\${m}`);
}

/**
 * Inline code that survives any backticks inside the text: the fence is one backtick longer than
 * the longest run inside, so a literal holding ``` `` ``` cannot close the span early and turn what
 * follows into live Markdown (links, remote images, command links).
 */
export function code(text: string): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' ');
  let longest = 0;
  for (const run of oneLine.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}

/**
 * Markdown for one table cell: GFM splits cells on `|` even inside code spans, and removes the
 * backslash of `\|` there — outside tables that backslash would show, so only cells get it.
 */
export function tableCell(markdown: string): string {
  return markdown.replace(/(?<!\\)\|/g, '\\|');
}
