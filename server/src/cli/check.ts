// `losslens check`: collects files, checks them (on worker threads for large runs), prints the
// report and decides the exit code.
import { statSync, existsSync } from 'node:fs';
import { resolve, dirname, join } from 'node:path';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ruleMetas } from '../rules/registry';
import { severityRank } from '../config/severity';
import { loadNodeFrontEnds } from '../node/front-ends';
import type { FailOn, Format } from './args';
import { Checker, type BatchRequest, type BatchResult } from './checker';
import { FindingsCache, toolHash } from './cache';
import { runOnWorkers } from './pool';
import { walkFolder, isAnalysableFile, type WalkProblem } from './walk';
import { compareRecords, type OutputRecord } from './output-record';
import { displayPath } from './paths';
import { formatText } from './format/text';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';

export interface CheckOptions {
  format: Format;
  failOn: FailOn;
  cache: boolean;
  paths: string[];
}

export interface CliIo {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  color: boolean;
  version: string;
  /** The CLI bundle (for the cache key) and the worker script next to it. */
  bundleDir: string;
  /** Worker threads to use for large runs; 0 = decide from the CPU count. */
  workers?: number;
}

const BATCH_SIZE = 10;
/** Below this many files, starting workers costs more than it saves. */
const WORKER_THRESHOLD = 150;

export async function runCheck(opts: CheckOptions, io: CliIo): Promise<number> {
  let failed = false;
  const jobs = new Map<string, { path: string; explicit: boolean }[]>();
  const seen = new Set<string>();
  const walkProblems: WalkProblem[] = [];

  for (const arg of opts.paths) {
    const abs = resolve(io.cwd, arg);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      io.stderr(`error: No such file or directory: ${arg}\n`);
      failed = true;
      continue;
    }
    const root = isDir ? abs : dirname(abs);
    const files = isDir ? walkFolder(abs, walkProblems) : [abs];
    if (!isDir && !isAnalysableFile(abs)) {
      io.stderr(`warning: ${arg}: not a Python, TypeScript or JavaScript file or a Jupyter notebook; skipped\n`);
      continue;
    }
    const list = jobs.get(root) ?? [];
    for (const f of files) {
      if (seen.has(f)) continue;
      seen.add(f);
      list.push({ path: f, explicit: !isDir });
    }
    jobs.set(root, list);
  }
  for (const p of walkProblems) {
    io.stderr(`error: ${displayPath(p.path, io.cwd)}: ${p.message}\n`);
    failed = true;
  }

  const cache = opts.cache ? new FindingsCache(join(io.cwd, '.losslens-cache'), toolHash(join(io.bundleDir, 'cli.js'))) : undefined;
  const batches: BatchRequest[] = [];
  for (const [root, files] of jobs) {
    for (let i = 0; i < files.length; i += BATCH_SIZE) {
      const slice = files.slice(i, i + BATCH_SIZE);
      batches.push({ root, files: slice, cache: cache ? cache.entries(slice.map(f => f.path)) : null });
    }
  }

  const results: BatchResult[] = [];
  const fileCount = seen.size;
  const workerScript = join(io.bundleDir, 'cli-worker.js');
  const workers = io.workers || Math.min(4, availableParallelism());
  let inProcess = batches;
  if (fileCount >= WORKER_THRESHOLD && workers > 1 && existsSync(workerScript)) {
    inProcess = await runOnWorkers(workerScript, workers, batches, r => results.push(r));
  }
  if (inProcess.length) {
    const checker = new Checker(await loadNodeFrontEnds(m => io.stderr(m + '\n')));
    for (const b of inProcess) results.push(await checker.checkBatch(b));
  }

  const records: OutputRecord[] = [];
  const problems = new Map<string, string>();
  for (const r of results) {
    for (const p of r.configProblems)
      problems.set(`${p.uri}:${p.line}:${p.message}`, `${displayPath(uriToPath(p.uri), io.cwd)}:${p.line}: ${p.message}`);
    for (const o of r.outcomes) {
      if (o.error) {
        io.stderr(`error: ${displayPath(o.path, io.cwd)}: ${o.error}\n`);
        failed = true;
      }
      if (o.note) io.stderr(`warning: ${displayPath(o.path, io.cwd)}: ${o.note}\n`);
      records.push(...o.records);
      if (cache && o.cacheEntry) cache.set(o.path, o.cacheEntry);
    }
  }
  for (const message of [...problems.values()].sort()) {
    io.stderr(`error: invalid configuration: ${message}\n`);
    failed = true;
  }
  cache?.save();

  records.sort(compareRecords);
  if (opts.format === 'json') io.stdout(formatJson(records));
  else if (opts.format === 'sarif') io.stdout(formatSarif(records, { cwd: io.cwd, version: io.version, rules: ruleMetas }));
  else io.stdout(formatText(records, { cwd: io.cwd, color: io.color, incomplete: failed }));

  if (failed) return 2;
  if (opts.failOn === 'never') return 0;
  const threshold = severityRank(opts.failOn);
  return records.some(r => severityRank(r.severity) >= threshold) ? 1 : 0;
}

function uriToPath(uri: string): string {
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}
