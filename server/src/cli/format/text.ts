// Ruff-like text output: `path:line:col: CODE [*] message` (`[*]`: `losslens fix` fixes it), then a
// summary line saying how many findings `fix` and `fix --unsafe` would fix. This is the `concise`
// output (and `text`, its old name); `full` adds the source line under each finding.
import type { OutputRecord } from '../output-record';
import { displayPath } from '../paths';

export interface TextOptions {
  cwd: string;
  color: boolean;
  /** Some paths could not be checked (reported on stderr): never claim that all checks passed. */
  incomplete?: boolean;
  /** `--show-fixes`: under each fixable finding, its fix and whether it is safe. */
  showFixes?: boolean;
  /** `--quiet`: no summary line. */
  quiet?: boolean;
  /** `full` output: the source line under each finding with the span marked (`lineText` gives the line). */
  lineText?: (r: OutputRecord) => string | undefined;
}

const SEVERITY_COLOR: Record<OutputRecord['severity'], string> = { error: '31', warning: '33', info: '34', hint: '2' };

/** One line per finding, no summary. */
export function formatTextLines(records: readonly OutputRecord[], options: TextOptions): string[] {
  const paint = (code: string, s: string) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  return records.map(r => {
    // Notebooks: `train.ipynb:cell 7:3:5:` (line and column inside the cell).
    const cell = r.cell !== undefined ? `cell ${r.cell}${paint('36', ':')}` : '';
    const where = `${paint('1', displayPath(r.file, options.cwd))}${paint('36', ':')}${cell}${r.line}${paint('36', ':')}${r.column}${paint('36', ':')}`;
    const mark = r.fix?.applicability === 'safe' ? ` ${paint('36', '[*]')}` : '';
    let out = `${where} ${paint(`1;${SEVERITY_COLOR[r.severity]}`, r.code)}${mark} ${r.message}`;
    const source = options.lineText?.(r);
    if (source !== undefined) out += '\n' + snippet(r, source, paint);
    if (options.showFixes && r.fix) out += `\n    ${paint('36', 'fix')} (${r.fix.applicability}): ${r.fix.title}`;
    return out;
  });
}

/**
 * `full`: the line with its number and a marker under the finding's span (to the end of the line
 * when the span goes on), tabs kept so the marker lines up.
 */
function snippet(r: OutputRecord, source: string, paint: (code: string, s: string) => string): string {
  const chars = [...source.replace(/[\r\n]+$/, '')];
  const start = Math.min(r.column - 1, chars.length);
  const end = r.endLine === r.line ? Math.max(start + 1, r.endColumn - 1) : Math.max(start + 1, chars.length);
  const number = String(r.line);
  const gutter = ' '.repeat(number.length);
  const pad = chars
    .slice(0, start)
    .map(c => (c === '\t' ? '\t' : ' '))
    .join('');
  return [
    `${paint('34', `${number} |`)} ${chars.join('')}`,
    `${paint('34', `${gutter} |`)} ${pad}${paint(`1;${SEVERITY_COLOR[r.severity]}`, '^'.repeat(end - start))}`,
  ].join('\n');
}

/** `(N fixable with \`losslens fix\`, M more with --unsafe)`, or '' when nothing is fixable. */
export function fixableNote(records: readonly OutputRecord[]): string {
  const safe = records.filter(r => r.fix?.applicability === 'safe').length;
  const unsafe = records.filter(r => r.fix?.applicability === 'unsafe').length;
  if (safe === 0 && unsafe === 0) return '';
  const parts: string[] = [];
  if (safe) parts.push(`[*] ${safe} fixable with \`losslens fix\``);
  if (unsafe) parts.push(`${unsafe} ${safe ? 'more ' : ''}fixable with \`losslens fix --unsafe\``);
  return ` (${parts.join(', ')})`;
}

export function formatText(records: readonly OutputRecord[], options: TextOptions): string {
  const paint = (code: string, s: string) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const lines = formatTextLines(records, options);
  if (options.quiet) return lines.length ? lines.join('\n') + '\n' : '';
  if (records.length === 0)
    lines.push(options.incomplete ? 'No problems found in the files that could be checked.' : paint('32', 'All checks passed!'));
  else lines.push(`Found ${records.length} problem${records.length === 1 ? '' : 's'}${fixableNote(records)}.`);
  return lines.join('\n') + '\n';
}
