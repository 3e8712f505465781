import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The package version, read from the package.json next to dist/ (so it never goes stale). */
export function packageVersion(dir: string = __dirname): string {
  for (const p of [join(dir, '..', 'package.json'), join(dir, '..', '..', 'package.json')]) {
    try {
      const pkg = JSON.parse(readFileSync(p, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'losslens' && pkg.version) return pkg.version;
    } catch {
      // try the next candidate
    }
  }
  return '0.0.0';
}
