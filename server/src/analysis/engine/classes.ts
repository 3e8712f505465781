// Lookups on user classes and functions: methods and class variables through the bases, decorators,
// TS/JS instance fields.
import type { FunctionDef, Stmt } from '../../ir';
import type { ClassValue, Value } from './values';

export function lookupMethod(
  cls: ClassValue,
  name: string,
  seen = new Set<ClassValue>(),
): { def: FunctionDef; cls: ClassValue } | undefined {
  if (seen.has(cls)) return undefined;
  seen.add(cls);
  for (const s of cls.def.body) if (s.k === 'func' && s.def.name === name) return { def: s.def, cls };
  for (const b of cls.bases)
    if (b.t === 'class') {
      const m = lookupMethod(b, name, seen);
      if (m) return m;
    }
  return undefined;
}

/** A class-level variable (`criterion = nn.BCELoss()` in the class body), searched through the bases. */
export function classVar(cls: ClassValue, name: string, seen = new Set<ClassValue>()): Value | undefined {
  if (seen.has(cls)) return undefined;
  seen.add(cls);
  const own = cls.scope.vars.get(name);
  if (own && own.t !== 'function') return own;
  for (const b of cls.bases)
    if (b.t === 'class') {
      const v = classVar(b, name, seen);
      if (v) return v;
    }
  return undefined;
}

/** Whether the class derives, directly or not, from one of the framework symbols `paths`. */
export function inheritsFrom(cls: ClassValue, paths: ReadonlySet<string>, seen = new Set<ClassValue>()): string | undefined {
  if (seen.has(cls)) return undefined;
  seen.add(cls);
  for (const b of cls.bases) {
    if (b.t === 'sym' && paths.has(b.path)) return b.path;
    if (b.t === 'class') {
      const p = inheritsFrom(b, paths, seen);
      if (p) return p;
    }
  }
  return undefined;
}

export function hasDecorator(def: FunctionDef, name: string): boolean {
  return def.decorators.some(d => (d.k === 'name' && d.id === name) || (d.k === 'attr' && d.name === name));
}

/** A TS/JS field initializer of the instance (lowered to `this.x = …` in the class body). */
export function isInstanceField(s: Stmt): boolean {
  return s.k === 'assign' && s.targets.every(t => t.k === 'attr' && t.obj.k === 'name' && t.obj.id === 'this');
}
