import { Edit, type Parser, type Tree } from 'web-tree-sitter';
import type { Module, Span, Stmt, SyntaxProblem } from '../../ir';
import { FlatTree, type ReuseSource } from './flatTree';
import { lowerModule } from './lower';
import type { KindTable } from './nodeKinds';
import { chunkIndexAt, chunkReuseSource, reuseSource, type AppliedEdit, type ReuseCache } from './reuse';
import { moveSpans, spanList } from './spanList';
import { closedState, scan, splitAllowed, type ScanState } from './statementScanner';
import { pointOf } from './textEdits';

// A Python document is kept as a sequence of chunks, each a run of whole top-level statements with
// its own tree-sitter tree, reuse cache and lowered statements. An edit re-parses only the chunk it
// falls in: tree-sitter's incremental re-parse, and above all its error recovery when the edit breaks
// the syntax, then costs what one chunk costs instead of what the file costs. Chunks after the edit
// are moved by a loop over their span objects.
//
// Chunks are cut only where ./statementScanner.ts says a top-level statement starts with nothing
// open before it, and a chunk whose last statement is unfinished is joined with the next one
// (tree-sitter reads on across a line break wherever none is expected, e.g. after `a.`, so the
// whole-file parse may go on into the next chunk; joining is done once, so that a real error that
// reaches every chunk end does not join the whole file). So for text that tree-sitter parses without error, the concatenated lowering
// equals the lowering of one whole-file tree (spans are absolute; the tests check it after random
// edits). After an edit the chunk is scanned again and merged with its neighbours until both of its
// ends are such split points again. A syntax error stays inside its chunk (or two): the statements of
// the other chunks are still analysed, and an edit never costs a re-parse of the whole file unless it
// opens a string or bracket that the rest of the file cannot close.

/**
 * About how many UTF-16 units of text a chunk holds. Measured on the 5,000-line keystroke benchmark
 * file, front end alone: 1,024 gave update p50 ~0.9 ms / p95 ~2 ms, 4,096 p50 ~1.2 / p95 ~2.7 and
 * 8,192 p50 ~1.3 / p95 ~3.4; 512 was no better than 1,024, and the first parse did not change.
 */
export const CHUNK_TARGET = 1024;

export interface ChunkParsing {
  parser: Parser;
  table: KindTable;
  /** One flat buffer serves every chunk: parsing is synchronous and the IR is built before returning. */
  flat: FlatTree;
  /** CHUNK_TARGET, smaller in tests that want many chunks; a chunk that grew past 4 times this after edits is cut again. */
  target: number;
}

/** tree-sitter returned no tree (the wasm heap is exhausted on a huge file). */
export class ParseFailure extends Error {}

interface Chunk {
  start: number;
  end: number;
  tree: Tree;
  cache: ReuseCache;
  body: Stmt[];
  errors: SyntaxProblem[];
  /** Every span object of body and errors, to move the chunk when an edit before it changes the length. */
  spans: Span[];
  /** The text before the chunk left a bracket open (a syntax error): it starts at a statement-only keyword. */
  afterOpen: boolean;
  /** A syntax error reaches the chunk's end (FlatTree.endsInError): the next chunk may continue its last statement. */
  endsInError: boolean;
}

/** No edit: positions are the same before and after. */
const NO_EDIT: AppliedEdit = { startIndex: -2, oldEndIndex: -2, newEndIndex: -2 };

export class ChunkedDocument {
  private chunks: Chunk[] = [];

  constructor(
    private readonly ctx: ChunkParsing,
    private currentText: string,
  ) {
    this.chunks = this.build(currentText, 0, currentText.length, false, undefined);
  }

  get text(): string {
    return this.currentText;
  }

  /** The chunks' ranges of the current text (for tests). */
  ranges(): { start: number; end: number }[] {
    return this.chunks.map(c => ({ start: c.start, end: c.end }));
  }

  module(): Module {
    const body: Stmt[] = [];
    const syntaxErrors: SyntaxProblem[] = [];
    for (const c of this.chunks) {
      append(body, c.body);
      append(syntaxErrors, c.errors);
    }
    return { language: 'python', body, syntaxErrors };
  }

  /** Deletes every tree: the document must not be used afterwards. */
  dispose(): void {
    for (const c of this.chunks) c.tree.delete();
    this.chunks = [];
  }

