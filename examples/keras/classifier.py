"""Fashion-MNIST classifier in Keras.

The output layer already applies softmax, but the loss is told it receives logits
(`from_logits=True`), so softmax is applied twice.
"""
import tensorflow as tf
from tensorflow import keras


def build_model(num_classes: int = 10) -> keras.Model:
    model = keras.Sequential(
        [
            keras.layers.Input(shape=(28, 28)),
            keras.layers.Flatten(),
            keras.layers.Dense(128, activation="relu"),
            keras.layers.Dropout(0.2),
            keras.layers.Dense(num_classes, activation="softmax"),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.Adam(1e-3),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=["accuracy"],
    )
    return model


if __name__ == "__main__":
    (x_train, y_train), _ = keras.datasets.fashion_mnist.load_data()
    model = build_model()
    model.fit(tf.cast(x_train, tf.float32) / 255.0, y_train, epochs=3, batch_size=64)
