// Idiomatic code for every catalog loss in every framework, in the template language of ./template.
// The first row per framework is what "Insert" uses by default. Where a framework has no built-in for
// a loss, the row is a short hand-written implementation whose first line says so (form 'custom').
// Facts (argument orders, defaults, label encodings) follow the framework APIs:
//   PyTorch nn.*Loss / F.* take (input, target); Keras losses take (y_true, y_pred); tf.losses.* take
//   (labels, predictions, weights?, …); TF.js compile strings are camelCase and exclude 'mse'/'mae'.
import type { Framework, LossId } from '../../../../core/src/knowledge';

export type SnippetForm = 'class' | 'functional' | 'compile' | 'custom';

export interface SnippetRow {
  form: SnippetForm;
  /** What the row inserts, as shown in the QuickPick (e.g. `nn.CrossEntropyLoss`, `loss='mse'`). */
  label: string;
  template: string;
}

type Table = Record<LossId, Record<Framework, SnippetRow[]>>;

const cls = (label: string, template: string): SnippetRow => ({ form: 'class', label, template });
const fn = (label: string, template: string): SnippetRow => ({ form: 'functional', label, template });
const compile = (label: string, template: string): SnippetRow => ({ form: 'compile', label, template });
const custom = (label: string, template: string): SnippetRow => ({ form: 'custom', label, template });

