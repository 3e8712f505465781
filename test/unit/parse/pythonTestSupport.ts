import assert from 'node:assert/strict';
// Shared by the python*.test.ts files: loads the front end from node_modules and prints IR compactly.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Language, Parser } from 'web-tree-sitter';
import type { Arg, DictEntry, Expr, FunctionDef, Module, Param, Span, Stmt } from '../../../server/src/ir';
import { createPythonFrontEnd, type PythonFrontEnd, type PythonFrontEndOptions } from '../../../server/src/parse/python/index';
import { FlatTree } from '../../../server/src/parse/python/flatTree';
import { lowerModule } from '../../../server/src/parse/python/lower';
import { buildKindTable } from '../../../server/src/parse/python/nodeKinds';

/** Every .py file under `dir`, in a stable order. */
export function pythonFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) pythonFiles(p, out);
    else if (name.endsWith('.py')) out.push(p);
  }
  return out;
}

export function loadPython(options?: PythonFrontEndOptions): Promise<PythonFrontEnd> {
  return createPythonFrontEnd(
    {
      runtime: new Uint8Array(readFileSync('node_modules/web-tree-sitter/web-tree-sitter.wasm')),
      grammar: new Uint8Array(readFileSync('node_modules/tree-sitter-python/tree-sitter-python.wasm')),
    },
    options,
  );
}

/**
 * The reference the chunked front end must equal on text without syntax errors: one tree-sitter tree
 * of the whole text, lowered by the same lowering, nothing reused; `hasError`: tree-sitter found a
 * syntax error in it. Call after loadPython().
 */
export async function wholeFileLowering(): Promise<(text: string) => { module: Module; hasError: boolean }> {
  const language = await Language.load(new Uint8Array(readFileSync('node_modules/tree-sitter-python/tree-sitter-python.wasm')));
  const parser = new Parser();
  parser.setLanguage(language);
  const table = buildKindTable(language);
  const flat = new FlatTree();
  return text => {
    const tree = parser.parse(text);
    if (tree === null) throw new Error('no tree');
    try {
      flat.load(tree, text, table);
      return { module: lowerModule(flat, table, undefined), hasError: tree.rootNode.hasError };
    } finally {
      tree.delete();
    }
  };
}

/** A seeded pseudo-random generator in [0, 1). */
export { positionAt } from '../../helpers/positions';

export function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pe(e: Expr): string {
  switch (e.k) {
    case 'name':
      return e.id;
    case 'attr':
      return `${pe(e.obj)}.${e.name}`;
    case 'call':
      return `${pe(e.callee)}(${e.args.map(pa).join(', ')})`;
    case 'subscript':
      return `${pe(e.obj)}[${pe(e.index)}]`;
    case 'num':
      return `${e.raw}=${e.value}`;
    case 'str':
      return JSON.stringify(e.value);
    case 'const':
      return String(e.value);
    case 'tuple':
      return `(${e.elts.map(pe).join(', ')}${e.elts.length === 1 ? ',' : ''})`;
    case 'list':
      return `[${e.elts.map(pe).join(', ')}]`;
    case 'dict':
      return `{${e.entries.map(pd).join(', ')}}`;
    case 'binop':
      return `(${pe(e.left)} ${e.op} ${pe(e.right)})`;
    case 'unary':
      return `(${e.op}${/^[a-z]/.test(e.op) ? ' ' : ''}${pe(e.operand)})`;
    case 'cond':
      return `(${pe(e.body)} if ${pe(e.test)} else ${pe(e.orelse)})`;
    case 'lambda':
      return `lambda ${sig(e.fn)}: ${e.fn.body.map(s => ps(s).trim()).join('; ')}`;
    case 'unknown':
      return `?(${e.children.map(pe).join(', ')})`;
  }
}

function pa(a: Arg): string {
  return (a.star === 2 ? '**' : a.star === 1 ? '*' : a.name !== undefined ? `${a.name}=` : '') + pe(a.value);
}

function pd(d: DictEntry): string {
  return d.key === null ? `**${pe(d.value)}` : `${pe(d.key)}: ${pe(d.value)}`;
}

