import type { Tree } from 'web-tree-sitter';
import { walkCursor, type WalkCursor } from './walkCursor';
import { ERROR_SYMBOL, K, type KindTable } from './nodeKinds';

// Every property read on a web-tree-sitter node is a call into wasm, and those calls dominate the
// cost of lowering. So the tree is copied once, by one tree-cursor walk, into flat typed arrays
// with as few calls as possible (a cursor walk beats `node.children`, which allocates node objects
// and a wasm buffer per call), and the lowering then runs on plain JS arrays.
//
// Ends are derived where possible: an anonymous token ends at start + its type name's length, an
// ASCII identifier ends where its characters stop, and an interior node ends where its last child
// ends (except the parts of f-strings listed in KindTable.exactEnd). Anonymous tokens that do not
// end their parent have start and end -1: the lowering reads their type, never their position.
// Nodes are numbered in pre-order; `first[i]` is the first child of i and `next[c]` the next
// sibling of c (-1: none).

export const FLAG_MISSING = 1;
/** The node is an ERROR node or lies inside one. */
export const FLAG_IN_ERROR = 2;
/** The node or one of its descendants is an ERROR or MISSING node. */
export const FLAG_HAS_ERROR = 4;
/** The node's end was asked for, not derived from its last child. */
const FLAG_EXACT_END = 8;

/** A lowered subtree kept from the previous parse of the same document (see ./reuse.ts). */
export interface ReusableEntry {
  /** Text of the subtree when it was lowered: a hit must match it exactly. */
  text: string;
  start: number;
  kind: K;
}

/** A kept lowering found for a node of the new tree, and where its statements are now (absolute offset). */
export interface ReuseHit {
  entry: ReusableEntry;
  at: number;
}

/** The previous parse of the same document, as far as it can be reused (see ./reuse.ts). */
export interface ReuseSource {
  /**
   * The kept lowering of the node of kind `kind` at [start, end) of the new text (absolute offsets),
   * or undefined; `topLevel`: the node is a statement of the module. The caller checks its text.
   */
  find(start: number, end: number, kind: K, topLevel: boolean): ReuseHit | undefined;
  /** Hits are not vouched for by tree-sitter's changed ranges: a node with a syntax error inside is not reused. */
  readonly checkErrors: boolean;
}

/** Key of a reusable subtree: its start (relative to its chunk) and kind (a block starts where its first statement does). */
export function reuseKey(start: number, kind: K): number {
  return start * 128 + kind;
}

export class FlatTree {
  size = 0;
  text = '';
  kind = new Uint8Array(0);
  sym = new Uint16Array(0);
  start = new Int32Array(0);
  end = new Int32Array(0);
  first = new Int32Array(0);
  next = new Int32Array(0);
  /** Last child so far while loading; the number of children is not needed afterwards. */
  private last = new Int32Array(0);
  parent = new Int32Array(0);
  flags = new Uint8Array(0);
  /** 1 for the nodes whose lowering is kept for the next parse (see `record`). */
  reusable = new Uint8Array(0);
  /** Previous-parse entries for subtrees that were not walked again. */
  reused: (ReusableEntry | undefined)[] = [];
  /** Where the statements of `reused[i]` are now (absolute offset): they are moved to start[i]. */
  reusedAt: number[] = [];
  /** Offset of the parsed chunk in `text`: every position above is absolute. */
  base = 0;
  /** Outermost ERROR nodes and MISSING nodes, in source order. */
  errors: number[] = [];
  /**
   * Where tree-sitter inserted an invisible MISSING token, when the tree has an error and no visible
   * node shows it; else -1. `hiddenNewline`: it is the line break between two statements on one line.
   */
  hiddenError = -1;
  hiddenNewline = false;
  /** tree-sitter found a syntax error in the tree. */
  hasError = false;

  private ensure(capacity: number): void {
    if (this.kind.length >= capacity) return;
    let c = Math.max(1024, this.kind.length);
    while (c < capacity) c *= 2;
    this.kind = new Uint8Array(c);
    this.sym = new Uint16Array(c);
    this.start = new Int32Array(c);
    this.end = new Int32Array(c);
    this.first = new Int32Array(c);
    this.next = new Int32Array(c);
    this.last = new Int32Array(c);
    this.parent = new Int32Array(c);
    this.flags = new Uint8Array(c);
    this.reusable = new Uint8Array(c);
  }

  /** Drops the large buffers kept from a big document. */
  shrink(): void {
    if (this.kind.length > 1 << 18) {
      this.kind = new Uint8Array(0);
      this.ensure(1024);
    }
  }

