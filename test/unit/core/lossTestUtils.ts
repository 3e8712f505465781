// Helpers shared by the core loss tests: tolerance comparison, a seeded PRNG, tensor builders.
import assert from 'node:assert/strict';
import type { Tensor } from '../../../core/src/types';

/** |a − e| ≤ abs + rel·|e|; NaN only matches NaN, ±Infinity only itself. */
export function close(actual: number, expected: number, rel = 1e-9, abs = 1e-12): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (!Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= abs + rel * Math.abs(expected);
}

export function assertAllClose(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string, rel = 1e-9, abs = 1e-12): void {
  assert.equal(actual.length, expected.length, `${what}: length ${actual.length} vs ${expected.length}`);
  for (let i = 0; i < expected.length; i++) {
    if (!close(actual[i], expected[i], rel, abs)) {
      assert.fail(`${what}[${i}]: got ${actual[i]}, expected ${expected[i]} (diff ${actual[i] - expected[i]})`);
    }
  }
}

/** mulberry32: tiny, seeded, good enough to place gradient-check points reproducibly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function gaussian(rand: () => number): number {
  const u = 1 - rand();
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export function t(data: number[], shape: number[] = [data.length]): Tensor {
  return { data, shape };
}

export function scalar(result: { loss: { data: ArrayLike<number>; shape: number[] } }): number {
  assert.deepEqual(result.loss.shape, []);
  return result.loss.data[0];
}
