// Mutators for the fuzz campaigns: source files (bytes and lines), notebooks (structure-aware),
// TOML configurations and exclude globs. Each takes the RNG and returns new bytes; the name of the
// mutator is returned too, so a violation says what produced its input.
import type { Rng } from './rng';

export type Mutator = (rng: Rng, input: Buffer) => Buffer;

const lines = (b: Buffer) => b.toString('latin1').split('\n');
const fromLines = (ls: string[]) => Buffer.from(ls.join('\n'), 'latin1');

export const sourceMutators: Record<string, Mutator> = {
  byteFlip: (rng, b) => {
    const out = Buffer.from(b);
    for (let i = 0, n = 1 + rng.int(8); i < n && out.length; i++) out[rng.int(out.length)] ^= 1 << rng.int(8);
    return out;
  },
  truncate: (rng, b) => b.subarray(0, rng.int(b.length + 1)),
  lineDelete: (rng, b) => {
    const ls = lines(b);
    ls.splice(rng.int(ls.length), 1 + rng.int(3));
    return fromLines(ls);
  },
  lineDuplicate: (rng, b) => {
    const ls = lines(b);
    const i = rng.int(ls.length);
    ls.splice(i, 0, ls[i]);
    return fromLines(ls);
  },
  lineSwap: (rng, b) => {
    const ls = lines(b);
    const i = rng.int(ls.length);
    const j = rng.int(ls.length);
    [ls[i], ls[j]] = [ls[j], ls[i]];
    return fromLines(ls);
  },
  invalidUtf8: (rng, b) =>
    insert(rng, b, Buffer.from(rng.pick([[0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]]))),
  nul: (rng, b) => insert(rng, b, Buffer.from([0])),
  bom: (_rng, b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]),
  crOnly: (_rng, b) => Buffer.from(b.toString('latin1').replace(/\r?\n/g, '\r'), 'latin1'),
  crlf: (_rng, b) => Buffer.from(b.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1'),
  mixedEol: (rng, b) =>
    Buffer.from(
      b.toString('latin1').replace(/\r?\n/g, () => rng.pick(['\n', '\r\n', '\r'])),
      'latin1',
    ),
  deepNesting: (rng, b) => {
    const n = 50 + rng.int(3000);
    const expr = rng.pick([`${'('.repeat(n)}1${')'.repeat(n)}`, `${'['.repeat(n)}${']'.repeat(n)}`, Array(n).fill('x').join(' + ')]);
    return insertLine(rng, b, `deep = ${expr}`);
  },
  longLine: (rng, b) => insertLine(rng, b, `s = "${'x'.repeat(10_000 + rng.int(200_000))}"`),
  longIdentifier: (rng, b) => insertLine(rng, b, `${'a'.repeat(1000 + rng.int(100_000))} = 1`),
  deepIndent: (rng, b) => {
    const n = 20 + rng.int(150);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(`${'    '.repeat(i)}if x:`);
    out.push(`${'    '.repeat(n)}pass`);
    return insertLine(rng, b, out.join('\n'));
  },
};

function insert(rng: Rng, b: Buffer, piece: Buffer): Buffer {
  const at = rng.int(b.length + 1);
  return Buffer.concat([b.subarray(0, at), piece, b.subarray(at)]);
}

function insertLine(rng: Rng, b: Buffer, line: string): Buffer {
  const ls = lines(b);
  ls.splice(rng.int(ls.length + 1), 0, line);
  return fromLines(ls);
}

/** Several source mutations in a row, named by their sequence. */
export function mutateSource(rng: Rng, b: Buffer): { bytes: Buffer; how: string } {
  const names = Object.keys(sourceMutators);
  const steps: string[] = [];
  for (let i = 0, n = 1 + rng.int(3); i < n; i++) {
    const name = rng.pick(names);
    steps.push(name);
    b = sourceMutators[name](rng, b);
  }
  return { bytes: b, how: steps.join('+') };
}

