// Keras: standalone `keras` (2 and 3), `tf.keras` and `tf_keras`, all canonicalised to `keras.*`.
import type { ActivationSpec, FrameworkPack, LayerSpec } from '../types';
import { arg } from '../losses-table';
import { kerasCompileLossPaths, kerasLosses } from './losses';

const SOFTMAX: ActivationSpec = { kind: 'probs-softmax', act: 'softmax', dim: { pos: 1, kw: 'axis' } };
const SIGMOID: ActivationSpec = { kind: 'probs-sigmoid', act: 'sigmoid' };
const keep: LayerSpec = { out: 'keep' };
const LINEAR: ActivationSpec = { kind: 'logits', act: 'other', identity: true };

export const kerasPack: FrameworkPack = {
  id: 'keras',
  language: 'python',
  framework: 'keras',
  markers: ['keras'],
  roots: ['keras'],
  imports: [
    { module: 'keras', root: 'keras' },
    { module: 'tf_keras', root: 'keras' },
  ],
  rewrites: [
    { from: 'keras.src.', to: 'keras.' },
    { from: 'keras.models.Sequential', to: 'keras.Sequential' },
    { from: 'keras.models.Model', to: 'keras.Model' },
    { from: 'keras.engine.', to: 'keras.' },
  ],
  activations: new Map([
    ['keras.activations.softmax', SOFTMAX],
    ['keras.activations.sigmoid', SIGMOID],
    ['keras.activations.linear', LINEAR],
    ['keras.ops.softmax', SOFTMAX],
    ['keras.ops.sigmoid', SIGMOID],
    ['keras.ops.log_softmax', { kind: 'log-probs', act: 'log_softmax', dim: { pos: 1, kw: 'axis' } }],
    ['keras.utils.to_categorical', { kind: 'one-hot', act: 'other' }],
    ['keras.activations.relu', { kind: 'unknown', act: 'other', range: [0, Infinity] }],
    ['keras.activations.tanh', { kind: 'unknown', act: 'other', range: [-1, 1] }],
  ]),
  unreducedLoss: { option: 'reduction', values: ['none', 'keras.losses.Reduction.NONE'] },
  meanFunctions: ['keras.ops.mean'],
  oneHotClasses: new Map([['keras.utils.to_categorical', arg(1, 'num_classes')]]),
  activationNames: new Map<string, ActivationSpec>([
    ['softmax', { kind: 'probs-softmax', act: 'softmax' }],
    ['sigmoid', SIGMOID],
    ['log_softmax', { kind: 'log-probs', act: 'log_softmax' }],
    ['linear', LINEAR],
    ['relu', { kind: 'unknown', act: 'other', range: [0, Infinity] }],
    ['relu6', { kind: 'unknown', act: 'other', range: [0, 6] }],
    ['softplus', { kind: 'unknown', act: 'other', range: [0, Infinity] }],
    ['tanh', { kind: 'unknown', act: 'other', range: [-1, 1] }],
  ]),
  logFunctions: ['keras.ops.log'],
  expFunctions: ['keras.ops.exp'],
  layers: new Map<string, LayerSpec>([
    ['keras.layers.Dense', { out: 'linear', units: { pos: 0, kw: 'units' }, activation: { pos: 1, kw: 'activation' } }],
    ['keras.layers.Softmax', { out: 'probs-softmax', act: 'softmax', dim: { pos: 0, kw: 'axis' } }],
    ['keras.layers.Activation', { out: 'keep', activation: { pos: 0, kw: 'activation' } }],
    ['keras.layers.Conv1D', { out: 'linear', activation: { pos: 99, kw: 'activation' } }],
    ['keras.layers.Conv2D', { out: 'linear', activation: { pos: 99, kw: 'activation' } }],
    ['keras.layers.Dropout', keep],
    ['keras.layers.Identity', keep],
    ['keras.layers.Lambda', { out: 'keep', fn: { pos: 0, kw: 'function' } }],
    ['keras.layers.Flatten', keep],
    ['keras.layers.Reshape', keep],
  ]),
  containers: new Map([['keras.Sequential', { layers: arg(0, 'layers'), add: 'add' }]]),
  functionalModels: new Map([['keras.Model', { output: arg(1, 'outputs') }]]),
  modelCallMethods: ['predict', 'call'],
  // Integer class ids; imdb's are {0, 1}.
  datasets: new Map([
    ['keras.datasets.mnist.load_data', 'class-indices'],
    ['keras.datasets.fashion_mnist.load_data', 'class-indices'],
    ['keras.datasets.cifar10.load_data', 'class-indices'],
    ['keras.datasets.cifar100.load_data', 'class-indices'],
    ['keras.datasets.reuters.load_data', 'class-indices'],
    ['keras.datasets.imdb.load_data', 'labels01'],
  ]),
  modelBases: ['keras.Model', 'keras.Sequential'],
  compile: { loss: arg(1, 'loss'), fit: { method: 'fit', y: arg(1, 'y'), classWeight: arg(99, 'class_weight') } },
  softmaxAxis: 'default-last',
  shortNames: [['keras.layers.', '']],
  advice: {
    fromLogitsLosses: {
      binary: 'keras.losses.BinaryCrossentropy',
      categorical: 'keras.losses.CategoricalCrossentropy',
      sparseCategorical: 'keras.losses.SparseCategoricalCrossentropy',
    },
    logSoftmax: 'keras.ops.log_softmax',
    logSigmoid: 'keras.ops.log_sigmoid',
    bceWithLogits: {
      class: 'keras.losses.BinaryCrossentropy(from_logits=True)',
      function: 'keras.losses.binary_crossentropy(…, from_logits=True)',
    },
    crossEntropyWithLogits: 'keras.losses.CategoricalCrossentropy(from_logits=True)',
    sparseCrossEntropy: "'sparse_categorical_crossentropy'",
    multiLabel: 'binary cross-entropy with `from_logits=True`',
    binaryHead: 'a sigmoid unit with binary cross-entropy (`from_logits=True` on a linear unit)',
    // keras/src/backend/tensorflow/nn.py `_get_logits`: softmax and sigmoid outputs carry `_keras_logits`.
    activationTwice:
      'On the TensorFlow backend Keras warns and uses the logits the activation was given instead, when the activation is the last operation; the JAX and PyTorch backends of Keras 3 do not.',
  },
  losses: kerasLosses,
  compileLossPaths: kerasCompileLossPaths,
};
