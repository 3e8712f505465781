// Issue #21 item 4: the client reads files for the server only inside the workspace folders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { insideFolders, type UriParts } from '../../../client/src/common/workspace-bounds';

const u = (scheme: string, path: string, authority = ''): UriParts => ({ scheme, authority, path });

test('only URIs below a workspace folder are read for the server', () => {
  const folders = [u('file', '/ws'), u('vscode-vfs', '/repo/', 'github')];
  const table: [UriParts, boolean][] = [
    [u('file', '/ws/a.py'), true],
    [u('file', '/ws/pkg/b.ts'), true],
    [u('vscode-vfs', '/repo/x.py', 'github'), true],
    [u('file', '/ws'), false],
    [u('file', '/wsx/a.py'), false],
    [u('file', '/etc/passwd'), false],
    [u('file', '/ws/../etc/passwd'), false],
    [u('file', '/ws/./a.py'), false],
    [u('vscode-vfs', '/repo/x.py', 'other'), false],
    [u('untitled', '/ws/a.py'), false],
  ];
  for (const [uri, expected] of table) assert.equal(insideFolders(uri, folders), expected, JSON.stringify(uri));
  assert.equal(insideFolders(u('file', '/ws/a.py'), []), false, 'no folder: nothing on disk');
});
