// The incremental check (server/src/analysis/engine/units.ts) must give exactly the findings of a
// check from scratch. Seeded random edits — typing, pasting loss code, deleting lines, renaming — are
// applied to every rule fixture and example, incrementally as the language server receives them, and
// after each edit the findings of the edited file and of the files that import it are compared with
// those of a fresh workspace holding the same texts, and so are the findings callers cause in each file
// of the group (cross-file, `callerFindings`). More edits: LOSSLENS_DIFF_EDITS=200.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { workspaceOf } from '../../helpers/analysis';
import { languageOfPath } from '../../../server/src/parse/frontend';
import type { Finding } from '../../../server/src/findings';
import type { ContentChange } from '../../../server/src/parse/frontend';
import { trainingFile } from '../../../bench/analysis/src/training-code';
import { prng } from '../core/lossTestUtils';

const EDITS = Number(process.env.LOSSLENS_DIFF_EDITS ?? 24);
const repo = process.cwd();
const SOURCE = /\.(py|ts|js|mjs|cjs|tsx|jsx)$/;

/** Groups of files analysed together: each folder with its own files (cross-file fixtures are folders). */
function groups(): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  const visit = (dir: string, group: string | undefined) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        // A fixture sub-folder is one project, its sub-packages included.
        visit(p, group ?? (relative(repo, dir).split('/').length >= 4 ? p : undefined));
        continue;
      }
      if (!SOURCE.test(name)) continue;
      const g = group ?? p; // loose files of a rule folder stand alone
      const files = out.get(g) ?? {};
      files[relative(group ?? dir, p)] = readFileSync(p, 'utf8');
      out.set(g, files);
    }
  };
  visit(join(repo, 'test', 'fixtures', 'rules'), undefined);
  visit(join(repo, 'examples'), undefined);
  // The keystroke benchmark's training script, three blocks long: classes whose instances other units create.
  out.set('generated training script', { 'train.py': trainingFile(300) });
  return out;
}

const PY_SNIPPETS = [
  'x = F.softmax(x, dim=1)\n',
  '    return torch.sigmoid(out)\n',
  'criterion = nn.BCELoss()\n',
  'import torch.nn.functional as F\n',
  'def helper(z):\n    return z.softmax(dim=-1)\n',
  'class Head(nn.Module):\n    def forward(self, x):\n        return F.softmax(x, dim=1)\n',
  '        probs = torch.sigmoid(logits)\n',
  'loss = nn.CrossEntropyLoss()(model(x), y)\n',
  'if True:\n    pass\n',
  '\n',
];
const TS_SNIPPETS = [
  'const p = tf.softmax(x);\n',
  '  return tf.sigmoid(out);\n',
  "model.compile({ loss: 'categoricalCrossentropy', optimizer: 'adam' });\n",
  'function helper(z) { return z.softmax(); }\n',
  'const loss = tf.losses.softmaxCrossEntropy(labels, tf.softmax(logits));\n',
  '\n',
];
const TYPED = 'abcxyz_019 ():.,=#"\n';

function position(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, character: offset - start };
}

/** One edit of `text` as an LSP change, and the text after it. */
function editOf(
  text: string,
  rand: () => number,
  python: boolean,
  undo: { at: number } | undefined,
): { text: string; change: ContentChange; typedAt?: number } {
  const change = (from: number, to: number, insert: string) => ({
    text: text.slice(0, from) + insert + text.slice(to),
    change: { range: { start: position(text, from), end: position(text, to) }, text: insert },
  });
  if (undo) return change(undo.at, undo.at + 1, '');
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const r = rand();
  if (r < 0.5) {
    const at = Math.floor(rand() * (text.length + 1));
    return { ...change(at, at, TYPED[Math.floor(rand() * TYPED.length)]), typedAt: at };
  }
  if (r < 0.7) {
    const snippets = python ? PY_SNIPPETS : TS_SNIPPETS;
    const at = lineStarts[Math.floor(rand() * lineStarts.length)];
    return change(at, at, snippets[Math.floor(rand() * snippets.length)]);
  }
  if (r < 0.85 && lineStarts.length > 2) {
    const i = Math.floor(rand() * (lineStarts.length - 1));
    return change(lineStarts[i], lineStarts[i + 1], '');
  }
  // Rename one occurrence of an identifier to another one of the file.
  const words = [...text.matchAll(/[A-Za-z_]\w*/g)];
  if (words.length < 2) return change(0, 0, ' ');
  const w = words[Math.floor(rand() * words.length)];
  const other = words[Math.floor(rand() * words.length)][0];
  return change(w.index!, w.index! + w[0].length, other);
}

const show = (fs: Finding[]) =>
  fs.map(f => JSON.stringify({ code: f.code, span: f.span, message: f.message, related: f.related, fix: f.fix }));

const all = [...groups()];
let kept = 0;

for (const [name, original] of all) {
  test(`incremental check = check from scratch after ${EDITS} random edits: ${relative(repo, name)}`, async () => {
    const files = { ...original };
    const { ws, uriOf } = await workspaceOf(files);
    const paths = Object.keys(files).filter(p => languageOfPath(p));
    for (const p of paths) ws.check(uriOf(p));
    const rand = prng(paths.join('|').length * 7919 + EDITS);
    let undo: { path: string; at: number } | undefined;
    for (let step = 0; step < EDITS; step++) {
      const path = undo?.path ?? paths[Math.floor(rand() * paths.length)];
      const e = editOf(files[path], rand, path.endsWith('.py'), undo);
      undo = e.typedAt !== undefined ? { path, at: e.typedAt } : undefined;
      files[path] = e.text;
      ws.update(uriOf(path), e.text, languageOfPath(path)!, [e.change]);
      await ws.resolveImports(uriOf(path));
      const fresh = await workspaceOf(files);
      for (const target of [path, ...ws.dependents(uriOf(path)).map(u => u.slice('file:///ws/'.length))]) {
        const inc = ws.inspect(uriOf(target));
        kept += inc.units?.unitsKept ?? 0;
        assert.deepEqual(
          show(inc.findings),
          show(fresh.ws.check(fresh.uriOf(target))),
          `${target} after edit ${step} (${JSON.stringify(e.change)}), units ${JSON.stringify(inc.units)}`,
        );
      }
      // What callers cause in other files: an edit of a caller changes its callees' findings, an edit of a
      // callee its callers' checks, so every file of the group is compared.
      for (const target of paths) {
        await ws.resolveCallers(uriOf(target));
        await fresh.ws.resolveCallers(fresh.uriOf(target));
        assert.deepEqual(
          show(ws.callerFindings(uriOf(target))),
          show(fresh.ws.callerFindings(fresh.uriOf(target))),
          `findings callers cause in ${target} after edit ${step} of ${path} (${JSON.stringify(e.change)})`,
        );
      }
    }
  });
}

test('the differential runs above reused analysis units (the incremental path was exercised)', () => {
  assert.ok(kept > 0, 'no unit was ever kept from a previous check');
});
