// A small glob matcher for `exclude` settings, project `exclude` lists and .gitignore files, with
// git's (gitignore/wildmatch) semantics:
//   `*`       any run of characters inside one path segment (so do `***`, `a**b`: other runs of stars)
//   `**`      a whole segment of exactly two stars: any number of segments (`a/**` needs one or more)
//   `?`       one character other than `/`
//   `[abc]`, `[a-z]`, `[!a-z]` / `[^a-z]`   one character of (not of) the class; a `]` right after
//             the `[` (or `[!`) is a member, so `[!]` alone is the literal text `[!]`; a reversed
//             range (`[z-a]`) is an error
//   `{a,b}`   alternatives (may nest and contain `/`)
// Paths use `/` separators and are relative to the folder that owns the pattern; a pattern without a
// `/` (other than a trailing one) matches at any depth, a leading `/` anchors it.
//
// Patterns come from repositories (untrusted): matching must stay cheap for any pattern and path.
// A pattern is split into segments; segments are matched against path segments, and characters
// against characters, by the same greedy wildcard loop, which backtracks only to the last star:
// O(pattern × subject) steps at each level, never exponential (a backtracking regex took forever on
// `*a*a*a*a*a*a*a*a*a*a*a*a*b` or `**/**/…/**/z`). Brace alternatives are expanded up to a cap.
// Written here because the analysis must not depend on Node built-ins or heavy packages (it also
// runs in a Web Worker).

export interface GlobOptions {
  /**
   * Gitignore/Ruff-style convenience: a pattern without a `/` (other than a trailing one) matches
   * at any depth (`venv` ≡ `**\/venv`). Default true.
   */
  matchBase?: boolean;
}

/** A compiled glob. `test` never throws; a glob with an `error` matches nothing. */
export interface GlobMatcher {
  test(path: string): boolean;
  /** Why the glob is invalid (reported as a configuration problem), if it is. */
  readonly error?: string;
}

/** Brace expansion beyond this many alternatives is refused (`{a,b}{a,b}…` doubles each time). */
const MAX_ALTERNATIVES = 1024;

type CharToken =
  { kind: 'char'; ch: string } | { kind: 'one' } | { kind: 'star' } | { kind: 'class'; negate: boolean; ranges: [number, number][] };

/** One path segment's pattern, or `**` (any number of segments), or "exactly one segment". */
type Segment = { kind: 'globstar' } | { kind: 'anySegment' } | { kind: 'pattern'; tokens: CharToken[] };

const cache = new Map<string, GlobMatcher>();

/** Compiles a glob into a matcher for whole `/`-separated relative paths. */
export function compileGlob(glob: string, options: GlobOptions = {}): GlobMatcher {
  const matchBase = options.matchBase ?? true;
  const key = `${matchBase ? 1 : 0}\u0000${glob}`;
  let m = cache.get(key);
  if (!m) {
    m = build(glob, matchBase);
    if (cache.size > 4096) cache.clear();
    cache.set(key, m);
  }
  return m;
}

/** Why `glob` is invalid, or undefined when it is valid. */
export function globError(glob: string): string | undefined {
  return compileGlob(glob).error;
}

function build(glob: string, matchBase: boolean): GlobMatcher {
  let pattern = glob.replace(/\\/g, '/');
  if (pattern.startsWith('./')) pattern = pattern.slice(2);
  if (pattern.endsWith('/')) pattern = pattern.slice(0, -1);
  const anchored = pattern.startsWith('/');
  if (anchored) pattern = pattern.slice(1);
  const anyDepth = !anchored && matchBase && !pattern.includes('/');
  const alternatives = expandBraces(pattern);
  if (alternatives === undefined) return invalid(`too many {…} alternatives (more than ${MAX_ALTERNATIVES})`);
  const compiled: Segment[][] = [];
  for (const alt of alternatives) {
    const segments = compileSegments(alt, anyDepth);
    if (typeof segments === 'string') return invalid(segments);
    compiled.push(segments);
  }
  return {
    test: path => {
      const parts = stripSlashes(path).split('/');
      return compiled.some(segments => matchSegments(segments, parts));
    },
  };
}

function invalid(error: string): GlobMatcher {
  return { test: () => false, error };
}

/**
 * `{a,b}` alternatives, expanded; an unclosed `{` is closed at the end, a `}` or `,` outside braces
 * is literal. Undefined beyond MAX_ALTERNATIVES.
 */
function expandBraces(p: string): string[] | undefined {
  let pos = 0;
  // Parses a sequence until `,` or `}` at this depth (depth 0: until the end).
  const sequence = (depth: number): string[] | undefined => {
    let results = [''];
    while (pos < p.length) {
      const c = p[pos];
      if (depth > 0 && (c === ',' || c === '}')) break;
      if (c === '[') {
        // A class is copied whole: `{` `,` `}` inside it are members.
        const end = classEnd(p, pos);
        const text = end < 0 ? c : p.slice(pos, end + 1);
        pos += text.length;
        results = results.map(r => r + text);
        continue;
      }
      if (c === '{') {
        pos++;
        const options: string[] = [];
        for (;;) {
          const alt = sequence(depth + 1);
          if (alt === undefined) return undefined;
          options.push(...alt);
          if (options.length > MAX_ALTERNATIVES) return undefined;
          if (p[pos] === ',') {
            pos++;
            continue;
          }
          if (p[pos] === '}') pos++;
          break; // `}` or the end of the pattern (an unclosed brace closes there)
        }
        const next: string[] = [];
        for (const r of results) for (const o of options) next.push(r + o);
        if (next.length > MAX_ALTERNATIVES) return undefined;
        results = next;
        continue;
      }
      pos++;
      results = results.map(r => r + c);
    }
    return results;
  };
  const out = sequence(0);
  return out && [...new Set(out)];
}

