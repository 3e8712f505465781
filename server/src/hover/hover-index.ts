// Everything in one file that can be hovered, with the span that triggers it, built once per analysis
// of the file and reused for every hover until the file changes. Hovering picks the innermost target
// under the cursor; positional tensor arguments of a loss call are left to other hovers (`logits`,
// `F.softmax(…)`), except literal ones, which are part of the loss's story.
import type { Module, Span } from '../ir';
import type { Inspection } from '../analysis/workspace';
import type { Finding } from '../findings';
import type { CompileEvent, FunctionEvent, LossCallEvent, LossObjectEvent } from '../analysis/engine/events';
import type { Value } from '../analysis/engine/values';
import { describeActivation } from './describe-activation';
import { describeFrameworkLoss, type HoverDocument } from './describe-framework';
import { describeCompileString, describeUserLoss } from './describe-other';
import { bindingKey, calleeName, collectDefinitions, contains, spanLength, type CallExpr, type Definitions } from './ir-walk';
import { literalNumber, literalTensor } from './literal-tensor';
import type { FindingRef, HoverModel } from './model';
import { matchUserClass, matchUserFunction, matchUserLoss, withoutSelf, type UserLossMatch } from './user-losses';
import { lineOfOffset, lineStarts } from '../base/line-index';

interface Candidate {
  span: Span;
  /** Parts of the span that belong to other hovers. */
  holes: Span[];
  build(): HoverModel | undefined;
}

export interface HoverIndex {
  /** The hover model at `offset`, or undefined. */
  at(offset: number): HoverModel | undefined;
  /** Number of hoverable targets (for tests and benchmarks). */
  size: number;
}

interface KnownUserLoss {
  match: UserLossMatch;
  uri: string;
}

/**
 * `findings` (default: the inspection's) are the findings mentioned in hovers; the server passes them
 * with the configuration applied, so a suppressed or disabled rule is not shown.
 */
export function buildHoverIndex(inspection: Inspection, uri: string, findings: readonly Finding[] = inspection.findings): HoverIndex {
  const module = inspection.module;
  const text = inspection.text;
  const defs: Definitions = module ? collectDefinitions(module) : { classes: [], functions: [], calls: [], bindingsAt: () => new Map() };
  const startsByUri = new Map<string, number[]>();
  const doc: HoverDocument = {
    uri,
    text,
    textOf: u => (u === uri ? text : inspection.textOf(u)),
    lineOf: (u, offset) => {
      let starts = startsByUri.get(u);
      if (!starts) {
        const t = u === uri ? text : inspection.textOf(u);
        if (t === undefined) return undefined;
        starts = lineStarts(t);
        startsByUri.set(u, starts);
      }
      return lineOfOffset(starts, offset) + 1;
    },
    bindingsAt: offset => defs.bindingsAt(offset),
  };
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  const key = (s: Span) => `${s.start}:${s.end}`;
  const add = (c: Candidate) => {
    if (seen.has(key(c.span))) return;
    seen.add(key(c.span));
    candidates.push(c);
  };

  const lossEvents = inspection.events.filter((e): e is LossCallEvent => e.type === 'loss');
  // One call can be analysed several times (standalone and from each caller): prefer a run that
  // inferred the argument's kind.
  const bestCall = new Map<string, LossCallEvent>();
  const callsByCtor = new Map<string, LossCallEvent>();
  for (const e of lossEvents) {
    if (e.site.uri === uri) {
      const k = key(e.site.expr.span);
      const prev = bestCall.get(k);
      if (!prev || (!knownKind(prev.input?.value) && knownKind(e.input?.value))) bestCall.set(k, e);
    }
    if (e.ctor && e.ctor.uri === uri) {
      const k = key(e.ctor.expr.span);
      const prev = callsByCtor.get(k);
      if (!prev || (!knownKind(prev.input?.value) && knownKind(e.input?.value))) callsByCtor.set(k, e);
    }
  }

  // Activations whose output reaches a loss that does not want it (before the loss calls: innermost wins anyway).
  for (const e of bestCall.values()) {
    const v = e.input?.value;
    if (v?.t !== 'tensor' || !v.origin || v.origin.uri !== uri) continue;
    const origin = v.origin;
    const kind = v.kind;
    add({ span: origin.span, holes: [], build: () => describeActivation(kind, origin.label, e, origin.span, v.units) });
  }

  for (const e of bestCall.values()) {
    const site = e.site;
    add({
      span: site.expr.span,
      holes: tensorArgumentHoles(site.expr),
      build: () =>
        describeFrameworkLoss({ spec: e.spec, config: e.spec.form === 'class' ? e.ctor : site, call: e, span: site.expr.span }, doc),
    });
  }
  for (const e of inspection.events) {
    if (e.type !== 'loss-object' || e.site.uri !== uri) continue;
    const ev = e as LossObjectEvent;
    add({
      span: ev.site.expr.span,
      holes: [],
      build: () =>
        describeFrameworkLoss(
          { spec: ev.spec, config: ev.site, call: callsByCtor.get(key(ev.site.expr.span)), span: ev.site.expr.span },
          doc,
        ),
    });
  }
  for (const [k, e] of callsByCtor) {
    if (seen.has(k) || !e.ctor) continue;
    const ctor = e.ctor;
    add({
      span: ctor.expr.span,
      holes: [],
      build: () => describeFrameworkLoss({ spec: e.spec, config: ctor, call: e, span: ctor.expr.span }, doc),
    });
  }

  for (const e of inspection.events) {
    if (e.type !== 'compile' || e.site.uri !== uri) continue;
    const ev = e as CompileEvent;
    const framework = ev.framework;
    if (ev.loss.expr.k !== 'str' || (framework !== 'keras' && framework !== 'tfjs')) continue;
    const name = ev.loss.expr.value;
    const span = ev.loss.expr.span;
    add({ span, holes: [], build: () => describeCompileString({ framework, name, output: ev.output, span }) });
  }
  // Models the interpreter could not follow (built by an unknown helper) still compile with a string.
  for (const call of defs.calls) {
    const s = compileString(call, module);
    if (!s) continue;
    add({ span: s.span, holes: [], build: () => describeCompileString(s) });
  }

  addUserLosses(inspection, uri, defs, doc, lossEvents, add);

  for (const c of candidates) attachFindings(c, findings, uri);
  return {
    size: candidates.length,
    at(offset: number): HoverModel | undefined {
      let best: Candidate | undefined;
      for (const c of candidates) {
        if (!contains(c.span, offset) || c.holes.some(h => contains(h, offset))) continue;
        if (!best || spanLength(c.span) < spanLength(best.span)) best = c;
      }
      return best?.build();
    },
  };
}

