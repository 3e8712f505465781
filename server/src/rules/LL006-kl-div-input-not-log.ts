import type { Rule } from './api';
import { adviceOf, checkLossArgument } from './helpers';

export const klDivInputNotLog: Rule = {
  meta: {
    id: 'LL006',
    name: 'kl-div-input-not-log',
    severity: 'error',
    frameworks: ['torch', 'jax'],
    summary: 'KLDivLoss input is probabilities, not log-probabilities',
    docs: {
      what: 'Flags `nn.KLDivLoss` / `F.kl_div`, and optax `kl_divergence(log_predictions, targets)` / `kl_divergence_with_log_targets`, whose first argument (the input) is softmax or sigmoid probabilities.',
      why: 'PyTorch computes target · (log target − input): the input must already be log-probabilities. Passing probabilities computes a different quantity that can be negative and is not minimised when the distributions match (for input = target = [0.5, 0.5] it gives 0.5·(log 0.5 − 0.5)·2 = −1.19 instead of 0), so distillation or VAE training optimises the wrong objective.',
      example: {
        language: 'python',
        code: [
          'import torch.nn.functional as F',
          '',
          'def distill(student_logits, teacher_probs):',
          '    p = F.softmax(student_logits, dim=1)',
          '    return F.kl_div(p, teacher_probs, reduction="batchmean")',
        ].join('\n'),
      },
      useInstead: {
        language: 'python',
        code: [
          'import torch.nn.functional as F',
          '',
          'def distill(student_logits, teacher_probs):',
          '    log_p = F.log_softmax(student_logits, dim=1)',
          '    return F.kl_div(log_p, teacher_probs, reduction="batchmean")',
        ].join('\n'),
      },
    },
  },
  check(ctx) {
    checkLossArgument(ctx, {
      families: ['kl'],
      kinds: ['probs-softmax', 'probs-sigmoid'],
      message: (ev, t) =>
        `${ev.spec.label} expects log-probabilities as its input but gets probabilities from ${t.origin?.label ?? 'here'}: the value is not a KL divergence (it can be negative and is not 0 when the distributions match). Use ${adviceOf(ev.spec.framework).logSoftmax}.`,
      derivedMessage: (ev, t) =>
        `${ev.spec.label} expects log-probabilities as its input but gets probabilities from ${t.origin?.label ?? 'here'}: the value is not a KL divergence (it can be negative and is not 0 when the distributions match). Take their log first, clamped away from 0.`,
      related: 'probabilities produced here',
    });
  },
};
