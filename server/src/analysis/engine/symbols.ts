// Canonical names for framework symbols, so that `tf.keras.layers.Dense`, `keras.layers.Dense` and
// `from tensorflow.keras.layers import Dense` all reach one API table entry.

/** The canonical root of an imported module, or undefined when it is not a framework LossLens knows. */
export function frameworkModule(module: string): string | undefined {
  if (module.startsWith('@tensorflow/tfjs')) return 'tfjs';
  const first = module.split('.')[0];
  switch (first) {
    case 'torch':
    case 'torchvision':
    case 'keras':
    case 'numpy':
      return normalizePath(module);
    case 'tensorflow':
      return normalizePath('tf' + module.slice('tensorflow'.length));
    case 'tf_keras':
      return normalizePath('keras' + module.slice('tf_keras'.length));
    default:
      return undefined;
  }
}

export const PATH_REWRITES: readonly [string, string][] = [
  ['tf.keras.', 'keras.'],
  ['tf.compat.v1.', 'tf.'],
  ['tf.compat.v2.', 'tf.'],
  ['keras.src.', 'keras.'],
  ['keras.models.Sequential', 'keras.Sequential'],
  ['keras.models.Model', 'keras.Model'],
  ['keras.engine.', 'keras.'],
  ['tf.math.', 'tf.'],
  ['torch.special.expit', 'torch.sigmoid'],
  ['torch.nn.functional.sigmoid', 'torch.sigmoid'],
  ['torch.nn.functional.tanh', 'torch.tanh'],
  ['torch.nn.modules.loss.', 'torch.nn.'],
  ['torch.nn.modules.activation.', 'torch.nn.'],
  ['torch.nn.modules.linear.', 'torch.nn.'],
  ['torch.nn.modules.container.', 'torch.nn.'],
  ['torchvision.ops.focal_loss.', 'torchvision.ops.'],
  ['tfjs.layers.activation', 'tfjs.layers.activation'],
];

const normalized = new Map<string, string>();

/** Rewrites aliases to one canonical dotted path. */
export function normalizePath(path: string): string {
  // Every attribute read on a framework symbol lands here (several per line of TF.js code, on every
  // keystroke): the set of paths a workspace uses is small, so each is rewritten once.
  let out = normalized.get(path);
  if (out === undefined) {
    out = rewrite(path);
    if (normalized.size > 50_000) normalized.clear();
    normalized.set(path, out);
  }
  return out;
}

const members = new Map<string, Map<string, string>>();

/** normalizePath(`${path}.${name}`), without building the joined string again for every attribute read. */
export function memberPath(path: string, name: string): string {
  let byName = members.get(path);
  if (byName === undefined) {
    if (members.size > 10_000) members.clear();
    members.set(path, byName = new Map());
  }
  let out = byName.get(name);
  if (out === undefined) byName.set(name, out = normalizePath(`${path}.${name}`));
  return out;
}

function rewrite(path: string): string {
  if (path === 'tf.keras') return 'keras';
  for (const [from, to] of PATH_REWRITES) {
    if (path === from.replace(/\.$/, '')) return to.replace(/\.$/, '');
    if (path.startsWith(from)) path = to + path.slice(from.length);
  }
  // TF2's tf.losses / tf.metrics are the Keras modules; TF1 functions (softmax_cross_entropy…) keep tf.losses.
  if (path.startsWith('tf.losses.') && !TF1_LOSSES.has(path.slice('tf.losses.'.length))) return 'keras.losses.' + path.slice('tf.losses.'.length);
  if (path === 'tf.nn.softmax' || path === 'tf.softmax') return 'tf.nn.softmax';
  if (path === 'tf.nn.sigmoid') return 'tf.sigmoid';
  if (path === 'tf.nn.log_softmax') return 'tf.nn.log_softmax';
  return path;
}

const TF1_LOSSES = new Set([
  'softmax_cross_entropy', 'sparse_softmax_cross_entropy', 'sigmoid_cross_entropy', 'log_loss',
  'mean_squared_error', 'absolute_difference', 'hinge_loss', 'huber_loss', 'cosine_distance',
]);
