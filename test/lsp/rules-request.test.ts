// `losslens/rules` over the real server (`node dist/server.js --stdio`): the rule catalogue as it applies
// to a file, with the editor settings and a project's losslens.toml taken into account.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from './lsp-client';
import { rulesRequest } from '../../shared/src/protocol';

const dir = mkdtempSync(join(tmpdir(), 'losslens-rules-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('losslens/rules lists every rule with its severity for the file', async () => {
  writeFileSync(join(dir, 'losslens.toml'), 'ignore = ["LL011"]\n');
  writeFileSync(join(dir, 'train.py'), 'import torch\n');
  const root = pathToFileURL(dir).href;
  const { client } = await TestClient.start({
    pullDiagnostics: true,
    settings: () => ({ rules: { LL014: 'off', LL003: 'error' } }),
    workspaceFolders: [{ uri: root, name: 'w' }],
  });
  try {
    const uri = pathToFileURL(join(dir, 'train.py')).href;
    await client.open(uri, 'import torch\n');
    const rules = await client.connection.sendRequest(rulesRequest, { uri });
    assert.ok(rules.length >= 22, `${rules.length} rules`);
    const by = (id: string) => rules.find(r => r.id === id);
    assert.deepEqual(by('LL001'), { ...by('LL001'), name: 'double-softmax', severity: 'error', enabled: true, configuredBy: 'default' });
    assert.deepEqual([by('LL014')?.enabled, by('LL014')?.configuredBy], [false, 'settings']);
    assert.deepEqual([by('LL003')?.severity, by('LL003')?.configuredBy], ['error', 'settings']);
    assert.deepEqual([by('LL011')?.enabled, by('LL011')?.configuredBy], [false, 'project']);
    const defaults = await client.connection.sendRequest(rulesRequest, {});
    assert.ok(defaults.every(r => r.enabled && r.configuredBy === 'default'));
  } finally {
    assert.equal(await client.shutdown(), 0);
  }
});
