// Spans of the Python IR are UTF-16 offsets that slice exactly the right source text, also after
// non-ASCII text (é, ✓ and the surrogate pair 𝔼), and the flat copy of the tree-sitter tree that
// the lowering reads agrees with tree-sitter itself.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { Language, Parser, type Node } from 'web-tree-sitter';
import type { Expr, FunctionDef, Module, Stmt } from '../../../server/src/ir';
import type { FrontEnd } from '../../../server/src/parse/frontend';
import { FlatTree } from '../../../server/src/parse/python/flatTree';
import { buildKindTable } from '../../../server/src/parse/python/nodeKinds';
import { collectSpans, loadPython } from './pythonTestSupport';

const fixture = readFileSync('test/fixtures/parse/python/train_example.py', 'utf8');

let fe: FrontEnd;
before(async () => {
  fe = await loadPython();
});

type Visit = { expr?: (e: Expr) => void; stmt?: (s: Stmt) => void; fn?: (f: FunctionDef) => void };

/** Calls the visitors on every statement, expression and function of a module. */
function walk(m: Module, v: Visit): void {
  const expr = (e: Expr): void => {
    v.expr?.(e);
    switch (e.k) {
      case 'attr':
        expr(e.obj);
        break;
      case 'call':
        expr(e.callee);
        e.args.forEach(a => expr(a.value));
        break;
      case 'subscript':
        expr(e.obj);
        expr(e.index);
        break;
      case 'tuple':
      case 'list':
        e.elts.forEach(expr);
        break;
      case 'dict':
        e.entries.forEach(d => {
          if (d.key) expr(d.key);
          expr(d.value);
        });
        break;
      case 'binop':
        expr(e.left);
        expr(e.right);
        break;
      case 'unary':
        expr(e.operand);
        break;
      case 'cond':
        expr(e.test);
        expr(e.body);
        expr(e.orelse);
        break;
      case 'lambda':
        fn(e.fn);
        break;
      case 'unknown':
        e.children.forEach(expr);
        break;
      default:
        break;
    }
  };
  const fn = (f: FunctionDef): void => {
    v.fn?.(f);
    f.decorators.forEach(expr);
    f.params.forEach(p => {
      if (p.default) expr(p.default);
    });
    f.body.forEach(stmt);
  };
  const stmt = (s: Stmt): void => {
    v.stmt?.(s);
    switch (s.k) {
      case 'assign':
        s.targets.forEach(expr);
        expr(s.value);
        break;
      case 'expr':
        expr(s.expr);
        break;
      case 'return':
        if (s.value) expr(s.value);
        break;
      case 'if':
        expr(s.test);
        s.body.forEach(stmt);
        s.orelse.forEach(stmt);
        break;
      case 'loop':
        if (s.target) expr(s.target);
        if (s.iter) expr(s.iter);
        s.body.forEach(stmt);
        s.orelse.forEach(stmt);
        break;
      case 'block':
        s.items.forEach(expr);
        s.body.forEach(stmt);
        break;
      case 'func':
        fn(s.def);
        break;
      case 'class':
        s.def.decorators.forEach(expr);
        s.def.bases.forEach(expr);
        s.def.body.forEach(stmt);
        break;
      default:
        break;
    }
  };
  m.body.forEach(stmt);
}

