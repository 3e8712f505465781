// TensorFlow.js (`@tensorflow/tfjs`, `-node`, `-core`, …, all canonicalised to `tfjs.*`).
import type { ActivationSpec, FrameworkPack, LayerSpec } from '../types';
import { arg } from '../losses-table';
import { tfjsCompileLossStrings, tfjsLosses } from './losses';

const SIGMOID: ActivationSpec = { kind: 'probs-sigmoid', act: 'sigmoid' };
const keep: LayerSpec = { out: 'keep' };
/** TF.js layers take one options object: `tf.layers.dense({ units, activation })`. */
const option = (kw: string) => ({ pos: 99, kw });

export const tfjsPack: FrameworkPack = {
  id: 'tfjs',
  language: 'typescript',
  framework: 'tfjs',
  roots: ['tfjs'],
  imports: [{ module: '@tensorflow/tfjs', root: 'tfjs', prefix: true }],
  activations: new Map([
    ['tfjs.softmax', { kind: 'probs-softmax', act: 'softmax', dim: { pos: 1, kw: 'dim' } }],
    ['tfjs.logSoftmax', { kind: 'log-probs', act: 'log_softmax', dim: { pos: 1, kw: 'axis' } }],
    ['tfjs.sigmoid', SIGMOID],
    ['tfjs.logSigmoid', { kind: 'log-sigmoid', act: 'logsigmoid' }],
    ['tfjs.oneHot', { kind: 'one-hot', act: 'other' }],
    ['tfjs.argMax', { kind: 'class-indices', act: 'other', dim: { pos: 1, kw: 'axis' } }],
    ['tfjs.relu', { kind: 'unknown', act: 'other', range: [0, Infinity] }],
    ['tfjs.relu6', { kind: 'unknown', act: 'other', range: [0, 6] }],
    ['tfjs.softplus', { kind: 'unknown', act: 'other', range: [0, Infinity] }],
    ['tfjs.abs', { kind: 'unknown', act: 'other', range: [0, Infinity] }],
    ['tfjs.tanh', { kind: 'unknown', act: 'other', range: [-1, 1] }],
  ]),
  activationMethods: new Map<string, ActivationSpec>([
    ['logSoftmax', { kind: 'log-probs', act: 'log_softmax', dim: { pos: 0, kw: 'axis' } }],
    ['logSigmoid', { kind: 'log-sigmoid', act: 'logsigmoid' }],
    ['argMax', { kind: 'class-indices', act: 'other' }],
  ]),
  activationNames: new Map<string, ActivationSpec>([
    ['softmax', { kind: 'probs-softmax', act: 'softmax' }],
    ['sigmoid', SIGMOID],
    ['logSoftmax', { kind: 'log-probs', act: 'log_softmax' }],
    ['linear', { kind: 'logits', act: 'other', identity: true }],
    ['relu', { kind: 'unknown', act: 'other', range: [0, Infinity] }],
    ['relu6', { kind: 'unknown', act: 'other', range: [0, 6] }],
    ['softplus', { kind: 'unknown', act: 'other', range: [0, Infinity] }],
    ['tanh', { kind: 'unknown', act: 'other', range: [-1, 1] }],
  ]),
  kindKeeping: ['tfjs.reshape', 'tfjs.squeeze', 'tfjs.expandDims', 'tfjs.clipByValue', 'tfjs.cast'],
  kindKeepingMethods: ['as', 'asType', 'expandDims', 'clipByValue', 'dataSync', 'arraySync'],
  clampOps: ['clipByValue'],
  shapeOps: ['reshape', 'squeeze', 'expandDims'],
  means: new Map([['tfjs.mean', arg(1, 'axis')]]),
  axisMeanMethods: new Map([['mean', arg(0, 'axis')]]),
  matrixProducts: ['tfjs.matMul'],
  matrixProductMethods: ['matMul'],
  logFunctions: ['tfjs.log'],
  expFunctions: ['tfjs.exp'],
  layers: new Map<string, LayerSpec>([
    ['tfjs.layers.dense', { out: 'linear', units: option('units'), activation: option('activation') }],
    ['tfjs.layers.softmax', { out: 'probs-softmax', act: 'softmax' }],
    ['tfjs.layers.activation', { out: 'keep', activation: option('activation') }],
    ['tfjs.layers.conv1d', { out: 'linear', activation: option('activation') }],
    ['tfjs.layers.conv2d', { out: 'linear', activation: option('activation') }],
    ['tfjs.layers.dropout', keep],
    ['tfjs.layers.flatten', keep],
    ['tfjs.layers.reshape', keep],
  ]),
  containers: new Map([['tfjs.sequential', { layers: arg(99, 'layers'), add: 'add' }]]),
  functionalModels: new Map([['tfjs.model', { output: arg(99, 'outputs') }]]),
  modelCallMethods: ['predict', 'apply'],
  compile: { loss: arg(99, 'loss'), fit: { method: 'fit', y: arg(1, 'y'), classWeight: arg(99, 'classWeight') } },
  callThrough: ['tfjs.tidy'],
  productFunctions: ['tfjs.mul'],
  gradientFunctions: new Map([
    ['tfjs.grad', { arg: 0, callable: true }],
    ['tfjs.grads', { arg: 0, callable: true }],
    ['tfjs.valueAndGrad', { arg: 0, callable: true }],
    ['tfjs.valueAndGrads', { arg: 0, callable: true }],
    ['tfjs.variableGrads', { arg: 0, callable: true }],
  ]),
  literalTensors: ['tfjs.tensor', 'tfjs.tensor1d', 'tfjs.tensor2d'],
  optionsObject: true,
  softmaxAxis: 'default-last',
  shortNames: [['tfjs.', 'tf.']],
  advice: {
    logSoftmax: 'tf.logSoftmax',
    logSigmoid: 'tf.logSigmoid',
    bceWithLogits: { class: 'tf.losses.sigmoidCrossEntropy', function: 'tf.losses.sigmoidCrossEntropy' },
    crossEntropyWithLogits: 'tf.losses.softmaxCrossEntropy',
    sparseCrossEntropy: "'sparseCategoricalCrossentropy'",
    multiLabel: 'tf.losses.sigmoidCrossEntropy',
    binaryHead: 'a sigmoid unit with binaryCrossentropy (`tf.losses.sigmoidCrossEntropy` on a linear unit)',
  },
  losses: tfjsLosses,
  compileLossStrings: tfjsCompileLossStrings,
};
