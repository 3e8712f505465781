// Framework semantics: what calling a framework symbol or method does to value kinds (activations,
// logs, layers, containers, losses, compile/fit), read from the framework packs
// (server/src/frameworks/). Nothing here names a framework: every path, method name and argument
// position comes from a pack.
import type { Expr } from '../../ir';
import type { ActivationEvent, ArgInfo, CompileEvent, LossOption } from './events';
import {
  ACTIVATION_FUNCTIONS,
  ACTIVATION_METHODS,
  CALL_THROUGH,
  DTYPE_METHODS,
  MEAN_FUNCTIONS,
  MEAN_METHODS,
  CONTAINERS,
  DATASETS,
  EXP_FUNCTIONS,
  FUNCTIONAL_MODELS,
  GRADIENT_TRANSFORMS,
  INTEGER_DTYPES,
  INTEGER_SAMPLERS,
  KIND_KEEPING_FUNCTIONS,
  KIND_KEEPING_METHODS,
  LAYERS,
  MIXERS,
  LITERAL_TENSORS,
  LOG_FUNCTIONS,
  GRADIENT_FUNCTIONS,
  GRADIENT_METHODS,
  PRODUCT_FUNCTIONS,
  DATASET_FACTORIES,
  DATASET_LOADERS,
  PRODUCT_METHODS,
  LOSS_SPECS,
  MODEL_BASES,
  MODULE_BASES,
  RANDOM_INTEGERS,
  RECORDS,
  SELF_RETURNING_METHODS,
  TENSOR_FACTORIES,
  WRAPPERS,
  applyConventionOf,
  compileSpecOf,
  frameworkOf,
  frameworkOfMethod,
  packOf,
} from '../../frameworks/registry';
import type { ActivationSpec, ArgRef, CompileSpec, ContainerSpec, Framework, LayerSpec, LossSpec } from '../../frameworks/types';
import { COMPUTED, configuredFamily, type SwitchReading } from '../../frameworks/losses-table';
import { inheritsFrom, lookupMethod } from './classes';
import { datasetMethod, loadDataset } from './datasets';
import { argExpr, argValue, argValueInOrder } from './call-args';
import {
  activationFromValue,
  containsItemCall,
  isAxis,
  isLastAxis,
  isOpaqueCall,
  layerLabel,
  layerListExprs,
  markLayerElements,
} from './framework-helpers';

export { argExpr, argValue };
import {
  derived,
  dtypeClassOf,
  expOf,
  keepKind,
  lineageOf,
  mapTensors,
  mapUnion,
  randintKind,
  sizesArg,
  transferKind,
  tupleElts,
} from './kinds';
import { activationOutput, literalFacts, maskedMean, tensorFacts, unreducedLoss } from './tensor-facts';
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
interface CompileConvention {
  spec: CompileSpec;
  framework: Framework;
  optionsObject: boolean;
}

