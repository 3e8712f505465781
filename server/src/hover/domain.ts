// What a loss expects as its prediction argument, and what the analyzer inferred the actual argument
// to be, in words.
import type { LossFamily } from '../frameworks/types';
import type { Kind, Value } from '../analysis/engine/values';

export const EXPECTS: Record<LossFamily, string> = {
  'softmax-ce': 'logits (raw scores): the loss applies log-softmax itself',
  'sigmoid-ce': 'logits (raw scores): the loss applies the sigmoid itself',
  'bce-prob': 'probabilities in [0, 1] (sigmoid outputs)',
  'cce-prob': 'probabilities (softmax outputs)',
  nll: 'log-probabilities (log_softmax outputs)',
  kl: 'log-probabilities as the input; the target is probabilities unless log_target=True',
  regression: "real-valued predictions on the target's scale",
  'pm1-margin': 'raw scores, with targets in {−1, +1}',
  'hinge-01': 'raw scores, with {0, 1} labels (mapped to ±1 internally)',
  'probs-any': 'probabilities in [0, 1] (sigmoid or softmax outputs): the loss applies no activation',
  other: 'see the formula',
};

/** Domain by catalog id, for losses without a framework family (user-defined, compile strings). */
export const EXPECTS_BY_LOSS: Record<string, LossFamily> = {
  mseLoss: 'regression',
  l1Loss: 'regression',
  huberLoss: 'regression',
  smoothL1Loss: 'regression',
  binaryCrossEntropy: 'bce-prob',
  binaryCrossEntropyWithLogits: 'sigmoid-ce',
  crossEntropy: 'softmax-ce',
  sparseCrossEntropy: 'softmax-ce',
  labelSmoothingCrossEntropy: 'softmax-ce',
  nllLoss: 'nll',
  klDiv: 'kl',
  sigmoidFocalLoss: 'sigmoid-ce',
  softmaxFocalLoss: 'softmax-ce',
  multilabelSoftMarginLoss: 'sigmoid-ce',
  hingeEmbeddingLoss: 'pm1-margin',
  softMarginLoss: 'pm1-margin',
  marginRankingLoss: 'pm1-margin',
  diceLoss: 'probs-any',
  jaccardLoss: 'probs-any',
  tverskyLoss: 'probs-any',
};

const KIND_WORDS: Record<Kind, string | undefined> = {
  logits: 'logits (unbounded)',
  'probs-sigmoid': 'probabilities (sigmoid output)',
  'probs-softmax': 'probabilities (softmax output)',
  'log-probs': 'log-probabilities',
  'log-sigmoid': 'log-sigmoid output',
  'class-indices': 'class indices',
  'one-hot': 'one-hot labels',
  labels01: '{0, 1} labels',
  'labels-pm1': '±1 labels',
  bounded: 'values in [0, 1]',
  'soft-targets': 'soft targets (mixed class probabilities)',
  unknown: undefined,
};

/** Kinds that contradict a family's expectation (true) or match it (false); absent: no opinion. */
const MISFITS: Partial<Record<LossFamily, Partial<Record<Kind, boolean>>>> = {
  'softmax-ce': { 'probs-softmax': true, 'probs-sigmoid': true, logits: false, 'log-probs': false },
  'sigmoid-ce': { 'probs-sigmoid': true, 'probs-softmax': true, logits: false },
  'bce-prob': { logits: true, 'log-probs': true, 'probs-sigmoid': false, bounded: false },
  'cce-prob': { logits: true, 'log-probs': true, 'probs-softmax': false },
  'probs-any': { logits: true, 'log-probs': true, 'probs-softmax': false, 'probs-sigmoid': false },
  nll: { logits: true, 'probs-softmax': true, 'probs-sigmoid': true, 'log-probs': false },
  kl: { 'probs-softmax': true, 'probs-sigmoid': true, 'log-probs': false },
};

export interface InferredKind {
  kind?: Kind;
  words?: string;
  origin?: { uri: string; start: number; label: string };
}

/** The kind of a value when every path agrees on it. */
export function inferredKind(v: Value | undefined): InferredKind {
  if (!v) return {};
  if (v.t === 'tensor') {
    return {
      kind: v.kind,
      words: KIND_WORDS[v.kind],
      origin: v.origin ? { uri: v.origin.uri, start: v.origin.span.start, label: v.origin.label } : undefined,
    };
  }
  if (v.t === 'union') {
    const kinds = new Set(v.options.map(o => (o.t === 'tensor' ? o.kind : 'unknown')));
    if (kinds.size === 1) return inferredKind(v.options[0]);
    return { words: 'differs between code paths' };
  }
  if (v.t === 'tuple' || v.t === 'const') return { words: 'literal numbers' };
  return {};
}

/** false: the kind contradicts the family; true: it fits; undefined: no opinion. */
export function fitsFamily(family: LossFamily, kind: Kind | undefined): boolean | undefined {
  if (!kind) return undefined;
  const m = MISFITS[family]?.[kind];
  return m === undefined ? undefined : !m;
}
