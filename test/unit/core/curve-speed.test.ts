// Speed of curve(): the budget is 512 points of any loss in < 0.1 ms. Measured as the best of several
// batches after warm-up (other test files share the CPU), printed as a diagnostic; the assertion is
// deliberately loose so that a slow or busy CI machine does not flake.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { curve, curveIds } from '../../../core/src/knowledge';

test('curve(): best-of-batches time per 512-point curve, every loss', t => {
  const rows: string[] = [];
  for (const id of curveIds()) {
    for (let r = 0; r < 1000; r++) curve(id);
    let best = Infinity;
    for (let batch = 0; batch < 7; batch++) {
      const reps = 200;
      const t0 = performance.now();
      for (let r = 0; r < reps; r++) curve(id);
      best = Math.min(best, (performance.now() - t0) / reps);
    }
    rows.push(`${id} ${(best * 1000).toFixed(1)} µs`);
    assert.ok(best < 1, `${id}: ${best.toFixed(3)} ms per curve`);
  }
  t.diagnostic(`512-point curve, best of 7×200: ${rows.join('; ')}`);
});
