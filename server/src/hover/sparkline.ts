// A one-line unicode sparkline for clients that show hovers as text: the shape of a curve in ~32 cells.
const BARS = '▁▂▃▄▅▆▇█';

export function sparkline(values: ArrayLike<number>, cells = 32): string {
  const n = values.length;
  if (n === 0) return '';
  const sampled: number[] = [];
  for (let i = 0; i < cells; i++) sampled.push(values[Math.min(n - 1, Math.round((i * (n - 1)) / Math.max(1, cells - 1)))]);
  const finite = sampled.filter(Number.isFinite);
  if (finite.length === 0) return ' '.repeat(cells);
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (hi === lo) {
    lo -= 1;
    hi += 1;
  }
  return sampled
    .map(v => (Number.isFinite(v) ? BARS[Math.min(BARS.length - 1, Math.floor(((v - lo) / (hi - lo)) * BARS.length))] : ' '))
    .join('');
}
