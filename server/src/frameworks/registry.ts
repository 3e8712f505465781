// The framework packs LossLens knows, and the lookup tables the interpreter, rules and hovers read,
// merged from them once. Adding a framework = one folder + one line in PACKS.
import type {
  ActivationSpec,
  Advice,
  ApplyConvention,
  ArgRef,
  PackId,
  CompileSpec,
  ContainerSpec,
  Framework,
  FrameworkPack,
  FunctionalModelSpec,
  ImportRoot,
  LayerSpec,
  LossSpec,
  LossStringSpec,
  MixerSpec,
  PathRewrite,
  RecordSpec,
} from './types';
import { torchPack } from './torch';
import { tfPack } from './tf';
import { kerasPack } from './keras';
import { tfjsPack } from './tfjs';
import { numpyPack } from './numpy';
import { tfdsPack } from './tfds';
import { jaxPack } from './jax';
import { flaxPack } from './flax';
import { optaxPack } from './optax';
import { smpPack } from './smp';
import { monaiPack } from './monai';
import { timmPack } from './timm';

/** In order: path rewrites run in this order, and loss tables list in it. */
export const PACKS: readonly FrameworkPack[] = [
  torchPack,
  tfPack,
  kerasPack,
  tfjsPack,
  numpyPack,
  tfdsPack,
  jaxPack,
  flaxPack,
  optaxPack,
  smpPack,
  monaiPack,
  timmPack,
];

function mapOf<V>(
  pick: (p: FrameworkPack) => ReadonlyMap<string, V> | readonly (readonly [string, V])[] | undefined,
): ReadonlyMap<string, V> {
  const out = new Map<string, V>();
  for (const p of PACKS)
    for (const [k, v] of pick(p) ?? []) {
      if (out.has(k)) throw new Error(`framework packs: ${k} is defined twice`);
      out.set(k, v);
    }
  return out;
}

function mergedArgRefs(pick: (p: FrameworkPack) => ReadonlyMap<string, ArgRef> | undefined): ReadonlyMap<string, ArgRef> {
  const out = new Map<string, ArgRef>();
  for (const p of PACKS)
    for (const [k, v] of pick(p) ?? []) {
      const had = out.get(k);
      if (had && had.pos !== v.pos) throw new Error(`framework packs: method ${k} takes its argument at two positions`);
      out.set(k, { pos: v.pos, kw: [...new Set([...(had?.kw ?? []), ...v.kw])] });
    }
  return out;
}

function setOf(pick: (p: FrameworkPack) => readonly string[] | undefined): ReadonlySet<string> {
  const out = new Set<string>();
  for (const p of PACKS) for (const k of pick(p) ?? []) out.add(k);
  return out;
}

export const LOSS_SPECS: ReadonlyMap<string, LossSpec> = mapOf(p => (p.losses ?? []).map(s => [s.path, s] as const));
export const ACTIVATION_FUNCTIONS: ReadonlyMap<string, ActivationSpec> = mapOf(p => p.activations);
/** Tensor methods (`x.softmax(1)`, `logits.sigmoid()`): tensors carry no framework, so every pack's apply. */
export const ACTIVATION_METHODS: ReadonlyMap<string, ActivationSpec> = mapOf(p => p.activationMethods);
export const KIND_KEEPING_FUNCTIONS = setOf(p => p.kindKeeping);
export const KIND_KEEPING_METHODS = setOf(p => p.kindKeepingMethods);
export const CLAMP_OPS = setOf(p => p.clampOps);
export const SHAPE_OPS = setOf(p => p.shapeOps);
export const FLATTEN_OPS = setOf(p => p.flattenOps);
export const MEANS: ReadonlyMap<string, ArgRef> = mapOf(p => p.means);
/** Tensor methods carry no framework: every pack's apply, the keywords that name the axis merged. */
export const AXIS_MEAN_METHODS: ReadonlyMap<string, ArgRef> = mergedArgRefs(p => p.axisMeanMethods);
export const MATRIX_PRODUCTS = setOf(p => p.matrixProducts);
export const MATRIX_PRODUCT_METHODS = setOf(p => p.matrixProductMethods);
export const LOG_FUNCTIONS = setOf(p => p.logFunctions);
export const EXP_FUNCTIONS = setOf(p => p.expFunctions);
export const LAYERS: ReadonlyMap<string, LayerSpec> = mapOf(p => p.layers);
export const CONTAINERS: ReadonlyMap<string, ContainerSpec> = mapOf(p => p.containers);
export const FUNCTIONAL_MODELS: ReadonlyMap<string, FunctionalModelSpec> = mapOf(p => p.functionalModels);
export const MODEL_BASES = setOf(p => p.modelBases);
/** Module methods that return the module itself; user classes carry no framework, so every pack's apply. */
export const SELF_RETURNING_METHODS = setOf(p => p.selfReturningMethods);
export const WRAPPERS = mapOf(p => p.wrappers);
export const CALL_THROUGH = setOf(p => p.callThrough);
/** Tensor methods that take gradients; tensors carry no framework, so every pack's apply. */
export const TENSOR_TYPES = setOf(p => p.tensorTypes);
export const GRADIENT_METHODS = setOf(p => p.gradientMethods);
export const GRADIENT_FUNCTIONS = mapOf(p => p.gradientFunctions);
export const DATASET_LOADERS = mapOf(p => p.datasetLoaders);
export const DATASET_FACTORIES = setOf(p => p.datasetFactories);
export const DATASET_METHODS = setOf(p => p.datasetMethods);
export const PRODUCT_FUNCTIONS = setOf(p => p.productFunctions);
export const PRODUCT_METHODS = setOf(p => p.productMethods);
export const GRADIENT_TRANSFORMS = mapOf(p => p.gradientTransforms);
export const MODULE_BASES = setOf(p => p.moduleBases);
export const RECORDS: ReadonlyMap<string, RecordSpec> = mapOf(p => p.records);
export const TENSOR_FACTORIES = mapOf(p => p.tensorFactories);
export const SHAPE_METHODS = mapOf(p => p.shapeMethods);
export const SHAPE_FUNCTIONS = mapOf(p => p.shapeFunctions);
export const DTYPE_METHODS = mapOf(p => p.dtypeMethods);
export const CAST_METHODS = mapOf(p => p.castMethods);
export const CAST_FUNCTIONS = mapOf(p => p.castFunctions);
export const FLOAT_DTYPES = setOf(p => p.floatDtypes);
export const BOOL_DTYPES = setOf(p => p.boolDtypes);
export const CLAMP_BOUNDS = mapOf(p => p.clampBounds);
export const MEAN_FUNCTIONS = setOf(p => p.meanFunctions);
export const MEAN_METHODS = setOf(p => p.meanMethods);
export const ONE_HOT_CLASSES = mapOf(p => p.oneHotClasses);
export const RANDOM_INTEGERS = setOf(p => p.randomIntegers);
export const INTEGER_SAMPLERS = mapOf(p => p.integerSamplers);
export const INTEGER_DTYPES = setOf(p => p.integerDtypes);
export const DATASETS = mapOf(p => p.datasets);
export const LITERAL_TENSORS = setOf(p => p.literalTensors);
export const IMPORT_ROOTS: readonly ImportRoot[] = PACKS.flatMap(p => p.imports);
export const PATH_REWRITES: readonly PathRewrite[] = PACKS.flatMap(p => p.rewrites ?? []);
export const PATH_ALIASES: ReadonlyMap<string, string> = mapOf(p => p.aliases);
export const MIXERS: ReadonlyMap<string, MixerSpec> = mapOf(p => p.mixers);

