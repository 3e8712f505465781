// Whole-repository check of the real-code corpus (bench/corpus, see bench/corpus-fetch.sh):
// LossLens's CLI cold (--no-cache, default workers and one thread) and Ruff's wasm build over the same
// .py files (single thread), interleaved round by round for side-by-side ratios; then LossLens warm
// (cache filled by a first cached run).
//
//   npm run build && npm install --prefix bench && bash bench/corpus-fetch.sh
//   node bench/analysis/whole-repo.mjs [--corpus DIR] [--cli dist/cli.js] [--repeat N] [--workers N] [--json OUT]
//
// Each measured program runs in its own child process so wall time and peak RSS (the kernel's
// high-water mark of the whole process, worker threads included) belong to it alone. Peak RSS
// comes from /usr/bin/time when present, else from polling /proc/<pid>/status VmHWM.
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');

if (process.argv[2] === '--ruff-child') {
  await ruffChild(process.argv[3]);
  process.exit(0);
}

const args = parseArgs(process.argv.slice(2));
const corpus = resolve(args.corpus ?? join(repo, 'bench', 'corpus'));
const builtCli = resolve(args.cli ?? join(repo, 'dist', 'cli.js'));
const repeat = Number(args.repeat ?? 1);
if (!existsSync(corpus)) fail(`no corpus at ${corpus}: run bash bench/corpus-fetch.sh`);
if (!existsSync(builtCli)) fail(`no CLI at ${builtCli}: run npm run build`);
const cli = snapshotCli(builtCli);

