// `losslens check`: collects files, checks them (on worker threads for large runs), prints the
// report and decides the exit code.
import { statSync, existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { resolve, dirname, join } from 'node:path';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ruleMetas } from '../rules/registry';
import { severityRank } from '../config/severity';
import { loadNodeFrontEnds } from '../node/front-ends';
import type { CheckCommand } from './args';
import type { SelectorLayer } from '../config/rule-selection';
import { Checker, reportForeign, type BatchRequest, type BatchResult } from './checker';
import { FindingsCache, toolHash } from './cache';
import { runOnWorkers } from './pool';
import { walkFolder, isAnalysableFile, type WalkProblem } from './walk';
import { compareRecords, type OutputRecord } from './output-record';
import { displayPath } from './paths';
import { formatText } from './format/text';
import { formatJson, formatJsonLines } from './format/json';
import { formatSarif } from './format/sarif';
import { formatGithub } from './format/github';
import { formatGitlab } from './format/gitlab';
import { formatJunit } from './format/junit';
import { formatStatistics, formatStatisticsJson } from './format/statistics';
import { ProgressLine } from './progress';

export type CheckOptions = Omit<CheckCommand, 'kind'>;

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
  /** stderr is a terminal: a long run shows a progress line there. */
  stderrTTY?: boolean;
  /** How long a run goes before the progress line appears (default 1 s). */
  progressDelayMs?: number;
  /** Standard input, for `--stdin-filename`. */
  readStdin?: () => string;
}

/** Formats whose output a program reads: no progress line, no colour. */
const HUMAN_FORMATS = new Set(['text', 'concise', 'full']);

const BATCH_SIZE = 10;
/** Below this many files, starting workers costs more than it saves. */
const WORKER_THRESHOLD = 150;

