// The TOML reader: the subset pyproject.toml / losslens.toml need, and clear line-numbered errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseToml, TomlError } from '../../../server/src/config/toml';

/** Tables are null-prototype objects; a plain copy compares with object literals. */
function plain(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

test('reads the LossLens table of a typical pyproject.toml', () => {
  const doc = parseToml(`
[project]
name = "demo"   # trailing comment
authors = [{ name = "A", email = "a@b.c" }]
requires-python = '>=3.9'

[[tool.poetry.source]]
name = "pypi"
[[tool.poetry.source]]
name = "mirror"

[tool.losslens]
select = [
  "LL001",  # first
  "LL003",
]
ignore = []
exclude = ["tests/**", 'build']

[tool.losslens.severity]
LL003 = "error"
`);
  const tool = doc.root.tool as Record<string, any>;
  assert.deepEqual(plain(tool.losslens), {
    select: ['LL001', 'LL003'],
    ignore: [],
    exclude: ['tests/**', 'build'],
    severity: { LL003: 'error' },
  });
  assert.equal(tool.poetry.source.length, 2);
  assert.equal(tool.poetry.source[1].name, 'mirror');
  assert.deepEqual(plain((doc.root.project as any).authors), [{ name: 'A', email: 'a@b.c' }]);
  assert.equal(doc.lines.get('tool.losslens.select'), 13);
  assert.equal(doc.lines.get('tool.losslens.severity.LL003'), 21);
});

const values: [string, unknown][] = [
  ['a = "tab\\tq\\"uote\\u00e9"', 'tab\tq"uoteé'],
  ["a = 'C:\\path'", 'C:\\path'],
  ['a = """\nline1\nline2"""', 'line1\nline2'],
  ["a = '''\nraw\\n'''", 'raw\\n'],
  ['a = 42', 42],
  ['a = -1_000', -1000],
  ['a = 0x1F', 31],
  ['a = 3.5e2', 350],
  ['a = true', true],
  ['a = false', false],
  ['a = inf', Infinity],
  ['a = 1979-05-27T07:32:00Z', '1979-05-27T07:32:00Z'],
  ['a = [1, [2, 3], "x"]', [1, [2, 3], 'x']],
  ['a = { b = 1, c.d = "e" }', { b: 1, c: { d: 'e' } }],
  ['"quoted key" = 1', undefined],
];
for (const [src, expected] of values) {
  test(`value: ${src.replace(/\n/g, '\\n')}`, () => {
    const doc = parseToml(src);
    if (expected === undefined) assert.equal(doc.root['quoted key'], 1);
    else assert.deepEqual(plain(doc.root.a), expected);
  });
}

test('dotted keys create nested tables', () => {
  assert.deepEqual(plain(parseToml('tool.losslens.select = ["LL001"]').root), { tool: { losslens: { select: ['LL001'] } } });
});

const errors: [string, string, number][] = [
  ['a = "unterminated', 'Unterminated string', 1],
  ['\n\na = [1, 2', 'Unterminated array', 3],
  ['a = 1\na = 2', 'defined more than once', 2],
  ['[t]\n[t]', 'defined more than once', 2],
  ['a = @', 'Unsupported value', 1],
  ['a = 1 b = 2', "Unexpected 'b'", 1],
  ['a =', 'Expected a value', 1],
  ['= 1', 'Unexpected character', 1],
  ['a = "\\q"', 'Invalid escape', 1],
  ['[tool\nx = 1', "Expected ']'", 1],
  // Keys naming object internals: refused, on the line they appear.
  ['[__proto__]\nselect = ["LL002"]', "Key '__proto__' is not allowed", 1],
  ['a = 1\n__proto__.select = ["LL002"]', "Key '__proto__' is not allowed", 2],
  ['[tool.losslens]\n\n"__proto__" = { error = "off" }', "Key '__proto__' is not allowed", 3],
  ['x = { __proto__ = { method = 1 } }', "Key '__proto__' is not allowed", 1],
  ['[[__proto__]]', "Key '__proto__' is not allowed", 1],
  ['[a.constructor.prototype]\nselect = 1', "Key 'constructor' is not allowed", 1],
  ["a.'prototype' = 1", "Key 'prototype' is not allowed", 1],
];
for (const [src, message, line] of errors) {
  test(`rejects ${JSON.stringify(src)} with a line-numbered error`, () => {
    assert.throws(
      () => parseToml(src),
      (e: unknown) => e instanceof TomlError && e.message.includes(message) && e.line === line,
    );
  });
}

test('hostile keys never reach Object.prototype, and tables have no prototype to inherit from', () => {
  const hostile = [
    '[__proto__]\nselect = ["LL002"]\nerror = "off"',
    '__proto__.select = ["LL002"]',
    'a = { __proto__ = { select = ["LL002"] } }',
    '[tool]\n__proto__ = { method = "x" }',
    '[[__proto__]]\nselect = ["LL002"]',
    '[a]\nconstructor.prototype.select = ["LL002"]',
  ];
  for (const src of hostile) {
    assert.throws(() => parseToml(src), TomlError, src);
    const probe = {} as Record<string, unknown>;
    assert.equal(probe.select, undefined, src);
    assert.equal(probe.error, undefined, src);
    assert.equal(probe.method, undefined, src);
  }
  const doc = parseToml('[tool.losslens]\nignore = []\n');
  const table = (doc.root.tool as Record<string, Record<string, unknown>>).losslens;
  assert.equal(Object.getPrototypeOf(doc.root), null);
  assert.equal(Object.getPrototypeOf(table), null);
  assert.equal(table.toString, undefined, 'no inherited members look like settings');
});
