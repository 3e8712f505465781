// Models: layers, containers and the compile/fit convention, read from the framework packs — the part of
// the framework semantics that builds and trains models (framework-semantics.ts calls into it).
import type { Expr } from '../../ir';
import type { ActivationEvent, CompileEvent } from './events';
import { LAYERS, MODULE_BASES, applyConventionOf, frameworkOf, packOf } from '../../frameworks/registry';
import type { ActivationSpec, CompileSpec, ContainerSpec, Framework, LayerSpec } from '../../frameworks/types';
import { inheritsFrom } from './classes';
import { argExpr, argValue, argValueInOrder } from './call-args';
import {
  activationFromValue,
  axisOf,
  isAxis,
  isLastAxis,
  isOpaqueCall,
  layerLabel,
  layerListExprs,
  markLayerElements,
} from './framework-helpers';

import { keepKind, mapUnion, tupleElts } from './kinds';
import type { Frame } from './state';
import { UserCode } from './user-code';
import { moduleCallSite } from './module-apply';
import {
  UNKNOWN,
  certainTensor,
  tensor,
  type CallSite,
  type FunctionValue,
  type InstanceValue,
  type ObjectValue,
  type Origin,
  type Value,
} from './values';

/** How a model of some framework is compiled and fit (from its pack). */
export interface CompileConvention {
  spec: CompileSpec;
  framework: Framework;
  optionsObject: boolean;
}

export abstract class ModelSemantics extends UserCode {
  /** `nn.Sequential(a, b)`, `keras.Sequential([a, b])`, `tf.sequential({layers: [a, b]})`: the layers in order. */
  protected makeContainer(path: string, spec: ContainerSpec, site: CallSite): ObjectValue {
    const layersArg = spec.layers === 'positional' ? undefined : argValueInOrder(site, spec.layers);
    const layers = spec.layers === 'positional' ? site.positional : tupleElts(layersArg);
    const container: ObjectValue = this.own({ t: 'object', path, call: site, layers: layers.slice(), depth: this.branchDepth });
    // `nn.Sequential(*blocks)`, `Sequential(layer_list)`: the layers are not all visible.
    if (site.expr.args.some(a => a.star) || (layersArg !== undefined && layersArg.t !== 'tuple')) container.opaque = true;
    else markLayerElements(container.layers!, layerListExprs(spec, site.expr), l => this.mutated(l));
    this.checkStackedActivations(container.layers!, 0);
    return container;
  }

  protected compileModel(
    model: ObjectValue | InstanceValue,
    conv: CompileConvention,
    output: () => Value,
    site: CallSite,
    frame: Frame,
  ): Value {
    const lossExpr = argExpr(site.expr.args, conv.spec.loss, conv.optionsObject);
    const loss = argValue(site, conv.spec.loss);
    if (lossExpr && loss) {
      const out = output();
      const event: CompileEvent = {
        type: 'compile',
        framework: conv.framework,
        site,
        model,
        output: out,
        loss: { value: loss, expr: lossExpr, uri: frame.uri },
      };
      // Compiled again in the same frame, unconditionally since the model was made, before any use: the
      // earlier compile never takes effect.
      const prev = this.pendingCompiles.get(model);
      if (prev && prev.fn === frame.fn && prev.uri === frame.uri && model.t === 'object' && this.branchDepth <= (model.depth ?? -1))
        prev.event.superseded = true;
      this.pendingCompiles.set(model, { event, fn: frame.fn, uri: frame.uri });
      this.events.push(event);
      if (loss.t === 'function') this.callCompiledLossFunction(loss, out, lossExpr, frame);
    }
    return { t: 'const', value: null };
  }

