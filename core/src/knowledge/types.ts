/** Knowledge types shared by hover, webview and command palette (docs/ARCHITECTURE.md "Contracts"). */

/** Catalog ids are the core loss function names, plus a few entries that are computed by one of them. */
export type LossId = string;

export type LossFamily = 'regression' | 'classification' | 'metric' | 'probabilistic' | 'generative';

/** The natural x-axis of a loss curve (see curve/specs.ts for what each loss plots). */
export type CurveAxis = 'error' | 'logit' | 'pt' | 'distance' | 'margin';

export type Framework = 'torch' | 'keras' | 'tfjs' | 'jax';

export interface LossParam {
  /** Option name as the core function spells it (camelCase torch keyword), or a plot setting. */
  name: string;
  default: number;
  /** Slider bounds: a sensible range to explore, not necessarily the loss's hard limits. */
  min: number;
  max: number;
  meaning: string;
  /** Slider step when only some values are valid (e.g. 1 for p ∈ {1, 2}); continuous when absent. */
  step?: number;
  /**
   * True for a setting of the plot (an input held fixed, a convention switch), which is not a
   * hyperparameter of the loss: do not emit it as a framework keyword.
   */
  plotOnly?: boolean;
}

/**
 * Names per framework, most idiomatic first (class, then functional form or compile string).
 * A framework with no such loss is left out.
 */
export type FrameworkNames = Partial<Record<Framework, readonly string[]>>;

export type SnippetForm = 'class' | 'functional' | 'compile' | 'custom';

/** One way to write a loss in a framework, in the template language of ./snippetRows. */
export interface SnippetRow {
  form: SnippetForm;
  /** What the row inserts, as shown in the QuickPick (e.g. `nn.CrossEntropyLoss`, `loss='mse'`). */
  label: string;
  template: string;
}

/**
 * Per framework, most idiomatic first; the first row is what "Insert" uses by default. JAX (optax) rows
 * exist only where optax has the loss or a one-line `jnp` form says it plainly.
 */
export type FrameworkSnippets = Record<Exclude<Framework, 'jax'>, readonly SnippetRow[]> & { readonly jax?: readonly SnippetRow[] };

export interface CatalogEntry {
  id: LossId;
  title: string;
  family: LossFamily;
  /** Per-sample formula in plain text (Unicode). */
  formula: string;
  latex: string;
  /** Per-sample gradient with respect to the model output, plain text. */
  gradient: string;
  /** The probabilistic model whose negative log-likelihood this loss is, when there is one. */
  likelihood?: string;
  whenToUse: string;
  whenNot: string;
  params: LossParam[];
  names: FrameworkNames;
  snippets: FrameworkSnippets;
  /** For entries without a core function of their own: the core function that computes them. */
  computedBy?: LossId;
  axis: CurveAxis;
}

export interface GuideLeaf {
  lossId: LossId;
  activation: string;
  why: string;
  alternatives: LossId[];
}

export interface GuideOption {
  label: string;
  description: string;
  next: GuideNode | GuideLeaf;
}

export interface GuideNode {
  id: string;
  question: string;
  options: GuideOption[];
}

export interface QuickReferenceRow {
  task: string;
  lossId: LossId;
  activation: string;
}

export interface CurveRange {
  min?: number;
  max?: number;
  /** Number of sample points, 512 by default. */
  n?: number;
}

export interface CurveResult {
  axis: CurveAxis;
  x: Float64Array;
  loss: Float64Array;
  /** d loss / d x at each sample point. */
  grad: Float64Array;
}

export function isGuideLeaf(next: GuideNode | GuideLeaf): next is GuideLeaf {
  return (next as GuideLeaf).lossId !== undefined;
}
