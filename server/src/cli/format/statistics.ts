// `--statistics`: how many findings each rule has and how many of them `fix` fixes, most frequent first.
import type { OutputRecord } from '../output-record';

export interface RuleCount {
  code: string;
  name: string;
  count: number;
  /** With `losslens fix` (safe fixes). */
  fixable: number;
  /** Only with `losslens fix --unsafe`. */
  unsafeFixable: number;
}

export function ruleCounts(records: readonly OutputRecord[]): RuleCount[] {
  const by = new Map<string, RuleCount>();
  for (const r of records) {
    let c = by.get(r.code);
    if (!c) by.set(r.code, (c = { code: r.code, name: r.name, count: 0, fixable: 0, unsafeFixable: 0 }));
    c.count++;
    if (r.fix?.applicability === 'safe') c.fixable++;
    else if (r.fix?.applicability === 'unsafe') c.unsafeFixable++;
  }
  return [...by.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

/** `COUNT  CODE  [*] name  (N fixable)` rows (`[*]`: `losslens fix` fixes some), then the total. */
export function formatStatistics(records: readonly OutputRecord[], quiet = false): string {
  const counts = ruleCounts(records);
  const width = Math.max(1, ...counts.map(c => String(c.count).length));
  const lines = counts.map(c => {
    const mark = c.fixable ? '[*]' : '[ ]';
    const fixes = [c.fixable ? `${c.fixable} fixable` : '', c.unsafeFixable ? `${c.unsafeFixable} with --unsafe` : ''].filter(Boolean);
    const tail = fixes.length ? `  (${fixes.join(', ')})` : '';
    return `${String(c.count).padStart(width)}  ${c.code}  ${mark} ${c.name}${tail}`;
  });
  if (!quiet) {
    const fixable = counts.reduce((n, c) => n + c.fixable, 0);
    lines.push(
      records.length === 0
        ? 'All checks passed!'
        : `Found ${records.length} problem${records.length === 1 ? '' : 's'} in ${counts.length} rule${counts.length === 1 ? '' : 's'} (${fixable} fixable with \`losslens fix\`).`,
    );
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

export function formatStatisticsJson(records: readonly OutputRecord[]): string {
  return JSON.stringify(ruleCounts(records), null, 2) + '\n';
}
