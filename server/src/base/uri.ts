// URI arithmetic on `file:///…`, `vscode-vfs://…` and the like, without Node's path module: the analysis,
// the configuration lookup and the server also run in a Web Worker. The one place for it.

/** `file:///a/b/c.py` → `file:///a/b` (import resolution: the importing file's folder). */
export function uriDirname(uri: string): string {
  const i = uri.lastIndexOf('/');
  return i > uri.indexOf('://') + 2 ? uri.slice(0, i) : uri;
}

/** Joins relative segments (`..`, `.`) onto a folder URI. */
export function uriJoin(base: string, ...parts: string[]): string {
  const m = /^([a-zA-Z][\w+.-]*:\/\/[^/]*)(.*)$/.exec(base);
  const prefix = m ? m[1] : '';
  const segs = (m ? m[2] : base).split('/');
  for (const part of parts) {
    for (const seg of part.split('/')) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..') {
        if (segs.length > 1) segs.pop();
      } else segs.push(seg);
    }
  }
  return prefix + segs.join('/').replace(/\/{2,}/g, '/');
}

function pathStart(uri: string): number {
  const scheme = uri.indexOf('://');
  if (scheme < 0) return -1;
  const slash = uri.indexOf('/', scheme + 3);
  return slash < 0 ? uri.length : slash;
}

/**
 * The folder URI containing `uri` (no trailing slash, query and fragment dropped), or undefined at the
 * root: unlike `uriDirname`, it ends, so walking up to the project file stops.
 */
export function parentUri(uri: string): string | undefined {
  const start = pathStart(uri);
  if (start < 0) return undefined;
  const trimmed = uri.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const slash = trimmed.lastIndexOf('/');
  if (slash < start || trimmed.length <= start) return undefined;
  return trimmed.slice(0, slash) || undefined;
}

/** `dir/name`, whatever trailing slashes `dir` has. */
export function joinUri(dir: string, name: string): string {
  return `${dir.replace(/\/+$/, '')}/${name}`;
}

/** `uri`'s path below `dirUri`, decoded and `/`-separated, or undefined when it is not below it. */
export function relativeTo(dirUri: string, uri: string): string | undefined {
  const dir = dirUri.replace(/\/+$/, '');
  if (!uri.startsWith(dir + '/')) return undefined;
  return decodePath(uri.slice(dir.length + 1));
}

/** Percent-decodes a URI path, or returns it as is when it is not valid percent-encoding. */
export function decodePath(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}