export abstract class FrameworkSemantics extends UserCode {
  protected callSymbol(path: string, site: CallSite, frame: Frame): Value {
    const loss = LOSS_SPECS.get(path);
    if (loss) {
      if (loss.form === 'class') {
        this.events.push({ type: 'loss-object', spec: loss, site });
        return this.own({ t: 'object', path, call: site });
      }
      return this.emitLoss(loss, site, undefined, frame);
    }
    const mixer = MIXERS.get(path);
    if (mixer) {
      this.events.push({ type: 'mixer', path, spec: mixer, site });
      return this.own({ t: 'object', path, call: site });
    }
    const act = ACTIVATION_FUNCTIONS.get(path);
    if (act?.identity) return keepKind(site.positional[0]);
    if (act) return this.applyActivation(act, site, site.positional[0], 0, frame, path);
    if (LOG_FUNCTIONS.has(path)) return this.applyLog(site, site.positional[0], 0, frame, undefined, frameworkOf(path));
    if (EXP_FUNCTIONS.has(path)) return expOf(site.positional[0]);
    if (KIND_KEEPING_FUNCTIONS.has(path)) {
      const op = path.slice(path.lastIndexOf('.') + 1);
      return tensorFacts(path, op, transferKind(op, site.positional[0]), site.positional[0], site, this.texts.get(frame.uri), false);
    }
    const container = CONTAINERS.get(path);
    if (container) return this.makeContainer(path, container, site);
    const functional = FUNCTIONAL_MODELS.get(path);
    if (functional)
      return this.own({ t: 'object', path, call: site, output: argValue(site, functional.output) ?? UNKNOWN, depth: this.branchDepth });
    const layer = LAYERS.get(path);
    if (layer) return this.makeLayer(path, layer, site, frame);
    // Wrappers that run the module they are given: calling them calls the module.
    const wrapped = WRAPPERS.get(path);
    if (wrapped) return argValueInOrder(site, wrapped) ?? UNKNOWN;
    // `jax.grad(f)`: a function running f with the caller's arguments, returning gradients.
    const transformed = GRADIENT_TRANSFORMS.get(path);
    if (transformed) {
      const fn = argValueInOrder(site, transformed);
      return fn && fn.t === 'function' ? { ...fn, opaqueResult: true } : UNKNOWN;
    }
    if (RECORDS.has(path)) return this.own({ t: 'object', path, call: site, fields: new Map(site.keywords) });
    if (CALL_THROUGH.has(path)) {
      const fn = site.positional.find(v => v.t === 'function');
      return fn ? this.call(fn, { ...site, positional: [], keywords: new Map() }, frame) : UNKNOWN;
    }
    const factory = TENSOR_FACTORIES.get(path);
    if (factory) {
      // A new leaf: asked for gradients itself, or holding numbers cut from the graph (`torch.tensor(loss.item())`).
      const rg = site.keywords.get('requires_grad');
      if ((rg && rg.t === 'const' && rg.value === true) || (factory.fromData && containsItemCall(site.expr.args[0]?.value))) {
        return tensor('unknown', { fresh: site.expr.span });
      }
      const dtype = (factory.dtype && dtypeClassOf(argValue(site, factory.dtype))) ?? undefined;
      if (LITERAL_TENSORS.has(path)) return literalFacts(site, dtype);
      const shape = factory.shape ? sizesArg(site, factory.shape, true) : undefined;
      const d = dtype ?? (factory.dtype && argValue(site, factory.dtype) ? undefined : factory.defaultDtype);
      return shape || d ? tensor('unknown', { shape, dtype: d }) : UNKNOWN;
    }
    if (RANDOM_INTEGERS.has(path)) return randintKind(site);
    const sampler = INTEGER_SAMPLERS.get(path);
    if (sampler) {
      const dtype = argValue(site, sampler.dtype);
      const integer =
        dtype &&
        ((dtype.t === 'sym' && INTEGER_DTYPES.has(dtype.path)) || (dtype.t === 'const' && INTEGER_DTYPES.has(String(dtype.value))));
      if (!integer) return UNKNOWN;
      const high = argValue(site, sampler.high);
      if (high && high.t === 'const' && high.value === 2) return tensor('labels01', { dtype: 'int' });
      const classes = high && high.t === 'const' && typeof high.value === 'number' && Number.isInteger(high.value) ? high.value : undefined;
      return tensor('class-indices', { dtype: 'int', classes });
    }
    const dataset = DATASETS.get(path);
    if (dataset) {
      const split = (): Value => ({ t: 'tuple', elts: [UNKNOWN, tensor(dataset)] });
      return { t: 'tuple', elts: [split(), split()] };
    }
    if (LITERAL_TENSORS.has(path)) return literalFacts(site, undefined);
    if (MEAN_FUNCTIONS.has(path) && site.expr.args.length === 1) return orDerived(maskedMean(site.positional[0], site, this.events), site);
    const loader = DATASET_LOADERS.get(path);
    if (loader) return loadDataset(loader, site, d => this.own(d), this.branchDepth);
    if (DATASET_FACTORIES.has(path)) return { t: 'dataset', element: site.positional[0] ?? UNKNOWN };
    const gradient = GRADIENT_FUNCTIONS.get(path);
    if (gradient) {
      const arg = site.positional[gradient.arg];
      const value = gradient.callable
        ? arg?.t === 'function'
          ? this.call(arg, { ...site, positional: [], keywords: new Map() }, frame)
          : undefined
        : arg;
      if (value) this.events.push({ type: 'gradient', value, uri: site.uri, span: site.expr.span });
      return UNKNOWN;
    }
    return derived([...site.positional, ...site.keywords.values()], PRODUCT_FUNCTIONS.has(path));
  }

