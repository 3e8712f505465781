// Project configuration files: what is read, what is reported (with lines), and which file wins.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProjectConfig, ProjectConfigLoader } from '../../../server/src/config/project-config';
import { parseSettings } from '../../../server/src/config/settings';

test('pyproject [tool.losslens] with a severity table', () => {
  const c = parseProjectConfig(
    '[tool.losslens]\nselect = ["LL001"]\nexclude = ["tests"]\n[tool.losslens.severity]\nLL001 = "warning"\n',
    'file:///p/pyproject.toml',
    'file:///p',
  );
  assert.ok(c);
  assert.deepEqual([c.select, c.ignore, c.exclude, c.severity, c.problems], [['LL001'], undefined, ['tests'], { LL001: 'warning' }, []]);
});

test('losslens.toml top-level with an inline severity table', () => {
  const c = parseProjectConfig('ignore = ["LL001"]\nseverity = { LL000 = "off" }\n', 'file:///p/losslens.toml', 'file:///p');
  assert.deepEqual([c?.ignore, c?.severity], [['LL001'], { LL000: 'off' }]);
});

test('pyproject without the table is not a LossLens configuration, even when broken', () => {
  assert.equal(parseProjectConfig('[project]\nname = "x"\n', 'file:///p/pyproject.toml', 'file:///p'), null);
  assert.equal(parseProjectConfig('[project\n', 'file:///p/pyproject.toml', 'file:///p'), null);
});

const problems: [string, number, string][] = [
  ['[tool.losslens]\nselect = "LL001"\n', 2, "'select' must be an array"],
  ['[tool.losslens]\n\nignore = ["LL999"]\n', 3, "Unknown rule 'LL999'"],
  ['[tool.losslens]\nignore = ["E501"]\n', 2, 'not a rule id'],
  ['[tool.losslens.severity]\nLL001 = "fatal"\n', 2, 'must be one of error|warning|info|hint|off'],
  ['[tool.losslens]\nselct = []\n', 2, "Unknown option 'selct'"],
  ['[tool.losslens]\nselect = ["LL001"\n', 3, 'Invalid TOML'],
];
for (const [src, line, message] of problems) {
  test(`problem at line ${line}: ${message}`, () => {
    const c = parseProjectConfig(src, 'file:///p/pyproject.toml', 'file:///p');
    assert.ok(c);
    assert.equal(c.problems.length, 1, JSON.stringify(c.problems));
    assert.equal(c.problems[0].line, line);
    assert.ok(c.problems[0].message.includes(message), c.problems[0].message);
  });
}

test('the nearest configuration wins, pyproject without a table is skipped', async () => {
  const files: Record<string, string> = {
    'file:///r/pyproject.toml': '[tool.losslens]\nignore = ["LL001"]\n',
    'file:///r/a/pyproject.toml': '[project]\nname = "a"\n',
    'file:///r/b/losslens.toml': 'select = ["LL001"]\n',
    'file:///r/b/pyproject.toml': '[tool.losslens]\nignore = ["LL000"]\n',
  };
  const reads: string[] = [];
  const loader = new ProjectConfigLoader({
    readFile: async uri => {
      reads.push(uri);
      return files[uri];
    },
  });
  assert.equal((await loader.forFile('file:///r/a/x.py'))?.uri, 'file:///r/pyproject.toml');
  assert.equal((await loader.forFile('file:///r/b/c/y.py'))?.uri, 'file:///r/b/losslens.toml');
  assert.equal(await new ProjectConfigLoader({ readFile: async () => undefined }).forFile('file:///x/y.py'), null);
  const before = reads.length;
  await loader.forFile('file:///r/a/z.py');
  assert.equal(reads.length, before, 'folder lookups are cached');
});

test('editor settings: valid values are used, invalid ones reported and defaulted', () => {
  const { settings, problems } = parseSettings({
    enable: 'yes',
    exclude: ['**/gen/**'],
    rules: { LL001: 'warning', LL002: 'loud', foo: 'off' },
    maxFileSize: -1,
    trace: { server: 'verbose' },
  });
  assert.equal(settings.enable, true);
  assert.deepEqual(settings.exclude, ['**/gen/**']);
  assert.deepEqual(settings.rules, { LL001: 'warning' });
  assert.equal(settings.maxFileSize, 2_000_000);
  assert.deepEqual(
    problems.map(p => p.setting),
    ['losslens.enable', 'losslens.rules.LL002', 'losslens.rules.foo', 'losslens.maxFileSize'],
  );
});

test('a __proto__ key in a configuration is a problem on its line and changes no other object', () => {
  const c = parseProjectConfig('ignore = ["LL001"]\n[__proto__]\nselect = ["LL002"]\n', 'file:///p/losslens.toml', 'file:///p');
  assert.ok(c);
  assert.equal(c.problems.length, 1);
  assert.equal(c.problems[0].line, 2);
  assert.match(c.problems[0].message, /'__proto__' is not allowed/);
  assert.equal(({} as Record<string, unknown>).select, undefined);
  // Another tool's pyproject.toml: not ours to report, and still harmless.
  assert.equal(parseProjectConfig('[tool.other]\n__proto__ = { select = ["LL002"] }\n', 'file:///p/pyproject.toml', 'file:///p'), null);
  assert.equal(({} as Record<string, unknown>).select, undefined);
});

test('an invalid exclude glob is a problem on its line; the valid globs still apply', () => {
  const c = parseProjectConfig('[tool.losslens]\nexclude = ["gen", "[z-a]", "build/**"]\n', 'file:///p/pyproject.toml', 'file:///p');
  assert.ok(c);
  assert.deepEqual(c.exclude, ['gen', 'build/**']);
  assert.equal(c.problems.length, 1);
  assert.equal(c.problems[0].line, 2);
  assert.match(c.problems[0].message, /Invalid glob "\[z-a\]"/);
});
