// The TS/JS front end: each construct lowers to the expected IR (checked in the compact printed
// form of printIr.ts), spans slice to the right source text, syntax errors are reported without
// stopping the lowering, and tf.js-style code comes out the way the rules expect.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as ts from 'typescript';
import type { Expr, Module, Span, Stmt } from '../../../server/src/ir';
import { createTypeScriptFrontEnd, scriptKindOf } from '../../../server/src/parse/typescript/index';
import { printModule } from '../../../server/src/parse/typescript/printIr';

const frontEnd = createTypeScriptFrontEnd(ts);
let docCounter = 0;
function parse(source: string, file = 'a.ts'): Module {
  // A fresh URI per call: every case is a full parse.
  return frontEnd.parse(`file:///cases/${docCounter++}/${file}`, source);
}
const lower = (source: string, file = 'a.ts') => printModule(parse(source, file));

const CONSTRUCTS: { name: string; source: string; expected: string; file?: string }[] = [
  // imports
  { name: 'namespace import', source: `import * as tf from '@tensorflow/tfjs';`, expected: 'import "@tensorflow/tfjs" as tf\n' },
  { name: 'default import', source: `import tf from 'm';`, expected: 'import "m" as tf\n' },
  {
    name: 'named imports with alias',
    source: `import { softmax as sm, losses } from 'm';`,
    expected: 'from "m" import softmax as sm, losses\n',
  },
  { name: 'default + named imports', source: `import d, { a } from 'm';`, expected: 'import "m" as d\nfrom "m" import a\n' },
  { name: 'relative module keeps ./, level 0', source: `import { f } from './util';`, expected: 'from "./util" import f\n' },
  {
    name: 'side-effect import binds nothing',
    source: `import '@tensorflow/tfjs-node';`,
    expected: 'from "@tensorflow/tfjs-node" import ()\n',
  },
  { name: 'import type is ignored', source: `import type { T } from 'm'; import type D from 'd';`, expected: '' },
  { name: 'type-only specifiers are dropped', source: `import { type T, v } from 'm';`, expected: 'from "m" import v\n' },
  {
    name: 'require → import',
    source: `const tf = require('@tensorflow/tfjs-node');`,
    expected: 'import "@tensorflow/tfjs-node" as tf\n',
    file: 'a.js',
  },
  {
    name: 'destructured require → importFrom',
    source: `const { losses, train: t } = require('m');`,
    expected: 'from "m" import losses, train as t\n',
    file: 'a.cjs',
  },
  { name: 'import = require', source: `import tf = require('m');`, expected: 'import "m" as tf\n' },
  // exports
  { name: 'export function', source: `export function f() {}`, expected: 'def f():\nexports f\n' },
  { name: 'export const', source: `export const a = 1, b = 2;`, expected: 'a = 1\nb = 2\nexports a, b\n' },
  { name: 'export class', source: `export class C {}`, expected: 'class C():\nexports C\n' },
  { name: 'export list with alias', source: `const a = 1; export { a as b };`, expected: 'a = 1\nexports b=a\n' },
  { name: 'export default expression', source: `export default tf.sequential();`, expected: 'tf.sequential()\ndefault tf.sequential()\n' },
  { name: 'export default identifier', source: `const m = 1; export default m;`, expected: 'm = 1\nm\nexports default=m\ndefault m\n' },
  {
    name: 'export default function',
    source: `export default function train() {}`,
    expected: 'def train():\nexports default=train\ndefault train\n',
  },
  {
    name: 'export default anonymous class',
    source: `export default class {}`,
    expected: 'class default():\nexports default\ndefault default\n',
  },
  { name: 'export destructured names', source: `export const { a, b: [c] } = o;`, expected: '{"a": a, "b": (c,)} = o\nexports a, c\n' },
  { name: 're-export names', source: `export { x as y } from './m';`, expected: 'from "./m" import x as y\nexports y\n' },
  { name: 're-export star', source: `export * from './m';`, expected: 'from "./m" import *\n' },
  {
    name: 'module.exports object',
    source: `module.exports = { predict, loss: lossFn };`,
    expected:
      'module.exports = {"predict": predict, "loss": lossFn}\nexports predict, loss=lossFn\ndefault {"predict": predict, "loss": lossFn}\n',
    file: 'a.js',
  },
  { name: 'exports.x = y', source: `exports.train = train;`, expected: 'exports.train = train\nexports train\n', file: 'a.js' },
  { name: 'type declarations are dropped', source: `interface I { a: number } type T = I; declare const d: T; enum E { A }`, expected: '' },
  // variables and assignments
  { name: 'const/let/var', source: `const a = 1; let b = 'x'; var c = true;`, expected: 'a = 1\nb = "x"\nc = true\n' },
  { name: 'declaration without initializer is dropped', source: `let a;`, expected: '' },
  { name: 'array pattern → tuple with holes and rest', source: `const [a, , b, ...r] = xs;`, expected: '(a, ?(), b, ?(r)) = xs\n' },
  {
    name: 'object pattern → dict with str keys',
    source: `const { a, b: c, ['k']: d, ...rest } = o;`,
    expected: '{"a": a, "b": c, "k": d, **rest} = o\n',
  },
  { name: 'nested patterns', source: `const { a: [x, { y }] } = o;`, expected: '{"a": (x, {"y": y})} = o\n' },
  { name: 'pattern defaults keep the name', source: `const { a = 1 } = o; [b = 2] = xs;`, expected: '{"a": a} = o\n(b,) = xs\n' },
  { name: 'assignment', source: `x = f();`, expected: 'x = f()\n' },
  { name: 'chained assignment', source: `a = b = 0;`, expected: 'a = b = 0\n' },
  { name: 'augmented assignment', source: `x += 1; y **= 2; z ??= w;`, expected: 'x += 1\ny **= 2\nz ??= w\n' },
  { name: 'destructuring assignment', source: `[a, b] = [b, a]; ({ c, d: e } = o);`, expected: '(a, b) = [b, a]\n{"c": c, "d": e} = o\n' },
  { name: 'attribute target', source: `this.model = tf.sequential();`, expected: 'this.model = tf.sequential()\n' },
  { name: 'comma expression statement splits', source: `a = 1, b = 2;`, expected: 'a = 1\nb = 2\n' },
  { name: 'assignment inside an expression', source: `f(x = 1);`, expected: 'f(?(x, 1))\n' },
  // control flow
  { name: 'return', source: `function f() { return; return 1; }`, expected: 'def f():\n  return\n  return 1\n' },
  {
    name: 'if / else if / else',
    source: `if (a) f(); else if (b) g(); else { h(); }`,
    expected: 'if a:\n  f()\nelse:\n  if b:\n    g()\n  else:\n    h()\n',
  },
  {
    name: 'for(;;) → init, then loop with condition and incrementor',
    source: `for (let i = 0; i < n; i++) f(i);`,
    expected: 'i = 0\nfor:\n  (i < n)\n  f(i)\n  (++i)\n',
  },
  { name: 'for-of with pattern target', source: `for (const [k, v] of m) g(k, v);`, expected: 'for (k, v) in m:\n  g(k, v)\n' },
  { name: 'for-in', source: `for (k in o) {}`, expected: 'for k in o:\n' },
  { name: 'while: condition heads the body', source: `while (!done) step();`, expected: 'while:\n  (!done)\n  step()\n' },
  { name: 'do-while: condition ends the body', source: `do step(); while (x);`, expected: 'while:\n  step()\n  x\n' },
  {
    name: 'try/catch/finally → block in order',
    source: `try { a(); } catch (e) { b(e); } finally { c(); }`,
    expected: 'block:\n  a()\n  b(e)\n  c()\n',
  },
  { name: 'bare block', source: `{ a(); }`, expected: 'block:\n  a()\n' },
  {
    name: 'switch → block in order',
    source: `switch (k) { case 1: a(); break; default: b(); }`,
    expected: 'block:\n  k\n  1\n  a()\n  break\n  b()\n',
  },
  { name: 'labeled statement', source: `outer: for (const x of xs) { continue outer; }`, expected: 'for x in xs:\n  continue\n' },
  { name: 'throw keeps its expression, then ends the path', source: `throw new Error('x');`, expected: 'Error("x")\nraise\n' },
  { name: 'namespace body', source: `namespace N { f(); }`, expected: 'block:\n  f()\n' },
  // functions
  {
    name: 'function params: default and rest',
    source: `function f(a, b = 2, ...rest) { return a; }`,
    expected: 'def f(a, b=2, *rest):\n  return a\n',
  },
  { name: 'TS this-parameter is not a parameter', source: `function f(this: Window, a: number) {}`, expected: 'def f(a):\n' },
  { name: 'destructured parameter keeps its text as name', source: `function f({ units }) {}`, expected: 'def f({ units }):\n' },
  {
    name: 'overloads are dropped, implementation kept',
    source: `function f(a: string): void; function f(a: any) { g(a); }`,
    expected: 'def f(a):\n  g(a)\n',
  },
  {
    name: 'expression-bodied arrow → [return expr], named after its variable',
    source: `const sq = (x) => x * x;`,
    expected: 'sq = lambda =>sq(x) { return (x * x) }\n',
  },
  { name: 'block-bodied arrow', source: `f(() => { g(); });`, expected: 'f(lambda =><anonymous>() { g() })\n' },
  {
    name: 'function expression keeps its own name',
    source: `const a = function b(x) { return x; };`,
    expected: 'a = lambda b(x) { return x }\n',
  },
  {
    name: 'async arrow with await is transparent',
    source: `const run = async () => await fit();`,
    expected: 'run = lambda =>run() { return fit() }\n',
  },
  // classes
  {
    name: 'class: bases, fields, constructor, methods, accessors, static',
    source: `class M extends tf.layers.Layer implements I { units = 4; static count = 0; n; constructor(cfg) { super(cfg); } call(x) { return x; } get size() { return this.units; } abstract m(): void; }`,
    expected:
      'class M(tf.layers.Layer):\n  this.units = 4\n  M.count = 0\n  def constructor(cfg):\n    super(cfg)\n  def call(x):\n    return x\n  def size():\n    return this.units\n',
  },
  {
    name: 'constructor parameter properties assign to this',
    source: `class T { constructor(private readonly model: M, @inject() public opt = 1, plain) { go(); } }`,
    expected: 'class T():\n  def constructor(model, opt=1, plain):\n    this.model = model\n    this.opt = opt\n    go()\n',
  },
  { name: 'decorators', source: `@component('x') class C { @log m() {} }`, expected: 'class @component("x") C():\n  def @log m():\n' },
  {
    name: 'class expression keeps bases, methods and field values',
    source: `const E = class extends B { y = f(); run() { return g(); } };`,
    expected: 'E = ?(B, f(), lambda run() { return g() })\n',
  },
  { name: 'static block', source: `class S { static { init(); } }`, expected: 'class S():\n  block:\n    init()\n' },
  // expressions
  { name: 'calls, attributes, subscripts', source: `a.b(c)[d].e;`, expected: 'a.b(c)[d].e\n' },
  { name: 'spread argument → star 1', source: `f(...xs, y);`, expected: 'f(*xs, y)\n' },
  {
    name: 'object-literal argument stays a dict',
    source: `f({ units: 10, activation: 'relu' });`,
    expected: 'f({"units": 10, "activation": "relu"})\n',
  },
  { name: 'new → call', source: `new X(1); new Y;`, expected: 'X(1)\nY()\n' },
  { name: 'optional chaining is ordinary access', source: `a?.b?.[c]?.(d);`, expected: 'a.b[c](d)\n' },
  {
    name: 'numbers keep raw text and decimal value',
    source: `f(1, 1.5e-3, 0x10, 1_000, 10n);`,
    expected: 'f(1, 1.5e-3, 0x10, 1_000, 10n)\n',
  },
  { name: 'strings and plain templates → str', source: `f('a', "b", \`c\`);`, expected: 'f("a", "b", "c")\n' },
  { name: 'template with substitutions → unknown with children', source: `f(\`a\${g(x)}b\${y}\`);`, expected: 'f(?(g(x), y))\n' },
  { name: 'true/false/null/undefined → const', source: `f(true, false, null, undefined);`, expected: 'f(true, false, null, undefined)\n' },
  { name: 'this and super', source: `this.a; super.b();`, expected: 'this.a\nsuper.b()\n' },
  { name: 'array literal → list; holes and spread as unknown', source: `[1, , ...xs];`, expected: '[1, ?(), ?(xs)]\n' },
  {
    name: 'object literal: shorthand, spread, computed key, methods',
    source: `({ a, ...b, [k]: 1, 2: 'n', m() { return 1; }, f: (x) => x });`,
    expected: '{"a": a, **b, k: 1, 2: "n", "m": lambda m() { return 1 }, "f": lambda =>f(x) { return x }}\n',
  },
  {
    name: 'binary, logical and comparison operators keep their text',
    source: `a + b * c; x && y || z ?? w; p === q; u instanceof V; k in o;`,
    expected: '(a + (b * c))\n(((x && y) || z) ?? w)\n(p === q)\n(u instanceof V)\n(k in o)\n',
  },
  {
    name: 'unary prefix, postfix and keyword operators',
    source: `-x; !y; typeof z; void 0; delete o.k; i--;`,
    expected: '(-x)\n(!y)\n(typeof z)\n(void 0)\n(delete o.k)\n(--i)\n',
  },
  { name: 'conditional', source: `a ? b : c;`, expected: '(a ? b : c)\n' },
  { name: 'type assertions are transparent', source: `(x as any)!.y; (<T>z).w; (v satisfies U).u; f<T>;`, expected: 'x.y\nz.w\nv.u\nf\n' },
  {
    name: 'tagged template, regex, yield → unknown',
    source: `function* g() { yield tag\`a\${b}\`; /re/; }`,
    expected: 'def g():\n  ?(?(tag, ?(b)))\n  ?()\n',
  },
  { name: 'dynamic import is a call of import', source: `const m = await import('m');`, expected: 'm = import("m")\n' },
  {
    name: 'JSX keeps attribute values and embedded expressions only',
    source: `const e = <Foo a={f(1)} b="s">{xs.map(x => <li key={x}>{g(x)}</li>)}</Foo>;`,
    expected: 'e = ?(f(1), "s", xs.map(lambda =><anonymous>(x) { return ?(x, g(x)) }))\n',
    file: 'a.tsx',
  },
];

