// What a framework pack says about a framework: the data the interpreter, the rules and the hovers
// read. The engine holds no framework name of its own; everything it knows about `torch`, `keras`,
// `tf`, `tfjs` and `numpy` is in one `FrameworkPack` per folder of `server/src/frameworks/`.

/** What a tensor's numbers mean: the vocabulary of the value-kind analysis, which packs map APIs to. */
export type Kind =
  | 'logits'
  | 'probs-sigmoid'
  | 'probs-softmax'
  | 'log-probs'
  | 'log-sigmoid'
  | 'class-indices'
  | 'one-hot'
  | 'labels01'
  | 'labels-pm1'
  | 'bounded'
  | 'unknown';

/** The frameworks rules speak of (rule metadata, loss specs, messages). */
export type Framework = 'torch' | 'keras' | 'tf' | 'tfjs';

/** A pack: a framework, or an array library whose calls keep or produce kinds (numpy). */
export type PackId = Framework | 'numpy';

/** Where an argument is: its position, and the keywords that may name it. */
export interface ArgRef {
  pos: number;
  kw: string[];
}

export interface ActivationSpec {
  kind: Kind;
  /** softmax family: where the axis argument is */
  dim?: { pos: number; kw: string };
  /** what the activation is, for rules: softmax / log_softmax / sigmoid / logsigmoid */
  act: 'softmax' | 'log_softmax' | 'sigmoid' | 'logsigmoid' | 'other';
  /** The identity (`'linear'`): an activation layer given it passes its input's kind through (a float32 cast after a softmax). */
  identity?: boolean;
}

export interface LayerSpec {
  /** Kind the layer outputs; 'keep' = passes its input's kind through; 'linear' = unbounded (logits) unless an activation argument says otherwise. */
  out: Kind | 'keep' | 'linear';
  act?: ActivationSpec['act'];
  /** Argument holding the output size (Linear out_features, Dense units). */
  units?: { pos: number; kw: string };
  /** Argument holding the activation (Keras / TF.js). */
  activation?: { pos: number; kw: string };
  dim?: { pos: number; kw: string };
  /** Called without arguments, the layer outputs (batch, features): axis 1 of what follows is the units axis (`nn.Flatten()`). */
  flattens?: boolean;
  /** Argument holding a function the layer applies to its input (Keras `Lambda(fn)`). */
  fn?: { pos: number; kw: string };
}

/**
 * What a loss does to its prediction argument:
 * - softmax-ce: applies log-softmax itself (expects logits);
 * - sigmoid-ce: applies sigmoid itself (expects logits);
 * - bce-prob / cce-prob: expects probabilities (sigmoid / softmax outputs);
 * - nll: expects log-probabilities; kl: expects log-probabilities as input;
 * - regression: distance between prediction and target;
 * - pm1-margin: expects ±1 targets; hinge-01: TF.js hinge (maps {0,1} to ±1 itself).
 */
export type LossFamily =
  'softmax-ce' | 'sigmoid-ce' | 'bce-prob' | 'cce-prob' | 'nll' | 'kl' | 'regression' | 'pm1-margin' | 'hinge-01' | 'other';

/**
 * A configuration argument of a framework loss, in signature order, with the framework's own default
 * and the catalog parameter (core option) it feeds. `pos` is the argument's index in the call that
 * configures the loss: the constructor for classes, the loss call itself for functions (tensor
 * arguments included), so TF.js `tf.losses.huberLoss(labels, preds, undefined, 2)` reads δ = 2.
 */
export interface LossParam {
  /** As the framework spells it (`label_smoothing`, `labelSmoothing`). */
  name: string;
  pos?: number;
  /** The default as the framework writes it (`1.0`, `'mean'`, `None`). */
  default: string;
  /** The catalog parameter this argument sets (core option name). */
  catalog?: string;
  /** Only worth listing when written (deprecated or rarely set). */
  hidden?: boolean;
}

export interface LossSpec {
  /** Canonical symbol path (see symbols.ts). */
  path: string;
  framework: Framework;
  family: LossFamily;
  /** How the loss reads in messages: `nn.CrossEntropyLoss`, `F.cross_entropy`, `tf.losses.softmaxCrossEntropy`. */
  label: string;
  /** A class whose instances are called with the tensors (nn.*Loss, keras.losses.*) or a function called with them. */
  form: 'class' | 'function' | 'string';
  input: ArgRef;
  target?: ArgRef;
  /** Second prediction (MarginRankingLoss). */
  input2?: ArgRef;
  /** Keras: `from_logits` switches between the probability family and the logits family. */
  fromLogits?: { logits: LossFamily; probs: LossFamily };
  /** Targets are class indices (sparse CE, nll, CrossEntropyLoss) rather than one-hot / probabilities. */
  sparseTarget?: boolean;
  /** Core catalog id for hovers and numbers. */
  coreId?: string;
  /** Has PyTorch's `reduction` argument (and the deprecated size_average/reduce). */
  torchReduction?: boolean;
  /** The configuration arguments, in signature order (hovers list them with their values). */
  params: readonly LossParam[];
  /** The reduction when none is given, where it is not the mean (torchvision's focal loss sums nothing: 'none'). */
  defaultReduction?: string;
  /** An argument that must be True for α to weigh the classes (Keras `apply_class_balancing`). */
  alphaSwitch?: { name: string; pos: number };
  /**
   * The loss that takes logits instead (`nn.BCELoss` → `nn.BCEWithLogitsLoss`), for a rename fix;
   * `maxArgs`: beyond that many arguments the two signatures differ and no fix is offered.
   */
  withLogits?: { path: string; maxArgs?: number };
  /** For losses reduced their own way: the core reduction that reproduces a call on literal tensors. */
  literalReduction?: string;
}

