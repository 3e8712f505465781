// Which Python files can a check report anything for? A whole-repository scan parses every file that
// mentions an ML framework, yet most of them (a framework's own internals, data loading, utilities)
// never compute a loss. Every rule reads events the interpreter emits for catalogue symbols (losses,
// softmax/sigmoid, Keras compile, gradients) and each of those needs a
// *rule word* in the code (not the comments or docstrings) of some file the check runs: the checked
// file or a workspace file it imports, directly or not. A file whose import closure holds no rule
// word is skipped unparsed; its check would find no event for any rule to read. Tests hold the
// words to the API catalogue.
import type { LanguageId } from '../parse/frontend';
import { importCandidates } from './import-candidates';
import { pythonCodeText } from './python-code-text';
import { uriDirname } from '../base/uri';

/**
 * Rule words, any case: every loss and activation the catalogue knows names one of them
 * (`CrossEntropyLoss`, `F.kl_div`, `keras.losses.Huber`, `torch.special.expit`; optax's `squared_error`,
 * `log_cosh` and `cosine_distance` by their module), and LL008/LL009/LL016/LL017 read what reaches a
 * gradient (`loss.backward()`, `torch.autograd.grad`, `jax.grad`; this index reads Python only).
 */
export const RULE_WORDS = /softmax|sigmoid|expit|loss|entropy|kl_div|criterion|objective|backward|autograd|optax/i;
/** `model.compile(...)`: a compile event needs a Keras model, so it only counts next to `keras`. */
const COMPILE = /\.\s*compile\b/;

const WORD = 1;
const COMPILE_CALL = 2;
const KERAS_NAMED = 4;

function wordFlags(text: string): number {
  // `includes` first: most files have neither word, and it is much cheaper than the regex.
  const compile = text.includes('compile') && COMPILE.test(text);
  return (RULE_WORDS.test(text) ? WORD : 0) | (compile ? COMPILE_CALL : 0) | (text.includes('keras') ? KERAS_NAMED : 0);
}

