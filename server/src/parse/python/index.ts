import { Language, Parser, type Tree } from 'web-tree-sitter';
import type { Module } from '../../ir';
import type { ContentChange, FrontEnd } from '../frontend';
import { CHUNK_TARGET, ChunkedDocument, ParseFailure, type ChunkParsing } from './document';
import { FlatTree } from './flatTree';
import { useRuntimeExports } from './walkCursor';
import { buildKindTable } from './nodeKinds';
import { lowerModule } from './lower';
import type { AppliedEdit } from './reuse';
import { loneCrAsLf } from '../../base/line-index';
import { applyChanges, diffEdit, singleChangeEdit } from './textEdits';

/** Where the wasm files are: a URL or path string, or the file bytes. Resolved by the caller (Node or web worker entry). */
export interface PythonWasm {
  runtime: string | Uint8Array;
  grammar: string | Uint8Array;
}

let runtimeReady: Promise<void> | undefined;
const grammars = new Map<string, Promise<Language>>();
const grammarsFromBytes = new WeakMap<Uint8Array, Promise<Language>>();

/**
 * The web-tree-sitter runtime is initialised once per process: later calls reuse it whatever they
 * pass. `locateFile` is required because esbuild's IIFE worker bundle has no usable import.meta.
 */
function initRuntime(runtime: string | Uint8Array): Promise<void> {
  if (runtimeReady === undefined) {
    const options =
      typeof runtime === 'string' ? { locateFile: () => runtime } : { wasmBinary: runtime, locateFile: (file: string) => file };
    runtimeReady = Parser.init(options).then(() => useRuntimeExports(options));
    runtimeReady.catch(() => {
      runtimeReady = undefined;
    });
  }
  return runtimeReady;
}

function loadGrammar(grammar: string | Uint8Array): Promise<Language> {
  const cached = typeof grammar === 'string' ? grammars.get(grammar) : grammarsFromBytes.get(grammar);
  if (cached) return cached;
  const loading = Language.load(grammar);
  if (typeof grammar === 'string') grammars.set(grammar, loading);
  else grammarsFromBytes.set(grammar, loading);
  loading.catch(() => {
    if (typeof grammar === 'string') grammars.delete(grammar);
    else grammarsFromBytes.delete(grammar);
  });
  return loading;
}

export interface PythonFrontEndOptions {
  /** About how many characters a chunk holds (default CHUNK_TARGET); tests set it small to get many chunks. */
  chunkTarget?: number;
}

export async function createPythonFrontEnd(wasm: PythonWasm, options: PythonFrontEndOptions = {}): Promise<PythonFrontEnd> {
  await initRuntime(wasm.runtime);
  const language = await loadGrammar(wasm.grammar);
  return new ChunkedPythonFrontEnd(language, Math.max(1, options.chunkTarget ?? CHUNK_TARGET));
}

/**
 * Characters up to which `parseOnce` parses a file as one tree. The parser's wasm memory never gives
 * pages back: a bigger file is parsed in chunks so that the pages a whole-repository run touches stay few.
 */
const WHOLE_FILE_LIMIT = 256 * 1024;

/** The Python front end, with a view of its chunks for tests. */
export interface PythonFrontEnd extends FrontEnd {
  parseOnce(uri: string, text: string): Module;
  /** The chunks of a parsed document (absolute ranges of its current text), or undefined. */
  chunkRanges(uri: string): { start: number; end: number }[] | undefined;
  /** How many incremental updates failed with an internal error and were parsed afresh instead (a bug: tests expect 0). */
  readonly incrementalFailures: number;
}

class ChunkedPythonFrontEnd implements PythonFrontEnd {
  readonly language = 'python' as const;
  private readonly ctx: ChunkParsing;
  private readonly docs = new Map<string, ChunkedDocument>();
  incrementalFailures = 0;

  constructor(grammar: Language, target: number) {
    const parser = new Parser();
    parser.setLanguage(grammar);
    this.ctx = { parser, table: buildKindTable(grammar), flat: new FlatTree(), target };
  }

  parse(uri: string, raw: string, changes?: readonly ContentChange[]): Module {
    // tree-sitter and the chunk scanner end lines at '\n' only; a lone '\r' becomes '\n' (same offsets).
    const text = loneCrAsLf(raw);
    if (text !== raw) changes = undefined; // the changes' texts are raw: diff the normalised texts instead
    try {
      const doc = this.docs.get(uri);
      if (doc === undefined) {
        const fresh = new ChunkedDocument(this.ctx, text);
        this.docs.set(uri, fresh);
        return fresh.module();
      }
      try {
        doc.update(text, editBetween(doc.text, text, changes));
      } catch (err) {
        if (err instanceof ParseFailure) throw err;
        // A bug in the incremental path must not lose the document: parse it afresh.
        this.incrementalFailures++;
        this.forget(uri);
        const fresh = new ChunkedDocument(this.ctx, text);
        this.docs.set(uri, fresh);
        return fresh.module();
      }
      return doc.module();
    } catch (err) {
      this.forget(uri);
      // Only a wasm failure ends here (out of memory on a huge file) or a bug in a fresh parse: report it, never throw.
      const message =
        err instanceof ParseFailure
          ? 'The Python parser could not parse this file.'
          : `Internal error while reading this Python file: ${String(err)}`;
      return { language: 'python', body: [], syntaxErrors: [{ span: { start: 0, end: 0 }, message }] };
    } finally {
      this.ctx.flat.shrink();
    }
  }

  /**
   * One tree for the whole file, lowered once: chunks exist for re-parsing after edits, and for a
   * text without syntax errors they lower to exactly this Module (the chunk differential tests hold
   * them to it). A text with an error, or one so large that its tree would grow the parser's memory
   * for good, takes the chunked path, as in the editor.
   */
  parseOnce(uri: string, raw: string): Module {
    const text = loneCrAsLf(raw);
    if (text.length <= WHOLE_FILE_LIMIT) {
      let tree: Tree | null = null;
      try {
        tree = this.ctx.parser.parse(text);
        if (tree !== null && !tree.rootNode.hasError) {
          this.ctx.flat.load(tree, text, this.ctx.table);
          return lowerModule(this.ctx.flat, this.ctx.table, undefined);
        }
      } catch {
        // the chunked parse below reports what went wrong
      } finally {
        tree?.delete();
        this.ctx.flat.shrink();
      }
    }
    const module = this.parse(uri, text);
    this.forget(uri);
    return module;
  }

  forget(uri: string): void {
    const doc = this.docs.get(uri);
    if (doc === undefined) return;
    doc.dispose();
    this.docs.delete(uri);
  }

  chunkRanges(uri: string): { start: number; end: number }[] | undefined {
    return this.docs.get(uri)?.ranges();
  }
}

/**
 * The single edit that turned `previous` into `text`, or null when the changes do not lead there (a
 * missed or duplicated change: everything is then parsed afresh). Without changes, and with several
 * (rare: one edit covering them all is cheaper to handle than a sequence), the edit is found by diffing.
 */
function editBetween(previous: string, text: string, changes: readonly ContentChange[] | undefined): AppliedEdit | null {
  if (changes === undefined || changes.length === 0) return diffEdit(previous, text);
  if (changes.length === 1) return singleChangeEdit(previous, text, changes[0]);
  const applied = applyChanges(previous, changes);
  if (applied === null || applied.text !== text) return null;
  return applied.edits.length === 1 ? applied.edits[0] : diffEdit(previous, text);
}
