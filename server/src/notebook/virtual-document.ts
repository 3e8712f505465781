// A notebook as one Python program: its code cells concatenated in document order (cells share one
// namespace when run top to bottom), with a map from positions in that text back to (cell, line,
// column). Each cell keeps all of its lines, so a virtual line is a cell line shifted by the lines
// of the cells before it; only IPython-only lines differ in content (they are blanked).
import { lineStarts, lineOfOffset } from '../base/line-index';
import { pythonOfCell } from './magics';

export interface NotebookCellInput {
  /** Identifies the cell to the caller (a cell URI in the editor, the index in a file). */
  id: string;
  kind: 'code' | 'markdown' | 'raw';
  text: string;
}

export interface VirtualCell {
  id: string;
  /** 0-based position among all the cells given (markdown and raw cells included). */
  index: number;
  /** The cell's own text. */
  text: string;
  /** 0-based virtual line of the cell's first line. */
  firstLine: number;
  lineCount: number;
  /** 0-based cell lines that were blanked (IPython magics, shell escapes). */
  blanked: ReadonlySet<number>;
  /** Line starts in the cell's own text. */
  starts: readonly number[];
}

export interface LineCharacter {
  line: number;
  character: number;
}

export interface CellLocation {
  cell: VirtualCell;
  /** 0-based line and UTF-16 character inside the cell. */
  line: number;
  character: number;
  /** UTF-16 offset inside the cell's text. */
  offset: number;
}

export class VirtualNotebook {
  readonly text: string;
  /** The code cells, in document order. */
  readonly cells: readonly VirtualCell[];
  private readonly starts: readonly number[];
  private readonly byId: ReadonlyMap<string, VirtualCell>;

  private constructor(text: string, cells: VirtualCell[]) {
    this.text = text;
    this.cells = cells;
    this.starts = lineStarts(text);
    this.byId = new Map(cells.map(c => [c.id, c]));
  }

  static build(input: readonly NotebookCellInput[]): VirtualNotebook {
    let text = '';
    let line = 0;
    const cells: VirtualCell[] = [];
    input.forEach((c, index) => {
      if (c.kind !== 'code') return;
      const py = pythonOfCell(c.text);
      const starts = lineStarts(c.text);
      cells.push({ id: c.id, index, text: c.text, firstLine: line, lineCount: starts.length, blanked: py.blanked, starts });
      // Every cell ends its last line, so the next cell starts on a line of its own. A lone `\r`
      // followed by `\n` would merge into one line break, hence `\r` after a text ending in `\r`.
      text += py.text + (py.text.endsWith('\r') ? '\r' : '\n');
      line += starts.length;
    });
    return new VirtualNotebook(text, cells);
  }

  cell(id: string): VirtualCell | undefined {
    return this.byId.get(id);
  }

  /** The cell holding a virtual line (the last cell for lines past the end). */
  cellAtLine(line: number): VirtualCell | undefined {
    let lo = 0;
    let hi = this.cells.length - 1;
    if (hi < 0) return undefined;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.cells[mid].firstLine <= line) lo = mid;
      else hi = mid - 1;
    }
    return this.cells[lo];
  }

  /** A virtual LSP position → the cell and the position inside it. */
  toCellPosition(pos: LineCharacter): CellLocation | undefined {
    const cell = this.cellAtLine(pos.line);
    if (!cell) return undefined;
    let line = pos.line - cell.firstLine;
    let character = pos.character;
    if (line >= cell.lineCount) {
      line = cell.lineCount - 1;
      character = Number.MAX_SAFE_INTEGER;
    }
    const lineLength = lineLengthOf(cell.text, cell.starts, line);
    character = Math.max(0, Math.min(character, lineLength));
    return { cell, line, character, offset: cell.starts[line] + character };
  }

  /** A virtual UTF-16 offset → the cell and the position inside it. */
  toCell(offset: number): CellLocation | undefined {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = lineOfOffset(this.starts, o);
    return this.toCellPosition({ line, character: o - this.starts[line] });
  }

  /** A position inside a cell → the virtual position (clamped to the virtual line). */
  toVirtualPosition(cellId: string, pos: LineCharacter): LineCharacter | undefined {
    const cell = this.byId.get(cellId);
    if (!cell) return undefined;
    const cellLine = Math.max(0, Math.min(pos.line, cell.lineCount - 1));
    const line = cell.firstLine + cellLine;
    const character = Math.max(0, Math.min(pos.character, lineLengthOf(this.text, this.starts, line)));
    return { line, character };
  }

  /** A UTF-16 offset inside a cell → the virtual offset. */
  toVirtualOffset(cellId: string, offset: number): number | undefined {
    const cell = this.byId.get(cellId);
    if (!cell) return undefined;
    const o = Math.max(0, Math.min(offset, cell.text.length));
    const line = lineOfOffset(cell.starts, o);
    const pos = this.toVirtualPosition(cellId, { line, character: o - cell.starts[line] });
    return pos && this.starts[pos.line] + pos.character;
  }

  /** The UTF-16 offset of a virtual position. */
  offsetAt(pos: LineCharacter): number {
    const line = Math.max(0, Math.min(pos.line, this.starts.length - 1));
    return this.starts[line] + Math.max(0, Math.min(pos.character, lineLengthOf(this.text, this.starts, line)));
  }

  /** Whether a virtual offset lies on a blanked (IPython-only) line, whose text differs from the cell's. */
  isBlanked(offset: number): boolean {
    const loc = this.toCell(offset);
    return loc !== undefined && loc.cell.blanked.has(loc.line);
  }
}

/** Length of a line without its line ending. */
function lineLengthOf(text: string, starts: readonly number[], line: number): number {
  let end = line + 1 < starts.length ? starts[line + 1] : text.length;
  if (end > starts[line] && text.charCodeAt(end - 1) === 10) end--;
  if (end > starts[line] && text.charCodeAt(end - 1) === 13) end--;
  return end - starts[line];
}
