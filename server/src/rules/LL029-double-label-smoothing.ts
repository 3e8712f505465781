import type { Rule } from './api';
import { anchorOf, eventsOfType, keptReports, relatedToOrigin, tensorOf } from './api';
import { advice, shortName } from '../frameworks/registry';
import type { LossCallEvent, MixerEvent } from '../analysis/engine/events';
import type { CallSite } from '../analysis/engine/values';
import type { LossParam } from '../frameworks/types';

/** Smoothing by ε₁ then by ε₂ is one smoothing by ε = 1 − (1 − ε₁)(1 − ε₂) (each mixes the target with uniform). */
function combinedSmoothing(first: number, second: number): number {
  return 1 - (1 - first) * (1 - second);
}

/** A written number, the default when the argument is not given, undefined when computed at run time. */
function numberArg(site: CallSite, name: string, pos: number | undefined, fallback: number): number | undefined {
  const v = site.keywords.get(name) ?? (pos === undefined ? undefined : site.positional[pos]);
  if (!v) return site.expr.args.some(a => a.star) ? undefined : fallback;
  return v.t === 'const' && typeof v.value === 'number' ? v.value : undefined;
}

/** The label smoothing a loss applies, as configured (its parameter feeding the catalog's `labelSmoothing`). */
function lossSmoothing(ev: LossCallEvent): { param: LossParam; value: number | undefined } | undefined {
  const param = ev.spec.params.find(p => p.catalog === 'labelSmoothing');
  const site = ev.spec.form === 'class' ? ev.ctor : ev.site;
  if (!param || !site) return undefined;
  return { param, value: numberArg(site, param.name, param.pos, Number(param.default)) };
}

const fmt = (x: number): string => String(Number(x.toFixed(3)));

export const doubleLabelSmoothing: Rule = {
  meta: {
    id: 'LL029',
    name: 'double-label-smoothing',
    severity: 'warning',
    frameworks: ['timm', 'torch'],
    summary: 'Mixup/CutMix soft targets fed to a loss that smooths them again or expects class indices',
    docs: {
      what: 'Flags the soft targets of a batch mixer — timm `Mixup`/`FastCollateMixup` (which also smooth them: `label_smoothing` defaults to 0.1) or torchvision `transforms.v2.MixUp`/`CutMix` — when they reach a loss that smooths again (`nn.CrossEntropyLoss(label_smoothing > 0)` after a timm mixer), or a loss made for class indices: timm `LabelSmoothingCrossEntropy`, or `nn.CrossEntropyLoss(ignore_index=…)` whose `ignore_index` is not applied to probability targets.',
      why: `Label smoothing by ε mixes each target with ε of the uniform distribution. timm's Mixup already does it (ε = 0.1 unless told otherwise); a loss with label_smoothing = 0.1 on top makes it one smoothing by ${fmt(combinedSmoothing(0.1, 0.1))}, nearly twice the regularisation the recipe asked for, with no error. timm's LabelSmoothingCrossEntropy gathers the log-probability at the target's index, so it cannot take the (N, C) rows a mixer returns; PyTorch applies ignore_index only to class-index targets, so with soft targets nothing is ignored.`,
      example: {
        language: 'python',
        code: [
          'import torch.nn as nn',
          'from timm.data import Mixup',
          '',
          'mixup_fn = Mixup(mixup_alpha=0.8, cutmix_alpha=1.0, num_classes=1000)',
          'criterion = nn.CrossEntropyLoss(label_smoothing=0.1)',
          '',
          'def train_step(model, x, y):',
          '    x, y = mixup_fn(x, y)',
          '    return criterion(model(x), y)',
        ].join('\n'),
      },
      useInstead: {
        language: 'python',
        code: [
          'from timm.data import Mixup',
          'from timm.loss import SoftTargetCrossEntropy',
          '',
          'mixup_fn = Mixup(mixup_alpha=0.8, cutmix_alpha=1.0, label_smoothing=0.1, num_classes=1000)',
          'criterion = SoftTargetCrossEntropy()',
          '',
          'def train_step(model, x, y):',
          '    x, y = mixup_fn(x, y)',
          '    return criterion(model(x), y)',
        ].join('\n'),
      },
    },
  },
  check(ctx) {
    const mixers = eventsOfType(ctx.events, 'mixer');
    if (mixers.length === 0) return;
    const kept = keptReports(ctx);
    const mixerAt = (uri: string, start: number): MixerEvent | undefined =>
      mixers.find(m => m.site.uri === uri && m.site.expr.span.start === start);
    for (const ev of eventsOfType(ctx.events, 'loss')) {
      const t = tensorOf(ev.target);
      if (!t || t.kind !== 'soft-targets' || !t.origin || !ev.target) continue;
      const mixer = mixerAt(t.origin.uri, t.origin.span.start);
      if (!mixer) continue;
      const where = anchorOf(ev.target);
      const related = relatedToOrigin(t.origin, 'soft targets made here');
      const softLoss = advice(ev.spec.framework).softTargetLoss;
      const instead = softLoss ? `use ${shortName(softLoss)}, which takes them as they are` : 'use a loss that takes class probabilities';
      if (ev.spec.hardTargets) {
        if (!kept(where)) continue;
        ctx.report({
          ...where,
          related,
          message: `${ev.spec.label} takes class indices (it gathers the log-probability at the target's index), but these targets are the (N, C) class probabilities ${mixer.spec.label} returns: ${instead}.`,
        });
        continue;
      }
      const ignore = ev.options.get('ignore_index');
      if (ignore && ev.spec.params.some(p => p.name === 'ignore_index') && ev.spec.family === 'softmax-ce') {
        if (!kept(where)) continue;
        ctx.report({
          ...where,
          related,
          message: `${ev.spec.label} applies ignore_index only to class-index targets: on the class probabilities ${mixer.spec.label} returns, no position is ignored. Mask the ignored samples before mixing, or drop ignore_index.`,
        });
        continue;
      }
      const ms = mixer.spec.smoothing;
      const first = ms && numberArg(mixer.site, ms.name, ms.pos, ms.default);
      const second = lossSmoothing(ev);
      if (!ms || !first || !second?.value || first <= 0 || second.value <= 0 || !kept(where)) continue;
      const written = mixer.site.keywords.has(ms.name) || mixer.site.positional.length > ms.pos ? '' : ', its default';
      ctx.report({
        ...where,
        related,
        message: `${ev.spec.label} smooths labels (${second.param.name}=${fmt(second.value)}) that ${mixer.spec.label} already smoothed (${ms.name}=${fmt(first)}${written}): together that is label smoothing ${fmt(combinedSmoothing(first, second.value))} instead of ${fmt(first)}. Drop the loss's ${second.param.name}, or set ${ms.name}=0.0 on the mixer.`,
      });
    }
  },
};
