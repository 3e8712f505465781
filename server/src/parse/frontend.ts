import type { Language, Module } from '../ir';

/** An LSP-style content change: a range replaced by text, or the whole document (no range). */
export interface ContentChange {
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
}

/**
 * A parser front end: source text to the IR of ../ir.ts. Implementations keep per-document parse
 * state (for incremental re-parsing) keyed by URI; `forget` releases it (tree-sitter trees live in
 * wasm memory and must be deleted).
 */
export interface FrontEnd {
  readonly language: Language;
  /**
   * Lowers `text`. The returned Module is valid until the next `parse` of the same URI: statements
   * outside an edit are kept as the same objects with their spans moved in place, so callers must not
   * hold IR (or spans taken from it) across parses. When `changes` are given they are the edits that turned the previously parsed
   * text of `uri` into `text` (in order, LSP semantics); the front end may use them to re-parse
   * incrementally. Never throws on bad syntax: syntax errors are in `Module.syntaxErrors`.
   */
  parse(uri: string, text: string, changes?: readonly ContentChange[]): Module;
  forget(uri: string): void;
  /**
   * Lowers `text` for a caller that will not parse it again (the CLI): the same Module as `parse`
   * gives, with no state kept for `uri`. Optional: without it, `parse` then `forget`.
   */
  parseOnce?(uri: string, text: string): Module;
}

export type LanguageId = 'python' | 'typescript' | 'javascript' | 'typescriptreact' | 'javascriptreact';

const EXT_LANG: Record<string, LanguageId> = {
  py: 'python',
  pyi: 'python',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'typescriptreact',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascriptreact',
};

/** The language of a file from its name, or undefined when LossLens does not analyse it. */
export function languageOfPath(path: string): LanguageId | undefined {
  const m = /\.([A-Za-z]+)$/.exec(path);
  return m ? EXT_LANG[m[1].toLowerCase()] : undefined;
}

export function frontEndLanguage(id: LanguageId): Language {
  return id === 'python' ? 'python' : 'typescript';
}
