import type { Node, Tree } from 'web-tree-sitter';
import { ERROR_SYMBOL, K, type KindTable } from './nodeKinds';

// Every property read on a web-tree-sitter node is a call into wasm, and those calls dominate the
// cost of lowering. So the tree is copied once into flat typed arrays with as few calls as
// possible (one `children` call per interior node, one `typeId` per node, `endIndex` only where
// the end cannot be derived), and the lowering then runs on plain JS arrays.
//
// Ends are derived: an anonymous token ends at start + its type name's length, an ASCII
// identifier ends where its characters stop, and an interior node ends where its last child ends
// (except the parts of f-strings listed in KindTable.exactEnd).
// Children of a node get consecutive indices, so child k of node i is `first[i] + k`.

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

/** Looks up a subtree of the previous parse by tree-sitter node id (same id = same reused subtree). */
export type ReuseLookup = (nodeId: number) => ReusableEntry | undefined;

export class FlatTree {
  size = 0;
  text = '';
  kind = new Uint8Array(0);
  sym = new Uint16Array(0);
  start = new Int32Array(0);
  end = new Int32Array(0);
  first = new Int32Array(0);
  count = new Int32Array(0);
  parent = new Int32Array(0);
  flags = new Uint8Array(0);
  /** tree-sitter node ids, recorded only for nodes that can be reused (0 elsewhere). */
  ids = new Int32Array(0);
  /** Previous-parse entries for subtrees that were not walked again. */
  reused: (ReusableEntry | undefined)[] = [];
  /** Outermost ERROR nodes and MISSING nodes, in tree order. */
  errors: number[] = [];
  private nodes: (Node | undefined)[] = [];

  private ensure(capacity: number): void {
    if (this.kind.length >= capacity) return;
    let c = Math.max(1024, this.kind.length);
    while (c < capacity) c *= 2;
    this.kind = new Uint8Array(c);
    this.sym = new Uint16Array(c);
    this.start = new Int32Array(c);
    this.end = new Int32Array(c);
    this.first = new Int32Array(c);
    this.count = new Int32Array(c);
    this.parent = new Int32Array(c);
    this.flags = new Uint8Array(c);
    this.ids = new Int32Array(c);
  }

  /** Drops the large buffers kept from a big document. */
  shrink(): void {
    if (this.kind.length > 1 << 18) {
      this.kind = new Uint8Array(0);
      this.ensure(1024);
    }
  }

  load(tree: Tree, text: string, table: KindTable, lookup?: ReuseLookup): void {
    const root = tree.rootNode;
    const hasError = root.hasError;
    // descendantCount is exact without reuse and an upper bound with it.
    this.ensure(root.descendantCount);
    const { kind: kindOf, tokenLength, exactEnd } = table;
    const { kind, sym, start, end, first, count, parent, flags, ids } = this;
    const nodes = this.nodes;
    const reused = this.reused;
    reused.length = 0;
    const errors: number[] = [];
    this.text = text;

    const rootSym = root.typeId;
    sym[0] = rootSym;
    kind[0] = kindOf[rootSym];
    start[0] = root.startIndex;
    end[0] = root.endIndex;
    parent[0] = -1;
    flags[0] = 0;
    ids[0] = 0;
    nodes[0] = root;
    let n = 1;
    const markMissing = (i: number): void => {
      flags[i] |= FLAG_MISSING;
      end[i] = start[i];
      if ((flags[i] & FLAG_IN_ERROR) === 0) errors.push(i);
    };

    for (let i = 0; i < n; i++) {
      const node = nodes[i] as Node;
      nodes[i] = undefined;
      const k = kind[i];
      const s = sym[i];
      first[i] = n;
      count[i] = 0;
      if (reused[i] !== undefined) continue;

      let leaf = true;
      if (tokenLength[s] >= 0) end[i] = start[i] + tokenLength[s]; // anonymous token
      else if (k === K.Identifier) end[i] = identifierEnd(text, start[i], node);
      else if (k === K.True || k === K.None) end[i] = start[i] + 4;
      else if (k === K.False) end[i] = start[i] + 5;
      else if (k === K.Integer || k === K.Float) end[i] = node.endIndex;
      else if (k === K.Comment) {
        // A comment's end matters only when it closes its parent (the derived end of the parent).
        const p = parent[i];
        end[i] = i === first[p] + count[p] - 1 ? node.endIndex : start[i];
      } else if (k === K.String && !isFormatString(text, start[i])) {
        // The value is decoded from the source text: the parts inside need not be walked.
        end[i] = node.endIndex;
      } else leaf = false;
      if (leaf) {
        if (hasError && node.isMissing) markMissing(i);
        continue;
      }

      const children = node.children;
      const m = children.length;
      if (m === 0) {
        if (i !== 0) end[i] = node.endIndex;
        if (hasError && node.isMissing) markMissing(i);
        continue;
      }
      count[i] = m;
      if (exactEnd[s] === 1) {
        end[i] = node.endIndex;
        flags[i] |= FLAG_EXACT_END;
      }
      const inError = (flags[i] & FLAG_IN_ERROR) !== 0;
      const childFlags = inError ? FLAG_IN_ERROR : 0;
      const parentAllowsReuse = lookup !== undefined && !inError;
      for (let c = 0; c < m; c++) {
        const child = children[c];
        const cs = child.typeId;
        const ck = kindOf[cs];
        sym[n] = cs;
        kind[n] = ck;
        start[n] = child.startIndex;
        parent[n] = i;
        flags[n] = cs === ERROR_SYMBOL ? childFlags | FLAG_IN_ERROR : childFlags;
        ids[n] = 0;
        if (cs === ERROR_SYMBOL && !inError) errors.push(n);
        if (parentAllowsReuse && (ck === K.Block || k === K.ExpressionStatement)) {
          ids[n] = child.id;
          const hit = lookup(child.id);
          if (hit !== undefined && hit.kind === ck && text.startsWith(hit.text, child.startIndex)) {
            reused[n] = hit;
            end[n] = child.startIndex + hit.text.length;
          }
        }
        nodes[n] = child;
        n++;
      }
    }
    this.size = n;

    // Children always have larger indices than their parent, so one backward pass completes the
    // derived ends and carries error marks up to every ancestor.
    for (let i = n - 1; i > 0; i--) {
      if (count[i] > 0 && (flags[i] & FLAG_EXACT_END) === 0) end[i] = end[first[i] + count[i] - 1];
      if (kind[i] === K.Error || (flags[i] & (FLAG_MISSING | FLAG_HAS_ERROR)) !== 0) flags[parent[i]] |= FLAG_HAS_ERROR;
    }
    if (reused.length > n) reused.length = n;
    this.errors = errors.sort((a, b) => start[a] - start[b] || a - b);
  }
}

function identifierEnd(text: string, from: number, node: Node): number {
  let j = from;
  for (;;) {
    const c = text.charCodeAt(j);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95) j++;
    else if (c > 127) return node.endIndex;
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
