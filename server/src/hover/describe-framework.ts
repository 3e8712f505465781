// The hover model of a framework loss (PyTorch, Keras, TF, TF.js): which catalog loss it is, the
// parameters as written with the framework's defaults filled in, what its prediction argument should
// be and what the analyzer says it is, and the numbers when it is called on literal tensors.
import { getCatalogEntry, type CatalogEntry } from '../../../core/src/index';
import type { Expr, Span } from '../ir';
import { COMPUTED, configuredFamily, type SwitchReading } from '../frameworks/losses-table';
import type { LossCallEvent } from '../analysis/engine/events';
import type { LossFamily, LossParam, LossSpec } from '../frameworks/types';
import type { CallSite } from '../analysis/engine/values';
import { findArg, isAbsent, literalConst, resolveNumber, siteValue, writtenRow } from './arguments';
import { EXPECTS, fitsFamily, inferredKind } from './domain';
import { code } from './format';
import { canEvaluate, evaluateLiteral, type LiteralEvaluation } from './literal-eval';
import { literalTensor } from './literal-tensor';
import type { ArgumentKind, LossHover, ParamRow } from './model';
import type { Bindings } from './ir-walk';

export interface HoverDocument {
  uri: string;
  text: string;
  /** Text of other files the analysis read (a constructor in an imported module). */
  textOf(uri: string): string | undefined;
  /** 1-based line of an offset in a file, for "from F.softmax on line 12". */
  lineOf(uri: string, offset: number): number | undefined;
  /** Names bound in the document, as seen from an offset. */
  bindingsAt(offset: number): Bindings;
}

const FRAMEWORK_NAMES: Record<LossSpec['framework'], string> = {
  torch: 'PyTorch',
  keras: 'Keras',
  tf: 'TensorFlow',
  tfjs: 'TensorFlow.js',
  jax: 'JAX',
  smp: 'segmentation_models.pytorch',
  monai: 'MONAI',
  timm: 'timm',
};

export interface FrameworkTarget {
  spec: LossSpec;
  /** The call that configures the loss: the constructor for classes, the loss call for functions. */
  config?: CallSite;
  /** The call that computes the loss on tensors, when known. */
  call?: LossCallEvent;
  span: Span;
}

/** The catalog entry a framework loss is shown as, given how it is configured. */
export function catalogIdOf(spec: LossSpec, fromLogits: boolean): string | undefined {
  let id = spec.coreId;
  if (!id) return undefined;
  if (spec.sparseTarget && id === 'crossEntropy' && spec.framework !== 'torch') id = 'sparseCrossEntropy';
  if (spec.fromLogits && id === 'binaryCrossEntropy' && fromLogits) id = 'binaryCrossEntropyWithLogits';
  return id;
}

