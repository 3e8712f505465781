// Checks batches of files of one root: reading, the pre-checks (an ML framework named, a rule word in
// the import closure), the content-hash cache, analysis, project configuration and conversion to
// output records. Runs on the main thread for small runs and inside each worker thread for large ones.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { pathToFileURL, fileURLToPath } from 'node:url';
import type { AnalysisWorkspace } from '../analysis/workspace';
import { createAnalysisWorkspace } from '../analysis/index';
import { runRules } from '../rules/run';
import type { Finding } from '../findings';
import { languageOfPath, type FrontEnd } from '../parse/frontend';
import type { FileHost } from '../workspace/host';
import { applyConfiguration } from '../config/apply';
import { isExcluded } from '../config/glob';
import { lineStarts } from '../base/line-index';
import { ProjectConfigLoader, projectSelection, type ConfigProblem } from '../config/project-config';
import { relativeTo } from '../base/uri';
import { DEFAULT_MAX_FILE_SIZE } from '../config/settings';
import { skipReason } from '../lsp/limits';
import type { FrontEndProvider } from '../node/front-ends';
import { mayUseMlFramework } from './precheck';
import { RelevanceIndex } from '../analysis/relevance';
import { createListingFileHost } from './listing-host';
import { toOutputRecord, type OutputRecord } from './output-record';
import { isNotebookPath } from '../notebook';
import { readNotebookFile, notebookRecords, type NotebookFile } from './notebook-file';

export interface CacheEntry {
  /** Content hash of the file. */
  hash: string;
  /** Files the analysis read for it (imports), by path, with their hashes ('' = missing). */
  deps: Record<string, string>;
  /** Raw findings, before configuration (so configuration changes need no re-analysis). */
  findings: Finding[];
}

export interface BatchRequest {
  root: string;
  files: { path: string; explicit: boolean }[];
  cache: Record<string, CacheEntry> | null;
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

  constructor(frontEnds: FrontEndProvider, private readonly maxFileSize = DEFAULT_MAX_FILE_SIZE, private readonly residentChars = RESIDENT_CHARS) {
    this.frontEnds = oneShotFrontEnds(frontEnds);
  }

  async checkBatch(req: BatchRequest): Promise<BatchResult> {
    this.hashing = req.cache !== null;
    const outcomes: FileOutcome[] = [];
    const problems = new Map<string, ConfigProblem>();
    let state: RootState | undefined;
    for (const { path, explicit } of req.files) {
      const uri = pathToFileURL(path).href;
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (e) {
        outcomes.push({ path, records: [], error: `cannot read file: ${ioMessage(e)}` });
        continue;
      }
      // A notebook's size limit applies to its code, not to its outputs (checked below).
      const isNotebook = isNotebookPath(path);
      const reason = isNotebook ? undefined : skipReason(text, this.maxFileSize);
      if (reason) {
        outcomes.push({ path, records: [], note: `skipped because ${reason}` });
        continue;
      }
      // Hashes serve the cache only (--no-cache runs skip them).
      const hash = req.cache ? contentHash(text) : '';
      if (req.cache) this.currentHashes.set(path, Promise.resolve(hash));
      const project = await this.configs.forFile(uri);
      for (const p of project?.problems ?? []) problems.set(`${p.uri}:${p.line}:${p.message}`, p);
      if (!explicit && project && project.exclude.length) {
        const rel = relativeTo(project.dir, uri);
        if (rel !== undefined && isExcluded(rel, project.exclude)) continue;
      }

      // A notebook is analysed as the Python program its code cells make, in document order.
      let notebook: NotebookFile | undefined;
      if (isNotebook) {
        const nb = readNotebookFile(text, explicit);
        if ('error' in nb || 'note' in nb) { outcomes.push({ path, records: [], ...nb }); continue; }
        const tooBig = skipReason(nb.model.text, this.maxFileSize);
        if (tooBig) { outcomes.push({ path, records: [], note: `skipped because ${tooBig}` }); continue; }
        notebook = nb;
      }
      const source = notebook ? notebook.model.text : text;

      let raw: Finding[] = [];
      const outcome: FileOutcome = { path, records: [] };
      const language = notebook ? 'python' : languageOfPath(path);
      if (language && mayUseMlFramework(source)) {
        const cached = req.cache?.[path];
        const relevance = this.relevanceOf(req.root);
        if (cached && cached.hash === hash && (await this.depsUnchanged(cached.deps))) {
          raw = cached.findings;
          outcome.cacheEntry = cached;
        } else if (!relevance.mayReport(uri, source, language)) {
          // Nothing to report; cached with the files whose words decided it, so a warm run skips the scan.
          if (req.cache) outcome.cacheEntry = { hash, deps: await this.hashesOf(relevance.importClosure(uri)), findings: [] };
        } else {
          state ??= this.rootState(req.root);
          try {
            // Already parsed as an import of an earlier file: the disk has not changed since.
            if (!state.workspace.has(uri)) state.workspace.update(uri, source, language);
            state.loaded.set(uri, hash);
            state.chars.set(uri, source.length);
            await state.workspace.resolveImports(uri);
            raw = state.workspace.check(uri);
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
            outcome.cacheEntry = { hash, deps, findings: raw };
          } catch (e) {
            outcome.error = `analysis failed: ${e instanceof Error ? e.message : String(e)}`;
          }
        }
      }
      const final = applyConfiguration(raw, source, projectSelection(project), uri);
      if (final.length && notebook) outcome.records = notebookRecords(final, path, notebook);
      else if (final.length) {
        const starts = lineStarts(text);
        outcome.records = final.map(f => toOutputRecord(f, path, text, starts));
      }
      outcomes.push(outcome);
    }
    if (state) this.trim(state);
    return { outcomes, configProblems: [...problems.values()] };
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
        hash = contentHash(readFileSync(path, 'utf8'));
      } catch {
        // a dependency that is gone: its hash matches nothing
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
    if (!r) this.relevance.set(root, r = new RelevanceIndex(uri => this.fsHost.readNow(uri), [rootUri(root)]));
    return r;
  }

  private rootState(root: string): RootState {
    let s = this.roots.get(root);
    if (!s) {
      const loaded = new Map<string, string>();
      const chars = new Map<string, number>();
      const host: FileHost = {
        readFile: async uri => {
          const text = await this.fsHost.readFile(uri);
          if (text === undefined || skipReason(text, this.maxFileSize)) return undefined;
          loaded.set(uri, this.hashing ? contentHash(text) : '');
          chars.set(uri, text.length);
          return text;
        },
      };
      const workspace = createAnalysisWorkspace({ runRules, host, roots: [rootUri(root)], frontEnd: this.frontEnds, incremental: false, snapshot: true });
      s = { workspace, loaded, chars, lastUse: new Map() };
      this.roots.set(root, s);
    }
    return s;
  }
}

function rootUri(root: string): string {
  return pathToFileURL(root).href.replace(/\/+$/, '');
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
      wrapped.set(language, fe && {
        language: fe.language,
        parse: (uri, text) => {
          if (fe.parseOnce) return fe.parseOnce(uri, text);
          const module = fe.parse(uri, text);
          fe.forget(uri);
          return module;
        },
        forget: uri => fe.forget(uri),
      });
    }
    return wrapped.get(language);
  };
}

function ioMessage(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'EACCES') return 'permission denied';
  if (err?.code === 'ENOENT') return 'no such file or directory';
  if (err?.code === 'EISDIR') return 'is a directory';
  return err?.code ?? (e instanceof Error ? e.message : String(e));
}
