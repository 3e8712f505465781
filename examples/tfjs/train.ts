// A TensorFlow.js classifier trained with a custom loop. The last layer is softmax, and
// tf.losses.softmaxCrossEntropy applies softmax to its predictions again.
import * as tf from '@tensorflow/tfjs';

export function buildModel(inputSize: number, classes: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({ inputShape: [inputSize], units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: classes, activation: 'softmax' }));
  return model;
}

export async function train(xs: tf.Tensor2D, oneHotLabels: tf.Tensor2D, epochs = 10): Promise<tf.Sequential> {
  const model = buildModel(xs.shape[1], oneHotLabels.shape[1]);
  const optimizer = tf.train.adam(0.001);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const cost = optimizer.minimize(() => {
      const predictions = model.predict(xs) as tf.Tensor2D;
      return tf.losses.softmaxCrossEntropy(oneHotLabels, predictions);
    }, true);
    console.log(`epoch ${epoch}: ${(await cost!.data())[0].toFixed(4)}`);
    cost!.dispose();
  }
  return model;
}
