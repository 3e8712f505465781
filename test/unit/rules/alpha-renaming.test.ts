// Names never decide a finding (issue #17): every rule fixture, with every name the code binds itself
// replaced by a meaningless one (test/helpers/alpha-rename.ts), gets the same findings on the same lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lineOf, workspaceOf } from '../../helpers/analysis';
import { alphaRename } from '../../helpers/alpha-rename';
import { languageOfPath } from '../../../server/src/parse/frontend';

const ROOT = join(process.cwd(), 'test/fixtures/rules');

function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (languageOfPath(n)) out[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

async function findings(files: Record<string, string>): Promise<string[]> {
  const { ws, uriOf } = await workspaceOf(files);
  const out: string[] = [];
  for (const [path, text] of Object.entries(files))
    for (const f of ws.check(uriOf(path))) out.push(`${path}:${lineOf(text, f.span.start)}:${f.code}`);
  return out.sort();
}

const cases: { name: string; files: Record<string, string> }[] = [];
for (const rule of readdirSync(ROOT).sort())
  for (const c of readdirSync(join(ROOT, rule)).sort()) {
    const p = join(ROOT, rule, c);
    if (statSync(p).isDirectory()) cases.push({ name: `${rule}/${c}`, files: filesOf(p) });
    else if (languageOfPath(c)) cases.push({ name: `${rule}/${c}`, files: { [c]: readFileSync(p, 'utf8') } });
  }

test('the renaming renames (a sanity check of the helper)', async () => {
  const out = await alphaRename({
    'a.py':
      'import torch.nn.functional as F\ndef my_loss(logits, labels):\n    out = F.cross_entropy(logits, target=labels)\n    return out\n',
    'b.ts': "import * as tf from '@tensorflow/tfjs';\nconst logits = tf.zeros([2]);\nconst o = { logits };\n",
  });
  assert.equal(
    out['a.py'],
    'import torch.nn.functional as F\ndef zq2(zq1, zq0):\n    zq3 = F.cross_entropy(zq1, target=zq0)\n    return zq3\n',
  );
  assert.equal(out['b.ts'], "import * as tf from '@tensorflow/tfjs';\nconst zq0 = tf.zeros([2]);\nconst zq1 = { logits: zq0 };\n");
});

for (const c of cases) {
  test(`α-renamed fixture ${c.name} gets the same findings`, async () => {
    const renamed = await alphaRename(c.files);
    assert.deepEqual(await findings(renamed), await findings(c.files));
  });
}
