// The explicit rule registry: every rule file is listed here, in id order.
import type { RuleMeta } from './rule';
import type { Rule } from '../analysis/engine/rule-api';
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

export const rules: Rule[] = [
  doubleSoftmax, doubleSigmoid, sigmoidThenBce, probabilityLossOnLogits, nllWithoutLogSoftmax, klDivInputNotLog,
  klDivMeanReduction, logOfActivation, unguardedLogProbability, regressionLossOnProbabilities, softmaxWithoutDim,
  singleUnitClassifier, lossActivationMismatch, redundantLogSoftmax, sigmoidIntoCrossEntropy, detachedLoss,
  pythonLoopInLoss, hingeLabelEncoding, deprecatedReductionArgs, swappedLossArguments, unknownLossName,
  categoricalWithIntegerLabels,
];

export const ruleMetas: RuleMeta[] = rules.map(r => r.meta);

export function ruleById(id: string): Rule | undefined {
  return rules.find(r => r.meta.id === id);
}
