// Turns raw rule findings into what the user sees: severities and selection from settings and
// project files, suppression comments, and hints for suppressions that suppressed nothing.
import type { Finding, Severity } from '../findings';
import { lineStarts, lineOfOffset } from '../base/line-index';
import { parseSuppressions, parseNoqa, type Suppression } from './suppressions';
import { effectiveSeverity, perFileIgnored, selectorMatches, type RuleSelection } from './rule-selection';
import { relativeTo } from '../base/uri';
import type { SeveritySetting } from '../findings';
import { defaultSeverity } from './rule-ids';
import { unusedSuppression } from '../rules/registry';

export function applyConfiguration(findings: readonly Finding[], text: string, config: RuleSelection, uri?: string): Finding[] {
  // Most files of a whole-repository run have neither (and the line index costs a pass over the text).
  if (findings.length === 0 && !text.includes('losslens') && !/noqa/i.test(text)) return [];
  const starts = lineStarts(text);
  const suppressions = parseSuppressions(text, starts);
  for (const n of parseNoqa(text, starts)) {
    if (n.codes !== null || config.respectBareNoqa)
      suppressions.push({ kind: 'line', line: n.line, codes: n.codes, span: n.span, noqa: true });
  }
  const fileUri = uri ?? findings[0]?.uri ?? '';
  // `per-file-ignores` come after every selection, as in Ruff: the command line does not undo them.
  const rel = config.perFileIgnores && relativeTo(config.perFileIgnores.dir, fileUri);
  const fileIgnores = rel !== undefined && config.perFileIgnores ? perFileIgnored(rel, config.perFileIgnores) : [];
  const severityOf = (code: string, ruleDefault: Severity): SeveritySetting =>
    fileIgnores.some(s => selectorMatches(s, code)) ? 'off' : effectiveSeverity(code, ruleDefault, config);

  const enabled: Finding[] = [];
  for (const f of findings) {
    const sev = severityOf(f.code, f.severity);
    if (sev === 'off') continue;
    enabled.push(sev === f.severity ? f : { ...f, severity: sev });
  }

  const fileAll = suppressions.some(s => s.kind === 'file' && s.codes === null);
  const fileCodes = new Set(suppressions.filter(s => s.kind === 'file' && s.codes).flatMap(s => s.codes!.map(c => c.code)));
  const byLine = new Map<number, Suppression[]>();
  for (const s of suppressions) {
    if (s.kind !== 'line') continue;
    const list = byLine.get(s.line);
    if (list) list.push(s);
    else byLine.set(s.line, [s]);
  }
  /** Suppression → codes it actually suppressed ('*' for a bare ignore). */
  const used = new Map<Suppression, Set<string>>();

  const kept: Finding[] = [];
  for (const f of enabled) {
    if (f.uri !== fileUri && uri !== undefined) {
      kept.push(f);
      continue;
    }
    if (fileAll || fileCodes.has(f.code)) continue;
    const line = lineOfOffset(starts, f.span.start);
    let suppressed = false;
    for (const s of byLine.get(line) ?? []) {
      if (s.codes === null || s.codes.some(c => c.code === f.code)) {
        suppressed = true;
        let set = used.get(s);
        if (!set) {
          set = new Set();
          used.set(s, set);
        }
        set.add(s.codes === null ? '*' : f.code);
      }
    }
    if (!suppressed) kept.push(f);
  }

  if (!fileAll) {
    const hintSeverity = severityOf(unusedSuppression.id, unusedSuppression.severity);
    if (hintSeverity !== 'off') {
      for (const s of byLine.values()) {
        for (const sup of s) kept.push(...unusedHints(sup, used.get(sup), fileCodes, severityOf, fileUri, hintSeverity));
      }
    }
  }
  return kept.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
}

function unusedHints(
  s: Suppression,
  used: Set<string> | undefined,
  fileCodes: Set<string>,
  severityOf: (code: string, ruleDefault: Severity) => SeveritySetting,
  uri: string,
  severity: Severity,
): Finding[] {
  const make = (message: string, span: Finding['span']): Finding => ({
    code: unusedSuppression.id,
    name: unusedSuppression.name,
    severity,
    message,
    uri,
    span,
    related: [],
  });
  if (s.codes === null) return used || s.noqa ? [] : [make('Unused suppression', s.span)];
  const out: Finding[] = [];
  for (const c of s.codes) {
    if (used?.has(c.code) || fileCodes.has(c.code)) continue;
    // A suppression for a rule that is switched off cannot be used; it is not the comment's fault.
    const def = defaultSeverity(c.code);
    if (def && severityOf(c.code, def) === 'off') continue;
    out.push(make(s.noqa ? `Unused noqa code ${c.code}` : `Unused suppression for ${c.code}`, c.span));
  }
  return out;
}
