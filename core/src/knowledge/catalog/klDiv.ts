import type { CatalogEntry } from '../types';

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
    { name: 'targetProb', default: 0.7, min: 0.05, max: 0.95, plotOnly: true, meaning: 'Plot setting: probability the fixed two-class target distribution P gives the first class.' },
  ],
  names: {
    torch: ['nn.KLDivLoss', 'F.kl_div'],
    keras: ['keras.losses.KLDivergence', 'kl_divergence', 'kld'],
    tfjs: ['kullbackLeiblerDivergence'],
  },
  snippets: {
    torch: "criterion = nn.KLDivLoss(reduction='batchmean')\nloss = criterion(F.log_softmax(student_logits / T, dim=1),\n                 F.softmax(teacher_logits / T, dim=1)) * T * T",
    keras: 'loss_fn = keras.losses.KLDivergence()\nloss = loss_fn(teacher_probs, student_probs)  # both are probabilities here',
    tfjs: "model.compile({optimizer: 'adam', loss: 'kullbackLeiblerDivergence'});",
  },
  axis: 'pt',
};
