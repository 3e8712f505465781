import type { CatalogEntry } from '../types';

export const nllLoss: CatalogEntry = {
  id: 'nllLoss',
  title: 'Negative log-likelihood loss (on log-probabilities)',
  family: 'classification',
  formula: 'L = −w_c·x_c where x = log-probabilities (usually log_softmax output) and c the target class',
  latex: String.raw`\ell(x, c) = -w_c\, x_c`,
  gradient: '∂L/∂xₖ = −w_c for k = c, 0 otherwise; the softmax Jacobian upstream turns it into p − onehot on the logits.',
  likelihood: 'Categorical labels: with x = log softmax(z) it is exactly cross-entropy, split into two steps.',
  whenToUse:
    'When the model already ends in log_softmax (e.g. to reuse log-probabilities for beam search or a CTC-like decoder), or when you build log-probabilities yourself (mixtures, custom normalisation).',
  whenNot:
    'On probabilities or raw logits: NLLLoss does not take a log or a softmax, so those inputs give meaningless (even negative) losses. With raw logits use CrossEntropyLoss.',
  params: [],
  names: {
    torch: ['nn.NLLLoss', 'F.nll_loss'],
  },
  snippets: {
    torch: 'log_probs = F.log_softmax(logits, dim=1)\nloss = F.nll_loss(log_probs, targets)',
    keras: '# Keras has no NLL on log-probabilities: use SparseCategoricalCrossentropy(from_logits=True) on the logits',
    tfjs: '// TF.js: pick the target log-probability and negate it\nconst loss = tf.neg(tf.sum(tf.mul(oneHotLabels, tf.logSoftmax(logits)), -1)).mean();',
  },
  axis: 'pt',
};
