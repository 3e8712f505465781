// Code actions: quick fixes from `Diagnostic.data.fix` plug in here; none are offered yet.
import type { CodeAction, CodeActionParams } from 'vscode-languageserver';
import type { FeatureContext } from './feature-context';

export function provideCodeActions(_ctx: FeatureContext, _params: CodeActionParams): CodeAction[] {
  return [];
}
