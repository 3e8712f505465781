import type { CatalogEntry } from '../types';
import { fn, custom, kerasCompile, kerasObject } from '../snippetRows';

export const sigmoidFocalLoss: CatalogEntry = {
  id: 'sigmoidFocalLoss',
  title: 'Sigmoid focal loss (binary / multi-label)',
  family: 'classification',
  formula:
    'p = σ(z);  p_t = p if y = 1 else 1 − p;  α_t = α if y = 1 else 1 − α;  L = −α_t·(1 − p_t)^γ·log p_t  (α < 0 disables the α weighting)',
  latex: String.raw`\mathrm{FL}(p_t) = -\alpha_t\,(1 - p_t)^{\gamma} \log p_t`,
  gradient:
    'For y = 1: ∂L/∂z = α·(1 − p)^γ·(γ·p·log p − (1 − p)). The (1 − p_t)^γ factor shrinks the push on easy examples: at p_t = 0.9 and γ = 2 the loss is 100× smaller than cross-entropy, at p_t = 0.1 only 1.2× smaller.',
  likelihood:
    'A re-weighted Bernoulli likelihood: γ = 0 and α = 0.5 give half of BCE with logits; γ > 0 deliberately departs from maximum likelihood to focus on hard examples.',
  whenToUse:
    'Extreme imbalance with many easy negatives: dense object detection (RetinaNet, where background anchors outnumber objects ~1000:1), segmentation with tiny foregrounds, rare-event classification where class weights alone do not help. Typical γ = 2, α = 0.25.',
  whenNot:
    'Balanced data (it only slows learning and hurts calibration: use BCE); on probabilities (torchvision expects logits); when reduction matters: torchvision defaults to reduction "none", so forgetting .mean()/.sum() backpropagates a vector.',
  params: [
    { name: 'alpha', default: 0.25, min: 0, max: 1, meaning: 'α: weight of the positive class (negatives get 1 − α).' },
    {
      name: 'gamma',
      default: 2,
      min: 0,
      max: 5,
      meaning: 'γ: focusing strength; 0 is (weighted) cross-entropy, 2 the RetinaNet setting, 5 extreme.',
    },
  ],
  names: {
    torch: ['torchvision.ops.sigmoid_focal_loss'],
    keras: ['keras.losses.BinaryFocalCrossentropy', 'binary_focal_crossentropy'],
    jax: ['optax.sigmoid_focal_loss'],
  },
  snippets: {
    torch: [
      fn(
        'torchvision.ops.sigmoid_focal_loss',
        "loss = sigmoid_focal_loss([[logits]], [[targets]].float(), alpha={{alpha}}, gamma={{gamma}}, reduction='mean')  # default reduction is 'none'",
      ),
      custom(
        'hand-written (no torchvision)',
        '# the sigmoid focal loss without torchvision: a short custom implementation\n' +
          'p = torch.sigmoid([[logits]])\n' +
          "ce = F.binary_cross_entropy_with_logits([[logits]], [[targets]].float(), reduction='none')\n" +
          'p_t = p * [[targets]] + (1 - p) * (1 - [[targets]])\n' +
          'alpha_t = {{alpha}} * [[targets]] + (1 - {{alpha}}) * (1 - [[targets]])\n' +
          'loss = (alpha_t * (1 - p_t) ** {{gamma}} * ce).mean()',
      ),
    ],
    keras: [
      kerasObject(
        'BinaryFocalCrossentropy',
        'apply_class_balancing=True, alpha={{alpha}}, gamma={{gamma}}, from_logits=True',
        'last Dense layer without activation',
      ),
      kerasCompile('binary_focal_crossentropy', 'sigmoid output layer; gamma=2, no alpha balancing'),
    ],
    tfjs: [
      custom(
        'hand-written sigmoid focal loss',
        '// TF.js has no focal loss in tf.losses: a short custom implementation (sigmoid focal loss on logits)\n' +
          'const p = tf.sigmoid([[logits]]);\n' +
          'const ce = tf.losses.sigmoidCrossEntropy([[labels]], [[logits]], undefined, undefined, tf.Reduction.NONE);\n' +
          'const pT = p.mul([[labels]]).add(tf.scalar(1).sub(p).mul(tf.scalar(1).sub([[labels]])));\n' +
          'const alphaT = tf.mul([[labels]], {{alpha}}).add(tf.scalar(1).sub([[labels]]).mul(1 - {{alpha}}));\n' +
          'const loss = alphaT.mul(tf.scalar(1).sub(pT).pow({{gamma}})).mul(ce).mean();',
      ),
    ],
    jax: [
      fn(
        'optax.sigmoid_focal_loss',
        'loss = optax.sigmoid_focal_loss([[logits]], [[targets]], alpha={{alpha}}, gamma={{gamma}}).mean()  # optax: alpha=None (no weighting) by default',
      ),
    ],
  },
  axis: 'logit',
};