/** Adjacent string literals (`'soft' 'max'` is 'softmax'): their insides joined, a word split across them counts. */
const ADJACENT_LITERALS = /(['"])[\s\\]*[rRbBuUfFtT]{0,2}(['"])/;
const ADJACENT_LITERALS_ALL = new RegExp(ADJACENT_LITERALS.source, 'g');

function withJoinedLiterals(text: string): number {
  const flags = wordFlags(text);
  if ((flags & WORD) !== 0 || !ADJACENT_LITERALS.test(text)) return flags;
  return flags | (RULE_WORDS.test(text.replace(ADJACENT_LITERALS_ALL, '')) ? WORD : 0);
}

/** The rule words of a file's code: those in comments and docstrings do not count. */
function flagsOf(text: string): number {
  const raw = withJoinedLiterals(text);
  return (raw & (WORD | COMPILE_CALL)) === 0 ? raw : withJoinedLiterals(pythonCodeText(text));
}

function relevant(flags: number): boolean {
  return (flags & WORD) !== 0 || (flags & (COMPILE_CALL | KERAS_NAMED)) === (COMPILE_CALL | KERAS_NAMED);
}

export interface PythonImport {
  module: string;
  level: number;
  names: string[];
}

// Identifier characters: ASCII letters, digits and `_`, and every non-ASCII character (a superset of
// Python's; a unicode-aware class costs several times more to match).
const IDENT = '[0-9A-Za-z_\\u0080-\\uffff]+';
const DOTTED = `${IDENT}(?:[ \\t]*\\.[ \\t]*${IDENT})*`;
const FROM = new RegExp(`\\bfrom[ \\t]+(\\.*)[ \\t]*(${DOTTED})?[ \\t]+import\\b`, 'g');
const IMPORT = new RegExp(
  `\\bimport[ \\t]+(${DOTTED}(?:[ \\t]+as[ \\t]+${IDENT})?(?:[ \\t]*,[ \\t]*${DOTTED}(?:[ \\t]+as[ \\t]+${IDENT})?)*)`,
  'g',
);
const NAME = new RegExp(`^${IDENT}`);

/**
 * Every import statement of a Python source, found without parsing. It errs on the side of finding
 * too many (an import in a string or a comment counts), never too few: one-line compound statements
 * (`if x: import y`), `;`, parenthesised lists with comments and backslash continuations all count.
 */
export function scanPythonImports(source: string): PythonImport[] {
  const text = source.includes('\\') ? source.replace(/\\\r?\n/g, ' ') : source;
  const out: PythonImport[] = [];
  const fromEnds: [number, number][] = [];
  for (const m of text.matchAll(FROM)) {
    const start = m.index + m[0].length;
    const { names, end } = importedNames(text, start);
    fromEnds.push([m.index, end]);
    out.push({ module: (m[2] ?? '').replace(/[ \t]/g, ''), level: m[1].length, names });
  }
  for (const m of text.matchAll(IMPORT)) {
    // The `import b` of `from a import b` is no module of its own.
    if (fromEnds.some(([s, e]) => m.index >= s && m.index < e)) continue;
    for (const item of m[1].split(',')) {
      const module = item.replace(/[ \t]+as[ \t]+\S+$/u, '').replace(/[ \t]/g, '');
      if (module) out.push({ module, level: 0, names: [] });
    }
  }
  return out;
}

/** The names after `import` of a from-import: `a as b, c` to the end of the line, or a `( … )` list. */
function importedNames(text: string, start: number): { names: string[]; end: number } {
  let i = start;
  while (text[i] === ' ' || text[i] === '\t') i++;
  let body: string;
  let end: number;
  if (text[i] === '(') {
    let j = i + 1;
    let inner = '';
    for (; j < text.length && text[j] !== ')'; j++) {
      if (text[j] === '#') {
        while (j < text.length && text[j] !== '\n') j++;
        inner += '\n';
        continue;
      }
      inner += text[j];
    }
    body = inner;
    end = j + 1;
  } else {
    let j = i;
    while (j < text.length && text[j] !== '\n' && text[j] !== ';' && text[j] !== '#') j++;
    body = text.slice(i, j);
    end = j;
  }
  const names: string[] = [];
  for (const part of body.split(',')) {
    const m = NAME.exec(part.trim());
    if (m) names.push(m[0]);
  }
  return { names, end };
}

/** Reads a workspace file now; undefined when there is none. */
export type ReadNow = (uri: string) => string | undefined;

interface Node {
  flags: number;
  refs: PythonImport[];
  /** The workspace files `refs` name, once resolved. */
  imports?: string[];
  /** Candidates of `refs` that do not exist (a file created there later may change the answer). */
  missing?: string[];
}

/**
 * Answers "can the check of this Python file report anything?" for the files of one workspace, whose
 * contents do not change while it lives (one CLI run). Import closures are computed once per file, and
 * cycles (packages importing each other) are resolved as strongly connected components.
 */
export class RelevanceIndex {
  private readonly nodes = new Map<string, Node | null>();
  private readonly closure = new Map<string, number>();
  private readonly candidateLists = new Map<string, string[]>();

  constructor(
    private readonly read: ReadNow,
    private readonly roots: readonly string[],
  ) {}

  /** False only when no file the check of `uri` would run names a rule word. */
  mayReport(uri: string, text: string, languageId: LanguageId = 'python'): boolean {
    if (languageId !== 'python') return true;
    const flags = flagsOf(text);
    if (relevant(flags)) return true;
    if (!this.nodes.get(uri)) this.nodes.set(uri, { flags, refs: scanPythonImports(text) });
    return relevant(this.closureOf(uri));
  }

  /**
   * What `mayReport`'s answer for `uri` rests on (call it first): the workspace files its imports
   * reach, and the import candidates that did not exist.
   */
  importClosure(uri: string): { files: string[]; missing: string[] } {
    const seen = new Set<string>([uri]);
    const missing = new Set<string>();
    const todo = [uri];
    for (let u = todo.pop(); u !== undefined; u = todo.pop()) {
      const n = this.nodes.get(u);
      for (const m of n?.missing ?? []) missing.add(m);
      for (const i of n?.imports ?? [])
        if (!seen.has(i)) {
          seen.add(i);
          todo.push(i);
        }
    }
    seen.delete(uri);
    return { files: [...seen], missing: [...missing] };
  }

  private node(uri: string): Node | null {
    let n = this.nodes.get(uri);
    if (n === undefined) {
      const text = this.read(uri);
      n = text === undefined ? null : { flags: flagsOf(text), refs: scanPythonImports(text) };
      this.nodes.set(uri, n);
    }
    return n;
  }

  /** importCandidates, once per folder and import (the files of one folder share most imports). */
  private candidates(uri: string, imp: PythonImport): string[] {
    const key = `${uriDirname(uri)}\n${imp.module}\n${imp.level}\n${imp.names.join(',')}`;
    let list = this.candidateLists.get(key);
    if (list === undefined) {
      if (this.candidateLists.size >= 8192) this.candidateLists.clear();
      this.candidateLists.set(key, (list = importCandidates(uri, 'python', imp.module, imp.level, imp.names, this.roots)));
    }
    return list;
  }

  private importsOf(uri: string): string[] {
    const n = this.nodes.get(uri);
    if (!n) return [];
    if (!n.imports) {
      const out = new Set<string>();
      const missing = new Set<string>();
      for (const imp of n.refs) {
        for (const c of this.candidates(uri, imp)) {
          if (c === uri) continue;
          if (this.node(c) !== null) out.add(c);
          else missing.add(c);
        }
      }
      n.imports = [...out];
      n.missing = [...missing];
      n.refs = [];
    }
    return n.imports;
  }

  /** The flags of every file reachable from `start` (Tarjan's algorithm, iterative: import chains can be long). */
  private closureOf(start: string): number {
    const known = this.closure.get(start);
    if (known !== undefined) return known;
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const acc = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const frames: { uri: string; next: number }[] = [];
    const enter = (uri: string) => {
      index.set(uri, index.size);
      low.set(uri, index.size - 1);
      acc.set(uri, this.nodes.get(uri)?.flags ?? 0);
      stack.push(uri);
      onStack.add(uri);
      frames.push({ uri, next: 0 });
    };
    enter(start);
    while (frames.length) {
      const f = frames[frames.length - 1];
      const imports = this.importsOf(f.uri);
      if (f.next < imports.length) {
        const w = imports[f.next++];
        const done = this.closure.get(w);
        if (done !== undefined) acc.set(f.uri, acc.get(f.uri)! | done);
        else if (!index.has(w)) enter(w);
        else if (onStack.has(w)) {
          low.set(f.uri, Math.min(low.get(f.uri)!, index.get(w)!));
          acc.set(f.uri, acc.get(f.uri)! | acc.get(w)!);
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (low.get(f.uri) === index.get(f.uri)) {
        let total = 0;
        const members: string[] = [];
        let m: string;
        do {
          m = stack.pop()!;
          onStack.delete(m);
          members.push(m);
          total |= acc.get(m)!;
        } while (m !== f.uri);
        for (const x of members) this.closure.set(x, total);
        if (parent) acc.set(parent.uri, acc.get(parent.uri)! | total);
      } else if (parent) {
        low.set(parent.uri, Math.min(low.get(parent.uri)!, low.get(f.uri)!));
        acc.set(parent.uri, acc.get(parent.uri)! | acc.get(f.uri)!);
      }
    }
    return this.closure.get(start)!;
  }
}
