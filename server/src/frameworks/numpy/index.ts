// NumPy: arrays from `np.array(...)` literals, and elementwise log/exp/clip on model outputs.
import type { FrameworkPack } from '../types';
import { arg } from '../losses-table';

export const numpyPack: FrameworkPack = {
  id: 'numpy',
  language: 'python',
  roots: ['numpy'],
  imports: [{ module: 'numpy', root: 'numpy' }],
  kindKeeping: ['numpy.clip', 'numpy.squeeze'],
  clampOps: ['clip'],
  shapeOps: ['squeeze'],
  means: new Map([['numpy.mean', arg(1, 'axis')]]),
  meanMethods: new Map([['mean', arg(0, 'axis')]]),
  matrixProducts: ['numpy.matmul'],
  logFunctions: ['numpy.log'],
  expFunctions: ['numpy.exp'],
  literalTensors: ['numpy.array'],
  activations: new Map([['numpy.argmax', { kind: 'class-indices', act: 'other' }]]),
  randomIntegers: ['numpy.random.randint'],
};
