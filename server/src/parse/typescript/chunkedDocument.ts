import type * as TS from 'typescript';
import type { Module, Span, Stmt, SyntaxProblem } from '../../ir';
import { chunkCanFollow, chunkCanPrecede, cutPoints } from './chunkRules';
import { lowerChunk, parseDiagnosticsOf, spansOf, type ExportEffect, type LoweredStatement, type LoweredStatements } from './lower';
import { moveSpans } from './spanList';
import { K } from './syntaxKind';

// A document is a sequence of chunks, each a run of whole top-level statements with a source file
// of its own, cut where parsing the pieces separately gives exactly the statements of parsing the
// whole (./chunkRules.ts). An edit re-parses one chunk (ts.updateSourceFile on a few KB instead of
// the document) and moves the chunks after it, each by one loop over its own list of spans. When an
// edit breaks a cut (a `/*` left open, a `(` at the start of a chunk), the chunks around it are
// merged until it holds again; a chunk grown too big is cut again.
//
// Chunks are parsed lazily: the first parse of a document parses it whole, lowers it, and cuts it
// where the rules allow; such a chunk keeps only its text and the lowered statements ("seeds") until
// an edit first touches it. Then its (unchanged) text is parsed on its own, its statements are
// matched with the seeds (same kind and extent: for code without errors the parse is the same by
// the rules above), and the edit goes through ts.updateSourceFile, so statements it does not touch
// keep their lowering and identity. Chunks cut from a bigger chunk and merged chunks start the same way.

/** What a chunk needs from the front end: parsing and lowering with its settings. */
export interface ChunkContext {
  ts: typeof TS;
  opText: readonly string[];
  /** Target size of a chunk in UTF-16 code units; chunks beyond twice that are cut again. */
  chunkSize: number;
  /** Parses `text` on its own, as part of a module when `inModule` (whatever its own statements say). */
  parse(text: string, inModule: boolean): TS.SourceFile;
  /** ts.updateSourceFile on a chunk, with the same module setting. */
  update(sf: TS.SourceFile, text: string, range: TS.TextChangeRange, inModule: boolean): TS.SourceFile;
}

export interface ChunkInfo {
  id: number;
  start: number;
  end: number;
  parsed: boolean;
}

/** A lowered top-level statement of a chunk; `pos`/`end` are relative to the chunk's text. */
interface Top {
  kind: number;
  pos: number;
  end: number;
  entry: LoweredStatement;
  /** The statement makes its file a module (import, export, import.meta). */
  module: boolean;
}

interface Chunk {
  /** Stays while the chunk is the same object: only edits inside it and moves change it. */
  id: number;
  /** Document offset of the chunk's text. */
  start: number;
  text: string;
  /** Undefined until an edit touches the chunk (its statements are then `tops`, lowered from a bigger parse). */
  sf: TS.SourceFile | undefined;
  lowered: LoweredStatements | undefined;
  tops: Top[];
  body: Stmt[];
  effects: ExportEffect[];
  syntaxErrors: SyntaxProblem[];
  /** Every span of the chunk's IR and syntax errors once; listed when the chunk first moves. */
  spans: Span[] | undefined;
  /** Another chunk may follow this one / this one may follow another (./chunkRules.ts). */
  canPrecede: boolean;
  canFollow: boolean;
  ownModule: boolean;
}

// `NodeFlags.PossiblyContainsImportMeta` is internal; its typescript 5.9 value when the module lacks it.
const POSSIBLY_CONTAINS_IMPORT_META = 1 << 23;

function importMetaFlag(ts: typeof TS): number {
  return (ts.NodeFlags as unknown as Record<string, number>).PossiblyContainsImportMeta ?? POSSIBLY_CONTAINS_IMPORT_META;
}

