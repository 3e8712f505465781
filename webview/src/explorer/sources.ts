// Everything the plots view can draw: every catalog loss (sampled by core's `curve`) plus a few
// "misuse" curves that the rule stories need (a loss fed the wrong kind of value). The misuse curves
// also take their values and gradients from core's loss functions; this file only builds the wrong
// input and applies the chain rule of that input construction.
import {
  binaryCrossEntropyWithLogits,
  crossEntropy,
  curve,
  curveInfo,
  getCatalogEntry,
  mseLoss,
  nllLoss,
  type CurveAxis,
  type LossParam,
} from '../../../core/src/index';
// curveInfo does not expose the open domain (probabilities, cosines) that curve() enforces; the spec
// table is where core keeps it. (A `domain` field on CurveInfo would make this import unnecessary.)
import { curveSpecs } from '../../../core/src/knowledge/curve/specs';

export interface SourceInfo {
  id: string;
  title: string;
  axis: CurveAxis;
  xLabel: string;
  setup: string;
  range: { min: number; max: number };
  /** Open interval outside which the curve is undefined. */
  domain?: { min: number; max: number };
  params: readonly LossParam[];
  /** True for catalog entries (they have snippets and a guide card). */
  inCatalog: boolean;
}

export interface Sampled {
  x: Float64Array;
  loss: Float64Array;
  grad: Float64Array;
}

interface DerivedSource extends Omit<SourceInfo, 'inCatalog'> {
  sample(x: Float64Array, p: Readonly<Record<string, number>>): { loss: Float64Array; grad: Float64Array };
}

const NONE = { reduction: 'none' } as const;
const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Softmax of the row [x, 0, …, 0] with `classes` entries, for every x: (n, classes) row-major. */
function softmaxOfMargin(x: Float64Array, classes: number): Float64Array {
  const out = new Float64Array(x.length * classes);
  for (let i = 0; i < x.length; i++) {
    const m = Math.max(x[i], 0);
    const e0 = Math.exp(x[i] - m);
    const eo = Math.exp(-m);
    const z = e0 + (classes - 1) * eo;
    out[i * classes] = e0 / z;
    for (let j = 1; j < classes; j++) out[i * classes + j] = eo / z;
  }
  return out;
}

/** d/dx of f(softmax([x, 0…])) given g = ∂f/∂p for each row: p₀ (g₀ − Σ_j g_j p_j). */
function throughSoftmax(p: Float64Array, g: Float64Array, classes: number, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let dot = 0;
    for (let j = 0; j < classes; j++) dot += g[i * classes + j] * p[i * classes + j];
    out[i] = p[i * classes] * (g[i * classes] - dot);
  }
  return out;
}

const classesParam: LossParam = {
  name: 'classes',
  default: 10,
  min: 2,
  max: 1000,
  step: 1,
  plotOnly: true,
  meaning: 'C: number of classes; the other C − 1 logits are 0.',
};

