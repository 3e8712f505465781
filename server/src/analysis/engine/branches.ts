// Branches: `if`/`else` arms joined (arms that cannot complete left out, each option's path remembered),
// and calls of a value that differs between arms, run once per arm (docs/ARCHITECTURE.md, "Certainty
// over recall, per arm").
import type { Stmt } from '../../ir';
import { joinArms } from './arms';
import { joinPaths } from './kinds';
import { type Frame } from './state';
import { Evaluator } from './evaluate';
import { journaled, setOrUnbind, trainingTest } from './evaluate-helpers';
import { Scope, UNKNOWN, join, type CallSite, type PathTest, type UnionValue, type Value } from './values';

export abstract class Branches extends Evaluator {
  protected execIf(s: Extract<Stmt, { k: 'if' }>, scope: Scope, frame: Frame): void {
    const testValue = this.evalExpr(s.test, scope, frame);
    // The loss sees the training path: `if self.training:` takes the body, `if not self.training:` the else branch.
    const training = trainingTest(s.test);
    if (training === 'train') return this.execBlock(s.body, scope, frame);
    if (training === 'eval') return this.execBlock(s.orelse, scope, frame);
    // Each branch runs from the state before the `if`; only the names a branch writes are saved,
    // undone and joined (journals), never the whole scope.
    let bodyDone = false;
    let elseDone = false;
    let elseWrites: Map<string, Value | undefined>;
    const afterBody = new Map<string, Value | undefined>();
    this.branchDepth++;
    try {
      const bodyWrites = journaled(scope, () => this.execBlock(s.body, scope, frame));
      bodyDone = !!frame.done;
      frame.done = false;
      for (const [name, before] of bodyWrites) {
        afterBody.set(name, scope.vars.get(name));
        setOrUnbind(scope, name, before);
      }
      elseWrites = journaled(scope, () => this.execBlock(s.orelse, scope, frame));
      elseDone = !!frame.done;
    } finally {
      this.branchDepth--;
    }
    // Arms are told apart by the test as written, unless it is a constant (one arm is dead code then).
    const test: PathTest | undefined = testValue.t === 'const' ? undefined : { uri: frame.uri, span: s.test.span, holds: true };
    const bodyPath = this.armPath(s.body);
    const elsePath = this.armPath(s.orelse);
    this.survivingPath.delete(s);
    // A branch that returned (or raised, or left the loop) does not reach the code after the `if`: only the other one does.
    if (bodyDone && elseDone) return;
    frame.done = false;
    if (bodyDone) {
      if (test) this.survivingPath.set(s, [{ ...test, holds: false }, ...elsePath]);
      return;
    }
    if (elseDone) {
      for (const [name, before] of elseWrites) setOrUnbind(scope, name, before);
      for (const [name, v] of afterBody) setOrUnbind(scope, name, v);
      if (test) this.survivingPath.set(s, [test, ...bodyPath]);
      return;
    }
    // Names either branch wrote: the body's value against the else path's (the state before the `if`
    // where the else branch did not write), each remembering its arm.
    const joinBoth = (a: Value | undefined, b: Value | undefined) => (test ? joinArms(a, b, test, bodyPath, elsePath) : joinPaths(a, b));
    for (const [name, v] of afterBody) setOrUnbind(scope, name, joinBoth(v, scope.vars.get(name)));
    for (const [name, before] of elseWrites) if (!afterBody.has(name)) setOrUnbind(scope, name, joinBoth(before, scope.vars.get(name)));
  }

  /**
   * Calls each option of a callee made by branch joins on its own path: the loss calls an option makes
   * are marked with its arm (LossArm) and the rules decide whether that arm is certainly wrong. An option
   * whose path is not one known arm runs as an uncertain callee (its loss calls are not reported).
   */
  protected callArms(callee: UnionValue, site: CallSite, frame: Frame): Value {
    const group = {};
    const outer = this.arm;
    let out: Value | undefined;
    callee.options.forEach((o, index) => {
      const when = callee.when![index];
      if (when) this.arm = { when: [...(outer?.when ?? []), ...when], group, index, of: callee.options.length };
      else this.uncertainCallee++;
      try {
        out = join(out, this.call(o, site, frame));
      } finally {
        if (when) this.arm = outer;
        else this.uncertainCallee--;
      }
    });
    return out ?? UNKNOWN;
  }
}
