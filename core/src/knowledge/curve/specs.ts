// How each catalog entry is plotted: which axis, which fixed partner values, and how the core loss
// function is called on n sample points at once (reduction 'none'). No loss formula lives here: every
// value and gradient comes from core/src/losses; this file only builds inputs and applies the chain
// rule of the input construction (e.g. x ↦ [log x, log(1 − x)]).
import {
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  contrastiveLoss,
  cosineDistance,
  cosineEmbeddingLoss,
  crossEntropy,
  diceLoss,
  gaussianKlDivergence,
  jaccardLoss,
  gaussianNllLoss,
  hingeEmbeddingLoss,
  hingeLoss,
  huberLoss,
  klDiv,
  l1Loss,
  logCosh,
  marginRankingLoss,
  mseLoss,
  multiclassHingeLoss,
  multilabelSoftMarginLoss,
  multiMarginLoss,
  nllLoss,
  poissonNllLoss,
  safeSoftmaxCrossEntropy,
  sigmoidFocalLoss,
  smoothL1Loss,
  softMarginLoss,
  softmaxFocalLoss,
  tripletMarginLoss,
  tverskyLoss,
} from '../../losses';
import type { LossResult, Tensor } from '../../types';
import type { CurveAxis, LossId } from '../types';

export type Params = Readonly<Record<string, number>>;

export interface CurveSpec {
  axis: CurveAxis;
  /** Default plotted interval. */
  range: readonly [number, number];
  /** Open interval outside which the plot is undefined (probabilities, cosines). */
  domain?: readonly [number, number];
  xLabel: string;
  /** What the curve shows and what is held fixed: shown as a caption and in docs. */
  setup: string;
  /** Writes loss and d loss/dx for every x. */
  sample(x: Float64Array, p: Params, loss: Float64Array, grad: Float64Array): void;
}

const NONE = 'none' as const;

function vec(data: Float64Array): Tensor {
  return { data, shape: [data.length] };
}
function filled(n: number, v: number): Float64Array {
  return new Float64Array(n).fill(v);
}
function column(data: Float64Array): Tensor {
  return { data, shape: [data.length, 1] };
}
/** Rows [x, 0]: the first class's logit minus the second's is x. */
function twoClassRows(x: Float64Array, scale = 1): Tensor {
  const d = new Float64Array(2 * x.length);
  for (let i = 0; i < x.length; i++) d[2 * i] = x[i] * scale;
  return { data: d, shape: [x.length, 2] };
}
/** Rows [log x, log(1 − x)]: log-probabilities of a two-class distribution whose first class has probability x. */
function twoClassLogProbs(x: Float64Array): Tensor {
  const d = new Float64Array(2 * x.length);
  for (let i = 0; i < x.length; i++) {
    d[2 * i] = Math.log(x[i]);
    d[2 * i + 1] = Math.log1p(-x[i]);
  }
  return { data: d, shape: [x.length, 2] };
}

function copyOut(r: LossResult, argIndex: number, loss: Float64Array, grad: Float64Array): void {
  loss.set(r.loss.data);
  grad.set(gradOf(r, argIndex));
}
function gradOf(r: LossResult, argIndex: number): Float64Array {
  const g = r.grads[argIndex];
  if (!g) throw new Error(`curve: argument ${argIndex} has no gradient`);
  return g.data;
}
/** Gradient column 0 of an (n, 2) gradient: d loss / d(first logit). */
function firstColumn(r: LossResult, loss: Float64Array, grad: Float64Array, scale = 1): void {
  loss.set(r.loss.data);
  const g = gradOf(r, 0);
  for (let i = 0; i < grad.length; i++) grad[i] = g[2 * i] * scale;
}
/** Chain rule through twoClassLogProbs: d/dx = g₀/x − g₁/(1 − x). */
function throughLogProbs(x: Float64Array, g: Float64Array, grad: Float64Array): void {
  for (let i = 0; i < x.length; i++) grad[i] = g[2 * i] / x[i] - g[2 * i + 1] / (1 - x[i]);
}

const errorLabel = 'error ŷ − y';
const logitLabel = 'logit z (target 1)';

function regression(fn: typeof mseLoss, optionNames: readonly string[], setupExtra = ''): CurveSpec {
  return {
    axis: 'error',
    range: [-3, 3],
    xLabel: errorLabel,
    setup: `Loss of one prediction against target 0, so x is the error ŷ − y.${setupExtra}`,
    sample(x, p, loss, grad) {
      const opts: Record<string, unknown> = { reduction: NONE };
      for (const name of optionNames) opts[name] = p[name];
      copyOut(fn(vec(x), vec(new Float64Array(x.length)), opts), 0, loss, grad);
    },
  };
}

