// Checks batches of files of one root through the lint pipeline (lint/pipeline.ts): the CLI reads the
// files, and its analysis stage adds the pre-checks (an ML framework named, a rule word in the import
// closure), the content-hash cache and a bounded set of parsed files; findings become output records.
// Runs on the main thread for small runs and inside each worker thread for large ones.
import { createHash } from 'node:crypto';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { sep } from 'node:path';
import type { AnalysisWorkspace } from '../analysis/workspace';
import type { Finding } from '../findings';
import type { FrontEnd } from '../parse/frontend';
import type { FileHost } from '../workspace/host';
import { lineStarts } from '../base/line-index';
import { ProjectConfigLoader, type ConfigProblem } from '../config/project-config';
import { DEFAULT_MAX_FILE_SIZE } from '../config/settings';
import type { SelectorLayer } from '../config/rule-selection';
import { lintFile, type Analysis, type LintEnvironment, type LintTarget } from '../lint/pipeline';
import { limitedHost } from '../lint/limits';
import { mayUseMlFramework } from '../lint/precheck';
import type { FrontEndProvider } from '../node/front-ends';
import { RelevanceIndex } from '../analysis/relevance';
import { mergeFindings } from '../analysis/index';
import { walkFolder } from './walk';
import { createListingFileHost } from './listing-host';
import { readRegularFileSync } from '../node/regular-file';
import { toOutputRecord, type OutputRecord } from './output-record';
import { notebookRecords } from './notebook-file';
import { readTextFile, errorMessage } from './io';
import { createRunWorkspace, rootUri } from './run-workspace';

export interface CacheEntry {
  /** Content hash of the file. */
  hash: string;
  /** Files the analysis read for it (imports), by path, with their hashes ('' = missing). */
  deps: Record<string, string>;
  /** Raw findings, before configuration (so configuration changes need no re-analysis). */
  findings: Finding[];
  /** Raw findings in other files that the file's calls into them cause (`Inspection.foreign`), by path. */
  foreign?: Record<string, Finding[]>;
}

export interface BatchRequest {
  root: string;
  /** `text`: the file's content when it is not read from disk (`--stdin-filename`). */
  files: { path: string; explicit: boolean; text?: string }[];
  cache: Record<string, CacheEntry> | null;
  /** The command line's rule selectors. */
  selection?: SelectorLayer;
  /**
   * Every file looks for its callers under the root, as a file named on the command line does (a
   * `--shard` run: a caller may be in another shard, which never reports on this one's files).
   */
  callers?: boolean;
}

export interface FileOutcome {
  path: string;
  records: OutputRecord[];
  /** I/O or analysis failure: reported on stderr, exit code 2. */
  error?: string;
  /** Not analysed on purpose (too large, binary): reported on stderr, no failure. */
  note?: string;
  cacheEntry?: CacheEntry;
  /** The file was analysed (not answered from the cache or skipped by the pre-check). */
  analysed?: boolean;
  /** The findings before configuration (its callers' included for a file named on the command line). */
  raw?: Finding[];
  /** Raw findings this file's calls cause in other files, by path: reported there (`reportForeign`). */
  foreign?: Record<string, Finding[]>;
}

export interface BatchResult {
  outcomes: FileOutcome[];
  configProblems: ConfigProblem[];
}

interface RootState {
  workspace: AnalysisWorkspace;
  /** Every file the workspace holds, with the hash of the text it parsed. */
  loaded: Map<string, string>;
  /** Length of each loaded file's text: what keeping it parsed costs, roughly. */
  chars: Map<string, number>;
  /** When each loaded file was last checked or imported by a checked file (`Checker.checks`). */
  lastUse: Map<string, number>;
}

/**
 * Source characters of parsed files a root's workspace keeps between batches. Parsed IR takes 2–15
 * bytes per character, so this bounds what is kept to a few tens of MB per worker.
 */
export const RESIDENT_CHARS = 2_000_000;

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

