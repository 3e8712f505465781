// Presets that each tell one story about losses (the facts come from the project's loss reference) and
// the rule stories shown by a diagnostic's "Explain" action. Every number in a table is computed here
// with core, so the tables cannot drift from the curves.
import { binaryCrossEntropyWithLogits, huberLoss, l1Loss, mseLoss, nllLoss, sigmoidFocalLoss } from '../../../core/src/index';
import type { PlotRange, PlotSeries } from './state';

export interface StoryTable {
  caption: string;
  head: string[];
  rows: string[][];
}

export interface Story {
  id: string;
  title: string;
  /** Paragraphs of plain text. */
  text: string[];
  series: PlotSeries[];
  range?: PlotRange;
  table?: () => StoryTable;
  /** Shown as a preset (rule stories are reached from a diagnostic only). */
  preset: boolean;
}

const s = (id: string, params: Record<string, number> = {}): PlotSeries => ({ id, params });
const t = (data: number[]) => ({ data, shape: [data.length] });

/** Compact fixed-point/scientific text for table cells. */
export function formatNumber(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(2).replace('e+', 'e');
  return Number(v.toPrecision(digits)).toString();
}

function outlierTable(): StoryTable {
  const pred = t([1, 2, 100]);
  const target = t([1, 2, 3]);
  const rows = [
    ['MSE', mseLoss(pred, target)],
    ['MAE (L1)', l1Loss(pred, target)],
    ['Huber, δ = 1', huberLoss(pred, target, { delta: 1 })],
  ] as const;
  return {
    caption: 'Predictions [1, 2, 100] against targets [1, 2, 3] (one outlier, error 97), mean reduction',
    head: ['loss', 'value', 'gradient on the outlier', 'gradient on a perfect prediction'],
    rows: rows.map(([name, r]) => [
      name,
      formatNumber(r.loss.data[0]),
      formatNumber(r.grads[0]!.data[2]),
      formatNumber(r.grads[0]!.data[0]),
    ]),
  };
}

const FOCAL_GAMMAS = [0, 0.5, 1, 2, 5];
const FOCAL_PT = [0.1, 0.5, 0.9, 0.99];

function focalTable(): StoryTable {
  const logits = FOCAL_PT.map(p => Math.log(p / (1 - p)));
  const ones = logits.map(() => 1);
  const ce = binaryCrossEntropyWithLogits(t(logits), t(ones), { reduction: 'none' }).loss.data;
  const rows = FOCAL_GAMMAS.map(gamma => {
    // α < 0 switches the α weighting off, so the ratio is the focusing factor alone.
    const fl = sigmoidFocalLoss(t(logits), t(ones), { reduction: 'none', alpha: -1, gamma }).loss.data;
    return [`γ = ${gamma}`, ...FOCAL_PT.map((_, i) => `${formatNumber(fl[i] / ce[i], 3)}  (÷${formatNumber(ce[i] / fl[i], 3)})`)];
  });
  return {
    caption: 'Focal loss as a fraction of cross-entropy for one positive example: FL / CE = (1 − p_t)^γ',
    head: ['', ...FOCAL_PT.map(p => `p_t = ${p}`)],
    rows,
  };
}

function ceVsMseTable(): StoryTable {
  // The reference's three-class example: true class 0, two predictions.
  const predictions: [string, number[]][] = [
    ['A: p = [0.5, 0.3, 0.2]', [0.5, 0.3, 0.2]],
    ['B: p = [0.8, 0.1, 0.1]', [0.8, 0.1, 0.1]],
  ];
  const oneHot = [1, 0, 0];
  const values = predictions.map(([, p]) => {
    const ce = nllLoss({ data: p.map(Math.log), shape: [1, 3] }, { data: [0], shape: [1] }).loss.data[0];
    const mse = mseLoss(t(p), t(oneHot)).loss.data[0];
    return { ce, mse };
  });
  const rows = predictions.map(([label], i) => [label, formatNumber(values[i].ce, 3), formatNumber(values[i].mse, 3)]);
  rows.push(['ratio A / B', formatNumber(values[0].ce / values[1].ce, 2) + '×', formatNumber(values[0].mse / values[1].mse, 2) + '×']);
  return {
    caption: 'True class 0 of 3: cross-entropy against MSE on the one-hot target',
    head: ['prediction', 'cross-entropy', 'MSE (mean over classes)'],
    rows,
  };
}

