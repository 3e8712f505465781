// Ruff-like text output: `path:line:col: CODE message`, then a summary line.
import type { OutputRecord } from '../output-record';
import { displayPath } from '../paths';

export interface TextOptions {
  cwd: string;
  color: boolean;
}

const SEVERITY_COLOR: Record<OutputRecord['severity'], string> = { error: '31', warning: '33', info: '34', hint: '2' };

export function formatText(records: readonly OutputRecord[], options: TextOptions): string {
  const paint = (code: string, s: string) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const lines = records.map(r => {
    const where = `${paint('1', displayPath(r.file, options.cwd))}${paint('36', ':')}${r.line}${paint('36', ':')}${r.column}${paint('36', ':')}`;
    return `${where} ${paint(`1;${SEVERITY_COLOR[r.severity]}`, r.code)} ${r.message}`;
  });
  if (records.length === 0) lines.push(paint('32', 'All checks passed!'));
  else {
    const fixable = records.filter(r => r.fix).length;
    lines.push(`Found ${records.length} problem${records.length === 1 ? '' : 's'} (${fixable} fixable).`);
  }
  return lines.join('\n') + '\n';
}
