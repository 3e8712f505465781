// Datasets (`tf.data`, `tfds.load`): what an element holds, through `map`, `batch`, `shuffle`…, so that
// iterating a dataset or `fit(dataset)` sees the labels inside it.
import { DATASET_METHODS } from '../../frameworks/registry';
import type { DatasetLoaderSpec } from '../../frameworks/types';
import { argValue } from './call-args';
import { UNKNOWN, tensor, type CallSite, type DatasetValue, type DictValue, type FunctionValue, type Value } from './values';

/** `tfds.load('mnist', as_supervised=True)`: (features, label) elements with the dataset's labels (a list of splits: one each). */
export function loadDataset(spec: DatasetLoaderSpec, site: CallSite, own: (d: DictValue) => DictValue, depth: number): Value {
  const name = argValue(site, spec.name);
  const kind = name?.t === 'const' && typeof name.value === 'string' ? spec.labels.get(name.value.split(':')[0]) : undefined;
  const flag = (kw: string) => {
    const v = site.keywords.get(kw);
    return v?.t === 'const' && v.value === true;
  };
  const label = kind ? tensor(kind) : UNKNOWN;
  const element: Value = flag(spec.supervised)
    ? { t: 'tuple', elts: [UNKNOWN, label] }
    : own({ t: 'dict', entries: new Map([[spec.labelKey, label]]), depth });
  const split = argValue(site, spec.split);
  const ds: Value =
    split?.t === 'tuple' ? { t: 'tuple', elts: split.elts.map((): Value => ({ t: 'dataset', element })) } : { t: 'dataset', element };
  return flag(spec.withInfo) ? { t: 'tuple', elts: [ds, UNKNOWN] } : ds;
}

/**
 * A dataset method: the dataset itself (`batch`, `shuffle`), or for `map(fn)` a dataset of what fn returns
 * given an element's parts as arguments; undefined for methods that make no dataset.
 */
export function datasetMethod(
  ds: DatasetValue,
  name: string,
  site: CallSite,
  call: (fn: FunctionValue, args: Value[]) => Value,
): Value | undefined {
  if (!DATASET_METHODS.has(name)) return undefined;
  if (name !== 'map') return ds;
  const fn = site.positional[0];
  if (fn?.t !== 'function') return { t: 'dataset', element: UNKNOWN };
  return { t: 'dataset', element: call(fn, ds.element.t === 'tuple' ? ds.element.elts : [ds.element]) };
}