/** Text that marks a file as ML code: every pack's markers. */
export const FRAMEWORK_MARKERS: RegExp = new RegExp(PACKS.flatMap(p => p.markers ?? []).join('|'));

/** `compile(loss='…')` strings per framework (Keras: the loss spec path each names). */
export const KERAS_LOSS_STRINGS: ReadonlyMap<string, string | undefined> = mapOf(p => p.compileLossPaths);
export const TFJS_LOSS_STRINGS: ReadonlyMap<string, LossStringSpec> = mapOf(p => p.compileLossStrings);

const byRoot = new Map<string, FrameworkPack>();
for (const p of PACKS) for (const r of p.roots) byRoot.set(r, p);
const packOfPath = new Map<string, FrameworkPack | undefined>();

/** The pack a canonical path belongs to (`torch.nn.Linear` → torch), by its first segment. */
export function packOf(path: string): FrameworkPack | undefined {
  let p = packOfPath.get(path);
  if (p === undefined && !packOfPath.has(path)) {
    const dot = path.indexOf('.');
    p = byRoot.get(dot < 0 ? path : path.slice(0, dot));
    if (packOfPath.size > 10_000) packOfPath.clear();
    packOfPath.set(path, p);
  }
  return p;
}

/** The framework a canonical path belongs to, for messages and events. */
export function frameworkOf(path: string): Framework | undefined {
  return packOf(path)?.framework;
}

/**
 * The framework of a tensor method (`x.softmax(1)`, `p.log()`) in a file of `language`: the one framework
 * of that language whose pack defines the method, else the language's only framework; undefined when
 * several could be meant.
 */
export function frameworkOfMethod(name: string, language: FrameworkPack['language'] | undefined): Framework | undefined {
  const own = PACKS.filter(p => p.framework && p.language === language);
  const defining = new Set(own.filter(p => p.activationMethods?.has(name)).map(p => p.framework));
  if (defining.size === 1) return [...defining][0];
  const all = new Set(own.map(p => p.framework));
  return all.size === 1 ? [...all][0] : undefined;
}

/** Activations whose axis is guessed when not given (`F.softmax(x)`). */
export const IMPLICIT_AXIS = setOf(p => p.implicitAxis);

const byId = new Map(PACKS.map(p => [p.id, p]));

/** What a framework's messages recommend (`advice(framework).logSoftmax`). */
export function advice(id: PackId): Advice {
  return byId.get(id)?.advice ?? {};
}

/** How a canonical path reads in a message: `torch.nn.functional.softmax` → `F.softmax`. */
export function shortName(path: string): string {
  for (const [prefix, replacement] of packOf(path)?.shortNames ?? []) {
    if (path.startsWith(prefix)) return replacement + path.slice(prefix.length);
  }
  return path;
}

/** How a module of the pack that defines `path` (a module base class, a container) is applied with its parameters. */
export function applyConventionOf(path: string): ApplyConvention | undefined {
  return packOf(path)?.apply;
}

/** The setup method of subclasses of the module base `path` (linen `setup`). */
export function setupMethodOf(path: string): string | undefined {
  return packOf(path)?.setupMethod;
}

/** The compile convention of the model a path makes (`keras.Sequential` → Keras's). */
export function compileSpecOf(path: string): { spec: CompileSpec; framework: Framework; optionsObject: boolean } | undefined {
  const p = packOf(path);
  return p?.compile && p.framework ? { spec: p.compile, framework: p.framework, optionsObject: !!p.optionsObject } : undefined;
}
