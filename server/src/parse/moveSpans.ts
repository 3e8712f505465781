import type { Span } from '../ir';

/** Moves every span of a list by `delta`, in place (both front ends keep each chunk's spans in one list). */
export function moveSpans(spans: readonly Span[], delta: number): void {
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i];
    s.start += delta;
    s.end += delta;
  }
}