  /**
   * Copies `tree`, the parse of text.slice(base, base + its length), with positions in `text` (the
   * whole document): the lowering then yields absolute spans.
   */
  load(tree: Tree, text: string, table: KindTable, reuse?: ReuseSource, base = 0): void {
    const root = tree.rootNode;
    const hasError = root.hasError;
    this.hasError = hasError;
    // descendantCount is exact without reuse and an upper bound with it.
    this.ensure(root.descendantCount);
    const { kind: kindOf, tokenLength, exactEnd } = table;
    const { kind, sym, start, end, first, next, last, parent, flags, reusable } = this;
    const reused = this.reused;
    const reusedAt = this.reusedAt;
    reused.length = 0;
    this.base = base;
    const errors: number[] = [];
    this.text = text;

    const cursor = walkCursor(tree);
    let n = 0;

    /** Records the cursor's node as the next node, child of `p`; true when its children are to be walked. */
    const record = (p: number): boolean => {
      const i = n++;
      const s = cursor.nodeTypeId;
      const k = kindOf[s];
      // Where a token starts matters only when it ends its parent (see `climb`), so most tokens skip that call.
      const token = tokenLength[s] >= 0;
      const at = token && !hasError ? -1 : cursor.startIndex + base;
      sym[i] = s;
      kind[i] = k;
      start[i] = at;
      parent[i] = p;
      first[i] = -1;
      next[i] = -1;
      last[i] = -1;
      reusable[i] = 0;
      let f = 0;
      if (p >= 0) {
        if (last[p] < 0) first[p] = i;
        else next[last[p]] = i;
        last[p] = i;
        f = flags[p] & FLAG_IN_ERROR;
      }
      if (s === ERROR_SYMBOL) {
        if (f === 0) errors.push(i);
        f |= FLAG_IN_ERROR;
      }
      flags[i] = f;

      let leaf = true;
      if (token) end[i] = at < 0 ? -1 : at + tokenLength[s];
      else if (k === K.Identifier) end[i] = identifierEnd(text, at, cursor, base);
      else if (k === K.True || k === K.None) end[i] = at + 4;
      else if (k === K.False) end[i] = at + 5;
      else if (k === K.Integer || k === K.Float || k === K.Comment) end[i] = cursor.endIndex + base;
      else if ((k === K.String && !hasError && !isFormatString(text, at)) || k === K.Type) {
        // A plain string's value is decoded from the source text, and type annotations are not
        // lowered: their insides need not be walked (unless the tree has errors: an unterminated
        // string is a MISSING string_end inside).
        end[i] = cursor.endIndex + base;
      } else leaf = false;
      if (leaf) {
        if (hasError && cursor.nodeIsMissing) markMissing(i);
        return false;
      }

      // Units of reuse between parses: block bodies, the statements of a module or block, and the
      // child of an expression statement (`a` stays reusable when `, b` is typed after it).
      if (f === 0 && p >= 0 && (k === K.Block || kind[p] === K.Block || kind[p] === K.Module || kind[p] === K.ExpressionStatement)) {
        reusable[i] = 1;
        if (reuse !== undefined) {
          const e = cursor.endIndex + base;
          // Zero-width nodes are MISSING ones (an empty block is one): never taken from the cache.
          const hit = e === at ? undefined : reuse.find(at, e, k, kind[p] === K.Module);
          if (hit !== undefined) {
            const entry = hit.entry;
            if (
              entry.kind === k &&
              entry.text.length === e - at &&
              text.startsWith(entry.text, at) &&
              !(reuse.checkErrors && cursor.currentNodeHasError())
            ) {
              reused[i] = entry;
              reusedAt[i] = hit.at;
              end[i] = e;
              return false;
            }
          }
        }
      }
      if (exactEnd[s] === 1) {
        end[i] = cursor.endIndex + base;
        flags[i] |= FLAG_EXACT_END;
      } else {
        end[i] = at; // until its last child is known; stays so when it has none
      }
      return true;
    };

    const markMissing = (i: number): void => {
      flags[i] |= FLAG_MISSING;
      end[i] = start[i];
      if ((flags[i] & FLAG_IN_ERROR) === 0) errors.push(i);
    };

    /** A walked node's children are all recorded: its end is its last child's end. */
    const finish = (i: number): void => {
      const c = last[i];
      if (c < 0) {
        // A named node without children (e.g. an empty block): ask.
        if ((flags[i] & FLAG_EXACT_END) === 0) end[i] = cursor.endIndex + base;
        if (hasError && cursor.nodeIsMissing) markMissing(i);
      } else if ((flags[i] & FLAG_EXACT_END) === 0) {
        end[i] = end[c];
      }
      const p = parent[i];
      if (p >= 0 && (kind[i] === K.Error || (flags[i] & (FLAG_MISSING | FLAG_HAS_ERROR)) !== 0)) flags[p] |= FLAG_HAS_ERROR;
    };

    try {
      let walkChildren = record(-1);
      let current = 0;
      if (!walkChildren) end[0] = cursor.endIndex + base;
      for (;;) {
        if (walkChildren && cursor.gotoFirstChild()) {
          const p = current;
          current = n;
          walkChildren = record(p);
          continue;
        }
        if (walkChildren) finish(current);
        else if ((flags[current] & (FLAG_MISSING | FLAG_HAS_ERROR)) !== 0 || kind[current] === K.Error) {
          if (parent[current] >= 0) flags[parent[current]] |= FLAG_HAS_ERROR;
        }
        // Climb until a next sibling exists, finishing every node left behind.
        let p = parent[current];
        while (p >= 0 && !cursor.gotoNextSibling()) {
          if (start[current] < 0) {
            // A token that closes its parent: its end is the parent's end.
            start[current] = cursor.startIndex + base;
            end[current] = start[current] + tokenLength[sym[current]];
          }
          cursor.gotoParent();
          current = p;
          finish(current);
          p = parent[current];
        }
        if (p < 0) break;
        current = n;
        walkChildren = record(p);
      }
    } finally {
      cursor.delete();
    }
    // The module spans the whole text, trailing blank lines and comments included.
    end[0] = Math.max(end[0], root.endIndex + base);
    this.size = n;
    if (reused.length > n) reused.length = n;
    if (reusedAt.length > n) reusedAt.length = n;
    this.errors = errors.sort((a, b) => start[a] - start[b] || a - b);
    this.hiddenError = -1;
    if (hasError && errors.length === 0) this.findHiddenError(tree, text, base);
  }

