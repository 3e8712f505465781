// Code actions (issue 6): per LossLens diagnostic the rule's fix (from `Diagnostic.data`, so no
// server state is needed), "Ignore LLnnn on this line" and "Explain LLnnn"; and the
// `source.fixAll.losslens` action that applies a file's safe fixes (unsafe ones too when
// `losslens.fix.unsafe` is on). Every edit names the document version it was computed for.
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FeatureContext } from './feature-context';
import type { DiagnosticData } from '../../../shared/src/protocol';
import { COMMANDS } from '../../../shared/src/commands';
import { SOURCE } from './diagnostics';
import { isCurrent } from './code-actions/versions';
import { ignoreOnLineEdit, removeSuppressionEdit, commentStyleOf } from '../fixes/suppression-edit';
import { selectCompatibleFixes } from '../fixes/text-edits';
import { unusedSuppression } from '../rules/registry';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.losslens`;

type DataFix = NonNullable<DiagnosticData['fix']>;

export async function provideCodeActions(ctx: FeatureContext, params: CodeActionParams): Promise<CodeAction[]> {
  const uri = params.textDocument.uri;
  const doc = ctx.document(uri);
  if (!doc) return [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some(o => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const titles = new Set<string>();
    for (const d of params.context.diagnostics) {
      for (const a of quickFixes(ctx, doc, d)) {
        // Several diagnostics of one rule on a line would offer the same ignore/explain action.
        if (titles.has(a.title)) continue;
        titles.add(a.title);
        actions.push(a);
      }
    }
  }
  // Source actions only when asked for by kind (on save, or the Source Action menu).
  if (only && wants(FIX_ALL_KIND)) {
    const all = await fixAll(ctx, doc);
    if (all) actions.push(all);
  }
  return actions;
}

function dataOf(d: Diagnostic): DiagnosticData | undefined {
  if (d.source !== SOURCE || typeof d.code !== 'string' || !d.data || typeof d.data !== 'object') return undefined;
  return d.data as DiagnosticData;
}

function versionOf(ctx: FeatureContext): (uri: string) => number | undefined {
  return uri => ctx.document(uri)?.version;
}

function quickFixes(ctx: FeatureContext, doc: TextDocument, d: Diagnostic): CodeAction[] {
  const data = dataOf(d);
  const code = d.code as string;
  // Stale diagnostics (the text changed since) get no action: their ranges point at other text.
  if (!data || !isCurrent(data, doc.uri, versionOf(ctx))) return [];
  const out: CodeAction[] = [];
  const text = doc.getText();
  if (code === unusedSuppression.id) {
    const edit = removeSuppressionEdit(text, { start: doc.offsetAt(d.range.start), end: doc.offsetAt(d.range.end) });
    if (edit)
      out.push(
        quickFix('Remove unused suppression', d, oneDocumentEdit(doc, [{ range: rangeOf(doc, edit.span), newText: edit.newText }]), true),
      );
    return out;
  }
  if (data.fix) {
    const safe = data.fix.applicability === 'safe';
    out.push(quickFix(`${data.fix.title}${safe ? '' : ' (unsafe)'}`, d, workspaceEdit(ctx, doc, data.fix), safe));
  }
  const ignore = ignoreOnLineEdit(text, doc.offsetAt(d.range.start), code, commentStyleOf(doc.uri, doc.languageId));
  if (ignore)
    out.push(
      quickFix(
        `Ignore ${code} on this line`,
        d,
        oneDocumentEdit(doc, [{ range: rangeOf(doc, ignore.span), newText: ignore.newText }]),
        false,
      ),
    );
  const title = `Explain ${code}${data.name ? ` (${data.name})` : ''}`;
  out.push({
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    command: { title, command: COMMANDS.explainRule, arguments: [code] },
  });
  return out;
}

function quickFix(title: string, d: Diagnostic, edit: WorkspaceEdit, isPreferred: boolean): CodeAction {
  const a: CodeAction = { title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit };
  if (isPreferred) a.isPreferred = true;
  return a;
}

/** One TextDocumentEdit per file, each with the version its ranges belong to (null: not open, the file on disk). */
function workspaceEdit(ctx: FeatureContext, doc: TextDocument, fix: DataFix): WorkspaceEdit {
  const byUri = new Map<string, TextEdit[]>();
  for (const e of fix.edits) {
    const list = byUri.get(e.uri) ?? [];
    list.push({ range: e.range, newText: e.newText });
    byUri.set(e.uri, list);
  }
  return {
    documentChanges: [...byUri].map(([uri, edits]) => ({
      textDocument: { uri, version: uri === doc.uri ? doc.version : (ctx.document(uri)?.version ?? null) },
      edits,
    })),
  };
}

function oneDocumentEdit(doc: TextDocument, edits: TextEdit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] };
}

function rangeOf(doc: TextDocument, span: { start: number; end: number }) {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

/** The fixes of the document that apply together, in one edit; fixes that reach into other files are left to the quick fix. */
async function fixAll(ctx: FeatureContext, doc: TextDocument): Promise<CodeAction | undefined> {
  if (!ctx.diagnose) return undefined;
  const [diagnostics, raw] = await Promise.all([ctx.diagnose(doc.uri), ctx.rawSettings(doc.uri)]);
  const unsafe = unsafeFixesEnabled(raw);
  const current = ctx.document(doc.uri);
  if (!current || current.version !== doc.version) return undefined;
  const candidates: {
    fix: {
      title: string;
      applicability: 'safe' | 'unsafe';
      edits: { uri: string; span: { start: number; end: number }; newText: string }[];
    };
  }[] = [];
  for (const d of diagnostics) {
    const data = dataOf(d);
    const fix = data?.fix;
    if (!data || !fix || !isCurrent(data, doc.uri, versionOf(ctx))) continue;
    if (fix.applicability === 'unsafe' && !unsafe) continue;
    if (fix.edits.some(e => e.uri !== doc.uri)) continue;
    candidates.push({
      fix: {
        ...fix,
        edits: fix.edits.map(e => ({
          uri: e.uri,
          span: { start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end) },
          newText: e.newText,
        })),
      },
    });
  }
  const { chosen } = selectCompatibleFixes(candidates);
  if (chosen.length === 0) return undefined;
  const edits: TextEdit[] = [];
  const seen = new Set<string>();
  for (const c of chosen) {
    for (const e of c.fix.edits) {
      const key = `${e.span.start}:${e.span.end}:${e.newText}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edits.push({ range: rangeOf(doc, e.span), newText: e.newText });
    }
  }
  return {
    title: `LossLens: fix all (${chosen.length} fix${chosen.length === 1 ? '' : 'es'})`,
    kind: FIX_ALL_KIND,
    edit: oneDocumentEdit(doc, edits),
  };
}

/** `losslens.fix.unsafe`, as a nested section (`{ fix: { unsafe } }`) or a flat key. */
export function unsafeFixesEnabled(raw: Record<string, unknown>): boolean {
  const fix = raw.fix;
  if (fix && typeof fix === 'object' && (fix as Record<string, unknown>).unsafe === true) return true;
  return raw['fix.unsafe'] === true;
}
