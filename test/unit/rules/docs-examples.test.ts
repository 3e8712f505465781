// Every rule's documented example must trigger that rule, and its "use instead" code must not:
// the docs pages are generated from these snippets, so a stale example would teach the wrong fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../helpers/analysis';
import { rules } from '../../../server/src/rules/registry';

const pathFor = (language: 'python' | 'typescript') => (language === 'python' ? 'example.py' : 'example.ts');

for (const rule of rules) {
  const { id } = rule.meta;
  const { example, useInstead } = rule.meta.docs;

  test(`${id} docs example triggers ${id}`, async () => {
    const codes = (await check(example.code, pathFor(example.language))).map(f => f.code);
    assert.ok(codes.includes(id), `${id}: the docs example gives ${JSON.stringify(codes)}`);
  });

  test(`${id} docs "use instead" does not trigger ${id}`, async () => {
    const codes = (await check(useInstead.code, pathFor(useInstead.language))).map(f => f.code);
    assert.ok(!codes.includes(id), `${id}: the "use instead" code still gives ${id}`);
  });
}
