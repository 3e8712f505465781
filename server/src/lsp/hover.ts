// Hover: loss previews (parameters as written, key values, loss and gradient curves computed by core),
// activation mismatches and rule docs in suppression comments. The analysis of a document is reused
// across hovers until the document changes, so hovering around a file costs a lookup and a render.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { AnalysisWorkspace } from '../analysis/workspace';
import { applyConfiguration } from '../config/apply';
import type { EditorSettings } from '../config/settings';
import { buildHoverIndex, hoverAt, type HoverIndex } from '../hover/index';
import type { FeatureContext } from './feature-context';

/**
 * Optional extra the server may offer: the client's `textDocument.hover.contentFormat`. Clients
 * without Markdown get the text rendering (sparklines instead of an image).
 */
export interface HoverClientInfo {
  hoverContentFormat?(): readonly string[] | undefined;
}

/** How long an analysis is reused while the document is unchanged (imports may change meanwhile). */
const CACHE_TTL_MS = 10_000;
const CACHE_SIZE = 8;

interface CacheEntry {
  workspace: AnalysisWorkspace;
  version: number;
  text: string;
  settings: EditorSettings;
  index: HoverIndex;
  time: number;
}

const cache = new Map<string, CacheEntry>();

export async function provideHover(ctx: FeatureContext & HoverClientInfo, params: HoverParams): Promise<Hover | null> {
  const uri = params.textDocument.uri;
  const doc = ctx.document(uri);
  if (!doc) return null;
  const settings = await ctx.settings(uri);
  if (!settings.enable) return null;
  const markdown = clientTakesMarkdown(ctx.hoverContentFormat?.());
  const plots = settings.hoverPlots;
  const text = doc.getText();
  const offset = doc.offsetAt(params.position);
  const index = plots === 'off' ? undefined : indexFor(ctx.workspace(), uri, doc.version, text, settings);
  const result = hoverAt(index, text, offset, { plots, markdown });
  if (!result) return null;
  return {
    contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: result.markdown },
    range: { start: doc.positionAt(result.span.start), end: doc.positionAt(result.span.end) },
  };
}

/** Markdown unless the client lists content formats without it. */
export function clientTakesMarkdown(formats: readonly string[] | undefined): boolean {
  return !formats || formats.length === 0 || formats.includes(MarkupKind.Markdown);
}

function indexFor(
  ws: AnalysisWorkspace | undefined,
  uri: string,
  version: number,
  text: string,
  settings: EditorSettings,
): HoverIndex | undefined {
  if (!ws || !ws.has(uri)) return undefined;
  const now = Date.now();
  const hit = cache.get(uri);
  if (
    hit &&
    hit.workspace === ws &&
    hit.version === version &&
    hit.text === text &&
    hit.settings === settings &&
    now - hit.time < CACHE_TTL_MS
  )
    return hit.index;
  const inspection = ws.inspect(uri);
  // Findings as the Problems panel shows them: suppressed and disabled rules are not repeated in hovers.
  // (Project files' select/ignore are not read here; editor severities and suppression comments are.)
  const findings = applyConfiguration(inspection.findings, text, { editorSeverity: settings.rules }, uri).filter(f => f.code !== 'LL000');
  const index = buildHoverIndex(inspection, uri, findings);
  cache.delete(uri);
  cache.set(uri, { workspace: ws, version, text, settings, index, time: now });
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return index;
}
