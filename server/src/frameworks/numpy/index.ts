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
  axisMeanMethods: new Map([['mean', arg(0, 'axis')]]),
  matrixProducts: ['numpy.matmul'],
  logFunctions: ['numpy.log'],
  expFunctions: ['numpy.exp'],
  literalTensors: ['numpy.array'],
  activations: new Map([['numpy.argmax', { kind: 'class-indices', act: 'other', dim: { pos: 1, kw: 'axis' } }]]),
  castMethods: new Map([['astype', { pos: 0, kw: ['dtype'] }]]),
  integerDtypes: ['numpy.int64', 'numpy.int32', 'numpy.int_', 'int64', 'int32'],
  floatDtypes: ['numpy.float32', 'numpy.float64', 'float32', 'float64'],
  randomIntegers: ['numpy.random.randint'],
};
