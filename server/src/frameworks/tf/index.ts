// TensorFlow (`tensorflow` imported as `tf`): tf.nn, tf.math, TF1 tf.losses, tf.compat. Keras under
// `tf.keras` is the keras pack's.
import type { FrameworkPack } from '../types';
import { arg } from '../losses-table';
import { TF1_LOSSES, tfLosses } from './losses';

export const tfPack: FrameworkPack = {
  id: 'tf',
  language: 'python',
  framework: 'tf',
  markers: ['tensorflow'],
  roots: ['tf'],
  imports: [{ module: 'tensorflow', root: 'tf' }],
  rewrites: [
    { from: 'tf.keras.', to: 'keras.' },
    { from: 'tf.compat.v1.', to: 'tf.' },
    { from: 'tf.compat.v2.', to: 'tf.' },
    { from: 'tf.math.', to: 'tf.' },
    // TF2's tf.losses / tf.metrics are the Keras modules; TF1 functions (softmax_cross_entropy…) keep tf.losses.
    { from: 'tf.losses.', to: 'keras.losses.', prefixOnly: true, except: TF1_LOSSES },
  ],
  aliases: new Map([
    ['tf.softmax', 'tf.nn.softmax'],
    ['tf.nn.sigmoid', 'tf.sigmoid'],
  ]),
  activations: new Map([
    ['tf.nn.softmax', { kind: 'probs-softmax', act: 'softmax', dim: { pos: 1, kw: 'axis' } }],
    ['tf.nn.log_softmax', { kind: 'log-probs', act: 'log_softmax', dim: { pos: 1, kw: 'axis' } }],
    ['tf.sigmoid', { kind: 'probs-sigmoid', act: 'sigmoid' }],
    ['tf.log_sigmoid', { kind: 'log-sigmoid', act: 'logsigmoid' }],
    ['tf.one_hot', { kind: 'one-hot', act: 'other' }],
    ['tf.argmax', { kind: 'class-indices', act: 'other' }],
  ]),
  kindKeeping: [
    'tf.reshape',
    'tf.squeeze',
    'tf.expand_dims',
    'tf.clip_by_value',
    'tf.cast',
    'tf.identity',
    'tf.stop_gradient',
    'tf.nn.dropout',
  ],
  clampOps: ['clip_by_value'],
  shapeOps: ['reshape', 'squeeze', 'expand_dims'],
  means: new Map([
    ['tf.reduce_mean', arg(1, 'axis')],
    ['tf.math.reduce_mean', arg(1, 'axis')],
  ]),
  matrixProducts: ['tf.matmul', 'tf.linalg.matmul'],
  logFunctions: ['tf.log'],
  expFunctions: ['tf.exp'],
  literalTensors: ['tf.constant'],
  integerSamplers: new Map([['tf.random.uniform', { high: arg(2, 'maxval'), dtype: arg(3, 'dtype') }]]),
  integerDtypes: ['tf.int32', 'tf.int64', 'int32', 'int64'],
  softmaxAxis: 'default-last',
  advice: {
    logSoftmax: 'tf.nn.log_softmax',
    logSigmoid: 'tf.math.log_sigmoid',
    bceWithLogits: { class: 'tf.nn.sigmoid_cross_entropy_with_logits', function: 'tf.nn.sigmoid_cross_entropy_with_logits' },
    crossEntropyWithLogits: 'tf.nn.softmax_cross_entropy_with_logits',
    multiLabel: 'tf.nn.sigmoid_cross_entropy_with_logits',
    binaryHead: 'a sigmoid unit with binary cross-entropy (`from_logits=True` on a linear unit)',
  },
  losses: tfLosses,
};