export async function runCheck(opts: CheckOptions, io: CliIo): Promise<number> {
  let failed = false;
  const jobs = new Map<string, { path: string; explicit: boolean }[]>();
  const seen = new Set<string>();
  const walkProblems: WalkProblem[] = [];

  let stdinText: string | undefined;
  if (opts.stdinFilename !== undefined) {
    // The document comes from the editor or hook: reported, configured and resolved as NAME.
    const abs = resolve(io.cwd, opts.stdinFilename);
    if (!isAnalysableFile(abs)) {
      io.stderr(`error: ${opts.stdinFilename}: not a Python, TypeScript or JavaScript file or a Jupyter notebook\n`);
      return 2;
    }
    try {
      stdinText = (io.readStdin ?? (() => readFileSync(0, 'utf8')))();
    } catch (e) {
      io.stderr(`error: cannot read standard input: ${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
    seen.add(abs);
    jobs.set(dirname(abs), [{ path: abs, explicit: true }]);
  }
  for (const arg of opts.stdinFilename !== undefined ? [] : opts.paths) {
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
      if (!opts.quiet) io.stderr(`warning: ${arg}: not a Python, TypeScript or JavaScript file or a Jupyter notebook; skipped\n`);
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

  if (opts.shard) shard(jobs, opts.shard);
  // Standard input is not the file on disk: it neither reads nor writes the cache.
  const cacheDir = resolve(io.cwd, opts.cacheDir ?? '.losslens-cache');
  const cache = opts.cache && stdinText === undefined ? new FindingsCache(cacheDir, toolHash(join(io.bundleDir, 'cli.js'))) : undefined;
  const batches: BatchRequest[] = [];
  for (const [root, files] of jobs) {
    for (let i = 0; i < files.length; i += BATCH_SIZE) {
      const slice = files.slice(i, i + BATCH_SIZE).map(f => (stdinText !== undefined ? { ...f, text: stdinText } : f));
      const batch: BatchRequest = { root, files: slice, cache: cache ? cache.entries(slice.map(f => f.path)) : null };
      if (opts.selection) batch.selection = opts.selection as SelectorLayer;
      if (opts.shard) batch.callers = true;
      batches.push(batch);
    }
  }

  const results: BatchResult[] = [];
  const fileCount = batches.reduce((n, b) => n + b.files.length, 0);
  const progress =
    io.stderrTTY && !opts.quiet && HUMAN_FORMATS.has(opts.format) ? new ProgressLine(fileCount, io.stderr, io.progressDelayMs) : undefined;
  const collect = (r: BatchResult) => {
    results.push(r);
    progress?.advance(r.outcomes.length);
  };
  const workerScript = join(io.bundleDir, 'cli-worker.js');
  const workers = io.workers || Math.min(4, availableParallelism());
  let inProcess = batches;
  if (fileCount >= WORKER_THRESHOLD && workers > 1 && existsSync(workerScript)) {
    inProcess = await runOnWorkers(workerScript, workers, batches, collect);
  }
  if (inProcess.length) {
    const checker = new Checker(await loadNodeFrontEnds(m => io.stderr(m + '\n')));
    for (const b of inProcess) collect(await checker.checkBatch(b));
  }
  progress?.finish();
  const foreignProblems = await reportForeign(
    results.flatMap(r => r.outcomes),
    opts.selection as SelectorLayer | undefined,
  );
  if (foreignProblems.length) results.push({ outcomes: [], configProblems: foreignProblems });

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
      if (o.note && !opts.quiet) io.stderr(`warning: ${displayPath(o.path, io.cwd)}: ${o.note}\n`);
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
  const color = io.color && opts.outputFile === undefined;
  const report = formatReport(records, opts, { ...io, color }, failed, stdinText);
  if (opts.outputFile !== undefined) {
    const out = resolve(io.cwd, opts.outputFile);
    try {
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, report);
    } catch (e) {
      io.stderr(`error: cannot write ${opts.outputFile}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
  } else io.stdout(report);

  if (failed) return 2;
  if (opts.failOn === 'never' || opts.exitZero) return 0;
  const threshold = severityRank(opts.failOn);
  return records.some(r => severityRank(r.severity) >= threshold) ? 1 : 0;
}

function formatReport(records: OutputRecord[], opts: CheckOptions, io: CliIo, failed: boolean, stdinText: string | undefined): string {
  const json = opts.format === 'json' || opts.format === 'json-lines';
  if (opts.statistics) return json ? formatStatisticsJson(records) : formatStatistics(records, opts.quiet);
  const lines = new SourceLines(stdinText === undefined ? undefined : resolve(io.cwd, opts.stdinFilename!), stdinText);
  const findingLine = (r: OutputRecord) => lines.at(r.file, (r.fileRegion ?? r).line) ?? '';
  switch (opts.format) {
    case 'json':
      return formatJson(records);
    case 'json-lines':
      return formatJsonLines(records);
    case 'sarif':
      return formatSarif(records, { cwd: io.cwd, version: io.version, rules: ruleMetas, lineText: findingLine });
    case 'github':
      return formatGithub(records, io.cwd);
    case 'gitlab':
      return formatGitlab(records, io.cwd, findingLine);
    case 'junit':
      return formatJunit(records, io.cwd);
    case 'full':
    case 'text':
    case 'concise':
      return formatText(records, {
        cwd: io.cwd,
        color: io.color,
        incomplete: failed,
        showFixes: opts.showFixes,
        quiet: opts.quiet,
        // Notebook findings are placed inside a cell; the file's lines are the notebook's JSON.
        lineText: opts.format === 'full' ? r => (r.cell === undefined ? lines.at(r.file, r.line) : undefined) : undefined,
      });
  }
}

/** The lines of reported files, read once each (the document itself for `--stdin-filename`). */
class SourceLines {
  private readonly files = new Map<string, string[] | undefined>();
  constructor(stdinPath: string | undefined, stdinText: string | undefined) {
    if (stdinPath !== undefined && stdinText !== undefined) this.files.set(stdinPath, stdinText.split(/\r\n|\r|\n/));
  }

  /** 1-based `line` of `file`, or undefined when it cannot be read. */
  at(file: string, line: number): string | undefined {
    if (!this.files.has(file)) {
      let lines: string[] | undefined;
      try {
        lines = readFileSync(file, 'utf8')
          .replace(/^\uFEFF/, '')
          .split(/\r\n|\r|\n/);
      } catch {
        lines = undefined;
      }
      this.files.set(file, lines);
    }
    return this.files.get(file)?.[line - 1];
  }
}

/**
 * Keeps this job's part of the files: all files of the run in order (roots as given, each folder's
 * files sorted), cut into `count` contiguous parts, so neighbouring files (which share imports) stay
 * in one job. Every file is in exactly one part, whatever machine runs it.
 */
function shard(jobs: Map<string, { path: string; explicit: boolean }[]>, part: { index: number; count: number }): void {
  const all = [...jobs].flatMap(([root, files]) => files.map(f => ({ root, f })));
  const from = Math.floor(((part.index - 1) * all.length) / part.count);
  const to = Math.floor((part.index * all.length) / part.count);
  jobs.clear();
  for (const { root, f } of all.slice(from, to)) {
    const list = jobs.get(root);
    if (list) list.push(f);
    else jobs.set(root, [f]);
  }
}

function uriToPath(uri: string): string {
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}
