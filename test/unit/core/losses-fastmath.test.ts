// The inlinable exp/log1p used by the hot loops agree with V8's Math.exp/Math.log1p to within 2 ulp.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expNonPositive, log1pUnit } from '../../../core/src/losses/internal/fastMath';
import { prng } from './lossTestUtils';

const ulps = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / (Number.EPSILON * Math.abs(b)));

test('expNonPositive matches Math.exp on (−745, 0] including the edges', () => {
  const r = prng(3);
  const xs = [0, -0, -1e-300, -1e-17, -0.5, -Math.LN2, -1, -20, -707.9, -708, -708.5, -744, -745.2, -746, -1000, -Infinity];
  for (let i = 0; i < 200_000; i++) xs.push(-r() * (i % 2 ? 1 : 750));
  let worst = 0;
  for (const x of xs) {
    const got = expNonPositive(x);
    const want = Math.exp(x);
    if (want < 2.2250738585072014e-308) assert.equal(got, want, `exp(${x})`);
    else worst = Math.max(worst, ulps(got, want));
  }
  assert.ok(worst <= 2, `worst error ${worst} ulp`);
  assert.ok(Number.isNaN(expNonPositive(NaN)));
});

test('log1pUnit matches Math.log1p on [0, 1]', () => {
  const r = prng(4);
  const xs = [0, 5e-324, 1e-300, 1e-17, 1e-8, 0.25, Math.SQRT2 - 1, 0.41421356237309515, 0.5, 0.999999, 1];
  for (let i = 0; i < 200_000; i++) xs.push(i % 2 ? r() : Math.exp(-r() * 700));
  let worst = 0;
  for (const x of xs) worst = Math.max(worst, ulps(log1pUnit(x), Math.log1p(x)));
  assert.ok(worst <= 2, `worst error ${worst} ulp`);
});
