// Every core loss against values and gradients computed by real PyTorch 1.13 autograd in float64
// (test/fixtures/core/generate.py → golden.json): every reduction, weights, ignoreIndex, label smoothing,
// probability targets and extreme inputs. The overlap losses PyTorch lacks (Dice, Jaccard, Tversky) are held
// to a NumPy reference instead (generate_overlap.py → overlap.json, its gradients checked there by finite
// differences). Tolerance: relative 1e-9 with an absolute floor of 1e-12.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { lossFunctions, type LossFunctionName } from '../../../core/src/losses';
import type { LossResult, Tensor } from '../../../core/src/types';
import { assertAllClose } from './lossTestUtils';

type Num = number | string;
interface GoldenTensor {
  data: Num[];
  shape: number[];
}
interface GoldenCase {
  fn: string;
  name: string;
  args: GoldenTensor[];
  options: Record<string, unknown>;
  loss: GoldenTensor;
  grads: (GoldenTensor | null)[];
}

const decode = (v: Num): number => (typeof v === 'number' ? v : Number(v)); // "NaN", "Infinity", "-Infinity"
const toTensor = (g: GoldenTensor): Tensor => ({ data: g.data.map(decode), shape: g.shape });
const isTensor = (v: unknown): v is GoldenTensor => typeof v === 'object' && v !== null && 'data' in v && 'shape' in v;

// Read at run time (not imported) so the type-checker does not pull the 400 kB fixture into the test project;
// walk up from this file so it works from the sources and from the bundled out/test copy alike.
function findGolden(file = 'golden.json', generator = 'generate.py'): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'test/fixtures/core', file);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`test/fixtures/core/${file} not found; run /usr/bin/python3 test/fixtures/core/${generator}`);
  }
}
const torchCases = (JSON.parse(readFileSync(findGolden(), 'utf8')) as { cases: GoldenCase[] }).cases;
const numpyCases = (JSON.parse(readFileSync(findGolden('overlap.json', 'generate_overlap.py'), 'utf8')) as { cases: GoldenCase[] }).cases;
const cases = [...torchCases, ...numpyCases];

test('golden file covers every exported loss', () => {
  const covered = new Set(cases.map(c => c.fn));
  for (const name of Object.keys(lossFunctions)) assert.ok(covered.has(name), `no golden case for ${name}`);
});

for (const c of cases) {
  test(`matches ${numpyCases.includes(c) ? 'the NumPy reference' : 'PyTorch'}: ${c.name}`, () => {
    const fn = lossFunctions[c.fn as LossFunctionName] as unknown as (...a: unknown[]) => LossResult;
    assert.ok(fn, `unknown loss ${c.fn}`);
    const options: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(c.options)) options[k] = isTensor(v) ? toTensor(v) : v;
    const result = fn(...c.args.map(toTensor), options);
    assert.deepEqual(result.loss.shape, c.loss.shape, 'loss shape');
    assertAllClose(result.loss.data, c.loss.data.map(decode), 'loss');
    assert.equal(result.grads.length, c.grads.length, 'number of grads');
    c.grads.forEach((g, i) => {
      if (g === null) {
        assert.equal(result.grads[i], null, `grads[${i}] should be null (not differentiable)`);
        return;
      }
      const got = result.grads[i];
      assert.ok(got, `grads[${i}] missing`);
      assert.deepEqual(got.shape, g.shape, `grads[${i}] shape`);
      assert.ok(got.data instanceof Float64Array, `grads[${i}] is float64`);
      assertAllClose(got.data, g.data.map(decode), `grads[${i}]`);
    });
  });
}
