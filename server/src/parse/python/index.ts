import { Edit, Language, Parser, type Tree } from 'web-tree-sitter';
import type { Module } from '../../ir';
import type { ContentChange, FrontEnd } from '../frontend';
import { FlatTree } from './flatTree';
import { lowerModule } from './lower';
import { buildKindTable, type KindTable } from './nodeKinds';
import { reuseSource, type ReuseCache } from './reuse';
import { applyChanges, diffEdit, type TreeEdit } from './textEdits';

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
    const options = typeof runtime === 'string'
      ? { locateFile: () => runtime }
      : { wasmBinary: runtime, locateFile: (file: string) => file };
    runtimeReady = Parser.init(options);
    runtimeReady.catch(() => { runtimeReady = undefined; });
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

export async function createPythonFrontEnd(wasm: PythonWasm): Promise<FrontEnd> {
  await initRuntime(wasm.runtime);
  const language = await loadGrammar(wasm.grammar);
  return new PythonFrontEnd(language);
}

interface DocumentState {
  tree: Tree;
  text: string;
  cache: ReuseCache;
}

class PythonFrontEnd implements FrontEnd {
  readonly language = 'python' as const;
  private readonly parser = new Parser();
  private readonly table: KindTable;
  /** One flat buffer serves every parse: parsing is synchronous and the IR is built before returning. */
  private readonly flat = new FlatTree();
  private readonly docs = new Map<string, DocumentState>();

  constructor(grammar: Language) {
    this.parser.setLanguage(grammar);
    this.table = buildKindTable(grammar);
  }

  parse(uri: string, text: string, changes?: readonly ContentChange[]): Module {
    const previous = this.docs.get(uri);
    let oldTree: Tree | null = null;
    let edits: TreeEdit[] = [];
    if (previous !== undefined) {
      // Without changes the edit is recovered by diffing, so callers that only send full text still re-parse incrementally.
      const applied = changes !== undefined && changes.length > 0
        ? applyChanges(previous.text, changes)
        : { text, edits: [diffEdit(previous.text, text)] };
      // Edits that do not reproduce `text` (a missed or duplicated change) would corrupt the reuse: parse afresh then.
      if (applied !== null && applied.text === text) {
        for (const e of applied.edits) previous.tree.edit(new Edit(e));
        oldTree = previous.tree;
        edits = applied.edits;
      }
    }

    let tree: Tree | null = null;
    try {
      tree = this.parser.parse(text, oldTree);
    } catch {
      tree = null;
    }
    if (tree === null) {
      // Only a wasm failure ends here (out of memory on a huge file): report it, never throw.
      this.forget(uri);
      return {
        language: 'python',
        body: [],
        syntaxErrors: [{ span: { start: 0, end: 0 }, message: 'The Python parser could not parse this file.' }],
      };
    }

    let module: Module;
    let cache: ReuseCache = new Map();
    try {
      const reuse = oldTree !== null && previous !== undefined
        ? reuseSource(previous.cache, edits, oldTree.getChangedRanges(tree))
        : undefined;
      this.flat.load(tree, text, this.table, reuse);
      module = lowerModule(this.flat, this.table, cache);
    } catch (err) {
      // A bug here must not take the server down: report it on the document instead.
      cache = new Map();
      module = {
        language: 'python',
        body: [],
        syntaxErrors: [{ span: { start: 0, end: 0 }, message: `Internal error while reading this Python file: ${String(err)}` }],
      };
    }
    this.flat.shrink();

    if (previous !== undefined) previous.tree.delete();
    this.docs.set(uri, { tree, text, cache });
    return module;
  }

  forget(uri: string): void {
    const state = this.docs.get(uri);
    if (state === undefined) return;
    state.tree.delete();
    this.docs.delete(uri);
  }
}