/** What typescript's own `isFileProbablyExternalModule` asks of one top-level statement. */
export function makesModule(ts: typeof TS, node: TS.Statement, fileFlags: number): boolean {
  switch (node.kind as number) {
    case K.ImportDeclaration:
    case K.ExportAssignment:
    case K.ExportDeclaration:
      return true;
    case K.ImportEqualsDeclaration:
      if (((node as TS.ImportEqualsDeclaration).moduleReference.kind as number) === K.ExternalModuleReference) return true;
  }
  const mods = (node as { modifiers?: TS.NodeArray<TS.ModifierLike> }).modifiers;
  if (mods) for (let i = 0; i < mods.length; i++) if ((mods[i].kind as number) === K.ExportKeyword) return true;
  if ((fileFlags & importMetaFlag(ts)) === 0) return false;
  const visit = (n: TS.Node): boolean =>
    ((n.kind as number) === K.MetaProperty &&
      ((n as TS.MetaProperty).keywordToken as number) === K.ImportKeyword &&
      (n as TS.MetaProperty).name.text === 'meta') ||
    ts.forEachChild(n, visit) === true;
  return visit(node);
}

export function isModuleFile(ts: typeof TS, sf: TS.SourceFile): boolean {
  for (const s of sf.statements) if (makesModule(ts, s, sf.flags)) return true;
  return false;
}

/** Chunk ids are unique in the process, across documents and rebuilds. */
let nextChunkId = 0;

export class ChunkedDocument {
  private chunks: Chunk[] = [];
  /** How many chunks hold a statement that makes the document a module. */
  private moduleChunks = 0;
  /** Some chunk's export effects changed since the module was last assembled. */
  private exportsChanged = true;
  module!: Module;

  private constructor(
    private readonly cx: ChunkContext,
    public text: string,
  ) {}

  /** The document parsed whole, then cut into lazily parsed chunks. */
  static parse(cx: ChunkContext, text: string): ChunkedDocument {
    const doc = new ChunkedDocument(cx, text);
    const sf = cx.parse(text, false);
    const map: LoweredStatements = new WeakMap();
    const lowered = lowerChunk(cx.ts, sf, cx.opText, map, 0);
    const tops = topsOf(cx.ts, sf, lowered.tops);
    doc.chunks = doc.cut({ start: 0, text, sf, lowered: map, tops, syntaxErrors: lowered.syntaxErrors, canFollow: true, canPrecede: true });
    doc.moduleChunks = doc.chunks.reduce((n, c) => n + (c.ownModule ? 1 : 0), 0);
    doc.assemble();
    return doc;
  }

  /**
   * Applies one change: `[start, oldEnd)` of the current text replaced by `newLength` characters,
   * giving `newText`.
   */
  edit(newText: string, start: number, oldEnd: number, newLength: number): void {
    const wasModule = this.moduleChunks > 0;
    const delta = newLength - (oldEnd - start);
    let k = this.chunkAt(start);
    if (oldEnd > start) {
      // A change reaching into later chunks is applied to them merged (correct, only slower).
      const m = this.chunkAt(oldEnd - 1);
      if (m > k && oldEnd - start > this.text.length / 2) {
        // Most of the document replaced: merging the old chunks first would parse it twice.
        this.text = newText;
        this.rebuild();
        return;
      }
      if (m > k) k = this.merge(k, m);
    }
    const c = this.chunks[k];
    this.parseOnItsOwn(c);
    const range = this.cx.ts.createTextChangeRange(this.cx.ts.createTextSpan(start - c.start, oldEnd - start), newLength);
    const text = ownCopy(newText.slice(c.start, c.start + c.text.length + delta));
    const inModule = this.moduleChunks - (c.ownModule ? 1 : 0) > 0;
    let sf: TS.SourceFile;
    try {
      sf = this.cx.update(c.sf!, text, range, inModule);
    } catch {
      // The incremental parser asserts its invariants; a failed assertion costs a parse of the chunk.
      sf = this.cx.parse(text, inModule);
      c.lowered = new WeakMap();
    }
    c.text = text;
    c.sf = sf;
    this.lower(c);
    for (let j = k + 1; j < this.chunks.length; j++) this.move(this.chunks[j], delta);
    this.text = newText;
    k = this.keepCuts(k);
    if (this.chunks[k].text.length > 2 * this.cx.chunkSize) this.recut(k);
    if (this.moduleChunks > 0 !== wasModule && this.chunks.some(ch => ch.text.includes('await'))) {
      // Whether `await` at the top level is an operator depends on the whole document being a
      // module: when that changes, chunks parsed under the old answer may be wrong.
      this.rebuild();
      return;
    }
    this.assemble();
  }

