// Loss + gradient over 1,000,000 elements (crossEntropy: N = 100,000 × C = 10), side by side in one run:
// core (dist/core.js, float64), PyTorch CPU (one thread, float64, forward + backward), TF.js CPU backend
// (float32 — the only dtype it has) and a naive JS baseline (idiomatic arrays, allocation per step).
//
//   npm run build            (or: npx esbuild core/src/public.ts --bundle --platform=neutral --format=cjs --outfile=dist/core.js --main-fields=module,main)
//   npm install --prefix bench
//   node bench/core/bench.mjs [--runs 15] [--procs 5] [--no-torch] [--no-tfjs] [--no-first-calls]
//
// After the warmed-up table it times the first calls of each loss, which are only first once per process:
// --procs fresh processes per loss (see firstCalls()).
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { setImmediate } from 'node:timers/promises';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const args = process.argv.slice(2);
const numArg = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const runs = numArg('--runs', 15);
const procs = numArg('--procs', 5);
const childLoss = args.includes('--first-call') ? args[args.indexOf('--first-call') + 1] : null;
const corePath = join(root, 'dist/core.js');
if (!existsSync(corePath)) {
  console.error('dist/core.js is missing: run `npm run build` first');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const core = require(corePath);

// ---- data (seeded) ---------------------------------------------------------------------------
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(42);
const randn = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
const N = 1_000_000;
const ROWS = 100_000;
const CLASSES = 10;
const x = Float64Array.from({ length: N }, randn);
const y = Float64Array.from({ length: N }, randn);
const x2 = x.map(v => 2 * v);
const z = x.map(v => 3 * v);
const yb = Float64Array.from({ length: N }, () => (rand() < 0.5 ? 0 : 1));
const logits = Float64Array.from({ length: ROWS * CLASSES }, () => 2 * randn());
const target = Float64Array.from({ length: ROWS }, () => Math.floor(rand() * CLASSES));

// ---- timing ----------------------------------------------------------------------------------
// Wall time and process CPU time (user + system) per run. On a shared machine the CPU time of a
// single-threaded kernel is far less disturbed by other load than the wall time, so ratios use it.
function time(fn, n = runs, warmup = 3) {
  for (let i = 0; i < warmup; i++) fn();
  const wall = [];
  const cpu = [];
  for (let i = 0; i < n; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const stats = a => {
    a.sort((p, q) => p - q);
    return { best: a[0], median: a[Math.floor(a.length / 2)] };
  };
  const w = stats(wall);
  const c = stats(cpu);
  return { best: w.best, median: w.median, cpuBest: c.best, cpuMedian: c.median };
}

// ---- core ------------------------------------------------------------------------------------
const T = (data, shape) => ({ data, shape });
const coreCases = {
  mseLoss: () => core.mseLoss(T(x, [N]), T(y, [N])),
  binaryCrossEntropyWithLogits: () => core.binaryCrossEntropyWithLogits(T(z, [N]), T(yb, [N])),
  crossEntropy: () => core.crossEntropy(T(logits, [ROWS, CLASSES]), T(target, [ROWS])),
  huberLoss: () => core.huberLoss(T(x2, [N]), T(y, [N])),
};

// ---- first calls (child process) -------------------------------------------------------------
// Main-thread CPU time from /proc (Linux): the time the caller waits, without the concurrent compiler and GC
// threads (counted in process CPU time) and without the waits for a core on a shared machine (in wall time).
const schedstat = `/proc/self/task/${process.pid}/schedstat`;
const mainThreadMs = existsSync(schedstat) ? () => Number(readFileSync(schedstat, 'utf8').split(' ')[0]) / 1e6 : null;
if (childLoss) {
  if (args.includes('--prefault')) {
    // Touch and free 80 MB of malloc heap so the outputs of the first calls land on pages the process already
    // has (the parent sets GLIBC_TUNABLES so that 8 MB blocks come from, and stay in, the heap); gc() twice and
    // a turn of the event loop let V8 free the backing stores.
    const held = Array.from({ length: 10 }, () => new Float64Array(N).fill(1));
    held.length = 0;
    globalThis.gc();
    await setImmediate();
    globalThis.gc();
    await setImmediate();
  }
  const calls = [];
  for (let i = 0; i < 20; i++) {
    const f0 = process.resourceUsage().minorPageFault;
    const m0 = mainThreadMs ? mainThreadMs() : 0;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    coreCases[childLoss]();
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    calls.push({
      wall,
      cpu: (c.user + c.system) / 1000,
      main: mainThreadMs ? mainThreadMs() - m0 : null,
      faults: process.resourceUsage().minorPageFault - f0,
    });
  }
  console.log(JSON.stringify(calls));
  process.exit(0);
}

// ---- naive JS: what one writes without thinking about allocation ----------------------------
const xa = Array.from(x),
  ya = Array.from(y),
  x2a = Array.from(x2),
  za = Array.from(z),
  yba = Array.from(yb);
const rowsA = Array.from({ length: ROWS }, (_, i) => Array.from(logits.subarray(i * CLASSES, (i + 1) * CLASSES)));
const targetA = Array.from(target);
const mean = a => a.reduce((s, v) => s + v, 0) / a.length;
const naiveCases = {
  mseLoss: () => {
    const d = xa.map((v, i) => v - ya[i]);
    return { loss: mean(d.map(v => v * v)), grad: d.map(v => (2 * v) / d.length) };
  },
  binaryCrossEntropyWithLogits: () => {
    const l = za.map((v, i) => Math.max(v, 0) - v * yba[i] + Math.log(1 + Math.exp(-Math.abs(v))));
    return { loss: mean(l), grad: za.map((v, i) => (1 / (1 + Math.exp(-v)) - yba[i]) / za.length) };
  },
  crossEntropy: () => {
    const probs = rowsA.map(r => {
      const m = Math.max(...r);
      const e = r.map(v => Math.exp(v - m));
      const s = e.reduce((a, b) => a + b, 0);
      return e.map(v => v / s);
    });
    const loss = mean(probs.map((p, i) => -Math.log(p[targetA[i]])));
    const grad = probs.map((p, i) => p.map((v, k) => (v - (k === targetA[i] ? 1 : 0)) / ROWS));
    return { loss, grad };
  },
  huberLoss: () => {
    const d = x2a.map((v, i) => v - ya[i]);
    const l = d.map(v => (Math.abs(v) < 1 ? 0.5 * v * v : Math.abs(v) - 0.5));
    return { loss: mean(l), grad: d.map(v => Math.max(-1, Math.min(1, v)) / d.length) };
  },
};

// ---- TF.js CPU backend (float32) --------------------------------------------------------------
async function tfjsCases() {
  let tf;
  try {
    tf = await import('@tensorflow/tfjs');
  } catch {
    console.error('TF.js side skipped: @tensorflow/tfjs is not installed (npm install --prefix bench)');
    return null;
  }
  const log = console.warn;
  console.warn = () => {}; // the "install tfjs-node" banner
  await tf.setBackend('cpu');
  await tf.ready();
  console.warn = log;
  const f32 = a => Float32Array.from(a);
  const tx = tf.tensor1d(f32(x)),
    ty = tf.tensor1d(f32(y)),
    tx2 = tf.tensor1d(f32(x2)),
    tz = tf.tensor1d(f32(z)),
    tyb = tf.tensor1d(f32(yb));
  const tl = tf.tensor2d(f32(logits), [ROWS, CLASSES]);
  const onehot = tf.oneHot(tf.tensor1d(Int32Array.from(target), 'int32'), CLASSES).toFloat();
  const run = (input, lossFn) => () => {
    const { value, grad } = tf.valueAndGrad(lossFn)(input);
    value.dataSync();
    grad.dataSync();
    value.dispose();
    grad.dispose();
  };
  return {
    version: tf.version.tfjs,
    backend: tf.getBackend(),
    cases: {
      mseLoss: run(tx, a => tf.losses.meanSquaredError(ty, a)),
      binaryCrossEntropyWithLogits: run(tz, a => tf.losses.sigmoidCrossEntropy(tyb, a)),
      crossEntropy: run(tl, a => tf.losses.softmaxCrossEntropy(onehot, a)),
      huberLoss: run(tx2, a => tf.losses.huberLoss(ty, a)),
    },
  };
}

function torchResults() {
  const py = '/usr/bin/python3';
  if (!existsSync(py)) return null;
  const r = spawnSync(py, [join(here, 'torch_bench.py'), String(runs)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) {
    console.error(`PyTorch side skipped: ${r.stderr.trim().split('\n').pop()}`);
    return null;
  }
  return JSON.parse(r.stdout);
}

// ---- run ---------------------------------------------------------------------------------------
const names = Object.keys(coreCases);
const warmTable = !args.includes('--first-calls-only');
const fmt = v => (v === undefined ? 'n/a' : v.toFixed(2));
if (warmTable) {
  const results = {};
  for (const n of names) results[n] = { core: time(coreCases[n]), naive: time(naiveCases[n], Math.max(5, Math.floor(runs / 3)), 1) };
  const tfjs = args.includes('--no-tfjs') ? null : await tfjsCases();
  if (tfjs) for (const n of names) results[n].tfjs = time(tfjs.cases[n], Math.max(5, Math.floor(runs / 3)), 2);
  const torch = args.includes('--no-torch') ? null : torchResults();
  if (torch) for (const n of names) results[n].torch = torch.results[n];

  // Ratios use the best run's CPU time (see time()); wall-clock medians are shown for reference.
  const ratio = (a, b) => (a && b ? (b.cpuBest / a.cpuBest).toFixed(2) + '×' : 'n/a');
  console.log(
    `node ${process.version}, ${runs} runs, load average ${loadavg()
      .map(v => v.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `PyTorch: ${torch ? `${torch.torch}, ${torch.threads} thread, float64` : 'skipped'}; TF.js: ${tfjs ? `${tfjs.version} ${tfjs.backend} backend, float32` : 'skipped'}`,
  );
  console.log('');
  console.log('Loss + gradient, ms: best CPU time (median wall time)');
  console.log('');
  console.log(
    '| loss | elements | core (f64) | PyTorch 1 thread (f64) | TF.js CPU (f32) | naive JS | core vs PyTorch | core vs TF.js | core Melem/s |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const n of names) {
    const r = results[n];
    const cell = t => (t ? `${fmt(t.cpuBest)} (${fmt(t.median)})` : 'n/a');
    console.log(
      `| ${n} | ${n === 'crossEntropy' ? '100,000 × 10' : '1,000,000'} | ${cell(r.core)} | ${cell(r.torch)} | ${cell(r.tfjs)} | ${cell(r.naive)} | ${ratio(r.core, r.torch)} | ${ratio(r.core, r.tfjs)} | ${(N / 1000 / r.core.cpuBest).toFixed(0)} |`,
    );
  }
  console.log('\n"core vs X" = X best CPU time / core best CPU time (higher = core faster).');
}

// ---- first calls -----------------------------------------------------------------------------------
// Each child process builds the same data, then times 20 calls of one loss: calls 1–3 are the first calls,
// calls 16–20 the warmed-up ones (the code before the kernel split needed ~14 calls to get there). Two modes:
// as they come ("cold"), and with 80 MB of malloc heap touched and freed first ("pre-faulted"). On a VM where
// a fresh page costs ~10 µs, each fresh 8 MB gradient costs ~25 ms of page faults until GC has freed earlier
// outputs for malloc to reuse, whatever the code does; the pre-faulted mode shows what is left: the JIT
// warm-up.
function firstCalls() {
  const modes = [
    { name: 'cold', flags: [], env: {} },
    {
      name: 'pre-faulted',
      flags: ['--expose-gc'],
      env: { GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=4294967296' },
      extra: ['--prefault'],
    },
  ];
  const self = fileURLToPath(import.meta.url);
  const out = {};
  for (const mode of modes) {
    out[mode.name] = {};
    for (const n of names) {
      const runsOf = [];
      for (let p = 0; p < procs; p++) {
        const r = spawnSync(process.execPath, [...mode.flags, self, '--first-call', n, ...(mode.extra ?? [])], {
          encoding: 'utf8',
          env: { ...process.env, ...mode.env },
          maxBuffer: 1 << 20,
        });
        if (r.status !== 0) throw new Error(`first-call child failed: ${r.stderr}`);
        runsOf.push(JSON.parse(r.stdout));
      }
      out[mode.name][n] = runsOf;
    }
  }
  return out;
}

const median = a => {
  const b = [...a].sort((p, q) => p - q);
  return b.length % 2 ? b[(b.length - 1) / 2] : (b[b.length / 2 - 1] + b[b.length / 2]) / 2;
};
if (!args.includes('--no-first-calls')) {
  const fc = firstCalls();
  // The warmed-up reference of both modes: calls 16–20 of the pre-faulted processes (the cold ones may
  // still be faulting fresh pages then).
  const warmOf = (ps, key) => ps.flatMap(p => p.slice(15).map(c => c[key]));
  const metric = mainThreadMs ? 'main' : 'cpu';
  console.log(
    `\nFirst calls in fresh processes (${procs} per loss and mode): ${metric === 'main' ? 'main-thread CPU time' : 'process CPU time'}, ms,`,
  );
  console.log('median over processes (min–max); "warm" = median of calls 16–20 of the pre-faulted processes; ×: call ÷ warm;');
  console.log('faults: minor page faults of the call, median (2,000 ≈ one fresh 8 MB array). Process CPU time (incl. the');
  console.log('compiler and GC threads) of calls 1–3 in the last column.');
  for (const [mode, byLoss] of Object.entries(fc)) {
    console.log(`\n${mode}:\n`);
    console.log('| loss | warm | call 1 | call 2 | call 3 | worst × | faults 1 / 2 / 3 | process CPU 1 / 2 / 3 (warm) |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const n of names) {
      const ps = byLoss[n];
      const at = (i, key = metric) => ps.map(p => p[i][key]);
      const warm = median(warmOf(fc['pre-faulted'][n], metric));
      const warmCpu = median(warmOf(fc['pre-faulted'][n], 'cpu'));
      const cell = i => {
        const v = at(i);
        return `${fmt(median(v))} (${fmt(Math.min(...v))}–${fmt(Math.max(...v))})`;
      };
      const worst = Math.max(...[0, 1, 2].map(i => median(at(i)) / warm));
      const faults = [0, 1, 2].map(i => median(at(i, 'faults')).toFixed(0)).join(' / ');
      const cpu = [0, 1, 2].map(i => fmt(median(at(i, 'cpu')))).join(' / ');
      console.log(
        `| ${n} | ${fmt(warm)} | ${cell(0)} | ${cell(1)} | ${cell(2)} | ${worst.toFixed(2)}× | ${faults} | ${cpu} (${fmt(warmCpu)}) |`,
      );
    }
  }
}