for (const c of CONSTRUCTS) {
  test(`lowers ${c.name}`, () => {
    const m = parse(c.source, c.file);
    assert.deepEqual(m.syntaxErrors, [], 'no syntax errors');
    assert.equal(printModule(m), c.expected);
  });
}

test('tf.js model building and training code lowers to the calls the rules look for', () => {
  const source = [
    `import * as tf from '@tensorflow/tfjs';`,
    `const model = tf.sequential();`,
    `model.add(tf.layers.dense({units: 10, activation: 'softmax'}));`,
    `model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
    `const loss = tf.tidy(() => tf.losses.softmaxCrossEntropy(labels, logits.softmax()));`,
    `const predict = (x) => tf.softmax(model.predict(x));`,
  ].join('\n');
  assert.equal(
    lower(source),
    [
      'import "@tensorflow/tfjs" as tf',
      'model = tf.sequential()',
      'model.add(tf.layers.dense({"units": 10, "activation": "softmax"}))',
      'model.compile({"optimizer": "adam", "loss": "categoricalCrossentropy"})',
      'loss = tf.tidy(lambda =><anonymous>() { return tf.losses.softmaxCrossEntropy(labels, logits.softmax()) })',
      'predict = lambda =>predict(x) { return tf.softmax(model.predict(x)) }',
      '',
    ].join('\n'),
  );

  const m = parse(source);
  const add = (m.body[2] as Extract<Stmt, { k: 'expr' }>).expr;
  assert.equal(add.k, 'call');
  if (add.k !== 'call') return;
  assert.equal(add.args.length, 1);
  const dense = add.args[0].value;
  assert.ok(
    dense.k === 'call' && dense.args.length === 1 && dense.args[0].name === undefined && dense.args[0].value.k === 'dict',
    'the config object is one positional dict argument, not keywords',
  );
  const predict = m.body[5];
  assert.ok(predict.k === 'assign' && predict.value.k === 'lambda' && predict.value.fn.isArrow === true);
});

// ---- spans ----------------------------------------------------------------------------------

function slice(source: string, span: Span): string {
  return source.slice(span.start, span.end);
}

test('spans slice to the source text of each node', () => {
  const source = [
    `// leading comment`,
    `/** doc */`,
    `const model = tf.sequential();`,
    `model.add(tf.layers.dense( { units: 10 , activation: 'softmax' } ));`,
    `x[i] += -1.5;`,
    `const { a, b: [c] } = o;`,
    `function f(p = 1, ...r) { return p ? 'y' : null; }`,
    `class C extends B { w = 2; constructor() { super(); } m() {} }`,
  ].join('\n');
  const m = parse(source);
  const [decl, add, aug, destructure, fn, cls] = m.body;
  assert.ok(
    decl.k === 'assign' && add.k === 'expr' && aug.k === 'assign' && destructure.k === 'assign' && fn.k === 'func' && cls.k === 'class',
  );

  assert.equal(slice(source, decl.span), 'const model = tf.sequential();');
  assert.equal(slice(source, decl.targets[0].span), 'model');
  assert.equal(slice(source, decl.value.span), 'tf.sequential()');

  const call = add.expr;
  assert.ok(call.k === 'call' && call.callee.k === 'attr');
  assert.equal(slice(source, add.span), `model.add(tf.layers.dense( { units: 10 , activation: 'softmax' } ));`);
  assert.equal(slice(source, call.span), `model.add(tf.layers.dense( { units: 10 , activation: 'softmax' } ))`);
  assert.equal(slice(source, call.callee.nameSpan), 'add');
  const dense = call.args[0].value;
  assert.ok(dense.k === 'call' && dense.callee.k === 'attr');
  assert.equal(slice(source, dense.argsSpan), `( { units: 10 , activation: 'softmax' } )`);
  assert.equal(slice(source, dense.callee.span), 'tf.layers.dense');
  assert.equal(slice(source, dense.callee.nameSpan), 'dense');
  const config = dense.args[0].value;
  assert.ok(config.k === 'dict');
  assert.equal(slice(source, dense.args[0].span), `{ units: 10 , activation: 'softmax' }`);
  assert.equal(slice(source, config.entries[1].span), `activation: 'softmax'`);
  assert.equal(slice(source, config.entries[1].key!.span), 'activation');
  assert.equal(slice(source, config.entries[1].value.span), `'softmax'`);

  assert.equal(slice(source, aug.targets[0].span), 'x[i]');
  assert.equal(slice(source, aug.value.span), '-1.5');
  assert.ok(aug.value.k === 'unary' && aug.value.operand.k === 'num');
  assert.equal(aug.value.operand.value, 1.5);

  const pattern = destructure.targets[0];
  assert.ok(pattern.k === 'dict');
  assert.equal(slice(source, pattern.span), '{ a, b: [c] }');
  assert.equal(slice(source, pattern.entries[1].span), 'b: [c]');
  assert.equal(slice(source, pattern.entries[1].value.span), '[c]');

  assert.equal(slice(source, fn.def.nameSpan), 'f');
  assert.equal(slice(source, fn.def.params[0].span), 'p = 1');
  assert.equal(slice(source, fn.def.params[1].span), '...r');
  const ret = fn.def.body[0];
  assert.ok(ret.k === 'return' && ret.value?.k === 'cond');
  assert.equal(slice(source, ret.span), `return p ? 'y' : null;`);
  assert.equal(slice(source, ret.value.orelse.span), 'null');

  assert.equal(slice(source, cls.def.nameSpan), 'C');
  assert.equal(slice(source, cls.def.bases[0].span), 'B');
  const [field, ctor, method] = cls.def.body;
  assert.ok(field.k === 'assign' && ctor.k === 'func' && method.k === 'func');
  assert.equal(slice(source, field.span), 'w = 2;');
  assert.equal(slice(source, field.targets[0].span), 'w');
  assert.equal(slice(source, ctor.def.nameSpan), 'constructor');
  assert.equal(slice(source, method.def.nameSpan), 'm');
});

