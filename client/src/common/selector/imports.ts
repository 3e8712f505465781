// Which names a file already imports, which imports a snippet needs, and where to add the missing
// ones. Line-based on purpose: it must work on half-written files that no parser accepts, and only the
// import header matters. No vscode import: unit-tested in Node.
import type { Framework } from '../../../../core/src/knowledge';

export type SourceLanguage = 'python' | 'javascript' | 'typescript';

/** A top-level name bound by an import, with the module it refers to. */
export interface ImportBinding {
  name: string;
  module: string;
}

export interface ImportScan {
  bindings: ImportBinding[];
  /** 0-based line after which new imports go (the last line of the last header import), or -1 for the top. */
  insertAfterLine: number;
  /** JS/TS only: the file uses require() and no import declarations. */
  commonJs: boolean;
}

export function sourceLanguageOf(languageId: string): SourceLanguage | undefined {
  if (languageId === 'python') return 'python';
  if (languageId === 'javascript' || languageId === 'javascriptreact') return 'javascript';
  if (languageId === 'typescript' || languageId === 'typescriptreact') return 'typescript';
  return undefined;
}

export function scanImports(text: string, language: SourceLanguage): ImportScan {
  return language === 'python' ? scanPython(text) : scanScript(text);
}

// ── Python ───────────────────────────────────────────────────────────────────

/** Logical lines of the header: physical lines joined across brackets and backslashes. */
function* pythonStatements(lines: readonly string[]): Generator<{ text: string; first: number; last: number }> {
  let i = 0;
  while (i < lines.length) {
    const first = i;
    let text = stripPythonComment(lines[i]);
    // Only import statements are joined: a bracket inside some string elsewhere must not swallow the file.
    const isImport = /^(import|from)\s/.test(text);
    let depth = bracketDepth(text);
    while (isImport && (depth > 0 || /\\\s*$/.test(text)) && i + 1 < lines.length) {
      i++;
      const next = stripPythonComment(lines[i]);
      text = text.replace(/\\\s*$/, ' ') + ' ' + next;
      depth += bracketDepth(next);
    }
    yield { text, first, last: i };
    i++;
  }
}

function stripPythonComment(line: string): string {
  // Import lines hold no strings with '#', so a plain cut is enough here.
  const hash = line.indexOf('#');
  return hash >= 0 ? line.slice(0, hash) : line;
}

function bracketDepth(text: string): number {
  let d = 0;
  for (const c of text) {
    if (c === '(' || c === '[' || c === '{') d++;
    else if (c === ')' || c === ']' || c === '}') d--;
  }
  return d;
}

const PY_IMPORT = /^import\s+(.+)$/;
const PY_FROM = /^from\s+([\w.]+)\s+import\s+(.+)$/;

