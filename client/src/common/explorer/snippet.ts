// The framework whose snippets "Insert snippet" and "Copy" use: the last focused editor's. No vscode
// import, so it is unit-tested in Node. The snippets themselves come from the catalog through
// ../selector/snippets, like the Choose-a-Loss selector's.
import type { Framework } from '../../../../core/src/knowledge';

const TF_IMPORT = /^\s*(?:import\s+(?:tensorflow|keras)\b|from\s+(?:tensorflow|keras)\b)/m;
const TORCH_IMPORT = /^\s*(?:import\s+torch\b|from\s+torch\b)/m;

/** The framework a document is written for, from its language and imports; null when none applies. */
export function frameworkOf(languageId: string, text: string): Framework | null {
  switch (languageId) {
    case 'python':
      // A file importing only TensorFlow/Keras gets Keras snippets; everything else Python gets PyTorch.
      return TF_IMPORT.test(text) && !TORCH_IMPORT.test(text) ? 'keras' : 'torch';
    case 'javascript':
    case 'typescript':
    case 'javascriptreact':
    case 'typescriptreact':
      return 'tfjs';
    default:
      return null;
  }
}