/** Index of the `]` closing the class that starts at `start` (a `[`), or -1 when there is none. */
function classEnd(p: string, start: number): number {
  let i = start + 1;
  if (p[i] === '!' || p[i] === '^') i++;
  if (p[i] === ']') i++; // a leading `]` is a member
  for (; i < p.length; i++) {
    if (p[i] === ']') return i;
    if (p[i] === '/') return -1; // a class never spans segments
  }
  return -1;
}

function compileSegments(pattern: string, anyDepth: boolean): Segment[] | string {
  const raw = pattern.split('/');
  const segments: Segment[] = anyDepth ? [{ kind: 'globstar' }] : [];
  for (let i = 0; i < raw.length; i++) {
    const s = raw[i];
    if (s === '**') {
      // A trailing `**` needs at least one segment below (`data/**` is what is inside data).
      if (i === raw.length - 1 && i > 0) segments.push({ kind: 'anySegment' });
      // `**/**` is `**`: consecutive globstars collapse, which also keeps matching linear.
      if (segments[segments.length - 1]?.kind !== 'globstar') segments.push({ kind: 'globstar' });
      continue;
    }
    const tokens = compileTokens(s);
    if (typeof tokens === 'string') return tokens;
    segments.push({ kind: 'pattern', tokens });
  }
  return segments;
}

function compileTokens(s: string): CharToken[] | string {
  const tokens: CharToken[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '*') {
      while (s[i + 1] === '*') i++;
      tokens.push({ kind: 'star' });
    } else if (c === '?') {
      tokens.push({ kind: 'one' });
    } else if (c === '[') {
      const end = classEnd(s, i);
      if (end < 0) {
        tokens.push({ kind: 'char', ch: c });
        continue;
      }
      let j = i + 1;
      let negate = false;
      if (s[j] === '!' || s[j] === '^') {
        negate = true;
        j++;
      }
      const ranges: [number, number][] = [];
      for (let k = j; k < end; k++) {
        const lo = s.charCodeAt(k);
        if (s[k + 1] === '-' && k + 2 < end) {
          const hi = s.charCodeAt(k + 2);
          if (hi < lo) return `invalid character range '${s.slice(k, k + 3)}' in '[${s.slice(i + 1, end)}]'`;
          ranges.push([lo, hi]);
          k += 2;
        } else {
          ranges.push([lo, lo]);
        }
      }
      tokens.push({ kind: 'class', negate, ranges });
      i = end;
    } else {
      tokens.push({ kind: 'char', ch: c });
    }
  }
  return tokens;
}

/**
 * Wildcard matching that backtracks only to the most recent star: a star matches any run of
 * subject items, every other pattern item exactly one. O(pattern × subject) `matchOne` calls.
 */
function wildcard<P, S>(pats: ArrayLike<P>, subject: ArrayLike<S>, isStar: (p: P) => boolean, matchOne: (p: P, s: S) => boolean): boolean {
  let pi = 0;
  let si = 0;
  let starP = -1;
  let starS = 0;
  while (si < subject.length) {
    if (pi < pats.length && isStar(pats[pi])) {
      starP = pi++;
      starS = si;
    } else if (pi < pats.length && matchOne(pats[pi], subject[si])) {
      pi++;
      si++;
    } else if (starP >= 0) {
      pi = starP + 1;
      si = ++starS;
    } else {
      return false;
    }
  }
  while (pi < pats.length && isStar(pats[pi])) pi++;
  return pi === pats.length;
}

function matchSegments(segments: readonly Segment[], parts: readonly string[]): boolean {
  return wildcard(
    segments,
    parts,
    s => s.kind === 'globstar',
    (s, part) => s.kind === 'anySegment' || (s.kind === 'pattern' && matchSegment(s.tokens, part)),
  );
}

function matchSegment(tokens: readonly CharToken[], text: string): boolean {
  return wildcard<CharToken, string>(tokens, text, t => t.kind === 'star', matchChar);
}

function matchChar(t: CharToken, ch: string): boolean {
  switch (t.kind) {
    case 'char':
      return t.ch === ch;
    case 'one':
      return true;
    case 'class': {
      const code = ch.charCodeAt(0);
      const inside = t.ranges.some(([lo, hi]) => code >= lo && code <= hi);
      return inside !== t.negate;
    }
    default:
      return false;
  }
}

/** True when `path` (relative, `/`-separated) matches `glob`. */
export function matchGlob(glob: string, path: string, options?: GlobOptions): boolean {
  return compileGlob(glob, options).test(path);
}

/**
 * True when `path` or one of its parent folders matches any of `globs`, so excluding a folder
 * excludes everything below it. Invalid globs (reported by the configuration) match nothing.
 */
export function isExcluded(path: string, globs: readonly string[], options?: GlobOptions): boolean {
  if (globs.length === 0) return false;
  const clean = stripSlashes(path.replace(/\\/g, '/'));
  if (!clean) return false;
  const matchers = globs.map(g => compileGlob(g, options));
  let end = clean.length;
  for (;;) {
    const candidate = clean.slice(0, end);
    if (matchers.some(m => m.test(candidate))) return true;
    end = clean.lastIndexOf('/', end - 1);
    if (end <= 0) return false;
  }
}

function stripSlashes(p: string): string {
  let start = 0;
  while (p.startsWith('./', start)) start += 2;
  while (p[start] === '/') start++;
  let end = p.length;
  while (end > start && p[end - 1] === '/') end--;
  return p.slice(start, end);
}
