// Jupyter notebooks as one Python program: the cell model, IPython syntax, nbformat 4 files.
// Runtime-neutral (no Node built-ins): used by the language server and the CLI alike.
export { VirtualNotebook, type NotebookCellInput, type VirtualCell, type CellLocation, type LineCharacter } from './virtual-document';
export { pythonOfCell, splitLines, type PythonCell } from './magics';
export {
  readIpynb,
  virtualNotebookOf,
  jsonOffsetOf,
  writeIpynbSources,
  sourceLines,
  NotebookError,
  type Ipynb,
  type IpynbCell,
  type NotebookProblemKind,
} from './ipynb';
export { toCellEdit, cellEditsOf, type CellEdit, type OffsetEdit } from './cell-edits';
export { parseJsonLocated, JsonSyntaxError, type JsonNode } from './json-located';

/** Whether a path or URI names a Jupyter notebook file. */
export function isNotebookPath(path: string): boolean {
  return /\.ipynb$/i.test(path.replace(/[?#].*$/, ''));
}
