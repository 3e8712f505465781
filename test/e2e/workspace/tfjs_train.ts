// A TensorFlow.js training step in TypeScript: the functional model already ends in softmax.
import * as tf from '@tensorflow/tfjs';

interface Batch {
  xs: tf.Tensor2D;
  ys: tf.Tensor2D;
}

const input = tf.input({ shape: [4] });
const hidden = tf.layers.dense({ units: 16, activation: 'relu' }).apply(input) as tf.SymbolicTensor;
const probs = tf.layers.dense({ units: 3, activation: 'softmax' }).apply(hidden) as tf.SymbolicTensor;
const model: tf.LayersModel = tf.model({ inputs: input, outputs: probs });
const optimizer = tf.train.adam(0.01);

export function trainStep({ xs, ys }: Batch): void {
  optimizer.minimize(() => {
    const scores = model.predict(xs) as tf.Tensor2D;
    return tf.losses.softmaxCrossEntropy(ys, scores) as tf.Scalar;
  });
}