  protected fitModel(model: ObjectValue | InstanceValue, spec: CompileSpec, site: CallSite, frame: Frame): Value {
    const yExpr = argExpr(site.expr.args, spec.fit.y);
    // `fit(dataset)`: the labels are the second part of the dataset's (features, labels) elements.
    const ds = yExpr ? undefined : site.positional[0];
    const dsLabels = ds?.t === 'dataset' && ds.element.t === 'tuple' ? ds.element.elts[1] : undefined;
    const xExpr = site.expr.args[0]?.value;
    const cwExpr = spec.fit.classWeight && argExpr(site.expr.args, spec.fit.classWeight);
    this.events.push({
      type: 'fit',
      model,
      y: yExpr
        ? { value: argValue(site, spec.fit.y) ?? UNKNOWN, expr: yExpr, uri: frame.uri }
        : dsLabels && xExpr
          ? { value: dsLabels, expr: xExpr, uri: frame.uri }
          : undefined,
      classWeight: cwExpr ? { value: UNKNOWN, expr: cwExpr, uri: frame.uri } : undefined,
    });
    return UNKNOWN;
  }

  /**
   * `compile(loss=my_loss)`: Keras calls `my_loss(y_true, y_pred)` with the model's output, so the function
   * is run with it; a finding inside is reported at the `loss=` argument (one finding per flow).
   */
  protected callCompiledLossFunction(fn: FunctionValue, output: Value, lossExpr: Expr, frame: Frame): void {
    const entry = { uri: frame.uri, span: lossExpr.span, callee: fn.qualname };
    const withEntry = (v: Value): Value => (v.t === 'tensor' ? { ...v, entries: [entry] } : v.t === 'union' ? mapUnion(v, withEntry) : v);
    const loss = this.callFunction(fn, [tensor('unknown', { role: 'labels' }), withEntry(output)], new Map(), undefined, frame, false);
    // Keras minimises what the function returns.
    this.events.push({ type: 'gradient', value: loss, uri: frame.uri, span: lossExpr.span });
  }

  /**
   * `model.apply(variables, x, train=True)`: the module called with the arguments after the variables;
   * `mutable=` makes it return `(output, state)`, `method=` run another method (unknown).
   */
  protected applyModule(model: InstanceValue | ObjectValue, site: CallSite, frame: Frame): Value {
    const base = model.t === 'instance' ? inheritsFrom(model.cls, MODULE_BASES) : model.path;
    const conv = base === undefined ? undefined : applyConventionOf(base);
    if (!conv || conv.otherMethod.some(k => site.keywords.has(k))) return UNKNOWN;
    const inner = moduleCallSite(site, conv);
    const out = model.t === 'instance' ? this.call(model, inner, frame) : this.callObject(model, inner, frame);
    return conv.withState.some(k => site.keywords.has(k)) ? { t: 'tuple', elts: [out, UNKNOWN] } : out;
  }

  protected applyLayer(layer: Value, input: Value, site: CallSite, frame: Frame): Value {
    if (layer.t === 'object') {
      if (layer.layers || layer.output) return this.callObject(layer, { ...site, positional: [input] }, frame);
      if (layer.passThrough) return keepKind(input);
      if (layer.layerFn) return this.call(layer.layerFn, { ...site, positional: [input], keywords: new Map() }, frame);
      const out = layer.layerOut ?? UNKNOWN;
      const inT = certainTensor(input);
      const inUnits = inT?.units;
      if (layer.keepsUnits && out.t === 'tensor' && out.units === undefined && inUnits !== undefined)
        return { ...out, units: inUnits, shape: inT?.shape };
      if (layer.keepsUnits && out.t === 'tensor' && inT?.shape) return { ...out, shape: inT.shape };
      // A units layer keeps the input's leading axes (a sequence stays a sequence).
      if (out.t === 'tensor' && out.shape && inT?.shape && inT.shape.length !== out.shape.length)
        return { ...out, shape: [...inT.shape.slice(0, -1), out.shape[out.shape.length - 1]] };
      return out;
    }
    if (layer.t === 'instance' || layer.t === 'function' || layer.t === 'sym')
      return this.call(layer, { ...site, positional: [input], keywords: new Map() }, frame);
    return UNKNOWN;
  }

