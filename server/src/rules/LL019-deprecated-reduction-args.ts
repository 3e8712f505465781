import type { Rule, RuleContext } from './api';
import { eventsOfType, keptReports } from './api';
import type { CallSite } from '../analysis/engine/values';
import type { Fix } from '../findings';

export const deprecatedReductionArgs: Rule = {
  meta: {
    id: 'LL019',
    name: 'deprecated-reduction-args',
    severity: 'warning',
    frameworks: ['torch'],
    summary: 'size_average / reduce are deprecated: use reduction=',
    fix: { title: 'Use reduction=', applicability: 'safe' },
    docs: {
      what: 'Flags the deprecated `size_average` and `reduce` arguments of PyTorch losses.',
      why: "They have been deprecated since PyTorch 0.4 and interact in surprising ways (reduce=False overrides size_average; size_average=False means 'sum'). `reduction='mean' | 'sum' | 'none'` says the same thing in one word, and PyTorch warns on every construction.",
      example: {
        language: 'python',
        code: ['import torch.nn as nn', '', 'criterion = nn.MSELoss(size_average=False)'].join('\n'),
      },
      useInstead: {
        language: 'python',
        code: ['import torch.nn as nn', '', 'criterion = nn.MSELoss(reduction="sum")'].join('\n'),
      },
      fixSafety:
        "Safe when the values are literals: the mapping is PyTorch's own (reduce=False → 'none', size_average=False → 'sum', otherwise 'mean').",
    },
  },
  check(ctx) {
    const kept = keptReports(ctx);
    const seen = new Set<CallSite['expr']>();
    for (const ev of eventsOfType(ctx.events, 'loss-object', 'loss')) {
      const site = ev.type === 'loss-object' ? ev.site : ev.type === 'loss' && ev.spec.form === 'function' && !ev.arm ? ev.site : undefined;
      if (!site || seen.has(site.expr)) continue;
      const spec = ev.type === 'loss-object' || ev.type === 'loss' ? ev.spec : undefined;
      if (!spec?.torchReduction) continue;
      seen.add(site.expr);
      const dep = site.expr.args.filter(a => a.name === 'size_average' || a.name === 'reduce');
      if (!dep.length || !kept({ uri: site.uri, span: dep[0].span })) continue;
      const fix = reductionFix(ctx, site);
      ctx.report({
        uri: site.uri,
        span: dep[0].span,
        message: `${dep.map(a => a.name).join(' and ')} ${dep.length > 1 ? 'are' : 'is'} deprecated in ${spec.label}: use reduction=${fix ? ` (here ${fix.edits[0].newText.split('=')[1]})` : "'mean' | 'sum' | 'none'"}.`,
        fix,
      });
    }
  },
};

function literalBool(site: CallSite, name: string): boolean | null | undefined {
  const arg = site.expr.args.find(a => a.name === name);
  if (!arg) return null;
  const v = site.keywords.get(name);
  return v && v.t === 'const' && typeof v.value === 'boolean' ? v.value : v && v.t === 'const' && v.value === null ? null : undefined;
}

function reductionFix(ctx: RuleContext, site: CallSite): Fix | undefined {
  const sizeAverage = literalBool(site, 'size_average');
  const reduce = literalBool(site, 'reduce');
  if (sizeAverage === undefined || reduce === undefined || site.expr.args.some(a => a.name === 'reduction')) return undefined;
  const reduction = reduce === false ? 'none' : sizeAverage === false ? 'sum' : 'mean';
  const text = ctx.text(site.uri);
  if (text === undefined) return undefined;
  const dep = site.expr.args.filter(a => a.name === 'size_average' || a.name === 'reduce');
  const edits = [{ uri: site.uri, span: dep[0].span, newText: `reduction='${reduction}'` }];
  if (dep[1]) {
    // remove the second keyword together with the comma before it
    let start = dep[1].span.start;
    let i = start - 1;
    while (i > 0 && /\s/.test(text[i])) i--;
    if (text[i] === ',') start = i;
    edits.push({ uri: site.uri, span: { start, end: dep[1].span.end }, newText: '' });
  }
  return { title: `Use reduction='${reduction}'`, applicability: 'safe', edits };
}
