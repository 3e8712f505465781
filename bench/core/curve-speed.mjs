// Speed of core's curve(): 512 points of every loss (what a hover or an explorer slider move costs).
// Best of 7 batches of 200 after 1,000 warm-up calls, per loss. The budget is 0.1 ms per curve.
//
//   npm run build && node bench/core/curve-speed.mjs [dist/core.js]
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const core = require(resolve(process.argv[2] ?? 'dist/core.js'));
const ids = core.catalog
  .map(e => e.id)
  .filter(id => {
    try {
      core.curve(id);
      return true;
    } catch {
      return false;
    }
  });
let worst = 0;
for (const id of ids) {
  for (let r = 0; r < 1000; r++) core.curve(id);
  let best = Infinity;
  for (let batch = 0; batch < 7; batch++) {
    const t0 = performance.now();
    for (let r = 0; r < 200; r++) core.curve(id);
    best = Math.min(best, (performance.now() - t0) / 200);
  }
  worst = Math.max(worst, best);
  console.log(`${id.padEnd(28)} ${(best * 1000).toFixed(1).padStart(8)} µs`);
}
console.log(`slowest: ${(worst * 1000).toFixed(1)} µs per 512-point curve (budget 100 µs)`);
