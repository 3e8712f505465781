// A small glob matcher for `exclude` settings and project `exclude` lists: `**`, `*`, `?`,
// `[abc]`/`[!a-z]` and `{a,b}`. Paths use `/` separators and are relative to the folder that
// owns the pattern. Written here because the analysis must not depend on Node built-ins or
// heavy packages (it also runs in a Web Worker).

export interface GlobOptions {
  /**
   * Gitignore/Ruff-style convenience: a pattern without a `/` (other than a trailing one) matches
   * at any depth (`venv` ≡ `**\/venv`). Default true.
   */
  matchBase?: boolean;
}

const regexCache = new Map<string, RegExp>();

/** Compiles a glob to an anchored regular expression matching a whole `/`-separated path. */
export function globToRegExp(glob: string, options: GlobOptions = {}): RegExp {
  const matchBase = options.matchBase ?? true;
  const key = `${matchBase ? 1 : 0}\u0000${glob}`;
  const cached = regexCache.get(key);
  if (cached) return cached;
  let pattern = glob.replace(/\\/g, '/');
  if (pattern.startsWith('./')) pattern = pattern.slice(2);
  if (pattern.endsWith('/')) pattern = pattern.slice(0, -1);
  const anchored = pattern.startsWith('/');
  if (anchored) pattern = pattern.slice(1);
  const body = translate(pattern);
  const prefix = !anchored && matchBase && !pattern.includes('/') ? '(?:.*/)?' : '';
  const re = new RegExp(`^${prefix}${body}$`);
  regexCache.set(key, re);
  return re;
}

function translate(p: string): string {
  let out = '';
  let braceDepth = 0;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*') {
      if (p[i + 1] === '*') {
        // `**` spans directories only as a whole segment; elsewhere it behaves like `*`.
        const segStart = i === 0 || p[i - 1] === '/';
        let j = i;
        while (p[j] === '*') j++;
        const segEnd = j === p.length || p[j] === '/';
        if (segStart && segEnd) {
          if (j === p.length) out += '.*';
          else { out += '(?:.*/)?'; j++; }
          i = j - 1;
          continue;
        }
        out += '[^/]*';
        i = j - 1;
        continue;
      }
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = p.indexOf(']', i + 2);
      if (close < 0) { out += '\\['; continue; }
      let cls = p.slice(i + 1, close);
      if (cls.startsWith('!') || cls.startsWith('^')) cls = '^' + cls.slice(1);
      out += '[' + cls.replace(/\\/g, '\\\\').replace(/\//g, '') + ']';
      i = close;
    } else if (c === '{') {
      braceDepth++;
      out += '(?:';
    } else if (c === '}' && braceDepth > 0) {
      braceDepth--;
      out += ')';
    } else if (c === ',' && braceDepth > 0) {
      out += '|';
    } else {
      out += c.replace(/[.+^$()|\\\]{}]/g, '\\$&');
    }
  }
  while (braceDepth-- > 0) out += ')';
  return out;
}

/** True when `path` (relative, `/`-separated) matches `glob`. */
export function matchGlob(glob: string, path: string, options?: GlobOptions): boolean {
  return globToRegExp(glob, options).test(stripSlashes(path));
}

/**
 * True when `path` or one of its parent folders matches any of `globs`, so excluding a folder
 * excludes everything below it.
 */
export function isExcluded(path: string, globs: readonly string[], options?: GlobOptions): boolean {
  if (globs.length === 0) return false;
  const clean = stripSlashes(path.replace(/\\/g, '/'));
  if (!clean) return false;
  const regexes = globs.map(g => globToRegExp(g, options));
  let end = clean.length;
  for (;;) {
    const candidate = clean.slice(0, end);
    if (regexes.some(r => r.test(candidate))) return true;
    end = clean.lastIndexOf('/', end - 1);
    if (end <= 0) return false;
  }
}

function stripSlashes(p: string): string {
  let s = p;
  while (s.startsWith('./')) s = s.slice(2);
  return s.replace(/^\/+|\/+$/g, '');
}
