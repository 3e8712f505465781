// MONAI: `monai.networks.nets` segmentation networks end in a convolution (their output is logits, one
// channel per class), and the losses of `monai.losses`.
import type { FrameworkPack, LayerSpec, PathRewrite } from '../types';
import { monaiLosses } from './losses';

/** Networks, the module each lives in, and where `out_channels` is (99: keyword only, the position moved between versions). */
const NETS: readonly (readonly [module: string, name: string, outChannels: number])[] = [
  ['unet', 'UNet', 2],
  ['unet', 'Unet', 2],
  ['basic_unet', 'BasicUNet', 2],
  ['basic_unet', 'BasicUnet', 2],
  ['attentionunet', 'AttentionUnet', 2],
  ['segresnet', 'SegResNet', 3],
  ['unetr', 'UNETR', 1],
  ['swin_unetr', 'SwinUNETR', 99],
  ['vnet', 'VNet', 2],
];

const LOSS_MODULES = ['dice', 'focal_loss', 'tversky'];

export const monaiPack: FrameworkPack = {
  id: 'monai',
  framework: 'monai',
  language: 'python',
  markers: ['\\bmonai\\b'],
  roots: ['monai'],
  imports: [{ module: 'monai', root: 'monai' }],
  rewrites: [
    ...LOSS_MODULES.map((m): PathRewrite => ({ from: `monai.losses.${m}.`, to: 'monai.losses.' })),
    ...[...new Set(NETS.map(([m]) => m))].map((m): PathRewrite => ({ from: `monai.networks.nets.${m}.`, to: 'monai.networks.nets.' })),
  ],
  layers: new Map<string, LayerSpec>(
    NETS.map(([, name, pos]) => [`monai.networks.nets.${name}`, { out: 'linear', units: { pos, kw: 'out_channels' } }] as const),
  ),
  advice: {
    logitsSwitch: 'pass sigmoid=True (or softmax=True) so that MONAI applies the activation to the logits',
    probsSwitch: 'Pass the logits, or (DiceLoss, TverskyLoss) drop sigmoid=True/softmax=True so that the loss takes the probabilities.',
    singleChannelSoftmax:
      'MONAI ignores softmax=True on a single channel (it only warns) and computes the loss on the raw logits: use sigmoid=True for one channel, or one channel per class.',
  },
  losses: monaiLosses,
};
