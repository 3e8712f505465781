// Online triplet mining over one batch of embeddings. The (N × N) Euclidean distance matrix is computed
// once; each anchor's row is then scanned (batch-hard) or its negatives sorted once and binary-searched
// per positive (semi-hard), so the cost is O(N²·D + N² log N), never the O(N³) triple loop.
import type { Tensor } from './types';
import { choiceOption, fail, numberOption, readOptions, requireRank, shapeText, toF64 } from './tensor';

export interface MineTripletsOptions {
  /** 'batch-hard' (default): per anchor, farthest positive and closest negative.
   *  'semi-hard' (FaceNet): per (anchor, positive) pair, the closest negative with d(a,p) < d(a,n) < d(a,p) + margin. */
  strategy?: 'batch-hard' | 'semi-hard';
  /** default 1 */
  margin?: number;
}

export interface MinedTriplets {
  anchor: Int32Array;
  positive: Int32Array;
  negative: Int32Array;
}

/**
 * Picks triplet indices from (N, D) embeddings and (N) labels using Euclidean distances d = ‖eᵢ − eⱼ‖₂.
 * Anchors without a positive or a negative, and (semi-hard) pairs without a semi-hard negative, are skipped.
 * Output is ordered by anchor, then positive.
 */
export function mineTriplets(embeddings: Tensor, labels: Tensor, options?: MineTripletsOptions): MinedTriplets {
  const fn = 'mineTriplets';
  const opts = readOptions(fn, options, ['strategy', 'margin']);
  const strategy = choiceOption(fn, opts, 'strategy', 'batch-hard', ['batch-hard', 'semi-hard'] as const);
  const margin = numberOption(fn, opts, 'margin', 1, { ge: 0 });
  const e = toF64(fn, 'embeddings', embeddings);
  requireRank(fn, 'embeddings', e, [2], '(N, D)');
  const [n, dim] = e.shape;
  const lab = toF64(fn, 'labels', labels);
  if (lab.shape.length !== 1 || lab.shape[0] !== n) fail(fn, `labels must have shape [${n}], got ${shapeText(lab.shape)}`);
  const y = lab.data;
  const dist = distanceMatrix(e.data, n, dim);
  return strategy === 'batch-hard' ? batchHard(dist, y, n) : semiHard(dist, y, n, margin);
}

function distanceMatrix(x: Float64Array, n: number, dim: number): Float64Array {
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let ss = 0;
      for (let k = 0; k < dim; k++) {
        const v = x[i * dim + k] - x[j * dim + k];
        ss += v * v;
      }
      d[i * n + j] = d[j * n + i] = Math.sqrt(ss);
    }
  }
  return d;
}

function batchHard(dist: Float64Array, y: Float64Array, n: number): MinedTriplets {
  const a: number[] = [];
  const p: number[] = [];
  const q: number[] = [];
  for (let i = 0; i < n; i++) {
    let hardPos = -1;
    let hardNeg = -1;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const d = dist[i * n + j];
      if (y[j] === y[i]) {
        if (hardPos < 0 || d > dist[i * n + hardPos]) hardPos = j;
      } else if (hardNeg < 0 || d < dist[i * n + hardNeg]) hardNeg = j;
    }
    if (hardPos >= 0 && hardNeg >= 0) {
      a.push(i);
      p.push(hardPos);
      q.push(hardNeg);
    }
  }
  return { anchor: Int32Array.from(a), positive: Int32Array.from(p), negative: Int32Array.from(q) };
}

function semiHard(dist: Float64Array, y: Float64Array, n: number, margin: number): MinedTriplets {
  const a: number[] = [];
  const p: number[] = [];
  const q: number[] = [];
  const negatives: number[] = [];
  for (let i = 0; i < n; i++) {
    negatives.length = 0;
    for (let k = 0; k < n; k++) if (y[k] !== y[i]) negatives.push(k);
    if (negatives.length === 0) continue;
    const row = i * n;
    negatives.sort((u, v) => dist[row + u] - dist[row + v] || u - v);
    for (let j = 0; j < n; j++) {
      if (j === i || y[j] !== y[i]) continue;
      const dap = dist[row + j];
      // First negative strictly farther than the positive.
      let lo = 0;
      let hi = negatives.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (dist[row + negatives[mid]] > dap) hi = mid;
        else lo = mid + 1;
      }
      if (lo < negatives.length && dist[row + negatives[lo]] < dap + margin) {
        a.push(i);
        p.push(j);
        q.push(negatives[lo]);
      }
    }
  }
  return { anchor: Int32Array.from(a), positive: Int32Array.from(p), negative: Int32Array.from(q) };
}
