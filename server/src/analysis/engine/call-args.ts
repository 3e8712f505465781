// Reading a call's evaluated arguments by the packs' argument references.
import type { Arg, Expr } from '../../ir';
import type { ArgRef } from '../../frameworks/types';
import type { CallSite, Value } from './values';

/** The value of a parameter: its keywords first, then its position. */
export function argValue(site: CallSite, ref: ArgRef): Value | undefined {
  for (const k of ref.kw) {
    const v = site.keywords.get(k);
    if (v) return v;
  }
  return ref.pos < site.positional.length ? site.positional[ref.pos] : undefined;
}

/** The argument expression for a parameter given by position or keyword; `dictOnly` for TF.js option objects. */
export function argExpr(args: Arg[], ref: ArgRef, dictOnly = false): Expr | undefined {
  for (const a of args) if (a.name && ref.kw.includes(a.name)) return a.value;
  if (!dictOnly) {
    let i = 0;
    for (const a of args) {
      if (a.name || a.star) continue;
      if (i === ref.pos) return a.value;
      i++;
    }
  }
  for (const a of args) {
    if (!a.name && a.value.k === 'dict') {
      for (const en of a.value.entries) if (en.key && en.key.k === 'str' && ref.kw.includes(en.key.value)) return en.value;
    }
  }
  return undefined;
}

/** The value of a parameter: its position first, then its keywords in order. */
export function argValueInOrder(site: CallSite, ref: ArgRef): Value | undefined {
  if (ref.pos < site.positional.length) return site.positional[ref.pos];
  for (const k of ref.kw) {
    const v = site.keywords.get(k);
    if (v) return v;
  }
  return undefined;
}
