// Hovers over the segmentation and timm packs' losses: the core entry they map to (Dice, Jaccard,
// Tversky on probabilities), their parameters as written, and the family after the switches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workspaceOf } from '../../helpers/analysis';
import { buildHoverIndex, hoverAt, type LossHover } from '../../../server/src/hover/index';

const PY = `import segmentation_models_pytorch as smp
from monai.losses import DiceLoss, TverskyLoss
from timm.loss import LabelSmoothingCrossEntropy

dice = DiceLoss(sigmoid=True, smooth_nr=0.0, smooth_dr=1e-6)
tversky = TverskyLoss(softmax=True, alpha=0.3, beta=0.7)
probs_dice = DiceLoss()
smp_jaccard = smp.losses.JaccardLoss("binary", from_logits=False)
smooth = LabelSmoothingCrossEntropy(smoothing=0.2)
`;

async function lossHover(probe: string): Promise<LossHover> {
  const { ws, uriOf } = await workspaceOf({ 'train.py': PY });
  const at = PY.indexOf(probe);
  assert.ok(at >= 0, probe);
  const r = hoverAt(buildHoverIndex(ws.inspect(uriOf('train.py')), uriOf('train.py')), PY, at + 1, { plots: 'image' });
  assert.ok(r && r.model.type === 'loss', `a loss hover at ${probe}`);
  return r.model as LossHover;
}

test('hover: MONAI and smp overlap losses reach the core Dice/Jaccard/Tversky with their parameters', async () => {
  const cases: [probe: string, id: string, curve: Record<string, number>, expects: RegExp][] = [
    ['DiceLoss(sigmoid=True', 'diceLoss', { smoothNr: 0, smoothDr: 1e-6 }, /applies the sigmoid itself/],
    ['TverskyLoss(softmax=True', 'tverskyLoss', { alpha: 0.3, beta: 0.7 }, /log-softmax itself/],
    ['DiceLoss()', 'diceLoss', { smoothNr: 1e-5 }, /probabilities in \[0, 1\] \(sigmoid or softmax outputs\)/],
    ['smp.losses.JaccardLoss', 'jaccardLoss', {}, /probabilities in \[0, 1\] \(sigmoid or softmax outputs\)/],
    ['LabelSmoothingCrossEntropy(smoothing', 'labelSmoothingCrossEntropy', { labelSmoothing: 0.2 }, /log-softmax/],
  ];
  for (const [probe, id, curve, expects] of cases) {
    const h = await lossHover(probe);
    assert.equal(h.entry.id, id, probe);
    for (const [k, v] of Object.entries(curve)) assert.equal(h.curveParams[k], v, `${probe}: ${k}`);
    assert.match(h.expects ?? '', expects, probe);
  }
});
