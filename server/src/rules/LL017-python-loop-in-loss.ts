import type { Rule } from './api';
import { eventsOfType, keptReports } from './api';
import type { Expr, Stmt } from '../ir';
import { walkStmts } from '../ir-walk';
import { placeKey, trainingUse } from './helpers';

export const pythonLoopInLoss: Rule = {
  meta: {
    id: 'LL017',
    name: 'python-loop-in-loss',
    severity: 'info',
    frameworks: ['torch'],
    summary: 'Nested Python loops over the batch inside a loss: vectorize',
    docs: {
      what: "Flags nested Python `for` loops over the batch (`range(len(x))`, `range(x.size(0))`, `range(x.shape[0])`, or `range(n)` with n the batch size) inside a loss function or a loss module's forward: a function whose result reaches `backward()` or is compiled as the loss (decided by that dataflow, never by its name).",
      why: 'Each iteration launches small tensor operations from the interpreter: an O(n²) pair loop over a batch of 256 runs 65,536 Python iterations and several hundred thousand kernel launches per step, typically 100–1000× slower than the same computation on the whole pairwise-distance matrix, and it builds a huge autograd graph.',
      example: {
        language: 'python',
        code: [
          'def contrastive_loss(emb, labels, margin=1.0):',
          '    total = 0.0',
          '    for i in range(len(emb)):',
          '        for j in range(len(emb)):',
          '            d = (emb[i] - emb[j]).norm()',
          '            total = total + d',
          '    return total',
          '',
          '',
          'def train_step(model, x, y):',
          '    contrastive_loss(model(x), y).backward()',
        ].join('\n'),
      },
      useInstead: {
        language: 'python',
        code: [
          'import torch',
          '',
          'def contrastive_loss(emb, labels, margin=1.0):',
          '    return torch.cdist(emb, emb).sum()',
          '',
          '',
          'def train_step(model, x, y):',
          '    contrastive_loss(model(x), y).backward()',
        ].join('\n'),
      },
    },
  },
  check(ctx) {
    const kept = keptReports(ctx);
    for (const ev of eventsOfType(ctx.events, 'function')) {
      // Every report of this rule is in the function's own file.
      if (ev.uri !== ctx.uri || !trainingUse(ctx.events).lossFunctions.has(placeKey(ev.uri, ev.def.span))) continue;
      const fn = ev;
      const batchVars = new Set<string>();
      collectBatchSizeVars(ev.def.body, batchVars);
      walkBody(ev.def.body, s => {
        if (!isBatchLoop(s, batchVars) || !containsBatchLoop(s.body, batchVars)) return;
        const span = { start: s.span.start, end: Math.min(s.span.end, s.iter.span.end) };
        // Reported (now or already): its loops are not searched further.
        if (kept({ uri: fn.uri, span })) {
          ctx.report({
            uri: fn.uri,
            span,
            message: `Nested Python loops over the batch in ${fn.def.name}: O(n²) interpreter iterations and kernel launches per step. Vectorize with tensor operations (torch.cdist, broadcasting, masks).`,
          });
        }
        return false;
      });
    }
  },
};

type ForLoop = Extract<Stmt, { k: 'loop' }> & { iter: Expr };

/** The statements of a function body, at any depth of if/else, loops and blocks; not nested definitions. */
function walkBody(body: Stmt[], enter: (s: Stmt) => boolean | void): void {
  walkStmts(body, {
    enterStmt: s => (s.k === 'func' || s.k === 'class' ? false : enter(s)),
    enterExpr: () => false,
  });
}

function isBatchLoop(s: Stmt, vars: Set<string>): s is ForLoop {
  return s.k === 'loop' && s.kind === 'for' && s.iter !== null && isBatchRange(s.iter, vars);
}

function containsBatchLoop(body: Stmt[], vars: Set<string>): boolean {
  let found = false;
  walkBody(body, s => {
    if (found) return false;
    if (isBatchLoop(s, vars)) found = true;
  });
  return found;
}

/** `range(len(x))`, `range(x.size(0))`, `range(x.shape[0])`, `range(n)` with n a batch size; also with a start argument. */
function isBatchRange(e: Expr, vars: Set<string>): boolean {
  if (e.k !== 'call' || e.callee.k !== 'name' || e.callee.id !== 'range' || e.args.length === 0) return false;
  const last = e.args[e.args.length - 1].value;
  return isBatchSize(last) || (last.k === 'name' && vars.has(last.id));
}

function isBatchSize(e: Expr): boolean {
  if (e.k === 'call' && e.callee.k === 'name' && e.callee.id === 'len') return true;
  if (
    e.k === 'call' &&
    e.callee.k === 'attr' &&
    e.callee.name === 'size' &&
    e.args.length === 1 &&
    e.args[0].value.k === 'num' &&
    e.args[0].value.value === 0
  )
    return true;
  if (e.k === 'subscript' && e.obj.k === 'attr' && e.obj.name === 'shape' && e.index.k === 'num' && e.index.value === 0) return true;
  return false;
}

function collectBatchSizeVars(body: Stmt[], out: Set<string>): void {
  walkBody(body, s => {
    if (s.k !== 'assign') return;
    if (isBatchSize(s.value)) for (const t of s.targets) if (t.k === 'name') out.add(t.id);
    if (s.value.k === 'attr' && s.value.name === 'shape') {
      for (const t of s.targets) if (t.k === 'tuple' && t.elts[0]?.k === 'name') out.add(t.elts[0].id);
    }
  });
}