  /**
   * Moves to `text`, which `edit` (one edit, in the coordinates of the previous text and of `text`)
   * made from the previous text; null when the edit is not known: everything is parsed afresh.
   */
  update(text: string, edit: AppliedEdit | null): void {
    if (edit === null) {
      const fresh = this.build(text, 0, text.length, false, undefined);
      this.dispose();
      this.chunks = fresh;
      this.currentText = text;
      return;
    }
    if (edit.startIndex === edit.oldEndIndex && edit.startIndex === edit.newEndIndex) {
      this.currentText = text;
      return;
    }
    this.applyEdit(text, edit);
    this.currentText = text;
  }

  private applyEdit(text: string, edit: AppliedEdit): void {
    const chunks = this.chunks;
    const { startIndex: s, oldEndIndex: oe, newEndIndex: ne } = edit;
    const delta = ne - oe;
    let a = this.chunkAt(s);
    // Whole lines inserted where a chunk starts belong to the chunk above: the chunk's first line,
    // which must stay a split point, is then left as it was.
    if (oe === s && a > 0 && s === chunks[a].start && text.charCodeAt(ne - 1) === 10) a--;
    const b0 = oe > s ? this.chunkAt(oe - 1) : a;
    let b = Math.max(a, b0);

    // The region's first line must still start a statement, else it joins the chunk above.
    if (a > 0 && !splitAllowed(text, chunks[a].start, chunks[a].afterOpen ? openState() : closedState())) a--;
    const from = chunks[a].start;
    let to = chunks[b].end + delta;
    // (Only an emptied region is checked against the state before it: scanning resets it at `from`.)
    const state = chunks[a].afterOpen ? openState() : closedState();
    const splits: number[] = [];
    const afterOpen: boolean[] = [];
    scan(text, from, to, state, splits, afterOpen);
    // …and the next chunk must still start where a statement starts, else it joins the region.
    while (b < chunks.length - 1 && !splitAllowed(text, to, state)) {
      b++;
      const next = chunks[b].end + delta;
      scan(text, to, next, state, splits, afterOpen);
      to = next;
    }
    const endOpen = state.depth > 0;

    // A chunk is always cut where a statement-only keyword ends an open bracket, to keep the error
    // in the chunk above: that takes a fresh parse.
    let endedInError = false;
    if (a === b && to > from && to - from <= 4 * this.ctx.target && !afterOpen.includes(true)) {
      endedInError = chunks[a].endsInError;
      this.reparse(chunks[a], text, edit, to);
    } else {
      const old = chunks.slice(a, b + 1);
      const fresh = this.build(text, from, to, chunks[a].afterOpen, chunkReuseSource(old, edit), splits, afterOpen);
      for (const c of old) c.tree.delete();
      chunks.splice(a, b - a + 1, ...fresh);
      b = a + fresh.length - 1;
    }
    if (b + 1 < chunks.length) chunks[b + 1].afterOpen = endOpen;
    if (delta !== 0) {
      for (let k = b + 1; k < chunks.length; k++) {
        const c = chunks[k];
        c.start += delta;
        c.end += delta;
        moveSpans(c.spans, delta);
      }
    }
    // Where the last statement is unfinished, the whole-file parse may read on into the next chunk:
    // so does the chunk (unless a bracket left open before that chunk ends the error there). Once:
    // an error that joining does not settle is a real one (tree-sitter's recovery of broken
    // indentation can reach the end of every chunk), and it stays where it is.
    if (b >= 0 && b + 1 < chunks.length && chunks[b].endsInError && !endedInError && !chunks[b + 1].afterOpen) {
      const pair = chunks.slice(b, b + 2);
      const fresh = this.build(text, pair[0].start, pair[1].end, pair[0].afterOpen, chunkReuseSource(pair, NO_EDIT));
      for (const c of pair) c.tree.delete();
      chunks.splice(b, 2, ...fresh);
      b += fresh.length - 1;
    }
  }

  /** The chunk an edit at `offset` of the current text falls in. */
  private chunkAt(offset: number): number {
    return chunkIndexAt(this.chunks, offset);
  }

