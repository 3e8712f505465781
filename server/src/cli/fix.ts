// `losslens fix [--unsafe] [--diff] PATH...`: applies the rules' fixes to files, pass after pass
// until nothing fixable is left, then writes each changed file atomically — or, with --diff,
// prints a unified diff and writes nothing. Exit code: 0 nothing left at warning or above,
// 1 findings remain (with --diff: also when fixes would be applied), 2 usage or I/O error.
import { statSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { languageOfPath } from '../parse/frontend';
import type { FileHost } from '../workspace/host';
import { lineStarts } from '../base/line-index';
import { ProjectConfigLoader } from '../config/project-config';
import { DEFAULT_MAX_FILE_SIZE } from '../config/settings';
import { severityRank } from '../config/severity';
import { prepareFile, lintTarget, checkIn, findingsOf, type LintEnvironment, type LintTarget } from '../lint/pipeline';
import { limitedHost } from '../lint/limits';
import { mayUseMlFramework } from '../lint/precheck';
import { loadNodeFrontEnds, type FrontEndProvider } from '../node/front-ends';
import { fixFiles, DEFAULT_MAX_PASSES, type FixReport } from '../fixes/fix-loop';
import { unifiedDiff } from '../fixes/unified-diff';
import type { CliIo } from './check';
import type { FixCommand } from './fix-args';
import { walkFolder, isAnalysableFile, type WalkProblem } from './walk';
import { createListingFileHost } from './listing-host';
import { toOutputRecord, compareRecords, type OutputRecord } from './output-record';
import { displayPath, relativeUnder } from './paths';
import { formatTextLines, fixableNote } from './format/text';
import { readSourceFile, writeSourceFile, writeErrorMessage, type SourceFile } from './fix-write';
import { errorMessage } from './io';
import { createRunWorkspace } from './run-workspace';
import { isNotebookPath } from '../notebook';
import { fixNotebookFile } from './notebook-fix';

interface Target {
  path: string;
  uri: string;
  explicit: boolean;
}

interface RootResult {
  report: FixReport;
  /** Text before fixing, of every file read (targets and files a fix may reach). */
  original: Map<string, string>;
  current: Map<string, string>;
  /** How each file read was found on disk (what writing it back needs). */
  files: Map<string, SourceFile>;
}

export async function runFix(cmd: FixCommand, io: CliIo): Promise<number> {
  let failed = false;
  const err = (message: string) => {
    io.stderr(`error: ${message}\n`);
    failed = true;
  };
  const jobs = new Map<string, Target[]>();
  const seen = new Set<string>();
  const walkProblems: WalkProblem[] = [];
  for (const arg of cmd.paths) {
    const abs = resolve(io.cwd, arg);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      err(`No such file or directory: ${arg}`);
      continue;
    }
    if (!isDir && !isAnalysableFile(abs)) {
      io.stderr(`warning: ${arg}: not a Python, TypeScript or JavaScript file or a Jupyter notebook; skipped\n`);
      continue;
    }
    const root = isDir ? abs : dirname(abs);
    const list = jobs.get(root) ?? [];
    for (const f of isDir ? walkFolder(abs, walkProblems) : [abs]) {
      if (seen.has(f)) continue;
      seen.add(f);
      list.push({ path: f, uri: pathToFileURL(f).href, explicit: !isDir });
    }
    jobs.set(root, list);
  }
  for (const p of walkProblems) err(`${displayPath(p.path, io.cwd)}: ${p.message}`);

  const frontEnds = await loadNodeFrontEnds(m => io.stderr(m + '\n'));
  const configs = new ProjectConfigLoader(createListingFileHost());
  const records: OutputRecord[] = [];
  const fileResults: RootResult[] = [];
  const applied = new Map<string, number>();
  const changedFiles: { path: string; before: string; after: string; file: SourceFile }[] = [];
  /** Fixes applied in memory, with the files each needs written. */
  const fixes: { code: string; paths: string[] }[] = [];
  for (const [root, all] of jobs) {
    // Notebooks: their code cells are fixed as one program and written back into the JSON.
    for (const t of all.filter(x => isNotebookPath(x.path))) {
      const nb = await fixNotebookFile(t.path, { root, explicit: t.explicit, unsafe: cmd.unsafe, frontEnds, configs });
      if (!nb) continue;
      if ('error' in nb) {
        err(`${displayPath(t.path, io.cwd)}: ${nb.error}`);
        continue;
      }
      if ('note' in nb) {
        io.stderr(`warning: ${displayPath(t.path, io.cwd)}: ${nb.note}\n`);
        continue;
      }
      if (nb.file.refused && nb.records.some(r => r.fix && (cmd.unsafe || r.fix.applicability === 'safe')))
        io.stderr(`warning: ${displayPath(t.path, io.cwd)}: not fixed because ${nb.file.refused}\n`);
      for (const [code, n] of nb.report.applied) applied.set(code, (applied.get(code) ?? 0) + n);
      for (const f of nb.report.fixes) fixes.push({ code: f.code, paths: [t.path] });
      if (nb.report.limitReached)
        io.stderr(`warning: stopped after ${DEFAULT_MAX_PASSES} passes with fixes still applying; run \`losslens fix\` again\n`);
      if (nb.after !== nb.before) changedFiles.push({ path: t.path, before: nb.before, after: nb.after, file: nb.file });
      records.push(...nb.records);
    }
    const targets = all.filter(x => !isNotebookPath(x.path));
    const result = await fixRoot(root, targets, cmd.unsafe, frontEnds, configs, io, err);
    if (!result) continue;
    for (const [code, n] of result.report.applied) applied.set(code, (applied.get(code) ?? 0) + n);
    for (const f of result.report.fixes) fixes.push({ code: f.code, paths: f.uris.map(u => fileURLToPath(u)) });
    if (result.report.limitReached) {
      io.stderr(`warning: stopped after ${DEFAULT_MAX_PASSES} passes with fixes still applying; run \`losslens fix\` again\n`);
    }
    for (const uri of result.report.changed) {
      changedFiles.push({
        path: fileURLToPath(uri),
        before: result.original.get(uri)!,
        after: result.current.get(uri)!,
        file: result.files.get(uri)!,
      });
    }
    fileResults.push(result);
  }

  if (cmd.diff) {
    for (const c of changedFiles) {
      const label = displayPath(c.path, io.cwd);
      io.stdout(unifiedDiff(c.before, c.after, `a/${label}`, `b/${label}`));
    }
  }
  // Only fixes whose every file was written count as fixed.
  const unwritten = new Set<string>();
  if (!cmd.diff) {
    for (const c of changedFiles) {
      try {
        writeSourceFile(c.file, c.after);
      } catch (e) {
        unwritten.add(c.path);
        const why = writeErrorMessage(e);
        err(
          `${displayPath(c.path, io.cwd)}: cannot write the fixed file: ${why}${/unchanged|left as it is/.test(why) ? '' : '; the file is unchanged'}`,
        );
      }
    }
  }

  for (const result of fileResults) {
    for (const [uri, remaining] of result.report.remaining) {
      const path = fileURLToPath(uri);
      // A file left unwritten still has what it had before fixing.
      const written = !unwritten.has(path);
      const text = written ? result.current.get(uri)! : result.original.get(uri)!;
      const findings = written ? remaining : (result.report.initial.get(uri) ?? []);
      const starts = lineStarts(text);
      records.push(...findings.map(f => toOutputRecord(f, path, text, starts)));
    }
  }
  records.sort(compareRecords);
  const fixedCount = fixes.filter(f => f.paths.every(p => !unwritten.has(p))).length;
  const summary = summaryLine(cmd, fixedCount, changedFiles.length - unwritten.size, records);
  if (cmd.diff) {
    // stdout stays a clean patch.
    const lines = formatTextLines(records, { cwd: io.cwd, color: false });
    io.stderr([...lines, summary].join('\n') + '\n');
  } else {
    io.stdout([...formatTextLines(records, { cwd: io.cwd, color: io.color }), summary].join('\n') + '\n');
  }

  if (failed) return 2;
  const threshold = severityRank('warning');
  const left = records.some(r => severityRank(r.severity) >= threshold);
  return left || (cmd.diff && changedFiles.length > 0) ? 1 : 0;
}

