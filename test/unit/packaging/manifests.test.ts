// The packaging manifests agree with each other (the slow end-to-end install checks are
// `npm run test:packaging`): the pre-commit hooks, the versions of the npm package and the wheel, and
// the .vsix leaving the other packagings out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const read = (path: string) => readFileSync(path, 'utf8');
const pkg = JSON.parse(read('package.json')) as { version: string; bin: Record<string, string>; scripts: Record<string, string> };

/** The hooks of .pre-commit-hooks.yaml as id → { key: raw value } (a flat list of mappings). */
function hooks(): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  let current: Record<string, string> | undefined;
  for (const line of read('.pre-commit-hooks.yaml').split('\n')) {
    const item = /^- id: (\S+)$/.exec(line);
    if (item) out.set(item[1], (current = { id: item[1] }));
    const field = /^ {2}(\w+): (.*)$/.exec(line);
    if (field && current) current[field[1]] = field[2];
  }
  return out;
}

test('pre-commit: losslens-check and losslens-fix run the bin as node hooks over every file type LossLens reads, serially', () => {
  const found = hooks();
  assert.deepEqual([...found.keys()], ['losslens-check', 'losslens-fix']);
  const entries = { 'losslens-check': 'losslens check', 'losslens-fix': 'losslens fix' };
  for (const [id, entry] of Object.entries(entries)) {
    const hook = found.get(id)!;
    assert.equal(hook.entry, entry);
    assert.ok(entry.split(' ')[0] in pkg.bin, `${entry} names a bin of package.json`);
    assert.equal(hook.language, 'node');
    assert.equal(hook.types_or, '[python, pyi, jupyter, ts, tsx, javascript, jsx]');
    assert.equal(hook.require_serial, 'true');
  }
});

test('the repository builds only the CLI on install: prepare is esbuild.mjs --cli', () => {
  assert.match(pkg.scripts.prepare, /^node esbuild\.mjs --cli\b/);
  // npm pack must print only the tarball name on stdout (pre-commit < 4 reads it): scripts in the background.
  assert.match(read('.npmrc'), /^foreground-scripts=false$/m);
});

test('the wheel has the version of the npm package', () => {
  const version = /^version = "([^"]+)"$/m.exec(read('python/pyproject.toml'))?.[1];
  assert.equal(version, pkg.version);
  assert.match(read('python/src/losslens/__init__.py'), new RegExp(`^__version__ = "${pkg.version.replace(/\./g, '\\.')}"$`, 'm'));
});

test('the .vsix leaves out the npm, pre-commit and pip packagings', () => {
  const ignored = read('.vscodeignore').split('\n');
  for (const pattern of ['.npmignore', '.pre-commit-hooks.yaml', 'python/**']) assert.ok(ignored.includes(pattern), pattern);
});
