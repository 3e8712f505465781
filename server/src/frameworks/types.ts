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
  /** Rows of class probabilities made from labels (Mixup/CutMix targets): soft, float, one row per sample. */
  | 'soft-targets'
  | 'unknown';

/** A tensor's element type, as far as rules need it: integer, boolean or floating point. */
export type DtypeClass = 'int' | 'bool' | 'float';

/** The bounds of an elementwise operation's output (ReLU: [0, ∞), tanh: [−1, 1]). */
export type ValueRange = readonly [lo: number, hi: number];

/**
 * An operation whose effect on a tensor's shape the engine follows: `reshape` (the new sizes), `squeeze` /
 * `unsqueeze` (one axis; squeeze without it drops every axis of size 1), `flatten` (to one axis, or from
 * a start axis). `arg`: where the sizes or the axis are (a function's tensor is its position 0);
 * `varargs`: the sizes are the positional arguments from `arg.pos` on (`x.view(-1, 1)`).
 */
export interface ShapeOpSpec {
  op: 'reshape' | 'squeeze' | 'unsqueeze' | 'flatten';
  arg?: ArgRef;
  varargs?: boolean;
}

/** Where a tensor factory's shape and dtype are, and the dtype it makes when none is given. */
export interface FactorySpec {
  /** The first argument holds the values (`torch.tensor(x)`). */
  fromData?: boolean;
  /** The sizes: the positional arguments from `pos` on or one tuple there (`torch.zeros(n, 1)`, `torch.zeros((n, 1))`), or the keyword. */
  shape?: ArgRef;
  dtype?: ArgRef;
  /** The dtype without a `dtype` argument. */
  defaultDtype?: DtypeClass;
}

/** The frameworks rules speak of (rule metadata, loss specs, messages). */
export type Framework = 'torch' | 'keras' | 'tf' | 'tfjs' | 'jax' | 'smp' | 'monai' | 'timm';

/**
 * A pack: a framework, a library of one (Flax and optax speak JAX: their framework is 'jax'; TensorFlow
 * Datasets feeds TensorFlow), or an array library whose calls keep or produce kinds (numpy).
 */
export type PackId = Framework | 'flax' | 'optax' | 'numpy' | 'tfds';

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
  /** An elementwise function whose output lies in this range (ReLU, tanh): its output's kind is unknown. */
  range?: ValueRange;
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
  /**
   * When the output is not one tensor of the layer's kind: any of `keywords` given a value other than
   * None/False (smp `aux_params` returns a tuple, timm `features_only` feature maps), more than
   * `positional` positional arguments (signatures that differ between models), or a units argument of 0
   * (timm `num_classes=0` returns pooled features).
   */
  opaque?: { keywords?: readonly string[]; positional?: number };
  /** Argument holding a function the layer applies to its input (Keras `Lambda(fn)`). */
  fn?: { pos: number; kw: string };
  /** An elementwise activation layer whose output lies in this range (`nn.ReLU`, `nn.Tanh`). */
  range?: ValueRange;
}

/**
 * What a loss does to its prediction argument:
 * - softmax-ce: applies log-softmax itself (expects logits);
 * - sigmoid-ce: applies sigmoid itself (expects logits);
 * - bce-prob / cce-prob: expects probabilities (sigmoid / softmax outputs);
 * - nll: expects log-probabilities; kl: expects log-probabilities as input;
 * - regression: distance between prediction and target;
 * - pm1-margin: expects ±1 targets; hinge-01: TF.js hinge (maps {0,1} to ±1 itself);
 * - probs-any: expects probabilities of either activation and applies none (Dice, Jaccard, Tversky; smp
 *   losses with from_logits=False).
 */
export type LossFamily =
  'softmax-ce' | 'sigmoid-ce' | 'bce-prob' | 'cce-prob' | 'nll' | 'kl' | 'regression' | 'pm1-margin' | 'hinge-01' | 'probs-any' | 'other';

