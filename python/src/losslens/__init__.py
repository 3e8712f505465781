"""LossLens: catches loss-function mistakes in PyTorch, Keras/TensorFlow and TensorFlow.js code.

This package is the `losslens` command: the LossLens CLI (JavaScript, in `_node/`) run with the
Node.js found on PATH. See `losslens --help`.
"""

__version__ = "0.1.0"
