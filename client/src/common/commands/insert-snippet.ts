// Inserts a loss snippet at the editor's cursors and adds the imports it lacks to the file's header, as
// one undo step. The snippet goes where the cursors were before the imports shifted the text.
import * as vscode from 'vscode';
import { planInsertion, type InsertionPlan, type LossSnippet } from '../selector/snippets';
import { sourceLanguageOf } from '../selector/imports';

export async function insertLossSnippet(editor: vscode.TextEditor, snippet: LossSnippet): Promise<InsertionPlan> {
  const doc = editor.document;
  const language = sourceLanguageOf(doc.languageId);
  if (!language) throw new Error(`cannot insert a loss snippet into a ${doc.languageId} file`);
  const plan = planInsertion(snippet, doc.getText(), language);
  const targets = editor.selections.map(s => ({ start: doc.offsetAt(s.start), end: doc.offsetAt(s.end) }));
  const edit = plan.importEdit;
  if (edit) {
    const ok = await editor.edit(b => b.insert(doc.positionAt(edit.offset), edit.text), { undoStopBefore: true, undoStopAfter: false });
    if (!ok) throw new Error('the imports could not be added (the file changed meanwhile?)');
    // Cursors at or after the import point move down with the text.
    for (const t of targets) {
      if (t.start >= edit.offset) t.start += edit.text.length;
      if (t.end >= edit.offset) t.end += edit.text.length;
    }
  }
  const ranges = targets.map(t => new vscode.Range(doc.positionAt(t.start), doc.positionAt(t.end)));
  const ok = await editor.insertSnippet(new vscode.SnippetString(snippet.snippet), ranges, { undoStopBefore: !edit, undoStopAfter: true });
  if (!ok) throw new Error('the snippet could not be inserted');
  return plan;
}
