// The explicit rule registry: every rule id, in id order. LL000 is reported by the configuration layer
// (config/apply.ts); the rules pass runs the others.
import type { RuleMeta } from './rule';
import type { Rule } from './api';
import { unusedSuppression } from './LL000-unused-suppression';
import { doubleSoftmax } from './LL001-double-softmax';
import { doubleSigmoid } from './LL002-double-sigmoid';
import { sigmoidThenBce } from './LL003-sigmoid-then-bce';
import { probabilityLossOnLogits } from './LL004-probability-loss-on-logits';
import { nllWithoutLogSoftmax } from './LL005-nll-without-log-softmax';
import { klDivInputNotLog } from './LL006-kl-div-input-not-log';
import { klDivMeanReduction } from './LL007-kl-div-mean-reduction';
import { logOfActivation } from './LL008-log-of-activation';
import { unguardedLogProbability } from './LL009-unguarded-log-probability';
import { regressionLossOnProbabilities } from './LL010-regression-loss-on-probabilities';
import { softmaxWithoutDim } from './LL011-softmax-without-dim';
import { singleUnitClassifier } from './LL012-single-unit-classifier';
import { lossActivationMismatch } from './LL013-loss-activation-mismatch';
import { redundantLogSoftmax } from './LL014-redundant-log-softmax';
import { sigmoidIntoCrossEntropy } from './LL015-sigmoid-into-cross-entropy';
import { detachedLoss } from './LL016-detached-loss';
import { pythonLoopInLoss } from './LL017-python-loop-in-loss';
import { hingeLabelEncoding } from './LL018-hinge-label-encoding';
import { deprecatedReductionArgs } from './LL019-deprecated-reduction-args';
import { swappedLossArguments } from './LL020-swapped-loss-arguments';
import { unknownLossName } from './LL021-unknown-loss-name';
import { categoricalWithIntegerLabels } from './LL022-categorical-with-integer-labels';
import { classWeightShape } from './LL023-class-weight-shape';
import { maskedMeanOverPadding } from './LL024-masked-mean-over-padding';
import { multiHotIntoSoftmaxCe } from './LL025-multi-hot-into-softmax-ce';
import { classIdsIntoBce } from './LL026-class-ids-into-bce';
import { regressionShapeBroadcast } from './LL027-regression-shape-broadcast';
import { doubleLabelSmoothing } from './LL029-double-label-smoothing';
import { activationBeforeLogitLoss } from './LL030-activation-before-logit-loss';

/** The rules the rules pass runs (rules/run.ts). */
export const rules: readonly Rule[] = [
  doubleSoftmax,
  doubleSigmoid,
  sigmoidThenBce,
  probabilityLossOnLogits,
  nllWithoutLogSoftmax,
  klDivInputNotLog,
  klDivMeanReduction,
  logOfActivation,
  unguardedLogProbability,
  regressionLossOnProbabilities,
  softmaxWithoutDim,
  singleUnitClassifier,
  lossActivationMismatch,
  redundantLogSoftmax,
  sigmoidIntoCrossEntropy,
  detachedLoss,
  pythonLoopInLoss,
  hingeLabelEncoding,
  deprecatedReductionArgs,
  swappedLossArguments,
  unknownLossName,
  categoricalWithIntegerLabels,
  classWeightShape,
  maskedMeanOverPadding,
  multiHotIntoSoftmaxCe,
  classIdsIntoBce,
  regressionShapeBroadcast,
  doubleLabelSmoothing,
  activationBeforeLogitLoss,
];

export { unusedSuppression };

/** The metadata of the rules the rules pass runs: the `rules` command, the README table, Show Rules, SARIF. */
export const ruleMetas: readonly RuleMeta[] = rules.map(r => r.meta);

/** The metadata of every rule id, LL000 first: docs pages, hovers, "Explain", the ids a configuration may name. */
export const allRuleMetas: readonly RuleMeta[] = [unusedSuppression, ...ruleMetas];

const byId = new Map(allRuleMetas.map(m => [m.id, m]));

/** The metadata of a rule id, LL000 included. */
export function ruleMeta(id: string): RuleMeta | undefined {
  return byId.get(id);
}
