// Framework knowledge lives in the packs (server/src/frameworks/): a string literal naming a
// framework API (`'torch.nn.Softmax'`, `'tf.losses.sigmoidCrossEntropy'`) anywhere else in the server
// is knowledge in the wrong place. Comments and documentation prose do not count; literals do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { PACKS } from '../../../server/src/frameworks/registry';

const ROOTS = PACKS.flatMap(p => p.roots);
const FRAMEWORK_PATH = new RegExp(`^(${ROOTS.join('|')})\\.[A-Za-z_]`);

/** String and template literals of a TypeScript text that start with a framework path. */
export function frameworkLiterals(text: string): { line: number; value: string }[] {
  const out: { line: number; value: string }[] = [];
  const file = ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      if (FRAMEWORK_PATH.test(node.text))
        out.push({ line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1, value: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

test('the check itself finds literals and skips comments', () => {
  const text = [
    "// 'torch.nn.Softmax' in a comment",
    "const a = 'torch.nn.Softmax';",
    'const b = `tf.losses.${name}`;',
    "const c = 'torch';",
    'const d = `x ${y} keras.layers.Dense`;',
  ].join('\n');
  assert.deepEqual(
    frameworkLiterals(text).map(l => l.line),
    [2, 3],
  );
  assert.deepEqual(
    frameworkLiterals("const r = /a\\.b/; const s = 'tfjs.layers.dense';").map(l => l.value),
    ['tfjs.layers.dense'],
  );
});

test('no framework API literal outside server/src/frameworks/', () => {
  const found: string[] = [];
  for (const file of sources('server/src')) {
    if (file.split(/[\\/]/).includes('frameworks')) continue;
    for (const l of frameworkLiterals(readFileSync(file, 'utf8'))) found.push(`${file}:${l.line}: '${l.value}'`);
  }
  assert.deepEqual(found, [], 'framework names belong in a pack (server/src/frameworks/<family>/)');
});
