// JSON output: the array of records of docs/ARCHITECTURE.md "Contracts", keys in contract order; json-lines: one per line.
import type { OutputRecord } from '../output-record';

export function formatJson(records: readonly OutputRecord[]): string {
  return JSON.stringify(records.map(jsonRecord), null, 2) + '\n';
}

/** `json-lines`: the same records, one compact JSON object per line (nothing for a clean run). */
export function formatJsonLines(records: readonly OutputRecord[]): string {
  return records.map(r => JSON.stringify(jsonRecord(r)) + '\n').join('');
}

function jsonRecord(r: OutputRecord): Record<string, unknown> {
  const o: Record<string, unknown> = {
    file: r.file,
    line: r.line,
    column: r.column,
    endLine: r.endLine,
    endColumn: r.endColumn,
    code: r.code,
    name: r.name,
    severity: r.severity,
    message: r.message,
  };
  if (r.cell !== undefined) o.cell = r.cell;
  if (r.fix) o.fix = { title: r.fix.title, applicability: r.fix.applicability };
  return o;
}
