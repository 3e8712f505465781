import type { Rule } from './api';
import { eventsOfType, keptReports } from './api';
import type { CallSite } from '../analysis/engine/values';
import type { LossSpec } from '../frameworks/types';
import { appendArgumentEdit } from './helpers';

export const klDivMeanReduction: Rule = {
  meta: {
    id: 'LL007',
    name: 'kl-div-mean-reduction',
    severity: 'warning',
    frameworks: ['torch'],
    summary: "KLDivLoss with reduction 'mean' (explicit or default): use 'batchmean'",
    fix: { title: "Use reduction='batchmean'", applicability: 'unsafe' },
    docs: {
      what: "Flags `nn.KLDivLoss` / `F.kl_div` whose reduction is 'mean', written or by default.",
      why: "'mean' divides the summed divergence by the number of elements (batch × classes), not by the batch size, so the value is not the KL divergence: with 10 classes it is 10× too small, and with 1000 classes 1000× too small, which silently rescales the loss weight in distillation. PyTorch itself warns that 'batchmean' is the mathematically correct reduction.",
      example: {
        language: 'python',
        code: ['import torch.nn as nn', '', 'kl = nn.KLDivLoss()'].join('\n'),
      },
      useInstead: {
        language: 'python',
        code: ['import torch.nn as nn', '', 'kl = nn.KLDivLoss(reduction="batchmean")'].join('\n'),
      },
      fixSafety:
        "Unsafe: 'batchmean' rescales the loss by the number of elements per sample, which changes the effective learning rate of that term.",
    },
  },
  check(ctx) {
    const kept = keptReports(ctx);
    const visit = (spec: LossSpec, site: CallSite) => {
      const arg = site.expr.args.find(a => a.name === 'reduction');
      const text = ctx.text(site.uri) ?? '';
      if (arg) {
        const v = site.keywords.get('reduction');
        if (!v || v.t !== 'const' || v.value !== 'mean' || !kept({ uri: site.uri, span: arg.value.span })) return;
        const quote = text[arg.value.span.start] === '"' ? '"' : "'";
        ctx.report({
          uri: site.uri,
          span: arg.value.span,
          message: `${spec.label} with reduction='mean' divides by batch × classes, not by the batch size: the result is not the KL divergence. Use reduction='batchmean'.`,
          fix: {
            title: "Use reduction='batchmean'",
            applicability: 'unsafe',
            edits: [{ uri: site.uri, span: arg.value.span, newText: `${quote}batchmean${quote}` }],
          },
        });
        return;
      }
      if (
        site.expr.args.some(a => a.name === 'size_average' || a.name === 'reduce' || a.star) ||
        !kept({ uri: site.uri, span: site.expr.span })
      )
        return;
      ctx.report({
        uri: site.uri,
        span: site.expr.span,
        message: `${spec.label} defaults to reduction='mean', which divides by batch × classes, not by the batch size: the result is not the KL divergence. Pass reduction='batchmean'.`,
        fix: {
          title: "Use reduction='batchmean'",
          applicability: 'unsafe',
          edits: [appendArgumentEdit(text, site.uri, site.expr, "reduction='batchmean'")],
        },
      });
    };
    for (const ev of eventsOfType(ctx.events, 'loss-object', 'loss')) {
      if (ev.type === 'loss-object' && ev.spec.family === 'kl' && ev.spec.framework === 'torch') visit(ev.spec, ev.site);
      // A call made on one branch arm only (LossArm) is left to the argument rules.
      else if (ev.type === 'loss' && !ev.arm && ev.spec.family === 'kl' && ev.spec.form === 'function' && ev.spec.framework === 'torch')
        visit(ev.spec, ev.site);
    }
  },
};
