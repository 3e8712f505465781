// The warm-run cache in `.losslens-cache/`: raw findings per file keyed by content hash, plus the
// hashes of the files its analysis imported. A new build of LossLens starts a new cache file.
//
// The folder lives in the repository, so its content is untrusted: a planted cache could make a file
// with findings pass, inject messages, or name a FIFO as a dependency. The file is therefore signed
// with a key kept in the user's own cache folder (never in the repository) and every entry is checked
// against the schema; anything unsigned, foreign or malformed is ignored and rebuilt.
import { mkdirSync, readFileSync, writeFileSync, renameSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { homedir } from 'node:os';
import { createHmac, randomBytes } from 'node:crypto';
import type { CacheEntry } from './checker';
import { contentHash } from './checker';
import { readRegularFileSync } from '../node/regular-file';

interface CacheFile {
  tool: string;
  files: Record<string, CacheEntry>;
}

/** The signed form on disk: `body` is the JSON of a CacheFile, `mac` its HMAC under the user's key. */
interface SignedCache {
  mac: string;
  body: string;
}

const MAX_CACHE_BYTES = 256_000_000;

export class FindingsCache {
  private readonly file: string;
  private readonly data: CacheFile;
  private readonly key: Buffer | undefined;
  private dirty = false;

  constructor(
    private readonly dir: string,
    private readonly toolHash: string,
    keyDir: string | undefined = userKeyDir(),
  ) {
    this.file = join(dir, `findings-${toolHash.slice(0, 12)}.json`);
    this.data = { tool: toolHash, files: Object.create(null) as Record<string, CacheEntry> };
    this.key = keyDir === undefined ? undefined : userKey(keyDir);
    if (!this.key) return;
    try {
      const signed = JSON.parse(readRegularFileSync(this.file, MAX_CACHE_BYTES)) as SignedCache;
      if (typeof signed?.mac !== 'string' || typeof signed.body !== 'string') return;
      if (signed.mac !== mac(this.key, signed.body)) return;
      const parsed = JSON.parse(signed.body) as CacheFile;
      if (parsed?.tool !== toolHash || !isRecord(parsed.files)) return;
      for (const [path, e] of Object.entries(parsed.files)) if (isCacheEntry(e)) this.data.files[path] = e;
    } catch {
      // no cache yet, or a damaged one: start empty
    }
  }

  entries(paths: readonly string[]): Record<string, CacheEntry> {
    const out: Record<string, CacheEntry> = {};
    for (const p of paths) {
      const e = this.data.files[p];
      if (e) out[p] = e;
    }
    return out;
  }

  set(path: string, entry: CacheEntry): void {
    if (this.data.files[path] === entry) return;
    this.data.files[path] = entry;
    this.dirty = true;
  }

  /** Writes atomically; a read-only checkout (or no user key) simply runs without a cache. */
  save(): void {
    if (!this.dirty || !this.key) return;
    try {
      mkdirSync(this.dir, { recursive: true });
      const ignore = join(this.dir, '.gitignore');
      if (!existsSync(ignore)) writeFileSync(ignore, '# Created by LossLens\n*\n');
      const tmp = `${this.file}.${process.pid}.tmp`;
      const body = JSON.stringify(this.data);
      writeFileSync(tmp, JSON.stringify({ mac: mac(this.key, body), body } satisfies SignedCache));
      renameSync(tmp, this.file);
    } catch {
      // not writable: no cache
    }
  }
}

/** Identifies this build: the bundle's own content, so every rebuild invalidates old results. */
export function toolHash(bundle: string): string {
  try {
    return contentHash(readFileSync(bundle, 'latin1'));
  } catch {
    return 'unknown';
  }
}

/** The user's own cache folder (outside every repository), where the signing key lives. */
function userKeyDir(): string | undefined {
  const base = process.env.XDG_CACHE_HOME || process.env.LOCALAPPDATA || join(homedir(), '.cache');
  return base ? join(base, 'losslens') : undefined;
}

/** A random per-user key, created once (mode 0600); undefined when it can be neither read nor made. */
function userKey(dir: string): Buffer | undefined {
  const file = join(dir, 'cache-key');
  try {
    const hex = readRegularFileSync(file, 1024).trim();
    if (/^[0-9a-f]{64}$/.test(hex)) return Buffer.from(hex, 'hex');
  } catch {
    // not made yet
  }
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const key = randomBytes(32);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, key.toString('hex') + '\n', { mode: 0o600 });
    renameSync(tmp, file);
    // Two runs racing: the key that won the rename is the one to use.
    const hex = readRegularFileSync(file, 1024).trim();
    return /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, 'hex') : undefined;
  } catch {
    return undefined;
  }
}

function mac(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(body).digest('hex');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const HASH = /^[0-9a-f]{40}$/;

function isSpan(v: unknown): boolean {
  return (
    isRecord(v) &&
    Number.isSafeInteger(v.start) &&
    Number.isSafeInteger(v.end) &&
    (v.start as number) >= 0 &&
    (v.end as number) >= (v.start as number)
  );
}

function isFinding(v: unknown): boolean {
  if (!isRecord(v)) return false;
  const { code, name, severity, message, uri, span, related } = v;
  return (
    typeof code === 'string' &&
    /^LL\d+$/.test(code) &&
    typeof name === 'string' &&
    typeof message === 'string' &&
    typeof uri === 'string' &&
    (severity === 'error' || severity === 'warning' || severity === 'info' || severity === 'hint') &&
    isSpan(span) &&
    Array.isArray(related) &&
    related.every(r => isRecord(r) && typeof r.uri === 'string' && typeof r.message === 'string' && isSpan(r.span)) &&
    (v.fix === undefined || isFix(v.fix))
  );
}

function isFix(v: unknown): boolean {
  return (
    isRecord(v) &&
    typeof v.title === 'string' &&
    (v.applicability === 'safe' || v.applicability === 'unsafe') &&
    Array.isArray(v.edits) &&
    v.edits.every(e => isRecord(e) && typeof e.uri === 'string' && typeof e.newText === 'string' && isSpan(e.span))
  );
}

/** The schema of an entry: anything else in a cache file is ignored. */
export function isCacheEntry(v: unknown): v is CacheEntry {
  if (!isRecord(v) || typeof v.hash !== 'string' || !HASH.test(v.hash)) return false;
  if (!isRecord(v.deps) || !Object.values(v.deps).every(h => h === '' || (typeof h === 'string' && HASH.test(h)))) return false;
  if (v.foreign !== undefined && !(isRecord(v.foreign) && Object.values(v.foreign).every(fs => Array.isArray(fs) && fs.every(isFinding))))
    return false;
  return Array.isArray(v.findings) && v.findings.every(isFinding);
}
