// The tree cursor FlatTree walks with. web-tree-sitter's TreeCursor keeps its four words in JS and
// copies them into the runtime's transfer buffer before every call and back after every move (one
// setValue/getValue call per word): about a third of the time spent copying a tree. The C functions
// behind it read the cursor from the transfer buffer and write it back there, so a walk that makes
// no other runtime call in between can call them directly and copy nothing. Parser.init fills the
// options object it is given with the runtime's exports (an Emscripten module), which is where
// those functions are found; when they are not (another runtime build), the TreeCursor API is used.
import type { Tree, TreeCursor } from 'web-tree-sitter';

export interface WalkCursor {
  readonly nodeTypeId: number;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly nodeIsMissing: boolean;
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
  /** The current node or a node inside it is an ERROR or MISSING node. */
  currentNodeHasError(): boolean;
  delete(): void;
}

type CursorFn = (tree: number) => number;

/** The runtime exports a direct walk needs. */
interface RuntimeExports {
  _ts_init(): number;
  _ts_tree_cursor_current_node_type_id_wasm: CursorFn;
  _ts_tree_cursor_start_index_wasm: CursorFn;
  _ts_tree_cursor_end_index_wasm: CursorFn;
  _ts_tree_cursor_current_node_is_missing_wasm: CursorFn;
  _ts_tree_cursor_goto_first_child_wasm: CursorFn;
  _ts_tree_cursor_goto_next_sibling_wasm: CursorFn;
  _ts_tree_cursor_goto_parent_wasm: CursorFn;
  getValue(address: number, type: 'i32'): number;
}

const NEEDED: (keyof RuntimeExports)[] = [
  '_ts_init',
  '_ts_tree_cursor_current_node_type_id_wasm',
  '_ts_tree_cursor_start_index_wasm',
  '_ts_tree_cursor_end_index_wasm',
  '_ts_tree_cursor_current_node_is_missing_wasm',
  '_ts_tree_cursor_goto_first_child_wasm',
  '_ts_tree_cursor_goto_next_sibling_wasm',
  '_ts_tree_cursor_goto_parent_wasm',
  'getValue',
];

/** The runtime's exports and its transfer buffer, or undefined: the TreeCursor API is used. */
let direct: { m: RuntimeExports; buffer: number } | undefined;
let directEnabled = true;

/** Called with the object given to Parser.init once it resolved. */
export function useRuntimeExports(module: object): void {
  const m = module as Partial<Record<keyof RuntimeExports, unknown>>;
  if (!NEEDED.every(k => typeof m[k] === 'function')) return;
  const found = m as unknown as RuntimeExports;
  // ts_init returns the transfer buffer's address (it also writes the language versions there, which is harmless).
  direct = { m: found, buffer: found._ts_init() };
}

/** Whether walks call the runtime directly; `on` = false forces the TreeCursor API (tests compare both). */
export function directWalk(on?: boolean): boolean {
  if (on !== undefined) directEnabled = on;
  return directEnabled && direct !== undefined;
}

export function walkCursor(tree: Tree): WalkCursor {
  const cursor = tree.walk();
  const treeAddress = (cursor as unknown as { tree?: { 0?: unknown } }).tree?.[0];
  const handles = (cursor as unknown as { handles?: unknown }).handles;
  if (direct && directEnabled && typeof treeAddress === 'number' && Array.isArray(handles) && handles.length === 4) {
    return new DirectCursor(direct.m, direct.buffer, cursor, treeAddress, handles as number[]);
  }
  return new ApiCursor(cursor);
}

class DirectCursor implements WalkCursor {
  constructor(
    private readonly m: RuntimeExports,
    private readonly buffer: number,
    private readonly cursor: TreeCursor,
    private readonly tree: number,
    private readonly handles: number[],
  ) {
    this.restore();
  }

  get nodeTypeId(): number {
    return this.m._ts_tree_cursor_current_node_type_id_wasm(this.tree);
  }
  get startIndex(): number {
    return this.m._ts_tree_cursor_start_index_wasm(this.tree);
  }
  get endIndex(): number {
    return this.m._ts_tree_cursor_end_index_wasm(this.tree);
  }
  get nodeIsMissing(): boolean {
    return this.m._ts_tree_cursor_current_node_is_missing_wasm(this.tree) === 1;
  }
  gotoFirstChild(): boolean {
    return this.m._ts_tree_cursor_goto_first_child_wasm(this.tree) === 1;
  }
  gotoNextSibling(): boolean {
    return this.m._ts_tree_cursor_goto_next_sibling_wasm(this.tree) === 1;
  }
  gotoParent(): boolean {
    return this.m._ts_tree_cursor_goto_parent_wasm(this.tree) === 1;
  }

  currentNodeHasError(): boolean {
    this.sync();
    const result = this.cursor.currentNode.hasError;
    this.restore();
    return result;
  }

  delete(): void {
    this.sync();
    this.cursor.delete();
  }

  /** The transfer buffer's words back into the JS cursor, before a call through its API. */
  private sync(): void {
    for (let k = 0; k < 4; k++) this.handles[k] = this.m.getValue(this.buffer + 4 * k, 'i32');
  }

  /** The JS cursor's words into the transfer buffer (any getter of the API writes them). */
  private restore(): void {
    void this.cursor.nodeTypeId;
  }
}

class ApiCursor implements WalkCursor {
  constructor(private readonly cursor: TreeCursor) {}
  get nodeTypeId(): number {
    return this.cursor.nodeTypeId;
  }
  get startIndex(): number {
    return this.cursor.startIndex;
  }
  get endIndex(): number {
    return this.cursor.endIndex;
  }
  get nodeIsMissing(): boolean {
    return this.cursor.nodeIsMissing;
  }
  gotoFirstChild(): boolean {
    return this.cursor.gotoFirstChild();
  }
  gotoNextSibling(): boolean {
    return this.cursor.gotoNextSibling();
  }
  gotoParent(): boolean {
    return this.cursor.gotoParent();
  }
  currentNodeHasError(): boolean {
    return this.cursor.currentNode.hasError;
  }
  delete(): void {
    this.cursor.delete();
  }
}