export const stories: readonly Story[] = [
  {
    id: 'outliers',
    title: 'Outliers: MSE vs MAE vs Huber',
    preset: true,
    text: [
      'Squaring lets one large error dominate. In the table the single outlier (error 97) makes up the whole MSE, and its MSE gradient is 2 × 97 = 194 times the constant pull it gets from L1 or Huber.',
      'MAE pulls every wrong prediction with the same force, so the outlier cannot take over, but its gradient jumps at zero. Huber is quadratic inside ±δ and linear outside: smooth near the target, capped gradient for outliers. Move δ to see the switch point move.',
    ],
    series: [s('mseLoss'), s('l1Loss'), s('huberLoss', { delta: 1 })],
    range: { min: -4, max: 4 },
    table: outlierTable,
  },
  {
    id: 'focal',
    title: 'Focal loss γ ∈ {0, 0.5, 1, 2, 5} vs BCE',
    preset: true,
    text: [
      'Focal loss multiplies cross-entropy by (1 − p_t)^γ. Easy examples (large logit, p_t near 1) are muted; hard ones (p_t small) keep almost their full weight. γ = 0 is plain cross-entropy and lies on top of the BCE curve; γ = 2 is the RetinaNet setting; γ = 5 almost ignores everything the model already gets right.',
      'α is set to 1 here so that for this positive example only the focusing term differs; α re-balances positives against negatives.',
    ],
    series: [s('binaryCrossEntropyWithLogits'), ...FOCAL_GAMMAS.map(gamma => s('sigmoidFocalLoss', { alpha: 1, gamma }))].slice(0, 6),
    range: { min: -4, max: 6 },
    table: focalTable,
  },
  {
    id: 'ce-vs-mse',
    title: 'Softmax cross-entropy vs MSE on one-hot',
    preset: true,
    text: [
      'When the model is confidently wrong (large negative margin), cross-entropy keeps a gradient of about −1 on the logit, so the mistake is corrected quickly. MSE on the softmax output saturates: its gradient goes to 0 exactly where the model is most wrong.',
      'Cross-entropy is also the categorical maximum-likelihood loss; MSE assumes Gaussian noise on the probabilities, which does not describe class labels.',
    ],
    series: [s('crossEntropy'), s('mseOnSoftmax')],
    range: { min: -10, max: 6 },
    table: ceVsMseTable,
  },
  {
    id: 'hinge-vs-logistic',
    title: 'Hinge vs logistic',
    preset: true,
    text: [
      'Both penalise a wrong sign linearly. The hinge loss stops exactly at margin 1: a correct, confident example contributes nothing (the SVM view, only support vectors matter). The logistic loss (soft margin) never reaches zero: it keeps pushing confident examples a little and gives calibrated probabilities.',
    ],
    series: [s('hingeLoss'), s('softMarginLoss')],
    range: { min: -3, max: 3 },
  },
  {
    id: 'contrastive-margin',
    title: 'Contrastive loss: the margin',
    preset: true,
    text: [
      'A dissimilar pair is pushed apart only while its distance is below the margin m; beyond it the pair is ignored. A larger margin asks for more separation and keeps more pairs active. (Similar pairs are always pulled together with ½d².)',
    ],
    series: [s('contrastiveLoss', { margin: 0.5 }), s('contrastiveLoss', { margin: 1 }), s('contrastiveLoss', { margin: 2 })],
    range: { min: 0, max: 3 },
  },
  {
    id: 'triplet-margin',
    title: 'Triplet loss: the margin',
    preset: true,
    text: [
      'With the positive at distance 1 from the anchor, the loss is zero once the negative is farther than 1 + margin: such easy triplets give no gradient. Negatives inside the margin band (semi-hard) give a useful gradient; negatives closer than the positive (hard) give the largest one and can destabilise training.',
    ],
    series: [s('tripletMarginLoss', { margin: 0.2 }), s('tripletMarginLoss', { margin: 0.5 }), s('tripletMarginLoss', { margin: 1 })],
    range: { min: 0.01, max: 3 },
  },
  // Rule stories (diagnostic "Explain").
  {
    id: 'rule:LL001',
    title: 'LL001 double softmax: the loss has a floor',
    preset: false,
    text: [
      'Cross-entropy applies softmax itself. Fed softmax probabilities, it sees "logits" squeezed into [0, 1]: the second softmax can never become confident, so the loss cannot go below log(1 + (C − 1)/e) and the gradient fades while the model is still far from the target. Change C to see the floor rise with the number of classes.',
      'Fix: pass the raw logits (remove the softmax before the loss).',
    ],
    series: [s('softmaxCrossEntropyClasses', { classes: 10 }), s('doubleSoftmaxCrossEntropy', { classes: 10 })],
    range: { min: -6, max: 10 },
  },
  {
    id: 'rule:LL002',
    title: 'LL002 double sigmoid: the loss has a floor',
    preset: false,
    text: [
      'A with-logits loss applies sigmoid itself. Fed σ(z), its input lies in (0, 1), so the loss never goes below log(1 + e⁻¹) ≈ 0.31 and its gradient shrinks to 0 for confident predictions, right or wrong.',
      'Fix: pass the raw logits.',
    ],
    series: [s('binaryCrossEntropyWithLogits'), s('doubleSigmoidBce')],
    range: { min: -6, max: 6 },
  },
  {
    id: 'rule:LL003',
    title: 'LL003 sigmoid then BCE: same curve, less stable',
    preset: false,
    text: [
      'Mathematically σ followed by BCE is the BCE-with-logits curve shown here. Computed in two steps, σ(z) rounds to exactly 0 or 1 for large |z|, log(0) appears and the loss is clamped or infinite; half precision (autocast) makes it worse. The with-logits form computes the same curve stably.',
    ],
    series: [s('binaryCrossEntropyWithLogits')],
  },
  {
    id: 'rule:LL005',
    title: 'LL005 NLL without log_softmax',
    preset: false,
    text: [
      'NLLLoss only picks −input[target]: it expects log-probabilities. Given probabilities it returns −p_t, a straight line with a constant gradient, instead of −log p_t, whose gradient grows as the prediction gets worse.',
      'Fix: apply log_softmax before NLLLoss, or use CrossEntropyLoss on the logits.',
    ],
    series: [s('nllLoss'), s('nllOnProbabilities')],
  },
  {
    id: 'rule:LL010',
    title: 'LL010 regression loss on probabilities',
    preset: false,
    text: [
      'MSE between softmax/sigmoid outputs and class targets saturates when the model is confidently wrong: its gradient vanishes exactly where cross-entropy keeps pushing.',
    ],
    series: [s('crossEntropy'), s('mseOnSoftmax')],
    range: { min: -10, max: 6 },
    table: ceVsMseTable,
  },
];

export function findStory(id: string | null | undefined): Story | undefined {
  return id ? stories.find(st => st.id === id) : undefined;
}

export function ruleStory(ruleId: string): Story | undefined {
  return findStory(`rule:${ruleId}`);
}
