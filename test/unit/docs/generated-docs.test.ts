// The docs that are generated or mirrored from code must match it: rule pages and the README rules
// table (from the registry), and the README settings table (from package.json contributes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { allRuleMetas, ruleMetas } from '../../../server/src/rules/registry';
import { renderRuleDoc, renderRulesIndex, renderRulesTable, ruleDocPath, spliceReadme } from '../../../server/src/rules/docs';

const readme = readFileSync('README.md', 'utf8');

test('docs/rules/LLnnn.md are up to date with the registry (run `npm run docs`)', () => {
  for (const m of allRuleMetas) {
    assert.equal(readFileSync(ruleDocPath(m.id), 'utf8'), renderRuleDoc(m), `${ruleDocPath(m.id)} is stale`);
  }
  assert.equal(readFileSync('docs/rules/README.md', 'utf8'), renderRulesIndex(ruleMetas), 'docs/rules/README.md is stale');
  const pages = readdirSync('docs/rules').filter(f => /^LL\d{3}\.md$/.test(f));
  assert.deepEqual(pages.sort(), allRuleMetas.map(m => `${m.id}.md`).sort(), 'a rule page exists for a rule that is not registered');
});

test('the README rules table is up to date with the registry (run `npm run docs`)', () => {
  assert.equal(readme, spliceReadme(readme, renderRulesTable(ruleMetas)));
});

// Ids are assigned by the issue that specifies a rule (#18 fixes LL023–LL031), so they may land out of
// order and leave gaps until the others do; they are never reused or reordered.
test('rule ids are unique, ascending from LL000, and names are kebab-case', () => {
  assert.equal(allRuleMetas[0].id, 'LL000');
  allRuleMetas.forEach((m, i) => {
    assert.match(m.id, /^LL\d{3}$/);
    if (i > 0) assert.ok(m.id > allRuleMetas[i - 1].id, `${m.id} after ${allRuleMetas[i - 1].id}`);
    assert.match(m.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

test('the README settings table lists every contributed setting with its default', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const props: Record<string, { default?: unknown }> = {};
  const conf = pkg.contributes.configuration;
  for (const c of Array.isArray(conf) ? conf : [conf]) Object.assign(props, c.properties);
  const rows = new Map<string, string>();
  for (const m of readme.matchAll(/^\| `(losslens\.[\w.]+)` \| `([^`]*)` \|/gm)) rows.set(m[1], m[2]);
  assert.deepEqual([...rows.keys()].sort(), Object.keys(props).sort(), 'README settings table and package.json contributes.configuration differ');
  for (const [key, p] of Object.entries(props)) {
    assert.equal(rows.get(key), JSON.stringify(p.default), `README default for ${key}`);
  }
});
