// "Nice" axis ticks (steps of 1, 2 or 5 × 10^k) and compact labels for them.

export function niceTicks(lo: number, hi: number, maxTicks = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / Math.max(1, maxTicks);
  let exp = Math.floor(Math.log10(raw));
  const norm = raw / 10 ** exp;
  const mantissas = [1, 2, 5];
  let m = norm <= 1 ? 0 : norm <= 2 ? 1 : norm <= 5 ? 2 : 3;
  if (m === 3) [m, exp] = [0, exp + 1];
  // Step down to the next nicer step until at least three ticks fit (a lone tick makes an unreadable axis).
  for (let guard = 0; guard < 6; guard++) {
    const ticks = ticksFor(lo, hi, mantissas[m] * 10 ** exp);
    if (ticks.length >= 3 || guard === 5) return ticks;
    if (m === 0) [m, exp] = [2, exp - 1];
    else m--;
  }
  return [lo, hi];
}

function ticksFor(lo: number, hi: number, step: number): number[] {
  const first = Math.ceil(lo / step - 1e-9);
  const last = Math.floor(hi / step + 1e-9);
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) ticks.push(k === 0 ? 0 : k * step);
  return ticks;
}

export function formatTick(v: number, step: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(1).replace('e+', 'e');
  const decimals = Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
  return v.toFixed(decimals);
}

/** Short, stable text for a parameter value in a caption. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(2).replace('e+', 'e');
  return String(Number(v.toPrecision(4)));
}
