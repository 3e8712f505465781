// Framework functions and layers that produce or keep a value kind.
import type { Kind } from '../values';

export interface ActivationSpec {
  kind: Kind;
  /** softmax family: where the axis argument is */
  dim?: { pos: number; kw: string };
  /** what the activation is, for rules: softmax / log_softmax / sigmoid / logsigmoid */
  act: 'softmax' | 'log_softmax' | 'sigmoid' | 'logsigmoid' | 'other';
}

const SOFTMAX_T: ActivationSpec = { kind: 'probs-softmax', act: 'softmax', dim: { pos: 1, kw: 'dim' } };
const LOGSOFTMAX_T: ActivationSpec = { kind: 'log-probs', act: 'log_softmax', dim: { pos: 1, kw: 'dim' } };
const SOFTMAX_TF: ActivationSpec = { kind: 'probs-softmax', act: 'softmax', dim: { pos: 1, kw: 'axis' } };
const SIGMOID: ActivationSpec = { kind: 'probs-sigmoid', act: 'sigmoid' };

/** Functions called on a tensor that produce a kind. */
export const ACTIVATION_FUNCTIONS: ReadonlyMap<string, ActivationSpec> = new Map([
  ['torch.softmax', SOFTMAX_T],
  ['torch.nn.functional.softmax', SOFTMAX_T],
  ['torch.log_softmax', LOGSOFTMAX_T],
  ['torch.nn.functional.log_softmax', LOGSOFTMAX_T],
  ['torch.sigmoid', SIGMOID],
  ['torch.nn.functional.logsigmoid', { kind: 'log-sigmoid', act: 'logsigmoid' }],
  ['tf.nn.softmax', SOFTMAX_TF],
  ['tf.nn.log_softmax', { kind: 'log-probs', act: 'log_softmax', dim: { pos: 1, kw: 'axis' } }],
  ['tf.sigmoid', SIGMOID],
  ['tf.log_sigmoid', { kind: 'log-sigmoid', act: 'logsigmoid' }],
  ['keras.activations.softmax', SOFTMAX_TF],
  ['keras.activations.sigmoid', SIGMOID],
  ['keras.ops.softmax', SOFTMAX_TF],
  ['keras.ops.sigmoid', SIGMOID],
  ['keras.ops.log_softmax', { kind: 'log-probs', act: 'log_softmax', dim: { pos: 1, kw: 'axis' } }],
  ['tfjs.softmax', { kind: 'probs-softmax', act: 'softmax', dim: { pos: 1, kw: 'dim' } }],
  ['tfjs.logSoftmax', { kind: 'log-probs', act: 'log_softmax', dim: { pos: 1, kw: 'axis' } }],
  ['tfjs.sigmoid', SIGMOID],
  ['tfjs.logSigmoid', { kind: 'log-sigmoid', act: 'logsigmoid' }],
  ['torch.nn.functional.one_hot', { kind: 'one-hot', act: 'other' }],
  ['keras.utils.to_categorical', { kind: 'one-hot', act: 'other' }],
  ['tf.one_hot', { kind: 'one-hot', act: 'other' }],
  ['tfjs.oneHot', { kind: 'one-hot', act: 'other' }],
  ['torch.argmax', { kind: 'class-indices', act: 'other' }],
  ['tf.argmax', { kind: 'class-indices', act: 'other' }],
  ['tfjs.argMax', { kind: 'class-indices', act: 'other' }],
  ['torch.nn.functional.cosine_similarity', { kind: 'bounded', act: 'other' }],
  ['torch.cosine_similarity', { kind: 'bounded', act: 'other' }],
]);

/** Tensor methods (`x.softmax(1)`, `logits.sigmoid()`) for torch and TF.js alike. */
export const ACTIVATION_METHODS: ReadonlyMap<string, ActivationSpec> = new Map([
  ['softmax', { kind: 'probs-softmax', act: 'softmax', dim: { pos: 0, kw: 'dim' } }],
  ['log_softmax', { kind: 'log-probs', act: 'log_softmax', dim: { pos: 0, kw: 'dim' } }],
  ['logSoftmax', { kind: 'log-probs', act: 'log_softmax', dim: { pos: 0, kw: 'axis' } }],
  ['sigmoid', SIGMOID],
  ['sigmoid_', SIGMOID],
  ['logSigmoid', { kind: 'log-sigmoid', act: 'logsigmoid' }],
  ['argmax', { kind: 'class-indices', act: 'other' }],
  ['argMax', { kind: 'class-indices', act: 'other' }],
]);

/** Functions whose result has the kind of their first argument (shape, dtype and device changes, clamping). */
export const KIND_KEEPING_FUNCTIONS = new Set([
  'torch.clamp', 'torch.clip', 'torch.squeeze', 'torch.unsqueeze', 'torch.flatten', 'torch.reshape',
  'torch.permute', 'torch.transpose', 'torch.as_tensor', 'tf.reshape', 'tf.squeeze', 'tf.expand_dims',
  'tf.clip_by_value', 'tf.cast', 'tf.identity', 'tf.stop_gradient', 'tfjs.reshape', 'tfjs.squeeze', 'tfjs.expandDims',
  'tfjs.clipByValue', 'tfjs.cast', 'numpy.clip', 'numpy.squeeze',
]);

