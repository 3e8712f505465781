// The rules pass of a check: every rule over the interpreter's events.
import type { Finding } from '../findings';
import type { AnalysisEvent } from '../analysis/engine/events';
import type { Report, Rule, RuleContext } from './api';
import { rules as allRules } from './registry';

/**
 * The findings of `rules` located in `uri`, one per rule and span (the first report wins), in source
 * order. `keptReports` (api.ts) applies the same filter before a rule builds a report.
 */
export function runRules(
  uri: string,
  events: readonly AnalysisEvent[],
  textOf: (uri: string) => string | undefined,
  rules: readonly Rule[] = allRules,
): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    const ctx: RuleContext = {
      uri,
      events,
      text: textOf,
      report: (r: Report) => {
        if (r.uri !== uri) return;
        const key = `${rule.meta.id}:${r.span.start}:${r.span.end}`;
        if (seen.has(key)) return;
        seen.add(key);
        findings.push({
          code: rule.meta.id,
          name: rule.meta.name,
          severity: rule.meta.severity,
          message: r.message,
          uri,
          span: r.span,
          related: r.related ?? [],
          fix: r.fix,
        });
      },
    };
    try {
      rule.check(ctx);
    } catch (e) {
      // A rule bug must not take the other rules (or the server) down with it.
      console.error(`LossLens: rule ${rule.meta.id} failed on ${uri}: ${(e as Error).stack ?? e}`);
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  return findings;
}
