// optax: the losses (optax.losses.* and their optax.* re-exports). The activations they are fed come
// from jax.nn (the jax pack), whose advice the findings use.
import type { FrameworkPack } from '../types';
import { optaxLosses } from './losses';

export const optaxPack: FrameworkPack = {
  id: 'optax',
  language: 'python',
  framework: 'jax',
  markers: ['\\boptax\\b'],
  roots: ['optax'],
  imports: [{ module: 'optax', root: 'optax' }],
  rewrites: [
    { from: 'optax.losses.', to: 'optax.', prefixOnly: true },
    { from: 'optax._src.loss.', to: 'optax.', prefixOnly: true },
  ],
  losses: optaxLosses,
};