export function describeFrameworkLoss(t: FrameworkTarget, doc: HoverDocument): LossHover | undefined {
  const { spec } = t;
  const configText = t.config ? (t.config.uri === doc.uri ? doc.text : doc.textOf(t.config.uri)) : undefined;
  const callText = t.call ? (t.call.site.uri === doc.uri ? doc.text : doc.textOf(t.call.site.uri)) : undefined;
  const configArgs = t.config && configText !== undefined ? t.config.expr.args : [];

  // from_logits decides the family of Keras losses; the interpreter already did that for loss calls.
  const fromLogitsArg = spec.fromLogits
    ? findArg(configArgs, 'from_logits', spec.params.find(p => p.name === 'from_logits')?.pos)
    : undefined;
  const fromLogitsValue = fromLogitsArg ? literalConst(fromLogitsArg.value, siteValue(t.config, fromLogitsArg)) : false;
  const fromLogits = fromLogitsValue === true;
  // Packs whose switches sit in the constructor (smp mode/from_logits, MONAI sigmoid=/softmax=) say so with data.
  const switched = spec.modes !== undefined || spec.activationSwitches !== undefined || spec.fromLogits?.pos !== undefined;
  const family: LossFamily =
    t.call?.family ??
    (switched
      ? configuredFamily(spec, (name, pos) => {
          const v = t.config?.keywords.get(name) ?? (pos === undefined ? undefined : t.config?.positional[pos]);
          if (!v) return undefined;
          if (v.t === 'const') return v.value as SwitchReading;
          return v.t === 'sym' ? { sym: v.path } : COMPUTED;
        })
      : spec.fromLogits
        ? fromLogits
          ? spec.fromLogits.logits
          : spec.fromLogits.probs
        : spec.family);

  const id = catalogIdOf(spec, fromLogits);
  const entry = id ? getCatalogEntry(id) : undefined;
  if (!entry) return undefined;

  const params: ParamRow[] = [];
  const curveParams: Record<string, number> = {};
  const notes: string[] = [];
  const written = new Set<string>();
  const table = spec.params;
  for (const fp of table) {
    const arg = configText !== undefined ? findArg(configArgs, fp.name, fp.pos) : undefined;
    if (arg && !isAbsent(arg.value)) {
      written.add(fp.name);
      const name = paramName(fp, arg.name === undefined, spec);
      if (fp.catalog) {
        const r = resolveNumber(
          arg.value,
          siteValue(t.config, arg),
          configText!,
          t.config?.uri === doc.uri ? doc.bindingsAt(arg.value.span.start) : undefined,
        );
        if (r.value !== undefined) curveParams[fp.catalog] = r.value;
        else r.row.note = `set at run time: the plot and table use ${catalogDefault(entry, fp)}`;
        params.push({ name, ...r.row });
      } else {
        params.push({ name, ...writtenRow(arg.value, configText!) });
      }
      continue;
    }
    if (fp.hidden) continue;
    // A loss object whose constructor the analysis did not see: its defaults may not be what runs.
    if (spec.form === 'class' && !t.config) continue;
    params.push({ name: paramName(fp, false, spec), value: code(fp.default), source: 'default', note: 'default' });
    if (fp.catalog) {
      const d = Number(fp.default);
      if (Number.isFinite(d)) curveParams[fp.catalog] = d;
    }
  }
  // Keyword arguments the table does not know (name=…, axis=…): listed as written.
  const tensorKeywords = new Set([...(spec.input?.kw ?? []), ...(spec.target?.kw ?? []), ...(spec.input2?.kw ?? [])]);
  if (configText !== undefined) {
    for (const a of configArgs) {
      if (!a.name || written.has(a.name) || tensorKeywords.has(a.name) || table.some(fp => fp.name === a.name)) continue;
      params.push({ name: a.name, ...writtenRow(a.value, configText) });
    }
  }

  if (spec.form === 'class' && !t.config) {
    notes.push(
      'The loss object is constructed where the analysis cannot see it: its parameters are not shown, the plot uses the defaults.',
    );
  }
  if (spec.alphaSwitch && t.config) {
    const balancing = findArg(configArgs, spec.alphaSwitch.name, spec.alphaSwitch.pos);
    if (!balancing || literalConst(balancing.value, siteValue(t.config, balancing)) !== true) {
      curveParams.alpha = -1;
      notes.push('α is only applied with `apply_class_balancing=True`; here the loss is (1 − p_t)^γ·BCE without class weights.');
    }
  }
  if (spec.defaultReduction === 'none' && !written.has('reduction')) {
    notes.push("torchvision's default `reduction='none'` returns one loss per element: reduce it (`.mean()`) before `backward()`.");
  }
  if (spec.fromLogits && id === 'crossEntropy' && !fromLogits) {
    notes.push('With `from_logits=False` Keras takes probabilities: it renormalises them and clips to [ε, 1 − ε] before the log.');
  }

  const input = t.call ? argumentKind(t.call, family, doc) : undefined;
  const literal = t.call && callText !== undefined ? literalEvaluation(t, entry, curveParams, family, doc, callText) : undefined;

  return {
    type: 'loss',
    entry,
    label: spec.label,
    origin: FRAMEWORK_NAMES[spec.framework],
    params,
    curveParams: curvable(entry, curveParams),
    expects: EXPECTS[family],
    input,
    literal,
    notes,
    findings: [],
    span: t.span,
  };
}

/** TF.js configuration arguments are positional only: name their position. */
function paramName(fp: LossParam, positional: boolean, spec: LossSpec): string {
  if (spec.framework === 'tfjs' && fp.pos !== undefined) return `${fp.name} (${ordinal(fp.pos + 1)} argument)`;
  if (positional && fp.pos !== undefined) return `${fp.name} (positional)`;
  return fp.name;
}

function ordinal(n: number): string {
  return n === 1 ? '1st' : n === 2 ? '2nd' : n === 3 ? '3rd' : `${n}th`;
}

function catalogDefault(entry: CatalogEntry, fp: LossParam): string {
  const d = entry.params.find(p => p.name === fp.catalog)?.default;
  return d === undefined ? 'the default' : `${fp.catalog} = ${d}`;
}

/** Only catalog parameters reach core.curve (unknown names throw there). */
export function curvable(entry: CatalogEntry, params: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of entry.params) {
    const v = params[p.name];
    if (v !== undefined && Number.isFinite(v) && !p.plotOnly) out[p.name] = v;
  }
  return out;
}

