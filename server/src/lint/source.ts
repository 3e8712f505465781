// The source stage: what is analysed for a file. A Python, TypeScript or JavaScript file is
// analysed as written; a notebook (.ipynb) as the Python program its code cells make, in document
// order, so that line numbers map back to (cell, line).
import type { LanguageId } from '../parse/frontend';
import { languageOfPath } from '../parse/frontend';
import { isNotebookPath } from '../notebook';
import { readIpynb, virtualNotebookOf, NotebookError, type Ipynb } from '../notebook/ipynb';
import type { VirtualNotebook } from '../notebook/virtual-document';

export interface NotebookFile {
  ipynb: Ipynb;
  model: VirtualNotebook;
}

export interface Source {
  /** The text analysed: the file's own, or a notebook's program. */
  text: string;
  language: LanguageId;
  notebook?: NotebookFile;
}

/** Refusals: `error` for broken files, `note` for files not analysed on purpose. */
export type SourceRefusal = { error: string } | { note: string };

/**
 * The source of a file read from storage (the CLI; `language` absent) or of an editor document
 * (`language` given: the text is already that language's source, e.g. the program the editor keeps
 * for an open notebook). undefined: not a language LossLens analyses.
 */
export function sourceOf(
  uri: string,
  text: string,
  language: LanguageId | undefined,
  explicit: boolean,
): Source | SourceRefusal | undefined {
  if (language) return { text, language };
  if (isNotebookPath(uri)) {
    const nb = readNotebookFile(text, explicit);
    return 'model' in nb ? { text: nb.model.text, language: 'python', notebook: nb } : nb;
  }
  const fromPath = languageOfPath(uri.replace(/[?#].*$/, ''));
  return fromPath ? { text, language: fromPath } : undefined;
}

/**
 * Reads a notebook, or says why not: `error` for broken files (and for any problem with a file
 * named on the command line), `note` for notebooks a folder walk met that are not Python or have
 * no code (an R notebook in a repository is not a failure).
 */
export function readNotebookFile(text: string, explicit: boolean): NotebookFile | SourceRefusal {
  try {
    const ipynb = readIpynb(text);
    return { ipynb, model: virtualNotebookOf(ipynb) };
  } catch (e) {
    if (!(e instanceof NotebookError)) throw e;
    return e.kind === 'unsupported' && !explicit ? { note: e.message } : { error: e.message };
  }
}