function pp(p: Param): string {
  return `${p.star === 2 ? '**' : p.star === 1 ? '*' : ''}${p.name}${p.default ? `=${pe(p.default)}` : ''}`;
}

function sig(f: FunctionDef): string {
  return `${f.decorators.map(d => `@${pe(d)} `).join('')}${f.name}(${f.params.map(pp).join(', ')})`;
}

function body(b: Stmt[], indent: string): string {
  return b.map(s => ps(s, indent + '  ')).join('');
}

export function ps(s: Stmt, indent = ''): string {
  switch (s.k) {
    case 'assign':
      return `${indent}${s.targets.map(pe).join(' = ')} ${s.aug ?? ''}= ${pe(s.value)}\n`;
    case 'expr':
      return `${indent}${pe(s.expr)}\n`;
    case 'return':
      return `${indent}return${s.value ? ' ' + pe(s.value) : ''}\n`;
    case 'jump':
      return `${indent}${s.kind}\n`;
    case 'if':
      return `${indent}if ${pe(s.test)}:\n${body(s.body, indent)}${s.orelse.length ? `${indent}else:\n${body(s.orelse, indent)}` : ''}`;
    case 'loop': {
      const head = s.kind === 'for' ? ` ${s.target ? pe(s.target) : '_'} in ${s.iter ? pe(s.iter) : '_'}` : '';
      return `${indent}${s.kind}${head}:\n${body(s.body, indent)}${s.orelse.length ? `${indent}else:\n${body(s.orelse, indent)}` : ''}`;
    }
    case 'block':
      return `${indent}block${s.items.length ? ' ' + s.items.map(pe).join(', ') : ''}:\n${body(s.body, indent)}`;
    case 'func':
      return `${indent}def ${sig(s.def)}:\n${body(s.def.body, indent)}`;
    case 'class':
      return `${indent}class ${s.def.decorators.map(d => `@${pe(d)} `).join('')}${s.def.name}(${s.def.bases.map(pe).join(', ')}):\n${body(s.def.body, indent)}`;
    case 'import':
      return `${indent}import ${s.module}${s.alias !== null ? ` as ${s.alias}` : ''}\n`;
    case 'importFrom': {
      const names = s.names.map(n => (n.alias !== null ? `${n.name} as ${n.alias}` : n.name));
      if (s.star) names.push('*');
      return `${indent}from ${'.'.repeat(s.level)}${s.module} import ${names.join(', ')}\n`;
    }
  }
}

export function printModule(m: Module): string {
  return m.body.map(s => ps(s)).join('');
}

/** Every span in the IR with a label saying where it came from, in tree order. */
export function collectSpans(m: Module): { what: string; span: Span }[] {
  const out: { what: string; span: Span }[] = [];
  const visit = (v: unknown, path: string): void => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => visit(x, `${path}[${i}]`));
      return;
    }
    if (v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    for (const key of Object.keys(o)) {
      const x = o[key];
      if ((key === 'span' || key === 'nameSpan' || key === 'argsSpan') && x && typeof x === 'object') {
        out.push({ what: `${path}.${key}${typeof o.k === 'string' ? `(${o.k})` : ''}`, span: x as Span });
      } else visit(x, `${path}.${key}`);
    }
  };
  visit(m.body, 'body');
  return out;
}

/** Reused statements are moved in place: a span object reachable twice would be moved twice. */
export function assertNoSharedSpans(module: Module, context: string): void {
  const seen = new Set<object>();
  const visit = (v: unknown, key: string): void => {
    if (v === null || typeof v !== 'object') return;
    if (key === 'span' || key === 'nameSpan' || key === 'argsSpan') {
      assert.ok(!seen.has(v), `${context}: a span object is shared`);
      seen.add(v);
      return;
    }
    if (Array.isArray(v)) for (const x of v) visit(x, '');
    else for (const [k, x] of Object.entries(v)) visit(x, k);
  };
  visit(module.body, '');
  visit(module.syntaxErrors, '');
}