/** A loss named by a string in `compile(loss='…')`. */
export interface LossStringSpec {
  family: LossFamily;
  coreId?: string;
  sparse?: boolean;
}

/** One step of canonicalising a dotted path: `tf.keras.X` → `keras.X`. */
export interface PathRewrite {
  from: string;
  to: string;
  /** Only as a prefix: the path equal to `from` without its dot stays. */
  prefixOnly?: boolean;
  /** Members of `from` that keep their path (TF1's `tf.losses.softmax_cross_entropy`). */
  except?: ReadonlySet<string>;
}

/** An imported module name that belongs to the pack, and the canonical root it maps to. */
export interface ImportRoot {
  /** The module as imported: `tensorflow`, `@tensorflow/tfjs` (with `prefix`, any module starting so). */
  module: string;
  /** The canonical root: `tf`, `tfjs`. */
  root: string;
  /** Every module starting with `module` is the root itself (`@tensorflow/tfjs-node` → `tfjs`). */
  prefix?: boolean;
}

/** A model container: calling it runs its layers in order. */
export interface ContainerSpec {
  /** Where the layers are: every positional argument (`nn.Sequential(a, b)`) or one list argument. */
  layers: 'positional' | ArgRef;
  /** The method that appends a layer (`model.add(...)`). */
  add?: string;
}

/** A model defined by its inputs and outputs (`keras.Model(inputs, outputs)`): calling it gives `output`. */
export interface FunctionalModelSpec {
  output: ArgRef;
}

/** What compiling a model takes (Keras `model.compile(loss=...)`, TF.js `model.compile({loss})`). */
export interface CompileSpec {
  loss: ArgRef;
  /** Model methods that train it: `fit(x, y)` with the labels at `y`. */
  fit: { method: string; y: ArgRef };
}

/** The APIs messages and fixes recommend, as the framework spells them. */
export interface Advice {
  /** The exact log of a softmax (`log_softmax`, `tf.logSoftmax`). */
  logSoftmax?: string;
  /** The exact log of a sigmoid (`F.logsigmoid`, `tf.logSigmoid`). */
  logSigmoid?: string;
  /** Binary cross-entropy on logits, as a loss object and as a function. */
  bceWithLogits?: { class: string; function: string };
  /** The module of functional ops and the name code usually gives it (`import torch.nn.functional as F`). */
  functional?: { module: string; alias: string };
  /** The probability losses that take `from_logits=True`. */
  fromLogitsLosses?: { binary: string; categorical: string; sparseCategorical: string };
  /** Softmax cross-entropy on logits, as code calls it (`F.cross_entropy`, `tf.nn.softmax_cross_entropy_with_logits`). */
  crossEntropyWithLogits?: string;
  /** The multi-label loss on logits, as messages name it (`BCEWithLogitsLoss`). */
  multiLabel?: string;
  /** What a binary classifier with one output unit should use, as a phrase for messages. */
  binaryHead?: string;
  /** What the framework itself does when a loss applies an activation the model already applied (a sentence). */
  activationTwice?: string;
}

