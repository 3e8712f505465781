// CONTRACT (implementation in progress by the engine owner): the analysis entry point used by the
// LSP server and the CLI. Runtime-neutral: no Node built-ins.
import type { Finding } from '../findings';
import type { FileHost } from '../workspace/host';
import type { ContentChange, FrontEnd, LanguageId } from '../parse/frontend';
import type { Module } from '../ir';
import type { AnalysisEvent } from './engine/events';
import type { RunStats } from './engine/units';

/** Everything one check of a file saw: for hovers, code actions and explanations. */
export interface Inspection {
  findings: Finding[];
  /** The interpreter's events (loss calls with argument kinds, activations, compiles…), in all files it read. */
  events: AnalysisEvent[];
  text: string;
  module: Module | undefined;
  /** Text of any file the check read. */
  textOf(uri: string): string | undefined;
  /** How many analysis units ran and how many were kept from the previous check of the file. */
  units?: RunStats;
  /**
   * Findings located in other files, caused by this file's calls into them (its values passed to their
   * functions and classes), by file; each names the call in its last `related` place.
   */
  foreign?: Map<string, Finding[]>;
}

/**
 * The rules pass of a check: the findings located in `uri` from the interpreter's `events` (`textOf`
 * gives the text of any file the check read). The analysis knows no rule: the entry points pass
 * `runRules` (rules/run.ts).
 */
export type RulePass = (uri: string, events: readonly AnalysisEvent[], textOf: (uri: string) => string | undefined) => Finding[];

export interface WorkspaceOptions {
  /** Reads files that are not open (imports of open files). */
  host: FileHost;
  /** Workspace folder URIs (no trailing slash). Imports resolve against the importing file's folder and these roots. */
  roots: string[];
  /**
   * Front ends by language; the TypeScript one may be created lazily. `text` is the document about to be
   * parsed: a lazily loaded front end may decline to load for it (TS/JS that does not use TF.js), and is
   * asked again for later documents. Without `text` the front end is always provided when it can be.
   */
  frontEnd(language: 'python' | 'typescript', text?: string): FrontEnd | undefined;
  /** What `check` runs after the interpreter. */
  runRules: RulePass;
  /**
   * Keep what each check needs so the next check of the same file re-runs only the analysis units an
   * edit touched (default true). Off for one-shot runs (the CLI), which check each file once.
   */
  incremental?: boolean;
  /**
   * The files do not change while the workspace lives (a one-shot CLI run): each file's imports are
   * resolved once, and a file found missing is not looked for again.
   */
  snapshot?: boolean;
}

/**
 * Holds parsed files and their summaries. Open documents are pushed with `update`; files they
 * import are pulled through the host by `resolveImports`. `check` is synchronous and cheap enough
 * to run on every keystroke.
 */
export interface AnalysisWorkspace {
  update(uri: string, text: string, languageId: LanguageId, changes?: readonly ContentChange[]): void;
  remove(uri: string): void;
  /** Loads (through the host) every workspace file that `uri` imports, transitively. */
  resolveImports(uri: string): Promise<void>;
  /** Findings of every rule for `uri`, before configuration (selection, severities, suppressions). */
  check(uri: string): Finding[];
  /** Like `check`, with the events and texts behind the findings. */
  inspect(uri: string): Inspection;
  /**
   * Loads the workspace files that import `uri`, directly or not (found through the host's
   * `listFiles` under the roots, and among the loaded files), with their imports: `callerFindings`
   * then sees every caller.
   */
  resolveCallers(uri: string): Promise<void>;
  /**
   * Findings in `uri` that its loaded importers' checks cause by calling into it with their values
   * (`Inspection.foreign`), once each, none that `check(uri)` reports itself; ordered by caller path.
   */
  callerFindings(uri: string): Finding[];
  /** Files whose findings may change when `uri` changes (its importers, transitively). */
  dependents(uri: string): string[];
  /** Workspace files `uri` imports, transitively, as last resolved by `resolveImports`. */
  importClosure(uri: string): string[];
  /** Whether `uri` is loaded. */
  has(uri: string): boolean;
}