/** Every expression and statement in a module, with its parent's span. */
function* walk(m: Module): Generator<{ node: Expr | Stmt; parent: Span | null }> {
  function* expr(e: Expr, parent: Span | null): Generator<{ node: Expr | Stmt; parent: Span | null }> {
    yield { node: e, parent };
    const kids: Expr[] = [];
    switch (e.k) {
      case 'attr':
        kids.push(e.obj);
        break;
      case 'call':
        kids.push(e.callee, ...e.args.map(a => a.value));
        break;
      case 'subscript':
        kids.push(e.obj, e.index);
        break;
      case 'tuple':
      case 'list':
        kids.push(...e.elts);
        break;
      case 'dict':
        for (const d of e.entries) {
          if (d.key) kids.push(d.key);
          kids.push(d.value);
        }
        break;
      case 'binop':
        kids.push(e.left, e.right);
        break;
      case 'unary':
        kids.push(e.operand);
        break;
      case 'cond':
        kids.push(e.test, e.body, e.orelse);
        break;
      case 'unknown':
        kids.push(...e.children);
        break;
      case 'lambda':
        for (const s of e.fn.body) yield* stmt(s, e.span);
        return;
    }
    for (const k of kids) yield* expr(k, e.span);
  }
  function* stmt(s: Stmt, parent: Span | null): Generator<{ node: Expr | Stmt; parent: Span | null }> {
    yield { node: s, parent };
    const exprs: Expr[] = [];
    const stmts: Stmt[] = [];
    switch (s.k) {
      case 'assign':
        exprs.push(...s.targets, s.value);
        break;
      case 'expr':
        exprs.push(s.expr);
        break;
      case 'return':
        if (s.value) exprs.push(s.value);
        break;
      case 'if':
        exprs.push(s.test);
        stmts.push(...s.body, ...s.orelse);
        break;
      case 'loop':
        if (s.target) exprs.push(s.target);
        if (s.iter) exprs.push(s.iter);
        stmts.push(...s.body, ...s.orelse);
        break;
      case 'block':
        exprs.push(...s.items);
        stmts.push(...s.body);
        break;
      case 'func':
        stmts.push(...s.def.body);
        break;
      case 'class':
        exprs.push(...s.def.bases);
        stmts.push(...s.def.body);
        break;
    }
    for (const e of exprs) yield* expr(e, s.span);
    for (const c of stmts) yield* stmt(c, s.span);
  }
  for (const s of m.body) yield* stmt(s, null);
}