  /** The current text parsed afresh: nothing of the old chunks is kept. */
  private rebuild(): void {
    const fresh = ChunkedDocument.parse(this.cx, this.text);
    this.chunks = fresh.chunks;
    this.moduleChunks = fresh.moduleChunks;
    this.module = fresh.module;
    this.exportsChanged = false;
  }

  /** Index of the chunk holding offset `at`; an offset where a chunk starts belongs to that chunk. */
  private chunkAt(at: number): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.chunks[mid].start <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private move(c: Chunk, delta: number): void {
    if (delta === 0) return;
    c.start += delta;
    if (c.spans === undefined) {
      const spans: Span[] = [];
      for (const t of c.tops) for (const s of spansOf(t.entry)) spans.push(s);
      for (const e of c.syntaxErrors) spans.push(e.span);
      c.spans = spans;
    }
    moveSpans(c.spans, delta);
  }

  /** Gives a lazily parsed chunk its source file, its statements matched with the lowered ones. */
  private parseOnItsOwn(c: Chunk): void {
    if (c.sf) return;
    c.sf = this.cx.parse(c.text, this.moduleChunks - (c.ownModule ? 1 : 0) > 0);
    c.lowered = new WeakMap();
    seed(c.lowered, c.sf, c.start, c.tops);
  }

  /** Lowers a chunk's (new) source file, reusing what its `lowered` map holds. */
  private lower(c: Chunk): void {
    const sf = c.sf!;
    const lowered = lowerChunk(this.cx.ts, sf, this.cx.opText, c.lowered, c.start);
    const ownModule = c.ownModule;
    const effects = c.effects;
    setLowered(c, topsOf(this.cx.ts, sf, lowered.tops), lowered.syntaxErrors);
    // Reused statements bring back the very same effect objects: a typed character rarely changes exports.
    if (!sameEffects(effects, c.effects)) this.exportsChanged = true;
    this.moduleChunks += (c.ownModule ? 1 : 0) - (ownModule ? 1 : 0);
    const diagnostics = parseDiagnosticsOf(sf);
    c.canFollow = chunkCanFollow(sf);
    c.canPrecede = chunkCanPrecede(sf, diagnostics);
  }

  /** Merges chunks `from..to` (current text) into one parsed chunk; returns its index. */
  private merge(from: number, to: number): number {
    const parts = this.chunks.slice(from, to + 1);
    const start = parts[0].start;
    const seeds: Top[] = [];
    let ownModules = 0;
    for (let j = 0; j < parts.length; j++) {
      const p = parts[j];
      if (p.ownModule) ownModules++;
      const offset = p.start - start;
      // The statements on either side of a cut that no longer holds may parse differently together.
      const first = j > 0 ? 1 : 0;
      const last = j < parts.length - 1 ? p.tops.length - 1 : p.tops.length;
      for (let i = first; i < last; i++) {
        const t = p.tops[i];
        seeds.push({ ...t, pos: t.pos + offset, end: t.end + offset });
      }
    }
    const text = parts.map(p => p.text).join('');
    const sf = this.cx.parse(text, this.moduleChunks - ownModules > 0);
    const lowered: LoweredStatements = new WeakMap();
    seed(lowered, sf, start, seeds);
    const merged: Chunk = {
      id: nextChunkId++,
      start,
      text,
      sf,
      lowered,
      tops: [],
      body: [],
      effects: [],
      syntaxErrors: [],
      spans: undefined,
      canFollow: false,
      canPrecede: false,
      ownModule: false,
    };
    this.moduleChunks -= ownModules;
    this.lower(merged);
    this.chunks.splice(from, parts.length, merged);
    this.exportsChanged = true;
    return from;
  }

