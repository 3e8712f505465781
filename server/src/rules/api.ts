// What a rule file implements and what it gets to work with: the rule's shape, its context, and the
// readers of the interpreter's events that every rule shares (anchors, kinds, the by-type index).
import type { Expr, Span } from '../ir';
import type { Fix, RelatedPlace } from '../findings';
import type { RuleMeta } from './rule';
import type { AnalysisEvent, ArgInfo, CompileEvent } from '../analysis/engine/events';
import type { Origin, TensorValue } from '../analysis/engine/values';
import { compiledLoss, type CompiledLoss } from './compiled-loss';

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
  /**
   * Everything the interpreter observed, in order. Read once the rules run, never changed after:
   * `eventsOfType` indexes it once per list for all rules.
   */
  readonly events: readonly AnalysisEvent[];
  /** Text of any file the analysis read (for messages and fixes). */
  text(uri: string): string | undefined;
  /**
   * Keeps a report located in `uri`, unless the rule already reported that span there (the first
   * report of a rule at a span is the one kept); `keptReports` lets a rule skip building the others.
   */
  report(r: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/**
 * Where a finding about an argument goes: at the argument as written, or — when the value entered a
 * user-defined wrapper — at the outermost call of that wrapper (one finding per flow).
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

/**
 * For one run of a rule: whether a report at a place would be kept by `ctx.report` — it is in the
 * checked file and the rule has not reported there yet — noting it as reported. A rule asks just
 * before it reports, so that messages and fixes are only built for the reports that are kept.
 */
export function keptReports(ctx: RuleContext): (where: { uri: string; span: Span }) => boolean {
  const reported = new Set<string>();
  return where => {
    if (where.uri !== ctx.uri) return false;
    const key = `${where.span.start}:${where.span.end}`;
    if (reported.has(key)) return false;
    reported.add(key);
    return true;
  };
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

export type EventType = AnalysisEvent['type'];
export type EventOfType<T extends EventType> = Extract<AnalysisEvent, { type: T }>;

/** One bit per event type, so that a rule's set of types is one number. */
function typeBit(type: EventType): number {
  // A switch: compared with a keyed lookup it makes indexing a long list about twice as fast.
  switch (type) {
    case 'loss':
      return 1;
    case 'loss-object':
      return 2;
    case 'activation':
      return 4;
    case 'log':
      return 8;
    case 'compile':
      return 16;
    case 'fit':
      return 32;
    case 'return':
      return 128;
    case 'function':
      return 256;
    case 'gradient':
      return 512;
    case 'mixer':
      return 1024;
    case 'masked-mean':
      return 2048;
  }
}

interface EventIndex {
  length: number;
  first: AnalysisEvent | undefined;
  last: AnalysisEvent | undefined;
  /** typeBit of each event, read once (reading `type` across nine event shapes is the slow part). */
  bits: Uint16Array;
  /** The events of a set of types, by the set's bits. */
  lists: Map<number, readonly AnalysisEvent[]>;
}

const indexes = new WeakMap<readonly AnalysisEvent[], EventIndex>();

function indexOf(events: readonly AnalysisEvent[]): EventIndex {
  const n = events.length;
  const cached = indexes.get(events);
  // The list is not supposed to change once rules read it; one that did anyway is indexed again.
  if (cached && cached.length === n && cached.first === events[0] && cached.last === events[n - 1]) return cached;
  const bits = new Uint16Array(n);
  for (let i = 0; i < n; i++) bits[i] = typeBit(events[i].type);
  const index: EventIndex = { length: n, first: events[0], last: events[n - 1], bits, lists: new Map() };
  indexes.set(events, index);
  return index;
}

/**
 * The events of the given types, in the order of `events`: what a rule sees by looping over every
 * event and skipping the other types, without each rule paying for that loop. Each set of types is
 * collected once per event list and shared by all rules; the list must not change after rules read it.
 */
export function eventsOfType<T extends EventType>(events: readonly AnalysisEvent[], ...types: T[]): readonly EventOfType<T>[] {
  const index = indexOf(events);
  let mask = 0;
  for (const t of types) mask |= typeBit(t);
  let list = index.lists.get(mask);
  if (!list) {
    const out: AnalysisEvent[] = [];
    const bits = index.bits;
    for (let i = 0; i < bits.length; i++) if (bits[i] & mask) out.push(events[i]);
    index.lists.set(mask, (list = out));
  }
  return list as readonly EventOfType<T>[];
}

const compiledLosses = new WeakMap<CompileEvent, CompiledLoss | null>();

/** `compiledLoss(ev)`, computed once per compile event for all the rules that read it. */
export function compiledLossOf(ev: CompileEvent): CompiledLoss | undefined {
  let loss = compiledLosses.get(ev);
  if (loss === undefined) compiledLosses.set(ev, (loss = compiledLoss(ev) ?? null));
  return loss ?? undefined;
}