export class Checker {
  private readonly roots = new Map<string, RootState>();
  /** Per root, for the whole run (the files do not change during it). */
  private readonly relevance = new Map<string, RelevanceIndex>();
  /** The current batch uses the cache: imports read are hashed for its dependencies. */
  private hashing = true;
  /** Checked files so far: the clock of `lastUse`. */
  private checks = 0;
  private readonly fsHost = createListingFileHost();
  private readonly configs = new ProjectConfigLoader(this.fsHost);
  private readonly currentHashes = new Map<string, Promise<string>>();

  private readonly frontEnds: FrontEndProvider;

  constructor(
    frontEnds: FrontEndProvider,
    private readonly maxFileSize = DEFAULT_MAX_FILE_SIZE,
    private readonly residentChars = RESIDENT_CHARS,
  ) {
    this.frontEnds = oneShotFrontEnds(frontEnds);
  }

  async checkBatch(req: BatchRequest): Promise<BatchResult> {
    this.hashing = req.cache !== null;
    const outcomes: FileOutcome[] = [];
    const problems = new Map<string, ConfigProblem>();
    const env: LintEnvironment = {
      configs: this.configs,
      settings: { maxFileSize: this.maxFileSize, ...(req.selection && { cli: req.selection }) },
      onProject: project => {
        for (const p of project?.problems ?? []) problems.set(`${p.uri}:${p.line}:${p.message}`, p);
      },
    };
    for (const { path, explicit, text } of req.files) {
      const read = text !== undefined ? { text } : readTextFile(path);
      if ('error' in read) {
        outcomes.push({ path, records: [], error: read.error });
        continue;
      }
      const outcome: FileOutcome = { path, records: [] };
      const result = await lintFile({ uri: pathToFileURL(path).href, text: read.text, explicit }, env, async target => {
        let analysis = await this.analyse(req, path, target, outcome);
        // A file named on the command line also gets what its callers cause in it (they are not reported).
        if ((explicit || req.callers) && !target.notebook)
          analysis = { ...analysis, findings: mergeFindings(analysis.findings, await this.callerFindings(req, target)) };
        outcome.raw = analysis.findings;
        return analysis;
      });
      if (result.status === 'excluded') continue;
      if (result.status === 'limit') outcome.note = `skipped because ${result.reason}`;
      else if (result.status === 'refused') {
        if (result.error !== undefined) outcome.error = result.error;
        else if (result.note !== undefined) outcome.note = result.note;
      } else if (result.status === 'linted') {
        if (result.error !== undefined) outcome.error = `analysis failed: ${errorMessage(result.error)}`;
        outcome.records = this.records(result.findings, path, result.target);
      }
      outcomes.push(outcome);
    }
    // Within budget again after each batch (nothing to do when the batch parsed nothing).
    const state = this.roots.get(req.root);
    if (state) this.trim(state);
    return { outcomes, configProblems: [...problems.values()] };
  }

  /**
   * The parse → check stage of a run: the cheap pre-checks and the cache answer first, then the root's
   * workspace checks the file (recording what it keeps parsed, and the cache entry, in `outcome`).
   */
  private async analyse(req: BatchRequest, path: string, target: LintTarget, outcome: FileOutcome): Promise<Analysis> {
    const { uri, text: source, language } = target;
    // Most files of a repository: nothing to report, no parse (and no hash for the cache).
    if (!mayUseMlFramework(source)) return { findings: [], text: source };
    const hash = req.cache ? contentHash(target.fileText) : '';
    if (req.cache) this.currentHashes.set(path, Promise.resolve(hash));
    const cached = req.cache?.[path];
    const relevance = this.relevanceOf(req.root);
    if (cached && cached.hash === hash && depsInside(cached.deps, req.root) && (await this.depsUnchanged(cached.deps))) {
      outcome.cacheEntry = cached;
      if (cached.foreign) outcome.foreign = cached.foreign;
      return { findings: cached.findings, text: source };
    }
    if (!relevance.mayReport(uri, source, language)) {
      // Nothing to report; cached with the files whose words decided it, so a warm run skips the scan.
      if (req.cache) outcome.cacheEntry = { hash, deps: await this.hashesOf(relevance.importClosure(uri)), findings: [] };
      return { findings: [], text: source };
    }
    const state = this.rootState(req.root);
    // Already parsed as an import of an earlier file: the disk has not changed since.
    if (!state.workspace.has(uri)) state.workspace.update(uri, source, language);
    state.loaded.set(uri, hash);
    state.chars.set(uri, source.length);
    await state.workspace.resolveImports(uri);
    const inspection = state.workspace.inspect(uri);
    const findings = inspection.findings;
    const foreign = foreignByPath(inspection.foreign);
    // Every file it imports, transitively: kept parsed as recently used, and a cache dependency.
    const now = ++this.checks;
    const deps: Record<string, string> = {};
    state.lastUse.set(uri, now);
    for (const u of state.workspace.importClosure(uri)) {
      state.lastUse.set(u, now);
      const depHash = state.loaded.get(u);
      if (req.cache && depHash !== undefined) deps[fileURLToPath(u)] = depHash;
    }
    outcome.analysed = true;
    outcome.cacheEntry = { hash, deps, findings, ...(foreign && { foreign }) };
    if (foreign) outcome.foreign = foreign;
    return { findings, text: source };
  }

