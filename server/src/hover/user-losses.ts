// Recognises hand-written losses (`class FocalLoss(nn.Module)`, `def huber_loss(pred, target, delta=1.0)`)
// as catalog losses. Heuristic, documented in docs: the class or function name must name the loss,
// and a loss with a characteristic hyperparameter must also take it (a `FocalLoss` without `gamma`
// is not assumed to be focal). The body is not checked: the name and the parameters are the claim
// the author makes, and the hover shows the catalog loss that claim refers to.
import type { ClassDef, FunctionDef, Param, Stmt } from '../ir';
import { calleeName, collectDefinitions } from './ir-walk';

export interface UserLossPattern {
  lossId: string;
  /** Tested against the name lowercased, without `_`. */
  name: RegExp;
  /** User parameter name → catalog parameter. */
  params: Record<string, string>;
  /** At least one of these parameter names must be present. */
  requires?: string[];
}

// Order matters: the first match wins (multi-class focal before binary focal).
export const USER_LOSS_PATTERNS: readonly UserLossPattern[] = [
  { lossId: 'softmaxFocalLoss', name: /focal/, params: { gamma: 'gamma' }, requires: ['gamma'] },
  { lossId: 'sigmoidFocalLoss', name: /focal/, params: { gamma: 'gamma', alpha: 'alpha' }, requires: ['gamma'] },
  { lossId: 'huberLoss', name: /huber/, params: { delta: 'delta' } },
  { lossId: 'smoothL1Loss', name: /smoothl1/, params: { beta: 'beta' } },
  {
    lossId: 'labelSmoothingCrossEntropy',
    name: /labelsmooth/,
    params: { smoothing: 'labelSmoothing', label_smoothing: 'labelSmoothing', epsilon: 'labelSmoothing', eps: 'labelSmoothing' },
    requires: ['smoothing', 'label_smoothing', 'epsilon', 'eps'],
  },
  { lossId: 'tripletMarginLoss', name: /triplet/, params: { margin: 'margin', p: 'p' }, requires: ['margin'] },
  {
    lossId: 'infoNce',
    name: /infonce|ntxent|supcon|contrastive/,
    params: { temperature: 'temperature', tau: 'temperature' },
    requires: ['temperature', 'tau'],
  },
  { lossId: 'contrastiveLoss', name: /contrastive/, params: { margin: 'margin' }, requires: ['margin'] },
  { lossId: 'mseLoss', name: /^(mse|meansquarederror|l2)(loss)?$/, params: {} },
  { lossId: 'l1Loss', name: /^(mae|l1|meanabsoluteerror)(loss)?$/, params: {} },
];

const MULTICLASS = /multiclass|softmax|categorical/;

export interface UserLossMatch {
  lossId: string;
  /** The parameters that configure the loss (constructor parameters without `self`, or the function's). */
  params: Param[];
  /** User parameter name → catalog parameter name. */
  mapping: Record<string, string>;
  /** 'class' when instances are called with the tensors. */
  form: 'class' | 'function';
  name: string;
}

function normalized(name: string): string {
  return name.toLowerCase().replace(/_/g, '');
}

const SOFTMAX_CALLS = new Set(['softmax', 'log_softmax', 'cross_entropy', 'logSoftmax', 'softmaxCrossEntropy']);
const SIGMOID_CALLS = new Set(['sigmoid', 'logsigmoid', 'binary_cross_entropy_with_logits', 'sigmoidCrossEntropy']);

/** Whether a body computes its probabilities with softmax (multi-class) rather than sigmoid. */
function usesSoftmax(body: readonly Stmt[]): boolean {
  const names = new Set(
    collectDefinitions({ language: 'python', body: body.slice(), syntaxErrors: [] }).calls.map(c => calleeName(c.callee)),
  );
  return [...SOFTMAX_CALLS].some(n => names.has(n)) && ![...SIGMOID_CALLS].some(n => names.has(n));
}

export function matchUserLoss(
  name: string,
  params: readonly Param[],
  form: 'class' | 'function',
  body: readonly Stmt[] = [],
): UserLossMatch | undefined {
  const n = normalized(name);
  const names = new Set(params.filter(q => !q.star).map(q => q.name));
  for (const pat of USER_LOSS_PATTERNS) {
    if (!pat.name.test(n)) continue;
    if (pat.lossId === 'softmaxFocalLoss' && !MULTICLASS.test(n) && !usesSoftmax(body)) continue;
    if (pat.requires && !pat.requires.some(r => names.has(r))) continue;
    const mapping: Record<string, string> = {};
    for (const [user, cat] of Object.entries(pat.params)) if (names.has(user)) mapping[user] = cat;
    return { lossId: pat.lossId, params: params.slice(), mapping, form, name };
  }
  return undefined;
}

/** The constructor parameters of a class body (`__init__` / `constructor`), without `self`. */
export function constructorParams(cls: ClassDef): Param[] | undefined {
  for (const s of cls.body) {
    if (s.k === 'func' && (s.def.name === '__init__' || s.def.name === 'constructor')) return withoutSelf(s.def);
  }
  return undefined;
}

export function withoutSelf(def: FunctionDef): Param[] {
  return def.params[0]?.name === 'self' ? def.params.slice(1) : def.params.slice();
}

export function matchUserClass(cls: ClassDef): UserLossMatch | undefined {
  return matchUserLoss(cls.name, constructorParams(cls) ?? [], 'class', cls.body);
}

export function matchUserFunction(def: FunctionDef): UserLossMatch | undefined {
  // Methods (`forward`, `__call__`) are not losses by name; their class is.
  if (def.params[0]?.name === 'self') return undefined;
  return matchUserLoss(def.name, def.params, 'function', def.body);
}
