import type { Rule } from './api';
import { compiledLossOf, eventsOfType, keptReports, tensorOf } from './api';
import type { CompileEvent } from '../analysis/engine/events';
import type { InstanceValue, ObjectValue } from '../analysis/engine/values';
import { adviceOf, checkLossArgument } from './helpers';

export const categoricalWithIntegerLabels: Rule = {
  meta: {
    id: 'LL022',
    name: 'categorical-with-integer-labels',
    severity: 'warning',
    frameworks: ['keras', 'tfjs', 'jax', 'tf', 'timm'],
    summary: 'Categorical cross-entropy fed integer class ids: use the sparse variant',
    docs: {
      what: 'Flags categorical cross-entropy (which expects one-hot targets) fed integer class ids where they are visible: `fit(x, y)` after compiling with `categorical_crossentropy`, or a direct call of a categorical loss with class-index labels (optax `softmax_cross_entropy`, which wants one-hot labels: use `softmax_cross_entropy_with_integer_labels` or `jax.nn.one_hot`). Integer labels come from literal arrays, `keras.datasets.<name>.load_data()` (mnist, fashion_mnist, cifar10, cifar100, reuters), `np.random.randint`, `torch.randint`, `tf.random.uniform(…, dtype=tf.int32)` and `argmax` results; `to_categorical` makes them one-hot.',
      why: 'With integer labels of shape (N,) or (N, 1) Keras either fails with a shape error or, for (N, 1) labels and a one-unit output, broadcasts them and computes a meaningless number. The sparse variant takes the ids directly and skips building one-hot tensors.',
      example: {
        language: 'python',
        code: [
          'import numpy as np',
          'from tensorflow import keras',
          '',
          'model = keras.Sequential([keras.layers.Dense(3, activation="softmax")])',
          'model.compile(optimizer="adam", loss="categorical_crossentropy")',
          'model.fit(np.zeros((4, 8)), np.array([0, 2, 1, 2]))',
        ].join('\n'),
      },
      useInstead: {
        language: 'python',
        code: [
          'import numpy as np',
          'from tensorflow import keras',
          '',
          'model = keras.Sequential([keras.layers.Dense(3, activation="softmax")])',
          'model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")',
          'model.fit(np.zeros((4, 8)), np.array([0, 2, 1, 2]))',
        ].join('\n'),
      },
    },
  },
  check(ctx) {
    const kept = keptReports(ctx);
    const compiles = new Map<object, CompileEvent>();
    for (const ev of eventsOfType(ctx.events, 'compile')) if (!ev.superseded) compiles.set(modelKey(ev.model), ev);
    for (const ev of eventsOfType(ctx.events, 'fit')) {
      const c = ev.y && compiles.get(modelKey(ev.model));
      const loss = c && compiledLossOf(c);
      if (!ev.y || !c || !loss || loss.sparse || (loss.family !== 'cce-prob' && loss.family !== 'softmax-ce')) continue;
      if (tensorOf(ev.y)?.kind !== 'class-indices' || !kept({ uri: c.loss.uri, span: c.loss.expr.span })) continue;
      const sparse = c.framework === 'keras' ? "'sparse_categorical_crossentropy'" : "'sparseCategoricalCrossentropy'";
      ctx.report({
        uri: c.loss.uri,
        span: c.loss.expr.span,
        message: `${loss.label} expects one-hot targets but fit() gets integer class ids: use ${sparse}.`,
        related: [{ uri: ev.y.uri, span: ev.y.expr.span, message: 'integer class ids' }],
      });
    }
    checkLossArgument(ctx, {
      families: ['cce-prob', 'softmax-ce'],
      argument: 'target',
      kinds: ['class-indices'],
      // PyTorch's cross_entropy takes class ids as they are.
      when: ev => !ev.spec.sparseTarget && ev.spec.framework !== 'torch',
      message: ev =>
        `${ev.spec.label} expects one-hot targets but gets integer class ids: ${adviceOf(ev.spec.framework).integerLabels ?? 'use the sparse variant or one-hot encode the labels'}.`,
    });
  },
};

/**
 * A model is known by the call that created it: an incremental check keeps events of the previous check,
 * whose values are other objects than this check's, while the IR call is the same object (DESIGN §4).
 */
function modelKey(m: ObjectValue | InstanceValue): object {
  return (m.t === 'object' ? m.call?.expr : m.site) ?? m;
}
