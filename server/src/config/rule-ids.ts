import { allRuleMetas, ruleMeta } from '../rules/registry';
import type { Severity } from '../findings';

export const RULE_ID_PATTERN = /^LL\d{3}$/;

/** Every rule id a configuration may name. */
export function knownRuleIds(): Set<string> {
  return new Set(allRuleMetas.map(m => m.id));
}

export function defaultSeverity(id: string): Severity | undefined {
  return ruleMeta(id)?.severity;
}
