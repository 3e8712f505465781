// The lint pipeline, one for every caller (the language server, CLI `check`, CLI `fix` on files and
// on notebooks):
//
//   read → skip (limits, excludes) → source → parse → check → configure → findings with fixes
//
// `prepareFile` runs the stages up to the source; `lintTarget` the rest; `lintFile` both. What
// differs between callers is injected: the text (an open document, a file the CLI read) and the
// parse → check stage (`Analyse`: the editor re-parses incrementally and waits for imports, the CLI
// consults its cache first, `fix` re-checks after each pass). Runtime-neutral: no Node built-ins.
import type { Finding, SeveritySetting } from '../findings';
import type { AnalysisWorkspace } from '../analysis/workspace';
import type { LanguageId } from '../parse/frontend';
import type { FileHost } from '../workspace/host';
import { applyConfiguration } from '../config/apply';
import { projectSelection, type ProjectConfig, type ProjectConfigLoader } from '../config/project-config';
import type { RuleSelection, SelectorLayer } from '../config/rule-selection';
import { isNotebookPath } from '../notebook';
import { skipReason } from './limits';
import { excludedByEditor, excludedByProject } from './exclude';
import { sourceOf, type NotebookFile } from './source';

export interface LintSettings {
  /** Files above this many UTF-16 code units, and binary files, are skipped (`losslens.maxFileSize`). */
  maxFileSize: number;
  /** The editor's `losslens.exclude` globs, matched against a file's path in its workspace folder (`roots`). */
  exclude?: readonly string[];
  roots?: readonly string[];
  /** The editor's severities (`losslens.rules`); the project file's selection is stronger. */
  rules?: Readonly<Record<string, SeveritySetting>>;
  /** The command line's `--select`/`--ignore`…, stronger than the project file's. */
  cli?: SelectorLayer;
}

export interface LintEnvironment {
  /** Project configuration files (`losslens.toml`, `[tool.losslens]`), found by walking up from a file. */
  configs: ProjectConfigLoader;
  settings: LintSettings;
  /** Reads the file when the request carries no text. */
  host?: FileHost;
  /** The file's project configuration was read (before the exclude test): its problems are the caller's to report. */
  onProject?(project: ProjectConfig | null): void;
}

export interface LintRequest {
  uri: string;
  /** The file's text when the caller has it (an open document, a file the CLI read); else read through `host`. */
  text?: string;
  /** Given: the text is this language's source as is (an editor document). Absent: from the name; `.ipynb` files are notebooks. */
  language?: LanguageId;
  /** Named by the user (a CLI argument): the project's `exclude` does not apply to it. */
  explicit?: boolean;
}

/** A file that passed the skip stages: what is parsed, checked and configured. */
export interface LintTarget {
  uri: string;
  /** The file's own text (a notebook's JSON). */
  fileText: string;
  /** The text analysed: the file's, or a notebook's program. */
  text: string;
  language: LanguageId;
  notebook?: NotebookFile;
  project: ProjectConfig | null;
  /** Editor severities and the project's selection. */
  selection: RuleSelection;
}

/** Findings before configuration, and the text their offsets belong to (suppression comments are read from it). */
export interface Analysis {
  findings: Finding[];
  text: string;
}

/**
 * The parse → check stage. undefined: nothing is checked after all (an editor document closed or
 * declined meanwhile). A throw is an analysis failure (`LintResult.error`).
 */
export type Analyse = (target: LintTarget) => Analysis | undefined | Promise<Analysis | undefined>;

/** Why a file was not analysed. */
export type Skipped =
  /** The host could not read it. */
  | { status: 'unreadable' }
  /** Above the size limit or binary: `reason` says which. */
  | { status: 'limit'; reason: string }
  | { status: 'excluded'; project: ProjectConfig | null }
  /** Not a language LossLens analyses, or a notebook it cannot read (`error`) or does not analyse (`note`). */
  | { status: 'refused'; error?: string; note?: string };

export type Prepared = Skipped | { status: 'ready'; target: LintTarget };