function summaryLine(cmd: FixCommand, fixed: number, files: number, remaining: readonly OutputRecord[]): string {
  const problems = (n: number) => `${n} problem${n === 1 ? '' : 's'}`;
  const done =
    fixed === 0
      ? cmd.diff
        ? 'No fixes to apply'
        : 'No fixes applied'
      : `${cmd.diff ? 'Would fix' : 'Fixed'} ${problems(fixed)} in ${files} file${files === 1 ? '' : 's'}`;
  if (remaining.length === 0) return `${done}; no problems remaining.`;
  // After `fix --unsafe` nothing fixable is left unless fixes conflicted; after `fix`, the unsafe ones are.
  return `${done}; ${problems(remaining.length)} remaining${fixableNote(remaining)}.`;
}

async function fixRoot(
  root: string,
  targets: Target[],
  unsafe: boolean,
  frontEnds: FrontEndProvider,
  configs: ProjectConfigLoader,
  io: CliIo,
  err: (message: string) => void,
): Promise<RootResult | undefined> {
  const original = new Map<string, string>();
  const current = new Map<string, string>();
  const files = new Map<string, SourceFile>();
  const disk = limitedHost(createListingFileHost(), DEFAULT_MAX_FILE_SIZE);
  // The analysis reads imports through this host: fixed texts win over the disk.
  const host: FileHost = {
    readFile: async uri => {
      const known = current.get(uri);
      if (known !== undefined) return known;
      if ((await disk.readFile(uri)) === undefined) return undefined;
      // Read again as fix reads: decoded by its declared encoding, with a snapshot for the write.
      const file = uri.startsWith('file:') ? readSourceFile(fileURLToPath(uri), languageOfPath(uri) === 'python', [root]) : undefined;
      if (!file || 'error' in file) return undefined;
      const text = file.text;
      files.set(uri, file);
      original.set(uri, text);
      current.set(uri, text);
      return text;
    },
  };
  const ws = createRunWorkspace(root, host, frontEnds);
  const env: LintEnvironment = {
    configs,
    settings: { maxFileSize: DEFAULT_MAX_FILE_SIZE },
    onProject: project => {
      for (const p of project?.problems ?? []) err(`invalid configuration: ${p.uri}:${p.line}: ${p.message}`);
    },
  };
  // read → skip → parse once; the fix loop then checks and configures the current texts, pass after pass.
  const lintable = new Map<string, LintTarget>();
  // A file met twice (itself and through a symbolic link) is fixed once.
  const realPaths = new Set<string>();
  for (const t of targets) {
    const read = readSourceFile(t.path, languageOfPath(t.path) === 'python', [root]);
    if ('error' in read) {
      err(`${displayPath(t.path, io.cwd)}: ${read.error}`);
      continue;
    }
    const real = read.refused ? t.path : read.realPath;
    if (realPaths.has(real)) continue;
    realPaths.add(real);
    const prepared = await prepareFile({ uri: t.uri, text: read.text, explicit: t.explicit }, env);
    if (prepared.status === 'limit') {
      io.stderr(`warning: ${displayPath(t.path, io.cwd)}: skipped because ${prepared.reason}\n`);
      continue;
    }
    if (prepared.status !== 'ready' || !mayUseMlFramework(prepared.target.text)) continue;
    const { target } = prepared;
    original.set(t.uri, target.text);
    current.set(t.uri, target.text);
    files.set(t.uri, read);
    try {
      ws.update(t.uri, target.text, target.language);
      lintable.set(t.uri, target);
    } catch (e) {
      err(`${displayPath(t.path, io.cwd)}: analysis failed: ${errorMessage(e)}`);
    }
  }
  if (lintable.size === 0) return undefined;
  const check = checkIn(ws, 'never');
  try {
    const report = await fixFiles(
      {
        uris: [...lintable.keys()],
        text: uri => current.get(uri),
        findings: async uri => findingsOf(await lintTarget({ ...lintable.get(uri)!, text: current.get(uri)! }, check)),
        setText: (uri, text) => {
          current.set(uri, text);
          const language = languageOfPath(uri);
          if (language && ws.has(uri)) ws.update(uri, text, language);
        },
        // A fix may reach another file of the same root (a model's forward), never outside it.
        editable: uri => {
          if (!current.has(uri) || !uri.startsWith('file:') || files.get(uri)?.refused) return false;
          const path = fileURLToPath(uri);
          return relativeUnder(path, root) !== undefined && isAnalysableFile(path);
        },
      },
      { unsafe },
    );
    for (const uri of lintable.keys()) {
      const why = files.get(uri)?.refused;
      const fixable = report.remaining.get(uri)?.some(f => f.fix && f.fix.edits.length > 0 && (unsafe || f.fix.applicability === 'safe'));
      if (why && fixable) io.stderr(`warning: ${displayPath(fileURLToPath(uri), io.cwd)}: not fixed because ${why}\n`);
    }
    return { report, original, current, files };
  } catch (e) {
    err(`fixing files under ${displayPath(root, io.cwd) || '.'} failed: ${errorMessage(e)}`);
    return undefined;
  }
}
