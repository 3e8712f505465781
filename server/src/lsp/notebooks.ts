// Jupyter notebooks over LSP notebook document sync. The server analyses a notebook's Python cells
// as one document (the notebook's own URI, text = the cells concatenated in order, see
// ../notebook) that goes through the same pipeline as any open Python file; this module keeps that
// document in step with the cells and maps what comes out (diagnostics, hover ranges, code-action
// edits) back to the cells' `vscode-notebook-cell:` URIs, and cell positions in requests to it.
//
// Cell order matters to every cell, so a change anywhere can change another cell's diagnostics.
// Pull mode: a client pulls the cells it knows changed; when a fresh analysis changes any other
// cell's diagnostics the server sends `workspace/diagnostic/refresh` at once (the client's own
// background re-pull of other documents waits 500 ms per document). Push mode: every cell whose
// diagnostics changed is published.
import {
  NotebookDocuments,
  NotebookCellKind,
  type CodeAction,
  type CodeActionParams,
  type Command,
  type Connection,
  type Diagnostic,
  type DidChangeNotebookDocumentParams,
  type NotificationHandler,
  type Hover,
  type HoverParams,
  type NotebookDocument,
  type NotebookDocumentSyncOptions,
  type Position,
  type Range,
  type TextDocumentContentChangeEvent,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { VirtualNotebook, type NotebookCellInput } from '../notebook/virtual-document';
import { lineStarts, positionOf } from '../base/line-index';
import { errorText } from './safety';

/** What the server announces: Jupyter notebooks, their Python cells. */
export const notebookDocumentSync: NotebookDocumentSyncOptions = {
  notebookSelector: [{ notebook: { notebookType: 'jupyter-notebook' }, cells: [{ language: 'python' }] }],
};

/** The parts of the server a notebook needs: its virtual document is an ordinary open document. */
export interface NotebookHost {
  openDocument(uri: string, version: number, text: string): void;
  changeDocument(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void;
  closeDocument(uri: string): void;
  /** The open document's current version. */
  documentVersion(uri: string): number | undefined;
  /** Diagnostics of an open document with configuration applied (positions in its text). */
  diagnose(uri: string): Promise<Diagnostic[]>;
  pullMode(): boolean;
  refreshSupported(): boolean;
  logError(message: string): void;
}

interface NotebookState {
  uri: string;
  /** Version of the virtual document (the server's view, not the notebook's). */
  version: number;
  model: VirtualNotebook;
  /** Recent models by virtual version: diagnostics computed for a version map through its model. */
  models: Map<number, VirtualNotebook>;
  /** Pull mode: the last analysis, reused by the pulls of the other cells. */
  cache?: { version: number; generation: number; byCell: Map<string, Diagnostic[]> };
  inflight?: { version: number; generation: number; result: Promise<Map<string, Diagnostic[]>> };
  /** What each cell last received (pull responses or publishes), as JSON. */
  delivered: Map<string, string>;
}

const KEPT_MODELS = 8;
const NONE = '[]';

export class NotebookSync {
  private readonly notebooks = new NotebookDocuments(TextDocument);
  private readonly states = new Map<string, NotebookState>();
  /** Bumped when anything outside the notebooks changes (settings, files, other documents). */
  private generation = 0;
  private refreshQueued = false;

  constructor(
    private readonly connection: Connection,
    private readonly host: NotebookHost,
  ) {}

  listen(): void {
    // NotebookDocuments fires no change event when cells only move (a structure change without
    // opened or closed cells), and cell order is what this is all about: its change handler is
    // wrapped so that every notebook change is seen once NotebookDocuments has applied it.
    const sync = this.connection.notebooks.synchronization;
    const wrapped = {
      notebooks: {
        synchronization: {
          onDidOpenNotebookDocument: sync.onDidOpenNotebookDocument.bind(sync),
          onDidSaveNotebookDocument: sync.onDidSaveNotebookDocument.bind(sync),
          onDidCloseNotebookDocument: sync.onDidCloseNotebookDocument.bind(sync),
          onDidChangeNotebookDocument: (handler: NotificationHandler<DidChangeNotebookDocumentParams>) =>
            sync.onDidChangeNotebookDocument(async params => {
              await handler(params);
              const nb = this.notebooks.getNotebookDocument(params.notebookDocument.uri);
              if (nb) this.guard('notebook change', () => this.changed(nb));
            }),
        },
      },
    };
    this.notebooks.listen(wrapped as unknown as Connection);
    this.notebooks.onDidOpen(nb => this.guard('notebook open', () => this.opened(nb)));
    this.notebooks.onDidClose(nb => this.guard('notebook close', () => this.closed(nb.uri)));
  }

  /** Whether `uri` is an open notebook's virtual document. */
  isNotebook(uri: string): boolean {
    return this.states.has(uri);
  }

  /** The open notebook a cell belongs to. */
  notebookOfCell(cellUri: string): string | undefined {
    const nb = this.notebooks.findNotebookDocumentForCell(cellUri);
    return nb && this.states.has(nb.uri) ? nb.uri : undefined;
  }

  /** Results computed before this may be stale (configuration, files or other documents changed). */
  invalidate(): void {
    this.generation++;
  }

  // ---- Document sync -------------------------------------------------------------------------

  private cellInputs(nb: NotebookDocument): NotebookCellInput[] {
    const out: NotebookCellInput[] = [];
    for (const cell of nb.cells) {
      const doc = this.notebooks.getCellTextDocument(cell);
      const python = cell.kind === NotebookCellKind.Code && doc !== undefined && doc.languageId === 'python';
      out.push({ id: cell.document, kind: python ? 'code' : 'markdown', text: doc?.getText() ?? '' });
    }
    return out;
  }

  private opened(nb: NotebookDocument): void {
    const model = VirtualNotebook.build(this.cellInputs(nb));
    const state: NotebookState = { uri: nb.uri, version: 1, model, models: new Map([[1, model]]), delivered: new Map() };
    this.states.set(nb.uri, state);
    this.host.openDocument(nb.uri, state.version, model.text);
  }

  private changed(nb: NotebookDocument): void {
    const state = this.states.get(nb.uri);
    if (!state) return;
    const model = VirtualNotebook.build(this.cellInputs(nb));
    const old = state.model;
    const sameCells = old.cells.length === model.cells.length && old.cells.every((c, i) => c.id === model.cells[i].id);
    if (old.text === model.text && sameCells) return;
    state.version++;
    state.model = model;
    state.models.set(state.version, model);
    if (state.models.size > KEPT_MODELS) state.models.delete(state.models.keys().next().value!);
    // Cells deleted or no longer Python code lose what they were shown; new ones have nothing yet.
    const present = new Set(model.cells.map(c => c.id));
    for (const id of [...state.delivered.keys()]) {
      if (present.has(id)) continue;
      state.delivered.delete(id);
      if (!this.host.pullMode()) void this.connection.sendDiagnostics({ uri: id, diagnostics: [] }).catch(() => undefined);
    }
    this.host.changeDocument(nb.uri, state.version, [textChange(old.text, model.text)]);
  }

  private closed(uri: string): void {
    const state = this.states.get(uri);
    if (!state) return;
    this.states.delete(uri);
    if (!this.host.pullMode()) {
      for (const cell of state.delivered.keys())
        void this.connection.sendDiagnostics({ uri: cell, diagnostics: [] }).catch(() => undefined);
    }
    this.host.closeDocument(uri);
  }

  // ---- Diagnostics ---------------------------------------------------------------------------

  /** Pull: one cell's diagnostics. */
  async pullCell(cellUri: string): Promise<Diagnostic[]> {
    const uri = this.notebookOfCell(cellUri);
    const state = uri ? this.states.get(uri) : undefined;
    if (!state) return [];
    const byCell = await this.analysis(state);
    const items = byCell.get(cellUri) ?? [];
    state.delivered.set(cellUri, JSON.stringify(items));
    return items;
  }

  /** Push: publishes the cells whose diagnostics changed (`diagnostics` are the virtual document's). */
  async publish(uri: string, version: number, diagnostics: Diagnostic[]): Promise<void> {
    const state = this.states.get(uri);
    if (!state) return;
    const byCell = this.split(state, version, diagnostics);
    for (const [cell, items] of byCell) {
      const key = JSON.stringify(items);
      if ((state.delivered.get(cell) ?? NONE) === key) continue;
      state.delivered.set(cell, key);
      await this.connection.sendDiagnostics({ uri: cell, diagnostics: items }).catch(() => undefined);
    }
  }

  /** The notebook's diagnostics by cell, computed once per document version and outside change. */
  private analysis(state: NotebookState): Promise<Map<string, Diagnostic[]>> {
    const version = this.host.documentVersion(state.uri) ?? -1;
    const generation = this.generation;
    if (state.cache && state.cache.version === version && state.cache.generation === generation) return Promise.resolve(state.cache.byCell);
    if (state.inflight && state.inflight.version === version && state.inflight.generation === generation) return state.inflight.result;
    const result = this.host.diagnose(state.uri).then(diagnostics => {
      // diagnose() reads the document after its last await: the result belongs to the version now.
      const computedFor = this.host.documentVersion(state.uri) ?? version;
      const byCell = this.split(state, computedFor, diagnostics);
      state.cache = { version: computedFor, generation, byCell };
      this.refreshIfOthersChanged(state, byCell);
      return byCell;
    });
    state.inflight = { version, generation, result };
    void result
      .finally(() => {
        if (state.inflight?.result === result) state.inflight = undefined;
      })
      .catch(() => undefined);
    return result;
  }

  /**
   * After a fresh analysis: when a cell the client did not just pull got different diagnostics,
   * asks the client to pull again (once per analysis, so this cannot loop).
   */
  private refreshIfOthersChanged(state: NotebookState, byCell: Map<string, Diagnostic[]>): void {
    if (!this.host.refreshSupported() || this.refreshQueued) return;
    this.refreshQueued = true;
    // The pulls waiting on this analysis record what they deliver first (they resolve before this timer).
    setTimeout(() => {
      this.refreshQueued = false;
      const stale = [...byCell].some(([cell, items]) => (state.delivered.get(cell) ?? NONE) !== JSON.stringify(items));
      if (stale && this.states.get(state.uri) === state) void this.connection.languages.diagnostics.refresh().catch(() => undefined);
    }, 0);
  }

  /** Virtual-document diagnostics → per cell (every code cell present, most with none). */
  private split(state: NotebookState, version: number, diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
    const model = state.models.get(version) ?? state.model;
    const byCell = new Map<string, Diagnostic[]>(model.cells.map(c => [c.id, []]));
    for (const d of diagnostics) {
      const mapped = toCellDiagnostic(model, state.uri, d);
      if (mapped) byCell.get(mapped.cell)?.push(mapped.diagnostic);
    }
    return byCell;
  }

  // ---- Requests on cells ---------------------------------------------------------------------

  /** A cell position → the notebook document and the position in it. */
  toNotebook(cellUri: string, position: Position): { uri: string; position: Position } | undefined {
    const uri = this.notebookOfCell(cellUri);
    const state = uri ? this.states.get(uri) : undefined;
    const p = state?.model.toVirtualPosition(cellUri, position);
    return state && p ? { uri: state.uri, position: p } : undefined;
  }

  /** Hover on a cell: asked of the notebook document, the range mapped back. */
  async hover(params: HoverParams, provide: (p: HoverParams) => Hover | null | Promise<Hover | null>): Promise<Hover | null> {
    const at = this.toNotebook(params.textDocument.uri, params.position);
    if (!at) return provide(params);
    const state = this.states.get(at.uri)!;
    const model = state.model;
    const hover = await provide({ ...params, textDocument: { uri: at.uri }, position: at.position });
    if (!hover || !hover.range) return hover;
    const r = toCellRange(model, hover.range);
    return r && r.cell === params.textDocument.uri ? { ...hover, range: r.range } : { contents: hover.contents };
  }

  /** Code actions on a cell: asked of the notebook document, edits mapped back to the cells. */
  async codeActions(
    params: CodeActionParams,
    provide: (p: CodeActionParams) => (CodeAction | Command)[] | Promise<(CodeAction | Command)[]>,
  ): Promise<(CodeAction | Command)[]> {
    const cellUri = params.textDocument.uri;
    const uri = this.notebookOfCell(cellUri);
    const state = uri ? this.states.get(uri) : undefined;
    if (!state) return provide(params);
    const model = state.model;
    const toVirtual = (r: Range): Range | undefined => {
      const start = model.toVirtualPosition(cellUri, r.start);
      const end = model.toVirtualPosition(cellUri, r.end);
      return start && end ? { start, end } : undefined;
    };
    const range = toVirtual(params.range);
    if (!range) return [];
    // The client hands back the cell-space diagnostics it was given; their ranges go back to the
    // notebook document (their data is already in its space).
    const diagnostics = params.context.diagnostics.map(d => ({ ...d, range: toVirtual(d.range) ?? d.range }));
    const actions = await provide({ ...params, textDocument: { uri: state.uri }, range, context: { ...params.context, diagnostics } });
    const cellDiagnostics = new Map(diagnostics.map((d, i) => [d, params.context.diagnostics[i]]));
    const out: (CodeAction | Command)[] = [];
    for (const a of actions) {
      if (typeof (a as Command).command === 'string') {
        out.push(a);
        continue;
      }
      const action = a as CodeAction;
      const mapped: CodeAction = { ...action };
      if (action.diagnostics) mapped.diagnostics = action.diagnostics.map(d => cellDiagnostics.get(d) ?? d);
      if (action.edit) {
        const edit = this.toCellEdit(state, model, action.edit);
        if (!edit) continue;
        mapped.edit = edit;
      }
      out.push(mapped);
    }
    return out;
  }

  /** A workspace edit on the notebook document → the same edit on its cells (undefined if one crosses cells). */
  private toCellEdit(state: NotebookState, model: VirtualNotebook, edit: WorkspaceEdit): WorkspaceEdit | undefined {
    const cellVersion = (cell: string): number | null => {
      const nb = this.notebooks.getNotebookDocument(state.uri);
      const c = nb?.cells.find(x => x.document === cell);
      return (c && this.notebooks.getCellTextDocument(c)?.version) ?? null;
    };
    const split = (edits: TextEdit[]): Map<string, TextEdit[]> | undefined => {
      const byCell = new Map<string, TextEdit[]>();
      for (const e of edits) {
        const r = toCellRange(model, e.range, true);
        if (!r) return undefined;
        const list = byCell.get(r.cell) ?? [];
        list.push({ range: r.range, newText: e.newText });
        byCell.set(r.cell, list);
      }
      return byCell;
    };
    const out: WorkspaceEdit = {};
    if (edit.changes) {
      out.changes = {};
      for (const [uri, edits] of Object.entries(edit.changes)) {
        if (uri !== state.uri) {
          out.changes[uri] = edits;
          continue;
        }
        const byCell = split(edits);
        if (!byCell) return undefined;
        for (const [cell, list] of byCell) out.changes[cell] = list;
      }
    }
    if (edit.documentChanges) {
      out.documentChanges = [];
      for (const dc of edit.documentChanges) {
        if (!('textDocument' in dc) || dc.textDocument.uri !== state.uri) {
          out.documentChanges.push(dc);
          continue;
        }
        // A stale edit (the notebook changed since) would land on the wrong lines.
        if (dc.textDocument.version !== null && dc.textDocument.version !== this.host.documentVersion(state.uri)) return undefined;
        const byCell = split(dc.edits.filter((e): e is TextEdit => !('annotationId' in e)));
        if (!byCell) return undefined;
        for (const [cell, edits] of byCell)
          out.documentChanges.push({ textDocument: { uri: cell, version: cellVersion(cell) }, edits } satisfies TextDocumentEdit);
      }
    }
    return out;
  }

  private guard(what: string, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.host.logError(`LossLens: ${what} failed: ${errorText(e)}`);
    }
  }
}

/** One range-replacing change turning `before` into `after` (common prefix and suffix kept). */
export function textChange(before: string, after: string): TextDocumentContentChangeEvent {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Never split a \r\n pair of the old text: a position between \r and \n does not exist in LSP.
  if (start > 0 && before.charCodeAt(start - 1) === 13 && before.charCodeAt(start) === 10) start--;
  if (end > 0 && before.charCodeAt(before.length - end - 1) === 13 && before.charCodeAt(before.length - end) === 10) end--;
  const starts = lineStarts(before);
  const from = positionOf(starts, start);
  const to = positionOf(starts, before.length - end);
  return { range: { start: from, end: to }, text: after.slice(start, after.length - end) };
}

/** A range in the notebook document → the cell and range in it; `strict`: undefined unless it lies inside one cell's real text. */
export function toCellRange(model: VirtualNotebook, range: Range, strict = false): { cell: string; range: Range } | undefined {
  const start = model.toCellPosition(range.start);
  if (!start) return undefined;
  let end = model.toCellPosition(range.end);
  if (!end || end.cell !== start.cell) {
    if (strict) return undefined;
    // A range running into the next cell stops at the end of its first line.
    end = model.toCellPosition({ line: range.start.line, character: Number.MAX_SAFE_INTEGER })!;
  }
  if (strict) {
    for (let l = start.line; l <= end.line; l++) if (start.cell.blanked.has(l)) return undefined;
    const back = (p: Position) => model.toVirtualPosition(start.cell.id, p);
    const s = back(start);
    const e = back(end);
    if (
      !s ||
      !e ||
      s.line !== range.start.line ||
      s.character !== range.start.character ||
      e.line !== range.end.line ||
      e.character !== range.end.character
    )
      return undefined;
  }
  return {
    cell: start.cell.id,
    range: { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } },
  };
}

/** A notebook-document diagnostic shown on its cell; related places in the notebook are mapped too. */
export function toCellDiagnostic(
  model: VirtualNotebook,
  notebookUri: string,
  d: Diagnostic,
): { cell: string; diagnostic: Diagnostic } | undefined {
  const r = toCellRange(model, d.range);
  if (!r) return undefined;
  const diagnostic: Diagnostic = { ...d, range: r.range };
  if (d.relatedInformation) {
    diagnostic.relatedInformation = d.relatedInformation.flatMap(ri => {
      if (ri.location.uri !== notebookUri) return [ri];
      const rr = toCellRange(model, ri.location.range);
      return rr ? [{ ...ri, location: { uri: rr.cell, range: rr.range } }] : [];
    });
  }
  // `data` stays in the notebook document's space: code actions on the cell are translated to it.
  return { cell: r.cell, diagnostic };
}
