// Reading Jupyter notebooks (nbformat 4 JSON) and writing changed cell sources back in place.
import { parseJsonLocated, member, rawOffsetInString, JsonSyntaxError, type JsonNode } from './json-located';
import { lineStarts, positionOf } from '../base/line-index';
import { VirtualNotebook, type NotebookCellInput } from './virtual-document';

/**
 * Why a file cannot be analysed as a notebook. `invalid` files are broken (bad JSON, an old or
 * unknown format); `unsupported` ones are fine notebooks LossLens has nothing to say about (no code
 * cells, another kernel language).
 */
export type NotebookProblemKind = 'invalid' | 'unsupported';

export class NotebookError extends Error {
  constructor(
    message: string,
    readonly kind: NotebookProblemKind,
  ) {
    super(message);
  }
}

export interface IpynbCell {
  /** 0-based index among all cells. */
  index: number;
  kind: 'code' | 'markdown' | 'raw';
  source: string;
  /** The `source` value in the file (a string or an array of strings), for splicing and positions. */
  sourceNode: JsonNode | undefined;
  /** The cell object in the file. */
  node: JsonNode;
}

export interface Ipynb {
  /** The file's text, exactly as read. */
  text: string;
  cells: IpynbCell[];
  /** The kernel language, when the notebook says. */
  language: string | undefined;
}

const CELL_KINDS = new Set(['code', 'markdown', 'raw']);

/** Parses a notebook file; throws NotebookError with a message for the user. */
export function readIpynb(text: string): Ipynb {
  let root: JsonNode;
  try {
    root = parseJsonLocated(text);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    const p = positionOf(lineStarts(text), e.offset);
    throw new NotebookError(`not valid JSON (line ${p.line + 1}, column ${p.character + 1}: ${e.message})`, 'invalid');
  }
  if (root.kind !== 'object') throw new NotebookError('not a Jupyter notebook (the file is not a JSON object)', 'invalid');
  const major = member(root, 'nbformat');
  if (major?.kind !== 'number') {
    throw new NotebookError(
      member(root, 'worksheets')
        ? 'nbformat 3 notebooks are not supported; convert it with `jupyter nbconvert --to notebook --nbformat 4`'
        : 'not a Jupyter notebook (no "nbformat" number)',
      'invalid',
    );
  }
  if (major.value < 4) {
    throw new NotebookError(
      `nbformat ${major.value} notebooks are not supported; convert it with \`jupyter nbconvert --to notebook --nbformat 4\``,
      'invalid',
    );
  }
  if (major.value > 4) throw new NotebookError(`nbformat ${major.value} is newer than LossLens understands (nbformat 4)`, 'invalid');
  const cellsNode = member(root, 'cells');
  if (cellsNode?.kind !== 'array') throw new NotebookError('not a valid nbformat 4 notebook (no "cells" array)', 'invalid');

  const cells: IpynbCell[] = [];
  cellsNode.items.forEach((node, index) => {
    const type = member(node, 'cell_type');
    if (node.kind !== 'object' || type?.kind !== 'string') throw new NotebookError(`cell ${index + 1} has no "cell_type"`, 'invalid');
    // Unknown cell types (a future format) are kept in the numbering and never analysed.
    const kind = CELL_KINDS.has(type.value) ? (type.value as IpynbCell['kind']) : 'raw';
    const sourceNode = member(node, 'source');
    cells.push({ index, kind, source: sourceText(sourceNode, index), sourceNode, node });
  });

  const metadata = member(root, 'metadata');
  const kernelLanguage = member(member(metadata, 'kernelspec'), 'language');
  const infoName = member(member(metadata, 'language_info'), 'name');
  const language = kernelLanguage?.kind === 'string' ? kernelLanguage.value : infoName?.kind === 'string' ? infoName.value : undefined;
  if (language !== undefined && language.toLowerCase() !== 'python') {
    throw new NotebookError(`not a Python notebook (kernel language: ${language})`, 'unsupported');
  }
  if (!cells.some(c => c.kind === 'code')) throw new NotebookError('the notebook has no code cells', 'unsupported');
  return { text, cells, language };
}

