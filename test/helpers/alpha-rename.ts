// α-renaming of fixture files: every name the file itself binds (variables, parameters, top-level
// functions and classes) gets a meaningless one, consistently, so a test can show that no finding
// depends on what code is called. Names a file imports, attribute and keyword names, methods (framework
// protocols such as `forward`, `call`, `training_step`) and builtins keep their spelling: they are API,
// not the author's choice.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as ts from 'typescript';
import { Language, Parser, type Node } from 'web-tree-sitter';

const require = createRequire(__filename);
let parser: Promise<Parser> | undefined;

function pythonParser(): Promise<Parser> {
  parser ??= (async () => {
    const wasm = require.resolve('web-tree-sitter/web-tree-sitter.wasm');
    await Parser.init({ locateFile: () => wasm, wasmBinary: readFileSync(wasm) });
    const p = new Parser();
    p.setLanguage(await Language.load(new Uint8Array(readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm')))));
    return p;
  })();
  return parser;
}

const PY_KEEP = new Set(['self', 'cls', 'super', 'range', 'len', 'print', 'int', 'float', 'str', 'list', 'dict', 'tuple', 'set']);

interface Edit {
  start: number;
  end: number;
  text: string;
}

function apply(text: string, edits: Edit[]): string {
  let out = '';
  let at = 0;
  for (const e of edits.sort((a, b) => a.start - b.start)) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

/** Every identifier node of a tree-sitter tree, in order. */
function* identifiers(n: Node): Generator<Node> {
  if (n.type === 'identifier') yield n;
  for (const c of n.namedChildren) if (c) yield* identifiers(c);
}

/** The names a Python file binds itself (see the file comment for what is left alone). */
function pythonBindings(root: Node, keep: Set<string>): Set<string> {
  const bound = new Set<string>();
  const add = (n: Node | null) => {
    if (!n) return;
    if (n.type === 'identifier') bound.add(n.text);
    else if (['pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list'].includes(n.type)) for (const c of n.namedChildren) add(c);
  };
  const walk = (n: Node, inClass: boolean) => {
    switch (n.type) {
      case 'import_statement':
      case 'import_from_statement':
      case 'future_import_statement':
        for (const id of identifiers(n)) keep.add(id.text);
        return;
      case 'keyword_argument':
        keep.add(n.childForFieldName('name')?.text ?? '');
        break;
      case 'assignment':
      case 'augmented_assignment':
        // A class attribute is read as `self.name`, an attribute: its name is API of the class.
        if (inClass) for (const id of identifiers(n.childForFieldName('left')!)) keep.add(id.text);
        else add(n.childForFieldName('left'));
        break;
      case 'for_statement':
      case 'for_in_clause':
        add(n.childForFieldName('left'));
        break;
      case 'as_pattern':
        add(n.childForFieldName('alias')?.namedChildren[0] ?? n.childForFieldName('alias'));
        break;
      case 'parameters':
      case 'lambda_parameters':
        for (const p of n.namedChildren) {
          if (!p) continue;
          if (p.type === 'identifier') bound.add(p.text);
          else add(p.childForFieldName('name') ?? p.namedChildren.find(c => c?.type === 'identifier') ?? null);
        }
        break;
      case 'function_definition':
        if (!inClass) add(n.childForFieldName('name'));
        break;
      case 'class_definition':
        add(n.childForFieldName('name'));
        for (const c of n.namedChildren) if (c) walk(c, true);
        return;
    }
    const nested = n.type === 'function_definition' ? false : inClass;
    for (const c of n.namedChildren) if (c) walk(c, nested);
  };
  walk(root, false);
  return bound;
}

async function renamePython(files: Record<string, string>): Promise<Record<string, string>> {
  const p = await pythonParser();
  const trees = Object.entries(files).map(([path, text]) => ({ path, text, root: p.parse(text)!.rootNode }));
  const keep = new Set(PY_KEEP);
  const bound = new Set<string>();
  for (const t of trees) for (const b of pythonBindings(t.root, keep)) bound.add(b);
  const names = new Map<string, string>();
  for (const b of [...bound].sort()) if (!keep.has(b) && !b.startsWith('__')) names.set(b, `zq${names.size}`);
  const out: Record<string, string> = {};
  for (const t of trees) {
    const edits: Edit[] = [];
    for (const id of identifiers(t.root)) {
      const parent = id.parent;
      if (!names.has(id.text) || !parent) continue;
      if (parent.type === 'attribute' && parent.childForFieldName('attribute')?.id === id.id) continue;
      if (parent.type === 'keyword_argument' && parent.childForFieldName('name')?.id === id.id) continue;
      if (
        parent.type === 'function_definition' &&
        parent.childForFieldName('name')?.id === id.id &&
        parent.parent?.parent?.type === 'class_definition'
      )
        continue;
      edits.push({ start: id.startIndex, end: id.endIndex, text: names.get(id.text)! });
    }
    out[t.path] = apply(t.text, edits);
  }
  return out;
}

/** The same for TypeScript/JavaScript: declared variables, parameters and top-level functions. */
function renameScript(files: Record<string, string>): Record<string, string> {
  const sources = Object.entries(files).map(([path, text]) => ({
    path,
    text,
    sf: ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true),
  }));
  const keep = new Set<string>(['require', 'module', 'exports', 'console']);
  const bound = new Set<string>();
  const visit = (n: ts.Node) => {
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) {
      const mark = (m: ts.Node): void => {
        if (ts.isIdentifier(m)) keep.add(m.text);
        ts.forEachChild(m, mark);
      };
      mark(n);
      return;
    }
    if ((ts.isVariableDeclaration(n) || ts.isParameter(n) || ts.isBindingElement(n)) && ts.isIdentifier(n.name)) bound.add(n.name.text);
    if (ts.isFunctionDeclaration(n) && n.name) bound.add(n.name.text);
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'require') {
      // `const tf = require('@tensorflow/tfjs')`: the binding is the module's handle, like an import.
      const decl = n.parent;
      if (ts.isVariableDeclaration(decl)) {
        const mark = (m: ts.Node): void => {
          if (ts.isIdentifier(m)) keep.add(m.text);
          ts.forEachChild(m, mark);
        };
        mark(decl.name);
      }
    }
    ts.forEachChild(n, visit);
  };
  for (const s of sources) visit(s.sf);
  const names = new Map<string, string>();
  for (const b of [...bound].sort()) if (!keep.has(b)) names.set(b, `zq${names.size}`);
  const out: Record<string, string> = {};
  for (const s of sources) {
    const edits: Edit[] = [];
    const rename = (n: ts.Node) => {
      if (ts.isIdentifier(n) && names.has(n.text)) {
        const p = n.parent;
        const property =
          (ts.isPropertyAccessExpression(p) && p.name === n) ||
          (ts.isPropertyAssignment(p) && p.name === n) ||
          (ts.isMethodDeclaration(p) && p.name === n) ||
          (ts.isPropertyDeclaration(p) && p.name === n) ||
          (ts.isBindingElement(p) && p.propertyName === n);
        const start = n.getStart(s.sf);
        // `{ logits }` keeps its key: `{ logits: zq3 }`.
        if (ts.isBindingElement(p) && p.name === n && !p.propertyName && ts.isObjectBindingPattern(p.parent))
          edits.push({ start, end: n.end, text: `${n.text}: ${names.get(n.text)!}` });
        else if (ts.isShorthandPropertyAssignment(p)) edits.push({ start, end: n.end, text: `${n.text}: ${names.get(n.text)!}` });
        else if (!property) edits.push({ start, end: n.end, text: names.get(n.text)! });
      }
      ts.forEachChild(n, rename);
    };
    rename(s.sf);
    out[s.path] = apply(s.text, edits);
  }
  return out;
}

/** `files` (path → text) with every self-bound name replaced by `zq<n>`, consistently across the files. */
export async function alphaRename(files: Record<string, string>): Promise<Record<string, string>> {
  const py: Record<string, string> = {};
  const script: Record<string, string> = {};
  for (const [p, t] of Object.entries(files)) (p.endsWith('.py') ? py : script)[p] = t;
  return { ...(await renamePython(py)), ...renameScript(script) };
}
