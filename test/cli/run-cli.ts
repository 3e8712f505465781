// Runs `node dist/cli.js` in a folder and captures what a user or CI job would see.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const DIST = resolve(process.env.LOSSLENS_DIST ?? join(__dirname, '..', '..', '..', 'dist'));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd: string, env: Record<string, string> = {}, timeout = 120_000): CliRun {
  const r = spawnSync(process.execPath, [join(DIST, 'cli.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env },
    timeout,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Creates a folder with the given files (path → content) and returns its absolute path. */
export function makeTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'losslens-cli-'));
  for (const [rel, text] of Object.entries(files)) {
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
  return root;
}

export const DOUBLE_SOFTMAX = [
  'import torch.nn.functional as F',
  '',
  'def step(x, y):',
  '    p = F.softmax(x, dim=1)',
  '    return F.cross_entropy(p, y)',
  '',
].join('\n');

export const SIGMOID_BCE = [
  'import torch',
  'import torch.nn.functional as F',
  '',
  'def step(x, y):',
  '    p = torch.sigmoid(x)',
  '    return F.binary_cross_entropy(p, y)',
  '',
].join('\n');

export const CLEAN = 'import torch.nn.functional as F\n\ndef step(x, y):\n    return F.cross_entropy(x, y)\n';
