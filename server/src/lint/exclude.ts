// The exclude test, the same for every caller: the editor's `losslens.exclude` globs are relative to
// the workspace folder holding the file, a project file's `exclude` globs to the folder holding it.
import { isExcluded } from '../config/glob';
import type { ProjectConfig } from '../config/project-config';
import { relativeTo, decodePath } from '../base/uri';

/** Whether the project file's `exclude` list covers `uri`. */
export function excludedByProject(uri: string, project: ProjectConfig | null | undefined): boolean {
  if (!project || project.exclude.length === 0) return false;
  const rel = relativeTo(project.dir, uri);
  return rel !== undefined && isExcluded(rel, project.exclude);
}

/** Whether the editor's `exclude` globs cover `uri`, matched against its path in its workspace folder. */
export function excludedByEditor(uri: string, globs: readonly string[], roots: readonly string[]): boolean {
  return globs.length > 0 && isExcluded(workspacePath(uri, roots), globs);
}

/** `uri`'s path relative to the workspace folder containing it (the innermost), or its whole path. */
export function workspacePath(uri: string, roots: readonly string[]): string {
  let best: string | undefined;
  for (const root of roots) {
    const rel = relativeTo(root, uri);
    if (rel !== undefined && (best === undefined || rel.length < best.length)) best = rel;
  }
  return best ?? decodePath(uri.replace(/^[a-z][\w+.-]*:\/\/[^/]*/i, ''));
}
