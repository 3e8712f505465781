// JAX: jax.nn activations (axis=-1 by default), jax.numpy (`jnp`) logs, clips and reshapes, and the
// function transforms (jit, vmap, grad…) that keep the functions they are given analysable. Flax and
// optax are packs of their own that speak JAX too: the advice for all three is here.
import type { ActivationSpec, FrameworkPack } from '../types';
import { arg } from '../losses-table';

const axis = { pos: 1, kw: 'axis' };
const SOFTMAX: ActivationSpec = { kind: 'probs-softmax', act: 'softmax', dim: axis };
const LOG_SOFTMAX: ActivationSpec = { kind: 'log-probs', act: 'log_softmax', dim: axis };
const SIGMOID: ActivationSpec = { kind: 'probs-sigmoid', act: 'sigmoid' };
const fun = arg(0, 'fun');

export const jaxPack: FrameworkPack = {
  id: 'jax',
  language: 'python',
  framework: 'jax',
  markers: ['\\bjax\\b'],
  roots: ['jax'],
  imports: [{ module: 'jax', root: 'jax' }],
  rewrites: [
    { from: 'jax.nn.functions.', to: 'jax.nn.' },
    { from: 'jax._src.nn.functions.', to: 'jax.nn.' },
    { from: 'jax.scipy.special.expit', to: 'jax.nn.sigmoid' },
  ],
  activations: new Map<string, ActivationSpec>([
    ['jax.nn.softmax', SOFTMAX],
    ['jax.nn.log_softmax', LOG_SOFTMAX],
    ['jax.nn.sigmoid', SIGMOID],
    ['jax.nn.log_sigmoid', { kind: 'log-sigmoid', act: 'logsigmoid' }],
    ['jax.nn.one_hot', { kind: 'one-hot', act: 'other' }],
    ['jax.numpy.argmax', { kind: 'class-indices', act: 'other' }],
  ]),
  kindKeeping: [
    'jax.numpy.clip',
    'jax.numpy.squeeze',
    'jax.numpy.reshape',
    'jax.numpy.expand_dims',
    'jax.numpy.asarray',
    'jax.lax.stop_gradient',
  ],
  clampOps: ['clip'],
  shapeOps: ['squeeze', 'reshape', 'expand_dims'],
  logFunctions: ['jax.numpy.log'],
  expFunctions: ['jax.numpy.exp'],
  literalTensors: ['jax.numpy.array'],
  // jit, vmap and friends return the function itself, as far as kinds go: calling the result calls it.
  wrappers: new Map([
    ['jax.jit', fun],
    ['jax.vmap', fun],
    ['jax.pmap', fun],
    ['jax.checkpoint', fun],
    ['jax.remat', fun],
  ]),
  gradientTransforms: new Map([
    ['jax.grad', fun],
    ['jax.value_and_grad', fun],
  ]),
  softmaxAxis: 'default-last',
  shortNames: [['jax.numpy.', 'jnp.']],
  advice: {
    logSoftmax: 'jax.nn.log_softmax',
    logSigmoid: 'jax.nn.log_sigmoid',
    bceWithLogits: { class: 'optax.sigmoid_binary_cross_entropy', function: 'optax.sigmoid_binary_cross_entropy' },
    crossEntropyWithLogits: 'optax.softmax_cross_entropy',
    multiLabel: 'optax.sigmoid_binary_cross_entropy',
    binaryHead: 'optax.sigmoid_binary_cross_entropy on one output unit',
    integerLabels: 'use optax.softmax_cross_entropy_with_integer_labels, or one-hot encode them with jax.nn.one_hot',
  },
};
