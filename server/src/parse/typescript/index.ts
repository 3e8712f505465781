import type * as TS from 'typescript';
import type { Module } from '../../ir';
import type { ContentChange, FrontEnd } from '../frontend';
import { ChunkedDocument, isModuleFile, type ChunkContext, type ChunkInfo } from './chunkedDocument';
import { lowerSourceFile } from './lower';
import { checkSyntaxKinds, K } from './syntaxKind';
import { diffRange, verifiedChangeRange } from './textEdits';

export { ANONYMOUS } from './lower';

/** Script kind from the extension of a URI or path; anything unrecognised parses as TypeScript. */
export function scriptKindOf(ts: typeof TS, uri: string): TS.ScriptKind {
  const m = /\.([A-Za-z]+)(?:[?#].*)?$/.exec(uri);
  switch (m?.[1].toLowerCase()) {
    case 'tsx':
      return ts.ScriptKind.TSX;
    case 'jsx':
      return ts.ScriptKind.JSX;
    case 'js':
    case 'mjs':
    case 'cjs':
      return ts.ScriptKind.JS;
    default:
      return ts.ScriptKind.TS;
  }
}

export interface TypeScriptFrontEndOptions {
  /**
   * Target size of the chunks a document is parsed in, in UTF-16 code units (see
   * ./chunkedDocument.ts). An edit re-parses about one chunk; a smaller size makes that cheaper
   * and cuts more often, which costs on the first parse. Tests use tiny chunks to cut everywhere.
   */
  chunkSize?: number;
}

/** Measured on the 5,000-line keystroke benchmark: 2–8 K give the same edit latency; smaller cuts first parses into more pieces. */
const DEFAULT_CHUNK_SIZE = 4096;

function operatorTexts(ts: typeof TS): string[] {
  const opText: string[] = [];
  for (let kind = 0; kind <= K.LastToken; kind++) opText[kind] = ts.tokenToString(kind as TS.SyntaxKind) ?? '';
  return opText;
}

// JSDoc is only comments to us; not parsing it saves time and reports no JSDoc-only problems.
function parseOptions(ts: typeof TS, setExternalModuleIndicator?: (file: TS.SourceFile) => void): TS.CreateSourceFileOptions {
  return { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone, setExternalModuleIndicator };
}

/**
 * The reference lowering: `text` parsed whole and lowered in one go, nothing kept. The front end
 * must give exactly this for any text without syntax errors, after any history of edits.
 */
export function parseWholeFile(ts: typeof TS, uri: string, text: string): Module {
  checkSyntaxKinds(ts);
  const sf = ts.createSourceFile(uri, text, parseOptions(ts), false, scriptKindOf(ts, uri));
  return lowerSourceFile(ts, sf, operatorTexts(ts));
}

/**
 * The TS/JS front end. `ts` is injected (the Node server bundles the compiler, the web worker
 * loads it lazily), so this module imports only its types. Each document is kept as chunks of
 * top-level statements parsed separately (./chunkedDocument.ts), so an edit costs about one chunk.
 */
export function createTypeScriptFrontEnd(
  ts: typeof TS,
  frontEndOptions: TypeScriptFrontEndOptions = {},
): FrontEnd & {
  /** For tests: the chunks `uri` is kept as. */
  chunksOf(uri: string): ChunkInfo[] | undefined;
} {
  checkSyntaxKinds(ts);
  const opText = operatorTexts(ts);
  const docs = new Map<string, ChunkedDocument>();

  // A chunk is a module when the document is: typescript's parser treats top-level `await` by
  // that. The setting travels with each source file into ts.updateSourceFile, so the callback
  // reads what the current parse asked for.
  let inModule = false;
  const options = parseOptions(ts, file => {
    (file as { externalModuleIndicator?: unknown }).externalModuleIndicator = inModule || isModuleFile(ts, file) ? true : undefined;
  });

  const contextFor = (uri: string): ChunkContext => {
    const kind = scriptKindOf(ts, uri);
    return {
      ts,
      opText,
      chunkSize: frontEndOptions.chunkSize ?? DEFAULT_CHUNK_SIZE,
      parse(text, module) {
        inModule = module;
        return ts.createSourceFile(uri, text, options, false, kind);
      },
      update(sf, text, range, module) {
        inModule = module;
        return ts.updateSourceFile(sf, text, range);
      },
    };
  };

  return {
    language: 'typescript',
    parse(uri: string, text: string, changes?: readonly ContentChange[]): Module {
      const previous = docs.get(uri);
      // Modules are treated as immutable by their consumers, so an unchanged document shares its lowering.
      if (previous && previous.text === text) return previous.module;
      if (!previous) {
        const doc = ChunkedDocument.parse(contextFor(uri), text);
        docs.set(uri, doc);
        return doc.module;
      }
      // Trust the client's edits only when replaying them reproduces `text`; otherwise (lost
      // sync, no edits given, a whole-document change) the common prefix/suffix give the range.
      const range = (changes && verifiedChangeRange(ts, previous.text, text, changes)) ?? diffRange(ts, previous.text, text);
      try {
        previous.edit(text, range.span.start, range.span.start + range.span.length, range.newLength);
        return previous.module;
      } catch {
        // Kept state that no longer fits the text costs a fresh parse, never the document.
        const doc = ChunkedDocument.parse(contextFor(uri), text);
        docs.set(uri, doc);
        return doc.module;
      }
    },
    forget(uri: string): void {
      docs.delete(uri);
    },
    chunksOf(uri: string) {
      return docs.get(uri)?.describeChunks();
    },
  };
}
