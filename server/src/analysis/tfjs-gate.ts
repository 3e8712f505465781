// The TypeScript compiler is ~3.5 MB (minified) to load and 120–220 ms to start in a web worker:
// LossLens only needs it for TS/JS code that uses TensorFlow.js. Runtime-neutral.

/** Whether a TS/JS text mentions a TensorFlow.js package (import, require or re-export). */
export function mentionsTfjs(text: string): boolean {
  return text.includes('@tensorflow/tfjs');
}

const RELATIVE_SPECIFIER = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])(\.{1,2}\/[^'"\n]*)\1/gm;

/**
 * Relative module specifiers of a TS/JS text found without parsing it (`from './model'`,
 * `require('../net')`, `import('./x')`), so that a file that uses TF.js only through the workspace
 * files it imports can still wake the parser up. May include specifiers inside comments or strings:
 * they only cost a file read.
 */
export function relativeSpecifiers(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(RELATIVE_SPECIFIER)) out.add(m[2]);
  return [...out];
}