export interface FrameworkPack {
  id: PackId;
  /** The framework rules and messages name; undefined for array libraries (numpy). */
  framework?: Framework;
  /**
   * What a file's text contains when it may use the pack (regular-expression sources): whole-repository
   * runs do not parse a file that names no framework (lint/precheck.ts).
   */
  markers?: readonly string[];
  /** The source language of the pack's code: tensor methods in a file of that language belong to its packs. */
  language: 'python' | 'typescript';
  /** Canonical roots of the pack's paths (`torch`, `torchvision`). */
  roots: readonly string[];
  /** Modules whose import binds a framework symbol. */
  imports: readonly ImportRoot[];
  /** Applied in order (all packs' lists, in registry order), then `aliases`. */
  rewrites?: readonly PathRewrite[];
  /** Whole paths that are another path (`tf.softmax` → `tf.nn.softmax`), after the rewrites. */
  aliases?: ReadonlyMap<string, string>;
  /** Functions that produce a kind (activations, one-hot, argmax). */
  activations?: ReadonlyMap<string, ActivationSpec>;
  /** Tensor methods that produce a kind (`x.softmax(1)`), dispatched on the method name. */
  activationMethods?: ReadonlyMap<string, ActivationSpec>;
  /** Activation names accepted by `activation=` arguments of the pack's layers. */
  activationNames?: ReadonlyMap<string, ActivationSpec>;
  /** Functions whose result has the kind of their first argument (shape, dtype and device changes, clamping). */
  kindKeeping?: readonly string[];
  /** Tensor methods that keep the kind. */
  kindKeepingMethods?: readonly string[];
  /** Names (method or function tail) of kind-keeping operations that clamp: they guard a log, and bound logits. */
  clampOps?: readonly string[];
  /** Names of kind-keeping operations that change the shape: the class-axis size is lost. */
  shapeOps?: readonly string[];
  /** Shape operations that flatten every axis when given no shape (`p.flatten()`); `view(-1)`-style shapes are read as such too. */
  flattenOps?: readonly string[];
  /**
   * Means over an axis, with where the axis argument is (`torch.mean(p, dim=0)`, `tf.reduce_mean(p, axis=0)`):
   * over the batch axis (0) the mean of probability rows is a probability row.
   */
  means?: ReadonlyMap<string, ArgRef>;
  /** Tensor methods that take a mean over an axis (`p.mean(0)`); methods of several packs merge their keywords. */
  meanMethods?: ReadonlyMap<string, ArgRef>;
  /**
   * Matrix products (`torch.bmm(w, v)`; Python's `@` is one too): rows of weights that sum to 1 times rows
   * of distributions give distributions (an attention-weighted sum of one-hot or probability rows).
   */
  matrixProducts?: readonly string[];
  matrixProductMethods?: readonly string[];
  /** Elementwise log and exp. */
  logFunctions?: readonly string[];
  expFunctions?: readonly string[];
  layers?: ReadonlyMap<string, LayerSpec>;
  containers?: ReadonlyMap<string, ContainerSpec>;
  functionalModels?: ReadonlyMap<string, FunctionalModelSpec>;
  /** Methods of a model object (container, functional model, layer) that call it. */
  modelCallMethods?: readonly string[];
  /** Base classes whose subclasses are models trained with `compile`/`fit` (`keras.Model`). */
  modelBases?: readonly string[];
  compile?: CompileSpec;
  /** Module methods that return the module itself (`model.to(device)`, `model.eval()`). */
  selfReturningMethods?: readonly string[];
  /** Wrappers that run the module they are given (`nn.DataParallel(model)`): calling them calls it. */
  wrappers?: ReadonlyMap<string, ArgRef>;
  /** Functions that call the function they are given and return its result (`tf.tidy(() => …)`). */
  callThrough?: readonly string[];
  /** Tensor factories; `fromData`: the first argument holds the values (`torch.tensor(x)`). */
  tensorFactories?: ReadonlyMap<string, { fromData?: boolean }>;
  /** `torch.randint(low, high, …)`-style integer samplers: class indices, or {0,1} labels for high = 2. */
  randomIntegers?: readonly string[];
  /**
   * Samplers that draw integers when their `dtype` argument is one of `integerDtypes`
   * (`tf.random.uniform(shape, maxval=10, dtype=tf.int32)`): where the upper bound is.
   */
  integerSamplers?: ReadonlyMap<string, { high: ArgRef; dtype: ArgRef }>;
  /** Integer dtypes, as symbols (`tf.int32`) or strings (`'int32'`). */
  integerDtypes?: readonly string[];
  /** Loaders of labelled datasets returning `((x_train, y_train), (x_test, y_test))`, with the labels' kind (`keras.datasets.mnist.load_data`). */
  datasets?: ReadonlyMap<string, Kind>;
  /** Constructors from a literal (`torch.tensor([0, 1])`, `np.array(...)`): the literal decides the kind. */
  literalTensors?: readonly string[];
  /** Framework calls take their options as one object literal whose properties act as keywords (TF.js). */
  optionsObject?: boolean;
  /**
   * Where a softmax without an axis argument normalises: 'default-last' (Keras, TF, TF.js); 'explicit-last'
   * (PyTorch: only `dim=-1` says the last axis — `dim=1` is the time axis of a 3-D input).
   */
  softmaxAxis?: 'default-last' | 'explicit-last';
  /** How a path reads in a message (`torch.nn.` → `nn.`), first match. */
  shortNames?: readonly (readonly [prefix: string, replacement: string])[];
  /** Activations whose axis the framework guesses from the input's rank when it is not given (deprecated). */
  implicitAxis?: readonly string[];
  advice?: Advice;
  losses?: readonly LossSpec[];
  /** `compile(loss='…')` strings: the loss spec path each names (undefined: known, not modelled). */
  compileLossPaths?: ReadonlyMap<string, string | undefined>;
  /** `compile({loss: '…'})` strings described directly (TF.js layers). */
  compileLossStrings?: ReadonlyMap<string, LossStringSpec>;
}