const kerasCompile = (loss: string, note = ''): SnippetRow =>
  compile(`loss='${loss}'`, `[[model]].compile(optimizer='adam', loss='${loss}')${note ? `  # ${note}` : ''}`);
const kerasObject = (cls_: string, args = '', note = ''): SnippetRow =>
  cls(`keras.losses.${cls_}`, `[[model]].compile(optimizer='adam', loss=keras.losses.${cls_}(${args}))${note ? `  # ${note}` : ''}`);
const tfjsCompile = (loss: string, note = ''): SnippetRow =>
  compile(`loss: '${loss}'`, `[[model]].compile({optimizer: 'adam', loss: '${loss}'});${note ? `  // ${note}` : ''}`);

export const SNIPPET_TABLE: Table = {
  mseLoss: {
    torch: [
      cls('nn.MSELoss', 'criterion = nn.MSELoss()\nloss = criterion([[pred]], [[target]])'),
      fn('F.mse_loss', 'loss = F.mse_loss([[pred]], [[target]])'),
    ],
    keras: [kerasObject('MeanSquaredError'), kerasCompile('mse')],
    tfjs: [
      fn('tf.losses.meanSquaredError', 'const loss = tf.losses.meanSquaredError([[labels]], [[predictions]]);'),
      tfjsCompile('meanSquaredError'),
    ],
  },
  l1Loss: {
    torch: [
      cls('nn.L1Loss', 'criterion = nn.L1Loss()\nloss = criterion([[pred]], [[target]])'),
      fn('F.l1_loss', 'loss = F.l1_loss([[pred]], [[target]])'),
    ],
    keras: [kerasObject('MeanAbsoluteError'), kerasCompile('mae')],
    tfjs: [
      fn('tf.losses.absoluteDifference', 'const loss = tf.losses.absoluteDifference([[labels]], [[predictions]]);'),
      tfjsCompile('meanAbsoluteError'),
    ],
  },
  huberLoss: {
    torch: [
      cls('nn.HuberLoss', 'criterion = nn.HuberLoss(delta={{delta}})\nloss = criterion([[pred]], [[target]])'),
      fn('F.huber_loss', 'loss = F.huber_loss([[pred]], [[target]], delta={{delta}})'),
    ],
    keras: [kerasObject('Huber', 'delta={{delta}}'), kerasCompile('huber', "Keras' default delta is 1.0")],
    tfjs: [
      fn('tf.losses.huberLoss', 'const loss = tf.losses.huberLoss([[labels]], [[predictions]], undefined, {{delta}});'),
      compile(
        'loss: (yTrue, yPred) => tf.losses.huberLoss(…)',
        "[[model]].compile({optimizer: 'adam', loss: (yTrue, yPred) => tf.losses.huberLoss(yTrue, yPred, undefined, {{delta}})});",
      ),
    ],
  },
  smoothL1Loss: {
    torch: [
      cls('nn.SmoothL1Loss', 'criterion = nn.SmoothL1Loss(beta={{beta}})\nloss = criterion([[pred]], [[target]])'),
      fn('F.smooth_l1_loss', 'loss = F.smooth_l1_loss([[pred]], [[target]], beta={{beta}})'),
    ],
    keras: [
      custom(
        'Huber(delta=beta) / beta',
        '# Keras has no smooth L1 loss: a short custom implementation (Huber with delta = beta, divided by beta)\n' +
          'loss = keras.losses.Huber(delta={{beta}})([[y_true]], [[y_pred]]) / {{beta}}',
      ),
    ],
    tfjs: [
      custom(
        'huberLoss(…, beta).div(beta)',
        '// TF.js has no smooth L1 loss: a short custom implementation (Huber with delta = beta, divided by beta)\n' +
          'const loss = tf.losses.huberLoss([[labels]], [[predictions]], undefined, {{beta}}).div({{beta}});',
      ),
    ],
  },
  binaryCrossEntropy: {
    torch: [
      cls('nn.BCELoss', 'criterion = nn.BCELoss()  # takes probabilities: prefer nn.BCEWithLogitsLoss on logits\nloss = criterion([[probs]], [[targets]].float())'),
      fn('F.binary_cross_entropy', 'loss = F.binary_cross_entropy([[probs]], [[targets]].float())  # probabilities in [0, 1]'),
    ],
    keras: [
      kerasObject('BinaryCrossentropy', '', "after Dense(1, activation='sigmoid')"),
      kerasCompile('binary_crossentropy', "after Dense(1, activation='sigmoid')"),
    ],
    tfjs: [
      fn('tf.losses.logLoss', 'const loss = tf.losses.logLoss([[labels]], [[probs]]);  // probabilities in [0, 1]'),
      tfjsCompile('binaryCrossentropy', "after a dense layer with activation: 'sigmoid'"),
    ],
  },
  binaryCrossEntropyWithLogits: {
    torch: [
      cls(
        'nn.BCEWithLogitsLoss',
        'criterion = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([{{posWeight}}]))\nloss = criterion([[logits]], [[targets]].float())  # raw logits, no sigmoid',
      ),
      fn(
        'F.binary_cross_entropy_with_logits',
        'loss = F.binary_cross_entropy_with_logits([[logits]], [[targets]].float(), pos_weight=torch.tensor([{{posWeight}}]))',
      ),
    ],
    keras: [kerasObject('BinaryCrossentropy', 'from_logits=True', 'last Dense layer without activation')],
    tfjs: [fn('tf.losses.sigmoidCrossEntropy', 'const loss = tf.losses.sigmoidCrossEntropy([[labels]], [[logits]]);  // raw logits, no sigmoid')],
  },
  crossEntropy: {
    torch: [
      cls('nn.CrossEntropyLoss', 'criterion = nn.CrossEntropyLoss()\nloss = criterion([[logits]], [[targets]])  # logits (N, C) without softmax, targets (N,) class indices'),
      fn('F.cross_entropy', 'loss = F.cross_entropy([[logits]], [[targets]])  # logits (N, C) without softmax'),
    ],
    keras: [
      kerasObject('CategoricalCrossentropy', 'from_logits=True', 'one-hot labels, last Dense layer without activation'),
      kerasCompile('categorical_crossentropy', 'one-hot labels, softmax output layer'),
    ],
    tfjs: [
      fn('tf.losses.softmaxCrossEntropy', 'const loss = tf.losses.softmaxCrossEntropy([[oneHotLabels]], [[logits]]);  // raw logits, no softmax'),
      tfjsCompile('categoricalCrossentropy', 'softmax output layer, one-hot labels'),
    ],
  },
  sparseCrossEntropy: {
    torch: [
      cls('nn.CrossEntropyLoss', 'criterion = nn.CrossEntropyLoss()\nloss = criterion([[logits]], [[targets]].long())  # targets: class ids of shape (N,)'),
      fn('F.cross_entropy', 'loss = F.cross_entropy([[logits]], [[targets]].long())  # targets: class ids of shape (N,)'),
    ],
    keras: [
      kerasObject('SparseCategoricalCrossentropy', 'from_logits=True', 'integer labels, last Dense layer without activation'),
      kerasCompile('sparse_categorical_crossentropy', 'integer labels, softmax output layer'),
    ],
    tfjs: [
      tfjsCompile('sparseCategoricalCrossentropy', 'softmax output layer, integer labels'),
      fn('tf.losses.softmaxCrossEntropy', 'const loss = tf.losses.softmaxCrossEntropy(tf.oneHot([[labels]], [[numClasses]]), [[logits]]);  // labels: int32 class ids'),
    ],
  },
  labelSmoothingCrossEntropy: {
    torch: [
      cls('nn.CrossEntropyLoss(label_smoothing=…)', 'criterion = nn.CrossEntropyLoss(label_smoothing={{labelSmoothing}})\nloss = criterion([[logits]], [[targets]])'),
      fn('F.cross_entropy(label_smoothing=…)', 'loss = F.cross_entropy([[logits]], [[targets]], label_smoothing={{labelSmoothing}})'),
    ],
    keras: [kerasObject('CategoricalCrossentropy', 'from_logits=True, label_smoothing={{labelSmoothing}}', 'one-hot labels')],
    tfjs: [fn('tf.losses.softmaxCrossEntropy(…, labelSmoothing)', 'const loss = tf.losses.softmaxCrossEntropy([[oneHotLabels]], [[logits]], undefined, {{labelSmoothing}});')],
  },
  nllLoss: {
    torch: [
      cls('nn.NLLLoss', 'criterion = nn.NLLLoss()\nloss = criterion(F.log_softmax([[logits]], dim=1), [[targets]])'),
      fn('F.nll_loss', 'loss = F.nll_loss(F.log_softmax([[logits]], dim=1), [[targets]])'),
    ],
    keras: [
      custom(
        'log-probability of the target',
        '# Keras has no NLL loss on log-probabilities: a short custom implementation\n' +
          'loss = -tf.reduce_mean(tf.gather([[log_probs]], [[labels]], batch_dims=1))  # log_probs (N, C), labels (N,) class ids',
      ),
    ],
    tfjs: [
      custom(
        'log-probability of the target',
        '// TF.js has no NLL loss on log-probabilities: a short custom implementation\n' +
          'const loss = tf.neg(tf.sum(tf.mul(tf.oneHot([[labels]], [[numClasses]]), [[logProbs]]), -1)).mean();',
      ),
    ],
  },
  sigmoidFocalLoss: {
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
      kerasObject('BinaryFocalCrossentropy', 'apply_class_balancing=True, alpha={{alpha}}, gamma={{gamma}}, from_logits=True', 'last Dense layer without activation'),
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
  },
  softmaxFocalLoss: {
    torch: [
      custom(
        'hand-written softmax focal loss',
        '# PyTorch has no softmax focal loss: a short custom implementation\n' +
          'log_pt = F.log_softmax([[logits]], dim=1).gather(1, [[targets]].unsqueeze(1)).squeeze(1)\n' +
          'loss = (-(1 - log_pt.exp()) ** {{gamma}} * log_pt).mean()',
      ),
    ],
    keras: [
      kerasObject('CategoricalFocalCrossentropy', 'gamma={{gamma}}, from_logits=True', "one-hot labels; Keras also scales by alpha (default 0.25)"),
      kerasCompile('categorical_focal_crossentropy', 'one-hot labels, softmax output layer'),
    ],
    tfjs: [
      custom(
        'hand-written softmax focal loss',
        '// TF.js has no focal loss in tf.losses: a short custom implementation (softmax focal loss on logits)\n' +
          'const logPt = tf.logSoftmax([[logits]]).mul([[oneHotLabels]]).sum(-1);\n' +
          'const loss = tf.scalar(1).sub(logPt.exp()).pow({{gamma}}).mul(logPt).neg().mean();',
      ),
    ],
  },
  multilabelSoftMarginLoss: {
    torch: [
      cls('nn.MultiLabelSoftMarginLoss', 'criterion = nn.MultiLabelSoftMarginLoss()\nloss = criterion([[logits]], [[multi_hot]])  # multi_hot: (N, C) of 0/1'),
      fn('F.multilabel_soft_margin_loss', 'loss = F.multilabel_soft_margin_loss([[logits]], [[multi_hot]])'),
    ],
    keras: [
      cls(
        'keras.losses.BinaryCrossentropy(from_logits=True)',
        '# Keras has no MultiLabelSoftMarginLoss; binary cross-entropy on logits averaged over the labels is the same value\n' +
          "[[model]].compile(optimizer='adam', loss=keras.losses.BinaryCrossentropy(from_logits=True))",
      ),
    ],
    tfjs: [
      fn(
        'tf.losses.sigmoidCrossEntropy',
        '// the mean of sigmoid cross-entropy over all labels equals PyTorch\'s MultiLabelSoftMarginLoss\n' +
          'const loss = tf.losses.sigmoidCrossEntropy([[multiHot]], [[logits]]);',
      ),
    ],
  },
  hingeLoss: {
    torch: [
      custom(
        'hand-written hinge loss',
        '# PyTorch has no binary hinge loss: a short custom implementation (labels in {-1, +1})\n' +
          'loss = torch.clamp(1 - [[y]] * [[scores]], min=0).mean()',
      ),
    ],
    keras: [kerasObject('Hinge', '', 'labels in {-1, 1}; {0, 1} labels are converted'), kerasCompile('hinge')],
    tfjs: [
      fn('tf.losses.hingeLoss', 'const loss = tf.losses.hingeLoss([[labels]], [[scores]]);  // labels in {0, 1}, mapped to ±1 inside'),
      tfjsCompile('hinge', 'labels in {-1, +1}: no conversion here'),
    ],
  },
  softMarginLoss: {
    torch: [
      cls('nn.SoftMarginLoss', 'criterion = nn.SoftMarginLoss()\nloss = criterion([[scores]], [[y]])  # y in {-1, +1}'),
      fn('F.soft_margin_loss', 'loss = F.soft_margin_loss([[scores]], [[y]])  # y in {-1, +1}'),
    ],
    keras: [
      custom(
        'softplus(-y · score)',
        '# Keras has no soft margin loss: a short custom implementation (y in {-1, +1})\n' +
          'loss = tf.reduce_mean(tf.math.softplus(-[[y]] * [[scores]]))',
      ),
    ],
    tfjs: [
      custom(
        'softplus(-y · score)',
        '// TF.js has no soft margin loss: a short custom implementation (y in {-1, +1})\n' +
          'const loss = tf.softplus(tf.neg(tf.mul([[y]], [[scores]]))).mean();',
      ),
    ],
  },
  multiMarginLoss: {
    torch: [
      cls('nn.MultiMarginLoss', 'criterion = nn.MultiMarginLoss(p={{p}}, margin={{margin}})\nloss = criterion([[scores]], [[targets]])  # scores (N, C), targets (N,)'),
      fn('F.multi_margin_loss', 'loss = F.multi_margin_loss([[scores]], [[targets]], p={{p}}, margin={{margin}})'),
    ],
    keras: [
      custom(
        'hand-written multi-class margin loss',
        "# Keras has no multi-class margin loss: a short custom implementation (PyTorch's MultiMarginLoss with p = 1)\n" +
          'num_classes = tf.shape([[scores]])[-1]\n' +
          'y_onehot = tf.one_hot([[labels]], depth=num_classes)\n' +
          'true_score = tf.reduce_sum([[scores]] * y_onehot, axis=-1, keepdims=True)\n' +
          'margins = tf.maximum(0.0, {{margin}} - true_score + [[scores]]) * (1 - y_onehot)\n' +
          'loss = tf.reduce_mean(tf.reduce_sum(margins, axis=-1) / tf.cast(num_classes, margins.dtype))',
      ),
    ],
    tfjs: [
      custom(
        'hand-written multi-class margin loss',
        "// TF.js has no multi-class margin loss: a short custom implementation (PyTorch's MultiMarginLoss with p = 1)\n" +
          'const yOneHot = tf.oneHot([[labels]], [[numClasses]]);\n' +
          'const trueScore = [[scores]].mul(yOneHot).sum(-1, true);\n' +
          'const loss = tf.relu(tf.scalar({{margin}}).sub(trueScore).add([[scores]])).mul(tf.scalar(1).sub(yOneHot)).sum(-1).div([[numClasses]]).mean();',
      ),
    ],
  },
  multiclassHingeLoss: {
    torch: [
      custom(
        'C × F.multi_margin_loss',
        '# PyTorch has no Weston–Watkins hinge loss: a short custom implementation (C times MultiMarginLoss with margin 1, p 1)\n' +
          'loss = [[scores]].size(1) * F.multi_margin_loss([[scores]], [[targets]])',
      ),
    ],
    keras: [
      custom(
        'hand-written Weston–Watkins hinge',
        '# Keras has no Weston–Watkins hinge loss (CategoricalHinge is Crammer–Singer): a short custom implementation\n' +
          'y_onehot = tf.one_hot([[labels]], depth=tf.shape([[scores]])[-1])\n' +
          'true_score = tf.reduce_sum([[scores]] * y_onehot, axis=-1, keepdims=True)\n' +
          'loss = tf.reduce_mean(tf.reduce_sum(tf.maximum(0.0, 1.0 - true_score + [[scores]]) * (1 - y_onehot), axis=-1))',
      ),
    ],
    tfjs: [
      custom(
        'hand-written Weston–Watkins hinge',
        "// TF.js has no Weston–Watkins hinge loss ('categoricalHinge' is Crammer–Singer): a short custom implementation\n" +
          'const yOneHot = tf.oneHot([[labels]], [[numClasses]]);\n' +
          'const trueScore = [[scores]].mul(yOneHot).sum(-1, true);\n' +
          'const loss = tf.relu(tf.scalar(1).sub(trueScore).add([[scores]])).mul(tf.scalar(1).sub(yOneHot)).sum(-1).mean();',
      ),
    ],
  },
  contrastiveLoss: {
    torch: [
      custom(
        'hand-written contrastive loss',
        '# PyTorch has no contrastive loss: a short custom implementation (label 0 = similar pair, 1 = dissimilar)\n' +
          'd = F.pairwise_distance([[emb1]], [[emb2]])\n' +
          'loss = ((1 - [[label]]) * 0.5 * d.pow(2) + [[label]] * 0.5 * F.relu({{margin}} - d).pow(2)).mean()',
      ),
    ],
    keras: [
      custom(
        'hand-written contrastive loss',
        '# Keras has no contrastive loss: a short custom implementation (label 0 = similar pair, 1 = dissimilar)\n' +
          'd = tf.norm([[emb1]] - [[emb2]], axis=-1)\n' +
          'loss = tf.reduce_mean((1 - [[label]]) * 0.5 * tf.square(d) + [[label]] * 0.5 * tf.square(tf.maximum(0.0, {{margin}} - d)))',
      ),
    ],
    tfjs: [
      custom(
        'hand-written contrastive loss',
        '// TF.js has no contrastive loss: a short custom implementation (label 0 = similar pair, 1 = dissimilar)\n' +
          'const d = tf.norm([[emb1]].sub([[emb2]]), 2, -1);\n' +
          'const loss = tf.scalar(1).sub([[label]]).mul(d.square()).add(tf.mul([[label]], tf.relu(tf.scalar({{margin}}).sub(d)).square())).mul(0.5).mean();',
      ),
    ],
  },
  tripletMarginLoss: {
    torch: [
      cls('nn.TripletMarginLoss', 'criterion = nn.TripletMarginLoss(margin={{margin}}, p={{p}})\nloss = criterion([[anchor]], [[positive]], [[negative]])'),
      fn('F.triplet_margin_loss', 'loss = F.triplet_margin_loss([[anchor]], [[positive]], [[negative]], margin={{margin}}, p={{p}})'),
    ],
    keras: [
      custom(
        'hand-written triplet loss',
        '# Keras has no triplet loss: a short custom implementation\n' +
          'd_ap = tf.norm([[anchor]] - [[positive]], ord={{p}}, axis=-1)\n' +
          'd_an = tf.norm([[anchor]] - [[negative]], ord={{p}}, axis=-1)\n' +
          'loss = tf.reduce_mean(tf.maximum(d_ap - d_an + {{margin}}, 0.0))',
      ),
    ],
    tfjs: [
      custom(
        'hand-written triplet loss',
        '// TF.js has no triplet loss in tf.losses: a short custom implementation\n' +
          'const dAp = tf.norm([[anchor]].sub([[positive]]), {{p}}, -1);\n' +
          'const dAn = tf.norm([[anchor]].sub([[negative]]), {{p}}, -1);\n' +
          'const loss = tf.relu(dAp.sub(dAn).add({{margin}})).mean();',
      ),
    ],
  },
  infoNce: {
    torch: [
      custom(
        'hand-written InfoNCE (NT-Xent)',
        '# PyTorch has no InfoNCE loss: a short custom implementation (NT-Xent over two views of each item)\n' +
          'z = F.normalize(torch.cat(([[z1]], [[z2]])), dim=1)\n' +
          'sim = z @ z.T / {{temperature}}\n' +
          "sim.fill_diagonal_(float('-inf'))\n" +
          'n = [[z1]].size(0)\n' +
          'targets = torch.cat((torch.arange(n, 2 * n), torch.arange(0, n))).to(z.device)\n' +
          'loss = F.cross_entropy(sim, targets)',
      ),
    ],
    keras: [
      custom(
        'hand-written InfoNCE',
        '# Keras has no InfoNCE loss: a short custom implementation (z1[i] and z2[i] are two views of item i)\n' +
          'z1n = tf.math.l2_normalize([[z1]], axis=1)\n' +
          'z2n = tf.math.l2_normalize([[z2]], axis=1)\n' +
          'logits = tf.matmul(z1n, z2n, transpose_b=True) / {{temperature}}\n' +
          'labels = tf.range(tf.shape(logits)[0])\n' +
          'loss = tf.reduce_mean(keras.losses.sparse_categorical_crossentropy(labels, logits, from_logits=True))',
      ),
    ],
    tfjs: [
      custom(
        'hand-written InfoNCE',
        '// TF.js has no InfoNCE loss: a short custom implementation (z1[i] and z2[i] are two views of item i)\n' +
          'const z1n = tf.div([[z1]], tf.norm([[z1]], 2, 1, true));\n' +
          'const z2n = tf.div([[z2]], tf.norm([[z2]], 2, 1, true));\n' +
          'const logits = tf.matMul(z1n, z2n, false, true).div({{temperature}});\n' +
          'const n = logits.shape[0];\n' +
          "const loss = tf.losses.softmaxCrossEntropy(tf.oneHot(tf.range(0, n, 1, 'int32'), n), logits);",
      ),
    ],
  },
  marginRankingLoss: {
    torch: [
      cls('nn.MarginRankingLoss', 'criterion = nn.MarginRankingLoss(margin={{margin}})\nloss = criterion([[s1]], [[s2]], [[y]])  # y = 1: s1 should rank higher; -1: s2'),
      fn('F.margin_ranking_loss', 'loss = F.margin_ranking_loss([[s1]], [[s2]], [[y]], margin={{margin}})'),
    ],
    keras: [
      custom(
        'hand-written margin ranking loss',
        '# Keras has no margin ranking loss: a short custom implementation (y = 1: s1 should rank higher; -1: s2)\n' +
          'loss = tf.reduce_mean(tf.maximum(0.0, -[[y]] * ([[s1]] - [[s2]]) + {{margin}}))',
      ),
    ],
    tfjs: [
      custom(
        'hand-written margin ranking loss',
        '// TF.js has no margin ranking loss: a short custom implementation (y = 1: s1 should rank higher; -1: s2)\n' +
          'const loss = tf.relu(tf.neg(tf.mul([[y]], tf.sub([[s1]], [[s2]]))).add({{margin}})).mean();',
      ),
    ],
  },
  cosineEmbeddingLoss: {
    torch: [
      cls('nn.CosineEmbeddingLoss', 'criterion = nn.CosineEmbeddingLoss(margin={{margin}})\nloss = criterion([[emb1]], [[emb2]], [[y]])  # y in {-1, +1}'),
      fn('F.cosine_embedding_loss', 'loss = F.cosine_embedding_loss([[emb1]], [[emb2]], [[y]], margin={{margin}})'),
    ],
    keras: [
      custom(
        'hand-written cosine embedding loss',
        '# Keras has no cosine embedding loss (CosineSimilarity is only the similar-pair half): a short custom implementation\n' +
          'cos = tf.reduce_sum(tf.math.l2_normalize([[emb1]], axis=-1) * tf.math.l2_normalize([[emb2]], axis=-1), axis=-1)\n' +
          'loss = tf.reduce_mean(tf.where([[y]] > 0, 1 - cos, tf.maximum(0.0, cos - {{margin}})))  # y in {-1, +1}',
      ),
    ],
    tfjs: [
      custom(
        'hand-written cosine embedding loss',
        '// TF.js has no cosine embedding loss (cosineDistance is only the similar-pair half): a short custom implementation\n' +
          'const cos = tf.sum(tf.mul([[emb1]], [[emb2]]), -1).div(tf.norm([[emb1]], 2, -1).mul(tf.norm([[emb2]], 2, -1)));\n' +
          'const loss = tf.where(tf.greater([[y]], 0), tf.scalar(1).sub(cos), tf.relu(cos.sub({{margin}}))).mean();  // y in {-1, +1}',
      ),
    ],
  },
  hingeEmbeddingLoss: {
    torch: [
      cls('nn.HingeEmbeddingLoss', 'criterion = nn.HingeEmbeddingLoss(margin={{margin}})\nloss = criterion([[distances]], [[y]])  # y in {-1, +1}'),
      fn('F.hinge_embedding_loss', 'loss = F.hinge_embedding_loss([[distances]], [[y]], margin={{margin}})'),
    ],
    keras: [
      custom(
        'hand-written hinge embedding loss',
        '# Keras has no hinge embedding loss: a short custom implementation (y in {-1, +1})\n' +
          'loss = tf.reduce_mean(tf.where([[y]] > 0, [[distances]], tf.maximum(0.0, {{margin}} - [[distances]])))',
      ),
    ],
    tfjs: [
      custom(
        'hand-written hinge embedding loss',
        '// TF.js has no hinge embedding loss: a short custom implementation (y in {-1, +1})\n' +
          'const loss = tf.where(tf.greater([[y]], 0), [[distances]], tf.relu(tf.scalar({{margin}}).sub([[distances]]))).mean();',
      ),
    ],
  },
  klDiv: {
    torch: [
      cls(
        'nn.KLDivLoss',
        "criterion = nn.KLDivLoss(reduction='batchmean')  # input: log-probabilities, target: probabilities\n" +
          'loss = criterion(F.log_softmax([[student_logits]], dim=1), F.softmax([[teacher_logits]], dim=1))',
      ),
      fn('F.kl_div', "loss = F.kl_div(F.log_softmax([[logits]], dim=1), [[target_probs]], reduction='batchmean')"),
    ],
    keras: [
      cls('keras.losses.KLDivergence', 'loss = keras.losses.KLDivergence()([[target_probs]], [[pred_probs]])  # both probabilities, target first'),
      kerasCompile('kl_divergence', 'softmax output layer, probability targets'),
    ],
    tfjs: [
      custom(
        'hand-written KL divergence',
        '// TF.js has no KL divergence in tf.losses: a short custom implementation (p = target, q = predicted probabilities)\n' +
          'const p = tf.clipByValue([[targetProbs]], 1e-7, 1);\n' +
          'const q = tf.clipByValue([[predProbs]], 1e-7, 1);\n' +
          'const loss = tf.sum(p.mul(p.log().sub(q.log())), -1).mean();',
      ),
      tfjsCompile('kullbackLeiblerDivergence', 'softmax output layer, probability targets'),
    ],
  },
  gaussianNllLoss: {
    torch: [
      cls('nn.GaussianNLLLoss', 'criterion = nn.GaussianNLLLoss()\nloss = criterion([[mean]], [[target]], [[var]])  # var > 0, e.g. log_var.exp()'),
      fn('F.gaussian_nll_loss', 'loss = F.gaussian_nll_loss([[mean]], [[target]], [[var]])'),
    ],
    keras: [
      custom(
        'hand-written Gaussian NLL',
        '# Keras has no Gaussian NLL loss: a short custom implementation (the model predicts mean and log-variance)\n' +
          'loss = tf.reduce_mean(0.5 * ([[log_var]] + tf.square([[y]] - [[mean]]) / tf.exp([[log_var]])))',
      ),
    ],
    tfjs: [
      custom(
        'hand-written Gaussian NLL',
        '// TF.js has no Gaussian NLL loss: a short custom implementation (the model predicts mean and log-variance)\n' +
          'const loss = tf.add([[logVar]], tf.sub([[y]], [[mean]]).square().div(tf.exp([[logVar]]))).mul(0.5).mean();',
      ),
    ],
  },
  poissonNllLoss: {
    torch: [
      cls('nn.PoissonNLLLoss', 'criterion = nn.PoissonNLLLoss(log_input=True)\nloss = criterion([[log_rate]], [[counts]])'),
      fn('F.poisson_nll_loss', 'loss = F.poisson_nll_loss([[log_rate]], [[counts]], log_input=True)'),
    ],
    keras: [
      kerasObject('Poisson', '', "takes the rate: e.g. Dense(1, activation='exponential')"),
      kerasCompile('poisson', "takes the rate: e.g. Dense(1, activation='exponential')"),
    ],
    tfjs: [
      tfjsCompile('poisson', 'the output must be a positive rate'),
      custom(
        'hand-written Poisson NLL on log-rates',
        '// TF.js has no Poisson loss in tf.losses: a short custom implementation (on log-rates, constant term dropped)\n' +
          'const loss = tf.exp([[logRate]]).sub(tf.mul([[counts]], [[logRate]])).mean();',
      ),
    ],
  },
  gaussianKlDivergence: {
    torch: [
      custom(
        'hand-written KL to N(0, I)',
        '# PyTorch has no VAE KL term: a short custom implementation (summed over latent dims, averaged over the batch)\n' +
          'kl = -0.5 * torch.sum(1 + [[log_var]] - [[mu]].pow(2) - [[log_var]].exp()) / [[mu]].size(0)',
      ),
    ],
    keras: [
      custom(
        'hand-written KL to N(0, I)',
        '# Keras has no VAE KL term: a short custom implementation (summed over latent dims, averaged over the batch)\n' +
          'kl = -0.5 * tf.reduce_mean(tf.reduce_sum(1 + [[log_var]] - tf.square([[mu]]) - tf.exp([[log_var]]), axis=1))',
      ),
    ],
    tfjs: [
      custom(
        'hand-written KL to N(0, I)',
        '// TF.js has no VAE KL term: a short custom implementation (summed over latent dims, averaged over the batch)\n' +
          'const kl = tf.sum(tf.scalar(1).add([[logVar]]).sub(tf.square([[mu]])).sub(tf.exp([[logVar]])), 1).mean().mul(-0.5);',
      ),
    ],
  },
  vaeElbo: {
    torch: [
      custom(
        'hand-written negative ELBO',
        '# PyTorch has no VAE loss: a short custom implementation (negative ELBO, Bernoulli decoder)\n' +
          "recon = F.binary_cross_entropy([[x_hat]], [[x]], reduction='sum') / [[x]].size(0)\n" +
          'kl = -0.5 * torch.sum(1 + [[log_var]] - [[mu]].pow(2) - [[log_var]].exp()) / [[x]].size(0)\n' +
          'loss = recon + {{beta}} * kl',
      ),
    ],
    keras: [
      custom(
        'hand-written negative ELBO',
        '# Keras has no VAE loss: a short custom implementation (negative ELBO, Bernoulli decoder)\n' +
          'x_flat = tf.reshape([[x]], (tf.shape([[x]])[0], -1))\n' +
          'x_hat_flat = tf.reshape([[x_hat]], (tf.shape([[x]])[0], -1))\n' +
          'recon = tf.reduce_mean(keras.losses.binary_crossentropy(x_flat, x_hat_flat)) * tf.cast(tf.shape(x_flat)[1], x_flat.dtype)\n' +
          'kl = -0.5 * tf.reduce_mean(tf.reduce_sum(1 + [[log_var]] - tf.square([[mu]]) - tf.exp([[log_var]]), axis=1))\n' +
          'loss = recon + {{beta}} * kl',
      ),
    ],
    tfjs: [
      custom(
        'hand-written negative ELBO',
        '// TF.js has no VAE loss: a short custom implementation (negative ELBO, Bernoulli decoder)\n' +
          'const batch = [[x]].shape[0];\n' +
          'const recon = tf.losses.logLoss([[x]], [[xHat]], undefined, undefined, tf.Reduction.SUM).div(batch);\n' +
          'const kl = tf.sum(tf.scalar(1).add([[logVar]]).sub(tf.square([[mu]])).sub(tf.exp([[logVar]]))).mul(-0.5).div(batch);\n' +
          'const loss = recon.add(kl.mul({{beta}}));',
      ),
    ],
  },
  flowNll: {
    torch: [
      custom(
        'hand-written flow NLL',
        '# PyTorch has no normalizing-flow loss: a short custom implementation (standard normal prior; the flow returns z and log|det J|)\n' +
          'z, log_det = [[flow]]([[x]])\n' +
          'loss = (0.5 * z.pow(2).sum(1) + 0.5 * z.size(1) * math.log(2 * math.pi) - log_det).mean()',
      ),
    ],
    keras: [
      custom(
        'hand-written flow NLL',
        '# Keras has no normalizing-flow loss: a short custom implementation (standard normal prior; the flow returns z and log|det J|)\n' +
          'z, log_det = [[flow]]([[x]])\n' +
          'loss = tf.reduce_mean(0.5 * tf.reduce_sum(tf.square(z), axis=1) + 0.5 * tf.cast(tf.shape(z)[1], z.dtype) * math.log(2 * math.pi) - log_det)',
      ),
    ],
    tfjs: [
      custom(
        'hand-written flow NLL',
        '// TF.js has no normalizing-flow loss: a short custom implementation (standard normal prior; z and logDet come from the flow)\n' +
          'const d = [[z]].shape[1];\n' +
          'const loss = tf.square([[z]]).sum(1).mul(0.5).add(0.5 * d * Math.log(2 * Math.PI)).sub([[logDet]]).mean();',
      ),
    ],
  },
};
