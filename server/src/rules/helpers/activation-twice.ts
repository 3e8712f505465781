// The check of an activation applied twice (LL001, LL002): by the code, then again by a loss that
// applies it itself.
import type { Framework, LossFamily, LossSpec } from '../../frameworks/types';
import type { TensorValue } from '../../analysis/engine/values';
import type { RuleContext } from '../api';
import { removeActivationFix } from './fixes';
import { checkLossArgument } from './loss-argument';
import { reportAtCompiledLoss } from './compiled-model';

/** Smallest value softmax cross-entropy can reach when its input already went through a softmax over C classes. */
export function doubleSoftmaxFloor(classes: number): number {
  // best case: the softmax output is one-hot, so the second softmax gives e / (e + C − 1) for the true class
  return Math.log1p((classes - 1) / Math.E);
}

/**
 * A loss that applies its activation only when configured to (smp `from_logits`, MONAI `sigmoid=`): an
 * overlap or focal loss rather than a cross-entropy, so the cross-entropy floors do not apply to it.
 */
export function isSwitchedLoss(spec: LossSpec): boolean {
  return spec.modes !== undefined || spec.activationSwitches !== undefined;
}

/** The largest probability a softmax over C classes can give when its inputs are probabilities themselves. */
export function doubleSoftmaxCeiling(classes: number): number {
  return Math.E / (Math.E + classes - 1);
}

/** What LL001 and LL002 share: the activation a loss applies itself, and how each rule words its findings. */
export interface ActivationTwice {
  /** Losses (and compiled losses) that apply the activation themselves. */
  family: LossFamily;
  /** The kind the activation produces. */
  kind: 'probs-softmax' | 'probs-sigmoid';
  /** 'softmax' / 'sigmoid': the fallback label of the activation and the related-information text. */
  activation: string;
  /** Message for a loss called on the activation's output `t` (`label`: the activation as written). */
  lossMessage(label: string, lossLabel: string, t: TensorValue, framework: Framework, spec: LossSpec): string;
  /** Message for a compiled model whose last layer is the activation. */
  compileMessage(label: string, lossLabel: string, framework: Framework): string;
  fixTitle: string;
}

/**
 * Reports activation outputs fed to a loss that applies the same activation: at the argument (with a fix
 * removing the activation), and at the `loss=` of a model compiled with `from_logits=True` whose last
 * layer is that activation.
 */
export function checkActivationTwice(ctx: RuleContext, rule: ActivationTwice): void {
  const related = `${rule.activation} applied here`;
  checkLossArgument(ctx, {
    families: [rule.family],
    kinds: [rule.kind],
    message: (ev, t) => rule.lossMessage(t.origin?.label ?? rule.activation, ev.spec.label, t, ev.spec.framework, ev.spec),
    related,
    fix: (ctx, _ev, t) => removeActivationFix(ctx, t.origin, rule.fixTitle),
  });
  reportAtCompiledLoss(ctx, {
    families: [rule.family],
    outputKinds: [rule.kind],
    message: (loss, out, ev) => rule.compileMessage(out.origin?.label ?? rule.activation, loss.label, ev.framework),
    related,
  });
}
