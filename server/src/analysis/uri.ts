// URI path arithmetic without Node's path module (the analysis also runs in a Web Worker).

/** `file:///a/b/c.py` → `file:///a/b` */
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
      if (seg === '..') { if (segs.length > 1) segs.pop(); } else segs.push(seg);
    }
  }
  return prefix + segs.join('/').replace(/\/{2,}/g, '/');
}

export function uriBasename(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}
