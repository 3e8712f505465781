// What a rule file implements and what it gets to work with.
import type { Expr, Span } from '../../ir';
import type { Fix, RelatedPlace } from '../findings';
import type { RuleMeta } from '../../rules/rule';
import type { AnalysisEvent, ArgInfo } from './events';
import type { Origin, TensorValue } from './values';

export interface Report {
  uri: string;
  span: Span;
  message: string;
  related?: RelatedPlace[];
  fix?: Fix;
}

export interface RuleContext {
  /** The file being checked: only reports located in it are kept. */
  readonly uri: string;
  readonly events: readonly AnalysisEvent[];
  /** Text of any file the analysis read (for messages and fixes). */
  text(uri: string): string | undefined;
  report(r: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/**
 * Where a finding about an argument goes: at the argument as written, or — when the value entered a
 * user-defined wrapper — at the outermost call of that wrapper (one finding per flow, DESIGN.md §4).
 */
export function anchorOf(arg: ArgInfo): { uri: string; span: Span } {
  const v = arg.value;
  const entries = v.t === 'tensor' ? v.entries : undefined;
  if (entries && entries.length) return { uri: entries[0].uri, span: entries[0].span };
  return { uri: arg.uri, span: arg.expr.span };
}

/**
 * Where a finding about an operation on a value goes (a `log` call): at the operation, unless the value
 * entered a user-defined function as an argument, then at the outermost call that passed it in — the
 * flow's one finding, also when the function lives in another file. `viaCall` names that function.
 */
export function anchorOfUse(arg: ArgInfo, site: { uri: string; expr: Expr }): { uri: string; span: Span; viaCall?: string } {
  const v = arg.value;
  const entries = v.t === 'tensor' ? v.entries : undefined;
  if (entries && entries.length) return { uri: entries[0].uri, span: entries[0].span, viaCall: entries[entries.length - 1].callee };
  return { uri: site.uri, span: site.expr.span };
}

/** Related information pointing at the activation that produced a kind. */
export function relatedToOrigin(origin: Origin | undefined, message: string): RelatedPlace[] {
  return origin ? [{ uri: origin.uri, span: origin.span, message }] : [];
}

export function sliceText(ctx: RuleContext, uri: string, span: Span): string {
  return ctx.text(uri)?.slice(span.start, span.end) ?? '';
}

export function tensorOf(arg: ArgInfo | undefined): TensorValue | undefined {
  if (!arg) return undefined;
  const v = arg.value;
  if (v.t === 'tensor') return v.kind === 'unknown' ? undefined : v;
  if (v.t === 'union') {
    const ts = v.options.map(o => (o.t === 'tensor' && o.kind !== 'unknown' ? o : undefined));
    if (ts[0] && ts.every(t => t && t.kind === ts[0]!.kind)) return ts[0];
  }
  return undefined;
}
