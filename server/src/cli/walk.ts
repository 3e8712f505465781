// Collects the files a `check` of a folder analyses: files LossLens understands, minus what
// .gitignore files, virtual environments, node_modules, caches and hidden folders hold.
import { readdirSync, readFileSync, existsSync, statSync, type Dirent } from 'node:fs';
import { join, dirname, relative, sep } from 'node:path';
import { languageOfPath } from '../parse/frontend';
import { GitIgnore } from './gitignore';
import { isNotebookPath } from '../notebook';

const SKIPPED_DIRS = new Set(['node_modules', '__pycache__', 'venv', 'site-packages']);

export interface WalkProblem {
  path: string;
  message: string;
}

export function isAnalysableFile(name: string): boolean {
  return (languageOfPath(name) !== undefined && !/\.d\.[cm]?ts$/.test(name)) || isNotebookPath(name);
}

/** Every analysable file below `root` (absolute), sorted; unreadable folders go to `problems`. */
export function walkFolder(root: string, problems: WalkProblem[]): string[] {
  const out: string[] = [];
  const visit = (dir: string, rel: string, parentIgnore: GitIgnore) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      problems.push({ path: dir, message: `cannot read folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      return;
    }
    let gi = parentIgnore;
    if (entries.some(e => e.name === '.gitignore' && e.isFile())) {
      try {
        gi = gi.with(rel, readFileSync(join(dir, '.gitignore'), 'utf8'));
      } catch {
        // an unreadable .gitignore ignores nothing
      }
    }
    if (entries.some(e => e.name === 'pyvenv.cfg')) return;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      const full = join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        // Linked files are checked; linked folders are not followed (cycles). A dangling link to a
        // source file counts as a file, so reading it reports the problem.
        try {
          isFile = statSync(full).isFile();
        } catch {
          isFile = true;
        }
        isDir = false;
      }
      if (isDir) {
        if (e.name.startsWith('.') || SKIPPED_DIRS.has(e.name)) continue;
        if (gi.ignores(childRel, true)) continue;
        visit(full, childRel, gi);
      } else if (isFile && isAnalysableFile(e.name) && !gi.ignores(childRel, false)) {
        out.push(full);
      }
    }
  };
  visit(root, '', ancestorIgnores(root));
  return out;
}

/**
 * .gitignore files of the folders above `root` up to the repository top (the folder with .git),
 * so `check src/` honours the repository's ignore rules. Their patterns are rebased onto `root`.
 */
function ancestorIgnores(root: string): GitIgnore {
  const chain: string[] = [];
  let dir = root;
  let top: string | undefined;
  for (;;) {
    chain.push(dir);
    if (existsSync(join(dir, '.git'))) {
      top = dir;
      break;
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  if (!top) return new GitIgnore();
  let gi = new GitIgnore();
  const rootFromTop = relative(top, root).split(sep).join('/');
  for (const d of chain.reverse()) {
    if (d === root) break;
    let text: string;
    try {
      text = readFileSync(join(d, '.gitignore'), 'utf8');
    } catch {
      continue;
    }
    gi = gi.with('', rebase(text, relative(d, root).split(sep).join('/')));
  }
  try {
    gi = gi.with('', rebase(readFileSync(join(top, '.git', 'info', 'exclude'), 'utf8'), rootFromTop));
  } catch {
    // no info/exclude
  }
  return gi;
}

/**
 * Rewrites the rules of a .gitignore that lives `prefix` folders above the walk root so they
 * apply to paths relative to the walk root: unanchored rules stay as they are; anchored rules
 * keep only what lies below the root.
 */
function rebase(text: string, prefix: string): string {
  if (!prefix) return text;
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const neg = line.startsWith('!') ? '!' : '';
    let body = neg ? line.slice(1) : line;
    const dirOnly = body.endsWith('/') ? '/' : '';
    body = body.replace(/\/+$/, '');
    const anchored = body.startsWith('/') || body.includes('/');
    if (!anchored) {
      out.push(line);
      continue;
    }
    body = body.replace(/^\/+/, '');
    if (body.startsWith('**/')) {
      out.push(`${neg}${body}${dirOnly}`);
      continue;
    }
    if (body.startsWith(prefix + '/')) out.push(`${neg}/${body.slice(prefix.length + 1)}${dirOnly}`);
  }
  return out.join('\n');
}
