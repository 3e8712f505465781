// GitLab Code Quality report (a JSON array, `artifacts: reports: codequality`). The fingerprint
// identifies a finding across runs and commits: a hash of the path, the rule and the text of the
// line it is on (not the line number, which moves when code is added above it); identical lines
// with the same finding in one file are told apart by their order.
// https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
import { createHash } from 'node:crypto';
import type { OutputRecord } from '../output-record';
import { displayPath } from '../paths';

const SEVERITY: Record<OutputRecord['severity'], string> = { error: 'critical', warning: 'major', info: 'minor', hint: 'info' };

/** `lineText(record)`: the text of the line the record starts on (in the file on disk), '' when unknown. */
export function formatGitlab(records: readonly OutputRecord[], cwd: string, lineText: (r: OutputRecord) => string): string {
  const seen = new Map<string, number>();
  const issues = records.map(r => {
    const path = displayPath(r.file, cwd).split('\\').join('/');
    const key = `${path}\u0000${r.code}\u0000${lineText(r).trim()}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const fingerprint = createHash('sha256')
      .update(n ? `${key}\u0000${n}` : key)
      .digest('hex')
      .slice(0, 32);
    return {
      description: `${r.code} ${r.message}`,
      check_name: r.code,
      fingerprint,
      severity: SEVERITY[r.severity],
      location: { path, lines: { begin: (r.fileRegion ?? r).line } },
    };
  });
  return JSON.stringify(issues, null, 2) + '\n';
}
