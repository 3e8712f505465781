// Checks the LSP base protocol's framing (`Content-Length: n\r\n\r\n` + n bytes of JSON) before
// vscode-jsonrpc sees the bytes. Its reader reports a framing error once and then stays out of step
// with the stream (or waits forever for an LF-only header or a 1e12-byte body): the server was alive
// but deaf. Here any framing error is fatal, so the process exits and the client restarts it.
import { Transform, type TransformCallback } from 'node:stream';

/** Headers longer than this without their blank line are not LSP. */
const MAX_HEADER_BYTES = 8192;
/** A message above this is refused rather than buffered (a whole 2 MB file is ~4 MB of JSON). */
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;

export class FramingError extends Error {}

/** Passes a well-framed stream through unchanged; emits 'error' (FramingError) at the first bad frame. */
export class FramingGuard extends Transform {
  private header: Buffer[] = [];
  private headerBytes = 0;
  /** Body bytes still to pass; -1 while reading a header. */
  private remaining = -1;
  private bodyFirst = true;
  private lastBodyByte = -1;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      this.accept(chunk);
      done();
    } catch (e) {
      done(e as Error);
    }
  }

  private accept(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, chunk.length - at);
        const part = chunk.subarray(at, at + n);
        this.checkBody(part);
        this.push(part);
        this.remaining -= n;
        at += n;
        if (this.remaining === 0) {
          if (!isJsonEnd(this.lastBodyByte)) throw new FramingError('message body is not a JSON object (Content-Length too short?)');
          this.remaining = -1;
        }
        continue;
      }
      // Header: find the blank line, checking every byte so garbage fails at once.
      const start = at;
      let end = -1;
      for (; at < chunk.length; at++) {
        const b = chunk[at];
        if (b !== 0x0d && b !== 0x0a && (b < 0x20 || b > 0x7e)) throw new FramingError(`invalid byte 0x${b.toString(16)} in a header`);
        if (b === 0x0a && this.previousHeaderByte(chunk, start, at) !== 0x0d) throw new FramingError('header line not ended by CRLF');
        if (b === 0x0a && this.endsBlankLine(chunk, start, at)) {
          end = at + 1;
          break;
        }
      }
      const part = chunk.subarray(start, end < 0 ? at : end);
      this.header.push(part);
      this.headerBytes += part.length;
      if (this.headerBytes > MAX_HEADER_BYTES) throw new FramingError('header too long');
      if (end < 0) return;
      at = end;
      const text = Buffer.concat(this.header).toString('ascii');
      this.header = [];
      this.headerBytes = 0;
      this.remaining = contentLength(text);
      this.bodyFirst = true;
      this.push(Buffer.from(text, 'ascii'));
    }
  }

  private checkBody(part: Buffer): void {
    for (const b of part) {
      if (this.bodyFirst) {
        if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) continue;
        if (b !== 0x7b && b !== 0x5b) throw new FramingError('message body is not JSON (Content-Length too long?)');
        this.bodyFirst = false;
      }
    }
    for (let i = part.length - 1; i >= 0; i--) {
      const b = part[i];
      if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) {
        this.lastBodyByte = b;
        break;
      }
    }
  }

  /** The byte before `at` in the header being read (which may have started in an earlier chunk). */
  private previousHeaderByte(chunk: Buffer, start: number, at: number): number {
    if (at > start) return chunk[at - 1];
    const last = this.header[this.header.length - 1];
    return last && last.length ? last[last.length - 1] : -1;
  }

  /** Whether the LF at `at` ends `\r\n\r\n`. */
  private endsBlankLine(chunk: Buffer, start: number, at: number): boolean {
    const tail: number[] = [];
    for (let i = at - 1; i >= start && tail.length < 3; i--) tail.push(chunk[i]);
    for (let h = this.header.length - 1; h >= 0 && tail.length < 3; h--)
      for (let i = this.header[h].length - 1; i >= 0 && tail.length < 3; i--) tail.push(this.header[h][i]);
    return tail[0] === 0x0d && tail[1] === 0x0a && tail[2] === 0x0d;
  }
}

function isJsonEnd(b: number): boolean {
  return b === 0x7d || b === 0x5d;
}

/** The Content-Length of a header block; only Content-Length and Content-Type are LSP headers. */
function contentLength(block: string): number {
  let length: number | undefined;
  for (const line of block.split('\r\n')) {
    if (line === '') continue;
    const m = /^([A-Za-z-]+): *(.*)$/.exec(line);
    if (!m) throw new FramingError(`malformed header line ${JSON.stringify(line.slice(0, 80))}`);
    const name = m[1].toLowerCase();
    if (name === 'content-length') {
      if (!/^\d{1,12}$/.test(m[2])) throw new FramingError(`invalid Content-Length ${JSON.stringify(m[2].slice(0, 40))}`);
      length = Number(m[2]);
    } else if (name !== 'content-type') throw new FramingError(`unknown header ${JSON.stringify(m[1].slice(0, 40))}`);
  }
  if (length === undefined) throw new FramingError('no Content-Length header');
  if (length < 2 || length > MAX_MESSAGE_BYTES) throw new FramingError(`Content-Length ${length} out of range`);
  return length;
}
