// Command-line parsing (docs/ARCHITECTURE.md "Contracts").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs, UsageError } from '../../server/src/cli/args';

test('check with every option, both spellings', () => {
  assert.deepEqual(parseArgs(['check', '--format', 'sarif', '--fail-on=error', '--no-cache', 'a', 'b']), {
    kind: 'check',
    format: 'sarif',
    failOn: 'error',
    cache: false,
    paths: ['a', 'b'],
  });
  assert.deepEqual(parseArgs(['check']), { kind: 'check', format: 'text', failOn: 'warning', cache: true, paths: ['.'] });
  assert.deepEqual(
    parseArgs(['check', '--', '--odd-name.py']).kind === 'check' &&
      (parseArgs(['check', '--', '--odd-name.py']) as { paths: string[] }).paths,
    ['--odd-name.py'],
  );
});

test('help, version, rules', () => {
  assert.equal(parseArgs(['--help']).kind, 'help');
  assert.equal(parseArgs(['check', '-h']).kind, 'help');
  assert.equal(parseArgs(['--version']).kind, 'version');
  assert.deepEqual(parseArgs(['rules', '--format', 'json']), { kind: 'rules', format: 'json' });
});

const bad: string[][] = [
  [],
  ['--nope'],
  ['lint'],
  ['check', '--format'],
  ['check', '--format', 'xml'],
  ['check', '--fail-on', 'hint'],
  ['check', '--no-cache=1'],
  ['check', '-x'],
  ['rules', 'extra'],
  ['rules', '--fail-on', 'error'],
  ['rules', '--format', 'sarif'],
];
for (const args of bad) {
  test(`usage error: ${JSON.stringify(args)}`, () => assert.throws(() => parseArgs(args), UsageError));
}