function knownKind(v: Value | undefined): boolean {
  return v?.t === 'tensor' && v.kind !== 'unknown';
}

/** Positional arguments that are expressions of their own (names, calls): their own hovers win. */
function tensorArgumentHoles(call: CallExpr): Span[] {
  const holes: Span[] = [];
  for (const a of call.args) {
    if (a.name) continue;
    const v = a.value;
    if (v.k === 'num' || v.k === 'str' || v.k === 'const' || literalNumber(v) !== undefined || literalTensor(v)) continue;
    holes.push(v.span);
  }
  return holes;
}

/** `model.compile(loss='mse')`, `model.compile(optimizer, 'mse')`, TF.js `model.compile({loss: 'meanSquaredError'})`. */
function compileString(call: CallExpr, module: Module | undefined): { framework: 'keras' | 'tfjs'; name: string; span: Span } | undefined {
  if (call.callee.k !== 'attr' || call.callee.name !== 'compile' || !module) return undefined;
  if (module.language === 'python') {
    const kw = call.args.find(a => a.name === 'loss');
    const positional = call.args.filter(a => !a.name && !a.star)[1];
    const v = kw?.value ?? positional?.value;
    return v?.k === 'str' ? { framework: 'keras', name: v.value, span: v.span } : undefined;
  }
  const obj = call.args[0]?.value;
  if (obj?.k !== 'dict') return undefined;
  const entry = obj.entries.find(en => en.key?.k === 'str' && en.key.value === 'loss');
  return entry?.value.k === 'str' ? { framework: 'tfjs', name: entry.value.value, span: entry.value.span } : undefined;
}