  /** What the files importing `target` (under its root) cause in it by calling into it: each is checked, not reported. */
  private async callerFindings(req: BatchRequest, target: LintTarget): Promise<Finding[]> {
    const state = this.rootState(req.root);
    if (!state.workspace.has(target.uri)) state.workspace.update(target.uri, target.text, target.language);
    state.chars.set(target.uri, target.text.length);
    if (!state.loaded.has(target.uri)) state.loaded.set(target.uri, '');
    await state.workspace.resolveCallers(target.uri);
    return state.workspace.callerFindings(target.uri);
  }

  private records(findings: readonly Finding[], path: string, target: LintTarget): OutputRecord[] {
    if (findings.length === 0) return [];
    if (target.notebook) return notebookRecords(findings, path, target.notebook);
    const starts = lineStarts(target.fileText);
    return findings.map(f => toOutputRecord(f, path, target.fileText, starts));
  }

  /** Cache dependencies: the files' current hashes, '' for the candidates that do not exist. */
  private async hashesOf(closure: { files: string[]; missing: string[] }): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const u of closure.missing) out[fileURLToPath(u)] = '';
    for (const u of closure.files) {
      const path = fileURLToPath(u);
      out[path] = await this.currentHash(path);
    }
    return out;
  }

  private async depsUnchanged(deps: Record<string, string>): Promise<boolean> {
    for (const [path, hash] of Object.entries(deps)) {
      if ((await this.currentHash(path)) !== hash) return false;
    }
    return true;
  }

  private currentHash(path: string): Promise<string> {
    let p = this.currentHashes.get(path);
    if (!p) {
      let hash = '';
      try {
        hash = contentHash(readRegularFileSync(path));
      } catch {
        // a dependency that is gone (or is no longer a regular file): its hash matches nothing
      }
      p = Promise.resolve(hash);
      this.currentHashes.set(path, p);
    }
    return p;
  }

  /**
   * Bounded memory on whole-repository scans: a root's workspace keeps the most recently used files
   * (files of one package are checked together and share their imports), up to `residentChars` of source.
   */
  private trim(state: RootState): void {
    let total = 0;
    for (const n of state.chars.values()) total += n;
    if (total <= this.residentChars) return;
    const oldest = [...state.loaded.keys()].sort((a, b) => (state.lastUse.get(a) ?? 0) - (state.lastUse.get(b) ?? 0));
    for (const u of oldest) {
      if (total <= this.residentChars) break;
      total -= state.chars.get(u) ?? 0;
      state.workspace.remove(u);
      state.loaded.delete(u);
      state.chars.delete(u);
      state.lastUse.delete(u);
    }
  }

  private relevanceOf(root: string): RelevanceIndex {
    let r = this.relevance.get(root);
    if (!r) this.relevance.set(root, (r = new RelevanceIndex(uri => this.fsHost.readNow(uri), [rootUri(root)])));
    return r;
  }

  private rootState(root: string): RootState {
    let s = this.roots.get(root);
    if (!s) {
      const loaded = new Map<string, string>();
      const chars = new Map<string, number>();
      const limited = limitedHost(this.fsHost, this.maxFileSize);
      const host: FileHost = {
        listFiles: async folder => walkFolder(fileURLToPath(folder), []).map(p => pathToFileURL(p).href),
        readFile: async uri => {
          const text = await limited.readFile(uri);
          if (text === undefined) return undefined;
          loaded.set(uri, this.hashing ? contentHash(text) : '');
          chars.set(uri, text.length);
          return text;
        },
      };
      const workspace = createRunWorkspace(root, host, this.frontEnds);
      s = { workspace, loaded, chars, lastUse: new Map() };
      this.roots.set(root, s);
    }
    return s;
  }
}

