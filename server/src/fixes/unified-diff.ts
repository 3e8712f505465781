// A unified diff (the `diff -u` / git format) of two versions of a file, for `losslens fix --diff`.

interface Line {
  text: string;
  /** Line ends without a newline (the last line of a file without a final newline). */
  noEol: boolean;
}

function splitLines(text: string): Line[] {
  if (text === '') return [];
  const parts = text.split(/(?<=\n)/);
  return parts.map(p => (p.endsWith('\n') ? { text: p.slice(0, -1), noEol: false } : { text: p, noEol: true }));
}

type Op = { op: ' ' | '-' | '+'; line: Line };

/** Line operations turning `a` into `b`: common prefix and suffix, then an LCS over the rest. */
function diffLines(a: Line[], b: Line[]): Op[] {
  const eq = (x: Line, y: Line) => x.text === y.text && x.noEol === y.noEol;
  let pre = 0;
  while (pre < a.length && pre < b.length && eq(a[pre], b[pre])) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && eq(a[a.length - 1 - suf], b[b.length - 1 - suf])) suf++;
  const am = a.slice(pre, a.length - suf);
  const bm = b.slice(pre, b.length - suf);
  const ops: Op[] = a.slice(0, pre).map(line => ({ op: ' ', line }));
  const n = am.length;
  const m = bm.length;
  if (n * m > 4_000_000) {
    // Too large a changed region for the table: show it as replaced wholesale (still a correct diff).
    for (const line of am) ops.push({ op: '-', line });
    for (const line of bm) ops.push({ op: '+', line });
  } else {
    const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) lcs[i][j] = eq(am[i], bm[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && eq(am[i], bm[j])) {
        ops.push({ op: ' ', line: am[i] });
        i++;
        j++;
      } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.push({ op: '-', line: am[i] });
        i++;
      } else {
        ops.push({ op: '+', line: bm[j] });
        j++;
      }
    }
  }
  for (const line of a.slice(a.length - suf)) ops.push({ op: ' ', line });
  return ops;
}

/** `--- a` / `+++ b` and hunks with `context` lines around each change; '' when the texts are equal. */
export function unifiedDiff(oldText: string, newText: string, oldLabel: string, newLabel: string, context = 3): string {
  if (oldText === newText) return '';
  const ops = diffLines(splitLines(oldText), splitLines(newText));
  const changed = ops.map((o, i) => (o.op === ' ' ? -1 : i)).filter(i => i >= 0);
  // Group changes whose context windows touch into one hunk.
  const hunks: [number, number][] = [];
  for (const i of changed) {
    const lo = Math.max(0, i - context);
    const hi = Math.min(ops.length - 1, i + context);
    const last = hunks[hunks.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else hunks.push([lo, hi]);
  }
  const out = [`--- ${oldLabel}\n`, `+++ ${newLabel}\n`];
  // Line numbers before each op, in the old and the new file.
  const oldAt: number[] = [];
  const newAt: number[] = [];
  let o = 1;
  let n = 1;
  for (const op of ops) {
    oldAt.push(o);
    newAt.push(n);
    if (op.op !== '+') o++;
    if (op.op !== '-') n++;
  }
  for (const [lo, hi] of hunks) {
    const slice = ops.slice(lo, hi + 1);
    const oldCount = slice.filter(x => x.op !== '+').length;
    const newCount = slice.filter(x => x.op !== '-').length;
    // An empty side is numbered by the line before it, as diff -u does.
    const oldStart = oldCount ? oldAt[lo] : oldAt[lo] - 1;
    const newStart = newCount ? newAt[lo] : newAt[lo] - 1;
    out.push(`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@\n`);
    for (const x of slice) {
      out.push(`${x.op}${x.line.text}\n`);
      if (x.line.noEol) out.push('\\ No newline at end of file\n');
    }
  }
  return out.join('');
}

function range(start: number, count: number): string {
  return count === 1 ? `${start}` : `${start},${count}`;
}
