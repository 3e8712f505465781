// Keystroke generation and timing statistics shared by the Python (keystroke.ts) and TypeScript
// (ts-keystroke.mjs) keystroke benchmarks, so both measure the same kind of edits the same way.
import type { ContentChange } from '../../../server/src/parse/frontend';
import type { RunStats } from '../../../server/src/analysis/engine/units';
import { percentile } from './setup';

// What a person types inside code: identifier characters and spaces.
const TYPED = 'abcdefghijklmnopqrstuvwxyz_0123456789 ';

/**
 * Keystrokes in pairs, as a person types and corrects: an odd edit types one character at a random
 * position, the next one deletes it again (backspace). Every edit is a real one-character change
 * sent incrementally; the document never drifts far from valid code, as in an editing session
 * (random edits that accumulate leave unclosed brackets everywhere, which no editing session looks like).
 */
export function keystrokes(rand: () => number): (text: string) => { text: string; change: ContentChange } {
  let typedAt = -1;
  return text => {
    if (typedAt >= 0) {
      const pos = typedAt;
      typedAt = -1;
      return {
        text: text.slice(0, pos) + text.slice(pos + 1),
        change: { range: { start: position(text, pos), end: position(text, pos + 1) }, text: '' },
      };
    }
    const pos = Math.floor(rand() * text.length);
    const ch = TYPED[Math.floor(rand() * TYPED.length)];
    typedAt = pos;
    const at = position(text, pos);
    return { text: text.slice(0, pos) + ch + text.slice(pos), change: { range: { start: at, end: at }, text: ch } };
  };
}

export function position(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/** CPU time of this process (user + system) in ms: what an edit costs when the machine is shared. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export interface Stats {
  p50: number;
  p95: number;
  max: number;
  mean: number;
  n: number;
}

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, s.length);
  return { p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1] ?? NaN, mean, n: s.length };
}

export const fmt = (s: Stats) =>
  `p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms, max ${s.max.toFixed(2)} ms, mean ${s.mean.toFixed(2)} ms (n=${s.n})`;

/** How the checks of a run went (RunStats of each inspection): by kind, and how many analysis units ran. */
export function checkTally(): {
  add(units: RunStats | undefined): void;
  result(): { checks: Record<string, number>; unitsRun: Stats };
} {
  const kinds = new Map<string, number>();
  const unitsRun: number[] = [];
  return {
    add(units) {
      const kind = units?.fullReason ?? `incremental (top level ${units?.topLevel})`;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      unitsRun.push(units?.unitsRun ?? NaN);
    },
    result: () => ({ checks: Object.fromEntries(kinds), unitsRun: stats(unitsRun) }),
  };
}

export const fmtChecks = (r: { checks: Record<string, number>; unitsRun: Stats }) =>
  `checks by kind: ${Object.entries(r.checks)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')}; analysis units run per check: p50 ${r.unitsRun.p50}, p95 ${r.unitsRun.p95}`;
