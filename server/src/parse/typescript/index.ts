import type * as TS from 'typescript';
import type { Module } from '../../ir';
import type { ContentChange, FrontEnd } from '../frontend';
import { lowerSourceFile, type LoweredStatements } from './lower';
import { checkSyntaxKinds, K } from './syntaxKind';
import { diffRange, replayChanges } from './textEdits';

export { ANONYMOUS } from './lower';

interface Parsed {
  sourceFile: TS.SourceFile;
  text: string;
  module: Module;
  lowered: LoweredStatements;
}

/** Script kind from the extension of a URI or path; anything unrecognised parses as TypeScript. */
export function scriptKindOf(ts: typeof TS, uri: string): TS.ScriptKind {
  const m = /\.([A-Za-z]+)(?:[?#].*)?$/.exec(uri);
  switch (m?.[1].toLowerCase()) {
    case 'tsx': return ts.ScriptKind.TSX;
    case 'jsx': return ts.ScriptKind.JSX;
    case 'js': case 'mjs': case 'cjs': return ts.ScriptKind.JS;
    default: return ts.ScriptKind.TS;
  }
}

/**
 * The TS/JS front end. `ts` is injected (the Node server bundles the compiler, the web worker
 * loads it lazily), so this module imports only its types.
 */
export function createTypeScriptFrontEnd(ts: typeof TS): FrontEnd {
  checkSyntaxKinds(ts);
  const opText: string[] = [];
  for (let kind = 0; kind <= K.LastToken; kind++) opText[kind] = ts.tokenToString(kind as TS.SyntaxKind) ?? '';
  // JSDoc is only comments to us; not parsing it saves time and reports no JSDoc-only problems.
  const options: TS.CreateSourceFileOptions = {
    languageVersion: ts.ScriptTarget.Latest,
    jsDocParsingMode: ts.JSDocParsingMode.ParseNone,
  };
  const parsed = new Map<string, Parsed>();

  function parseFresh(uri: string, text: string): TS.SourceFile {
    return ts.createSourceFile(uri, text, options, false, scriptKindOf(ts, uri));
  }

  return {
    language: 'typescript',
    parse(uri: string, text: string, changes?: readonly ContentChange[]): Module {
      const previous = parsed.get(uri);
      // Modules are treated as immutable by their consumers, so an unchanged document shares its lowering.
      if (previous && previous.text === text) return previous.module;
      // updateSourceFile recycles the old tree's nodes, so the old entry is unusable from here on.
      parsed.delete(uri);
      let sourceFile: TS.SourceFile;
      if (!previous) {
        sourceFile = parseFresh(uri, text);
      } else {
        // Trust the client's edits only when replaying them reproduces `text`; otherwise (lost
        // sync, no edits given, a whole-document change) the common prefix/suffix give the range.
        const replayed = changes && changes.length > 0 ? replayChanges(ts, previous.text, changes) : undefined;
        const range = replayed && replayed.text === text ? replayed.range : diffRange(ts, previous.text, text);
        try {
          sourceFile = ts.updateSourceFile(previous.sourceFile, text, range);
        } catch {
          // The incremental parser asserts its invariants; a failed assertion costs a full parse, not the document.
          sourceFile = parseFresh(uri, text);
        }
      }
      const lowered: LoweredStatements = previous?.lowered ?? new WeakMap();
      const module = lowerSourceFile(ts, sourceFile, opText, lowered);
      parsed.set(uri, { sourceFile, text, module, lowered });
      return module;
    },
    forget(uri: string): void {
      parsed.delete(uri);
    },
  };
}
