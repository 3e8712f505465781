// What a finding recommends, in the framework of the code it is about: the framework comes from the
// resolved path of the API that made the value (its origin) or that the finding is about (a loss, a
// log), never from the file's name or text.
import { advice } from '../../frameworks/registry';
import type { Advice, Framework } from '../../frameworks/types';

/** When no framework is known, advice names no API of any framework. */
const NEUTRAL: Advice = {
  logSoftmax: 'a log-softmax',
  logSigmoid: 'a log-sigmoid',
  crossEntropyWithLogits: 'the cross-entropy on logits',
  bceWithLogits: { class: 'the binary cross-entropy on logits', function: 'the binary cross-entropy on logits' },
  multiLabel: 'the binary cross-entropy on logits',
  binaryHead: 'binary cross-entropy on one unit',
  sparseCrossEntropy: 'cross-entropy with integer class ids',
};

/**
 * What the loss's framework does itself about an activation applied twice (Keras on the TensorFlow
 * backend recovers the logits of its own activations), as a sentence after a space; empty otherwise.
 */
export function frameworkNote(loss: Framework, activation: Framework | undefined): string {
  const note = loss === activation ? advice(loss).activationTwice : undefined;
  return note ? ` ${note}` : '';
}

/** The advice of the first known framework of `candidates` (fields it lacks fall back to neutral wording). */
export function adviceOf(...candidates: (Framework | undefined)[]): Advice & { framework?: Framework } {
  const framework = candidates.find(c => c !== undefined);
  return framework ? { ...NEUTRAL, ...advice(framework), framework } : NEUTRAL;
}
