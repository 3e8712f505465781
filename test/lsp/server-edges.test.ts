// Issue #21 item 8, with the real stdio server: framing errors make it exit non-zero (so the client
// restarts it) instead of leaving it alive but deaf; a didOpen without text is refused with a log
// line and leaves other documents alone; losslens.maxFileSize from workspace/configuration holds
// from the first analysis after didOpen.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { TestClient, DIST } from './lsp-client';

const SOURCE = 'import torch.nn.functional as F\n\ndef step(x, y):\n    p = F.softmax(x, dim=1)\n    return F.cross_entropy(p, y)\n';
const clients: TestClient[] = [];
after(() => clients.forEach(c => c.kill()));

/** Writes `bytes` to a fresh server's stdin and waits (generously) for it to exit: its status, or 'alive'. */
async function feedRaw(bytes: string): Promise<number | null | 'alive'> {
  const proc = spawn(process.execPath, [join(DIST, 'server.js'), '--stdio'], { stdio: 'pipe' });
  const exited = new Promise<number | null>(r => proc.on('exit', code => r(code)));
  proc.stdin.write(bytes);
  // stdin stays open: a server that merely waits for more bytes is the bug.
  const r = await Promise.race([exited, new Promise<'alive'>(r => setTimeout(() => r('alive'), 15_000))]);
  if (r === 'alive') proc.kill();
  return r;
}

const framingErrors: [string, string][] = [
  ['no Content-Length', 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"x"}'],
  ['negative length', 'Content-Length: -5\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"x"}'],
  ['short length', 'Content-Length: 5\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"x"}'],
  ['LF-only header', 'Content-Length: 38\n\n{"jsonrpc":"2.0","id":1,"method":"x"}'],
  ['1e12 length', 'Content-Length: 1000000000000\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"x"}'],
  ['garbage', 'GET / HTTP/1.1\r\nHost: x\r\n\r\n'],
];

for (const [name, bytes] of framingErrors) {
  test(`framing error exits non-zero: ${name}`, async () => {
    const status = await feedRaw(bytes);
    assert.notEqual(status, 'alive', 'the server stayed alive but deaf');
    assert.notEqual(status, 0);
  });
}

test('well-framed traffic keeps the server answering', async () => {
  const { client } = await TestClient.start({ pullDiagnostics: true, settings: () => ({}) });
  clients.push(client);
  await client.open('file:///edges/a.py', SOURCE);
  const r = await client.pull('file:///edges/a.py');
  assert.deepEqual(
    r.items.map(d => d.code),
    ['LL001'],
  );
  assert.equal(await client.shutdown(), 0);
});

test('a didOpen without text is refused with a log line; other documents are unaffected', async () => {
  const { client } = await TestClient.start({ pullDiagnostics: false, settings: () => ({}) });
  clients.push(client);
  await client.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: 'file:///edges/notext.py', languageId: 'python', version: 1 },
  });
  await client.open('file:///edges/b.py', SOURCE);
  const published = await client.waitFor('diagnostics of b.py', () =>
    client.published.find(p => p.uri === 'file:///edges/b.py' && p.diagnostics.length > 0),
  );
  assert.deepEqual(
    published.diagnostics.map(d => d.code),
    ['LL001'],
  );
  await client.waitFor('the refusal logged', () => client.logs.find(l => /notext\.py/.test(l) && /without text/.test(l)));
  assert.equal(
    client.published.some(p => p.uri === 'file:///edges/notext.py' && p.diagnostics.length > 0),
    false,
  );
  assert.ok(!client.logs.some(l => /uncaught|unhandled/.test(l)), client.logs.join('\n'));
  assert.equal(await client.shutdown(), 0);
});

const dir = mkdtempSync(join(tmpdir(), 'losslens-edges-'));
after(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'helper.py'), 'import torch.nn.functional as F\n\ndef probs(x):\n    return F.softmax(x, dim=1)\n');
/** LL001 only when helper.py is resolved: the softmax is in the imported function. */
const IMPORTING = 'import torch.nn.functional as F\nfrom helper import probs\n\ndef step(x, y):\n    return F.cross_entropy(probs(x), y)\n';

for (const pullDiagnostics of [true, false]) {
  test(`losslens.maxFileSize from workspace/configuration holds on the first analysis (${pullDiagnostics ? 'pull' : 'push'})`, async () => {
    // Larger than the default limit, allowed by the setting: analysed at once, with its imports.
    const big = IMPORTING + `# ${'x'.repeat(2_100_000)}\n`;
    const bigUri = pathToFileURL(join(dir, 'big.py')).href;
    const smallUri = pathToFileURL(join(dir, 'small.py')).href;
    const { client } = await TestClient.start({
      pullDiagnostics,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'edges' }],
      settings: scope => (scope?.endsWith('big.py') ? { maxFileSize: 3_000_000 } : scope?.endsWith('small.py') ? { maxFileSize: 50 } : {}),
    });
    clients.push(client);
    await client.open(bigUri, big);
    await client.open(smallUri, SOURCE);
    const codes = async (uri: string): Promise<unknown[]> => {
      if (pullDiagnostics) return (await client.pull(uri)).items.map(d => d.code);
      const p = await client.waitFor(`diagnostics of ${uri}`, () => client.published.find(q => q.uri === uri), 30_000);
      return p.diagnostics.map(d => d.code);
    };
    assert.deepEqual(await codes(bigUri), ['LL001'], 'maxFileSize 3 MB: the 2.1 MB file is analysed with its imports');
    assert.deepEqual(await codes(smallUri), [], 'maxFileSize 50: skipped');
    assert.ok(!client.logs.some(l => /skipping .*big\.py/.test(l)), client.logs.join('\n'));
    assert.equal(await client.shutdown(), 0);
  });
}
