// Branch arms: how the values of an `if`/`else` (or `a if c else b`) join while remembering which arm
// gave which value. A union made here carries, per option, the tests on its path (UnionValue.when), so a
// call through it (`crit(out, y)` with `crit` chosen by `cfg.loss`) can run each arm on its own path and a
// rule can report the one arm that is certainly wrong, naming its condition. Everything else reads such
// a union as before: a value that differs between paths.
import { joinPaths } from './kinds';
import { UNKNOWN, sameValue, type PathTest, type Value } from './values';

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
