// TensorFlow Datasets: `tfds.load(name, as_supervised=True)` gives (features, label) pairs whose labels
// are class ids for the classification datasets listed here; other names give nothing known.
import type { FrameworkPack, Kind } from '../types';
import { arg } from '../losses-table';

export const tfdsPack: FrameworkPack = {
  id: 'tfds',
  language: 'python',
  roots: ['tfds'],
  imports: [{ module: 'tensorflow_datasets', root: 'tfds' }],
  datasetLoaders: new Map([
    [
      'tfds.load',
      {
        name: arg(0, 'name'),
        supervised: 'as_supervised',
        split: arg(1, 'split'),
        withInfo: 'with_info',
        labelKey: 'label',
        labels: new Map<string, Kind>([
          ['mnist', 'class-indices'],
          ['fashion_mnist', 'class-indices'],
          ['kmnist', 'class-indices'],
          ['emnist', 'class-indices'],
          ['cifar10', 'class-indices'],
          ['cifar100', 'class-indices'],
          ['svhn_cropped', 'class-indices'],
          ['stl10', 'class-indices'],
          ['tf_flowers', 'class-indices'],
          ['imagenet2012', 'class-indices'],
          ['imagenette', 'class-indices'],
          ['food101', 'class-indices'],
          ['oxford_flowers102', 'class-indices'],
          ['ag_news_subset', 'class-indices'],
          ['imdb_reviews', 'labels01'],
        ]),
      },
    ],
  ]),
};
