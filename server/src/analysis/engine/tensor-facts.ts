// Facts about tensors beyond their kind (docs/ARCHITECTURE.md, "Value-kind analysis"): the shape a
// shape operation makes, the dtype a cast gives, the range a clamp bounds values to, the class ids of an
// argmax and what a literal holds. Which calls do what is pack data (SHAPE_METHODS, CAST_METHODS…).
import { argValue } from './call-args';
import type { Expr } from '../../ir';
import {
  CAST_FUNCTIONS,
  CAST_METHODS,
  CLAMP_BOUNDS,
  DTYPE_METHODS,
  ONE_HOT_CLASSES,
  SHAPE_FUNCTIONS,
  SHAPE_METHODS,
  frameworkOf,
  packOf,
  shortName,
} from '../../frameworks/registry';
import type { ActivationSpec, ArgRef, LossSpec } from '../../frameworks/types';
import type { AnalysisEvent, LossOption, MaskedMeanEvent } from './events';
import { dtypeClassOf, literalShape, literalTensorKind, mapTensors, shapeAfter } from './kinds';
import { UNKNOWN, tensor, type CallSite, type Origin, type TensorValue, type Value } from './values';

/**
 * What a kind-keeping operation (`.view`, `.float()`, `torch.squeeze`, `clamp`) does to the facts of
 * `v`, the value transferKind gave for `operand`: the shape it makes, the dtype it casts to, the range
 * it clamps to. `key` is the method name or the function's path.
 */
export function tensorFacts(
  key: string,
  op: string,
  v: Value,
  operand: Value | undefined,
  site: CallSite,
  text: string | undefined,
  method: boolean,
): Value {
  const shapeOp = (method ? SHAPE_METHODS : SHAPE_FUNCTIONS).get(key);
  // The shape is computed from the operand's (transferKind forgot it).
  const before = operand?.t === 'tensor' ? operand.shape : undefined;
  if (shapeOp) return mapTensors(v, t => ({ ...t, shape: shapeAfter(shapeOp, before, site) }));
  const cast = method ? DTYPE_METHODS.get(key) : undefined;
  if (cast) return mapTensors(v, t => ({ ...t, dtype: cast }));
  const castArg = (method ? CAST_METHODS : CAST_FUNCTIONS).get(key);
  if (castArg) {
    const d = dtypeClassOf(argValue(site, castArg));
    // `.to(device)` keeps the dtype; a dtype LossLens cannot read leaves it unknown.
    const arg = argValue(site, castArg);
    const keep = arg !== undefined && arg.t === 'const' && typeof arg.value === 'string' && d === undefined && method;
    return mapTensors(v, t => (d ? { ...t, dtype: d } : keep ? t : { ...t, dtype: undefined }));
  }
  const bounds = CLAMP_BOUNDS.get(key);
  const input = operand?.t === 'tensor' ? operand : undefined;
  if (bounds && input && (input.kind === 'logits' || input.kind === 'unknown')) {
    const num = (ref: ArgRef): number | undefined => {
      const b = argValue(site, ref);
      return b && b.t === 'const' && typeof b.value === 'number' ? b.value : undefined;
    };
    const lo = num(bounds.min);
    const hi = num(bounds.max);
    if (lo === undefined && hi === undefined) return v;
    const origin = opOrigin(site, text, method ? `.${op}()` : shortName(key), method);
    return tensor('unknown', {
      origin: input.origin,
      units: input.units,
      shape: input.shape,
      dtype: input.dtype,
      guarded: input.kind === 'unknown' ? true : undefined,
      range: {
        lo: Math.max(lo ?? -Infinity, input.range?.lo ?? -Infinity),
        hi: Math.min(hi ?? Infinity, input.range?.hi ?? Infinity),
        origin,
      },
    });
  }
  return v;
}

