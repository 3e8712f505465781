// A compact table of a loss at a few telling points for the parameters in the code: Huber around δ,
// focal loss and its (1 − p_t)^γ down-weighting at p_t = 0.1 / 0.5 / 0.9, cross-entropy's floor under
// label smoothing. Every number comes from core.curve, on the same axis as the plot.
import { curve, curveInfo } from '../../../core/src/index';
import { formatNumber } from './format';

export interface KeyPointTable {
  caption: string;
  headers: string[];
  rows: string[][];
}

/** Loss and gradient at exactly x (a two-point curve ending at x, so the plot's setup is reused). */
function at(id: string, params: Record<string, number>, x: number): { loss: number; grad: number } {
  const h = Math.max(1e-6, Math.abs(x) * 1e-6);
  const c = curve(id, params, { min: x - h, max: x, n: 2 });
  return { loss: c.loss[1], grad: c.grad[1] };
}

const logit = (p: number) => Math.log(p / (1 - p));
const PT = [0.1, 0.5, 0.9, 0.99];

export function keyPoints(id: string, params: Record<string, number>): KeyPointTable | undefined {
  try {
    return table(id, params);
  } catch {
    // A parameter value the curve rejects (e.g. a negative δ) leaves the table out, not the hover.
    return undefined;
  }
}

function table(id: string, p: Record<string, number>): KeyPointTable | undefined {
  const info = curveInfo(id);
  switch (id) {
    case 'mseLoss':
    case 'l1Loss':
      return errorTable(id, p, [0.1, 0.5, 1, 3, 10], 'Per element, against target 0.', false);
    case 'huberLoss': {
      const d = p.delta ?? 1;
      return errorTable(
        id,
        p,
        [d / 2, d, 2 * d, 5 * d],
        `Around δ = ${formatNumber(d)}: quadratic inside, linear (gradient capped at δ) outside.`,
        true,
      );
    }
    case 'smoothL1Loss': {
      const b = p.beta ?? 1;
      return errorTable(id, p, [b / 2, b, 2 * b, 5 * b], `Around β = ${formatNumber(b)}: quadratic inside, linear outside.`, true);
    }
    case 'sigmoidFocalLoss':
    case 'softmaxFocalLoss':
      return focalTable(id, p);
    case 'binaryCrossEntropyWithLogits':
    case 'crossEntropy':
    case 'sparseCrossEntropy':
    case 'labelSmoothingCrossEntropy':
    case 'multilabelSoftMarginLoss': {
      const rows = PT.map(pt => {
        const z = logit(pt);
        const v = at(id, p, z);
        return [formatNumber(pt), formatNumber(z), formatNumber(v.loss), formatNumber(v.grad)];
      });
      const smoothing = p.labelSmoothing ?? 0;
      const caption =
        smoothing > 0
          ? `True-class probability p_t (logit z). With ε = ${formatNumber(smoothing)} the loss stops falling before p_t = 1: confidence is no longer rewarded without bound.`
          : 'True-class probability p_t and the logit z that gives it (two classes).';
      return { caption, headers: ['p_t', 'z', 'loss', 'dL/dz'], rows };
    }
    case 'binaryCrossEntropy':
    case 'nllLoss': {
      const rows = PT.map(pt => {
        const v = at(id, p, pt);
        return [formatNumber(pt), formatNumber(v.loss), formatNumber(v.grad)];
      });
      return { caption: 'True-class probability p_t: the loss grows without bound as p_t → 0.', headers: ['p_t', 'loss', 'dL/dp_t'], rows };
    }
    default: {
      const xs = defaultPoints(id, p, info.range.min, info.range.max);
      const rows = xs.map(x => {
        const v = at(id, p, x);
        return [formatNumber(x), formatNumber(v.loss), formatNumber(v.grad)];
      });
      return { caption: info.setup, headers: [info.xLabel, 'loss', 'gradient'], rows };
    }
  }
}

function errorTable(id: string, p: Record<string, number>, errors: number[], caption: string, withMse: boolean): KeyPointTable {
  const rows = errors.map(e => {
    const v = at(id, p, e);
    const row = [formatNumber(e), formatNumber(v.loss), formatNumber(v.grad)];
    if (withMse) row.push(formatNumber(at('mseLoss', {}, e).loss));
    return row;
  });
  const headers = ['error e', 'loss', 'dL/de'];
  if (withMse) headers.push('MSE e²');
  return { caption, headers, rows };
}

function focalTable(id: string, p: Record<string, number>): KeyPointTable {
  const gamma = p.gamma ?? 2;
  const ce = id === 'sigmoidFocalLoss' ? 'binaryCrossEntropyWithLogits' : 'crossEntropy';
  const rows = [0.1, 0.5, 0.9].map(pt => {
    const z = logit(pt);
    const focal = at(id, p, z);
    const plain = at(ce, {}, z);
    const factor = Math.pow(1 - pt, gamma);
    return [
      formatNumber(pt),
      formatNumber(factor),
      formatNumber(focal.loss),
      formatNumber(plain.loss),
      plain.loss > 0 && focal.loss > 0 ? `${formatNumber(plain.loss / focal.loss)}×` : '—',
    ];
  });
  const alpha = p.alpha;
  const alphaNote = id === 'sigmoidFocalLoss' && alpha !== undefined && alpha >= 0 ? `, α = ${formatNumber(alpha)} on positives` : '';
  return {
    caption: `γ = ${formatNumber(gamma)}${alphaNote}: the factor (1 − p_t)^γ shrinks easy examples (high p_t) far more than hard ones.`,
    headers: ['p_t', '(1 − p_t)^γ', 'focal', 'cross-entropy', 'CE ÷ focal'],
    rows,
  };
}

/** Four or five points across the plotted range, with the loss's own margin/δ among them when it has one. */
function defaultPoints(id: string, p: Record<string, number>, min: number, max: number): number[] {
  const pts = new Set<number>();
  for (let i = 0; i < 5; i++) pts.add(Number((min + ((max - min) * i) / 4).toPrecision(3)));
  const m = p.margin;
  if (m !== undefined && m > min && m < max) pts.add(m);
  if (id === 'tripletMarginLoss' && m !== undefined && 1 + m < max) pts.add(1 + m);
  const sorted = [...pts].sort((a, b) => a - b);
  // Domain-limited axes (probabilities, cosines) exclude their ends; the plotted range already does.
  return sorted.filter(x => x >= min && x <= max).slice(0, 6);
}