const crossEntropySpec = (mode: 'torch' | 'uniform-others' | 'param'): CurveSpec => ({
  axis: 'logit',
  range: [-6, 6],
  xLabel: 'logit margin z_true − z_other (2 classes)',
  setup:
    "Two classes with logits [x, 0] and the first as the target: x is the true class's logit margin, so the loss is −log softmax([x, 0])₀.",
  sample(x, p, loss, grad) {
    const smoothing = p.labelSmoothing ?? 0;
    let labelSmoothingMode: 'torch' | 'uniform-others' = mode === 'uniform-others' ? 'uniform-others' : 'torch';
    if (mode === 'param') {
      if (p.uniformOthers !== 0 && p.uniformOthers !== 1) throw new Error(`curve: uniformOthers must be 0 or 1, got ${p.uniformOthers}`);
      labelSmoothingMode = p.uniformOthers === 1 ? 'uniform-others' : 'torch';
    }
    const r = crossEntropy(twoClassRows(x), vec(new Float64Array(x.length)), {
      reduction: NONE,
      labelSmoothing: smoothing,
      labelSmoothingMode,
    });
    firstColumn(r, loss, grad);
  },
});

const gaussianKlSample =
  (scale: (p: Params) => number) =>
  (x: Float64Array, p: Params, loss: Float64Array, grad: Float64Array): void => {
    // The core function sums over latent dimensions with no per-element output, so values come one
    // point at a time; the gradient of one call over all points is already per point.
    const k = scale(p);
    const lv = filled(x.length, p.logVar);
    const all = gaussianKlDivergence(vec(x), vec(lv));
    const g = gradOf(all, 0);
    const one = new Float64Array(1);
    const oneLv = new Float64Array([p.logVar]);
    const oneMu: Tensor = { data: one, shape: [1] };
    const oneLvT: Tensor = { data: oneLv, shape: [1] };
    for (let i = 0; i < x.length; i++) {
      one[0] = x[i];
      loss[i] = k * gaussianKlDivergence(oneMu, oneLvT).loss.data[0];
      grad[i] = k * g[i];
    }
  };

/** One position per sample with target 1, so x is the probability given to the mask: an overlap loss of one pixel. */
const overlap = (f: typeof tverskyLoss, setup: string): CurveSpec => ({
  axis: 'pt',
  range: [0.05, 0.99],
  domain: [0, 1],
  xLabel: 'p (probability of a foreground position)',
  setup,
  sample(x, p, loss, grad) {
    const n = x.length;
    const r = f({ data: x, shape: [n, 1] }, { data: filled(n, 1), shape: [n, 1] }, { reduction: NONE, ...p });
    copyOut(r, 0, loss, grad);
  },
});