test('every span of a realistic file lies inside its parent and starts on a token', () => {
  const source = readFileSync('test/fixtures/parse/typescript/tfjs-classifier.ts', 'utf8');
  const m = parse(source);
  assert.deepEqual(m.syntaxErrors, []);
  let count = 0;
  for (const { node, parent } of walk(m)) {
    count++;
    const { start, end } = node.span;
    assert.ok(0 <= start && start <= end && end <= source.length, `span in range: ${JSON.stringify(node.span)}`);
    if (end > start) assert.match(source[start], /\S/, `${node.k} span starts on a token: ${JSON.stringify(slice(source, node.span))}`);
    if (parent) {
      // For-loop initializers move out of the loop, for-loop incrementors move in: both stay inside the file, not the parent.
      assert.ok(
        (parent.start <= start && end <= parent.end) || node.k === 'expr' || node.k === 'assign',
        `${node.k} ${JSON.stringify(slice(source, node.span))} inside its parent ${JSON.stringify(slice(source, parent))}`,
      );
    }
  }
  assert.ok(count > 300, `walked ${count} nodes`);
});

// ---- syntax errors --------------------------------------------------------------------------

test('syntax errors are reported and lowering goes on past them', () => {
  const source = [`const a = ;`, `model.compile({ loss: 'mse', });`, `if (x { y(); }`, `const b = tf.losses.meanSquaredError(p, q);`].join(
    '\n',
  );
  const m = parse(source);
  assert.ok(m.syntaxErrors.length >= 2, `errors: ${JSON.stringify(m.syntaxErrors)}`);
  assert.equal(m.syntaxErrors[0].message, 'Expression expected.');
  assert.equal(slice(source, m.syntaxErrors[0].span), ';');
  assert.match(m.syntaxErrors[1].message, /'\)' expected/);
  const printed = printModule(m);
  assert.match(printed, /^a = \?\(\)$/m, 'a missing value is an empty unknown');
  assert.match(printed, /^model\.compile\(\{"loss": "mse"\}\)$/m);
  assert.match(printed, /^ {2}y\(\)$/m);
  assert.match(printed, /^b = tf\.losses\.meanSquaredError\(p, q\)$/m);
});