/** `Inspection.foreign` by path, undefined when empty. */
function foreignByPath(foreign: Map<string, Finding[]> | undefined): Record<string, Finding[]> | undefined {
  if (!foreign || foreign.size === 0) return undefined;
  const out: Record<string, Finding[]> = {};
  for (const [uri, findings] of foreign) if (uri.startsWith('file:')) out[fileURLToPath(uri)] = findings;
  return out;
}

/**
 * Findings a file's callers cause in it (`FileOutcome.foreign` of the other files of the run) join its
 * own: each file that gets some is configured again with its findings and theirs (its severities,
 * selection and suppression comments; unused-suppression hints see both), so a finding is reported
 * once, on the callee, whichever worker checked the caller. Files outside the run, excluded or
 * failed get none. Callers are taken in path order (the first one's call site is named).
 */
export async function reportForeign(
  outcomes: FileOutcome[],
  selection: SelectorLayer | undefined,
  maxFileSize = DEFAULT_MAX_FILE_SIZE,
): Promise<ConfigProblem[]> {
  const byPath = new Map<string, FileOutcome>();
  for (const o of outcomes) byPath.set(o.path, o);
  const incoming = new Map<string, Finding[]>();
  for (const o of [...outcomes].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)))
    for (const [path, findings] of Object.entries(o.foreign ?? {})) {
      if (path === o.path) continue;
      const list = incoming.get(path);
      if (list) list.push(...findings);
      else incoming.set(path, [...findings]);
    }
  if (incoming.size === 0) return [];
  const configs = new ProjectConfigLoader(createListingFileHost());
  const problems: ConfigProblem[] = [];
  const env: LintEnvironment = {
    configs,
    settings: { maxFileSize, ...(selection && { cli: selection }) },
    onProject: project => problems.push(...(project?.problems ?? [])),
  };
  for (const [path, findings] of incoming) {
    const o = byPath.get(path);
    if (!o || o.error !== undefined || o.raw === undefined) continue;
    const merged = mergeFindings(o.raw, findings);
    if (merged.length === o.raw.length) continue;
    const read = readTextFile(path);
    if ('error' in read) continue;
    // Already past the skip stages in this run (it has an outcome): configured as the file it is.
    const result = await lintFile({ uri: pathToFileURL(path).href, text: read.text, explicit: true }, env, target => ({
      findings: merged,
      text: target.text,
    }));
    if (result.status !== 'linted' || result.target.notebook) continue;
    const starts = lineStarts(result.target.fileText);
    o.records = result.findings.map(f => toOutputRecord(f, path, result.target.fileText, starts));
  }
  return problems;
}

/** A cache entry names only files of its root (imports never leave it): anything else is planted. */
function depsInside(deps: Record<string, string>, root: string): boolean {
  const prefix = root.endsWith(sep) ? root : root + sep;
  return Object.keys(deps).every(p => p.startsWith(prefix));
}

/**
 * The CLI never re-parses a file incrementally, so parser state (tree-sitter trees live in wasm
 * memory) is released right after lowering instead of being kept per file.
 */
function oneShotFrontEnds(provider: FrontEndProvider): FrontEndProvider {
  const wrapped = new Map<string, FrontEnd | undefined>();
  return language => {
    if (!wrapped.has(language)) {
      const fe = provider(language);
      wrapped.set(
        language,
        fe && {
          language: fe.language,
          parse: (uri, text) => {
            if (fe.parseOnce) return fe.parseOnce(uri, text);
            const module = fe.parse(uri, text);
            fe.forget(uri);
            return module;
          },
          forget: uri => fe.forget(uri),
        },
      );
    }
    return wrapped.get(language);
  };
}