function scanPython(text: string): ImportScan {
  const lines = text.split(/\r?\n/);
  const bindings: ImportBinding[] = [];
  let insertAfterLine = -1;
  /** The closing quotes of a multi-line string being skipped. */
  let inString: string | null = null;
  /** Code other than imports, docstrings and comments ends the header: later imports bind, but new ones go above. */
  let headerOver = false;
  for (const st of pythonStatements(lines)) {
    const raw = lines[st.first];
    const trimmed = st.text.trim();
    if (inString) {
      if (raw.includes(inString)) {
        inString = null;
        if (!headerOver) insertAfterLine = st.first;
      }
      continue;
    }
    if (trimmed === '') {
      if (st.first === 0 && /^#!|^#.*coding[:=]/.test(raw)) insertAfterLine = 0;
      continue;
    }
    const str = /^[rRuUbB]?("""|''')/.exec(raw.trim());
    if (str) {
      if (!raw.trim().slice(str[0].length).includes(str[1])) inString = str[1];
      else if (!headerOver) insertAfterLine = st.last;
      continue;
    }
    // Imports inside functions or `if TYPE_CHECKING:` blocks are not module bindings the snippet can use.
    const indented = /^\s/.test(raw);
    const m = indented ? null : PY_IMPORT.exec(trimmed);
    const f = indented || m ? null : PY_FROM.exec(trimmed);
    if (m) {
      for (const part of m[1].split(',')) {
        const [mod, alias] = part.trim().split(/\s+as\s+/);
        if (!mod) continue;
        const top = mod.trim().split('.')[0];
        bindings.push(alias ? { name: alias.trim(), module: mod.trim() } : { name: top, module: top });
      }
    } else if (f) {
      for (const part of f[2].replace(/[()]/g, ' ').split(',')) {
        const [name, alias] = part.trim().split(/\s+as\s+/);
        if (!name || name === '*') continue;
        bindings.push({ name: (alias ?? name).trim(), module: `${f[1]}.${name.trim()}` });
      }
    } else {
      headerOver = true;
      continue;
    }
    if (!headerOver) insertAfterLine = st.last;
  }
  return { bindings, insertAfterLine, commonJs: false };
}

// ── JavaScript / TypeScript ─────────────────────────────────────────────────

const JS_NAMESPACE = /^\s*import\s+\*\s+as\s+(\w+)\s+from\s+['"]([^'"]+)['"]/;
const JS_DEFAULT = /^\s*import\s+(\w+)\s*(?:,\s*\{[^}]*\})?\s+from\s+['"]([^'"]+)['"]/;
const JS_NAMED = /^\s*import\s+(?:\w+\s*,\s*)?\{([^}]*)\}\s*from\s+['"]([^'"]+)['"]/;
const JS_REQUIRE = /^\s*(?:const|let|var)\s+(\w+)\s*=\s*require\(\s*['"]([^'"]+)['"]\s*\)/;
const JS_IMPORT_START = /^\s*import[\s{*'"]/;

function scanScript(text: string): ImportScan {
  const lines = text.split(/\r?\n/);
  const bindings: ImportBinding[] = [];
  let insertAfterLine = -1;
  let sawImport = false;
  let sawRequire = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (JS_IMPORT_START.test(line)) {
      // A multi-line `import { a,\n b } from '…'` ends at the line holding `from '…'` (or a bare import string).
      let j = i;
      let statement = line;
      while (!/from\s+['"][^'"]+['"]|^\s*import\s+['"]/.test(statement) && j + 1 < lines.length) {
        j++;
        statement += ' ' + lines[j];
      }
      addScriptBindings(statement, bindings);
      sawImport = true;
      insertAfterLine = j;
      i = j;
      continue;
    }
    const r = JS_REQUIRE.exec(line);
    if (r) {
      bindings.push({ name: r[1], module: r[2] });
      sawRequire = true;
      if (!sawImport) insertAfterLine = i;
      continue;
    }
    if (insertAfterLine === -1 && i === 0 && /^#!/.test(line)) insertAfterLine = 0;
    if (insertAfterLine === -1 && /^\s*(['"])use strict\1;?\s*$/.test(line)) insertAfterLine = i;
  }
  return { bindings, insertAfterLine, commonJs: sawRequire && !sawImport };
}

function addScriptBindings(statement: string, out: ImportBinding[]): void {
  const ns = JS_NAMESPACE.exec(statement);
  if (ns) {
    out.push({ name: ns[1], module: ns[2] });
    return;
  }
  const def = JS_DEFAULT.exec(statement);
  if (def) out.push({ name: def[1], module: def[2] });
  const named = JS_NAMED.exec(statement);
  if (named) {
    for (const part of named[1].split(',')) {
      const [name, alias] = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/);
      if (name) out.push({ name: (alias ?? name).trim(), module: `${named[2]}.${name.trim()}` });
    }
  }
}

// ── what a snippet needs ─────────────────────────────────────────────────────

/** A module-level name a snippet uses, and the import that binds it. */
interface Requirement {
  name: string;
  /** Matches a use of the name in the snippet's code. */
  use: RegExp;
  importLine(scan: ImportScan): string;
}

const use = (name: string): RegExp => new RegExp(`(?<![\\w.])${name}\\s*[.(]`);

const PYTHON_REQUIREMENTS: Record<'torch' | 'keras' | 'jax', Requirement[]> = {
  torch: [
    { name: 'torch', use: use('torch'), importLine: () => 'import torch' },
    { name: 'nn', use: use('nn'), importLine: () => 'import torch.nn as nn' },
    { name: 'F', use: use('F'), importLine: () => 'import torch.nn.functional as F' },
    { name: 'sigmoid_focal_loss', use: use('sigmoid_focal_loss'), importLine: () => 'from torchvision.ops import sigmoid_focal_loss' },
    { name: 'math', use: use('math'), importLine: () => 'import math' },
  ],
  keras: [
    { name: 'tf', use: use('tf'), importLine: () => 'import tensorflow as tf' },
    {
      name: 'keras',
      use: use('keras'),
      // With TensorFlow imported, its bundled Keras is the one the project runs; otherwise Keras 3 itself.
      importLine: scan =>
        scan.bindings.some(b => b.module === 'tensorflow' || b.module.startsWith('tensorflow.'))
          ? 'from tensorflow import keras'
          : 'import keras',
    },
    { name: 'math', use: use('math'), importLine: () => 'import math' },
  ],
  jax: [
    { name: 'jax', use: use('jax'), importLine: () => 'import jax' },
    { name: 'jnp', use: use('jnp'), importLine: () => 'import jax.numpy as jnp' },
    { name: 'optax', use: use('optax'), importLine: () => 'import optax' },
  ],
};

const TFJS_REQUIREMENT: Requirement = {
  name: 'tf',
  use: use('tf'),
  importLine: scan => (scan.commonJs ? "const tf = require('@tensorflow/tfjs');" : "import * as tf from '@tensorflow/tfjs';"),
};

/** Import lines the code needs that the file does not bind yet, in a stable order. */
export function missingImports(code: string, framework: Framework, fileText: string, language: SourceLanguage): string[] {
  const scan = scanImports(fileText, language);
  const bound = new Set(scan.bindings.map(b => b.name));
  const reqs = framework === 'tfjs' ? [TFJS_REQUIREMENT] : PYTHON_REQUIREMENTS[framework];
  return reqs.filter(r => r.use.test(code) && !bound.has(r.name)).map(r => r.importLine(scan));
}

export interface ImportEdit {
  /** Character offset in the file where `text` goes. */
  offset: number;
  text: string;
}

/** Where and what to insert so that `importLines` join the file's import header; undefined when there is nothing to add. */
export function importEdit(fileText: string, language: SourceLanguage, importLines: readonly string[]): ImportEdit | undefined {
  if (importLines.length === 0) return undefined;
  const scan = scanImports(fileText, language);
  const eol = fileText.includes('\r\n') ? '\r\n' : '\n';
  const lines = fileText.split(/(?<=\n)/);
  const line = scan.insertAfterLine + 1;
  const block = importLines.join(eol) + eol;
  if (line >= lines.length && lines.length > 0 && !lines[lines.length - 1].endsWith('\n')) {
    // The header's last line is the file's last line and has no newline yet.
    return { offset: fileText.length, text: eol + block };
  }
  const offset = lines.slice(0, line).join('').length;
  const following = lines[line] ?? '';
  // A file without imports gets a blank line between the new header and its code.
  const gap = scan.bindings.length === 0 && following.trim() !== '' ? eol : '';
  return { offset, text: block + gap };
}

/** Applies an import edit to text (what the editor does; used by tests). */
export function applyImportEdit(fileText: string, edit: ImportEdit | undefined): string {
  if (!edit) return fileText;
  return fileText.slice(0, edit.offset) + edit.text + fileText.slice(edit.offset);
}

// ── framework of a file ──────────────────────────────────────────────────────

export type FrameworkDecision = { kind: 'known'; framework: Framework } | { kind: 'ask'; choices: Framework[] } | { kind: 'none' };

const isTorchModule = (m: string) => /^(torch|torchvision|torchaudio|torchtext|lightning|pytorch_lightning)(\.|$)/.test(m);
const isKerasModule = (m: string) => /^(tensorflow|keras|tf_keras)(\.|$)/.test(m);
const isJaxModule = (m: string) => /^(jax|flax|optax)(\.|$)/.test(m);

/**
 * The language decides Python vs TF.js; in Python the imports decide PyTorch, Keras or JAX (jax, flax,
 * optax), and a file that imports none of them (or several) is asked about.
 */
export function decideFramework(languageId: string | undefined, fileText: string): FrameworkDecision {
  const language = languageId ? sourceLanguageOf(languageId) : undefined;
  if (!language) return { kind: 'none' };
  if (language !== 'python') return { kind: 'known', framework: 'tfjs' };
  const modules = scanImports(fileText, 'python').bindings.map(b => b.module);
  const found = (
    [
      ['torch', isTorchModule],
      ['keras', isKerasModule],
      ['jax', isJaxModule],
    ] as const
  ).filter(([, is]) => modules.some(is));
  if (found.length === 1) return { kind: 'known', framework: found[0][0] };
  // Asked among the frameworks the file imports, or all three when it imports none.
  return { kind: 'ask', choices: found.length > 1 ? found.map(([f]) => f) : ['torch', 'keras', 'jax'] };
}
