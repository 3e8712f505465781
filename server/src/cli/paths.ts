import { relative, isAbsolute, sep } from 'node:path';

/** `file` relative to `dir` with `/` separators, or undefined when it is not below `dir`. */
export function relativeUnder(file: string, dir: string): string | undefined {
  const rel = relative(dir, file);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

/** Relative to the working directory when below it (like Ruff), else absolute. */
export function displayPath(file: string, cwd: string): string {
  return relativeUnder(file, cwd) ?? file;
}
