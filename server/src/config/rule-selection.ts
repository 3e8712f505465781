// Which rules run and at what severity, from editor settings (weaker), project files and the command
// line (strongest). Rules are chosen Ruff-style by selectors: a rule id (`LL001`), an id prefix
// (`LL0`, `LL02`) or `ALL`.
import type { Severity, SeveritySetting } from '../findings';
import { compileGlob } from './glob';

/** One source of `select` / `extend-select` / `ignore` / `extend-ignore` (the project file, the command line). */
export interface SelectorLayer {
  /** Only these run (replaces what earlier layers chose). Absent: what earlier layers chose. */
  select?: readonly string[];
  /** Added to the rules chosen so far. */
  extendSelect?: readonly string[];
  /** Never run. */
  ignore?: readonly string[];
  /** Also never run (the same as `ignore`, kept apart so a later `ignore` does not drop it). */
  extendIgnore?: readonly string[];
}

/** `per-file-ignores`: globs relative to `dir` (the configuration file's folder) → selectors. */
export interface PerFileIgnores {
  dir: string;
  entries: readonly { glob: string; selectors: readonly string[] }[];
}

export interface RuleSelection extends SelectorLayer {
  /** Editor settings (`losslens.rules`): id → severity. Weaker than every project field. */
  editorSeverity?: Readonly<Record<string, SeveritySetting>>;
  /** Project `severity` table: id → severity. */
  severity?: Readonly<Record<string, SeveritySetting>>;
  /** The command line's selectors, applied after the project's. */
  cli?: SelectorLayer;
  /** Project `per-file-ignores`; matched against the file in `applyConfiguration`. */
  perFileIgnores?: PerFileIgnores;
  /** Project `respect-bare-noqa`: a `# noqa` without codes suppresses LossLens findings on its line. */
  respectBareNoqa?: boolean;
}

/** Whether a selector names the rule `code`: `ALL`, the id itself, or a prefix of it. */
export function selectorMatches(selector: string, code: string): boolean {
  return selector === 'ALL' || code.startsWith(selector);
}

/** How specific a selector is (`ALL` least); the more specific one wins inside a layer. */
function specificity(selector: string): number {
  return selector === 'ALL' ? 0 : selector.length;
}

/**
 * What one layer says about `code`: 'on', 'off', or undefined (nothing: earlier layers decide). The
 * most specific matching selector wins (`select = ["LL0"], ignore = ["LL001"]` turns LL001 off,
 * `select = ["LL001"], ignore = ["LL0"]` keeps it); on a tie `ignore` wins. A rule that `select`
 * does not name is off.
 */
export function layerVerdict(code: string, layer: SelectorLayer): 'on' | 'off' | undefined {
  let best = -1;
  let verdict: 'on' | 'off' | undefined;
  for (const s of [...(layer.select ?? []), ...(layer.extendSelect ?? [])]) {
    if (selectorMatches(s, code) && specificity(s) > best) {
      best = specificity(s);
      verdict = 'on';
    }
  }
  for (const s of [...(layer.ignore ?? []), ...(layer.extendIgnore ?? [])]) {
    if (selectorMatches(s, code) && specificity(s) >= best) {
      best = specificity(s);
      verdict = 'off';
    }
  }
  if (verdict === undefined && layer.select) return 'off';
  return verdict;
}

/**
 * The severity a finding of `code` is reported with, or 'off': editor severity → project selectors →
 * project severity → command-line selectors (each layer overrides the earlier ones for the rules it
 * names). A layer that names an id exactly in `select`/`extend-select` re-enables a rule whose
 * severity is off; a prefix or `ALL` does not, so a user's editor choice survives a blanket setting.
 */
export function effectiveSeverity(code: string, ruleDefault: Severity, sel: RuleSelection): SeveritySetting {
  let s: SeveritySetting = sel.editorSeverity?.[code] ?? ruleDefault;
  let on = true;
  const project = layerVerdict(code, sel);
  if (project !== undefined) {
    on = project === 'on';
    if (on && s === 'off' && namesExactly(sel, code)) s = ruleDefault;
  }
  s = sel.severity?.[code] ?? s;
  const cli = sel.cli && layerVerdict(code, sel.cli);
  if (cli !== undefined) {
    on = cli === 'on';
    if (on && s === 'off' && namesExactly(sel.cli!, code)) s = ruleDefault;
  }
  return on ? s : 'off';
}

function namesExactly(layer: SelectorLayer, code: string): boolean {
  return (layer.select ?? []).includes(code) || (layer.extendSelect ?? []).includes(code);
}

/** The selectors of `per-file-ignores` that apply to the file at `relativePath` (relative to the config's folder). */
export function perFileIgnored(relativePath: string, ignores: PerFileIgnores): string[] {
  const out: string[] = [];
  for (const e of ignores.entries) if (compileGlob(e.glob).test(relativePath)) out.push(...e.selectors);
  return out;
}

/**
 * A selector as written (any case, spaces around) checked against the known rules: the selector,
 * or why it is not one. A prefix must name at least one rule, so a typo is reported, not ignored.
 */
export function parseSelector(raw: string, known: ReadonlySet<string>, where: string): { selector: string } | { problem: string } {
  const s = raw.trim().toUpperCase();
  if (s === 'ALL') return { selector: s };
  if (!/^LL\d{0,3}$/.test(s)) return { problem: `'${raw}' ${where} is not a rule id or prefix (LLnnn, LL0, ALL)` };
  if (s.length === 5 ? !known.has(s) : ![...known].some(id => id.startsWith(s))) return { problem: `Unknown rule '${raw}' ${where}` };
  return { selector: s };
}
