// PyTorch (torch, torch.nn, torch.nn.functional) and torchvision.
import type { ActivationSpec, FrameworkPack, LayerSpec } from '../types';
import { arg } from '../losses-table';
import { torchLosses } from './losses';

const SOFTMAX: ActivationSpec = { kind: 'probs-softmax', act: 'softmax', dim: { pos: 1, kw: 'dim' } };
const LOG_SOFTMAX: ActivationSpec = { kind: 'log-probs', act: 'log_softmax', dim: { pos: 1, kw: 'dim' } };
const SIGMOID: ActivationSpec = { kind: 'probs-sigmoid', act: 'sigmoid' };
const keep: LayerSpec = { out: 'keep' };

export const torchPack: FrameworkPack = {
  id: 'torch',
  framework: 'torch',
  roots: ['torch', 'torchvision'],
  imports: [{ module: 'torch', root: 'torch' }, { module: 'torchvision', root: 'torchvision' }],
  rewrites: [
    { from: 'torch.special.expit', to: 'torch.sigmoid' },
    { from: 'torch.nn.functional.sigmoid', to: 'torch.sigmoid' },
    { from: 'torch.nn.functional.tanh', to: 'torch.tanh' },
    { from: 'torch.nn.modules.loss.', to: 'torch.nn.' },
    { from: 'torch.nn.modules.activation.', to: 'torch.nn.' },
    { from: 'torch.nn.modules.linear.', to: 'torch.nn.' },
    { from: 'torch.nn.modules.container.', to: 'torch.nn.' },
    { from: 'torchvision.ops.focal_loss.', to: 'torchvision.ops.' },
  ],
  activations: new Map([
    ['torch.softmax', SOFTMAX],
    ['torch.nn.functional.softmax', SOFTMAX],
    ['torch.log_softmax', LOG_SOFTMAX],
    ['torch.nn.functional.log_softmax', LOG_SOFTMAX],
    ['torch.sigmoid', SIGMOID],
    ['torch.nn.functional.logsigmoid', { kind: 'log-sigmoid', act: 'logsigmoid' }],
    ['torch.nn.functional.one_hot', { kind: 'one-hot', act: 'other' }],
    ['torch.argmax', { kind: 'class-indices', act: 'other' }],
    ['torch.nn.functional.cosine_similarity', { kind: 'bounded', act: 'other' }],
    ['torch.cosine_similarity', { kind: 'bounded', act: 'other' }],
  ]),
  activationMethods: new Map([
    ['softmax', { kind: 'probs-softmax', act: 'softmax', dim: { pos: 0, kw: 'dim' } }],
    ['log_softmax', { kind: 'log-probs', act: 'log_softmax', dim: { pos: 0, kw: 'dim' } }],
    ['sigmoid', SIGMOID],
    ['sigmoid_', SIGMOID],
    ['argmax', { kind: 'class-indices', act: 'other' }],
  ]),
  kindKeeping: [
    'torch.clamp', 'torch.clip', 'torch.squeeze', 'torch.unsqueeze', 'torch.flatten', 'torch.reshape',
    'torch.permute', 'torch.transpose', 'torch.as_tensor',
  ],
  kindKeepingMethods: [
    'view', 'reshape', 'squeeze', 'unsqueeze', 'float', 'double', 'half', 'long', 'int', 'to', 'detach', 'cpu', 'cuda',
    'contiguous', 'clone', 'flatten', 'permute', 'transpose', 'type', 'type_as', 'view_as', 'reshape_as', 'clamp', 'clamp_',
    'clip', 'squeeze_', 'unsqueeze_', 'numpy', 'T',
  ],
  clampOps: ['clamp', 'clamp_', 'clip'],
  shapeOps: ['view', 'reshape', 'squeeze', 'unsqueeze', 'squeeze_', 'unsqueeze_', 'flatten', 'permute', 'transpose', 'view_as', 'reshape_as', 'T'],
  logFunctions: ['torch.log'],
  expFunctions: ['torch.exp'],
  layers: new Map<string, LayerSpec>([
    ['torch.nn.Softmax', { out: 'probs-softmax', act: 'softmax', dim: { pos: 0, kw: 'dim' } }],
    ['torch.nn.LogSoftmax', { out: 'log-probs', act: 'log_softmax', dim: { pos: 0, kw: 'dim' } }],
    ['torch.nn.Sigmoid', { out: 'probs-sigmoid', act: 'sigmoid' }],
    ['torch.nn.LogSigmoid', { out: 'log-sigmoid', act: 'logsigmoid' }],
    ['torch.nn.Linear', { out: 'linear', units: { pos: 1, kw: 'out_features' } }],
    ['torch.nn.LazyLinear', { out: 'linear', units: { pos: 0, kw: 'out_features' } }],
    ['torch.nn.Bilinear', { out: 'linear', units: { pos: 2, kw: 'out_features' } }],
    ['torch.nn.Conv1d', { out: 'linear' }], ['torch.nn.Conv2d', { out: 'linear' }], ['torch.nn.Conv3d', { out: 'linear' }],
    ['torch.nn.Dropout', keep], ['torch.nn.Dropout1d', keep], ['torch.nn.Dropout2d', keep], ['torch.nn.Flatten', keep],
    ['torch.nn.Identity', keep], ['torch.nn.Unflatten', keep],
  ]),
  containers: new Map([['torch.nn.Sequential', { layers: 'positional' as const }]]),
  modelCallMethods: ['forward'],
  selfReturningMethods: ['to', 'cuda', 'cpu', 'train', 'eval', 'float', 'double', 'half', 'bfloat16', 'requires_grad_', 'share_memory', 'to_empty'],
  wrappers: new Map([
    ['torch.nn.DataParallel', arg(0, 'module', 'model')],
    ['torch.nn.parallel.DistributedDataParallel', arg(0, 'module', 'model')],
    ['torch.compile', arg(0, 'module', 'model')],
  ]),
  tensorFactories: new Map([
    ['torch.tensor', { fromData: true }], ['torch.zeros', {}], ['torch.ones', {}], ['torch.full', {}], ['torch.empty', {}],
    ['torch.randn', {}], ['torch.rand', {}], ['torch.zeros_like', {}], ['torch.ones_like', {}], ['torch.as_tensor', {}],
  ]),
  randomIntegers: ['torch.randint'],
  literalTensors: ['torch.tensor'],
  softmaxAxis: 'explicit-last',
  shortNames: [['torch.nn.functional.', 'F.'], ['torch.nn.', 'nn.']],
  implicitAxis: ['torch.nn.functional.softmax', 'torch.nn.functional.log_softmax', 'torch.nn.Softmax', 'torch.nn.LogSoftmax'],
  advice: {
    logSoftmax: 'log_softmax',
    logSigmoid: 'F.logsigmoid',
    functional: { module: 'torch.nn.functional', alias: 'F' },
    bceWithLogits: { class: 'nn.BCEWithLogitsLoss', function: 'F.binary_cross_entropy_with_logits' },
  },
  losses: torchLosses,
};
