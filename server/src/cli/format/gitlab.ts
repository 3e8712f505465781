// GitLab Code Quality report (a JSON array, `artifacts: reports: codequality`), with the fingerprint
// of `fingerprint.ts` so a finding keeps its identity when code is added above it.
// https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
import type { OutputRecord } from '../output-record';
import { fingerprints, reportPath, type LineText } from './fingerprint';

const SEVERITY: Record<OutputRecord['severity'], string> = { error: 'critical', warning: 'major', info: 'minor', hint: 'info' };

export function formatGitlab(records: readonly OutputRecord[], cwd: string, lineText: LineText): string {
  const prints = fingerprints(records, cwd, lineText);
  const issues = records.map((r, i) => ({
    description: `${r.code} ${r.message}`,
    check_name: r.code,
    fingerprint: prints[i],
    severity: SEVERITY[r.severity],
    location: { path: reportPath(r, cwd), lines: { begin: (r.fileRegion ?? r).line } },
  }));
  return JSON.stringify(issues, null, 2) + '\n';
}