  /** Merges chunk `k` with its neighbours until the cuts on both sides of it hold; returns its index. */
  private keepCuts(k: number): number {
    let grow = 1;
    while (this.chunks.length > 1) {
      const c = this.chunks[k];
      const last = this.chunks.length - 1;
      if (c.tops.length === 0) {
        // Nothing but trivia: no statement to hold a cut on.
        k = k > 0 ? this.merge(k - 1, k) : this.merge(k, k + 1);
      } else if (k > 0 && !(this.chunks[k - 1].canPrecede && c.canFollow)) {
        k = this.merge(k - 1, k);
      } else if (k < last && !(c.canPrecede && this.chunks[k + 1].canFollow)) {
        // An unterminated comment or template swallows every chunk after it: grow geometrically
        // so that finding its end costs a bounded number of parses.
        k = this.merge(k, Math.min(last, k + grow));
        grow *= 2;
      } else {
        break;
      }
    }
    return k;
  }

  /** Cuts a parsed chunk grown too big into lazily parsed chunks of the target size. */
  private recut(k: number): void {
    const c = this.chunks[k];
    const parts = this.cut({ ...c, sf: c.sf!, lowered: c.lowered! });
    if (parts.length === 1) return;
    this.chunks.splice(k, 1, ...parts);
    for (const p of parts) if (p.ownModule) this.moduleChunks++;
    if (c.ownModule) this.moduleChunks--;
  }

  /** Cuts a parsed, lowered text into lazily parsed chunks (one parsed chunk when there is no cut). */
  private cut(whole: {
    start: number;
    text: string;
    sf: TS.SourceFile;
    lowered: LoweredStatements;
    tops: Top[];
    syntaxErrors: SyntaxProblem[];
    canFollow: boolean;
    canPrecede: boolean;
  }): Chunk[] {
    const cuts = cutPoints(whole.sf, parseDiagnosticsOf(whole.sf), this.cx.chunkSize);
    if (cuts.length === 0) {
      const c: Chunk = {
        id: nextChunkId++,
        start: whole.start,
        text: whole.text,
        sf: whole.sf,
        lowered: whole.lowered,
        tops: [],
        body: [],
        effects: [],
        syntaxErrors: [],
        spans: undefined,
        canFollow: whole.canFollow,
        canPrecede: whole.canPrecede,
        ownModule: false,
      };
      setLowered(c, whole.tops, whole.syntaxErrors);
      return [c];
    }
    const out: Chunk[] = [];
    let from = 0;
    let firstTop = 0;
    let firstError = 0;
    for (let p = 0; p <= cuts.length; p++) {
      const to = p < cuts.length ? cuts[p].offset : whole.text.length;
      const lastTop = p < cuts.length ? cuts[p].index : whole.tops.length;
      const tops: Top[] = [];
      for (let i = firstTop; i < lastTop; i++) {
        const t = whole.tops[i];
        // The first statement's leading trivia stays in the chunk before: it starts at the cut.
        tops.push({ ...t, pos: Math.max(0, t.pos - from), end: t.end - from });
      }
      const errors: SyntaxProblem[] = [];
      const end = whole.start + to;
      while (firstError < whole.syntaxErrors.length && (p === cuts.length || whole.syntaxErrors[firstError].span.start < end)) {
        errors.push(whole.syntaxErrors[firstError++]);
      }
      const c: Chunk = {
        id: nextChunkId++,
        start: whole.start + from,
        text: whole.text.slice(from, to),
        sf: undefined,
        lowered: undefined,
        tops: [],
        body: [],
        effects: [],
        syntaxErrors: [],
        spans: undefined,
        canFollow: p === 0 ? whole.canFollow : true,
        canPrecede: p === cuts.length ? whole.canPrecede : true,
        ownModule: false,
      };
      setLowered(c, tops, errors);
      out.push(c);
      from = to;
      firstTop = lastTop;
    }
    return out;
  }

