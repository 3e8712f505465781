// A .gitignore subset: patterns with `*`, `?`, `**`, `[...]`, negation (`!`), directory-only
// patterns (trailing `/`), anchored patterns (a `/` at the start or in the middle), comments and
// escaped `\#` / `\!`. Rules from deeper files come later and so win, like in git.
import { compileGlob, type GlobMatcher } from '../config/glob';

interface Rule {
  /** Folder of the .gitignore, `/`-separated, relative to the walk's base ('' = base). */
  base: string;
  re: GlobMatcher;
  negate: boolean;
  dirOnly: boolean;
}

export class GitIgnore {
  private readonly rules: Rule[];

  constructor(rules: Rule[] = []) {
    this.rules = rules;
  }

  /** A matcher with the rules of one more .gitignore (in folder `base`) appended. */
  with(base: string, text: string): GitIgnore {
    const added: Rule[] = [];
    for (const raw of text.split(/\r?\n/)) {
      let line = raw.replace(/(?<!\\)\s+$/, '');
      if (line === '' || line.startsWith('#')) continue;
      let negate = false;
      if (line.startsWith('!')) {
        negate = true;
        line = line.slice(1);
      } else if (line.startsWith('\\!') || line.startsWith('\\#')) line = line.slice(1);
      line = line.replace(/\\(.)/g, '$1');
      const dirOnly = line.endsWith('/');
      if (dirOnly) line = line.replace(/\/+$/, '');
      if (line === '') continue;
      // compileGlob already follows git: no inner slash = any depth, leading slash = anchored.
      added.push({ base, re: compileGlob(line), negate, dirOnly });
    }
    return added.length ? new GitIgnore([...this.rules, ...added]) : this;
  }

  /** `path` is relative to the walk's base, `/`-separated. */
  ignores(path: string, isDir: boolean): boolean {
    let ignored = false;
    for (const r of this.rules) {
      if (r.dirOnly && !isDir) continue;
      let rel: string;
      if (r.base === '') rel = path;
      else if (path.startsWith(r.base + '/')) rel = path.slice(r.base.length + 1);
      else continue;
      if (r.re.test(rel)) ignored = !r.negate;
    }
    return ignored;
  }
}
