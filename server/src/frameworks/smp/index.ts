// segmentation_models_pytorch (smp): model builders whose `activation=` decides what the model
// outputs (None: logits), and the losses of `smp.losses`.
import type { ActivationSpec, FrameworkPack, LayerSpec, PathRewrite } from '../types';
import { smpLosses } from './losses';

const ROOT = 'segmentation_models_pytorch';

/** The architectures, by the decoder module each lives in. */
const MODELS: readonly (readonly [module: string, name: string])[] = [
  ['unet', 'Unet'],
  ['unetplusplus', 'UnetPlusPlus'],
  ['manet', 'MAnet'],
  ['linknet', 'Linknet'],
  ['fpn', 'FPN'],
  ['pspnet', 'PSPNet'],
  ['deeplabv3', 'DeepLabV3'],
  ['deeplabv3', 'DeepLabV3Plus'],
  ['pan', 'PAN'],
  ['upernet', 'UPerNet'],
  ['segformer', 'Segformer'],
  ['dpt', 'DPT'],
];

// The argument order differs between architectures and versions: only `encoder_name` (and
// `encoder_depth`) are read positionally; `classes` and `activation` only as keywords (position 99).
// `aux_params` adds a classification head and makes the model return `(masks, labels)`.
const MODEL: LayerSpec = {
  out: 'linear',
  units: { pos: 99, kw: 'classes' },
  activation: { pos: 99, kw: 'activation' },
  opaque: { keywords: ['aux_params'], positional: 2 },
};

const SOFTMAX_CHANNELS: ActivationSpec = { kind: 'probs-softmax', act: 'softmax', dim: { pos: 99, kw: 'dim' } };

const LOSS_MODULES = ['dice', 'jaccard', 'tversky', 'lovasz', 'focal', 'soft_bce', 'soft_ce', 'constants'];

export const smpPack: FrameworkPack = {
  id: 'smp',
  framework: 'smp',
  language: 'python',
  markers: ['segmentation_models_pytorch'],
  roots: [ROOT],
  imports: [{ module: ROOT, root: ROOT }],
  rewrites: [
    ...LOSS_MODULES.map((m): PathRewrite => ({ from: `${ROOT}.losses.${m}.`, to: `${ROOT}.losses.` })),
    ...MODELS.flatMap(([m]): PathRewrite[] => [
      { from: `${ROOT}.decoders.${m}.model.`, to: `${ROOT}.` },
      { from: `${ROOT}.decoders.${m}.`, to: `${ROOT}.` },
    ]),
  ],
  // smp's `Activation` names (base/modules.py); 'tanh', 'argmax', 'clamp' and callables are not modelled.
  activationNames: new Map<string, ActivationSpec>([
    ['sigmoid', { kind: 'probs-sigmoid', act: 'sigmoid' }],
    ['softmax2d', SOFTMAX_CHANNELS],
    // nn.Softmax() without dim: over the channels of an (N, C, H, W) output.
    ['softmax', SOFTMAX_CHANNELS],
    ['logsoftmax', { kind: 'log-probs', act: 'log_softmax', dim: { pos: 99, kw: 'dim' } }],
    ['identity', { kind: 'logits', act: 'other', identity: true }],
  ]),
  layers: new Map<string, LayerSpec>([
    ...MODELS.map(([, name]) => [`${ROOT}.${name}`, MODEL] as const),
    // create_model(arch, encoder_name, encoder_weights, in_channels, classes, **kwargs)
    [`${ROOT}.create_model`, { ...MODEL, units: { pos: 4, kw: 'classes' }, opaque: { keywords: ['aux_params'], positional: 5 } }],
  ]),
  shortNames: [[`${ROOT}.`, 'smp.']],
  advice: {
    logitsSwitch: "drop from_logits=False: smp's losses apply the activation themselves by default",
    probsSwitch:
      "smp's losses apply the activation themselves unless from_logits=False: pass the logits (a model built with activation=None), or pass from_logits=False.",
    binaryHead: "DiceLoss(mode='binary') with one output channel",
  },
  losses: smpLosses,
};
