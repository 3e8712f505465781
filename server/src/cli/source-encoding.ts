// What `fix` reads and writes back: a file's bytes decoded with the encoding it declares, so that a
// rewrite changes only the edited spans. Python files declare theirs with a PEP 263 cookie on line
// 1 or 2 (`# -*- coding: latin-1 -*-`); every other file, and a Python file without a cookie, is
// UTF-8. A UTF-8 byte order mark is taken off the text (edits never see it, so an import inserted
// at the top lands after it) and written back first.
import { Buffer } from 'node:buffer';

export interface SourceCodec {
  /** The encoding's canonical name, for messages. */
  name: string;
  /** The file starts with a UTF-8 byte order mark. */
  bom: boolean;
  /** The bytes of `text`, or undefined when the encoding cannot represent it. */
  encode(text: string): Buffer | undefined;
}

export type Decoded = { text: string; codec: SourceCodec } | { text: string; refused: string };

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** `coding[:=]name` in a comment line (PEP 263's regular expression). */
const COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

/** The encoding a Python file's first two lines declare, normalised (`latin_1` → `latin-1`), or undefined. */
export function declaredEncoding(bytes: Uint8Array): string | undefined {
  // The cookie is ASCII: read the first two lines as Latin-1 (one character per byte).
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const lines = head.split(/\r\n|\r|\n/, 2);
  for (let i = 0; i < lines.length; i++) {
    const m = COOKIE.exec(lines[i]);
    if (m) return m[1].toLowerCase().replace(/_/g, '-');
    // Line 2 is read only when line 1 is a comment or blank (as Python's tokenizer does).
    if (!/^[ \t\f]*(#.*)?$/.test(lines[i])) break;
  }
  return undefined;
}

const UTF8_NAMES = new Set(['utf-8', 'utf8', 'u8', 'utf', 'cp65001']);
const LATIN1_NAMES = new Set(['latin-1', 'latin1', 'l1', 'iso-8859-1', 'iso8859-1', 'iso-latin-1', '8859', 'cp819', 'iso-ir-100', 'latin']);
const ASCII_NAMES = new Set(['ascii', 'us-ascii', '646', 'us', 'ansi-x3.4-1968', 'iso646-us']);
const CP1252_NAMES = new Set(['cp1252', 'windows-1252']);

/** Python's own normalisation: `utf-8-foo` is UTF-8, `latin-1-foo` / `iso-8859-1-foo` is Latin-1. */
function family(name: string): 'utf-8' | 'latin-1' | 'ascii' | 'cp1252' | undefined {
  if (UTF8_NAMES.has(name) || name.startsWith('utf-8-')) return 'utf-8';
  if (LATIN1_NAMES.has(name) || /^(latin-1|iso-8859-1|iso-latin-1)-/.test(name)) return 'latin-1';
  if (ASCII_NAMES.has(name)) return 'ascii';
  if (CP1252_NAMES.has(name)) return 'cp1252';
  return undefined;
}

function utf8Codec(bom: boolean): SourceCodec {
  return { name: 'utf-8', bom, encode: text => (bom ? Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]) : Buffer.from(text, 'utf8')) };
}

/** A one-byte-per-character encoding given by its 256 characters. */
function singleByteCodec(name: string, table: readonly number[]): SourceCodec {
  const back = new Map<number, number>();
  table.forEach((c, byte) => {
    if (c >= 0 && !back.has(c)) back.set(c, byte);
  });
  return {
    name,
    bom: false,
    encode: text => {
      const out = Buffer.alloc(text.length);
      for (let i = 0; i < text.length; i++) {
        const b = back.get(text.charCodeAt(i));
        if (b === undefined) return undefined;
        out[i] = b;
      }
      return out;
    },
  };
}

function tableOf(kind: 'latin-1' | 'ascii' | 'cp1252'): number[] | undefined {
  if (kind === 'latin-1') return Array.from({ length: 256 }, (_, i) => i);
  if (kind === 'ascii') return Array.from({ length: 256 }, (_, i) => (i < 128 ? i : -1));
  try {
    const all = new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 256 }, (_, i) => i));
    return all.length === 256 ? [...all].map(c => c.charCodeAt(0)) : undefined;
  } catch {
    return undefined; // a Node built without that decoder
  }
}

/**
 * Decodes a file for fixing. `python`: honour a coding cookie. `refused` says why the file must
 * not be rewritten (its text is then a best-effort UTF-8 reading, for the analysis only).
 */
export function decodeSource(bytes: Uint8Array, python: boolean): Decoded {
  const lossy = () =>
    Buffer.from(bytes)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const declared = python ? declaredEncoding(bytes) : undefined;
  const kind = declared === undefined ? 'utf-8' : family(declared);
  if (kind === undefined)
    return { text: lossy(), refused: `its declared encoding '${declared}' is not one fix can write back (utf-8, latin-1, cp1252, ascii)` };
  if (bom && kind !== 'utf-8') return { text: lossy(), refused: `it starts with a UTF-8 byte order mark but declares '${declared}'` };
  if (kind === 'utf-8') {
    const body = bom ? bytes.subarray(3) : bytes;
    try {
      return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), codec: utf8Codec(bom) };
    } catch {
      return { text: lossy(), refused: 'it is not valid UTF-8 (declare its encoding with a coding comment)' };
    }
  }
  const table = tableOf(kind);
  if (!table) return { text: lossy(), refused: `this Node.js cannot decode '${declared}'` };
  let text = '';
  for (let i = 0; i < bytes.length; i++) {
    const c = table[bytes[i]];
    if (c < 0) return { text: lossy(), refused: `it has bytes that are not valid '${declared}'` };
    text += String.fromCharCode(c);
  }
  return { text, codec: singleByteCodec(kind, table) };
}