function addUserLosses(
  inspection: Inspection,
  uri: string,
  defs: Definitions,
  doc: HoverDocument,
  lossEvents: LossCallEvent[],
  add: (c: Candidate) => void,
): void {
  const known = new Map<string, KnownUserLoss>();
  for (const cls of defs.classes) {
    const match = matchUserClass(cls);
    if (!match) continue;
    known.set(cls.name, { match, uri });
    add({ span: cls.nameSpan, holes: [], build: () => describeUserLoss({ match, defText: doc.text, span: cls.nameSpan }) });
  }
  for (const fn of defs.functions) {
    const match = matchUserFunction(fn);
    if (!match) continue;
    known.set(fn.name, { match, uri });
    add({ span: fn.nameSpan, holes: [], build: () => describeUserLoss({ match, defText: doc.text, span: fn.nameSpan }) });
  }
  // Losses defined in imported files, as the interpreter saw them.
  for (const e of inspection.events) {
    if (e.type !== 'function' || e.uri === uri) continue;
    const fe = e as FunctionEvent;
    if (fe.className && (fe.def.name === '__init__' || fe.def.name === 'constructor')) {
      const match = matchUserLoss(fe.className, withoutSelf(fe.def), 'class', fe.def.body);
      if (match && !known.has(fe.className)) known.set(fe.className, { match, uri: fe.uri });
    } else if (!fe.className) {
      const match = matchUserFunction(fe.def);
      if (match && !known.has(fe.def.name)) known.set(fe.def.name, { match, uri: fe.uri });
    }
  }
  if (known.size === 0) return;

  const inputAt = (call: CallExpr): { text: string; value: Value } | undefined => {
    const first = call.args.find(a => !a.name && !a.star);
    if (!first) return undefined;
    const value = valueEnteringAt(lossEvents, uri, first.value.span);
    return value ? { text: doc.text.slice(first.value.span.start, first.value.span.end), value } : undefined;
  };
  for (const call of defs.calls) {
    const name = calleeName(call.callee);
    const direct = name ? known.get(name) : undefined;
    if (direct) {
      const defText = doc.textOf(direct.uri) ?? '';
      const isLossCall = direct.match.form === 'function';
      add({
        span: call.span,
        holes: isLossCall ? tensorArgumentHoles(call) : [],
        build: () =>
          describeUserLoss({
            match: direct.match,
            defText,
            span: call.span,
            config: { args: call.args, text: doc.text, bindings: defs.bindingsAt(call.span.start) },
            input: isLossCall ? inputAt(call) : undefined,
          }),
      });
      continue;
    }
    // `criterion(out, y)` where `criterion = FocalLoss(gamma=3)` (or `self.criterion`): the constructor configures it.
    const bound = bindingKey(call.callee);
    const values = bound ? defs.bindingsAt(call.span.start).get(bound) : undefined;
    if (!values || values.length === 0) continue;
    const ctors = values.map(v => (v.k === 'call' ? v : undefined));
    const ctorName = ctors[0] ? calleeName(ctors[0].callee) : undefined;
    if (!ctorName || ctors.some(c => !c || calleeName(c.callee) !== ctorName)) continue;
    const inst = known.get(ctorName);
    if (!inst || inst.match.form !== 'class' || ctors.length !== 1) continue;
    const ctor = ctors[0]!;
    const defText = doc.textOf(inst.uri) ?? '';
    add({
      span: call.span,
      holes: tensorArgumentHoles(call),
      build: () =>
        describeUserLoss({
          match: inst.match,
          defText,
          span: call.span,
          config: { args: ctor.args, text: doc.text, bindings: defs.bindingsAt(ctor.span.start) },
          input: inputAt(call),
        }),
    });
  }
}

/** The value a framework loss inside a user loss received, when it entered the user code at `span`. */
function valueEnteringAt(events: LossCallEvent[], uri: string, span: Span): Value | undefined {
  for (const e of events) {
    const v = e.input?.value;
    if (v?.t !== 'tensor' || !v.entries) continue;
    if (v.entries.some(en => en.uri === uri && en.span.start === span.start && en.span.end === span.end)) return v;
  }
  return undefined;
}

function attachFindings(c: Candidate, findings: readonly Finding[], uri: string): void {
  const build = c.build;
  c.build = () => {
    const model = build();
    if (!model || model.type === 'rule') return model;
    const refs: FindingRef[] = [];
    for (const f of findings) {
      if (f.uri !== uri || f.span.end < c.span.start || f.span.start > c.span.end) continue;
      if (!refs.some(r => r.code === f.code)) refs.push({ code: f.code, name: f.name, message: f.message });
    }
    model.findings = refs;
    return model;
  };
}
