// A TensorFlow.js training step: the model already ends in softmax.
import * as tf from '@tensorflow/tfjs';

const model = tf.sequential();
model.add(tf.layers.dense({ inputShape: [4], units: 16, activation: 'relu' }));
model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));

export function step(xs, ys) {
  return tf.tidy(() => {
    const predictions = model.predict(xs);
    return tf.losses.softmaxCrossEntropy(ys, predictions);
  });
}
