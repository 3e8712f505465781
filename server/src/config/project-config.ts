// Project configuration: `[tool.losslens]` in pyproject.toml or the top level of losslens.toml,
// found by walking up from a file (the nearest wins; losslens.toml before pyproject.toml in the
// same folder; a pyproject.toml without a [tool.losslens] table does not count).
import type { SeveritySetting } from '../findings';
import type { FileHost } from '../workspace/host';
import { parseToml, TomlError, isTable, type TomlTable, type TomlValue } from './toml';
import { isSeveritySetting, SEVERITY_SETTINGS } from './severity';
import { RULE_ID_PATTERN, knownRuleIds } from './rule-ids';
import { joinUri, parentUri } from '../base/uri';
import { globError } from './glob';
import { parseSelector, type RuleSelection } from './rule-selection';

export interface ConfigProblem {
  uri: string;
  /** 1-based */
  line: number;
  message: string;
}

export interface ProjectConfig {
  /** The file the configuration came from. */
  uri: string;
  /** The folder containing it: `exclude` globs are relative to it. */
  dir: string;
  select?: string[];
  extendSelect?: string[];
  ignore?: string[];
  extendIgnore?: string[];
  /** `per-file-ignores`: glob (relative to `dir`) → selectors, in file order. */
  perFileIgnores?: { glob: string; selectors: string[] }[];
  /** `respect-bare-noqa`: a `# noqa` without codes suppresses LossLens findings on its line. */
  respectBareNoqa?: boolean;
  exclude: string[];
  severity: Record<string, SeveritySetting>;
  problems: ConfigProblem[];
}

export const CONFIG_FILE_NAMES = ['losslens.toml', 'pyproject.toml'] as const;
const OPTIONS = new Set([
  'select',
  'extend-select',
  'ignore',
  'extend-ignore',
  'per-file-ignores',
  'respect-bare-noqa',
  'exclude',
  'severity',
]);

/**
 * Reads one configuration file. Returns null for a pyproject.toml that has no LossLens table.
 * Problems (syntax errors, wrong types, unknown rules) are collected; the valid parts still apply.
 */
export function parseProjectConfig(text: string, uri: string, dir: string): ProjectConfig | null {
  const isPyproject = /(^|\/)pyproject\.toml$/.test(uri);
  const config: ProjectConfig = { uri, dir, exclude: [], severity: {}, problems: [] };
  let doc;
  try {
    doc = parseToml(text);
  } catch (e) {
    // A broken pyproject.toml that never mentions LossLens is another tool's problem.
    if (isPyproject && !/tool\s*\.\s*losslens|"tool"\s*\.\s*"losslens"/.test(text)) return null;
    const line = e instanceof TomlError ? e.line : 1;
    config.problems.push({ uri, line, message: `Invalid TOML: ${e instanceof Error ? e.message : String(e)}` });
    return config;
  }
  let table: TomlTable;
  let prefix: string;
  if (isPyproject) {
    const tool = doc.root.tool;
    const t = isTable(tool) ? tool.losslens : undefined;
    if (t === undefined) return null;
    if (!isTable(t)) {
      config.problems.push({ uri, line: doc.lines.get('tool.losslens') ?? 1, message: '[tool.losslens] must be a table' });
      return config;
    }
    table = t;
    prefix = 'tool.losslens.';
  } else {
    table = doc.root;
    prefix = '';
  }
  const lineOf = (key: string) => doc.lines.get(prefix + key) ?? doc.lines.get(prefix.replace(/\.$/, '')) ?? 1;
  const problem = (key: string, message: string) => config.problems.push({ uri, line: lineOf(key), message });
  const known = knownRuleIds();

  const selectors = (key: string, v: TomlValue, where = `in '${key}'`): string[] | undefined => {
    if (!Array.isArray(v) || !v.every((x): x is string => typeof x === 'string')) {
      problem(key, `'${key}' must be an array of rule ids or prefixes, e.g. ["LL001", "LL02"]`);
      return undefined;
    }
    const out: string[] = [];
    for (const raw of v) {
      const parsed = parseSelector(raw, known, where);
      if ('problem' in parsed) problem(key, parsed.problem);
      else out.push(parsed.selector);
    }
    return out;
  };
  const ruleList = (key: string): string[] | undefined => (table[key] === undefined ? undefined : selectors(key, table[key]));
  config.select = ruleList('select');
  config.extendSelect = ruleList('extend-select');
  config.ignore = ruleList('ignore');
  config.extendIgnore = ruleList('extend-ignore');

  const perFile = table['per-file-ignores'];
  if (perFile !== undefined) {
    if (!isTable(perFile))
      problem('per-file-ignores', '\'per-file-ignores\' must be a table of glob = rule ids, e.g. { "tests/**" = ["LL009"] }');
    else {
      for (const [glob, list] of Object.entries(perFile)) {
        const key = `per-file-ignores.${glob}`;
        const error = globError(glob);
        if (error) problem(key, `Invalid glob ${JSON.stringify(glob)} in 'per-file-ignores': ${error}`);
        else {
          const ids = selectors(key, list, `in 'per-file-ignores'`);
          if (ids) (config.perFileIgnores ??= []).push({ glob, selectors: ids });
        }
      }
    }
  }

  const bare = table['respect-bare-noqa'];
  if (bare !== undefined) {
    if (typeof bare === 'boolean') config.respectBareNoqa = bare;
    else problem('respect-bare-noqa', "'respect-bare-noqa' must be true or false");
  }

  const exclude: TomlValue | undefined = table.exclude;
  if (exclude !== undefined) {
    if (Array.isArray(exclude) && exclude.every((x): x is string => typeof x === 'string')) {
      // An invalid glob is reported and left out; the others still apply.
      for (const glob of exclude) {
        const error = globError(glob);
        if (error) problem('exclude', `Invalid glob ${JSON.stringify(glob)} in 'exclude': ${error}`);
        else config.exclude.push(glob);
      }
    } else problem('exclude', "'exclude' must be an array of glob strings");
  }

  const severity = table.severity;
  if (severity !== undefined) {
    if (!isTable(severity)) {
      problem('severity', '\'severity\' must be a table of rule id = severity, e.g. { LL003 = "error" }');
    } else {
      for (const [raw, sev] of Object.entries(severity)) {
        const id = raw.trim().toUpperCase();
        const key = `severity.${raw}`;
        if (!RULE_ID_PATTERN.test(id)) problem(key, `'${raw}' in 'severity' is not a rule id (LLnnn)`);
        else if (!known.has(id)) problem(key, `Unknown rule '${raw}' in 'severity'`);
        else if (!isSeveritySetting(sev))
          problem(key, `Severity of ${id} must be one of ${SEVERITY_SETTINGS.join('|')}, got ${JSON.stringify(sev)}`);
        else config.severity[id] = sev;
      }
    }
  }

  for (const key of Object.keys(table)) {
    if (!OPTIONS.has(key)) problem(key, `Unknown option '${key}' (expected ${[...OPTIONS].join(', ')})`);
  }
  return config;
}

