import type { CatalogEntry } from '../types';

export const sigmoidFocalLoss: CatalogEntry = {
  id: 'sigmoidFocalLoss',
  title: 'Sigmoid focal loss (binary / multi-label)',
  family: 'classification',
  formula:
    'p = σ(z);  p_t = p if y = 1 else 1 − p;  α_t = α if y = 1 else 1 − α;  L = −α_t·(1 − p_t)^γ·log p_t  (α < 0 disables the α weighting)',
  latex: String.raw`\mathrm{FL}(p_t) = -\alpha_t\,(1 - p_t)^{\gamma} \log p_t`,
  gradient:
    'For y = 1: ∂L/∂z = α·(1 − p)^γ·(γ·p·log p − (1 − p)). The (1 − p_t)^γ factor shrinks the push on easy examples: at p_t = 0.9 and γ = 2 the loss is 100× smaller than cross-entropy, at p_t = 0.1 only 1.2× smaller.',
  likelihood: 'A re-weighted Bernoulli likelihood: γ = 0 and α = 0.5 give half of BCE with logits; γ > 0 deliberately departs from maximum likelihood to focus on hard examples.',
  whenToUse:
    'Extreme imbalance with many easy negatives: dense object detection (RetinaNet, where background anchors outnumber objects ~1000:1), segmentation with tiny foregrounds, rare-event classification where class weights alone do not help. Typical γ = 2, α = 0.25.',
  whenNot:
    'Balanced data (it only slows learning and hurts calibration: use BCE); on probabilities (torchvision expects logits); when reduction matters: torchvision defaults to reduction "none", so forgetting .mean()/.sum() backpropagates a vector.',
  params: [
    { name: 'alpha', default: 0.25, min: 0, max: 1, meaning: 'α: weight of the positive class (negatives get 1 − α).' },
    { name: 'gamma', default: 2, min: 0, max: 5, meaning: 'γ: focusing strength; 0 is (weighted) cross-entropy, 2 the RetinaNet setting, 5 extreme.' },
  ],
  names: {
    torch: ['torchvision.ops.sigmoid_focal_loss'],
    keras: ['keras.losses.BinaryFocalCrossentropy', 'binary_focal_crossentropy'],
  },
  snippets: {
    torch: "from torchvision.ops import sigmoid_focal_loss\nloss = sigmoid_focal_loss(logits, targets.float(), alpha=0.25, gamma=2.0, reduction='mean')",
    keras: 'loss_fn = keras.losses.BinaryFocalCrossentropy(gamma=2.0, alpha=0.25, apply_class_balancing=True, from_logits=True)',
    tfjs: 'const p = tf.sigmoid(logits);\nconst bce = tf.losses.sigmoidCrossEntropy(labels, logits, undefined, undefined, tf.Reduction.NONE);\nconst pt = labels.mul(p).add(tf.scalar(1).sub(labels).mul(tf.scalar(1).sub(p)));\nconst alphaT = labels.mul(alpha).add(tf.scalar(1).sub(labels).mul(1 - alpha));\nconst loss = alphaT.mul(tf.scalar(1).sub(pt).pow(gamma)).mul(bce).mean();',
  },
  axis: 'logit',
};