test('garbage input never throws', () => {
  for (const source of [
    '}}}{{{',
    'class {',
    'import from',
    'export default',
    '=>',
    '<div>',
    '@',
    'a.',
    'new',
    '`${',
    'for (const of',
    '"unterminated',
  ]) {
    for (const file of ['a.ts', 'a.tsx', 'a.js']) {
      const m = parse(source, file);
      assert.ok(Array.isArray(m.body) && m.syntaxErrors.length > 0, `${file}: ${source}`);
    }
  }
});

// ---- script kinds ---------------------------------------------------------------------------

test('the script kind follows the file extension', () => {
  const table: [string, ts.ScriptKind][] = [
    ['file:///a/x.ts', ts.ScriptKind.TS],
    ['file:///a/x.mts', ts.ScriptKind.TS],
    ['file:///a/x.cts', ts.ScriptKind.TS],
    ['file:///a/x.tsx', ts.ScriptKind.TSX],
    ['file:///a/x.jsx', ts.ScriptKind.JSX],
    ['file:///a/x.js', ts.ScriptKind.JS],
    ['file:///a/x.mjs', ts.ScriptKind.JS],
    ['file:///a/X.CJS', ts.ScriptKind.JS],
    ['untitled:Untitled-1', ts.ScriptKind.TS],
  ];
  for (const [uri, kind] of table) assert.equal(scriptKindOf(ts, uri), kind, uri);
  // `<T>x` is a type assertion in .ts and JSX in .tsx.
  assert.equal(lower('f(<any>x);', 'a.ts'), 'f(x)\n');
  assert.deepEqual(parse('const e = <div>{f()}</div>;', 'a.tsx').syntaxErrors, []);
  assert.deepEqual(parse('const e = <div>{f()}</div>;', 'a.jsx').syntaxErrors, []);
  assert.ok(parse('const e = <div>{f()}</div>;', 'a.ts').syntaxErrors.length > 0);
});

test('a mismatched typescript module is refused with a clear message', () => {
  const fake = { ...ts, version: '4.0.0', SyntaxKind: { ...ts.SyntaxKind, Identifier: 1 } } as unknown as typeof ts;
  assert.throws(() => createTypeScriptFrontEnd(fake), /typescript 5\.9/);
});
