// Reading the configuration arguments of a loss as written: which expression sets each parameter,
// whether it is a literal, a constant the interpreter resolved, or a symbol known only at run time.
import type { Arg, Expr } from '../ir';
import type { CallSite, Value } from '../analysis/engine/values';
import { code, formatNumber } from './format';
import { literalNumber, literalTensor } from './literal-tensor';
import type { ParamRow } from './model';
import type { Bindings } from './ir-walk';

/** The argument for keyword `name` or position `pos` (counting positional arguments only). */
export function findArg(args: readonly Arg[], name: string | readonly string[], pos: number | undefined): Arg | undefined {
  const names = typeof name === 'string' ? [name] : name;
  for (const a of args) if (a.name && names.includes(a.name)) return a;
  if (pos === undefined) return undefined;
  let i = 0;
  for (const a of args) {
    if (a.name || a.star) continue;
    if (i === pos) return a;
    i++;
  }
  return undefined;
}

/** The value the interpreter computed for an argument of a call site. */
export function siteValue(site: CallSite | undefined, arg: Arg): Value | undefined {
  if (!site) return undefined;
  if (arg.name) return site.keywords.get(arg.name);
  let i = 0;
  for (const a of site.expr.args) {
    if (a.name || a.star) continue;
    if (a === arg) return site.positional[i];
    i++;
  }
  return undefined;
}

/** `None` / `undefined` / `null` written in place of an argument: the default applies. */
export function isAbsent(e: Expr): boolean {
  return e.k === 'const' && (e.value === null || e.value === undefined);
}

export interface ResolvedNumber {
  value?: number;
  row: Omit<ParamRow, 'name'>;
}

/**
 * A numeric parameter as the code sets it. `source` is the argument's text; a name whose value the
 * interpreter knows (`GAMMA = 2.0`) is shown with that value; a one-element literal tensor counts as
 * its number (`pos_weight=torch.tensor([3.0])`).
 */
export function resolveNumber(expr: Expr, value: Value | undefined, text: string, bindings?: Bindings): ResolvedNumber {
  const source = text.slice(expr.span.start, expr.span.end);
  const lit = literalNumber(expr);
  if (lit !== undefined) return { value: lit, row: { value: code(source), source: 'written' } };
  // A module constant assigned once (`GAMMA = 2.0`) when the interpreter did not carry the value.
  if (value === undefined && expr.k === 'name' && bindings) {
    const bound = bindings.get(expr.id);
    const n = bound && bound.length === 1 ? literalNumber(bound[0]) : undefined;
    if (n !== undefined) return { value: n, row: { value: code(source), source: 'written', note: `= ${formatNumber(n)}` } };
  }
  const t = literalTensor(expr);
  if (t && t.data.length === 1) return { value: t.data[0], row: { value: code(source), source: 'written' } };
  if (value?.t === 'const' && typeof value.value === 'number') {
    return { value: value.value, row: { value: code(source), source: 'written', note: `= ${formatNumber(value.value)}` } };
  }
  return { row: { value: code(source), source: 'symbolic', note: 'set at run time' } };
}

/** Any argument shown as written (strings, booleans, tensors). */
export function writtenRow(expr: Expr, text: string): Omit<ParamRow, 'name'> {
  return { value: code(text.slice(expr.span.start, expr.span.end)), source: 'written' };
}

/** A string or boolean literal argument (reduction, from_logits), or undefined. */
export function literalConst(expr: Expr | undefined, value?: Value): string | number | boolean | null | undefined {
  if (!expr) return undefined;
  if (expr.k === 'str') return expr.value;
  if (expr.k === 'const') return expr.value;
  const n = literalNumber(expr);
  if (n !== undefined) return n;
  if (value?.t === 'const') return value.value;
  return undefined;
}
