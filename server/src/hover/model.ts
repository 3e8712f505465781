// What a loss hover says, independent of how it is rendered (Markdown with an image, text, tests).
import type { CatalogEntry } from '../../../core/src/index';
import type { Span } from '../ir';
import type { LiteralEvaluation } from './literal-eval';

export interface ParamRow {
  /** As the code spells it: `delta`, `label_smoothing`, `labelSmoothing (4th argument)`. */
  name: string;
  /** Markdown: the value as written (`0.5`), the default (`1.0`), or the symbol (`ls`). */
  value: string;
  source: 'written' | 'default' | 'symbolic';
  /** Extra words: `(default)`, `= 2 (from GAMMA)`, `not a literal: the plot uses 0`. */
  note?: string;
}

export interface ArgumentKind {
  /** The argument as written (`F.softmax(logits, dim=1)`, `out`), or a description when `plain`. */
  text: string;
  plain?: boolean;
  /** The analyzer's inferred kind in words, or undefined when it inferred nothing. */
  kind?: string;
  /** false: the kind contradicts what the loss expects; true: it matches; undefined: cannot tell. */
  fits?: boolean;
  /** Where the kind comes from (`F.softmax` on line 12). */
  origin?: string;
}

export interface FindingRef {
  code: string;
  name: string;
  message: string;
}

export interface LossHover {
  type: 'loss';
  entry: CatalogEntry;
  /** How the loss reads in the code: `nn.HuberLoss`, `'categorical_crossentropy'`, `FocalLoss` (user-defined). */
  label: string;
  /** 'PyTorch', 'Keras', 'TensorFlow', 'TensorFlow.js', or 'user-defined (recognised as …)'. */
  origin: string;
  params: ParamRow[];
  /** Values passed to core.curve: literal or default numbers for the catalog parameters. */
  curveParams: Record<string, number>;
  /** What the loss expects as its prediction argument. */
  expects?: string;
  input?: ArgumentKind;
  literal?: LiteralEvaluation;
  notes: string[];
  findings: FindingRef[];
  span: Span;
}

export interface RuleHover {
  type: 'rule';
  code: string;
  name: string;
  summary: string;
  what: string;
  why: string;
  href: string;
  span: Span;
}

export interface ActivationHover {
  type: 'activation';
  activation: string;
  loss: string;
  lossId?: string;
  explanation: string;
  /** A small table of numbers that make the mismatch concrete. */
  table?: { headers: string[]; rows: string[][] };
  findings: FindingRef[];
  span: Span;
}

export type HoverModel = LossHover | RuleHover | ActivationHover;
