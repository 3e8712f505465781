// Applies fixes to a set of files until nothing fixable is left (a fix may reveal or enable
// another), within a pass limit. Runtime-neutral: the caller supplies analysis and text storage.
import type { Finding } from '../findings';
import { applyEdits, editsByUri, selectCompatibleFixes } from './text-edits';

export interface FixableFiles {
  /** Files whose findings are fixed. */
  readonly uris: readonly string[];
  text(uri: string): string | undefined;
  /** Findings of `uri` in its current text, configuration applied. */
  findings(uri: string): Promise<Finding[]>;
  /** Records a new text (the analysis must see it on the next `findings` call). */
  setText(uri: string, text: string): void;
  /** Files a fix may edit (a fix reaching elsewhere is not applied). */
  editable(uri: string): boolean;
}

export interface FixOptions {
  unsafe: boolean;
  maxPasses?: number;
}

export interface FixReport {
  /** Fixes applied, by rule code. */
  applied: Map<string, number>;
  /** Every fix applied: its rule and the files it edited (a fix counts as done only once all of them are written). */
  fixes: { code: string; uris: string[] }[];
  passes: number;
  /** Files changed, in the order first changed. */
  changed: string[];
  /** Findings before the first pass, by file. */
  initial: Map<string, Finding[]>;
  /** Findings left after the last pass, by file. */
  remaining: Map<string, Finding[]>;
  /** The pass limit stopped the loop while fixes were still being applied. */
  limitReached: boolean;
}

export const DEFAULT_MAX_PASSES = 5;

export function isApplicable(
  f: Finding,
  options: FixOptions,
  files: Pick<FixableFiles, 'editable'>,
): f is Finding & { fix: NonNullable<Finding['fix']> } {
  return (
    !!f.fix && f.fix.edits.length > 0 && (options.unsafe || f.fix.applicability === 'safe') && f.fix.edits.every(e => files.editable(e.uri))
  );
}

export async function fixFiles(files: FixableFiles, options: FixOptions): Promise<FixReport> {
  const maxPasses = options.maxPasses ?? DEFAULT_MAX_PASSES;
  const applied = new Map<string, number>();
  const changed: string[] = [];
  const fixes: FixReport['fixes'] = [];
  let passes = 0;
  let limitReached = false;
  let findings = await collect(files);
  const initial = findings;
  for (;;) {
    // Every file's findings come from the same state of the texts, so their spans agree.
    const candidates = [...findings.values()]
      .flat()
      .filter(f => isApplicable(f, options, files))
      .map(f => ({ fix: f.fix!, code: f.code }));
    const { chosen } = selectCompatibleFixes(candidates);
    if (chosen.length === 0) break;
    if (passes === maxPasses) {
      limitReached = true;
      break;
    }
    passes++;
    let progressed = false;
    for (const [uri, edits] of editsByUri(chosen.map(c => c.fix))) {
      const before = files.text(uri);
      if (before === undefined) continue;
      const after = applyEdits(before, edits);
      if (after === before) continue;
      files.setText(uri, after);
      progressed = true;
      if (!changed.includes(uri)) changed.push(uri);
    }
    if (!progressed) break;
    for (const c of chosen) {
      applied.set(c.code, (applied.get(c.code) ?? 0) + 1);
      fixes.push({ code: c.code, uris: [...new Set(c.fix.edits.map(e => e.uri))] });
    }
    findings = await collect(files);
  }
  return { applied, fixes, initial, passes, changed, remaining: findings, limitReached };
}

async function collect(files: FixableFiles): Promise<Map<string, Finding[]>> {
  const out = new Map<string, Finding[]>();
  for (const uri of files.uris) out.set(uri, await files.findings(uri));
  return out;
}