const derived: readonly DerivedSource[] = [
  {
    id: 'mseOnSoftmax',
    title: 'MSE on softmax vs one-hot',
    axis: 'logit',
    xLabel: 'logit margin z_true − z_other (2 classes)',
    setup: 'Softmax of logits [x, 0] regressed onto the one-hot target (1, 0) with mean squared error over the classes.',
    range: { min: -6, max: 6 },
    params: [],
    sample(x) {
      const n = x.length;
      const p = softmaxOfMargin(x, 2);
      const target = new Float64Array(2 * n);
      for (let i = 0; i < n; i++) target[2 * i] = 1;
      const r = mseLoss({ data: p, shape: [n, 2] }, { data: target, shape: [n, 2] }, NONE);
      const loss = new Float64Array(n);
      const g = r.grads[0]!.data;
      const perClass = new Float64Array(2 * n);
      for (let i = 0; i < n; i++) {
        // Mean over the two classes, as Keras' MSE reduces the last axis.
        loss[i] = (r.loss.data[2 * i] + r.loss.data[2 * i + 1]) / 2;
        perClass[2 * i] = g[2 * i] / 2;
        perClass[2 * i + 1] = g[2 * i + 1] / 2;
      }
      return { loss, grad: throughSoftmax(p, perClass, 2, n) };
    },
  },
  {
    id: 'doubleSoftmaxCrossEntropy',
    title: 'Cross-entropy on softmax output (double softmax)',
    axis: 'logit',
    xLabel: 'logit margin z_true − z_other',
    setup:
      'Logits [x, 0, …, 0] over C classes pass through softmax and then into cross-entropy, which applies softmax again: the loss cannot fall below log(1 + (C − 1)/e).',
    range: { min: -6, max: 6 },
    params: [classesParam],
    sample(x, prm) {
      const n = x.length;
      const c = Math.round(prm.classes ?? classesParam.default);
      const p = softmaxOfMargin(x, c);
      const r = crossEntropy({ data: p, shape: [n, c] }, { data: new Float64Array(n), shape: [n] }, NONE);
      return { loss: Float64Array.from(r.loss.data), grad: throughSoftmax(p, r.grads[0]!.data as Float64Array, c, n) };
    },
  },
  {
    id: 'softmaxCrossEntropyClasses',
    title: 'Cross-entropy on logits (C classes)',
    axis: 'logit',
    xLabel: 'logit margin z_true − z_other',
    setup: 'Logits [x, 0, …, 0] over C classes straight into cross-entropy, the correct use.',
    range: { min: -6, max: 6 },
    params: [classesParam],
    sample(x, prm) {
      const n = x.length;
      const c = Math.round(prm.classes ?? classesParam.default);
      const rows = new Float64Array(n * c);
      for (let i = 0; i < n; i++) rows[i * c] = x[i];
      const r = crossEntropy({ data: rows, shape: [n, c] }, { data: new Float64Array(n), shape: [n] }, NONE);
      const g = r.grads[0]!.data;
      const grad = new Float64Array(n);
      for (let i = 0; i < n; i++) grad[i] = g[i * c];
      return { loss: Float64Array.from(r.loss.data), grad };
    },
  },
  {
    id: 'doubleSigmoidBce',
    title: 'BCE with logits on sigmoid output (double sigmoid)',
    axis: 'logit',
    xLabel: 'logit z (target 1)',
    setup:
      'σ(z) fed to a loss that applies σ again: the "logit" it sees lies in (0, 1), so the loss stays above log(1 + e⁻¹) ≈ 0.31 and the gradient vanishes.',
    range: { min: -6, max: 6 },
    params: [],
    sample(x) {
      const n = x.length;
      const s = x.map(sigmoid);
      const r = binaryCrossEntropyWithLogits({ data: s, shape: [n] }, { data: new Float64Array(n).fill(1), shape: [n] }, NONE);
      const g = r.grads[0]!.data;
      const grad = new Float64Array(n);
      for (let i = 0; i < n; i++) grad[i] = g[i] * s[i] * (1 - s[i]);
      return { loss: Float64Array.from(r.loss.data), grad };
    },
  },
  {
    id: 'nllOnProbabilities',
    title: 'NLL on probabilities (log missing)',
    axis: 'pt',
    xLabel: 'p_t (probability of the true class)',
    setup:
      'Probabilities [x, 1 − x] passed to NLLLoss, which expects log-probabilities: the "loss" is just −p_t, a straight line with constant slope.',
    range: { min: 0.05, max: 0.99 },
    domain: { min: 0, max: 1 },
    params: [],
    sample(x) {
      const n = x.length;
      const rows = new Float64Array(2 * n);
      for (let i = 0; i < n; i++) {
        rows[2 * i] = x[i];
        rows[2 * i + 1] = 1 - x[i];
      }
      const r = nllLoss({ data: rows, shape: [n, 2] }, { data: new Float64Array(n), shape: [n] }, NONE);
      const g = r.grads[0]!.data;
      const grad = new Float64Array(n);
      for (let i = 0; i < n; i++) grad[i] = g[2 * i] - g[2 * i + 1];
      return { loss: Float64Array.from(r.loss.data), grad };
    },
  },
];

const derivedById = new Map(derived.map(d => [d.id, d]));

function catalogInfo(id: string): SourceInfo | undefined {
  const entry = getCatalogEntry(id);
  if (!entry) return undefined;
  const info = curveInfo(id);
  const domain = curveSpecs[id]?.domain;
  return {
    id,
    title: entry.title,
    axis: info.axis,
    xLabel: info.xLabel,
    setup: info.setup,
    range: info.range,
    params: entry.params,
    inCatalog: true,
    domain: domain ? { min: domain[0], max: domain[1] } : undefined,
  };
}

/** Display information of a source, or undefined for an unknown id. */
export function sourceInfo(id: string): SourceInfo | undefined {
  const d = derivedById.get(id);
  if (d)
    return {
      id: d.id,
      title: d.title,
      axis: d.axis,
      xLabel: d.xLabel,
      setup: d.setup,
      range: d.range,
      domain: d.domain,
      params: d.params,
      inCatalog: false,
    };
  return catalogInfo(id);
}

export function derivedSourceIds(): string[] {
  return derived.map(d => d.id);
}

/** Parameter values with defaults filled in and every value clamped to the slider range. */
export function resolveParams(info: SourceInfo, params: Readonly<Record<string, number>> | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of info.params) {
    const v = params?.[p.name];
    out[p.name] = typeof v === 'number' && Number.isFinite(v) ? clampParam(p, v) : p.default;
  }
  return out;
}

export function clampParam(p: LossParam, v: number): number {
  let c = Math.min(p.max, Math.max(p.min, v));
  if (p.step) c = p.min + Math.round((c - p.min) / p.step) * p.step;
  return c;
}

/**
 * Loss and gradient of a source on `n` points of [min, max]. The interval is cut to the source's
 * domain; the x values are exactly those core's `curve` uses.
 */
export function sample(id: string, params: Readonly<Record<string, number>>, min: number, max: number, n: number): Sampled {
  const d = derivedById.get(id);
  if (!d) {
    const info = catalogInfo(id);
    if (!info) throw new Error(`unknown loss '${id}'`);
    const c = curve(id, params, { min, max, n });
    return { x: c.x, loss: c.loss, grad: c.grad };
  }
  const x = new Float64Array(n);
  const step = (max - min) / (n - 1);
  for (let i = 0; i < n; i++) x[i] = min + i * step;
  x[n - 1] = max;
  return { x, ...d.sample(x, params) };
}