/** Checks that every kind of span slices text it must slice; returns how many checks ran. */
function checkSpanInvariants(text: string, m: Module): number {
  let checks = 0;
  const slice = (s: { start: number; end: number }) => text.slice(s.start, s.end);
  for (const { what, span } of collectSpans(m)) {
    assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${what} ${JSON.stringify(span)} out of range`);
    checks++;
  }
  const lambdaBodies = new Set<Stmt>();
  walk(m, {
    expr: e => {
      checks++;
      switch (e.k) {
        case 'name':
          assert.equal(slice(e.span), e.id);
          break;
        case 'attr':
          assert.equal(slice(e.nameSpan), e.name);
          assert.ok(slice(e.span).endsWith(e.name), `attr ${slice(e.span)}`);
          break;
        case 'call':
          assert.match(slice(e.argsSpan), /^\([^]*\)$/);
          assert.equal(e.span.end, e.argsSpan.end);
          for (const a of e.args) {
            const s = slice(a.span);
            if (a.name !== undefined) assert.match(s, new RegExp(`^${a.name}\\s*=`));
            if (a.star) assert.ok(s.startsWith('*'.repeat(a.star)), `star arg ${s}`);
            assert.ok(s.endsWith(slice(a.value.span)), `arg ${s}`);
          }
          break;
        case 'num':
          assert.equal(slice(e.span), e.raw);
          break;
        case 'str':
          assert.match(slice(e.span), /^[rRbBuU]*['"][^]*['"]$/);
          break;
        case 'const':
          assert.ok(['True', 'False', 'None'].includes(slice(e.span)));
          break;
        case 'subscript':
          assert.ok(slice(e.span).endsWith(']'));
          break;
        case 'lambda':
          assert.ok(slice(e.span).startsWith('lambda'));
          break;
        default:
          break;
      }
    },
    stmt: s => {
      checks++;
      const t = slice(s.span);
      if (s.k === 'func') assert.match(t, /^(@|def |async )/);
      if (s.k === 'class') assert.match(t, /^(@|class )/);
      if (s.k === 'return' && !lambdaBodies.has(s)) assert.match(t, /^return\b/);
      if (s.k === 'loop') assert.match(t, s.kind === 'for' ? /^(async\s+)?for\b/ : /^while\b/);
      if (s.k === 'importFrom') {
        assert.match(t, /^from\s/);
        for (const n of s.names) assert.ok(slice(n.span).startsWith(n.name.split('.')[0]), `import name ${slice(n.span)}`);
      }
      if (s.k === 'import') assert.ok(t.includes(s.module.split('.')[0]), `import ${t}`);
    },
    fn: f => {
      checks++;
      if (f.name === '<lambda>') f.body.forEach(s => lambdaBodies.add(s));
      else {
        assert.equal(slice(f.nameSpan), f.name);
        assert.match(slice(f.span), /^(async\s+)?def\s/);
      }
      for (const p of f.params) assert.ok(slice(p.span).startsWith('*'.repeat(p.star ?? 0) + p.name), `param ${slice(p.span)}`);
    },
  });
  return checks;
}

describe('python spans', () => {
  test('every span in a realistic file with non-ASCII text slices the right source', () => {
    const m = fe.parse('file:///train.py', fixture);
    assert.deepEqual(m.syntaxErrors, []);
    assert.ok(checkSpanInvariants(fixture, m) > 300);
  });

  const cases: [string, string, (m: Module) => { start: number; end: number }, string][] = [
    ['call after a non-ASCII comment', '# é ✓ 𝔼\nx = f(1)', m => (m.body[0] as Extract<Stmt, { k: 'assign' }>).value.span, 'f(1)'],
    ['string holding a surrogate pair', 'y = "𝔼"; z = g(y)', m => (m.body[1] as Extract<Stmt, { k: 'assign' }>).value.span, 'g(y)'],
    ['statement span', '# 𝔼\nx  =  1', m => m.body[0].span, 'x  =  1'],
    ['decorated function statement spans its decorators', '# ✓\n@d\ndef f(): pass', m => m.body[0].span, '@d\ndef f(): pass'],
    [
      'function definition span leaves them out',
      '# ✓\n@d\ndef f(): pass',
      m => (m.body[0] as Extract<Stmt, { k: 'func' }>).def.span,
      'def f(): pass',
    ],
    ['function name', 'async def 𝔼f(): pass', m => (m.body[0] as Extract<Stmt, { k: 'func' }>).def.nameSpan, '𝔼f'],
    [
      'keyword argument span',
      'f(a, dim = -1)',
      m => ((m.body[0] as Extract<Stmt, { k: 'expr' }>).expr as Extract<Expr, { k: 'call' }>).args[1].span,
      'dim = -1',
    ],
    [
      'argument list span',
      'f (a, *b)',
      m => ((m.body[0] as Extract<Stmt, { k: 'expr' }>).expr as Extract<Expr, { k: 'call' }>).argsSpan,
      '(a, *b)',
    ],
    [
      'attribute name span',
      'é = a . bé',
      m => ((m.body[0] as Extract<Stmt, { k: 'assign' }>).value as Extract<Expr, { k: 'attr' }>).nameSpan,
      'bé',
    ],
    ['import with one item spans the statement', 'import a.b as c', m => m.body[0].span, 'import a.b as c'],
    ['import with several items spans each', 'import a, b.c as d', m => m.body[1].span, 'b.c as d'],
    ['from-import name span', 'from m import (a as b)', m => (m.body[0] as Extract<Stmt, { k: 'importFrom' }>).names[0].span, 'a as b'],
    [
      'elif span runs to the end of the if',
      'if a:\n    pass\nelif b:\n    c()\nelse:\n    d()',
      m => (m.body[0] as Extract<Stmt, { k: 'if' }>).orelse[0].span,
      'elif b:\n    c()\nelse:\n    d()',
    ],
    [
      'chained comparison parts',
      'v = a < b < c',
      m => ((m.body[0] as Extract<Stmt, { k: 'assign' }>).value as Extract<Expr, { k: 'binop' }>).right.span,
      'b < c',
    ],
    [
      'multi-index subscript tuple',
      'x[i, 𝔼]',
      m => ((m.body[0] as Extract<Stmt, { k: 'expr' }>).expr as Extract<Expr, { k: 'subscript' }>).index.span,
      'i, 𝔼',
    ],
    ['CRLF line endings', 'a = 1\r\n# é\r\nb = f(2)\r\n', m => (m.body[1] as Extract<Stmt, { k: 'assign' }>).value.span, 'f(2)'],
  ];
  for (const [what, src, pick, expected] of cases) {
    test(what, () => {
      const m = fe.parse('file:///s.py', src);
      assert.deepEqual(m.syntaxErrors, []);
      const s = pick(m);
      assert.equal(src.slice(s.start, s.end), expected);
    });
  }

  test('the flat tree has the starts, ends and types tree-sitter reports, errors included', async () => {
    await loadPython(); // initialises the runtime
    const language = await Language.load(new Uint8Array(readFileSync('node_modules/tree-sitter-python/tree-sitter-python.wasm')));
    const parser = new Parser();
    parser.setLanguage(language);
    const table = buildKindTable(language);
    const sources = [
      fixture,
      'a is  not b\nc not   in d\nx = (1 +\n  # trailing\n  2)  # end\n',
      'def f(:\n    x = [1, 2\n  y = é(\nclass\n',
      'print "py2"\nexec code in ns\n',
      fixture.replace(/\n/g, '\r\n'),
    ];
    for (const text of sources) {
      const tree = parser.parse(text);
      assert.ok(tree);
      const flat = new FlatTree();
      flat.load(tree, text, table);
      // Walk tree-sitter and the flat tree together (pre-order, first child / next sibling links).
      let compared = 0;
      const visit = (i: number, node: Node): void => {
        assert.equal(flat.sym[i], node.typeId, `type of node ${i}`);
        // Tokens that do not end their parent are not located (-1): nothing reads their position.
        const located = node.isNamed || node.nextSibling === null || node.tree.rootNode.hasError;
        if (located || flat.start[i] !== -1) {
          assert.equal(flat.start[i], node.startIndex, `start of ${node.type}`);
          assert.equal(flat.end[i], node.endIndex, `end of ${node.type} at ${node.startIndex} in ${JSON.stringify(text.slice(0, 30))}`);
        } else {
          assert.equal(flat.end[i], -1);
        }
        compared++;
        if (flat.first[i] < 0) return;
        const children = node.children;
        let c = flat.first[i];
        for (const child of children) {
          assert.ok(c >= 0, `child count of ${node.type}`);
          visit(c, child);
          c = flat.next[c];
        }
        assert.equal(c, -1, `child count of ${node.type}`);
      };
      visit(0, tree.rootNode);
      assert.equal(compared, flat.size, `node count for ${JSON.stringify(text.slice(0, 30))}`);
      tree.delete();
    }
    parser.delete();
  });
});
