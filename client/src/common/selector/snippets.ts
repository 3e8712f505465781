// Snippets per loss × framework, compiled from ./snippet-table with the catalog's parameter defaults,
// and the insertion plan (snippet + missing imports) for a given file. No vscode import.
import { getCatalogEntry, type Framework, type LossId } from '../../../../core/src/knowledge';
import { SNIPPET_TABLE, type SnippetForm } from './snippet-table';
import { compileTemplate, type CompiledSnippet } from './template';
import { importEdit, missingImports, type ImportEdit, type SourceLanguage } from './imports';

export const FRAMEWORK_LABELS: Record<Framework, string> = { torch: 'PyTorch', keras: 'Keras', tfjs: 'TensorFlow.js' };
export const FRAMEWORKS: readonly Framework[] = ['torch', 'keras', 'tfjs'];

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
  const rows = SNIPPET_TABLE[lossId]?.[framework];
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
