// The analysis stays split by concern: a file that grows past 600 lines is doing two things.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const LIMIT = 600;

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

test(`no file of server/src/analysis has more than ${LIMIT} lines`, () => {
  const long = sources('server/src/analysis')
    .map(file => ({ file, lines: readFileSync(file, 'utf8').split('\n').length }))
    .filter(f => f.lines > LIMIT)
    .map(f => `${f.file}: ${f.lines} lines`);
  assert.deepEqual(long, []);
});
