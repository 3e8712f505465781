// Flax: linen modules (`nn.Dense(features)`, `@nn.compact def __call__`, `setup`, `model.apply(variables,
// x)`), NNX modules (`nnx.Linear(in, out, rngs=…)`, called directly) and `flax.training.train_state`.
// Flax's activations are jax.nn's, re-exported: they alias to the jax pack's paths. Messages speak JAX.
import type { FrameworkPack, LayerSpec } from '../types';
import { arg } from '../losses-table';

const keep: LayerSpec = { out: 'keep' };
const fun = arg(0, 'f');

/** The jax.nn functions linen and NNX re-export under their own names. */
const REEXPORTED = ['softmax', 'log_softmax', 'sigmoid', 'log_sigmoid', 'one_hot'];

export const flaxPack: FrameworkPack = {
  id: 'flax',
  language: 'python',
  framework: 'jax',
  markers: ['\\bflax\\b'],
  roots: ['flax'],
  imports: [{ module: 'flax', root: 'flax' }],
  rewrites: [
    { from: 'flax.linen.activation.', to: 'flax.linen.' },
    { from: 'flax.linen.linear.', to: 'flax.linen.' },
    { from: 'flax.linen.module.', to: 'flax.linen.' },
    { from: 'flax.linen.combinators.', to: 'flax.linen.' },
    { from: 'flax.linen.stochastic.', to: 'flax.linen.' },
    { from: 'flax.nnx.nn.activations.', to: 'flax.nnx.' },
    { from: 'flax.nnx.nn.linear.', to: 'flax.nnx.' },
    { from: 'flax.nnx.nn.stochastic.', to: 'flax.nnx.' },
    { from: 'flax.nnx.module.', to: 'flax.nnx.' },
    { from: 'flax.nnx.helpers.', to: 'flax.nnx.' },
  ],
  aliases: new Map(REEXPORTED.flatMap(n => [[`flax.linen.${n}`, `jax.nn.${n}`] as const, [`flax.nnx.${n}`, `jax.nn.${n}`] as const])),
  layers: new Map<string, LayerSpec>([
    ['flax.linen.Dense', { out: 'linear', units: { pos: 0, kw: 'features' } }],
    ['flax.linen.DenseGeneral', { out: 'linear' }],
    ['flax.linen.Conv', { out: 'linear' }],
    ['flax.linen.Dropout', keep],
    ['flax.nnx.Linear', { out: 'linear', units: { pos: 1, kw: 'out_features' } }],
    ['flax.nnx.LinearGeneral', { out: 'linear' }],
    ['flax.nnx.Conv', { out: 'linear' }],
    ['flax.nnx.Dropout', keep],
  ]),
  containers: new Map([
    ['flax.linen.Sequential', { layers: arg(0, 'layers') }],
    ['flax.nnx.Sequential', { layers: 'positional' as const }],
  ]),
  moduleBases: ['flax.linen.Module'],
  apply: {
    method: 'apply',
    skip: 1,
    otherMethod: ['method'],
    withState: ['mutable', 'capture_intermediates'],
    consumed: ['rngs', 'mutable', 'capture_intermediates', 'method'],
  },
  setupMethod: 'setup',
  records: new Map([['flax.training.train_state.TrainState.create', { copies: ['replace', 'apply_gradients'] }]]),
  wrappers: new Map([
    ['flax.nnx.jit', arg(0, 'fun')],
    ['flax.nnx.vmap', fun],
    ['flax.nnx.remat', fun],
  ]),
  gradientTransforms: new Map([
    ['flax.nnx.grad', fun],
    ['flax.nnx.value_and_grad', fun],
  ]),
  softmaxAxis: 'default-last',
  shortNames: [
    ['flax.linen.', 'nn.'],
    ['flax.nnx.', 'nnx.'],
  ],
};
