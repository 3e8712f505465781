// The first calls of the benchmarked losses on large inputs never deoptimize (core/src/losses/index.ts: each
// hot loop is a kernel with nothing but `return` after it, so the OSR code compiled during call 1 has type
// feedback for everything it runs). Checked through V8's --trace-deopt in a fresh process on dist/core.js
// (built by `npm run build`); before the kernel split every one of these losses deoptimized on calls 1–3.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const script = `
const core = require(${JSON.stringify(join(process.cwd(), 'dist/core.js'))});
const N = 300000, R = 30000, C = 10;
let seed = 1;
function rnd() { seed = (seed * 16807) % 2147483647; return (seed / 2147483647) * 2 - 1; }
const x = new Float64Array(N), y = new Float64Array(N), yb = new Float64Array(N), t = new Float64Array(R);
for (let i = 0; i < N; i++) { x[i] = 3 * rnd(); y[i] = rnd(); yb[i] = y[i] > 0 ? 1 : 0; }
for (let i = 0; i < R; i++) t[i] = Math.floor((rnd() + 1) * 5);
const T = (data, shape) => ({ data, shape });
for (let k = 0; k < 3; k++) {
  core.mseLoss(T(x, [N]), T(y, [N]));
  core.huberLoss(T(x, [N]), T(y, [N]));
  core.binaryCrossEntropyWithLogits(T(x, [N]), T(yb, [N]));
  core.crossEntropy(T(x, [R, C]), T(t, [R]));
  core.l1Loss(T(x, [N]), T(y, [N]));
  core.smoothL1Loss(T(x, [N]), T(y, [N]));
}
`;

test('mseLoss, huberLoss, binaryCrossEntropyWithLogits, crossEntropy, l1Loss, smoothL1Loss: no deoptimization in calls 1–3', () => {
  const r = spawnSync(process.execPath, ['--trace-deopt', '-e', script], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, r.stderr);
  // "<JSFunction name (sfi = …)>"; the script's own functions are rnd, T and the anonymous top level.
  const deopts = [...r.stdout.matchAll(/bailout \(kind: ([^,]+), reason: ([^)]*)\): begin\. deoptimizing \S+ <JSFunction (\w+)/g)]
    .map(m => `${m[3]}: ${m[2]}`)
    .filter(d => !/^(rnd|T):/.test(d));
  assert.deepEqual(deopts, []);
});
