// Which rules run and at what severity, from editor settings (weaker) and project files (stronger).
import type { Severity, SeveritySetting } from '../findings';

export interface RuleSelection {
  /** Editor settings (`losslens.rules`): id → severity. Weaker than every project field. */
  editorSeverity?: Readonly<Record<string, SeveritySetting>>;
  /** Project `select`: only these ids run ('ALL' = every rule). Absent: every rule. */
  select?: readonly string[];
  /** Project `ignore`: these ids never run. */
  ignore?: readonly string[];
  /** Project `severity` table: id → severity. */
  severity?: Readonly<Record<string, SeveritySetting>>;
}

/**
 * The severity a finding of `code` is reported with, or 'off'. A project that lists an id in
 * `select` re-enables a rule the editor turned off; `select = ["ALL"]` alone does not, so a
 * user's editor choice survives a blanket project setting.
 */
export function effectiveSeverity(code: string, ruleDefault: Severity, sel: RuleSelection): SeveritySetting {
  let s: SeveritySetting = sel.editorSeverity?.[code] ?? ruleDefault;
  if (sel.select) {
    const explicit = sel.select.includes(code);
    if (!explicit && !sel.select.includes('ALL')) return 'off';
    if (explicit && s === 'off') s = ruleDefault;
  }
  if (sel.ignore?.includes(code)) return 'off';
  return sel.severity?.[code] ?? s;
}