function sourceText(node: JsonNode | undefined, index: number): string {
  if (node === undefined) return '';
  if (node.kind === 'string') return node.value;
  if (node.kind === 'array' && node.items.every(n => n.kind === 'string'))
    return node.items.map(n => (n as { value: string }).value).join('');
  throw new NotebookError(`cell ${index + 1}: "source" must be a string or a list of strings`, 'invalid');
}

/** The notebook's code cells as one program (cell ids are the 0-based indices, as strings). */
export function virtualNotebookOf(nb: Ipynb): VirtualNotebook {
  const input: NotebookCellInput[] = nb.cells.map(c => ({ id: String(c.index), kind: c.kind, text: c.source }));
  return VirtualNotebook.build(input);
}

/** Where a character of a cell's source is in the .ipynb text (a UTF-16 offset). */
export function jsonOffsetOf(nb: Ipynb, cellIndex: number, offsetInCell: number): number {
  const cell = nb.cells[cellIndex];
  const node = cell?.sourceNode;
  if (!node) return cell ? cell.node.start : 0;
  if (node.kind === 'string') return rawOffsetInString(nb.text, node, offsetInCell);
  if (node.kind !== 'array' || node.items.length === 0) return node.start;
  let before = 0;
  for (let k = 0; k < node.items.length; k++) {
    const item = node.items[k] as Extract<JsonNode, { kind: 'string' }>;
    const len = item.value.length;
    // A position at the end of a line that ends with '\n' is still on that line.
    if (offsetInCell < before + len || k === node.items.length - 1) return rawOffsetInString(nb.text, item, offsetInCell - before);
    before += len;
  }
  return node.end;
}

/**
 * The notebook text with the given cells' sources replaced; every other byte (outputs, metadata,
 * key order, formatting, unchanged cells) stays as it was. The new source keeps the shape of the
 * old one: a list of lines (each ending with its line break, as nbformat writes them) laid out
 * like the old list, or a single string.
 */
export function writeIpynbSources(nb: Ipynb, sources: ReadonlyMap<number, string>): string {
  const splices: { start: number; end: number; text: string }[] = [];
  for (const [index, source] of sources) {
    const cell = nb.cells[index];
    if (!cell) throw new Error(`no cell ${index + 1}`);
    if (cell.source === source) continue;
    const node = cell.sourceNode;
    if (!node) {
      // No "source" key at all (not valid nbformat, but seen): add one as the cell's first key.
      const open = cell.node.start + 1;
      splices.push({ start: open, end: open, text: `\n${indentOfLine(nb.text, cell.node.start)} "source": ${JSON.stringify(source)},` });
      continue;
    }
    splices.push({
      start: node.start,
      end: node.end,
      text: node.kind === 'string' ? JSON.stringify(source) : sourceArray(nb.text, node, source),
    });
  }
  splices.sort((a, b) => b.start - a.start);
  let out = nb.text;
  for (const s of splices) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

/** Splits after each line break, keeping it (Python's `splitlines(keepends=True)` for \n, \r\n, \r). */
export function sourceLines(source: string): string[] {
  return source.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

function sourceArray(text: string, node: JsonNode, source: string): string {
  const items = sourceLines(source).map(l => JSON.stringify(l));
  if (items.length === 0) return '[]';
  const old = node.kind === 'array' ? node.items : [];
  const layout = old.length > 0 ? text.slice(node.start + 1, old[0].start) : '';
  if (old.length > 0 && !layout.includes('\n')) {
    const sep = old.length > 1 ? text.slice(old[0].end, old[1].start) : ', ';
    return `[${layout}${items.join(sep)}${text.slice(old[old.length - 1].end, node.end - 1)}]`;
  }
  let itemIndent: string;
  let closeIndent: string;
  if (old.length > 0) {
    itemIndent = layout.slice(layout.lastIndexOf('\n') + 1);
    const tail = text.slice(old[old.length - 1].end, node.end - 1);
    closeIndent = tail.includes('\n') ? tail.slice(tail.lastIndexOf('\n') + 1) : '';
  } else {
    // An empty list: lay the lines out the way nbformat does (one more space than the key's line).
    closeIndent = indentOfLine(text, node.start);
    itemIndent = closeIndent + ' ';
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return `[${eol}${items.map(i => itemIndent + i).join(`,${eol}`)}${eol}${closeIndent}]`;
}

function indentOfLine(text: string, offset: number): string {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}