export const curveSpecs: Readonly<Record<LossId, CurveSpec>> = {
  mseLoss: regression(mseLoss, []),
  l1Loss: regression(l1Loss, [], ' The gradient at exactly 0 is the subgradient 0.'),
  huberLoss: regression(huberLoss as typeof mseLoss, ['delta']),
  smoothL1Loss: regression(smoothL1Loss as typeof mseLoss, ['beta']),
  logCosh: regression(logCosh, [], ' log cosh e ≈ ½e² near 0 and |e| − log 2 far out.'),

  binaryCrossEntropy: {
    axis: 'pt',
    range: [0.05, 0.99],
    domain: [0, 1],
    xLabel: 'p_t (probability of the true class)',
    setup: 'Probability input p with target 1, so x = p_t, the probability given to the true class.',
    sample(x, _p, loss, grad) {
      copyOut(binaryCrossEntropy(vec(x), vec(filled(x.length, 1)), { reduction: NONE }), 0, loss, grad);
    },
  },
  binaryCrossEntropyWithLogits: {
    axis: 'logit',
    range: [-6, 6],
    xLabel: logitLabel,
    setup: 'One logit z with target 1 (a positive example); posWeight scales this positive term.',
    sample(x, p, loss, grad) {
      const r = binaryCrossEntropyWithLogits(column(x), column(filled(x.length, 1)), {
        reduction: NONE,
        posWeight: { data: [p.posWeight], shape: [1] },
      });
      copyOut(r, 0, loss, grad);
    },
  },
  crossEntropy: crossEntropySpec('torch'),
  safeSoftmaxCrossEntropy: {
    axis: 'logit',
    range: [-6, 6],
    xLabel: 'logit margin z_true − z_other (2 classes)',
    setup: "Two classes with logits [x, 0] and target [1, 0]: x is the true class's logit margin, so the loss is −log softmax([x, 0])₀.",
    sample(x, _p, loss, grad) {
      const t = new Float64Array(2 * x.length);
      for (let i = 0; i < x.length; i++) t[2 * i] = 1;
      firstColumn(safeSoftmaxCrossEntropy(twoClassRows(x), { data: t, shape: [x.length, 2] }, { reduction: NONE }), loss, grad);
    },
  },
  diceLoss: overlap(diceLoss, 'A one-position mask (target 1) predicted with probability x: 1 − (2x + sₙ)/(x + 1 + s_d).'),
  jaccardLoss: overlap(jaccardLoss, 'A one-position mask (target 1) predicted with probability x: 1 − (x + sₙ)/(1 + s_d).'),
  tverskyLoss: overlap(
    tverskyLoss,
    'A one-position mask (target 1) predicted with probability x: no false positive, so only β (the weight of the missed 1 − x) shapes the curve.',
  ),
  sparseCrossEntropy: crossEntropySpec('torch'),
  labelSmoothingCrossEntropy: {
    ...crossEntropySpec('param'),
    setup:
      'Two classes with logits [x, 0] and the first as the target. With smoothing the loss has a finite minimum: the model is no longer rewarded for infinite confidence. uniformOthers = 1 switches to the ε/(C − 1) convention.',
  },
  nllLoss: {
    axis: 'pt',
    range: [0.05, 0.99],
    domain: [0, 1],
    xLabel: 'p_t (probability of the true class)',
    setup: 'Log-probabilities [log x, log(1 − x)] with the first class as the target, so x = p_t.',
    sample(x, _p, loss, grad) {
      const r = nllLoss(twoClassLogProbs(x), vec(new Float64Array(x.length)), { reduction: NONE });
      loss.set(r.loss.data);
      throughLogProbs(x, gradOf(r, 0), grad);
    },
  },
  klDiv: {
    axis: 'pt',
    range: [0.05, 0.95],
    domain: [0, 1],
    xLabel: 'q (predicted probability of class 1 of 2)',
    setup:
      'KL(P‖Q) between a fixed two-class target P = (targetProb, 1 − targetProb) and the prediction Q = (x, 1 − x); zero at x = targetProb.',
    sample(x, p, loss, grad) {
      const t = new Float64Array(2 * x.length);
      for (let i = 0; i < x.length; i++) {
        t[2 * i] = p.targetProb;
        t[2 * i + 1] = 1 - p.targetProb;
      }
      const r = klDiv(twoClassLogProbs(x), { data: t, shape: [x.length, 2] }, { reduction: NONE });
      const l = r.loss.data;
      for (let i = 0; i < x.length; i++) loss[i] = l[2 * i] + l[2 * i + 1];
      throughLogProbs(x, gradOf(r, 0), grad);
    },
  },

  hingeLoss: {
    axis: 'logit',
    range: [-3, 3],
    xLabel: 'score f (label +1)',
    setup: 'One raw score f with label +1, so x = y·f, the signed margin; zero loss from 1 on.',
    sample(x, _p, loss, grad) {
      copyOut(hingeLoss(vec(x), vec(filled(x.length, 1)), { reduction: NONE }), 0, loss, grad);
    },
  },
  softMarginLoss: {
    axis: 'logit',
    range: [-6, 6],
    xLabel: 'score x (label +1)',
    setup: 'One score with label +1, so x = y·x is the signed margin.',
    sample(x, _p, loss, grad) {
      copyOut(softMarginLoss(vec(x), vec(filled(x.length, 1)), { reduction: NONE }), 0, loss, grad);
    },
  },
  multiMarginLoss: {
    axis: 'margin',
    range: [-3, 3],
    xLabel: 'score margin x_true − x_other (2 classes)',
    setup: 'Two classes with scores [x, 0] and the first as the target; the 1/C factor is 1/2 here.',
    sample(x, p, loss, grad) {
      const r = multiMarginLoss(twoClassRows(x), vec(new Float64Array(x.length)), { reduction: NONE, margin: p.margin, p: p.p });
      firstColumn(r, loss, grad);
    },
  },
  multiclassHingeLoss: {
    axis: 'margin',
    range: [-3, 3],
    xLabel: 'score margin f_true − f_other (2 classes)',
    setup: 'Two classes with scores [x, 0] and the first as the target (with two classes sum and max forms coincide).',
    sample(x, _p, loss, grad) {
      firstColumn(multiclassHingeLoss(twoClassRows(x), vec(new Float64Array(x.length)), { reduction: NONE }), loss, grad);
    },
  },
  sigmoidFocalLoss: {
    axis: 'logit',
    range: [-6, 6],
    xLabel: logitLabel,
    setup: 'One logit z with target 1, so p_t = σ(z) and the α weight is α.',
    sample(x, p, loss, grad) {
      const r = sigmoidFocalLoss(vec(x), vec(filled(x.length, 1)), { reduction: NONE, alpha: p.alpha, gamma: p.gamma });
      copyOut(r, 0, loss, grad);
    },
  },
  softmaxFocalLoss: {
    axis: 'logit',
    range: [-6, 6],
    xLabel: 'logit margin z_true − z_other (2 classes)',
    setup: 'Two classes with logits [x, 0] and the first as the target.',
    sample(x, p, loss, grad) {
      firstColumn(softmaxFocalLoss(twoClassRows(x), vec(new Float64Array(x.length)), { reduction: NONE, gamma: p.gamma }), loss, grad);
    },
  },
  multilabelSoftMarginLoss: {
    axis: 'logit',
    range: [-6, 6],
    xLabel: logitLabel,
    setup: 'One class (C = 1) with label 1, so the loss is the per-class logistic loss.',
    sample(x, _p, loss, grad) {
      copyOut(multilabelSoftMarginLoss(column(x), column(filled(x.length, 1)), { reduction: NONE }), 0, loss, grad);
    },
  },

  contrastiveLoss: {
    axis: 'distance',
    range: [0, 3],
    xLabel: 'distance d (dissimilar pair)',
    setup: 'A dissimilar pair (label 1) at distance x: pushed apart until the margin, then no loss. (Similar pairs cost ½d².)',
    sample(x, p, loss, grad) {
      const r = contrastiveLoss(column(x), column(new Float64Array(x.length)), vec(filled(x.length, 1)), {
        reduction: NONE,
        margin: p.margin,
      });
      copyOut(r, 0, loss, grad);
    },
  },
  tripletMarginLoss: {
    axis: 'distance',
    // Starts just above 0: at exactly 0 the 1-D distance |eps − x| has its kink.
    range: [0.01, 3],
    xLabel: 'distance d(anchor, negative), d(anchor, positive) = 1',
    setup:
      'One-dimensional embeddings: anchor 0, positive 1, negative x, so x is the anchor–negative distance; loss vanishes once it exceeds 1 + margin.',
    sample(x, p, loss, grad) {
      const n = x.length;
      const r = tripletMarginLoss(column(new Float64Array(n)), column(filled(n, 1)), column(x), {
        reduction: NONE,
        margin: p.margin,
        p: p.p,
      });
      copyOut(r, 2, loss, grad);
    },
  },
  infoNce: {
    axis: 'margin',
    range: [-2, 2],
    xLabel: 'similarity gap s⁺ − s⁻ (one negative)',
    setup: 'One positive and one negative: logits [x/τ, 0], cross-entropy with the positive as target. Real batches have many negatives.',
    sample(x, p, loss, grad) {
      const r = crossEntropy(twoClassRows(x, 1 / p.temperature), vec(new Float64Array(x.length)), { reduction: NONE });
      firstColumn(r, loss, grad, 1 / p.temperature);
    },
  },
  marginRankingLoss: {
    axis: 'margin',
    range: [-3, 3],
    xLabel: 'score difference x₁ − x₂ (x₁ should rank higher)',
    setup: 'x₁ = x, x₂ = 0 and target +1.',
    sample(x, p, loss, grad) {
      const r = marginRankingLoss(vec(x), vec(new Float64Array(x.length)), vec(filled(x.length, 1)), { reduction: NONE, margin: p.margin });
      copyOut(r, 0, loss, grad);
    },
  },
  cosineEmbeddingLoss: {
    axis: 'margin',
    range: [-0.99, 0.99],
    domain: [-1, 1],
    xLabel: 'cosine similarity (dissimilar pair)',
    setup: 'A dissimilar pair (target −1) of 2-D vectors (1, 0) and (x, √(1 − x²)), so x is their cosine. (Similar pairs cost 1 − cos.)',
    sample(x, p, loss, grad) {
      const n = x.length;
      const a = new Float64Array(2 * n);
      const b = new Float64Array(2 * n);
      for (let i = 0; i < n; i++) {
        a[2 * i] = 1;
        b[2 * i] = x[i];
        b[2 * i + 1] = Math.sqrt(1 - x[i] * x[i]);
      }
      const r = cosineEmbeddingLoss({ data: a, shape: [n, 2] }, { data: b, shape: [n, 2] }, vec(filled(n, -1)), {
        reduction: NONE,
        margin: p.margin,
      });
      loss.set(r.loss.data);
      const g = gradOf(r, 1);
      // d(second vector)/dx = (1, −x/√(1 − x²))
      for (let i = 0; i < n; i++) grad[i] = g[2 * i] - (g[2 * i + 1] * x[i]) / b[2 * i + 1];
    },
  },
  hingeEmbeddingLoss: {
    axis: 'distance',
    range: [0, 3],
    xLabel: 'distance x (dissimilar pair, y = −1)',
    setup: 'Input x with target −1: max(0, margin − x). (For y = +1 the loss is x itself.)',
    sample(x, p, loss, grad) {
      copyOut(hingeEmbeddingLoss(vec(x), vec(filled(x.length, -1)), { reduction: NONE, margin: p.margin }), 0, loss, grad);
    },
  },

  gaussianNllLoss: {
    axis: 'error',
    range: [-3, 3],
    xLabel: 'error μ − y',
    setup: 'Predicted mean x against target 0 with the variance fixed at var.',
    sample(x, p, loss, grad) {
      copyOut(gaussianNllLoss(vec(x), vec(new Float64Array(x.length)), vec(filled(x.length, p.var)), { reduction: NONE }), 0, loss, grad);
    },
  },
  poissonNllLoss: {
    axis: 'error',
    range: [-3, 3],
    xLabel: 'log-rate error log λ − log y (y = 1)',
    setup: 'Log-rate input x (logInput) with an observed count of 1, so x is the error in log space; minimum at x = 0.',
    sample(x, _p, loss, grad) {
      copyOut(poissonNllLoss(vec(x), vec(filled(x.length, 1)), { reduction: NONE }), 0, loss, grad);
    },
  },
  gaussianKlDivergence: {
    axis: 'error',
    range: [-3, 3],
    xLabel: 'latent mean μ (prior mean 0)',
    setup: 'One latent dimension with mean x and log-variance logVar, against the N(0, 1) prior.',
    sample: gaussianKlSample(() => 1),
  },
  vaeElbo: {
    axis: 'error',
    range: [-3, 3],
    xLabel: 'latent mean μ (prior mean 0)',
    setup:
      'The β-weighted KL part of the loss for one latent dimension; the reconstruction part depends on the decoder and is not plotted.',
    sample: gaussianKlSample(p => p.beta),
  },
  flowNll: {
    axis: 'error',
    range: [-3, 3],
    xLabel: 'latent value z = f(x)',
    setup: 'The standard-normal part for one dimension (full Gaussian NLL with variance 1); the log-determinant adds a constant per input.',
    sample(x, _p, loss, grad) {
      copyOut(
        gaussianNllLoss(vec(x), vec(new Float64Array(x.length)), vec(filled(x.length, 1)), { reduction: NONE, full: true }),
        0,
        loss,
        grad,
      );
    },
  },
  cosineDistance: {
    axis: 'margin',
    range: [-0.99, 0.99],
    domain: [-1, 1],
    xLabel: 'cosine similarity of prediction and target',
    setup: '2-D vectors (x, √(1 − x²)) against the target (1, 0), so x is their cosine and the loss is 1 − x.',
    sample(x, p, loss, grad) {
      const n = x.length;
      const a = new Float64Array(2 * n);
      const b = new Float64Array(2 * n);
      for (let i = 0; i < n; i++) {
        a[2 * i] = x[i];
        a[2 * i + 1] = Math.sqrt(1 - x[i] * x[i]);
        b[2 * i] = 1;
      }
      const r = cosineDistance({ data: a, shape: [n, 2] }, { data: b, shape: [n, 2] }, { reduction: NONE, eps: p.eps });
      loss.set(r.loss.data);
      const g = gradOf(r, 0);
      // d(prediction)/dx = (1, −x/√(1 − x²))
      for (let i = 0; i < n; i++) grad[i] = g[2 * i] - (g[2 * i + 1] * x[i]) / a[2 * i + 1];
    },
  },
};
