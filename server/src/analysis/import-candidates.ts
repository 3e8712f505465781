// Where an import may point in the workspace: the files the analysis loads for it, and the files the
// CLI's relevance pre-check follows (both must agree, or the pre-check could skip a file the check
// would have reported on).
import type { LanguageId } from '../parse/frontend';
import { frameworkModule } from '../frameworks/symbols';
import { uriDirname, uriJoin } from '../base/uri';

const PY_EXTS = ['.py', '/__init__.py'];
const TS_EXTS = ['', '.ts', '.tsx', '.js', '.mjs', '.cjs', '.jsx', '/index.ts', '/index.tsx', '/index.js'];

/**
 * URIs an import may name, most likely first. Framework modules (`torch`, `keras`…) are modelled,
 * never read; Python resolves against the importing folder, then the workspace roots. Only URIs
 * inside a root are returned (a file outside every root, e.g. opened loose in the editor, has its own
 * folder as root): a relative import from a repository must never make LossLens read `/etc/…`.
 */
export function importCandidates(
  fromUri: string,
  languageId: LanguageId,
  module: string,
  level: number,
  names: readonly string[],
  roots: readonly string[],
): string[] {
  const dir = uriDirname(fromUri);
  const inside = (uri: string, bound: string) => uri.startsWith(bound.replace(/\/+$/, '') + '/');
  const bounds = roots.some(r => inside(fromUri, r)) ? roots : [...roots, dir];
  return candidatesAnywhere(dir, languageId, module, level, names, roots).filter(c => bounds.some(b => inside(c, b)));
}

function candidatesAnywhere(
  dir: string,
  languageId: LanguageId,
  module: string,
  level: number,
  names: readonly string[],
  roots: readonly string[],
): string[] {
  if (languageId === 'python') {
    if (level === 0 && frameworkModule(module)) return [];
    let bases: string[];
    if (level > 0) {
      let b = dir;
      for (let i = 1; i < level; i++) b = uriDirname(b);
      bases = [b];
    } else {
      bases = [dir, ...roots.filter(r => r !== dir)];
    }
    const rel = module.split('.').filter(Boolean).join('/');
    const out: string[] = [];
    for (const b of bases) {
      if (rel) for (const ext of PY_EXTS) out.push(uriJoin(b, rel + ext));
      else out.push(uriJoin(b, '__init__.py'));
      // `from pkg import mod`: each name may be a submodule.
      for (const n of names) out.push(uriJoin(b, rel, n + '.py'));
    }
    return out;
  }
  if (!module.startsWith('.')) return [];
  const base = uriJoin(dir, module);
  const out = TS_EXTS.map(ext => base + ext);
  if (/\.(m|c)?js$/.test(module)) out.unshift(base.replace(/\.(m|c)?js$/, '.ts'));
  return out;
}
