// The message protocol between the Loss Explorer page and the extension host. Imported by both sides,
// so it uses neither DOM nor vscode types. Every message carries the protocol version; a receiver
// parses what arrives with the functions below and drops (and logs) anything that does not parse:
// a webview message is untrusted input, never a command to execute as is.
import type { Framework } from '../../core/src/knowledge';

export const PROTOCOL_VERSION = 1;

/** The webview panel type: also the key of the panel serializer. */
export const EXPLORER_VIEW_TYPE = 'losslens.explorer';

export type ExplorerView = 'plots' | 'guide';
export type ExportFormat = 'svg' | 'png' | 'csv';
/** Which framework's snippets the host inserts: core's frameworks. */
export type SnippetFramework = Framework;

/** What to show when the explorer opens: from the command palette, a hover link or a rule's Explain action. */
export interface OpenExplorerArgs {
  view?: ExplorerView;
  lossId?: string;
  params?: Record<string, number>;
  /** A rule id (LL001…) whose story the plots view tells. */
  ruleId?: string;
}

// ── page → host ──────────────────────────────────────────────────────────────
export interface ReadyMessage {
  v: 1;
  type: 'ready';
}
export interface ExportMessage {
  v: 1;
  type: 'export';
  format: ExportFormat;
  /** File name without folder, e.g. "huber-loss.svg". */
  suggestedName: string;
  /** SVG/CSV text, or for PNG a `data:image/png;base64,…` URL. */
  data: string;
}
export interface InsertSnippetMessage {
  v: 1;
  type: 'insertSnippet';
  lossId: string;
  params: Record<string, number>;
}
export interface CopySnippetMessage {
  v: 1;
  type: 'copySnippet';
  lossId: string;
  params: Record<string, number>;
}
export type PageMessage = ReadyMessage | ExportMessage | InsertSnippetMessage | CopySnippetMessage;

// ── host → page ──────────────────────────────────────────────────────────────
export interface ShowMessage {
  v: 1;
  type: 'show';
  args: OpenExplorerArgs;
}
/** Which framework "Insert snippet" targets: the last focused text editor's, or none. */
export interface EditorContextMessage {
  v: 1;
  type: 'editorContext';
  framework: SnippetFramework | null;
  fileName: string | null;
}
export type HostMessage = ShowMessage | EditorContextMessage;

// ── limits ───────────────────────────────────────────────────────────────────
/** A 4k PNG of a chart is well under this; anything larger is not ours. */
export const MAX_EXPORT_BYTES = 16 * 1024 * 1024;
const MAX_PARAMS = 16;
const ID_PATTERN = /^[A-Za-z][A-Za-z0-9]{0,63}$/;
const RULE_PATTERN = /^LL\d{3}$/;
const FILE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const PNG_PREFIX = 'data:image/png;base64,';

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function hasOnly(o: Obj, keys: readonly string[]): boolean {
  return Object.keys(o).every(k => keys.includes(k));
}
export function isLossId(v: unknown): v is string {
  return typeof v === 'string' && ID_PATTERN.test(v);
}

/** Parameter values by name: finite numbers under identifier-like names, at most 16. */
export function parseParams(v: unknown): Record<string, number> | undefined {
  if (!isObject(v)) return undefined;
  const entries = Object.entries(v);
  if (entries.length > MAX_PARAMS) return undefined;
  const out: Record<string, number> = {};
  for (const [k, n] of entries) {
    if (!ID_PATTERN.test(k) || typeof n !== 'number' || !Number.isFinite(n)) return undefined;
    out[k] = n;
  }
  return out;
}

export function parseOpenArgs(v: unknown): OpenExplorerArgs | undefined {
  if (v === undefined || v === null) return {};
  if (!isObject(v) || !hasOnly(v, ['view', 'lossId', 'params', 'ruleId'])) return undefined;
  const out: OpenExplorerArgs = {};
  if (v.view !== undefined) {
    if (v.view !== 'plots' && v.view !== 'guide') return undefined;
    out.view = v.view;
  }
  if (v.lossId !== undefined) {
    if (!isLossId(v.lossId)) return undefined;
    out.lossId = v.lossId;
  }
  if (v.params !== undefined) {
    const params = parseParams(v.params);
    if (!params) return undefined;
    out.params = params;
  }
  if (v.ruleId !== undefined) {
    if (typeof v.ruleId !== 'string' || !RULE_PATTERN.test(v.ruleId)) return undefined;
    out.ruleId = v.ruleId;
  }
  return out;
}