/** The project part of a RuleSelection. */
export function projectSelection(config: ProjectConfig | null | undefined): Omit<RuleSelection, 'editorSeverity'> {
  if (!config) return {};
  return {
    select: config.select,
    extendSelect: config.extendSelect,
    ignore: config.ignore,
    extendIgnore: config.extendIgnore,
    severity: config.severity,
    perFileIgnores: config.perFileIgnores ? { dir: config.dir, entries: config.perFileIgnores } : undefined,
    respectBareNoqa: config.respectBareNoqa,
  };
}

/**
 * Finds the configuration that governs a file, reading through a FileHost (fs in Node, the LSP
 * client in the browser). Lookups are cached per folder; call `invalidate` when a configuration
 * file changes.
 */
export class ProjectConfigLoader {
  private readonly byDir = new Map<string, Promise<ProjectConfig | null>>();
  private readonly ownByDir = new Map<string, Promise<ProjectConfig | null>>();

  constructor(private readonly host: FileHost) {}

  /** The nearest configuration for the file `uri`, or null when there is none. */
  forFile(uri: string): Promise<ProjectConfig | null> {
    const dir = parentUri(uri);
    return dir ? this.forDir(dir) : Promise.resolve(null);
  }

  forDir(dir: string): Promise<ProjectConfig | null> {
    let p = this.byDir.get(dir);
    if (!p) {
      p = this.own(dir).then(c => {
        if (c) return c;
        const parent = parentUri(dir);
        return parent ? this.forDir(parent) : null;
      });
      this.byDir.set(dir, p);
    }
    return p;
  }

  private own(dir: string): Promise<ProjectConfig | null> {
    let p = this.ownByDir.get(dir);
    if (!p) {
      p = (async () => {
        for (const name of CONFIG_FILE_NAMES) {
          const uri = joinUri(dir, name);
          let text: string | undefined;
          try {
            text = await this.host.readFile(uri);
          } catch {
            text = undefined;
          }
          if (text === undefined) continue;
          const c = parseProjectConfig(text, uri, dir);
          if (c) return c;
        }
        return null;
      })();
      this.ownByDir.set(dir, p);
    }
    return p;
  }

  /** Every configuration file read so far (for publishing their problems). */
  async loaded(): Promise<ProjectConfig[]> {
    const all = await Promise.all(this.ownByDir.values());
    return all.filter((c): c is ProjectConfig => c !== null);
  }

  invalidate(): void {
    this.byDir.clear();
    this.ownByDir.clear();
  }
}

export function isConfigFile(uri: string): boolean {
  return /(^|\/)(pyproject|losslens)\.toml$/.test(uri);
}
