// Bounds on the probabilities bounded logits can reach, against values derived by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sigmoidRange, softmaxCeiling } from '../../../core/src/knowledge/logit-bounds';

test('tanh logits over 10 classes: p ≤ e / (e + 9/e) = e² / (e² + 9) ≈ 0.4508', () => {
  const e2 = Math.E * Math.E;
  assert.ok(Math.abs(softmaxCeiling(-1, 1, 10) - e2 / (e2 + 9)) < 1e-12);
  assert.equal(softmaxCeiling(-1, 1, 10).toFixed(2), '0.45');
});

test('ReLU6 logits over 10 classes: p ≤ e⁶ / (e⁶ + 9) ≈ 0.978; unbounded above: no ceiling', () => {
  assert.ok(Math.abs(softmaxCeiling(0, 6, 10) - Math.exp(6) / (Math.exp(6) + 9)) < 1e-12);
  assert.equal(softmaxCeiling(0, Infinity, 10), 1);
  assert.equal(softmaxCeiling(-1, 1, 1), 1);
});

test('sigmoid of a non-negative logit is at least 0.5; of a tanh logit within [0.269, 0.731]', () => {
  assert.deepEqual(sigmoidRange(0, Infinity), [0.5, 1]);
  const [lo, hi] = sigmoidRange(-1, 1);
  assert.ok(Math.abs(lo - 1 / (1 + Math.E)) < 1e-12 && Math.abs(hi - Math.E / (1 + Math.E)) < 1e-12);
});
