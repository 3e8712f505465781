// Findings (after configuration) → LSP diagnostics.
import { DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation, type Position } from 'vscode-languageserver';
import type { Finding } from '../findings';
import type { ConfigProblem } from '../config/project-config';
import { lspSeverity } from '../config/severity';
import { unusedSuppression } from '../rules/registry';
import { ruleDocUrl } from '../rules/docs';
import type { DiagnosticData } from '../../../shared/src/protocol';

export const SOURCE = 'LossLens';
/** LSP clamps a character past the end of a line to the line's length. */
const END_OF_LINE = 2147483647;

type Converter = (uri: string) => ((offset: number) => Position) | undefined;

export function toDiagnostic(f: Finding, positions: Converter): Diagnostic | undefined {
  const at = positions(f.uri);
  if (!at) return undefined;
  const related: DiagnosticRelatedInformation[] = [];
  for (const r of f.related) {
    const rat = positions(r.uri);
    if (rat) related.push({ location: { uri: r.uri, range: { start: rat(r.span.start), end: rat(r.span.end) } }, message: r.message });
  }
  const data: DiagnosticData = { name: f.name };
  if (f.fix) {
    const edits: NonNullable<DiagnosticData['fix']>['edits'] = [];
    let complete = true;
    for (const e of f.fix.edits) {
      const eat = positions(e.uri);
      if (!eat) {
        complete = false;
        break;
      }
      edits.push({ uri: e.uri, range: { start: eat(e.span.start), end: eat(e.span.end) }, newText: e.newText });
    }
    if (complete) data.fix = { title: f.fix.title, applicability: f.fix.applicability, edits };
  }
  const d: Diagnostic = {
    range: { start: at(f.span.start), end: at(f.span.end) },
    severity: lspSeverity(f.severity),
    code: f.code,
    codeDescription: { href: ruleDocUrl(f.code) },
    source: SOURCE,
    message: f.message,
    data,
  };
  if (related.length) d.relatedInformation = related;
  if (f.code === unusedSuppression.id) d.tags = [DiagnosticTag.Unnecessary];
  return d;
}

/** A configuration-file problem, shown on its line of the configuration file. */
export function configProblemDiagnostic(p: ConfigProblem): Diagnostic {
  const line = Math.max(0, p.line - 1);
  return {
    range: { start: { line, character: 0 }, end: { line, character: END_OF_LINE } },
    severity: lspSeverity('error'),
    source: SOURCE,
    message: p.message,
  };
}
