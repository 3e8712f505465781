// The loss-selection decision tree: task → questions → a recommended loss with its output activation.
// Follows the selection diagram of the project's loss reference; every lossId must exist in the catalog.
import type { GuideNode } from './types';

const regression: GuideNode = {
  id: 'regression-outliers',
  question: 'Should large errors (outliers) be penalised heavily?',
  options: [
    {
      label: 'Yes, penalise them heavily',
      description: 'Outliers are genuine signal, or the noise is close to Gaussian.',
      next: {
        lossId: 'mseLoss',
        activation: 'none (linear output)',
        why: 'Squared error is the Gaussian maximum-likelihood loss: it predicts the conditional mean and its gradient grows with the error.',
        alternatives: ['gaussianNllLoss', 'poissonNllLoss', 'huberLoss'],
      },
    },
    {
      label: 'No, be robust to them',
      description: 'Some targets are corrupted or the noise has heavy tails.',
      next: {
        id: 'regression-differentiable',
        question: 'Do you need a loss that is smooth at zero error?',
        options: [
          {
            label: 'Yes, smooth near the target',
            description: 'Gradient-based training that should settle precisely (detection boxes, Q-learning).',
            next: {
              lossId: 'huberLoss',
              activation: 'none (linear output)',
              why: 'Quadratic for small errors, linear for large ones: smooth where it matters and with a capped outlier gradient.',
              alternatives: ['smoothL1Loss', 'l1Loss'],
            },
          },
          {
            label: 'No, a kink at zero is fine',
            description: 'You want the conditional median and maximum robustness.',
            next: {
              lossId: 'l1Loss',
              activation: 'none (linear output)',
              why: 'Absolute error is the Laplace maximum-likelihood loss: every error pulls with the same force, so outliers cannot dominate.',
              alternatives: ['huberLoss', 'smoothL1Loss'],
            },
          },
        ],
      },
    },
  ],
};

const binaryClassification: GuideNode = {
  id: 'binary-imbalance',
  question: 'Are the two classes roughly balanced?',
  options: [
    {
      label: 'Balanced',
      description: 'Neither class is rare.',
      next: {
        lossId: 'binaryCrossEntropyWithLogits',
        activation: 'sigmoid — applied inside the loss, so output raw logits',
        why: 'Bernoulli maximum likelihood with the gradient σ(z) − y; the logit form is numerically stable.',
        alternatives: ['binaryCrossEntropy', 'hingeLoss', 'softMarginLoss'],
      },
    },
    {
      label: 'Imbalanced',
      description: 'One class is rare and the easy majority drowns the signal.',
      next: {
        lossId: 'sigmoidFocalLoss',
        activation: 'sigmoid — applied inside the loss, so output raw logits',
        why: 'The (1 − p_t)^γ factor mutes the many easy examples so that the rare, hard ones drive learning; α re-balances the classes.',
        alternatives: ['binaryCrossEntropyWithLogits'],
      },
    },
  ],
};

const multiClass: GuideNode = {
  id: 'multiclass-exclusive',
  question: 'Does each example belong to exactly one class?',
  options: [
    {
      label: 'Yes, mutually exclusive',
      description: 'Single-label classification over C classes.',
      next: {
        lossId: 'crossEntropy',
        activation: 'softmax — applied inside the loss, so output raw logits',
        why: 'Categorical maximum likelihood; the gradient softmax − target stays strong when the model is confidently wrong.',
        alternatives: [
          'sparseCrossEntropy',
          'labelSmoothingCrossEntropy',
          'softmaxFocalLoss',
          'nllLoss',
          'multiMarginLoss',
          'multiclassHingeLoss',
        ],
      },
    },
    {
      label: 'No, several labels can be true',
      description: 'Multi-label: tags, attributes, findings.',
      next: {
        lossId: 'binaryCrossEntropyWithLogits',
        activation: 'sigmoid per class — applied inside the loss, so output raw logits',
        why: 'One independent Bernoulli decision per class: a softmax would force the labels to compete.',
        alternatives: ['multilabelSoftMarginLoss', 'sigmoidFocalLoss'],
      },
    },
  ],
};

const classification: GuideNode = {
  id: 'classification-classes',
  question: 'How many classes?',
  options: [
    { label: 'Two classes', description: 'Binary decision: yes/no, spam/ham.', next: binaryClassification },
    { label: 'More than two', description: 'Several categories or labels.', next: multiClass },
  ],
};

const embedding: GuideNode = {
  id: 'embedding-supervision',
  question: 'What supervision do you have?',
  options: [
    {
      label: 'Pairs',
      description: 'Pairs labelled similar or dissimilar.',
      next: {
        lossId: 'contrastiveLoss',
        activation: 'none (embedding vector), often L2-normalised',
        why: 'Pulls similar pairs together and pushes dissimilar pairs out to a margin.',
        alternatives: ['cosineEmbeddingLoss', 'hingeEmbeddingLoss'],
      },
    },
    {
      label: 'Triplets',
      description: 'Anchor, positive and negative examples (or class labels to mine them from).',
      next: {
        lossId: 'tripletMarginLoss',
        activation: 'L2-normalised embedding',
        why: 'Only relative distances matter: the positive must be closer than the negative by a margin. Mine semi-hard negatives.',
        alternatives: ['marginRankingLoss', 'contrastiveLoss'],
      },
    },
    {
      label: 'Full batch',
      description: 'Two views of each item; every other item in the batch is a negative.',
      next: {
        lossId: 'infoNce',
        activation: 'L2-normalised embedding, similarities divided by a temperature',
        why: 'Cross-entropy over the whole batch of similarities: many negatives per step and no mining needed.',
        alternatives: ['tripletMarginLoss', 'crossEntropy'],
      },
    },
  ],
};

const generative: GuideNode = {
  id: 'generative-model',
  question: 'Which kind of generative model?',
  options: [
    {
      label: 'VAE',
      description: 'Encoder to a Gaussian latent, decoder back.',
      next: {
        lossId: 'vaeElbo',
        activation: 'decoder: sigmoid for [0, 1] data (BCE) or linear (MSE); encoder: linear μ and log σ²',
        why: 'The negative ELBO: reconstruction likelihood plus the KL that keeps the latent close to the prior.',
        alternatives: ['gaussianKlDivergence', 'mseLoss', 'binaryCrossEntropy'],
      },
    },
    {
      label: 'GAN',
      description: 'Generator against a discriminator.',
      next: {
        lossId: 'binaryCrossEntropyWithLogits',
        activation: 'discriminator: raw logit (sigmoid inside the loss); hinge GANs: linear',
        why: 'The original adversarial game is BCE on real-vs-fake; the hinge variant is a common, stabler alternative.',
        alternatives: ['hingeLoss', 'binaryCrossEntropy'],
      },
    },
    {
      label: 'Normalizing flow',
      description: 'Invertible network with a tractable Jacobian.',
      next: {
        lossId: 'flowNll',
        activation: 'none: the flow output is the latent z',
        why: 'Flows give the exact log-likelihood, so train by minimising the negative log-likelihood directly.',
        alternatives: ['gaussianNllLoss'],
      },
    },
  ],
};

export const guide: GuideNode = {
  id: 'task',
  question: 'What is your task?',
  options: [
    { label: 'Regression', description: 'Predict a real number (or a vector of them).', next: regression },
    { label: 'Classification', description: 'Predict one or more discrete labels.', next: classification },
    { label: 'Embedding / metric learning', description: 'Learn a space where distance means similarity.', next: embedding },
    { label: 'Generative model', description: 'Model the data distribution itself.', next: generative },
  ],
};
