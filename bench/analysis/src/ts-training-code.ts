// Realistic TF.js training code for the TypeScript benchmarks (ts-keystroke.mjs, rules-cost.ts):
// datasets, tf.sequential and tf.model builders, compiled losses, custom losses under tf.tidy,
// optimizer.minimize loops, trainer classes; a few blocks keep a real mistake. Deterministic.

/** One block of a training script (~100 lines): data, a model, losses, a training loop, a class. Some blocks hold a real mistake. */
function block(i: number): string {
  const units = 2 + (i % 9);
  const act = ['softmax', 'sigmoid', 'relu', 'softmax', 'tanh'][i % 5];
  const buggy = i % 4 === 0;
  return `
// ---- experiment ${i} -------------------------------------------------------------------------

/** Hyper-parameters of experiment ${i}. */
export const config${i} = {
  learningRate: ${(0.001 * (1 + (i % 7))).toFixed(4)},
  batchSize: ${32 * (1 + (i % 4))},
  epochs: ${5 + (i % 10)},
  hidden: ${64 + 16 * (i % 5)},
  classes: ${units},
};

export function makeDataset${i}(n: number): { xs: tf.Tensor2D; ys: tf.Tensor2D } {
  return tf.tidy(() => {
    const xs = tf.randomNormal([n, 16]) as tf.Tensor2D;
    const ids = tf.randomUniform([n], 0, config${i}.classes, 'int32') as tf.Tensor1D;
    const ys = tf.oneHot(ids, config${i}.classes) as tf.Tensor2D;
    return { xs, ys };
  });
}

export function buildModel${i}(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: config${i}.hidden, activation: 'relu', inputShape: [16] }));
  model.add(tf.layers.dropout({ rate: 0.2 }));
  model.add(tf.layers.dense({ units: config${i}.hidden / 2, activation: 'relu' }));
  model.add(tf.layers.dense({ units: ${units}, activation: '${act}' }));
  model.compile({
    optimizer: tf.train.adam(config${i}.learningRate),
    loss: '${buggy && act === 'softmax' ? 'binaryCrossentropy' : act === 'sigmoid' ? 'binaryCrossentropy' : 'categoricalCrossentropy'}',
    metrics: ['accuracy'],
  });
  return model;
}

export function buildFunctional${i}(): tf.LayersModel {
  const input = tf.input({ shape: [16] });
  let h = tf.layers.dense({ units: 32, activation: 'relu' }).apply(input) as tf.SymbolicTensor;
  h = tf.layers.dense({ units: 32, activation: 'relu' }).apply(h) as tf.SymbolicTensor;
  const logits = tf.layers.dense({ units: ${units} }).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: logits });
}

export function lossFn${i}(labels: tf.Tensor, logits: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const probs = ${buggy ? 'tf.softmax(logits)' : 'logits'};
    return tf.losses.softmaxCrossEntropy(labels, probs) as tf.Scalar;
  });
}

export const predict${i} = (model: tf.LayersModel, x: tf.Tensor): tf.Tensor => tf.softmax(model.predict(x) as tf.Tensor);

export function evaluate${i}(model: tf.LayersModel, xs: tf.Tensor, ys: tf.Tensor): number {
  const probs = predict${i}(model, xs);
  const correct = probs.argMax(-1).equal(ys.argMax(-1)).sum();
  const acc = correct.dataSync()[0] / xs.shape[0];
  tf.dispose([probs, correct]);
  return acc;
}

export async function train${i}(): Promise<number[]> {
  const model = buildFunctional${i}();
  const optimizer = tf.train.adam(config${i}.learningRate);
  const { xs, ys } = makeDataset${i}(512);
  const history: number[] = [];
  for (let epoch = 0; epoch < config${i}.epochs; epoch++) {
    const cost = optimizer.minimize(() => {
      const logits = model.predict(xs) as tf.Tensor;
      return lossFn${i}(ys, logits);
    }, true);
    history.push(cost ? (await cost.data())[0] : NaN);
    if (epoch % 5 === 0) console.log(\`experiment ${i} epoch \${epoch}: \${history[history.length - 1]}\`);
  }
  return history;
}

export class Trainer${i} {
  private readonly model = buildModel${i}();
  private step = 0;

  async fit(xs: tf.Tensor, ys: tf.Tensor): Promise<tf.History> {
    this.step++;
    return this.model.fit(xs, ys, { batchSize: config${i}.batchSize, epochs: 1, shuffle: true });
  }

  logProbs(x: tf.Tensor): tf.Tensor {
    const p = this.model.predict(x) as tf.Tensor;
    return ${buggy ? 'tf.log(p)' : 'tf.log(p.clipByValue(1e-7, 1))'};
  }
}
`;
}

export function tsTrainingFile(lines: number): string {
  let text = "// Generated TF.js training code for the keystroke benchmark.\nimport * as tf from '@tensorflow/tfjs';\n";
  for (let i = 0; text.split('\n').length < lines; i++) text += block(i);
  return text;
}