  /**
   * An activation layer stacked after a layer with a known output size (`Sequential(Linear(h, 1), Softmax(dim=1))`,
   * `model.add(Activation('softmax'))`): re-emits its activation event with that axis size, from layer `from` on.
   */
  protected checkStackedActivations(layers: Value[], from: number): void {
    let units: number | undefined;
    // The values are (batch, features) since an argument-less flattening layer: axis 1 is the units axis.
    let flat = false;
    layers.forEach((l, i) => {
      if (l.t !== 'object' || l.layers || l.output) {
        units = undefined;
        flat = false;
        return;
      }
      const spec = LAYERS.get(l.path);
      if (l.keepsUnits) {
        const a = l.activation;
        const unitsAxis = isLastAxis(a?.path ?? '', !!a?.dim, a?.dim?.value) || (flat && isAxis(a?.dim?.value, 1));
        if (i >= from && a && units !== undefined && a.axisSize === undefined && unitsAxis) this.events.push({ ...a, axisSize: units });
        if (spec?.flattens) flat = l.call?.expr.args.length === 0;
        return;
      }
      units = l.layerOut?.t === 'tensor' ? l.layerOut.units : undefined;
      // A layer with a units argument (Linear) keeps the rank; any other (Conv) does not.
      flat = flat && spec?.units !== undefined;
    });
  }

  protected makeLayer(path: string, spec: LayerSpec, site: CallSite, frame: Frame): Value {
    const obj: ObjectValue = this.own({ t: 'object', path, call: site });
    if (spec.fn) {
      const fn = argValue(site, { pos: spec.fn.pos, kw: [spec.fn.kw] });
      obj.layerFn = fn && (fn.t === 'function' || fn.t === 'sym') ? fn : undefined;
      if (!obj.layerFn) obj.layerOut = UNKNOWN;
      return obj;
    }
    const unitsV = spec.units ? argValue(site, { pos: spec.units.pos, kw: [spec.units.kw] }) : undefined;
    const units = unitsV && unitsV.t === 'const' && typeof unitsV.value === 'number' ? unitsV.value : undefined;
    if (spec.opaque && (units === 0 || isOpaqueCall(spec.opaque, site))) {
      obj.layerOut = UNKNOWN;
      return obj;
    }
    let act: ActivationSpec | undefined;
    if (spec.activation) {
      const a = argValue(site, { pos: spec.activation.pos, kw: [spec.activation.kw] });
      act = activationFromValue(a, packOf(path));
      // `Activation('linear')` is the identity: no activation, like `Activation(None)`.
      const identity = act?.identity === true;
      if (identity) act = undefined;
      if (a && !act && !identity && !(a.t === 'const' && (a.value === null || a.value === undefined))) {
        obj.layerOut = UNKNOWN; // an activation LossLens does not model (relu, tanh, a custom one)
        return obj;
      }
    } else if (spec.out !== 'keep' && spec.out !== 'linear') {
      act = { kind: spec.out, act: spec.act ?? 'other', dim: spec.dim, range: spec.range };
    }
    const label = layerLabel(path, site, this.texts.get(frame.uri));
    obj.keepsUnits = spec.out !== 'linear' && !spec.units;
    if (act && act.act !== 'other') {
      const dimExpr = spec.dim ? argExpr(site.expr.args, { pos: spec.dim.pos, kw: [spec.dim.kw] }) : undefined;
      const ev: ActivationEvent = {
        type: 'activation',
        path,
        spec: act,
        site,
        layer: true,
        axisSize: units,
        dim: dimExpr
          ? { value: argValue(site, { pos: spec.dim!.pos, kw: [spec.dim!.kw] }) ?? UNKNOWN, expr: dimExpr, uri: frame.uri }
          : undefined,
      };
      this.events.push(ev);
      if (obj.keepsUnits) obj.activation = ev;
    }
    const origin: Origin = { uri: frame.uri, span: site.expr.span, label, framework: frameworkOf(path) };
    // A layer with a units argument makes (batch, units) from (batch, features) (see applyLayer for other ranks).
    const shape = units !== undefined ? [null, units] : undefined;
    const range = act?.range ? { lo: act.range[0], hi: act.range[1], origin } : undefined;
    const dimValue = spec.dim ? argValue(site, { pos: spec.dim.pos, kw: [spec.dim.kw] }) : undefined;
    if (act) obj.layerOut = tensor(act.kind, { origin, units, dim: axisOf(path, dimValue !== undefined, dimValue), shape, range });
    else if (spec.out === 'linear') obj.layerOut = tensor('logits', { origin, units, shape });
    else obj.passThrough = true;
    return obj;
  }
}