/** A boolean argument of a loss that, when True, makes it apply an activation itself (MONAI `sigmoid=True`). */
export interface ActivationSwitch {
  name: string;
  pos: number;
  /** The family when the switch is True. */
  family: LossFamily;
}

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
  /**
   * `from_logits` switches between the probability family and the logits family (Keras: a keyword,
   * False by default; smp: `pos` in the constructor, True by default).
   */
  fromLogits?: { logits: LossFamily; probs: LossFamily; pos?: number; default?: boolean };
  /**
   * The families per value of a mode argument (smp `mode='multiclass'` applies softmax, 'binary' and
   * 'multilabel' sigmoid); another or unknown mode: 'other'.
   */
  modes?: { name: string; pos: number; families: Readonly<Record<string, { logits: LossFamily; probs: LossFamily }>> };
  /** Arguments that make the loss apply an activation when True (MONAI `sigmoid=`, `softmax=`); none True: `family`. */
  activationSwitches?: readonly ActivationSwitch[];
  /** Only class-index targets make sense (timm `LabelSmoothingCrossEntropy` gathers the target's log-probability). */
  hardTargets?: boolean;
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
  /**
   * Prediction and target of different shapes are broadcast against each other, not matched by rank
   * (PyTorch's elementwise losses only warn): (N, 1) against (N,) computes N × N differences.
   */
  broadcastsTarget?: boolean;
  /**
   * Weight arguments by what they weigh: `perClass`, one entry per class of the prediction's last axis
   * (CrossEntropyLoss `weight`, BCEWithLogitsLoss `pos_weight`); `perElement`, broadcast over the
   * prediction's elements (BCELoss `weight`).
   */
  weights?: { perClass?: string; perElement?: string };
  /** Class-index targets, but a floating-point target of the prediction's shape is read as class probabilities (PyTorch ≥ 1.10 CrossEntropyLoss). */
  floatTargetsAreProbabilities?: boolean;
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
  fit: { method: string; y: ArgRef; classWeight?: ArgRef };
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
  /** What to do when a loss that wants one-hot targets gets integer class ids (a clause after a colon). */
  integerLabels?: string;
  /** How the framework's probability losses are told their input is logits (`pass from_logits=True`). */
  logitsSwitch?: string;
  /** How the framework's losses that activate themselves are told the input is already activated (a sentence). */
  probsSwitch?: string;
  /** What the framework's losses do with a softmax switch over a single channel (a sentence). */
  singleChannelSoftmax?: string;
  /** The loss for soft (mixed) targets, as code names it (`SoftTargetCrossEntropy`). */
  softTargetLoss?: string;
  /** Cross-entropy over K logits with integer class-id targets, as messages name it. */
  sparseCrossEntropy?: string;
  /** The method call that drops a last axis of size 1, appended to an expression (`.squeeze(-1)`). */
  squeezeLast?: string;
}

/**
 * How a module is run with its parameters (Flax linen `model.apply(variables, x, …)`): the method, how
 * many leading positional arguments are not the module's own (`variables`), keywords that make it run
 * another method (`method=`, unknown result), keywords that make it return `(output, state)`
 * (`mutable=`), and keywords it consumes itself.
 */
export interface ApplyConvention {
  method: string;
  skip: number;
  otherMethod: readonly string[];
  withState: readonly string[];
  consumed: readonly string[];
}

/** A framework object that keeps its keyword arguments as attributes (Flax `TrainState.create(apply_fn=…)`). */
export interface RecordSpec {
  /** Methods returning a copy with the keywords given replaced (`state.replace(…)`, `state.apply_gradients(grads=…)`). */
  copies: readonly string[];
}

