// A file the relevance pre-check skips is cached too (no findings, with the files its answer rests
// on), so warm runs do not scan its imports again; a change to any of those files, or a file created
// where an import looked, makes the next run check it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Checker, type CacheEntry, type FileOutcome } from '../../server/src/cli/checker';
import { makeTree } from './run-cli';
import { pythonFrontEnd, typescriptFrontEnd } from '../helpers/analysis';

const trees: string[] = [];
after(() => trees.forEach(t => rmSync(t, { recursive: true, force: true })));

const TRAIN = 'import torch\nfrom model import predict\nfrom helpers import scale\n\ndef step(x):\n    return scale(predict(x))\n';
const MODEL_PLAIN = 'import torch\n\ndef predict(x):\n    return x * 2\n';

/** One CLI-like run over `root` with the cache of the previous run: train.py's outcome. */
async function run(root: string, cache: Record<string, CacheEntry>): Promise<FileOutcome> {
  const python = await pythonFrontEnd();
  const checker = new Checker(lang => (lang === 'python' ? python : typescriptFrontEnd()));
  const files = ['train.py', 'model.py', 'helpers.py'].map(f => ({ path: join(root, f), explicit: false }));
  const { outcomes } = await checker.checkBatch({ root, files, cache });
  for (const o of outcomes) if (o.cacheEntry) cache[o.path] = o.cacheEntry;
  return outcomes.find(o => o.path.endsWith('train.py'))!;
}

test('a skipped file is cached with its import closure and the candidates that were missing', async () => {
  const root = makeTree({ 'train.py': TRAIN, 'model.py': MODEL_PLAIN });
  trees.push(root);
  const cache: Record<string, CacheEntry> = {};
  const first = await run(root, cache);
  assert.equal(first.analysed, undefined);
  assert.deepEqual(first.cacheEntry?.findings, []);
  const deps = first.cacheEntry!.deps;
  assert.notEqual(deps[join(root, 'model.py')], undefined);
  assert.equal(deps[join(root, 'model.py')] === '', false);
  assert.equal(deps[join(root, 'helpers.py')], '', 'the missing helpers.py is a dependency');

  // Warm: answered from the cache.
  const warm = await run(root, cache);
  assert.equal(warm.cacheEntry, first.cacheEntry);

  // An imported file gains a rule word: checked.
  writeFileSync(join(root, 'model.py'), 'import torch\n\ndef predict(x):\n    return x.softmax(1)\n');
  assert.equal((await run(root, cache)).analysed, true);
});

test('a file created where an import looked makes the importer checked again', async () => {
  const root = makeTree({ 'train.py': TRAIN, 'model.py': MODEL_PLAIN });
  trees.push(root);
  const cache: Record<string, CacheEntry> = {};
  assert.equal((await run(root, cache)).analysed, undefined);
  writeFileSync(join(root, 'helpers.py'), 'import torch\n\ndef scale(p):\n    return torch.sigmoid(p)\n');
  assert.equal((await run(root, cache)).analysed, true);
});
