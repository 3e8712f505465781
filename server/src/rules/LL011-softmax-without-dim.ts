import type { Rule } from './api';
import { eventsOfType, keptReports } from './api';
import { appendArgumentEdit } from './helpers';
import { IMPLICIT_AXIS, shortName } from '../frameworks/registry';

export const softmaxWithoutDim: Rule = {
  meta: {
    id: 'LL011',
    name: 'softmax-without-dim',
    severity: 'warning',
    frameworks: ['torch'],
    summary: 'nn.Softmax()/F.softmax/F.log_softmax/nn.LogSoftmax without dim',
    fix: { title: 'Add dim=1', applicability: 'unsafe' },
    docs: {
      what: 'Flags `F.softmax`, `F.log_softmax`, `nn.Softmax` and `nn.LogSoftmax` called without `dim`.',
      why: 'Without dim PyTorch guesses the axis from the number of dimensions (dim 0 for 0-, 1- and 3-D input, dim 1 otherwise) and warns that this is deprecated. For a 3-D (batch, sequence, classes) tensor it normalises over the batch, so every "probability" depends on the other samples in the batch and the model trains on nonsense.',
      example: {
        language: 'python',
        code: ['import torch.nn as nn', '', 'head = nn.Sequential(nn.Linear(128, 10), nn.Softmax())'].join('\n'),
      },
      useInstead: {
        language: 'python',
        code: ['import torch.nn as nn', '', 'head = nn.Sequential(nn.Linear(128, 10), nn.Softmax(dim=1))'].join('\n'),
      },
      fixSafety: 'Unsafe: dim=1 matches the implicit choice only for 2-D and 4-D input; check the axis that holds the classes.',
    },
  },
  check(ctx) {
    const kept = keptReports(ctx);
    for (const ev of eventsOfType(ctx.events, 'activation')) {
      if (!IMPLICIT_AXIS.has(ev.path) || ev.dim) continue;
      if (ev.site.expr.args.some(a => a.star || a.name === '_stacklevel')) continue;
      const args = ev.site.expr.args;
      // functional form: F.softmax(x) (one positional) — the layer form takes dim as its only argument
      if (!ev.layer && args.filter(a => !a.name).length >= 2) continue;
      if (!kept({ uri: ev.site.uri, span: ev.site.expr.span })) continue;
      ctx.report({
        uri: ev.site.uri,
        span: ev.site.expr.span,
        message: `${shortName(ev.path)} without dim: PyTorch guesses the axis from the input's rank (dim 0 for 1-D and 3-D input) and may normalise over the batch. Pass dim explicitly.`,
        fix: {
          title: 'Add dim=1',
          applicability: 'unsafe',
          edits: [appendArgumentEdit(ctx.text(ev.site.uri) ?? '', ev.site.uri, ev.site.expr, 'dim=1')],
        },
      });
    }
  },
};
