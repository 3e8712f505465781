// Computes a loss on tensors written literally in the code, with core's own loss functions, so the
// hover can show the value and the gradient the framework would produce. Only calls whose framework
// semantics core reproduces exactly are evaluated (e.g. Keras cross-entropy on probabilities clips
// and renormalises, so it is left out); everything else says nothing rather than something close.
import {
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  cosineDistance,
  crossEntropy,
  hingeEmbeddingLoss,
  huberLoss,
  klDiv,
  l1Loss,
  logCosh,
  mseLoss,
  multilabelSoftMarginLoss,
  nllLoss,
  safeSoftmaxCrossEntropy,
  sigmoidFocalLoss,
  smoothL1Loss,
  softMarginLoss,
  softmaxFocalLoss,
  type LossResult,
  type Tensor,
} from '../../../core/src/index';
import type { LiteralTensor } from './literal-tensor';

type LossFn = (input: Tensor, target: Tensor, options?: Record<string, unknown>) => LossResult;

const FUNCTIONS: Record<string, LossFn> = {
  mseLoss: mseLoss as LossFn,
  l1Loss: l1Loss as LossFn,
  huberLoss: huberLoss as LossFn,
  smoothL1Loss: smoothL1Loss as LossFn,
  binaryCrossEntropy: binaryCrossEntropy as LossFn,
  binaryCrossEntropyWithLogits: binaryCrossEntropyWithLogits as LossFn,
  crossEntropy: crossEntropy as LossFn,
  sparseCrossEntropy: crossEntropy as LossFn,
  labelSmoothingCrossEntropy: crossEntropy as LossFn,
  nllLoss: nllLoss as LossFn,
  klDiv: klDiv as LossFn,
  hingeEmbeddingLoss: hingeEmbeddingLoss as LossFn,
  softMarginLoss: softMarginLoss as LossFn,
  sigmoidFocalLoss: sigmoidFocalLoss as LossFn,
  softmaxFocalLoss: softmaxFocalLoss as LossFn,
  multilabelSoftMarginLoss: multilabelSoftMarginLoss as LossFn,
  logCosh: logCosh as LossFn,
  cosineDistance: cosineDistance as LossFn,
  safeSoftmaxCrossEntropy: safeSoftmaxCrossEntropy as LossFn,
};

/** Which catalog parameters are also core options of the function that computes the loss. */
const OPTION_PARAMS: Record<string, readonly string[]> = {
  huberLoss: ['delta'],
  smoothL1Loss: ['beta'],
  crossEntropy: ['labelSmoothing'],
  binaryCrossEntropyWithLogits: ['posWeight'],
  hingeEmbeddingLoss: ['margin'],
  sigmoidFocalLoss: ['alpha', 'gamma'],
  softmaxFocalLoss: ['gamma'],
  cosineDistance: ['eps'],
};

export interface LiteralRequest {
  lossId: string;
  input: LiteralTensor;
  target: LiteralTensor;
  /** How the code names the two arguments (shown next to the numbers). */
  inputText: string;
  targetText: string;
  /** 'mean' | 'sum' | 'none' | 'batchmean' */
  reduction: string;
  params: Record<string, number>;
  /** Further core options (ignoreIndex, logTarget). */
  options?: Record<string, unknown>;
}

export interface LiteralEvaluation {
  inputText: string;
  targetText: string;
  reduction: string;
  /** The loss: one number when reduced, one per element for 'none'. */
  value: number[];
  valueShape: number[];
  /** d loss / d input (of the sum for 'none'). */
  grad: number[];
  gradShape: number[];
  /** The same numbers under the other regression losses, for the outlier story (MSE vs MAE). */
  comparisons: { label: string; value: number }[];
  error?: string;
}

export function canEvaluate(lossId: string): boolean {
  return Object.prototype.hasOwnProperty.call(FUNCTIONS, lossId);
}

export function evaluateLiteral(req: LiteralRequest): LiteralEvaluation {
  const fn = FUNCTIONS[req.lossId];
  const base = { inputText: req.inputText, targetText: req.targetText, reduction: req.reduction, comparisons: [] };
  if (!fn) return { ...base, value: [], valueShape: [], grad: [], gradShape: [], error: `no literal evaluation for ${req.lossId}` };
  const options: Record<string, unknown> = { reduction: req.reduction, ...req.options };
  for (const name of OPTION_PARAMS[req.lossId] ?? []) {
    const v = req.params[name];
    if (v === undefined) continue;
    // posWeight is a tensor in torch and core; a literal scalar broadcasts over the classes.
    options[name] = name === 'posWeight' ? { data: [v], shape: [1] } : v;
  }
  try {
    const r = fn(asTensor(req.input), asTensor(req.target), options);
    const g = r.grads[0];
    const out: LiteralEvaluation = {
      ...base,
      value: Array.from(r.loss.data),
      valueShape: r.loss.shape.slice(),
      grad: g ? Array.from(g.data) : [],
      gradShape: g ? g.shape.slice() : [],
    };
    if (isRegression(req.lossId) && req.reduction === 'mean') out.comparisons = regressionComparisons(req);
    return out;
  } catch (e) {
    return { ...base, value: [], valueShape: [], grad: [], gradShape: [], error: e instanceof Error ? e.message : String(e) };
  }
}

function asTensor(t: LiteralTensor): Tensor {
  return { data: t.data, shape: t.shape };
}

function isRegression(id: string): boolean {
  return id === 'mseLoss' || id === 'l1Loss' || id === 'huberLoss' || id === 'smoothL1Loss';
}

/** MSE, MAE and Huber on the same pair: the outlier sensitivity the reference example is about. */
function regressionComparisons(req: LiteralRequest): { label: string; value: number }[] {
  const delta = req.lossId === 'huberLoss' ? (req.params.delta ?? 1) : 1;
  const rows: [string, string, Record<string, unknown>][] = [
    ['MSE', 'mseLoss', {}],
    ['MAE', 'l1Loss', {}],
    [`Huber (δ = ${delta})`, 'huberLoss', { delta }],
  ];
  const out: { label: string; value: number }[] = [];
  for (const [label, id, opts] of rows) {
    try {
      const r = FUNCTIONS[id](asTensor(req.input), asTensor(req.target), { reduction: 'mean', ...opts });
      out.push({ label, value: r.loss.data[0] });
    } catch {
      // Shapes that one loss rejects are rejected by all: nothing to compare.
      return [];
    }
  }
  return out;
}
