// Framework semantics: what calling a framework symbol or method does to value kinds (activations,
// logs, layers, containers, losses, compile/fit), read from the framework packs
// (server/src/frameworks/). Nothing here names a framework: every path, method name and argument
// position comes from a pack.
import type { Expr } from '../../ir';
import type { ArgInfo, LossOption } from './events';
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
  MATRIX_PRODUCTS,
  MATRIX_PRODUCT_METHODS,
  MEANS,
  AXIS_MEAN_METHODS,
  MODEL_BASES,
  RANDOM_INTEGERS,
  RECORDS,
  SELF_RETURNING_METHODS,
  TENSOR_FACTORIES,
  WRAPPERS,
  compileSpecOf,
  frameworkOf,
  frameworkOfMethod,
  packOf,
  shortName,
} from '../../frameworks/registry';
import type { ActivationSpec, ArgRef, Framework, LossSpec } from '../../frameworks/types';
import { COMPUTED, configuredFamily, type SwitchReading } from '../../frameworks/losses-table';
import { inheritsFrom, lookupMethod } from './classes';
import { datasetMethod, loadDataset } from './datasets';
import { argExpr, argValue, argValueInOrder } from './call-args';
import { containsItemCall, axisOf, isLastAxis } from './framework-helpers';

export { argExpr, argValue };
import {
  derived,
  dtypeClassOf,
  expOf,
  keepKind,
  lineageOf,
  mapTensors,
  matrixProduct,
  meanOf,
  randintKind,
  sizesArg,
  transferKind,
} from './kinds';
import { activationOutput, literalFacts, maskedMean, tensorFacts, unreducedLoss } from './tensor-facts';
import type { Frame } from './state';
import { ModelSemantics } from './model-semantics';
import { UNKNOWN, certainTensor, tensor, type CallSite, type ObjectValue, type Origin, type Value } from './values';

export abstract class FrameworkSemantics extends ModelSemantics {
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
      const kept = transferKind(op, site.positional[0], site.positional.slice(1));
      return tensorFacts(path, op, kept, site.positional[0], site, this.texts.get(frame.uri), false);
    }
    // Means over the batch axis keep probabilities; other means fall through (masked means, below).
    const mean = MEANS.get(path);
    const batchMean = mean ? meanOf(site.positional[0], argValue(site, mean)) : UNKNOWN;
    if (batchMean.t !== 'unknown') return batchMean;
    if (MATRIX_PRODUCTS.has(path)) {
      const product = matrixProduct(site.positional[0], site.positional[1], this.productOrigin(path, site.expr, frame));
      if (product.t !== 'unknown') return product;
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
        return tensorFacts(name, name, transferKind(name, recv, site.positional), recv, site, this.texts.get(frame.uri), true);
      if (recv.t === 'tensor' && GRADIENT_METHODS.has(name)) {
        this.events.push({ type: 'gradient', value: recv, uri: site.uri, span: site.expr.span });
        return { t: 'const', value: null };
      }
      if (recv.t !== 'unknown' && DTYPE_METHODS.has(name))
        return mapTensors(recv, t =>
          tensor('unknown', { shape: t.shape, dtype: DTYPE_METHODS.get(name), mask: t.mask, lineage: t.lineage }),
        );
      const axisMean = AXIS_MEAN_METHODS.get(name);
      const batchMean = axisMean ? meanOf(recv, argValue(site, axisMean)) : UNKNOWN;
      if (batchMean.t !== 'unknown') return batchMean;
      if (MATRIX_PRODUCT_METHODS.has(name)) {
        const product = matrixProduct(recv, site.positional[0], this.productOrigin('.' + name, site.expr, frame));
        if (product.t !== 'unknown') return product;
      }
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
    const out = activationOutput(spec, path, site, input, dimExpr, origin);
    const dimValue = dimExpr ? argValue(site, { pos: spec.dim!.pos, kw: [spec.dim!.kw, 'dim', 'axis'] }) : undefined;
    return { ...out, dim: axisOf(path, dimExpr !== undefined, dimValue) };
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
      arm: this.arm,
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