  /** The module of the current text, combined over the chunks. */
  private assemble(): void {
    const body: Stmt[] = [];
    const syntaxErrors: SyntaxProblem[] = [];
    for (const c of this.chunks) {
      for (const s of c.body) body.push(s);
      for (const e of c.syntaxErrors) syntaxErrors.push(e);
    }
    // Consumers treat modules as immutable, so an unchanged export map is shared between versions.
    let exports = this.module?.exports;
    let defaultExport = this.module?.defaultExport;
    if (this.exportsChanged || exports === undefined) {
      exports = new Map<string, string>();
      defaultExport = undefined;
      for (const c of this.chunks) {
        for (const e of c.effects) {
          if (Array.isArray(e)) exports.set(e[0], e[1]);
          else defaultExport = e;
        }
      }
      this.exportsChanged = false;
    }
    const module: Module = { language: 'typescript', body, syntaxErrors, exports };
    if (defaultExport) module.defaultExport = defaultExport;
    this.module = module;
  }

  /** For tests: the chunks' extents, identities, and whether each has been parsed on its own. */
  describeChunks(): ChunkInfo[] {
    return this.chunks.map(c => ({ id: c.id, start: c.start, end: c.start + c.text.length, parsed: c.sf !== undefined }));
  }
}

/**
 * A copy of `s` that does not keep a bigger string alive. A slice of a V8 string is a view of the
 * whole, and the parser keeps slices of its text in nodes (identifiers, literals) that later
 * versions reuse: chunk texts sliced from whole documents would keep one whole document alive per
 * edit, for as long as any node parsed from it lives.
 */
function ownCopy(s: string): string {
  return (' ' + s).slice(1);
}

/**
 * Export effects compared by what they export: a re-lowered `export function f` brings a new
 * `[name, local]` pair with the same names (a default export is an expression, compared as the object).
 */
function sameEffects(a: readonly ExportEffect[], b: readonly ExportEffect[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (!Array.isArray(x) || !Array.isArray(y) || x[0] !== y[0] || x[1] !== y[1]) return false;
  }
  return true;
}

function topsOf(ts: typeof TS, sf: TS.SourceFile, entries: readonly LoweredStatement[]): Top[] {
  const stmts = sf.statements;
  const tops: Top[] = new Array(stmts.length);
  for (let i = 0; i < stmts.length; i++) {
    const n = stmts[i];
    tops[i] = { kind: n.kind, pos: n.pos, end: n.end, entry: entries[i], module: makesModule(ts, n, sf.flags) };
  }
  return tops;
}

function setLowered(c: Chunk, tops: Top[], syntaxErrors: SyntaxProblem[]): void {
  const body: Stmt[] = [];
  const effects: ExportEffect[] = [];
  let ownModule = false;
  for (const t of tops) {
    for (const s of t.entry.stmts) body.push(s);
    if (t.entry.effects) for (const e of t.entry.effects) effects.push(e);
    if (t.module) ownModule = true;
  }
  c.tops = tops;
  c.body = body;
  c.effects = effects;
  c.syntaxErrors = syntaxErrors;
  c.spans = undefined;
  c.ownModule = ownModule;
}

/**
 * Records, for each top-level statement of `sf` (text at document offset `base`) with the kind and
 * extent of one of `tops`, that statement's lowering: the lowering then takes it as it is.
 */
function seed(lowered: LoweredStatements, sf: TS.SourceFile, base: number, tops: readonly Top[]): void {
  if (tops.length === 0) return;
  const byEnd = new Map<number, Top>();
  for (const t of tops) byEnd.set(t.end, t);
  for (const n of sf.statements) {
    const t = byEnd.get(n.end);
    if (t === undefined || t.kind !== (n.kind as number) || t.pos !== n.pos) continue;
    const entry = t.entry;
    entry.length = n.end - n.pos;
    if (entry.anchor !== undefined) entry.anchorOffset = entry.anchor.span.start - (base + n.pos);
    lowered.set(n, entry);
  }
}