  /** `nn.Sequential(a, b)`, `keras.Sequential([a, b])`, `tf.sequential({layers: [a, b]})`: the layers in order. */
  private makeContainer(path: string, spec: ContainerSpec, site: CallSite): ObjectValue {
    const layersArg = spec.layers === 'positional' ? undefined : argValueInOrder(site, spec.layers);
    const layers = spec.layers === 'positional' ? site.positional : tupleElts(layersArg);
    const container: ObjectValue = this.own({ t: 'object', path, call: site, layers: layers.slice(), depth: this.branchDepth });
    // `nn.Sequential(*blocks)`, `Sequential(layer_list)`: the layers are not all visible.
    if (site.expr.args.some(a => a.star) || (layersArg !== undefined && layersArg.t !== 'tuple')) container.opaque = true;
    else markLayerElements(container.layers!, layerListExprs(spec, site.expr), l => this.mutated(l));
    this.checkStackedActivations(container.layers!, 0);
    return container;
  }

  /** Tensor and framework-object methods; undefined when the receiver has no special meaning for `name`. */
  protected callMethod(recv: Value, name: string, site: CallSite, frame: Frame): Value | undefined {
    const recvArg = site.expr.callee.k === 'attr' ? site.expr.callee.obj : site.expr;
    if (recv.t === 'tensor' || recv.t === 'unknown' || recv.t === 'union') {
      // Unknown except for what it was computed through: training may still take its gradient.
      if (recv.t === 'unknown' && recv.lineage && GRADIENT_METHODS.has(name)) {
        this.events.push({ type: 'gradient', value: recv, uri: site.uri, span: site.expr.span });
        return { t: 'const', value: null };
      }
      if (recv.t === 'unknown' && recv.lineage && !ACTIVATION_METHODS.has(name) && name !== 'log')
        return derived([recv, ...site.positional], PRODUCT_METHODS.has(name));
      if (recv.t === 'unknown' && !ACTIVATION_METHODS.has(name) && name !== 'log') return undefined;
      const act = ACTIVATION_METHODS.get(name);
      if (act) return this.applyActivation(act, site, recv, -1, frame, '.' + name, recvArg);
      if (name === 'log') return this.applyLog(site, recv, -1, frame, recvArg, this.methodFramework(name, frame));
      if (name === 'exp') return expOf(recv);
      if (KIND_KEEPING_METHODS.has(name))
        return tensorFacts(name, name, transferKind(name, recv), recv, site, this.texts.get(frame.uri), true);
      if (recv.t === 'tensor' && GRADIENT_METHODS.has(name)) {
        this.events.push({ type: 'gradient', value: recv, uri: site.uri, span: site.expr.span });
        return { t: 'const', value: null };
      }
      if (recv.t !== 'unknown' && DTYPE_METHODS.has(name))
        return mapTensors(recv, t =>
          tensor('unknown', { shape: t.shape, dtype: DTYPE_METHODS.get(name), mask: t.mask, lineage: t.lineage }),
        );
      if (MEAN_METHODS.has(name) && site.expr.args.length === 0)
        return orDerived(maskedMean(recv, site, this.events), { ...site, positional: [recv] });
      if (recv.t === 'tensor') return derived([recv, ...site.positional], PRODUCT_METHODS.has(name));
    }
    if (recv.t === 'dataset')
      return datasetMethod(recv, name, site, (fn, args) => this.call(fn, { ...site, positional: args, keywords: new Map() }, frame));
    const pack = recv.t === 'object' ? packOf(recv.path) : undefined;
    if (name !== 'compile') this.pendingCompiles.delete(recv);
    // `model.apply(variables, x)` (Flax): the module run on the arguments after the variables.
    const applied = recv.t === 'instance' || recv.t === 'object' ? this.boundApply(recv, name) : undefined;
    if (applied && !(recv.t === 'instance' && lookupMethod(recv.cls, name))) return this.callObject(applied, site, frame);
    // `state.replace(params=…)`: a copy of the record with those fields replaced.
    if (recv.t === 'object' && recv.fields && RECORDS.get(recv.path)?.copies.includes(name))
      return this.own({ ...recv, fields: new Map([...recv.fields, ...site.keywords]) });
    if (recv.t === 'object') {
      if (recv.layers && name === CONTAINERS.get(recv.path)?.add) {
        this.mutated(recv);
        recv.layers.push(site.positional[0] ?? UNKNOWN);
        // A layer added on one path only (`if flag: model.add(Softmax())`) leaves the output uncertain until
        // a layer is added unconditionally after it.
        recv.tailUncertain = this.branchDepth > (recv.depth ?? 0);
        this.checkStackedActivations(recv.layers, recv.layers.length - 1);
        return { t: 'const', value: null };
      }
      const conv = recv.layers || recv.output ? compileSpecOf(recv.path) : undefined;
      if (conv && name === 'compile') {
        const output = () => this.callObject(recv, { ...site, positional: [UNKNOWN], keywords: new Map() }, frame);
        return this.compileModel(recv, conv, output, site, frame);
      }
      if (conv && name === conv.spec.fit.method) return this.fitModel(recv, conv.spec, site, frame);
    }
    // `model.to(device)`, `model.eval()`, `nn.Sequential(...).cuda()` return the module itself.
    if (
      (recv.t === 'instance' || recv.t === 'object') &&
      SELF_RETURNING_METHODS.has(name) &&
      !(recv.t === 'instance' && lookupMethod(recv.cls, name))
    )
      return recv;
    // A subclassed model (`class Net(keras.Model)` with `call`): compile and fit act on what `call` returns.
    if (recv.t === 'instance' && (name === 'compile' || name === 'fit') && !lookupMethod(recv.cls, name)) {
      const base = inheritsFrom(recv.cls, MODEL_BASES);
      const conv = base === undefined ? undefined : compileSpecOf(base);
      if (conv && name === conv.spec.fit.method) return this.fitModel(recv, conv.spec, site, frame);
      if (conv)
        return this.compileModel(
          recv,
          conv,
          () => this.call(recv, { ...site, positional: [UNKNOWN], keywords: new Map() }, frame),
          site,
          frame,
        );
    }
    if (recv.t === 'object' && pack?.modelCallMethods?.includes(name) && (recv.layers || recv.output || LAYERS.has(recv.path))) {
      return this.callObject(recv, site, frame);
    }
    return undefined;
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

  protected callObject(obj: ObjectValue, site: CallSite, frame: Frame): Value {
    if (obj.applies) return this.applyModule(obj.applies, site, frame);
    const loss = LOSS_SPECS.get(obj.path);
    if (loss) {
      return this.emitLoss(loss, site, obj.call, frame);
    }
    const mixer = MIXERS.get(obj.path);
    if (mixer) {
      // `x, y = mixup(x, y)`: the labels come back as rows of class probabilities.
      const origin: Origin | undefined = obj.call && {
        uri: obj.call.uri,
        span: obj.call.expr.span,
        label: mixer.label,
        framework: frameworkOf(obj.path),
      };
      return { t: 'tuple', elts: [UNKNOWN, tensor('soft-targets', { origin })] };
    }
    if (obj.layers) {
      if (obj.opaque || obj.tailUncertain) return UNKNOWN;
      let v: Value = site.positional[0] ?? UNKNOWN;
      for (const layer of obj.layers) v = this.applyLayer(layer, v, site, frame);
      return v;
    }
    if (obj.output) return obj.output;
    return this.applyLayer(obj, site.positional[0] ?? UNKNOWN, site, frame);
  }

  /**
   * `model.apply(variables, x, train=True)`: the module called with the arguments after the variables;
   * `mutable=` makes it return `(output, state)`, `method=` run another method (unknown).
   */
  private applyModule(model: InstanceValue | ObjectValue, site: CallSite, frame: Frame): Value {
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
    if (act) obj.layerOut = tensor(act.kind, { origin, units, dim: null, shape, range });
    else if (spec.out === 'linear') obj.layerOut = tensor('logits', { origin, units, shape });
    else obj.passThrough = true;
    return obj;
  }

  protected applyActivation(
    spec: ActivationSpec,
    site: CallSite,
    operand: Value | undefined,
    operandPos: number,
    frame: Frame,
    path: string,
    operandExpr?: Expr,
  ): Value {
    const opExpr = operandExpr ?? (operandPos >= 0 ? site.expr.args[operandPos]?.value : undefined);
    const dimExpr = spec.dim ? argExpr(site.expr.args, { pos: spec.dim.pos, kw: [spec.dim.kw, 'dim', 'axis'] }) : undefined;
    const input = operand && operand.t === 'tensor' ? operand : undefined;
    if (spec.act !== 'other') {
      const dimValue = dimExpr ? (argValue(site, { pos: spec.dim!.pos, kw: [spec.dim!.kw, 'dim', 'axis'] }) ?? UNKNOWN) : undefined;
      this.events.push({
        type: 'activation',
        path,
        spec,
        site,
        layer: false,
        dim: dimExpr ? { value: dimValue!, expr: dimExpr, uri: frame.uri } : undefined,
        axisSize: isLastAxis(path, dimExpr !== undefined, dimValue) ? input?.units : undefined,
        operand: opExpr ? { value: operand ?? UNKNOWN, expr: opExpr, uri: frame.uri } : undefined,
      });
    }
    const text = this.texts.get(frame.uri);
    const calleeText = text ? text.slice(site.expr.callee.span.start, site.expr.callee.span.end) : path;
    const origin: Origin = {
      uri: frame.uri,
      span: site.expr.span,
      label: operandPos < 0 ? `${path}()` : calleeText,
      inner: opExpr?.span,
      framework: operandPos < 0 ? this.methodFramework(path.slice(1), frame) : frameworkOf(path),
    };
    return activationOutput(spec, path, site, input, dimExpr, origin);
  }

  /** The framework a tensor method belongs to in the frame's file (see frameworkOfMethod). */
  private methodFramework(name: string, frame: Frame): Framework | undefined {
    return frameworkOfMethod(name, this.languages.get(frame.uri));
  }

  protected applyLog(
    site: CallSite,
    operand: Value | undefined,
    pos: number,
    frame: Frame,
    operandExpr?: Expr,
    framework?: Framework,
  ): Value {
    const expr = operandExpr ?? site.expr.args[pos]?.value;
    if (expr)
      this.events.push({
        type: 'log',
        site,
        arg: { value: operand ?? UNKNOWN, expr, uri: frame.uri },
        inProduct: this.productLogs.has(site.expr),
        inFunction: frame.fn?.def.name,
        framework,
      });
    const t = certainTensor(operand);
    const fw = t?.origin?.framework ?? framework;
    const lineage = [...lineageOf(operand), { uri: frame.uri, span: site.expr.span }];
    if (t?.kind === 'probs-softmax')
      return tensor('log-probs', {
        origin: { uri: frame.uri, span: site.expr.span, label: 'log(softmax(…))', framework: fw },
        units: t.units,
        lineage,
      });
    if (t?.kind === 'probs-sigmoid')
      return tensor('log-sigmoid', { origin: { uri: frame.uri, span: site.expr.span, label: 'log(sigmoid(…))', framework: fw }, lineage });
    return tensor('unknown', { lineage });
  }

  /** Records the loss call; its value is the loss, per element when the call asks for no reduction. */
  protected emitLoss(spec: LossSpec, site: CallSite, ctor: CallSite | undefined, frame: Frame): Value {
    if (this.uncertainCallee > 0) return tensor('unknown');
    const options = new Map<string, LossOption>();
    for (const cs of ctor ? [ctor, site] : [site]) {
      for (const a of cs.expr.args)
        if (a.name) options.set(a.name, { value: cs.keywords.get(a.name) ?? UNKNOWN, expr: a.value, argSpan: a.span, uri: cs.uri });
    }
    // A switch computed at run time (`from_logits=flag`) makes the family 'other': say nothing.
    const family = configuredFamily(spec, (name, pos) => {
      const v = options.get(name)?.value ?? (pos === undefined ? undefined : (ctor ?? site).positional[pos]);
      if (!v) return undefined;
      if (v.t === 'const') return v.value as SwitchReading;
      return v.t === 'sym' ? { sym: v.path } : COMPUTED;
    });
    const info = (ref: ArgRef | undefined): ArgInfo | undefined => {
      if (!ref) return undefined;
      const expr = argExpr(site.expr.args, ref);
      if (!expr) return undefined;
      return { value: argValue(site, ref) ?? UNKNOWN, expr, uri: frame.uri };
    };
    this.events.push({
      type: 'loss',
      spec,
      family,
      site,
      ctor,
      options,
      input: info(spec.input),
      target: info(spec.target),
      input2: info(spec.input2),
      inFunction: frame.fn?.def.name,
    });
    return unreducedLoss(spec, options)
      ? tensor('unknown', { unreduced: { uri: frame.uri, span: site.expr.span, label: spec.label, framework: spec.framework } })
      : tensor('unknown');
  }
}

/** A mean the masked-loss facts say nothing of still carries what its operand was computed through. */
function orDerived(v: Value, site: CallSite): Value {
  return v.t === 'unknown' && !v.lineage ? derived(site.positional) : v;
}
