// The stdio framing check (server/src/node/framing-guard.ts) passes well-framed traffic through
// byte for byte, however it is split into chunks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FramingGuard } from '../../../server/src/node/framing-guard';

function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body)}\r\ncontent-type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${body}`;
}

async function through(input: Buffer, chunk: number): Promise<Buffer | Error> {
  const g = new FramingGuard();
  const out: Buffer[] = [];
  g.on('data', (d: Buffer) => out.push(d));
  return new Promise(resolve => {
    g.on('error', e => resolve(e));
    g.on('end', () => resolve(Buffer.concat(out)));
    for (let i = 0; i < input.length; i += chunk) g.write(input.subarray(i, i + chunk));
    g.end();
  });
}

test('well-framed messages pass unchanged at every chunk size', async () => {
  const input = Buffer.from(frame('{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"é":"ü"}}') + frame('[1, 2]\n'));
  for (const chunk of [1, 2, 3, 7, 16, input.length]) assert.deepEqual(await through(input, chunk), input, `chunk ${chunk}`);
});

test('framing errors are errors at every chunk size', async () => {
  for (const bad of ['Content-Length: 4\r\n\r\n{"a"}', 'Content-Length: 9\n\n{"a": 1}', 'X: 1\r\n\r\n{}', 'Content-Length: 0\r\n\r\n'])
    for (const chunk of [1, 5, 100])
      assert.ok((await through(Buffer.from(bad), chunk)) instanceof Error, `${JSON.stringify(bad)} / ${chunk}`);
});
