// Which catalog loss the cursor is on, and the hyperparameters written in its call, read from the text
// around the cursor: `nn.HuberLoss(delta=0.5)`, `F.cross_entropy(x, y, label_smoothing=0.1)`,
// `loss='categorical_crossentropy'`, `tf.losses.huberLoss(…)`. No vscode import: unit-tested in Node.
import { catalog, type CatalogEntry, type LossId } from '../../../../core/src/knowledge';

export interface LossAtCursor {
  lossId: LossId;
  /** The name as written, e.g. `torch.nn.CrossEntropyLoss` or `mse`. */
  name: string;
  /** Catalog parameters given as numeric keyword arguments or object fields in the call. */
  params: Record<string, number>;
  /** Character offsets of the name in the text. */
  start: number;
  end: number;
}

/** Last dotted segment → entries whose framework names end in it, in catalog order. */
const bySegment = new Map<string, CatalogEntry[]>();
for (const e of catalog) {
  for (const list of Object.values(e.names)) {
    for (const raw of list ?? []) {
      const bare = raw.replace(/\(.*$/, '');
      const seg = bare.slice(bare.lastIndexOf('.') + 1);
      const entries = bySegment.get(seg) ?? [];
      if (!entries.includes(e)) entries.push(e);
      bySegment.set(seg, entries);
    }
  }
}

const IDENT = /[\w.]/;
const MAX_CALL_CHARS = 2000;

/** The loss at `offset`: the name under the cursor, else the call whose arguments hold the cursor. */
export function lossAtCursor(text: string, offset: number): LossAtCursor | undefined {
  return nameAt(text, offset) ?? enclosingCall(text, offset);
}

function nameAt(text: string, offset: number): LossAtCursor | undefined {
  const str = stringAt(text, offset);
  if (str) {
    const entry = bySegment.get(str.value)?.[0];
    if (entry) return { lossId: entry.id, name: str.value, params: {}, start: str.start, end: str.end };
  }
  let start = offset;
  let end = offset;
  while (start > 0 && IDENT.test(text[start - 1])) start--;
  while (end < text.length && IDENT.test(text[end])) end++;
  if (start === end) return undefined;
  return resolve(text, start, end);
}

function resolve(text: string, start: number, end: number): LossAtCursor | undefined {
  const name = text.slice(start, end).replace(/\.+$/, '');
  const segment = name.slice(name.lastIndexOf('.') + 1);
  const entries = bySegment.get(segment);
  if (!entries) return undefined;
  const args = callArguments(text, start + name.length);
  const params = args === undefined ? {} : numericArguments(args);
  let entry = entries[0];
  // Keras spells BCE on logits as BinaryCrossentropy(from_logits=True).
  if (entry.id === 'binaryCrossEntropy' && args !== undefined && /\bfrom_logits\s*=\s*True\b/.test(args)) {
    entry = catalog.find(e => e.id === 'binaryCrossEntropyWithLogits') ?? entry;
  }
  const known = new Set(entry.params.filter(p => !p.plotOnly).map(p => p.name));
  const kept: Record<string, number> = {};
  for (const [k, v] of Object.entries(params)) if (known.has(k)) kept[k] = v;
  return { lossId: entry.id, name, params: kept, start, end: start + name.length };
}

/** The string literal holding `offset` on its line, if any. */
function stringAt(text: string, offset: number): { value: string; start: number; end: number } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd);
  for (const m of line.matchAll(/(['"])([\w]+)\1/g)) {
    const s = lineStart + m.index + 1;
    const e = s + m[2].length;
    if (offset >= s - 1 && offset <= e + 1) return { value: m[2], start: s, end: e };
  }
  return undefined;
}

/** Scans left for an unclosed `(` and resolves the callee in front of it. */
function enclosingCall(text: string, offset: number): LossAtCursor | undefined {
  let depth = 0;
  const stop = Math.max(0, offset - MAX_CALL_CHARS);
  for (let i = offset - 1; i >= stop; i--) {
    const c = text[i];
    if (c === ')' || c === ']' || c === '}') depth++;
    else if (c === '(' || c === '[' || c === '{') {
      if (depth === 0) {
        if (c !== '(') continue;
        let end = i;
        while (end > 0 && /\s/.test(text[end - 1])) end--;
        let start = end;
        while (start > 0 && IDENT.test(text[start - 1])) start--;
        if (start < end) {
          const hit = resolve(text, start, end);
          if (hit) return hit;
        }
        continue;
      }
      depth--;
    }
  }
  return undefined;
}

/** The text between the parentheses of a call starting at `at` (after the callee), or undefined. */
function callArguments(text: string, at: number): string | undefined {
  let i = at;
  while (i < text.length && /[ \t]/.test(text[i])) i++;
  if (text[i] !== '(') return undefined;
  let depth = 0;
  const limit = Math.min(text.length, i + MAX_CALL_CHARS);
  for (let j = i; j < limit; j++) {
    if (text[j] === '(') depth++;
    else if (text[j] === ')' && --depth === 0) return text.slice(i + 1, j);
  }
  return text.slice(i + 1, limit);
}

const NUMBER = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`;

/** `label_smoothing=0.1` → labelSmoothing: 0.1; `pos_weight=torch.tensor([3.0])` → posWeight: 3; `{delta: 2}` → delta: 2. */
function numericArguments(args: string): Record<string, number> {
  const out: Record<string, number> = {};
  const re = new RegExp(String.raw`(?<![\w.])([A-Za-z_]\w*)\s*(?:=|:)\s*(?:torch\.tensor\(\s*\[?\s*)?(${NUMBER})`, 'g');
  for (const m of args.matchAll(re)) {
    const key = m[1].replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    out[key] = Number(m[2]);
  }
  return out;
}
