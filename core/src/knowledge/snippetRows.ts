// Building blocks of the catalog's snippet rows (each entry's `snippets`): idiomatic code for every loss
// in every framework, in the template language below. The first row per framework is what "Insert"
// uses by default (the Loss Explorer and the Choose-a-Loss selector alike). Where a framework has no
// built-in for a loss, the row is a short hand-written implementation whose first line says so (form
// 'custom'). Facts (argument orders, defaults, label encodings) follow the framework APIs:
//   PyTorch nn.*Loss / F.* take (input, target); Keras losses take (y_true, y_pred); tf.losses.* take
//   (labels, predictions, weights?, …); TF.js compile strings are camelCase and exclude 'mse'/'mae'.
// Template language:
//   {{gamma}}   a hyperparameter of the loss: a tab stop holding the parameter's value (default: the catalog's)
//   [[logits]]  a name the user will rename: a tab stop holding that text
// Repeats of one {{…}} or [[…]] share a tab stop, so renaming `logits` once renames it everywhere.

import type { SnippetRow } from './types';

export const cls = (label: string, template: string): SnippetRow => ({ form: 'class', label, template });
export const fn = (label: string, template: string): SnippetRow => ({ form: 'functional', label, template });
export const compile = (label: string, template: string): SnippetRow => ({ form: 'compile', label, template });
export const custom = (label: string, template: string): SnippetRow => ({ form: 'custom', label, template });

export const kerasCompile = (loss: string, note = ''): SnippetRow =>
  compile(`loss='${loss}'`, `[[model]].compile(optimizer='adam', loss='${loss}')${note ? `  # ${note}` : ''}`);
export const kerasObject = (cls_: string, args = '', note = ''): SnippetRow =>
  cls(`keras.losses.${cls_}`, `[[model]].compile(optimizer='adam', loss=keras.losses.${cls_}(${args}))${note ? `  # ${note}` : ''}`);
export const tfjsCompile = (loss: string, note = ''): SnippetRow =>
  compile(`loss: '${loss}'`, `[[model]].compile({optimizer: 'adam', loss: '${loss}'});${note ? `  // ${note}` : ''}`);
