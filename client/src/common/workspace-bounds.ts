// Which URIs the server may have the client read for it: the web worker's (and a remote's) imports
// are read through the client, and a repository's import must not reach beyond the workspace.

export interface UriParts {
  scheme: string;
  authority: string;
  path: string;
}

/**
 * Whether `uri` lies below one of `folders` (same scheme and authority, path inside segment-wise).
 * A path with `.` or `..` segments (decoded) is refused outright rather than normalised.
 */
export function insideFolders(uri: UriParts, folders: readonly UriParts[]): boolean {
  const segments = uri.path.split('/');
  if (segments.some(s => s === '.' || s === '..')) return false;
  return folders.some(f => {
    if (f.scheme !== uri.scheme || f.authority.toLowerCase() !== uri.authority.toLowerCase()) return false;
    const base = f.path.replace(/\/+$/, '');
    return uri.path.startsWith(base + '/');
  });
}
