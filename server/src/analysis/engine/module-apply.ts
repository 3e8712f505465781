// The call a module runs when applied with its parameters (Flax `model.apply(variables, x, rngs=…)`):
// the arguments after the parameters, without the keywords `apply` consumes itself.
import type { Arg } from '../../ir';
import type { ApplyConvention } from '../../frameworks/types';
import type { CallSite } from './values';

export function moduleCallSite(site: CallSite, conv: ApplyConvention): CallSite {
  const args: Arg[] = [];
  let skipped = 0;
  for (const a of site.expr.args) {
    if (!a.name && !a.star && skipped < conv.skip) skipped++;
    else if (!(a.name && conv.consumed.includes(a.name))) args.push(a);
  }
  const keywords = new Map([...site.keywords].filter(([k]) => !conv.consumed.includes(k)));
  // A new call expression whose arguments line up with the values: findings inside anchor at `x`, not `variables`.
  return { ...site, expr: { ...site.expr, args }, positional: site.positional.slice(conv.skip), keywords };
}