function argumentKind(call: LossCallEvent, family: LossFamily, doc: HoverDocument): ArgumentKind | undefined {
  const info = call.input;
  if (!info) return undefined;
  const text = (info.uri === doc.uri ? doc.text : doc.textOf(info.uri))?.slice(info.expr.span.start, info.expr.span.end) ?? '';
  const k = inferredKind(info.value);
  if (!k.words && info.uri === doc.uri && literalTensor(info.expr, doc.bindingsAt(info.expr.span.start))) k.words = 'literal numbers';
  let origin: string | undefined;
  if (k.origin) {
    const line = doc.lineOf(k.origin.uri, k.origin.start);
    const file = k.origin.uri === doc.uri ? '' : ` in ${k.origin.uri.slice(k.origin.uri.lastIndexOf('/') + 1)}`;
    origin = `${k.origin.label}${line ? ` on line ${line}` : ''}${file}`;
  }
  return { text, kind: k.words, fits: fitsFamily(family, k.kind), origin };
}

// ---- literal evaluation -------------------------------------------------------------------------

/** Which framework calls core reproduces exactly, and with which reduction. */
function literalPlan(spec: LossSpec, id: string, family: LossFamily): { reduction?: string; ok: boolean } {
  switch (spec.framework) {
    case 'torch':
      return { ok: true };
    case 'tf':
    case 'jax':
      return { ok: spec.literalReduction !== undefined, reduction: spec.literalReduction ?? 'mean' };
    case 'keras':
      // Keras averages over the last axis, then over the batch: the overall mean for rectangular inputs.
      if (family === 'regression') return { ok: true, reduction: 'mean' };
      if ((family === 'softmax-ce' || family === 'sigmoid-ce') && spec.form === 'class') return { ok: true, reduction: 'mean' };
      return { ok: false };
    case 'tfjs':
      // SUM_BY_NONZERO_WEIGHTS without weights is the mean over all elements.
      return { ok: ['mseLoss', 'l1Loss', 'huberLoss', 'binaryCrossEntropyWithLogits', 'crossEntropy'].includes(id), reduction: 'mean' };
    default:
      return { ok: false };
  }
}

function literalEvaluation(
  t: FrameworkTarget,
  entry: CatalogEntry,
  params: Record<string, number>,
  family: LossFamily,
  doc: HoverDocument,
  callText: string,
): LiteralEvaluation | undefined {
  const call = t.call!;
  const { spec } = t;
  if (!call.input || !call.target || !canEvaluate(entry.id)) return undefined;
  const bindings = call.site.uri === doc.uri ? doc.bindingsAt(call.site.expr.span.start) : undefined;
  const input = literalTensor(call.input.expr, bindings);
  const target = literalTensor(call.target.expr, bindings);
  if (!input || !target) return undefined;
  const plan = literalPlan(spec, entry.id, family);
  if (!plan.ok) return undefined;
  // Keras loss functions (not objects) return one value per row: only vectors reduce to one number.
  if (spec.framework === 'keras' && spec.form === 'function' && input.shape.length > 1) return undefined;

  const table = spec.params;
  const configArgs = t.config?.expr.args ?? [];
  const argOf = (name: string) => {
    const fp = table.find(p => p.name === name);
    const a = findArg(configArgs, name, fp?.pos);
    return a && !isAbsent(a.value) ? a : undefined;
  };
  // Arguments core does not model (weights, the deprecated pair) make the numbers differ: say nothing.
  for (const unsupported of [
    'weight',
    'weights',
    'size_average',
    'reduce',
    'label_smoothing',
    'labelSmoothing',
    'eps',
    'epsilon',
    'full',
  ]) {
    if (unsupported === 'label_smoothing' || unsupported === 'labelSmoothing') {
      if (entry.id === 'crossEntropy' && spec.framework !== 'tfjs') continue;
    }
    if (argOf(unsupported)) return undefined;
  }
  // optax's `axis` and `where` pick other elements than core's last axis.
  if (spec.framework === 'jax' && (argOf('axis') || argOf('where'))) return undefined;
  let reduction = plan.reduction;
  const options: Record<string, unknown> = {};
  if (spec.framework === 'torch') {
    const r = argOf('reduction');
    const rv = r ? literalConst(r.value) : undefined;
    if (r && typeof rv !== 'string') return undefined;
    reduction = typeof rv === 'string' ? rv : (spec.defaultReduction ?? 'mean');
    const ii = argOf('ignore_index');
    if (ii) {
      const v = literalConst(ii.value);
      if (typeof v !== 'number') return undefined;
      options.ignoreIndex = v;
    }
    const lt = argOf('log_target');
    if (lt) {
      const v = literalConst(lt.value);
      if (typeof v !== 'boolean') return undefined;
      options.logTarget = v;
    }
  } else if (argOf('reduction')) {
    return undefined;
  }
  // Catalog parameters written symbolically cannot be evaluated.
  for (const fp of table) if (fp.catalog && argOf(fp.name) && params[fp.catalog] === undefined) return undefined;
  const textOf = (e: Expr) => callText.slice(e.span.start, e.span.end);
  return evaluateLiteral({
    lossId: entry.id,
    input,
    target,
    inputText: textOf(call.input.expr),
    targetText: textOf(call.target.expr),
    reduction: reduction ?? 'mean',
    params,
    options,
  });
}