  /**
   * Whether a syntax error reaches the end of the last statement: the text stops in the middle of
   * a statement (tree-sitter reads on across a line break wherever no line break is expected, so the
   * statement may go on in the text that follows).
   */
  endsInError(): boolean {
    if (!this.hasError || this.size === 0) return false;
    const { kind, first, next, flags, end } = this;
    if (kind[0] === K.Error) return true;
    let last = -1;
    for (let c = first[0]; c >= 0; c = next[c]) if (kind[c] !== K.Comment) last = c;
    if (last < 0) return this.hiddenError >= 0;
    if (kind[last] === K.Error || (flags[last] & FLAG_MISSING) !== 0) return true;
    if (this.hiddenError >= 0 && this.hiddenError >= this.start[last]) return true;
    if ((flags[last] & FLAG_HAS_ERROR) === 0) return false;
    for (let j = this.errors.length - 1; j >= 0; j--) if (end[this.errors[j]] >= end[last]) return true;
    return false;
  }

  /**
   * The cursor and node APIs skip invisible nodes, MISSING ones included: the error is then between
   * the visible children of the innermost node with an error. Two of them on one line need the missing
   * line break between them; otherwise the node's start is the best place to show.
   */
  private findHiddenError(tree: Tree, text: string, base: number): void {
    let node = tree.rootNode;
    for (;;) {
      const next = node.children.find(c => c.hasError);
      if (next === undefined) break;
      node = next;
    }
    const kids = node.namedChildren;
    for (let j = 1; j < kids.length; j++) {
      const gap = text.slice(kids[j - 1].endIndex + base, kids[j].startIndex + base);
      if (!gap.includes('\n') && kids[j].type !== 'comment') {
        this.hiddenError = kids[j].startIndex + base;
        this.hiddenNewline = true;
        return;
      }
    }
    this.hiddenError = node.startIndex + base;
    this.hiddenNewline = false;
  }
}

function identifierEnd(text: string, from: number, cursor: WalkCursor, base: number): number {
  let j = from;
  for (;;) {
    const c = text.charCodeAt(j);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95) j++;
    else if (c > 127) return cursor.endIndex + base;
    else return j;
  }
}

/** Whether the string literal starting at `at` has an f prefix (its interpolations must be walked). */
function isFormatString(text: string, at: number): boolean {
  for (let j = at; j < at + 3; j++) {
    const c = text.charCodeAt(j);
    if (c === 102 || c === 70 || c === 116 || c === 84) return true; // f F t T
    if (c === 39 || c === 34) return false; // quote
  }
  return false;
}
