// timm: `timm.create_model` builds classifiers that output logits (`num_classes` of them), the losses of
// `timm.loss`, and the batch mixers of `timm.data` whose targets are soft (and smoothed by default).
import type { FrameworkPack, LayerSpec } from '../types';
import { timmLosses } from './losses';

// create_model(model_name, pretrained, …, **kwargs): `num_classes=0` (pooled features) and
// `features_only=True` (feature maps) do not output logits.
const CREATE_MODEL: LayerSpec = {
  out: 'linear',
  units: { pos: 99, kw: 'num_classes' },
  opaque: { keywords: ['features_only'], positional: 2 },
};

// Mixup(mixup_alpha, cutmix_alpha, cutmix_minmax, prob, switch_prob, mode, correct_lam, label_smoothing=0.1, num_classes)
const SMOOTHING = { name: 'label_smoothing', pos: 7, default: 0.1 };

export const timmPack: FrameworkPack = {
  id: 'timm',
  framework: 'timm',
  language: 'python',
  markers: ['\\btimm\\b'],
  roots: ['timm'],
  imports: [{ module: 'timm', root: 'timm' }],
  rewrites: [
    { from: 'timm.models._factory.create_model', to: 'timm.create_model' },
    { from: 'timm.models.create_model', to: 'timm.create_model' },
    { from: 'timm.loss.cross_entropy.', to: 'timm.loss.' },
    { from: 'timm.loss.binary_cross_entropy.', to: 'timm.loss.' },
    { from: 'timm.loss.jsd.', to: 'timm.loss.' },
    { from: 'timm.loss.asymmetric_loss.', to: 'timm.loss.' },
    { from: 'timm.data.mixup.', to: 'timm.data.' },
  ],
  layers: new Map([['timm.create_model', CREATE_MODEL]]),
  mixers: new Map([
    ['timm.data.Mixup', { label: 'timm Mixup', smoothing: SMOOTHING }],
    ['timm.data.FastCollateMixup', { label: 'timm FastCollateMixup', smoothing: SMOOTHING }],
  ]),
  advice: {
    softTargetLoss: 'timm.loss.SoftTargetCrossEntropy',
    crossEntropyWithLogits: 'SoftTargetCrossEntropy',
  },
  losses: timmLosses,
};
