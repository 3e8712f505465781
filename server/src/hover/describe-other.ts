// Hover models of compile strings (`loss='categorical_crossentropy'`) and of hand-written losses
// recognised by name and parameters (user-losses.ts).
import { catalog, getCatalogEntry, type CatalogEntry } from '../../../core/src/index';
import type { Arg, Span } from '../ir';
import { KERAS_LOSS_STRINGS, LOSS_SPECS, TFJS_LOSS_STRINGS } from '../frameworks/registry';
import type { LossFamily } from '../frameworks/types';
import type { CallSite, Value } from '../analysis/engine/values';
import { findArg, resolveNumber, siteValue, writtenRow } from './arguments';
import { curvable } from './describe-framework';
import { EXPECTS, EXPECTS_BY_LOSS, fitsFamily, inferredKind } from './domain';
import { code } from './format';
import { literalNumber } from './literal-tensor';
import type { ArgumentKind, LossHover, ParamRow } from './model';
import type { UserLossMatch } from './user-losses';
import type { Bindings } from './ir-walk';

export interface CompileStringTarget {
  framework: 'keras' | 'tfjs';
  name: string;
  /** What the compiled model outputs, when the analyzer followed the model. */
  output?: Value;
  span: Span;
}

export function describeCompileString(t: CompileStringTarget): LossHover | undefined {
  const entry = catalog.find(e => e.names[t.framework]?.includes(t.name));
  if (!entry) return undefined;
  let family: LossFamily | undefined;
  if (t.framework === 'keras') {
    const path = KERAS_LOSS_STRINGS.get(t.name);
    const spec = path ? LOSS_SPECS.get(path) : undefined;
    if (spec) family = spec.fromLogits ? spec.fromLogits.probs : spec.family;
  } else {
    family = TFJS_LOSS_STRINGS.get(t.name)?.family;
  }
  family ??= EXPECTS_BY_LOSS[entry.id];
  const params: ParamRow[] = [];
  const curveParams: Record<string, number> = {};
  const notes: string[] = [];
  for (const p of entry.params) {
    if (p.plotOnly) continue;
    params.push({ name: p.name, value: code(String(p.default)), source: 'default', note: 'default (a string cannot configure it)' });
  }
  if (entry.id === 'sigmoidFocalLoss') {
    curveParams.alpha = -1;
    notes.push(
      'The string form uses `apply_class_balancing=False`: no α weighting. Use `keras.losses.BinaryFocalCrossentropy(...)` to set γ and α.',
    );
  }
  if (t.framework === 'keras' && family && (family === 'cce-prob' || family === 'bce-prob')) {
    notes.push('A compile string always means `from_logits=False`: the model must end in the matching activation.');
  }
  let input: ArgumentKind | undefined;
  if (t.output) {
    const k = inferredKind(t.output);
    if (k.words)
      input = {
        text: 'the model output',
        plain: true,
        kind: k.words,
        fits: family ? fitsFamily(family, k.kind) : undefined,
        origin: k.origin?.label,
      };
  }
  return {
    type: 'loss',
    entry,
    label: `'${t.name}'`,
    origin: t.framework === 'keras' ? 'Keras compile string' : 'TensorFlow.js compile string',
    params,
    curveParams: curvable(entry, curveParams),
    expects: family ? EXPECTS[family] : undefined,
    input,
    notes,
    findings: [],
    span: t.span,
  };
}

export interface UserLossTarget {
  match: UserLossMatch;
  /** Text of the file that defines the loss (for default values). */
  defText: string;
  /** The call that configures it (constructor or function call), with its file's text. */
  config?: { args: readonly Arg[]; text: string; site?: CallSite; bindings?: Bindings };
  /** The value the analyzer inferred for the prediction argument at the call, when known. */
  input?: { text: string; value: Value };
  span: Span;
}

export function describeUserLoss(t: UserLossTarget): LossHover | undefined {
  const entry: CatalogEntry | undefined = getCatalogEntry(t.match.lossId);
  if (!entry) return undefined;
  const params: ParamRow[] = [];
  const curveParams: Record<string, number> = {};
  const notes: string[] = [];
  // Tensor parameters of loss functions (logits, targets) are not configuration.
  const configParams =
    t.match.form === 'function' ? t.match.params.filter(p => p.default !== null || t.match.mapping[p.name]) : t.match.params;
  const positionOf = (name: string) => t.match.params.findIndex(p => p.name === name);
  for (const p of configParams) {
    if (p.star) continue;
    const cat = t.match.mapping[p.name];
    const arg = t.config ? findArg(t.config.args, p.name, positionOf(p.name)) : undefined;
    if (arg && t.config) {
      if (cat) {
        const r = resolveNumber(arg.value, siteValue(t.config.site, arg), t.config.text, t.config.bindings);
        if (r.value !== undefined) curveParams[cat] = r.value;
        params.push({ name: p.name, ...r.row });
      } else {
        params.push({ name: p.name, ...writtenRow(arg.value, t.config.text) });
      }
      continue;
    }
    if (p.default) {
      const text = t.defText.slice(p.default.span.start, p.default.span.end);
      params.push({ name: p.name, value: code(text), source: 'default', note: 'default' });
      const n = literalNumber(p.default);
      if (cat && n !== undefined) curveParams[cat] = n;
    } else if (cat) {
      params.push({ name: p.name, value: '—', source: 'symbolic', note: 'required, no default' });
    }
  }
  if (entry.id === 'sigmoidFocalLoss' && !Object.values(t.match.mapping).includes('alpha')) {
    curveParams.alpha = -1;
    notes.push('No `alpha` parameter: plotted without α weighting.');
  }
  const mapped = Object.keys(t.match.mapping);
  const evidence = mapped.length ? ` and its ${mapped.map(m => code(m)).join(', ')} parameter${mapped.length > 1 ? 's' : ''}` : '';
  notes.push(`Recognised by its name${evidence} (a heuristic: the body is not checked).`);
  const family = EXPECTS_BY_LOSS[entry.id];
  let input: ArgumentKind | undefined;
  if (t.input) {
    const k = inferredKind(t.input.value);
    input = { text: t.input.text, kind: k.words, fits: family ? fitsFamily(family, k.kind) : undefined, origin: k.origin?.label };
  }
  return {
    type: 'loss',
    entry,
    label: t.match.name,
    origin: `user-defined ${t.match.form}`,
    params,
    curveParams: curvable(entry, curveParams),
    expects: family ? EXPECTS[family] : undefined,
    input,
    notes,
    findings: [],
    span: t.span,
  };
}
