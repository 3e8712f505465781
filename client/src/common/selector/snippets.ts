// Snippets per loss × framework, compiled from the catalog's snippet rows (core/src/knowledge) with the
// catalog's parameter defaults or given values, and the insertion plan (snippet + missing imports) for a
// given file. The Choose-a-Loss selector and the Loss Explorer's Insert/Copy both come through here.
// No vscode import.
import { getCatalogEntry, type Framework, type LossId, type SnippetForm } from '../../../../core/src/knowledge';
import { compileTemplate, type CompiledSnippet } from './template';
import { importEdit, missingImports, type ImportEdit, type SourceLanguage } from './imports';

export const FRAMEWORK_LABELS: Record<Framework, string> = { torch: 'PyTorch', keras: 'Keras', tfjs: 'TensorFlow.js', jax: 'JAX/optax' };
export const FRAMEWORKS: readonly Framework[] = ['torch', 'keras', 'tfjs', 'jax'];

export interface LossSnippet extends CompiledSnippet {
  lossId: LossId;
  framework: Framework;
  form: SnippetForm;
  label: string;
  /** True when the framework has no built-in and the code is a short hand-written implementation. */
  custom: boolean;
}

/** The snippets of a loss for a framework, most idiomatic first; empty when the loss is unknown. */
export function lossSnippets(lossId: LossId, framework: Framework, values: Readonly<Record<string, number>> = {}): LossSnippet[] {
  const entry = getCatalogEntry(lossId);
  const rows = entry?.snippets[framework];
  if (!entry || !rows) return [];
  const language = framework === 'tfjs' ? 'javascript' : 'python';
  return rows.map(row => ({
    ...compileTemplate(row.template, entry.params, language, values),
    lossId,
    framework,
    form: row.form,
    label: row.label,
    custom: row.form === 'custom',
  }));
}

/** The default (first) snippet of a loss for a framework, with `values` in its parameter tab stops. */
export function defaultLossSnippet(
  lossId: LossId,
  framework: Framework,
  values: Readonly<Record<string, number>> = {},
): LossSnippet | undefined {
  return lossSnippets(lossId, framework, values)[0];
}

export interface InsertionPlan {
  snippet: LossSnippet;
  /** The import lines that will be added (for messages and tests). */
  imports: string[];
  importEdit: ImportEdit | undefined;
}

/** What inserting `snippet` into a file with `fileText` does: the snippet plus the imports it lacks. */
export function planInsertion(snippet: LossSnippet, fileText: string, language: SourceLanguage): InsertionPlan {
  const imports = missingImports(snippet.plain, snippet.framework, fileText, language);
  return { snippet, imports, importEdit: importEdit(fileText, language, imports) };
}
