// Folder arithmetic on URIs (`file:///…`, `vscode-vfs://…`), without Node's path module so the
// same code runs in the web worker.

function pathStart(uri: string): number {
  const scheme = uri.indexOf('://');
  if (scheme < 0) return -1;
  const slash = uri.indexOf('/', scheme + 3);
  return slash < 0 ? uri.length : slash;
}

/** The folder URI containing `uri` (no trailing slash), or undefined at the root. */
export function parentUri(uri: string): string | undefined {
  const start = pathStart(uri);
  if (start < 0) return undefined;
  const trimmed = uri.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const slash = trimmed.lastIndexOf('/');
  if (slash < start || trimmed.length <= start) return undefined;
  return trimmed.slice(0, slash) || undefined;
}

export function joinUri(dir: string, name: string): string {
  return `${dir.replace(/\/+$/, '')}/${name}`;
}

/** `uri`'s path below `dirUri`, decoded and `/`-separated, or undefined when it is not below it. */
export function relativeTo(dirUri: string, uri: string): string | undefined {
  const dir = dirUri.replace(/\/+$/, '');
  if (!uri.startsWith(dir + '/')) return undefined;
  return decodePath(uri.slice(dir.length + 1));
}

export function decodePath(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

/** Compares folder/file URIs the way VS Code may spell them differently (`c%3A` vs `c:`, drive case). */
export function normalizeUri(uri: string): string {
  return uri.replace(/^file:\/\/\/([A-Za-z])(?:%3A|:)/i, (_m, d: string) => `file:///${d.toLowerCase()}%3A`);
}
