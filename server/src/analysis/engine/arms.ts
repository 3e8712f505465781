// Branch arms: how the values of an `if`/`else` (or `a if c else b`) join while remembering which arm
// gave which value. A union made here carries, per option, the tests on its path (UnionValue.when), so a
// call through it (`crit(out, y)` with `crit` chosen by `cfg.loss`) can run each arm on its own path and a
// rule can report the one arm that is certainly wrong, naming its condition. Everything else reads such
// a union as before: a value that differs between paths.
import type { Expr } from '../../ir';
import { joinPaths, mapUnion } from './kinds';
import type { Frame } from './state';
import { UNKNOWN, sameValue, type PathTest, type Scope, type Value } from './values';

/** Calls that end the program, by the dotted name of the callee when that name is not a workspace value. */
const PROCESS_EXITS = new Set(['exit', 'quit', 'sys.exit', 'os._exit', 'process.exit']);

/** The most options a union keeps (as `join` does). */
const MAX_OPTIONS = 8;

/**
 * A name after an `if` whose body left `body` and whose else path left `orelse` (undefined: unbound):
 * `joinPaths`, with each option's path (`test` held for the body's options, failed for the else path's,
 * then the tests inside each arm). `bodyPath`/`elsePath` are tests known to hold on the whole arm (an
 * `elif` whose own else arm cannot complete holds its test).
 */
export function joinArms(
  body: Value | undefined,
  orelse: Value | undefined,
  test: PathTest,
  bodyPath: readonly PathTest[] = [],
  elsePath: readonly PathTest[] = [],
): Value | undefined {
  const joined = joinPaths(body, orelse);
  if (joined === undefined || joined.t !== 'union') return joined;
  const options: Value[] = [];
  const when: (PathTest[] | undefined)[] = [];
  const add = (v: Value | undefined, path: PathTest[]): void => {
    const arms = v === undefined ? [{ o: UNKNOWN as Value, w: path }] : armsOf(v, path);
    for (const { o, w } of arms) {
      const i = options.findIndex(x => sameValue(x, o));
      if (i >= 0)
        when[i] = undefined; // the same value on two paths: no one path is its own
      else {
        options.push(o);
        when.push(w);
      }
    }
  };
  add(body, [{ ...test, holds: true }, ...bodyPath]);
  add(orelse, [{ ...test, holds: false }, ...elsePath]);
  if (options.length > MAX_OPTIONS || !when.some(w => w !== undefined)) return joined;
  return { t: 'union', options, when };
}

/** The options of a value with their paths under `prefix` (a union without paths gives paths to none). */
function armsOf(v: Value, prefix: PathTest[]): { o: Value; w: PathTest[] | undefined }[] {
  if (v.t !== 'union') return [{ o: v, w: prefix }];
  return v.options.map((o, i) => {
    const w = v.when?.[i];
    return { o, w: w === undefined ? undefined : [...prefix, ...w] };
  });
}

/** The loops being run, innermost last: the values each `break`/`continue` left, joined after the loop. */
export class LoopExits {
  private readonly open: { scope: Scope; frame: Frame; journal: number; exits: Map<string, Value | undefined> }[] = [];

  /** A loop starts in `scope` (before it opens its journal). */
  enter(scope: Scope, frame: Frame): { joined(name: string, after: Value | undefined): Value | undefined } {
    const loop = { scope, frame, journal: scope.journalCount, exits: new Map<string, Value | undefined>() };
    this.open.push(loop);
    return { joined: (name, after) => (loop.exits.has(name) ? joinPaths(after, loop.exits.get(name)) : after) };
  }

  leave(): void {
    this.open.pop();
  }

  /** A `break`/`continue` in the innermost loop of `frame`: records the values its loop wrote so far; false outside one. */
  jumped(scope: Scope, frame: Frame): boolean {
    const loop = this.open[this.open.length - 1];
    const written = loop && loop.scope === scope && loop.frame === frame ? scope.journalAt(loop.journal) : undefined;
    if (!written) return false;
    for (const name of written.keys()) {
      const now = scope.vars.get(name);
      loop.exits.set(name, loop.exits.has(name) ? joinPaths(loop.exits.get(name), now) : now);
    }
    return true;
  }
}

/** Element `i` of what a tuple pattern unpacks: a tuple's element, a tensor's row, per option of a union. */
export function elementOf(v: Value, i: number): Value {
  if (v.t === 'tuple') return v.elts[i] ?? UNKNOWN;
  if (v.t === 'tensor') return v;
  if (v.t === 'union') return mapUnion(v, o => elementOf(o, i));
  return UNKNOWN;
}

/** Entry `key` of what an object pattern unpacks (`const { a } = v`), per option of a union. */
export function entryOf(v: Value, key: string): Value {
  if (v.t === 'dict') return v.entries.get(key) ?? UNKNOWN;
  if (v.t === 'union') return mapUnion(v, o => entryOf(o, key));
  return UNKNOWN;
}

/** `sys.exit(1)`, `exit()`, `process.exit(1)`: a call of a program-ending function whose name is not bound in the workspace. */
export function isProcessExit(e: Expr, scope: Scope): boolean {
  if (e.k !== 'call') return false;
  const c = e.callee;
  if (c.k === 'name') return PROCESS_EXITS.has(c.id) && scope.lookup(c.id) === undefined;
  if (c.k !== 'attr' || c.obj.k !== 'name' || !PROCESS_EXITS.has(`${c.obj.id}.${c.name}`)) return false;
  const obj = scope.lookup(c.obj.id);
  return obj === undefined || obj.t === 'unknown';
}

/**
 * Framework objects built with the same arguments as written (`BCEWithLogitsLoss()` on two arms): calling
 * any of them does the same, so they need no arms. Built differently (`from_logits=True` on one arm), they may not.
 */
export function sameArguments(options: readonly Value[], texts: ReadonlyMap<string, string>): boolean {
  const written = (o: Value): string | undefined => {
    if (o.t !== 'object' || !o.call) return undefined;
    const text = texts.get(o.call.uri);
    return text === undefined ? undefined : o.call.expr.args.map(a => text.slice(a.span.start, a.span.end)).join('\u0000');
  };
  const first = written(options[0]);
  return first !== undefined && options.every(o => written(o) === first);
}
