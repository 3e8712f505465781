// Small pure pieces of the evaluation: comparisons, `self.training` tests, scope journals, call shapes.
import type { Expr } from '../../ir';
import { RECORDS } from '../../frameworks/registry';
import { Scope, UNKNOWN, tensor, type CallSite, type ClassValue, type Value } from './values';

export const COMPARISONS = new Set(['==', '!=', '<', '>', '<=', '>=', '===', '!==']);

/** A comparison with a tensor gives a 0/1 mask of its shape; anything else is unknown. */
export function comparison(l: Value, r: Value): Value {
  const t = l.t === 'tensor' ? l : r.t === 'tensor' ? r : undefined;
  const other = t === l ? r : l;
  // Compared with anything (a tensor, a number, a padding id held in a variable): elementwise.
  if (!t) return UNKNOWN;
  return tensor('unknown', { dtype: 'bool', mask: true, shape: other.t === 'const' ? t.shape : undefined });
}

export function trainingTest(test: Expr): 'train' | 'eval' | undefined {
  if (test.k === 'attr' && test.name === 'training') return 'train';
  if (test.k === 'unary' && (test.op === 'not' || test.op === '!') && test.operand.k === 'attr' && test.operand.name === 'training')
    return 'eval';
  return undefined;
}

/** Runs `run`, returning the names it wrote in `scope` with their values before. */
export function journaled(scope: Scope, run: () => void): Map<string, Value | undefined> {
  scope.openJournal();
  try {
    run();
  } catch (e) {
    scope.closeJournal();
    throw e;
  }
  return scope.closeJournal();
}

export function setOrUnbind(scope: Scope, name: string, v: Value | undefined): void {
  if (v === undefined) scope.unbind(name);
  else scope.put(name, v);
}

export function passesFunction(site: CallSite): boolean {
  for (const v of site.positional) if (v.t === 'function') return true;
  for (const v of site.keywords.values()) if (v.t === 'function') return true;
  return false;
}

export function isLogCall(e: Expr): boolean {
  if (e.k === 'unary') return isLogCall(e.operand);
  if (e.k !== 'call') return false;
  const c = e.callee;
  return (c.k === 'attr' && c.name === 'log') || (c.k === 'name' && c.id === 'log');
}

/**
 * A record constructor reached through a subclass (`class TrainState(train_state.TrainState)`, then
 * `TrainState.create(…)`): the base's constructor, whose keywords become the attributes.
 */
export function recordConstructorOf(cls: ClassValue, name: string): Value | undefined {
  for (const b of cls.bases) if (b.t === 'sym' && RECORDS.has(`${b.path}.${name}`)) return { t: 'sym', path: `${b.path}.${name}` };
  return undefined;
}