export interface DatasetLoaderSpec {
  name: ArgRef;
  supervised: string;
  split: ArgRef;
  withInfo: string;
  labelKey: string;
  labels: ReadonlyMap<string, Kind>;
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
  axisMeanMethods?: ReadonlyMap<string, ArgRef>;
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
  /** Tensor methods that take gradients of the tensor (`loss.backward()`): the tensor is what training minimises. */
  gradientMethods?: readonly string[];
  /**
   * Functions that take gradients of an argument: a tensor (`torch.autograd.grad(loss, params)`), or a
   * function whose result is differentiated (`callable`: `tf.grad(f)`, `tf.variableGrads(() => loss)`).
   */
  gradientFunctions?: ReadonlyMap<string, { arg: number; callable?: boolean }>;
  /**
   * Dataset loaders (`tfds.load`): the labels of the named datasets, as (features, label) pairs when
   * `supervised` is true, else as the `labelKey` entry of a features dict; `split` as a list gives one
   * dataset per split, `withInfo` a (dataset, info) pair.
   */
  datasetLoaders?: ReadonlyMap<string, DatasetLoaderSpec>;
  /** Datasets made from tensors (`tf.data.Dataset.from_tensor_slices((x, y))`): an element is the argument's structure. */
  datasetFactories?: readonly string[];
  /** Dataset methods that return the dataset (`batch`, `shuffle`); `map` runs its function on an element. */
  datasetMethods?: readonly string[];
  /** Element-wise products written as calls (`tf.mul(a, b)`) and as tensor methods (`a.mul(b)`): see Place.product. */
  productFunctions?: readonly string[];
  productMethods?: readonly string[];
  /**
   * Transforms returning a function that runs the one they are given with the caller's arguments but
   * returns something else (`jax.grad(f)`, `jax.value_and_grad(f)`: gradients): its result is unknown.
   */
  gradientTransforms?: ReadonlyMap<string, ArgRef>;
  /** Base classes of modules run through `apply` and set up by `setupMethod` (Flax `linen.Module`). */
  moduleBases?: readonly string[];
  /** How the pack's modules (subclasses of `moduleBases`, and its containers) are applied. */
  apply?: ApplyConvention;
  /** A method run on a new instance of a `moduleBases` subclass after its constructor (linen `setup`). */
  setupMethod?: string;
  /** Constructors whose keyword arguments become the object's attributes (`TrainState.create`). */
  records?: ReadonlyMap<string, RecordSpec>;
  /** Tensor classes as type annotations name them (`x: torch.Tensor`): such a parameter is a tensor. */
  tensorTypes?: readonly string[];
  /** Tensor factories: where their values, shape and dtype are. */
  tensorFactories?: ReadonlyMap<string, FactorySpec>;
  /** Shape operations the engine follows, as tensor methods (`x.view(-1)`) by name and as functions by path. */
  shapeMethods?: ReadonlyMap<string, ShapeOpSpec>;
  shapeFunctions?: ReadonlyMap<string, ShapeOpSpec>;
  /** Tensor methods that cast to a dtype class (`x.long()`, `x.float()`). */
  dtypeMethods?: ReadonlyMap<string, DtypeClass>;
  /** Casts given the dtype as an argument: methods by name (`x.to(torch.long)`, `a.astype('float32')`), functions by path (`tf.cast`). */
  castMethods?: ReadonlyMap<string, ArgRef>;
  castFunctions?: ReadonlyMap<string, ArgRef>;
  /** Floating-point and boolean dtypes, as symbols or strings (integer ones are `integerDtypes`). */
  floatDtypes?: readonly string[];
  boolDtypes?: readonly string[];
  /** Clamping operations with a lower and an upper bound argument: methods by name, functions by path. */
  clampBounds?: ReadonlyMap<string, { min: ArgRef; max: ArgRef }>;
  /** The loss option and values that ask for one loss per element (`reduction='none'`). */
  unreducedLoss?: { option: string; values: readonly string[] };
  /** Means over every element: functions by path, tensor methods by name (`x.mean()`). */
  meanFunctions?: readonly string[];
  meanMethods?: readonly string[];
  /** Where the class count of a one-hot encoder is (`F.one_hot(x, num_classes)`), by path. */
  oneHotClasses?: ReadonlyMap<string, ArgRef>;
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
  /** Batch mixers (timm `Mixup`, torchvision `v2.MixUp`): calling one returns `(inputs, soft targets)`. */
  mixers?: ReadonlyMap<string, MixerSpec>;
}

/** A batch mixer: its objects are called with `(inputs, labels)` and return the inputs mixed and soft targets. */
export interface MixerSpec {
  /** How messages name it (`timm.data.Mixup`). */
  label: string;
  /** The label smoothing it applies to the targets it makes, and its default (timm: 0.1); none: it does not smooth. */
  smoothing?: { name: string; pos: number; default: number };
}
