// Edits computed on the virtual document (fixes) → edits of the cells they fall in.
import type { VirtualCell, VirtualNotebook } from './virtual-document';

export interface OffsetEdit {
  span: { start: number; end: number };
  newText: string;
}

export interface CellEdit extends OffsetEdit {
  cell: VirtualCell;
}

/**
 * Maps one virtual edit into its cell, or undefined when it cannot be applied to a cell as it is:
 * it spans two cells or touches a blanked IPython line (whose virtual text is not the cell's).
 */
export function toCellEdit(nb: VirtualNotebook, edit: OffsetEdit): CellEdit | undefined {
  const start = nb.toCell(edit.span.start);
  const end = nb.toCell(edit.span.end);
  if (!start || !end || start.cell !== end.cell) return undefined;
  for (let l = start.line; l <= end.line; l++) if (start.cell.blanked.has(l)) return undefined;
  // The offsets must round-trip: positions clamped into a cell (past a line's end) are not the
  // place the edit meant.
  if (nb.toVirtualOffset(start.cell.id, start.offset) !== edit.span.start) return undefined;
  if (nb.toVirtualOffset(end.cell.id, end.offset) !== edit.span.end) return undefined;
  return { cell: start.cell, span: { start: start.offset, end: end.offset }, newText: edit.newText };
}

/** Groups virtual edits by cell; `rejected` are the ones that do not fit in one cell. */
export function cellEditsOf(
  nb: VirtualNotebook,
  edits: readonly OffsetEdit[],
): { byCell: Map<VirtualCell, OffsetEdit[]>; rejected: OffsetEdit[] } {
  const byCell = new Map<VirtualCell, OffsetEdit[]>();
  const rejected: OffsetEdit[] = [];
  for (const e of edits) {
    const ce = toCellEdit(nb, e);
    if (!ce) {
      rejected.push(e);
      continue;
    }
    const list = byCell.get(ce.cell) ?? [];
    list.push({ span: ce.span, newText: ce.newText });
    byCell.set(ce.cell, list);
  }
  return { byCell, rejected };
}
