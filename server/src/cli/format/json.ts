// JSON output: the array of records of docs/ARCHITECTURE.md "Contracts", keys in contract order.
import type { OutputRecord } from '../output-record';

export function formatJson(records: readonly OutputRecord[]): string {
  const ordered = records.map(r => {
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
  });
  return JSON.stringify(ordered, null, 2) + '\n';
}
