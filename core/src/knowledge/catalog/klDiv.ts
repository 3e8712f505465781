import type { CatalogEntry } from '../types';
import { cls, fn, custom, kerasCompile, tfjsCompile } from '../snippetRows';

export const klDiv: CatalogEntry = {
  id: 'klDiv',
  title: 'Kullback–Leibler divergence',
  family: 'probabilistic',
  formula:
    'KL(P‖Q) = Σₓ P(x)·log(P(x)/Q(x)). PyTorch takes input = log Q and target = P and computes P·(log P − input) element-wise; batchmean divides the sum by the batch size, which is the true per-sample KL.',
  latex: String.raw`\mathrm{KL}(P \,\|\, Q) = \sum_x P(x) \log \frac{P(x)}{Q(x)} = H(P, Q) - H(P)`,
  gradient: '∂L/∂(log Q(x)) = −P(x): on logits behind a log_softmax it becomes Q − P, the cross-entropy gradient.',
  likelihood:
    'Forward KL with P fixed equals the cross-entropy H(P, Q) minus the constant entropy H(P): minimising it is maximum likelihood of Q on samples of P. It is ≥ 0, zero only when P = Q, and not symmetric: forward KL(P‖Q) is mass-covering (Q must cover every mode of P), reverse KL(Q‖P) is mode-seeking.',
  whenToUse:
    'Matching a predicted distribution to a soft target: knowledge distillation (teacher probabilities, often with a temperature), policy regularisation towards a reference policy in RL, matching label distributions. Use reduction batchmean.',
  whenNot:
    'With probabilities as input (PyTorch expects log-probabilities: pass log_softmax output, or set logTarget for a log target), with reduction mean (it averages over every element, not per sample — PyTorch warns), or with hard one-hot targets (that is plain cross-entropy).',
  params: [
    {
      name: 'targetProb',
      default: 0.7,
      min: 0.05,
      max: 0.95,
      plotOnly: true,
      meaning: 'Plot setting: probability the fixed two-class target distribution P gives the first class.',
    },
  ],
  names: {
    torch: ['nn.KLDivLoss', 'F.kl_div'],
    keras: ['keras.losses.KLDivergence', 'kl_divergence', 'kld'],
    tfjs: ['kullbackLeiblerDivergence'],
    jax: ['optax.kl_divergence', 'optax.kl_divergence_with_log_targets'],
  },
  snippets: {
    torch: [
      cls(
        'nn.KLDivLoss',
        "criterion = nn.KLDivLoss(reduction='batchmean')  # input: log-probabilities, target: probabilities\n" +
          'loss = criterion(F.log_softmax([[student_logits]], dim=1), F.softmax([[teacher_logits]], dim=1))',
      ),
      fn('F.kl_div', "loss = F.kl_div(F.log_softmax([[logits]], dim=1), [[target_probs]], reduction='batchmean')"),
    ],
    keras: [
      cls(
        'keras.losses.KLDivergence',
        'loss = keras.losses.KLDivergence()([[target_probs]], [[pred_probs]])  # both probabilities, target first',
      ),
      kerasCompile('kl_divergence', 'softmax output layer, probability targets'),
    ],
    tfjs: [
      custom(
        'hand-written KL divergence',
        '// TF.js has no KL divergence in tf.losses: a short custom implementation (p = target, q = predicted probabilities)\n' +
          'const p = tf.clipByValue([[targetProbs]], 1e-7, 1);\n' +
          'const q = tf.clipByValue([[predProbs]], 1e-7, 1);\n' +
          'const loss = tf.sum(p.mul(p.log().sub(q.log())), -1).mean();',
      ),
      tfjsCompile('kullbackLeiblerDivergence', 'softmax output layer, probability targets'),
    ],
    jax: [
      fn(
        'optax.kl_divergence',
        'loss = optax.kl_divergence(jax.nn.log_softmax([[logits]]), [[target_probs]]).mean()  # log-probabilities first',
      ),
    ],
  },
  axis: 'pt',
};
