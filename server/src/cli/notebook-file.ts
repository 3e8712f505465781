// A .ipynb file in the CLI (read as one Python program by the lint pipeline's source stage,
// lint/source.ts): findings turned into records whose line and column are inside the cell, with the
// cell's 1-based index among all cells, and the place in the .ipynb JSON itself for SARIF.
import type { Finding } from '../findings';
import { codePointPositionOf, lineStarts } from '../base/line-index';
import { jsonOffsetOf } from '../notebook/ipynb';
import type { NotebookFile } from '../lint/source';
import { recordAt, type OutputRecord } from './output-record';

/** A finding of the notebook's program as a record at its cell. */
export function notebookRecord(
  f: Finding,
  file: string,
  nb: NotebookFile,
  jsonStarts: readonly number[] = lineStarts(nb.ipynb.text),
): OutputRecord | undefined {
  const start = nb.model.toCell(f.span.start);
  if (!start) return undefined;
  let end = nb.model.toCell(f.span.end);
  // A span running into the next cell stops at the end of its first line.
  if (!end || end.cell !== start.cell)
    end = nb.model.toCellPosition({ line: start.cell.firstLine + start.line, character: Number.MAX_SAFE_INTEGER })!;
  const cell = start.cell;
  const s = codePointPositionOf(cell.text, cell.starts, start.offset);
  const e = codePointPositionOf(cell.text, cell.starts, end.offset);
  const json = nb.ipynb.text;
  const js = codePointPositionOf(json, jsonStarts, jsonOffsetOf(nb.ipynb, cell.index, start.offset));
  const je = codePointPositionOf(json, jsonStarts, jsonOffsetOf(nb.ipynb, cell.index, end.offset));
  return recordAt(f, file, s, e, {
    cell: cell.index + 1,
    fileRegion: { line: js.line + 1, column: js.column + 1, endLine: je.line + 1, endColumn: je.column + 1 },
  });
}

/** Records of a notebook's findings (already configured against the program's text). */
export function notebookRecords(findings: readonly Finding[], file: string, nb: NotebookFile): OutputRecord[] {
  const starts = lineStarts(nb.ipynb.text);
  return findings.map(f => notebookRecord(f, file, nb, starts)).filter((r): r is OutputRecord => r !== undefined);
}
