// The one IR walk (server/src/ir-walk.ts): every statement and expression once, children in source
// order, a definition's decorators, defaults and bases outside the enterFunction/enterClass pair that
// brackets its body, and `false` from an enter hook skipping the subtree and its leave hook.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Expr, Stmt } from '../../../server/src/ir';
import { walkStmts, type IrVisitor } from '../../../server/src/ir-walk';
import type { FrontEnd } from '../../../server/src/parse/frontend';
import { loadPython } from './pythonTestSupport';

let fe: FrontEnd;
before(async () => {
  fe = await loadPython();
});

const source = ['@dec(lambda: 1)', 'def f(a=g()):', '    x = h(a)', 'class C(Base):', '    y = [1, k]'].join('\n');

function label(n: Stmt | Expr): string {
  return n.k === 'name' ? `name ${n.id}` : n.k;
}

function trace(body: readonly Stmt[], skip?: (n: Stmt | Expr) => boolean): string[] {
  const out: string[] = [];
  const v: IrVisitor = {
    enterStmt: s => {
      out.push(`+S ${label(s)}`);
      return skip?.(s) ? false : undefined;
    },
    leaveStmt: s => {
      out.push(`-S ${label(s)}`);
    },
    enterExpr: e => {
      out.push(`+E ${label(e)}`);
      return skip?.(e) ? false : undefined;
    },
    leaveExpr: e => {
      out.push(`-E ${label(e)}`);
    },
    enterFunction: f => {
      out.push(`+F ${f.name}`);
    },
    leaveFunction: f => {
      out.push(`-F ${f.name}`);
    },
    enterClass: c => {
      out.push(`+C ${c.name}`);
    },
    leaveClass: c => {
      out.push(`-C ${c.name}`);
    },
  };
  walkStmts(body, v);
  return out;
}

test('children in source order; decorators, defaults and bases outside the body bracket', () => {
  const m = fe.parse('file:///walk.py', source);
  const t = trace(m.body);
  const compact = t.filter(x => !x.startsWith('-E'));
  const fnOpen = compact.indexOf('+F f');
  assert.ok(fnOpen > compact.indexOf('+E name dec'), 'the decorator is walked before the function body opens');
  assert.ok(fnOpen > compact.indexOf('+E name g'), 'the default is walked before the function body opens');
  assert.ok(
    compact.indexOf('+E name h') > fnOpen && compact.indexOf('+E name h') < compact.indexOf('-F f'),
    'the body is inside the bracket',
  );
  assert.ok(compact.indexOf('+C C') > compact.indexOf('+E name Base'), 'the base is walked before the class body opens');
  assert.ok(compact.indexOf('+E name k') > compact.indexOf('+C C') && compact.indexOf('+E name k') < compact.indexOf('-C C'));
  // Targets before the value, callee before the arguments.
  assert.ok(compact.indexOf('+E name x') < compact.indexOf('+E name h') && compact.indexOf('+E name h') < compact.indexOf('+E name a'));
  // Every enter has its leave, properly nested.
  const stack: string[] = [];
  for (const x of t) {
    if (x[0] === '+') stack.push(x.slice(1));
    else assert.equal(stack.pop(), x.slice(1), `${x} closes what was opened last`);
  }
  assert.equal(stack.length, 0);
});

test('each node is entered once', () => {
  const m = fe.parse('file:///walk.py', source);
  const seen = new Set<object>();
  walkStmts(m.body, {
    enterStmt: s => {
      assert.ok(!seen.has(s));
      seen.add(s);
    },
    enterExpr: e => {
      assert.ok(!seen.has(e));
      seen.add(e);
    },
  });
  assert.ok(seen.size > 15, `${seen.size} nodes`);
});

test('false from an enter hook skips the subtree and its leave hook', () => {
  const m = fe.parse('file:///walk.py', source);
  const t = trace(m.body, n => n.k === 'func' || n.k === 'list');
  assert.ok(!t.some(x => x.includes('name dec') || x.includes('name g') || x.includes('+F f') || x === '-S func'), t.join(', '));
  assert.ok(t.includes('+E list') && !t.includes('-E list') && !t.includes('+E name k'), t.join(', '));
  assert.ok(t.includes('+C C') && t.includes('-S class'));
});
