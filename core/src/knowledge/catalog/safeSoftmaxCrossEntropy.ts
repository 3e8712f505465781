import type { CatalogEntry } from '../types';
import { custom, fn } from '../snippetRows';

export const safeSoftmaxCrossEntropy: CatalogEntry = {
  id: 'safeSoftmaxCrossEntropy',
  title: 'Softmax cross-entropy with 0·log 0 = 0 (masked logits)',
  family: 'classification',
  formula: 'L = −Σₖ yₖ log softmax(z)ₖ over the classes with yₖ ≠ 0: a −∞ logit whose target is 0 adds 0',
  latex: String.raw`\ell(z, y) = -\sum_{k:\,y_k \neq 0} y_k \log \operatorname{softmax}(z)_k`,
  gradient:
    '∂L/∂zₖ = (Σⱼ yⱼ)·softmax(z)ₖ − yₖ, the usual softmax cross-entropy gradient; a masked class (zₖ = −∞, yₖ = 0) gets 0 instead of NaN.',
  likelihood: 'Categorical likelihood, as softmax cross-entropy: the negative log-probability of the target distribution under softmax(z).',
  whenToUse:
    'Logits masked with −∞ (invalid actions, padding classes, constrained vocabularies) and probability targets that are 0 there: plain softmax cross-entropy computes 0·(−∞) = NaN for those classes.',
  whenNot:
    'Unmasked logits (plain softmax cross-entropy gives the same value faster); a target with mass on a −∞ logit (the loss is +∞ either way). Deprecated in recent optax releases: mask with a large negative number, or pass `where=` to softmax_cross_entropy.',
  params: [],
  names: {
    jax: ['optax.safe_softmax_cross_entropy'],
  },
  snippets: {
    torch: [
      custom(
        'hand-written masked cross-entropy',
        '# PyTorch has no 0·log 0 = 0 cross-entropy: a short custom implementation (terms whose target is 0 are zeroed before summing)\n' +
          'log_probs = F.log_softmax([[logits]], dim=-1)\n' +
          'loss = -torch.where([[probs]] != 0, [[probs]] * log_probs, torch.zeros_like(log_probs)).sum(dim=-1).mean()',
      ),
    ],
    keras: [
      custom(
        'hand-written masked cross-entropy',
        '# Keras has no 0·log 0 = 0 cross-entropy: a short custom implementation (terms whose target is 0 are zeroed before summing)\n' +
          'def safe_cross_entropy(y_true, logits):\n' +
          '    log_probs = tf.nn.log_softmax(logits, axis=-1)\n' +
          '    return -tf.reduce_sum(tf.where(y_true != 0, y_true * log_probs, tf.zeros_like(log_probs)), axis=-1)\n' +
          "[[model]].compile(optimizer='adam', loss=safe_cross_entropy)",
      ),
    ],
    tfjs: [
      custom(
        'hand-written masked cross-entropy',
        '// TF.js has no 0·log 0 = 0 cross-entropy: a short custom implementation (terms whose target is 0 are zeroed before summing)\n' +
          'const logProbs = tf.logSoftmax([[logits]]);\n' +
          'const terms = tf.where(tf.notEqual([[probs]], 0), tf.mul([[probs]], logProbs), tf.zerosLike(logProbs));\n' +
          'const loss = tf.neg(tf.mean(tf.sum(terms, -1)));',
      ),
    ],
    jax: [fn('optax.safe_softmax_cross_entropy', 'loss = optax.safe_softmax_cross_entropy([[logits]], [[probs]]).mean()')],
  },
  axis: 'logit',
};