/** Notebook JSON mutated through its structure (cells, sources, outputs, metadata), then maybe its bytes. */
export function mutateNotebook(rng: Rng, b: Buffer): { bytes: Buffer; how: string } {
  let nb: Record<string, unknown>;
  try {
    nb = JSON.parse(b.toString('utf8')) as Record<string, unknown>;
  } catch {
    return mutateSource(rng, b);
  }
  const cells = Array.isArray(nb.cells) ? (nb.cells as Record<string, unknown>[]) : [];
  const op = rng.pick([
    'dropCell',
    'dupCell',
    'swapCells',
    'sourceString',
    'sourceMutate',
    'cellType',
    'badCells',
    'deepJson',
    'metadata',
    'bytes',
  ]);
  switch (op) {
    case 'dropCell':
      cells.splice(rng.int(cells.length), 1);
      break;
    case 'dupCell':
      if (cells.length) cells.push(structuredClone(rng.pick(cells)));
      break;
    case 'swapCells':
      if (cells.length > 1) cells.reverse();
      break;
    case 'sourceString':
      for (const c of cells) if (Array.isArray(c.source)) c.source = (c.source as string[]).join('');
      break;
    case 'sourceMutate': {
      const c = cells.length ? rng.pick(cells) : undefined;
      if (c) {
        const text = Array.isArray(c.source) ? (c.source as string[]).join('') : String(c.source ?? '');
        c.source = mutateSource(rng, Buffer.from(text)).bytes.toString('utf8');
      }
      break;
    }
    case 'cellType':
      if (cells.length) rng.pick(cells).cell_type = rng.pick(['code', 'markdown', 'raw', 42, null]);
      break;
    case 'badCells':
      nb.cells = rng.pick([null, {}, 'cells', [1, 2], [{ source: 5 }]]);
      break;
    case 'deepJson': {
      const n = 100 + rng.int(9000);
      return { bytes: Buffer.from(`{"cells": ${'['.repeat(n)}${']'.repeat(n)}}`), how: `notebook:deepJson(${n})` };
    }
    case 'metadata':
      nb.metadata = rng.pick([null, { language_info: { name: 'python' } }, { kernelspec: { language: 'R' } }, { __proto__: { x: 1 } }]);
      break;
    case 'bytes':
      return { bytes: mutateSource(rng, b).bytes, how: 'notebook:bytes' };
  }
  return { bytes: Buffer.from(JSON.stringify(nb, null, 1)), how: `notebook:${op}` };
}

const TOML_PIECES = [
  '[__proto__]\nselect = ["LL002"]\n',
  '__proto__.select = ["LL002"]\n',
  '[constructor]\nprototype = 1\n',
  'select = ["LL001", "LL999"]\n',
  'ignore = ["LL0"]\n',
  'error = "off"\n',
  '[severity]\nLL001 = "hint"\n',
  'exclude = ["**/*.py"]\n',
  'exclude = ["[z-a]"]\n',
  'exclude = "not a list"\n',
  'select = [' + Array(2000).fill('"LL001"').join(',') + ']\n',
  'x = ' + '['.repeat(500) + ']'.repeat(500) + '\n',
  'x = "' + 'y'.repeat(200_000) + '"\n',
  'method = 1\n',
  '= broken\n',
  '[[tool]]\n',
  'select = "\\uD800"\n',
];

/** A losslens.toml (or pyproject [tool.losslens]) built from hostile and odd pieces. */
export function makeToml(rng: Rng): { text: string; how: string } {
  const picked: number[] = [];
  for (let i = 0, n = 1 + rng.int(3); i < n; i++) picked.push(rng.int(TOML_PIECES.length));
  return { text: picked.map(i => TOML_PIECES[i]).join(''), how: `toml:${picked.join(',')}` };
}

/** Exclude globs, including the backtracking patterns of issue #21 item 3. */
export function makeGlob(rng: Rng): string {
  const n = 5 + rng.int(30);
  return rng.pick([
    () => Array(n).fill('*a').join('') + '*b',
    () => Array(n).fill('**').join('/') + '/z',
    () => '[z-a]',
    () => '[!]',
    () => '***',
    () => '{a,b}/**/' + 'x'.repeat(n),
    () => Array.from({ length: n }, () => rng.pick(['*', '?', '**', '/', 'a', '[a-c]', '[!x]', '\\', '{', '}', '.'])).join(''),
  ])();
}