const files = listPy(corpus);
const lines = files.reduce((n, f) => n + countLines(readFileSync(f, 'utf8')), 0);
console.log(`corpus: ${files.length} .py files, ${lines} lines (${corpus})`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, node ${process.version}`);

const results = { date: new Date().toISOString(), node: process.version, cores: cpus().length, files: files.length, lines, runs: {} };

// The cache lives in the working directory: each run gets a fresh one outside the repository.
const scratch = mkdtempSync(join(tmpdir(), 'losslens-bench-'));
const cliArgs = cache => [cli, 'check', '--format', 'json', '--fail-on', 'never', ...(cache ? [] : ['--no-cache']), corpus];
const workerEnv = args.workers ? { LOSSLENS_WORKERS: String(args.workers) } : {};
try {
  // The cold runs are interleaved, one of each per round, so a slow minute of the machine (its speed
  // drifts by ±20 %) falls on all three programs alike; each round also gives a paired ratio.
  const rounds = { cold: [], cold1: [], ruff: [] };
  for (let i = 0; i < repeat; i++) {
    rounds.cold.push(await measure(process.execPath, cliArgs(false), { cwd: scratch, env: workerEnv }));
    rounds.cold1.push(await measure(process.execPath, cliArgs(false), { cwd: scratch, env: { LOSSLENS_WORKERS: '1' } }));
    rounds.ruff.push(await measure(process.execPath, [fileURLToPath(import.meta.url), '--ruff-child', corpus], { cwd: scratch }));
  }
  const cold = fastest(rounds.cold);
  const findings = JSON.parse(cold.stdout);
  report('losslens cold (--no-cache)', cold, { findings: findings.length });
  results.runs.cold = summary(cold, { findings: findings.length });

  const cold1 = fastest(rounds.cold1);
  report('losslens cold, 1 thread', cold1, { findings: JSON.parse(cold1.stdout).length });
  results.runs.cold1 = summary(cold1, { findings: JSON.parse(cold1.stdout).length });

  const ruff = fastest(rounds.ruff);
  const ruffOut = JSON.parse(ruff.stdout);
  report(`ruff ${ruffOut.version} wasm, default rules, 1 thread`, ruff, {
    diagnostics: ruffOut.diagnostics,
    'check loop s': (ruffOut.checkMs / 1000).toFixed(2),
  });
  results.ruff = { version: ruffOut.version, ...summary(ruff, { diagnostics: ruffOut.diagnostics, checkSeconds: ruffOut.checkMs / 1000 }) };

  const cacheDir = mkdtempSync(join(tmpdir(), 'losslens-bench-cache-'));
  const fill = await measure(process.execPath, cliArgs(true), { cwd: cacheDir, env: workerEnv });
  report('losslens first cached run (fills .losslens-cache)', fill, { findings: JSON.parse(fill.stdout).length });
  const warm = await best(repeat, () => measure(process.execPath, cliArgs(true), { cwd: cacheDir, env: workerEnv }));
  report('losslens warm (cache hit)', warm, { findings: JSON.parse(warm.stdout).length });
  results.runs.warm = summary(warm, { findings: JSON.parse(warm.stdout).length });
  rmSync(cacheDir, { recursive: true, force: true });

  const paired = rounds.cold.map((r, i) => r.wall / rounds.ruff[i].wall);
  const paired1 = rounds.cold1.map((r, i) => r.wall / rounds.ruff[i].wall);
  const rssMax = Math.max(...rounds.cold.map(r => r.rssMB));
  results.pairedRatios = { workers: paired, oneThread: paired1 };
  console.log('');
  console.log(
    `cold wall per round, LossLens (default workers) / 1 thread / Ruff-wasm: ${rounds.cold.map((r, i) => `${r.wall.toFixed(2)}/${rounds.cold1[i].wall.toFixed(2)}/${rounds.ruff[i].wall.toFixed(2)}`).join(', ')}`,
  );
  console.log(
    `ratio cold wall, LossLens (default workers) / Ruff-wasm: best ${(cold.wall / ruff.wall).toFixed(2)}, per round ${paired.map(r => r.toFixed(2)).join(' ')}, median ${median(paired).toFixed(2)}`,
  );
  console.log(
    `ratio cold wall, LossLens 1 thread / Ruff-wasm:        best ${(cold1.wall / ruff.wall).toFixed(2)}, per round ${paired1.map(r => r.toFixed(2)).join(' ')}, median ${median(paired1).toFixed(2)}`,
  );
  console.log(`ratio CPU (user+sys), LossLens 1 thread / Ruff-wasm:    ${((cold1.user + cold1.sys) / (ruff.user + ruff.sys)).toFixed(2)}`);
  console.log(
    `goal: LossLens cold <= Ruff-wasm (median paired ratio: ${median(paired) <= 1 ? 'met' : 'NOT met'}), peak RSS < 300 MB (max over rounds ${rssMax.toFixed(0)} MB: ${rssMax < 300 ? 'met' : 'NOT met'})`,
  );
  if (args.json) writeFileSync(args.json, JSON.stringify(results, null, 2));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/**
 * Copies the CLI bundle, its worker and the wasm into bench/analysis/out/cli-snapshot (gitignored,
 * inside the repository so `typescript` still resolves from node_modules), so a rebuild of dist/
 * during the run cannot change what is measured or invalidate the warm cache half-way.
 */
function snapshotCli(built) {
  const from = dirname(built);
  const to = join(here, 'out', 'cli-snapshot');
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  // bench/package.json says "type": "module"; the bundles are CommonJS.
  writeFileSync(join(to, 'package.json'), '{ "type": "commonjs" }\n');
  for (const f of ['cli.js', 'cli-worker.js']) if (existsSync(join(from, f))) copyFileSync(join(from, f), join(to, f));
  if (existsSync(join(from, 'wasm'))) cpSync(join(from, 'wasm'), join(to, 'wasm'), { recursive: true });
  return join(to, 'cli.js');
}

/** Ruff in a child process: read every file, then check each, one after the other. */
async function ruffChild(dir) {
  const require = createRequire(join(repo, 'bench', 'package.json'));
  const ruff = require('@astral-sh/ruff-wasm-nodejs');
  const t0 = performance.now();
  const ws = new ruff.Workspace(ruff.Workspace.defaultSettings(), ruff.PositionEncoding.Utf16);
  let diagnostics = 0;
  for (const f of listPy(dir)) diagnostics += ws.check(readFileSync(f, 'utf8')).length;
  const checkMs = performance.now() - t0;
  process.stdout.write(JSON.stringify({ version: ruff.Workspace.version(), diagnostics, checkMs }));
}

/** Runs a program; wall time, CPU time and peak RSS of that process. */
function measure(cmd, argv, { cwd, env = {} }) {
  const load = loadavg()[0];
  const timeBin = '/usr/bin/time';
  const useTime = existsSync(timeBin);
  const timeOut = join(tmpdir(), `losslens-time-${process.pid}-${Date.now()}.txt`);
  const [exe, exeArgs] = useTime ? [timeBin, ['-o', timeOut, '-f', '%e %U %S %M', cmd, ...argv]] : [cmd, argv];
  return new Promise((resolveRun, reject) => {
    const t0 = performance.now();
    const child = spawn(exe, exeArgs, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    let err = '';
    let hwmKB = 0;
    const poll = useTime
      ? undefined
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (m) hwmKB = Math.max(hwmKB, Number(m[1]));
          } catch {
            /* exited */
          }
        }, 20);
    child.stdout.on('data', d => out.push(d));
    child.stderr.on('data', d => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', code => {
      const wallJs = (performance.now() - t0) / 1000;
      if (poll) clearInterval(poll);
      if (code !== 0) {
        reject(new Error(`${cmd} ${argv.join(' ')} exited ${code}\n${err.slice(-2000)}`));
        return;
      }
      let wall = wallJs,
        user = NaN,
        sys = NaN,
        rssKB = hwmKB;
      if (useTime) {
        const [e, u, s, m] = readFileSync(timeOut, 'utf8').trim().split(/\s+/).slice(-4).map(Number);
        rmSync(timeOut, { force: true });
        wall = e;
        user = u;
        sys = s;
        rssKB = m;
      }
      resolveRun({ wall, user, sys, rssMB: rssKB / 1024, load, stdout: Buffer.concat(out).toString('utf8'), stderr: err });
    });
  });
}

/** The fastest of the runs (the one least disturbed by other work on a shared machine). */
function fastest(runs) {
  return runs.reduce((b, r) => (r.wall < b.wall ? r : b));
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** The fastest of n runs (the one least disturbed by other work on a shared machine). */
async function best(n, run) {
  let b;
  for (let i = 0; i < n; i++) {
    const r = await run();
    if (!b || r.wall < b.wall) b = r;
  }
  return b;
}

function report(label, r, extra) {
  const parts = [
    `wall ${r.wall.toFixed(2)} s`,
    `${Math.round(lines / r.wall).toLocaleString('en-US')} lines/s`,
    `user+sys ${(r.user + r.sys).toFixed(2)} s`,
    `peak RSS ${r.rssMB.toFixed(0)} MB`,
    `load1 at start ${r.load.toFixed(1)}`,
    ...Object.entries(extra).map(([k, v]) => `${k} ${v}`),
  ];
  console.log(`${label.padEnd(52)} ${parts.join(', ')}`);
}

function summary(r, extra) {
  return {
    wallSeconds: r.wall,
    linesPerSecond: Math.round(lines / r.wall),
    cpuSeconds: r.user + r.sys,
    peakRssMB: Math.round(r.rssMB),
    load1: r.load,
    ...extra,
  };
}

function listPy(dir) {
  const out = [];
  const walk = d => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (name.endsWith('.py')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

function countLines(text) {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([\w-]+)$/.exec(argv[i]);
    if (!m) fail(`unexpected argument ${argv[i]}`);
    out[m[1]] = argv[++i];
  }
  return out;
}

function fail(msg) {
  console.error(msg);
  process.exit(2);
}
