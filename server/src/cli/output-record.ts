// The CLI's finding record (docs/ARCHITECTURE.md "Contracts"): 1-based lines and columns counted in characters (code
// points), end exclusive.
import type { Finding, Severity, Applicability } from '../findings';
import { codePointPositionOf } from '../base/line-index';

export interface OutputRecord {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  code: string;
  name: string;
  severity: Severity;
  message: string;
  cell?: number;
  fix?: { title: string; applicability: Applicability };
  /**
   * Notebooks only (not part of the JSON output): where the finding is in the .ipynb file itself,
   * 1-based, for SARIF; `line`/`column` above are inside cell `cell`.
   */
  fileRegion?: { line: number; column: number; endLine: number; endColumn: number };
}

export function toOutputRecord(f: Finding, file: string, text: string, starts: readonly number[]): OutputRecord {
  return recordAt(f, file, codePointPositionOf(text, starts, f.span.start), codePointPositionOf(text, starts, f.span.end));
}

/** The record of a finding between 0-based positions `s` and `e` (`extra`: the notebook fields). */
export function recordAt(
  f: Finding,
  file: string,
  s: { line: number; column: number },
  e: { line: number; column: number },
  extra: Pick<OutputRecord, 'cell' | 'fileRegion'> = {},
): OutputRecord {
  const r: OutputRecord = {
    file,
    line: s.line + 1,
    column: s.column + 1,
    endLine: e.line + 1,
    endColumn: e.column + 1,
    code: f.code,
    name: f.name,
    severity: f.severity,
    message: f.message,
    ...extra,
  };
  if (f.fix) r.fix = { title: f.fix.title, applicability: f.fix.applicability };
  return r;
}

export function compareRecords(a: OutputRecord, b: OutputRecord): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    (a.cell ?? 0) - (b.cell ?? 0) ||
    a.line - b.line ||
    a.column - b.column ||
    a.code.localeCompare(b.code)
  );
}