function versioned(v: unknown): v is Obj & { type: string } {
  return isObject(v) && v.v === PROTOCOL_VERSION && typeof v.type === 'string';
}

/** The page message in `raw`, or undefined when it is unknown, of another version or malformed. */
export function parsePageMessage(raw: unknown): PageMessage | undefined {
  if (!versioned(raw)) return undefined;
  switch (raw.type) {
    case 'ready':
      return hasOnly(raw, ['v', 'type']) ? { v: 1, type: 'ready' } : undefined;
    case 'export': {
      if (!hasOnly(raw, ['v', 'type', 'format', 'suggestedName', 'data'])) return undefined;
      const { format, suggestedName, data } = raw;
      if (format !== 'svg' && format !== 'png' && format !== 'csv') return undefined;
      if (typeof suggestedName !== 'string' || !FILE_NAME_PATTERN.test(suggestedName) || !suggestedName.endsWith(`.${format}`))
        return undefined;
      if (typeof data !== 'string' || data.length === 0 || data.length > MAX_EXPORT_BYTES) return undefined;
      if (format === 'png' && !(data.startsWith(PNG_PREFIX) && /^[A-Za-z0-9+/]+=*$/.test(data.slice(PNG_PREFIX.length)))) return undefined;
      if (format === 'svg' && !/^<svg[\s>]/.test(data)) return undefined;
      return { v: 1, type: 'export', format, suggestedName, data };
    }
    case 'insertSnippet':
    case 'copySnippet': {
      if (!hasOnly(raw, ['v', 'type', 'lossId', 'params'])) return undefined;
      const params = parseParams(raw.params);
      if (!isLossId(raw.lossId) || !params) return undefined;
      return { v: 1, type: raw.type, lossId: raw.lossId, params };
    }
    default:
      return undefined;
  }
}

/** The host message in `raw`, or undefined when it is unknown, of another version or malformed. */
export function parseHostMessage(raw: unknown): HostMessage | undefined {
  if (!versioned(raw)) return undefined;
  switch (raw.type) {
    case 'show': {
      if (!hasOnly(raw, ['v', 'type', 'args']) || !isObject(raw.args)) return undefined;
      const args = parseOpenArgs(raw.args);
      return args ? { v: 1, type: 'show', args } : undefined;
    }
    case 'editorContext': {
      if (!hasOnly(raw, ['v', 'type', 'framework', 'fileName'])) return undefined;
      const { framework, fileName } = raw;
      if (framework !== null && framework !== 'torch' && framework !== 'keras' && framework !== 'tfjs' && framework !== 'jax')
        return undefined;
      if (fileName !== null && (typeof fileName !== 'string' || fileName.length > 260)) return undefined;
      return { v: 1, type: 'editorContext', framework, fileName };
    }
    default:
      return undefined;
  }
}

/** The decoded bytes of an export message (PNG data URL or UTF-8 text). */
export function exportBytes(msg: ExportMessage): Uint8Array {
  if (msg.format !== 'png') return new TextEncoder().encode(msg.data);
  const bin = atobPortable(msg.data.slice(PNG_PREFIX.length));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

// atob exists in browsers, web workers and Node ≥ 16, but neither the DOM nor Node typings are in
// every project that compiles this file.
function atobPortable(b64: string): string {
  return (globalThis as unknown as { atob(s: string): string }).atob(b64);
}

/** Rules whose "Explain" opens the Loss Explorer on a story with its plot (see stories.ts; a test keeps the two in step). */
export const RULE_STORY_IDS: readonly string[] = ['LL001', 'LL002', 'LL003', 'LL005', 'LL010'];
