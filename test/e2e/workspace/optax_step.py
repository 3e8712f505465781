import jax
import optax


@jax.jit
def loss_fn(logits, labels):
    probs = jax.nn.softmax(logits)
    return optax.softmax_cross_entropy_with_integer_labels(probs, labels).mean()
