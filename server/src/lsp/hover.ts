// Hover: loss previews (value and gradient curves) plug in here; nothing is shown yet.
import type { Hover, HoverParams } from 'vscode-languageserver';
import type { FeatureContext } from './feature-context';

export function provideHover(_ctx: FeatureContext, _params: HoverParams): Hover | null {
  return null;
}
