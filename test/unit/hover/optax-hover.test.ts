// Hovers over optax losses go through the same machinery as every framework's: the loss, its
// parameters as written (keyword-only ones included) and numbers computed by core for literal calls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workspaceOf } from '../../helpers/analysis';
import { buildHoverIndex, hoverAt, type LossHover } from '../../../server/src/hover/index';

const PY = `import jax.numpy as jnp
import optax

def losses(pred, target, logits, labels):
    a = optax.huber_loss(pred, target, delta=0.5)
    b = optax.softmax_cross_entropy(jnp.array([[2.0, 0.0, -1.0]]), jnp.array([[1.0, 0.0, 0.0]]))
    c = optax.softmax_cross_entropy_with_integer_labels(logits, labels, axis=1)
    d = optax.sigmoid_focal_loss(logits, labels, gamma=3.0)
    e = optax.log_cosh(jnp.array([0.0, 2.0]), jnp.array([0.0, 0.0]))
    f = optax.safe_softmax_cross_entropy(logits, labels)
    return a, b, c, d, e, f
`;

async function lossHover(probe: string): Promise<LossHover & { markdown: string }> {
  const { ws, uriOf } = await workspaceOf({ 'train.py': PY });
  const index = buildHoverIndex(ws.inspect(uriOf('train.py')), uriOf('train.py'));
  const at = PY.indexOf(probe);
  assert.ok(at >= 0, probe);
  const r = hoverAt(index, PY, at + 7, { plots: 'image' });
  assert.ok(r, `a hover at ${probe}`);
  assert.equal(r.model.type, 'loss');
  return { ...(r.model as LossHover), markdown: r.markdown };
}

test('hover: optax losses name their framework and their parameters as written', async () => {
  const huber = await lossHover('optax.huber_loss');
  assert.equal(huber.entry.id, 'huberLoss');
  assert.equal(huber.origin, 'JAX');
  assert.match(huber.markdown, /optax\.huber_loss/);
  assert.match(huber.markdown, /JAX/);
  assert.equal(huber.params.find(p => p.name === 'delta')?.value, '`0.5`');
  assert.deepEqual(huber.curveParams, { delta: 0.5 });
  const focal = await lossHover('optax.sigmoid_focal_loss');
  assert.equal(focal.entry.id, 'sigmoidFocalLoss');
  assert.equal(focal.params.find(p => p.name === 'gamma')?.value, '`3.0`');
});

test('hover: a literal optax softmax cross-entropy is evaluated per example; axis= is not', async () => {
  const ce = await lossHover('optax.softmax_cross_entropy(jnp');
  // −log softmax([2, 0, −1])₀ = log(1 + e^−2 + e^−3) ≈ 0.1698, one value per row (optax does not reduce)
  assert.ok(ce.literal, 'evaluated');
  assert.ok(Math.abs(ce.literal.value[0] - 0.16984) < 1e-4, String(ce.literal.value));
  const sparse = await lossHover('optax.softmax_cross_entropy_with_integer_labels');
  assert.equal(sparse.entry.id, 'sparseCrossEntropy');
  assert.equal(sparse.literal, undefined);
});

test('hover: the optax losses core added have their own entries and numbers', async () => {
  const lc = await lossHover('optax.log_cosh');
  assert.equal(lc.entry.id, 'logCosh');
  // log cosh 2 = 2 + log1p(e^−4) − log 2 ≈ 1.3250, elementwise like optax
  assert.ok(lc.literal, 'evaluated');
  assert.deepEqual(
    lc.literal.value.map(v => Math.round(v * 1e4) / 1e4),
    [0, 1.325],
  );
  assert.equal((await lossHover('optax.safe_softmax_cross_entropy')).entry.id, 'safeSoftmaxCrossEntropy');
});