export type LintResult =
  | Skipped
  /** The analysis stage had nothing to check. */
  | { status: 'unavailable'; target: LintTarget }
  /**
   * Findings with configuration applied (severities, selection, suppressions and their hints).
   * `error`: the analysis threw; the findings are then only what configuration adds (unused-suppression hints).
   */
  | {
      status: 'linted';
      target: LintTarget;
      findings: Finding[];
      /** What the findings' offsets refer to (the analysis's text). */ text: string;
      error?: unknown;
    };

/** read → skip (limits, excludes) → source → parse → check → configure. */
export async function lintFile(request: LintRequest, env: LintEnvironment, analyse: Analyse): Promise<LintResult> {
  const prepared = await prepareFile(request, env);
  return prepared.status === 'ready' ? lintTarget(prepared.target, analyse) : prepared;
}

/** read → skip (limits, excludes) → source. */
export async function prepareFile(request: LintRequest, env: LintEnvironment): Promise<Prepared> {
  const { uri, explicit = false } = request;
  const fileText = request.text ?? (await env.host?.readFile(uri));
  if (fileText === undefined) return { status: 'unreadable' };
  const { settings } = env;
  // A notebook file's limit applies to its code, not to its outputs (checked on the program below).
  const notebookFile = request.language === undefined && isNotebookPath(uri);
  const reason = notebookFile ? undefined : skipReason(fileText, settings.maxFileSize);
  if (reason) return { status: 'limit', reason };
  if (settings.exclude && excludedByEditor(uri, settings.exclude, settings.roots ?? [])) return { status: 'excluded', project: null };
  const project = await env.configs.forFile(uri);
  env.onProject?.(project);
  if (!explicit && excludedByProject(uri, project)) return { status: 'excluded', project };
  const source = sourceOf(uri, fileText, request.language, explicit);
  if (!source) return { status: 'refused' };
  if (!('text' in source)) return { status: 'refused', ...source };
  if (notebookFile) {
    const tooBig = skipReason(source.text, settings.maxFileSize);
    if (tooBig) return { status: 'limit', reason: tooBig };
  }
  const selection: RuleSelection = {
    editorSeverity: settings.rules,
    ...projectSelection(project),
    ...(settings.cli && { cli: settings.cli }),
  };
  return {
    status: 'ready',
    target: { uri, fileText, text: source.text, language: source.language, notebook: source.notebook, project, selection },
  };
}

/** parse → check → configure. */
export async function lintTarget(target: LintTarget, analyse: Analyse): Promise<LintResult> {
  let analysis: Analysis | undefined;
  try {
    analysis = await analyse(target);
  } catch (error) {
    return { status: 'linted', target, findings: configure([], target.text, target), text: target.text, error };
  }
  if (!analysis) return { status: 'unavailable', target };
  return { status: 'linted', target, findings: configure(analysis.findings, analysis.text, target), text: analysis.text };
}

/** The configure stage: severities and selection, suppression comments of `text`, hints for unused suppressions. */
export function configure(findings: readonly Finding[], text: string, target: Pick<LintTarget, 'uri' | 'selection'>): Finding[] {
  return applyConfiguration(findings, text, target.selection, target.uri);
}

/** The findings of a result, none for a skipped file; an analysis failure is thrown again (it stops a fix loop). */
export function findingsOf(result: LintResult): Finding[] {
  if (result.status !== 'linted') return [];
  if (result.error !== undefined) throw result.error;
  return result.findings;
}

/**
 * The parse → check stage on a workspace holding the files of one run. `parse`: 'always' (the
 * target's text is new), 'if-missing' (files do not change during the run: one already parsed as an
 * import is current), 'never' (the caller keeps the workspace's text current).
 */
export function checkIn(workspace: AnalysisWorkspace, parse: 'always' | 'if-missing' | 'never' = 'always'): Analyse {
  return async target => {
    if (parse === 'always' || (parse === 'if-missing' && !workspace.has(target.uri)))
      workspace.update(target.uri, target.text, target.language);
    await workspace.resolveImports(target.uri);
    return { findings: workspace.check(target.uri), text: target.text };
  };
}
