// The warm-run cache in `.losslens-cache/`: raw findings per file keyed by content hash, plus the
// hashes of the files its analysis imported. A new build of LossLens starts a new cache file.
import { mkdirSync, readFileSync, writeFileSync, renameSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CacheEntry } from './checker';
import { contentHash } from './checker';

interface CacheFile {
  tool: string;
  files: Record<string, CacheEntry>;
}

export class FindingsCache {
  private readonly file: string;
  private readonly data: CacheFile;
  private dirty = false;

  constructor(
    private readonly dir: string,
    private readonly toolHash: string,
  ) {
    this.file = join(dir, `findings-${toolHash.slice(0, 12)}.json`);
    this.data = { tool: toolHash, files: {} };
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as CacheFile;
      if (parsed.tool === toolHash && parsed.files && typeof parsed.files === 'object') this.data = parsed;
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

  /** Writes atomically; a read-only checkout simply runs without a cache. */
  save(): void {
    if (!this.dirty) return;
    try {
      mkdirSync(this.dir, { recursive: true });
      const ignore = join(this.dir, '.gitignore');
      if (!existsSync(ignore)) writeFileSync(ignore, '# Created by LossLens\n*\n');
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(this.data));
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
