// The extension bundles take nothing of the server but the shared protocol: client code imports no file
// under server/, and shared/ (which both sides bundle) imports only the runtime-neutral protocol package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function tsFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) tsFiles(p, out);
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

const IMPORT = /^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;

function specifiers(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)].map(m => m[1] ?? m[2]);
}

test('client code imports nothing under server/', () => {
  const files = tsFiles('client/src');
  assert.ok(files.length > 20);
  for (const f of files) {
    for (const s of specifiers(f)) assert.ok(!/(^|\/)server\//.test(s), `${f} imports ${s}`);
  }
});

test('shared/ imports only vscode-languageserver-protocol and itself', () => {
  for (const f of tsFiles('shared/src')) {
    for (const s of specifiers(f)) assert.ok(s === 'vscode-languageserver-protocol' || s.startsWith('./'), `${f} imports ${s}`);
  }
});