  /** tree-sitter's incremental re-parse of one chunk, which now ends at `to`. */
  private reparse(chunk: Chunk, text: string, edit: AppliedEdit, to: number): void {
    const base = chunk.start;
    const oldText = this.text.slice(base, chunk.end);
    const newText = text.slice(base, to);
    const rel = {
      startIndex: edit.startIndex - base,
      oldEndIndex: edit.oldEndIndex - base,
      newEndIndex: edit.newEndIndex - base,
      startPosition: pointOf(oldText, edit.startIndex - base),
      oldEndPosition: pointOf(oldText, edit.oldEndIndex - base),
      newEndPosition: pointOf(newText, edit.newEndIndex - base),
    };
    chunk.tree.edit(new Edit(rel));
    const tree = this.parse(newText, chunk.tree);
    const reuse = reuseSource(chunk.cache, [rel], chunk.tree.getChangedRanges(tree), base);
    chunk.tree.delete();
    chunk.tree = tree;
    chunk.end = to;
    this.lower(chunk, text, reuse);
  }

  /**
   * Parses text[from, to) afresh as chunks of about CHUNK_TARGET, cut at split points (found by
   * scanning unless given, with whether each follows an open bracket).
   */
  private build(
    text: string,
    from: number,
    to: number,
    firstAfterOpen: boolean,
    reuse: ReuseSource | undefined,
    splits?: readonly number[],
    afterOpen?: readonly boolean[],
  ): Chunk[] {
    if (splits === undefined || afterOpen === undefined) {
      const found: number[] = [];
      const open: boolean[] = [];
      scan(text, from, to, closedState(), found, open);
      splits = found;
      afterOpen = open;
    }
    const out: Chunk[] = [];
    const target = this.ctx.target;
    try {
      let start = from;
      let open = firstAfterOpen;
      let retried = false;
      /**
       * Adds the chunk [start, end), unless `end` is not the last and the chunk's last statement is
       * unfinished: then the chunk goes on to the next split point (once, as after an edit).
       */
      const add = (end: number, nextOpen: boolean, last: boolean): void => {
        const tree = this.parse(text.slice(start, end), null);
        const chunk: Chunk = { start, end, tree, cache: new Map(), body: [], errors: [], spans: [], afterOpen: open, endsInError: false };
        if (!this.lower(chunk, text, reuse, !last && !nextOpen && !retried)) {
          tree.delete();
          retried = true;
          return;
        }
        out.push(chunk);
        start = end;
        open = nextOpen;
        retried = false;
      };
      for (let k = 0; k < splits.length; k++) {
        if (splits[k] - start >= target || afterOpen[k]) add(splits[k], afterOpen[k], false);
      }
      // The whole document may be empty; a region never is (an emptied one leaves no chunk).
      if (to > start || (from === 0 && to === text.length && out.length === 0)) add(to, false, true);
    } catch (err) {
      for (const c of out) c.tree.delete();
      throw err;
    }
    return out;
  }

  private parse(text: string, old: Tree | null): Tree {
    let tree: Tree | null;
    try {
      tree = this.ctx.parser.parse(text, old);
    } catch {
      tree = null;
    }
    if (tree === null) throw new ParseFailure('tree-sitter returned no tree');
    return tree;
  }

  /**
   * Lowers the chunk's tree. With `unlessEndsInError`, a chunk whose last statement is unfinished is
   * left alone and false returned (before anything reused is moved).
   */
  private lower(chunk: Chunk, text: string, reuse: ReuseSource | undefined, unlessEndsInError = false): boolean {
    const { flat, table } = this.ctx;
    const cache: ReuseCache = new Map();
    try {
      flat.load(chunk.tree, text, table, reuse, chunk.start);
      chunk.endsInError = flat.endsInError();
      if (unlessEndsInError && chunk.endsInError) return false;
      const m = lowerModule(flat, table, cache);
      chunk.body = m.body;
      chunk.errors = m.syntaxErrors;
      chunk.cache = cache;
    } catch (err) {
      // A bug here must not take the server down: report it on the chunk instead.
      chunk.body = [];
      chunk.errors = [
        { span: { start: chunk.start, end: chunk.start }, message: `Internal error while reading this Python file: ${String(err)}` },
      ];
      chunk.cache = new Map();
      chunk.endsInError = false;
    }
    chunk.spans = spanList(chunk.body, chunk.errors);
    return true;
  }
}

function openState(): ScanState {
  const s = closedState();
  s.depth = 1;
  return s;
}

/** push(...items) without the argument-count limit of spreading a huge block. */
function append<T>(out: T[], items: readonly T[]): void {
  for (let j = 0; j < items.length; j++) out.push(items[j]);
}
