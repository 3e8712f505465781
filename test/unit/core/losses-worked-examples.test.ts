// The worked numbers of the loss reference, reproduced with the core losses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crossEntropy, l1Loss, mseLoss, nllLoss, sigmoidFocalLoss, softmaxFocalLoss } from '../../../core/src/losses';
import { assertAllClose, scalar, t } from './lossTestUtils';

test('one outlier: MSE 3136.33 vs MAE 32.33 on [1, 2, 100] vs [1, 2, 3]', () => {
  const pred = t([1, 2, 100]);
  const truth = t([1, 2, 3]);
  assert.equal(scalar(mseLoss(pred, truth)).toFixed(2), '3136.33');
  assert.equal(scalar(l1Loss(pred, truth)).toFixed(2), '32.33');
  // The outlier gets all of the MSE gradient (2·97/3) but only a bounded 1/3 from MAE.
  const gMse = mseLoss(pred, truth).grads[0]!.data;
  const gMae = l1Loss(pred, truth).grads[0]!.data;
  assertAllClose(gMse, [0, 0, (2 * 97) / 3], 'MSE gradient');
  assertAllClose(gMae, [0, 0, 1 / 3], 'MAE gradient');
});

test('cross-entropy 0.69 vs 0.22 for p = [0.5, 0.3, 0.2] vs [0.8, 0.1, 0.1], true class 0', () => {
  // softmax(log p) = p, so log-probabilities are valid logits.
  const logits = t([0.5, 0.3, 0.2, 0.8, 0.1, 0.1].map(Math.log), [2, 3]);
  const perRow = crossEntropy(logits, t([0, 0]), { reduction: 'none' }).loss.data;
  assert.equal(perRow[0].toFixed(2), '0.69');
  assert.equal(perRow[1].toFixed(2), '0.22');
  assert.ok(Math.abs(perRow[0] / perRow[1] - 3.1) < 0.05, 'ratio ≈ 3.1');
  const nll = nllLoss(logits, t([0, 0]), { reduction: 'none' }).loss.data;
  assert.deepEqual(
    Array.from(nll),
    Array.from(perRow).map((_, i) => -logits.data[i * 3] as number),
  );
  // dCE/dz = p − onehot
  const g = crossEntropy(logits, t([0, 0]), { reduction: 'sum' }).grads[0]!.data;
  assertAllClose(g, [-0.5, 0.3, 0.2, -0.2, 0.1, 0.1], 'p − onehot');
});

// -(1 − p_t)^γ log p_t, rounded to 4 decimals, for p_t by γ ∈ {0, 0.5, 1, 2, 5}.
const focalTable: [number, number[]][] = [
  [0.05, [2.9957, 2.9199, 2.8459, 2.7036, 2.318]],
  [0.1, [2.3026, 2.1844, 2.0723, 1.8651, 1.3597]],
  [0.2, [1.6094, 1.4395, 1.2876, 1.03, 0.5274]],
  [0.5, [0.6931, 0.4901, 0.3466, 0.1733, 0.0217]],
  [0.7, [0.3567, 0.1954, 0.107, 0.0321, 0.0009]],
  [0.9, [0.1054, 0.0333, 0.0105, 0.0011, 0.0]],
  [0.95, [0.0513, 0.0115, 0.0026, 0.0001, 0.0]],
];
const gammas = [0, 0.5, 1, 2, 5];

for (const [pt, row] of focalTable) {
  test(`focal-loss table row p_t = ${pt}`, () => {
    gammas.forEach((gamma, j) => {
      // Binary: logit of p_t with target 1, α-balancing off.
      const sig = scalar(sigmoidFocalLoss(t([Math.log(pt / (1 - pt))]), t([1]), { gamma, alpha: -1, reduction: 'sum' }));
      // Softmax with two classes whose probabilities are [p_t, 1 − p_t].
      const soft = scalar(softmaxFocalLoss(t([Math.log(pt), Math.log(1 - pt)], [1, 2]), t([0]), { gamma }));
      assert.equal(Number(sig.toFixed(4)), row[j], `sigmoid focal γ=${gamma}`);
      assert.equal(Number(soft.toFixed(4)), row[j], `softmax focal γ=${gamma}`);
    });
  });
}

test('focal loss: γ = 0 is cross-entropy; γ = 2 shrinks an easy example (p_t = 0.9) 100× and a hard one (0.1) by 0.81', () => {
  const ce = (pt: number) => -Math.log(pt);
  const fl = (pt: number, gamma: number) =>
    scalar(sigmoidFocalLoss(t([Math.log(pt / (1 - pt))]), t([1]), { gamma, alpha: -1, reduction: 'mean' }));
  for (const pt of [0.05, 0.5, 0.95]) assert.ok(Math.abs(fl(pt, 0) - ce(pt)) < 1e-12);
  assert.ok(Math.abs(fl(0.9, 2) / ce(0.9) - 0.01) < 1e-12);
  assert.ok(Math.abs(fl(0.1, 2) / ce(0.1) - 0.81) < 1e-12);
});
