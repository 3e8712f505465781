// Counts V8 deoptimizations in core during three calls of each of the 24 losses on 10⁵–10⁶ elements, in a
// fresh process under --trace-deopt (see docs/PERFORMANCE.md, "First calls").
//
//   npm run build && node bench/core/deopts.mjs [path/to/core.js]
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);
if (!args.includes('--child')) {
  const corePath = resolve(args[0] ?? join(dirname(self), '../../dist/core.js'));
  const r = spawnSync(process.execPath, ['--trace-deopt', self, '--child', corePath], { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(r.stderr);
  const byFunction = new Map();
  for (const m of r.stdout.matchAll(/bailout \(kind: [^,]+, reason: ([^)]*)\): begin\. deoptimizing \S+ <JSFunction (\w*)/g)) {
    const key = `${m[2] || '(anonymous)'}: ${m[1]}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + 1);
  }
  for (const [k, n] of [...byFunction].sort()) console.log(`${String(n).padStart(3)}  ${k}`);
  console.log(`${[...byFunction.values()].reduce((a, b) => a + b, 0)} deoptimizations (${corePath})`);
  process.exit(0);
}

const core = createRequire(import.meta.url)(args[args.indexOf('--child') + 1]);
const N = 1e6,
  R = 1e5,
  C = 10;
let seed = 1;
function rnd() {
  seed = (seed * 16807) % 2147483647;
  return (seed / 2147483647) * 2 - 1;
}
const x = Float64Array.from({ length: N }, rnd),
  y = Float64Array.from({ length: N }, rnd);
const yb = y.map(v => (v > 0 ? 1 : 0)),
  ys = yb.map(v => 2 * v - 1),
  p = x.map(v => (v + 1) / 2),
  lp = x.map(v => v - 3);
const t = Float64Array.from({ length: R }, () => Math.floor((rnd() + 1) * 5));
const T = (data, shape) => ({ data, shape });
const calls = [
  () => core.mseLoss(T(x, [N]), T(y, [N])),
  () => core.huberLoss(T(x, [N]), T(y, [N])),
  () => core.binaryCrossEntropyWithLogits(T(x, [N]), T(yb, [N])),
  () => core.crossEntropy(T(x, [R, C]), T(t, [R])),
  () => core.l1Loss(T(x, [N]), T(y, [N])),
  () => core.smoothL1Loss(T(x, [N]), T(y, [N])),
  () => core.binaryCrossEntropy(T(p, [N]), T(yb, [N])),
  () => core.nllLoss(T(lp, [R, C]), T(t, [R])),
  () => core.klDiv(T(lp, [N]), T(p, [N])),
  () => core.hingeLoss(T(x, [N]), T(ys, [N])),
  () => core.softMarginLoss(T(x, [N]), T(ys, [N])),
  () => core.hingeEmbeddingLoss(T(x, [N]), T(ys, [N])),
  () => core.poissonNllLoss(T(x, [N]), T(p, [N])),
  () => core.sigmoidFocalLoss(T(x, [N]), T(yb, [N])),
  () => core.multiMarginLoss(T(x, [R, C]), T(t, [R])),
  () => core.multiclassHingeLoss(T(x, [R, C]), T(t, [R])),
  () => core.softmaxFocalLoss(T(x, [R, C]), T(t, [R])),
  () => core.multilabelSoftMarginLoss(T(x, [R, C]), T(yb, [R, C])),
  () => core.gaussianNllLoss(T(x, [N]), T(y, [N]), T(p, [N])),
  () => core.gaussianKlDivergence(T(x, [R, C]), T(y, [R, C])),
  () => core.marginRankingLoss(T(x, [N]), T(y, [N]), T(ys, [N])),
  () => core.cosineEmbeddingLoss(T(x, [R, C]), T(y, [R, C]), T(ys.subarray(0, R), [R])),
  () => core.contrastiveLoss(T(x, [R, C]), T(y, [R, C]), T(yb.subarray(0, R), [R])),
  () => core.tripletMarginLoss(T(x, [R, C]), T(y, [R, C]), T(p, [R, C])),
];
for (const f of calls) for (let k = 0; k < 3; k++) f();
