// Framework semantics: what calling a framework symbol or method does to value kinds (activations,
// logs, layers, containers, losses, compile/fit), read from the framework packs
// (server/src/frameworks/). Nothing here names a framework: every path, method name and argument
// position comes from a pack.
import type { Arg, Expr } from '../../ir';
import type { ActivationEvent, ArgInfo, CompileEvent, LossOption } from './events';
import {
  ACTIVATION_FUNCTIONS,
  ACTIVATION_METHODS,
  CALL_THROUGH,
  CONTAINERS,
  DATASETS,
  EXP_FUNCTIONS,
  FUNCTIONAL_MODELS,
  INTEGER_DTYPES,
  INTEGER_SAMPLERS,
  KIND_KEEPING_FUNCTIONS,
  KIND_KEEPING_METHODS,
  LAYERS,
  LITERAL_TENSORS,
  LOG_FUNCTIONS,
  LOSS_SPECS,
  MATRIX_PRODUCTS,
  MATRIX_PRODUCT_METHODS,
  MEANS,
  MEAN_METHODS,
  MODEL_BASES,
  RANDOM_INTEGERS,
  SELF_RETURNING_METHODS,
  TENSOR_FACTORIES,
  WRAPPERS,
  compileSpecOf,
  frameworkOf,
  frameworkOfMethod,
  packOf,
  shortName,
} from '../../frameworks/registry';
import type {
  ActivationSpec,
  ArgRef,
  CompileSpec,
  ContainerSpec,
  Framework,
  FrameworkPack,
  LayerSpec,
  LossSpec,
} from '../../frameworks/types';
import { inheritsFrom, lookupMethod } from './classes';
import { expOf, keepKind, literalTensorKind, mapUnion, matrixProduct, meanOf, randintKind, transferKind, tupleElts } from './kinds';
import type { Frame } from './state';
import { UserCode } from './user-code';
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
      this.emitLoss(loss, site, undefined, frame);
      return tensor('unknown');
    }
    const act = ACTIVATION_FUNCTIONS.get(path);
    if (act?.identity) return keepKind(site.positional[0]);
    if (act) return this.applyActivation(act, site, site.positional[0], 0, frame, path);
    if (LOG_FUNCTIONS.has(path)) return this.applyLog(site, site.positional[0], 0, frame, undefined, frameworkOf(path));
    if (EXP_FUNCTIONS.has(path)) return expOf(site.positional[0]);
    if (KIND_KEEPING_FUNCTIONS.has(path))
      return transferKind(path.slice(path.lastIndexOf('.') + 1), site.positional[0], site.positional.slice(1));
    const mean = MEANS.get(path);
    if (mean) return meanOf(site.positional[0], argValue(site, mean));
    if (MATRIX_PRODUCTS.has(path)) return matrixProduct(site.positional[0], site.positional[1], this.productOrigin(path, site.expr, frame));
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
      return tensor(high && high.t === 'const' && high.value === 2 ? 'labels01' : 'class-indices');
    }
    const dataset = DATASETS.get(path);
    if (dataset) {
      const split = (): Value => ({ t: 'tuple', elts: [UNKNOWN, tensor(dataset)] });
      return { t: 'tuple', elts: [split(), split()] };
    }
    if (LITERAL_TENSORS.has(path)) return literalTensorKind(site.expr.args[0]?.value);
    return UNKNOWN;
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
      if (recv.t === 'unknown' && !ACTIVATION_METHODS.has(name) && name !== 'log') return undefined;
      const act = ACTIVATION_METHODS.get(name);
      if (act) return this.applyActivation(act, site, recv, -1, frame, '.' + name, recvArg);
      if (name === 'log') return this.applyLog(site, recv, -1, frame, recvArg, this.methodFramework(name, frame));
      if (name === 'exp') return expOf(recv);
      if (KIND_KEEPING_METHODS.has(name)) return transferKind(name, recv, site.positional);
      const mean = MEAN_METHODS.get(name);
      if (mean) return meanOf(recv, argValue(site, mean));
      if (MATRIX_PRODUCT_METHODS.has(name))
        return matrixProduct(recv, site.positional[0], this.productOrigin('.' + name, site.expr, frame));
      if (recv.t === 'tensor') return UNKNOWN;
    }
    const pack = recv.t === 'object' ? packOf(recv.path) : undefined;
    if (name !== 'compile') this.pendingCompiles.delete(recv);
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
    this.events.push({
      type: 'fit',
      model,
      y: yExpr ? { value: argValue(site, spec.fit.y) ?? UNKNOWN, expr: yExpr, uri: frame.uri } : undefined,
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
    this.callFunction(fn, [tensor('unknown', { role: 'labels' }), withEntry(output)], new Map(), undefined, frame, false);
  }

  protected callObject(obj: ObjectValue, site: CallSite, frame: Frame): Value {
    const loss = LOSS_SPECS.get(obj.path);
    if (loss) {
      this.emitLoss(loss, site, obj.call, frame);
      return tensor('unknown');
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

  protected applyLayer(layer: Value, input: Value, site: CallSite, frame: Frame): Value {
    if (layer.t === 'object') {
      if (layer.layers || layer.output) return this.callObject(layer, { ...site, positional: [input] }, frame);
      if (layer.passThrough) return keepKind(input);
      if (layer.layerFn) return this.call(layer.layerFn, { ...site, positional: [input], keywords: new Map() }, frame);
      const out = layer.layerOut ?? UNKNOWN;
      const inUnits = certainTensor(input)?.units;
      if (layer.keepsUnits && out.t === 'tensor' && out.units === undefined && inUnits !== undefined) return { ...out, units: inUnits };
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
      act = { kind: spec.out, act: spec.act ?? 'other', dim: spec.dim };
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
    const dimValue = spec.dim ? argValue(site, { pos: spec.dim.pos, kw: [spec.dim.kw] }) : undefined;
    if (act) obj.layerOut = tensor(act.kind, { origin, units, dim: axisOf(path, dimValue !== undefined, dimValue) });
    else if (spec.out === 'linear') obj.layerOut = tensor('logits', { origin, units });
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
    const dimValue = dimExpr ? argValue(site, { pos: spec.dim!.pos, kw: [spec.dim!.kw, 'dim', 'axis'] }) : undefined;
    return tensor(spec.kind, { origin, units: input?.units, dim: axisOf(path, dimExpr !== undefined, dimValue) });
  }

  /**
   * Where a distribution made by a matrix product comes from: the product as written (no fix removes it).
   * `path`: the function's, `.name` for a method, `@` for the operator.
   */
  protected productOrigin(path: string, expr: Expr, frame: Frame): Origin {
    const framework = path.startsWith('.') ? this.methodFramework(path.slice(1), frame) : frameworkOf(path);
    const written = this.texts.get(frame.uri)?.slice(expr.span.start, expr.span.end);
    const label = written && written.length <= 64 && !written.includes('\n') ? written : path === '@' ? '… @ …' : `${shortName(path)}(…)`;
    return { uri: frame.uri, span: expr.span, label, framework };
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
    if (t?.kind === 'probs-softmax')
      return tensor('log-probs', {
        origin: { uri: frame.uri, span: site.expr.span, label: 'log(softmax(…))', framework: fw },
        units: t.units,
      });
    if (t?.kind === 'probs-sigmoid')
      return tensor('log-sigmoid', { origin: { uri: frame.uri, span: site.expr.span, label: 'log(sigmoid(…))', framework: fw } });
    return UNKNOWN;
  }

  protected emitLoss(spec: LossSpec, site: CallSite, ctor: CallSite | undefined, frame: Frame): void {
    if (this.uncertainCallee > 0) return;
    const options = new Map<string, LossOption>();
    for (const cs of ctor ? [ctor, site] : [site]) {
      for (const a of cs.expr.args)
        if (a.name) options.set(a.name, { value: cs.keywords.get(a.name) ?? UNKNOWN, expr: a.value, argSpan: a.span, uri: cs.uri });
    }
    let family = spec.family;
    if (spec.fromLogits) {
      const fl = options.get('from_logits')?.value;
      family = fl && fl.t === 'const' && fl.value === true ? spec.fromLogits.logits : spec.fromLogits.probs;
      if (fl && fl.t !== 'const') family = 'other'; // from_logits computed at run time: say nothing
    }
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
      arm: this.arm,
    });
  }
}

/**
 * Whether a softmax certainly normalises over the last axis (where Linear/Dense put their units). In
 * PyTorch only an explicit -1 says so (the pack's 'explicit-last'): `dim=1` is the last axis of a 2-D
 * input but the time axis of a 3-D one (attention pooling over `Linear(d, 1)` scores). Keras, TF and
 * TF.js default to the last axis; so do tensor methods, whose framework is not known.
 */
function isLastAxis(path: string, given: boolean, dim: Value | undefined): boolean {
  if (dim && dim.t === 'const') return dim.value === -1;
  if (given) return false;
  return packOf(path)?.softmaxAxis !== 'explicit-last';
}

/** TensorValue.dim of an activation's output: -1 when it certainly normalises over the last axis, else the axis as written. */
function axisOf(path: string, given: boolean, dim: Value | undefined): number | null {
  if (isLastAxis(path, given, dim)) return -1;
  return dim && dim.t === 'const' && typeof dim.value === 'number' ? dim.value : null;
}

function isAxis(dim: Value | undefined, axis: number): boolean {
  return dim !== undefined && dim.t === 'const' && dim.value === axis;
}

function containsItemCall(e: Expr | undefined): boolean {
  if (!e) return false;
  if (e.k === 'call' && e.callee.k === 'attr' && e.callee.name === 'item') return true;
  if (e.k === 'call') return containsItemCall(e.callee) || e.args.some(a => containsItemCall(a.value));
  if (e.k === 'attr') return containsItemCall(e.obj);
  if (e.k === 'binop') return containsItemCall(e.left) || containsItemCall(e.right);
  return false;
}

/** The argument expression for a parameter given by position or keyword; `dictOnly` for TF.js option objects. */
export function argExpr(args: Arg[], ref: ArgRef, dictOnly = false): Expr | undefined {
  for (const a of args) if (a.name && ref.kw.includes(a.name)) return a.value;
  if (!dictOnly) {
    let i = 0;
    for (const a of args) {
      if (a.name || a.star) continue;
      if (i === ref.pos) return a.value;
      i++;
    }
  }
  for (const a of args) {
    if (!a.name && a.value.k === 'dict') {
      for (const en of a.value.entries) if (en.key && en.key.k === 'str' && ref.kw.includes(en.key.value)) return en.value;
    }
  }
  return undefined;
}

/** The value of a parameter: its keywords first, then its position. */
export function argValue(site: CallSite, ref: ArgRef): Value | undefined {
  for (const k of ref.kw) {
    const v = site.keywords.get(k);
    if (v) return v;
  }
  return ref.pos < site.positional.length ? site.positional[ref.pos] : undefined;
}

/** The value of a parameter: its position first, then its keywords in order. */
function argValueInOrder(site: CallSite, ref: ArgRef): Value | undefined {
  if (ref.pos < site.positional.length) return site.positional[ref.pos];
  for (const k of ref.kw) {
    const v = site.keywords.get(k);
    if (v) return v;
  }
  return undefined;
}

/** `activation='softmax'` (a name the layer's framework accepts) or `activation=tf.nn.softmax`. */
function activationFromValue(v: Value | undefined, pack: FrameworkPack | undefined): ActivationSpec | undefined {
  if (!v) return undefined;
  if (v.t === 'const' && typeof v.value === 'string') return pack?.activationNames?.get(v.value);
  if (v.t === 'sym') {
    const a = ACTIVATION_FUNCTIONS.get(v.path);
    return a && (a.act !== 'other' || a.identity) ? a : undefined;
  }
  return undefined;
}

function layerLabel(path: string, site: CallSite, text: string | undefined): string {
  // The call as written reads best (`Dense(10, activation='softmax')`) when it is short and on one line.
  const written = text?.slice(site.expr.span.start, site.expr.span.end);
  if (written && written.length <= 64 && !written.includes('\n')) return written;
  const short = shortName(path);
  return site.expr.args.length ? `${short}(…)` : `${short}()`;
}

/** The layer expressions of a container call as written: `nn.Sequential(a, b)` or `Sequential([a, b])`. */
function layerListExprs(spec: ContainerSpec, call: Extract<Expr, { k: 'call' }>): Expr[] | undefined {
  if (spec.layers === 'positional') return call.args.every(a => !a.name && !a.star) ? call.args.map(a => a.value) : undefined;
  const kw = spec.layers.kw[0];
  const first = call.args.find(a => !a.name || a.name === kw)?.value;
  return first && first.k === 'list' ? first.elts : undefined;
}

/**
 * Records on each layer written in place in the list where it stands (Origin.element), so fixes can
 * remove it with its comma. A layer built elsewhere and passed by name keeps no such place.
 */
function markLayerElements(layers: Value[], exprs: Expr[] | undefined, mutated: (l: Value) => void): void {
  if (!exprs || exprs.length !== layers.length) return;
  const elements = exprs.map(e => e.span);
  layers.forEach((l, index) => {
    const out = l.t === 'object' ? l.layerOut : undefined;
    const o = out?.t === 'tensor' ? out.origin : undefined;
    if (l.t !== 'object' || !out || out.t !== 'tensor' || !o) return;
    if (o.span.start !== elements[index].start || o.span.end !== elements[index].end) return;
    mutated(l);
    l.layerOut = { ...out, origin: { ...o, element: { elements, index } } };
  });
}
