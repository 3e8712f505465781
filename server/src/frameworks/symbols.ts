// Canonical names for framework symbols, so that `tf.keras.layers.Dense`, `keras.layers.Dense` and
// `from tensorflow.keras.layers import Dense` all reach one pack entry. The roots and rewrites are
// the packs' (registry.ts); this file only applies them.
import { IMPORT_ROOTS, PATH_ALIASES, PATH_REWRITES } from './registry';

/** The canonical path of an imported module, or undefined when no pack owns it. */
export function frameworkModule(module: string): string | undefined {
  const first = module.split('.')[0];
  for (const r of IMPORT_ROOTS) {
    if (r.prefix) {
      if (module.startsWith(r.module)) return r.root;
    } else if (first === r.module) {
      return normalizePath(r.root + module.slice(r.module.length));
    }
  }
  return undefined;
}

const normalized = new Map<string, string>();

/** Rewrites aliases to one canonical dotted path. */
export function normalizePath(path: string): string {
  // Every attribute read on a framework symbol lands here (several per line of TF.js code, on every
  // keystroke): the set of paths a workspace uses is small, so each is rewritten once.
  let out = normalized.get(path);
  if (out === undefined) {
    out = rewrite(path);
    if (normalized.size > 50_000) normalized.clear();
    normalized.set(path, out);
  }
  return out;
}

const members = new Map<string, Map<string, string>>();

/** normalizePath(`${path}.${name}`), without building the joined string again for every attribute read. */
export function memberPath(path: string, name: string): string {
  let byName = members.get(path);
  if (byName === undefined) {
    if (members.size > 10_000) members.clear();
    members.set(path, (byName = new Map()));
  }
  let out = byName.get(name);
  if (out === undefined) byName.set(name, (out = normalizePath(`${path}.${name}`)));
  return out;
}

function rewrite(path: string): string {
  for (const r of PATH_REWRITES) {
    if (!r.prefixOnly && path === r.from.replace(/\.$/, '')) return r.to.replace(/\.$/, '');
    if (path.startsWith(r.from)) {
      const rest = path.slice(r.from.length);
      if (r.except?.has(rest)) continue;
      path = r.to + rest;
      if (r.prefixOnly) return path;
    }
  }
  return PATH_ALIASES.get(path) ?? path;
}