/** Where an operation call is, for a range's origin (`F.relu(x)`, `x.clamp(min=0)`). */
function opOrigin(site: CallSite, text: string | undefined, label: string, method: boolean): Origin {
  const written = text?.slice(site.expr.span.start, site.expr.span.end);
  return {
    uri: site.uri,
    span: site.expr.span,
    // A method reads as itself (`.clamp(min=0)`), a function call as written when it is short.
    label: method
      ? label.replace(/\(\)$/, text?.slice(site.expr.argsSpan.start, site.expr.argsSpan.end) ?? '()')
      : written && written.length <= 48 && !written.includes('\n')
        ? written
        : label,
    framework: method ? undefined : frameworkOf(label),
  };
}

/** `argmax` over the last axis of (batch, K) scores: integer ids in 0..K−1, one axis fewer. */
function argmaxFacts(
  input: TensorValue | undefined,
  dimExpr: Expr | undefined,
  site: CallSite,
  spec: ActivationSpec,
): Partial<TensorValue> {
  const dim = spec.dim ? argValue(site, { pos: spec.dim.pos, kw: [spec.dim.kw, 'dim', 'axis'] }) : undefined;
  const shape = input?.shape;
  const last =
    shape && dimExpr && dim?.t === 'const' && typeof dim.value === 'number' && (dim.value === -1 || dim.value === shape.length - 1);
  return last ? { dtype: 'int', classes: shape[shape.length - 1] ?? undefined, shape: shape.slice(0, -1) } : { dtype: 'int' };
}

/** A literal tensor (`torch.tensor([[1., 0., 1.]])`): its kind, shape and dtype (a `dtype` argument wins). */
export function literalFacts(site: CallSite, dtype: TensorValue['dtype']): Value {
  const e = site.expr.args[0]?.value;
  const v = literalTensorKind(e);
  if (v.t !== 'tensor') return v;
  const shape = literalShape(e);
  return shape || dtype ? { ...v, shape: shape ?? v.shape, dtype: dtype ?? v.dtype } : v;
}

/**
 * What an activation (or an activation-like function) gives for `input`: elementwise functions keep the
 * shape (bounded ones record their range), argmax gives class ids, one-hot encoders their class count.
 */
export function activationOutput(
  spec: ActivationSpec,
  path: string,
  site: CallSite,
  input: TensorValue | undefined,
  dimExpr: Expr | undefined,
  origin: Origin,
): TensorValue {
  const units = input?.units;
  if (spec.range) return tensor(spec.kind, { origin, units, shape: input?.shape, range: { lo: spec.range[0], hi: spec.range[1], origin } });
  if (spec.act !== 'other') return tensor(spec.kind, { origin, units, dim: null, shape: input?.shape });
  if (spec.kind === 'class-indices') return tensor(spec.kind, { origin, units, dim: null, ...argmaxFacts(input, dimExpr, site, spec) });
  const k = ONE_HOT_CLASSES.get(path);
  const kV = k ? argValue(site, k) : undefined;
  const classes = kV && kV.t === 'const' && typeof kV.value === 'number' ? kV.value : undefined;
  return tensor(spec.kind, { origin, units: classes ?? units, dim: null });
}

/** The loss call asks for one value per element (`reduction='none'`, Keras `Reduction.NONE`), per its pack. */
export function unreducedLoss(spec: LossSpec, options: ReadonlyMap<string, LossOption>): boolean {
  const none = packOf(spec.path)?.unreducedLoss;
  const v = none ? options.get(none.option)?.value : undefined;
  const name = v?.t === 'const' ? v.value : v?.t === 'sym' ? v.path : undefined;
  return typeof name === 'string' && none!.values.includes(name);
}

/** A mean over every element: of a masked per-element loss, recorded (LL024) and marked on its value. */
export function maskedMean(v: Value | undefined, site: CallSite, events: AnalysisEvent[]): Value {
  const m = v?.t === 'tensor' ? v.masked : undefined;
  if (!m) return UNKNOWN;
  const ev: MaskedMeanEvent = { type: 'masked-mean', site, loss: m.loss, mask: m.mask, framework: m.loss.framework };
  events.push(ev);
  return tensor('unknown', { maskedMean: ev, origin: { uri: site.uri, span: site.expr.span, label: 'mean' } });
}