/** Tensor methods that keep the kind (DESIGN.md §4 transfer functions). */
export const KIND_KEEPING_METHODS = new Set([
  'view', 'reshape', 'squeeze', 'unsqueeze', 'float', 'double', 'half', 'long', 'int', 'to', 'detach', 'cpu', 'cuda',
  'contiguous', 'clone', 'flatten', 'permute', 'transpose', 'type', 'type_as', 'view_as', 'reshape_as', 'clamp', 'clamp_',
  'clip', 'squeeze_', 'unsqueeze_', 'numpy', 'as', 'asType', 'expandDims', 'clipByValue', 'dataSync', 'arraySync', 'T',
]);

/** Functions applying log / exp elementwise (LL008/LL009 look at log). */
export const LOG_FUNCTIONS = new Set(['torch.log', 'tf.log', 'tfjs.log', 'numpy.log', 'keras.ops.log']);
export const EXP_FUNCTIONS = new Set(['torch.exp', 'tf.exp', 'tfjs.exp', 'numpy.exp', 'keras.ops.exp']);

export interface LayerSpec {
  /** Kind the layer outputs; 'keep' = passes its input's kind through; 'linear' = unbounded (logits) unless an activation argument says otherwise. */
  out: Kind | 'keep' | 'linear';
  act?: ActivationSpec['act'];
  /** Argument holding the output size (Linear out_features, Dense units). */
  units?: { pos: number; kw: string };
  /** Argument holding the activation (Keras / TF.js). */
  activation?: { pos: number; kw: string };
  dim?: { pos: number; kw: string };
}

const keep: LayerSpec = { out: 'keep' };
export const LAYERS: ReadonlyMap<string, LayerSpec> = new Map<string, LayerSpec>([
  ['torch.nn.Softmax', { out: 'probs-softmax', act: 'softmax', dim: { pos: 0, kw: 'dim' } }],
  ['torch.nn.LogSoftmax', { out: 'log-probs', act: 'log_softmax', dim: { pos: 0, kw: 'dim' } }],
  ['torch.nn.Sigmoid', { out: 'probs-sigmoid', act: 'sigmoid' }],
  ['torch.nn.LogSigmoid', { out: 'log-sigmoid', act: 'logsigmoid' }],
  ['torch.nn.Linear', { out: 'linear', units: { pos: 1, kw: 'out_features' } }],
  ['torch.nn.LazyLinear', { out: 'linear', units: { pos: 0, kw: 'out_features' } }],
  ['torch.nn.Bilinear', { out: 'linear', units: { pos: 2, kw: 'out_features' } }],
  ['torch.nn.Conv1d', { out: 'linear' }], ['torch.nn.Conv2d', { out: 'linear' }], ['torch.nn.Conv3d', { out: 'linear' }],
  ['torch.nn.Dropout', keep], ['torch.nn.Dropout1d', keep], ['torch.nn.Dropout2d', keep], ['torch.nn.Flatten', keep],
  ['torch.nn.Identity', keep], ['torch.nn.Unflatten', keep],
  ['keras.layers.Dense', { out: 'linear', units: { pos: 0, kw: 'units' }, activation: { pos: 1, kw: 'activation' } }],
  ['keras.layers.Softmax', { out: 'probs-softmax', act: 'softmax', dim: { pos: 0, kw: 'axis' } }],
  ['keras.layers.Activation', { out: 'keep', activation: { pos: 0, kw: 'activation' } }],
  ['keras.layers.Conv1D', { out: 'linear', activation: { pos: 99, kw: 'activation' } }],
  ['keras.layers.Conv2D', { out: 'linear', activation: { pos: 99, kw: 'activation' } }],
  ['keras.layers.Dropout', keep], ['keras.layers.Flatten', keep], ['keras.layers.Reshape', keep],
  ['tfjs.layers.dense', { out: 'linear', units: { pos: 99, kw: 'units' }, activation: { pos: 99, kw: 'activation' } }],
  ['tfjs.layers.softmax', { out: 'probs-softmax', act: 'softmax' }],
  ['tfjs.layers.activation', { out: 'keep', activation: { pos: 99, kw: 'activation' } }],
  ['tfjs.layers.conv1d', { out: 'linear', activation: { pos: 99, kw: 'activation' } }],
  ['tfjs.layers.conv2d', { out: 'linear', activation: { pos: 99, kw: 'activation' } }],
  ['tfjs.layers.dropout', keep], ['tfjs.layers.flatten', keep], ['tfjs.layers.reshape', keep],
]);

/** Activation names as Keras / TF.js accept them in `activation=`. */
export const ACTIVATION_NAMES: ReadonlyMap<string, ActivationSpec> = new Map([
  ['softmax', { kind: 'probs-softmax', act: 'softmax' }],
  ['sigmoid', SIGMOID],
  ['log_softmax', { kind: 'log-probs', act: 'log_softmax' }],
  ['logSoftmax', { kind: 'log-probs', act: 'log_softmax' }],
  ['linear', { kind: 'logits', act: 'other' }],
]);

export const CONTAINERS = new Set(['torch.nn.Sequential', 'keras.Sequential', 'tfjs.sequential']);
export const FUNCTIONAL_MODELS = new Set(['keras.Model', 'tfjs.model']);
