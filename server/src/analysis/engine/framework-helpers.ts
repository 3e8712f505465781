// Pure helpers of the framework semantics: axes, labels and layer lists read from calls and packs.
import type { Expr } from '../../ir';
import { ACTIVATION_FUNCTIONS, packOf, shortName } from '../../frameworks/registry';
import type { ActivationSpec, ContainerSpec, FrameworkPack, LayerSpec } from '../../frameworks/types';
import type { CallSite, Value } from './values';

/**
 * Whether a softmax certainly normalises over the last axis (where Linear/Dense put their units). In
 * PyTorch only an explicit -1 says so (the pack's 'explicit-last'): `dim=1` is the last axis of a 2-D
 * input but the time axis of a 3-D one (attention pooling over `Linear(d, 1)` scores). Keras, TF and
 * TF.js default to the last axis; so do tensor methods, whose framework is not known.
 */
export function isLastAxis(path: string, given: boolean, dim: Value | undefined): boolean {
  if (dim && dim.t === 'const') return dim.value === -1;
  if (given) return false;
  return packOf(path)?.softmaxAxis !== 'explicit-last';
}

/** TensorValue.dim of an activation's output: -1 when it certainly normalises over the last axis, else the axis as written. */
export function axisOf(path: string, given: boolean, dim: Value | undefined): number | null {
  if (isLastAxis(path, given, dim)) return -1;
  return dim && dim.t === 'const' && typeof dim.value === 'number' ? dim.value : null;
}

export function isAxis(dim: Value | undefined, axis: number): boolean {
  return dim !== undefined && dim.t === 'const' && dim.value === axis;
}

export function containsItemCall(e: Expr | undefined): boolean {
  if (!e) return false;
  if (e.k === 'call' && e.callee.k === 'attr' && e.callee.name === 'item') return true;
  if (e.k === 'call') return containsItemCall(e.callee) || e.args.some(a => containsItemCall(a.value));
  if (e.k === 'attr') return containsItemCall(e.obj);
  if (e.k === 'binop') return containsItemCall(e.left) || containsItemCall(e.right);
  return false;
}

/** A layer call whose output is not one tensor of the layer's kind (see LayerSpec.opaque). */
export function isOpaqueCall(opaque: NonNullable<LayerSpec['opaque']>, site: CallSite): boolean {
  if (opaque.positional !== undefined && site.expr.args.filter(a => !a.name).length > opaque.positional) return true;
  if (site.expr.args.some(a => !a.name && a.star)) return true;
  return (opaque.keywords ?? []).some(k => {
    const v = site.keywords.get(k);
    return v !== undefined && !(v.t === 'const' && (v.value === null || v.value === false));
  });
}

/** `activation='softmax'` (a name the layer's framework accepts) or `activation=tf.nn.softmax`. */
export function activationFromValue(v: Value | undefined, pack: FrameworkPack | undefined): ActivationSpec | undefined {
  if (!v) return undefined;
  if (v.t === 'const' && typeof v.value === 'string') return pack?.activationNames?.get(v.value);
  if (v.t === 'sym') {
    const a = ACTIVATION_FUNCTIONS.get(v.path);
    return a && (a.act !== 'other' || a.identity) ? a : undefined;
  }
  return undefined;
}

export function layerLabel(path: string, site: CallSite, text: string | undefined): string {
  // The call as written reads best (`Dense(10, activation='softmax')`) when it is short and on one line.
  const written = text?.slice(site.expr.span.start, site.expr.span.end);
  if (written && written.length <= 64 && !written.includes('\n')) return written;
  const short = shortName(path);
  return site.expr.args.length ? `${short}(…)` : `${short}()`;
}

/** The layer expressions of a container call as written: `nn.Sequential(a, b)` or `Sequential([a, b])`. */
export function layerListExprs(spec: ContainerSpec, call: Extract<Expr, { k: 'call' }>): Expr[] | undefined {
  if (spec.layers === 'positional') return call.args.every(a => !a.name && !a.star) ? call.args.map(a => a.value) : undefined;
  const kw = spec.layers.kw[0];
  const first = call.args.find(a => !a.name || a.name === kw)?.value;
  return first && first.k === 'list' ? first.elts : undefined;
}

/**
 * Records on each layer written in place in the list where it stands (Origin.element), so fixes can
 * remove it with its comma. A layer built elsewhere and passed by name keeps no such place.
 */
export function markLayerElements(layers: Value[], exprs: Expr[] | undefined, mutated: (l: Value) => void): void {
  if (!exprs || exprs.length !== layers.length) return;
  const elements = exprs.map(e => e.span);
  layers.forEach((l, index) => {
    const out = l.t === 'object' ? l.layerOut : undefined;
    const o = out?.t === 'tensor' ? out.origin : undefined;
    if (l.t !== 'object' || !out || out.t !== 'tensor' || !o) return;
    if (o.span.start !== elements[index].start || o.span.end !== elements[index].end) return;
    mutated(l);
    const origin = { ...o, element: { elements, index } };
    l.layerOut = { ...out, origin, range: out.range && { ...out.range, origin } };
  });
}
