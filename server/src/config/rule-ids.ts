import { ruleMetas } from '../rules/registry';
import type { Severity } from '../analysis/findings';

/** The configuration layer's own finding: a suppression comment that suppressed nothing. */
export const UNUSED_SUPPRESSION = {
  id: 'LL000',
  name: 'unused-suppression',
  severity: 'hint' as Severity,
  summary: 'A `losslens: ignore` comment that suppresses nothing',
};

export const RULE_ID_PATTERN = /^LL\d{3}$/;

/** Every rule id a configuration may name. */
export function knownRuleIds(): Set<string> {
  return new Set([UNUSED_SUPPRESSION.id, ...ruleMetas.map(m => m.id)]);
}

export function defaultSeverity(id: string): Severity | undefined {
  if (id === UNUSED_SUPPRESSION.id) return UNUSED_SUPPRESSION.severity;
  return ruleMetas.find(m => m.id === id)?.severity;
}

export function ruleDocsUrl(id: string): string {
  return `https://github.com/losslens/losslens/blob/main/docs/rules/${id}.md`;
}
