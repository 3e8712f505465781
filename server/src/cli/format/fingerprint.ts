// The identity of a finding across runs and commits, shared by the GitLab report (`fingerprint`) and
// SARIF (`partialFingerprints`): a hash of the path, the rule and the text of the line the finding is
// on — not the line number, which moves when code is added above it. Identical lines with the same
// finding in one file are told apart by their order.
import { createHash } from 'node:crypto';
import type { OutputRecord } from '../output-record';
import { displayPath } from '../paths';

/** `lineText(record)`: the text of the line the record starts on (in the file on disk), '' when unknown. */
export type LineText = (r: OutputRecord) => string;

/** fingerprint(r) = sha256(path ␀ code ␀ trim(line text) [␀ n])[0:32], n = earlier records with the same key. */
export function fingerprints(records: readonly OutputRecord[], cwd: string, lineText: LineText): string[] {
  const seen = new Map<string, number>();
  return records.map(r => {
    const key = `${reportPath(r, cwd)}\u0000${r.code}\u0000${lineText(r).trim()}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return createHash('sha256')
      .update(n ? `${key}\u0000${n}` : key)
      .digest('hex')
      .slice(0, 32);
  });
}

/** The path as the reports write it: relative to the working directory with `/`, else absolute. */
export function reportPath(r: OutputRecord, cwd: string): string {
  return displayPath(r.file, cwd).split('\\').join('/');
}
