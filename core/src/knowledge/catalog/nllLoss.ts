import type { CatalogEntry } from '../types';
import { cls, fn, custom } from '../snippetRows';

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
    torch: [
      cls('nn.NLLLoss', 'criterion = nn.NLLLoss()\nloss = criterion(F.log_softmax([[logits]], dim=1), [[targets]])'),
      fn('F.nll_loss', 'loss = F.nll_loss(F.log_softmax([[logits]], dim=1), [[targets]])'),
    ],
    keras: [
      custom(
        'log-probability of the target',
        '# Keras has no NLL loss on log-probabilities: a short custom implementation\n' +
          'loss = -tf.reduce_mean(tf.gather([[log_probs]], [[labels]], batch_dims=1))  # log_probs (N, C), labels (N,) class ids',
      ),
    ],
    tfjs: [
      custom(
        'log-probability of the target',
        '// TF.js has no NLL loss on log-probabilities: a short custom implementation\n' +
          'const loss = tf.neg(tf.sum(tf.mul(tf.oneHot([[labels]], [[numClasses]]), [[logProbs]]), -1)).mean();',
      ),
    ],
    jax: [
      custom(
        'hand-written NLL',
        '# optax has no NLL loss on log-probabilities: a short custom implementation (or pass the logits to optax.softmax_cross_entropy_with_integer_labels)\nlog_probs = jax.nn.log_softmax([[logits]], axis=-1)\nloss = -jnp.mean(jnp.take_along_axis(log_probs, [[labels]][:, None], axis=-1))',
      ),
    ],
  },
  axis: 'pt',
};
