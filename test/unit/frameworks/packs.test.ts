// The framework packs are the engine's only source of framework knowledge: these tests hold the
// packs to what the engine and the hovers assume of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getCatalogEntry } from '../../../core/src/index';
import {
  ACTIVATION_FUNCTIONS,
  CONTAINERS,
  FUNCTIONAL_MODELS,
  LAYERS,
  LOSS_SPECS,
  PACKS,
  PATH_REWRITES,
  frameworkOf,
  packOf,
  shortName,
} from '../../../server/src/frameworks/registry';
import { frameworkModule, normalizePath } from '../../../server/src/frameworks/symbols';

test('every path a pack defines belongs to that pack (packOf finds it by its root)', () => {
  for (const p of PACKS) {
    const paths = [
      ...(p.losses ?? []).map(s => s.path),
      ...(p.activations?.keys() ?? []),
      ...(p.layers?.keys() ?? []),
      ...(p.containers?.keys() ?? []),
      ...(p.functionalModels?.keys() ?? []),
      ...(p.kindKeeping ?? []),
      ...(p.wrappers?.keys() ?? []),
      ...(p.tensorFactories?.keys() ?? []),
      ...(p.literalTensors ?? []),
      ...(p.logFunctions ?? []),
      ...(p.expFunctions ?? []),
      ...(p.implicitAxis ?? []),
    ];
    for (const path of paths) assert.equal(packOf(path)?.id, p.id, `${path} is listed by ${p.id} but belongs to ${packOf(path)?.id}`);
  }
});

test('pack tables are canonical: a defined path is its own normal form', () => {
  for (const path of [
    ...LOSS_SPECS.keys(),
    ...ACTIVATION_FUNCTIONS.keys(),
    ...LAYERS.keys(),
    ...CONTAINERS.keys(),
    ...FUNCTIONAL_MODELS.keys(),
  ]) {
    assert.equal(normalizePath(path), path, `${path} would be rewritten to ${normalizePath(path)} and never be found`);
  }
});

test('loss specs: a framework, a core catalog entry when named, and parameters that feed catalog parameters', () => {
  for (const spec of LOSS_SPECS.values()) {
    assert.equal(frameworkOf(spec.path), spec.framework, spec.path);
    if (!spec.coreId) continue;
    const entry = getCatalogEntry(spec.coreId);
    assert.ok(entry, `${spec.path}: core has no catalog entry ${spec.coreId}`);
    for (const p of spec.params) {
      if (p.catalog)
        assert.ok(
          entry.params.some(c => c.name === p.catalog),
          `${spec.path}: ${p.name} feeds ${p.catalog}, which ${spec.coreId} does not have`,
        );
    }
    const positions = spec.params.map(p => p.pos).filter((x): x is number => x !== undefined);
    assert.equal(new Set(positions).size, positions.length, `${spec.path}: two parameters share a position`);
  }
});

test('imports map to their pack root, and rewrites never leave a pack root', () => {
  const table: [string, string | undefined][] = [
    ['torch', 'torch'],
    ['torch.nn.functional', 'torch.nn.functional'],
    ['torchvision.ops', 'torchvision.ops'],
    ['tensorflow', 'tf'],
    ['tensorflow.keras.layers', 'keras.layers'],
    ['tf_keras.losses', 'keras.losses'],
    ['keras.src.losses', 'keras.losses'],
    ['@tensorflow/tfjs', 'tfjs'],
    ['@tensorflow/tfjs-node', 'tfjs'],
    ['numpy', 'numpy'],
    ['jax', 'jax'],
    ['jax.numpy', 'jax.numpy'],
    ['flax.linen', 'flax.linen'],
    ['flax.training.train_state', 'flax.training.train_state'],
    ['optax', 'optax'],
    ['optax.losses', 'optax.losses'],
    ['sklearn.metrics', undefined],
  ];
  for (const [module, expected] of table) assert.equal(frameworkModule(module), expected, module);
  for (const r of PATH_REWRITES) assert.ok(packOf(r.to.replace(/\.$/, '')), `rewrite ${r.from} → ${r.to} leaves every pack`);
});

test('canonical names and short names', () => {
  const table: [string, string][] = [
    ['tf.keras.losses.CategoricalCrossentropy', 'keras.losses.CategoricalCrossentropy'],
    ['tf.losses.softmax_cross_entropy', 'tf.losses.softmax_cross_entropy'],
    ['tf.losses.BinaryCrossentropy', 'keras.losses.BinaryCrossentropy'],
    ['tf.math.softmax', 'tf.nn.softmax'],
    ['tf.nn.sigmoid', 'tf.sigmoid'],
    ['tf.compat.v1.nn.softmax', 'tf.nn.softmax'],
    ['torch.special.expit', 'torch.sigmoid'],
    ['torch.nn.modules.loss.BCELoss', 'torch.nn.BCELoss'],
    ['keras.models.Sequential', 'keras.Sequential'],
    ['optax.losses.softmax_cross_entropy', 'optax.softmax_cross_entropy'],
    ['flax.linen.softmax', 'jax.nn.softmax'],
    ['flax.nnx.nn.linear.Linear', 'flax.nnx.Linear'],
  ];
  for (const [from, to] of table) assert.equal(normalizePath(from), to, from);
  assert.equal(shortName('torch.nn.functional.softmax'), 'F.softmax');
  assert.equal(shortName('torch.nn.Softmax'), 'nn.Softmax');
  assert.equal(shortName('tfjs.layers.dense'), 'tf.layers.dense');
  assert.equal(shortName('keras.layers.Dense'), 'Dense');
});

test('a pack defines each path once across all packs (registry merge)', async () => {
  // registry.ts throws at load when two packs define the same key; loading it here proves there is none.
  const registry = await import('../../../server/src/frameworks/registry');
  assert.ok(registry.PACKS.length >= 5);
  assert.deepEqual(
    registry.PACKS.map(p => p.id),
    [...new Set(registry.PACKS.map(p => p.id))],
  );
});
