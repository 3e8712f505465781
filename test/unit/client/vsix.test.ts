// The .vsix is ready for the Visual Studio Marketplace and Open VSX (Cursor, VSCodium, Gitpod): the
// manifest carries what their galleries show (license, repository, icon, banner, categories,
// keywords), `vsce ls` lists only the bundles (no sources, tests or source maps), and
// `vsce package --no-dependencies` succeeds on those files.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync, mkdtempSync, mkdirSync, copyFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const REPO = join(__dirname, '..', '..', '..', '..');
const VSCE = join(REPO, 'node_modules', '.bin', 'vsce');
const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as Record<string, unknown> & {
  license: string;
  repository: { type: string; url: string };
  icon: string;
  galleryBanner: { color: string; theme: string };
  categories: string[];
  keywords: string[];
  main: string;
  browser: string;
  scripts: Record<string, string>;
};

const temps: string[] = [];
after(() => temps.forEach(t => rmSync(t, { recursive: true, force: true })));

/** The categories the Marketplace accepts (vsce refuses others). */
const CATEGORIES = new Set([
  'AI',
  'Azure',
  'Chat',
  'Data Science',
  'Debuggers',
  'Education',
  'Extension Packs',
  'Formatters',
  'Keymaps',
  'Language Packs',
  'Linters',
  'Machine Learning',
  'Notebooks',
  'Other',
  'Programming Languages',
  'SCM Providers',
  'Snippets',
  'Testing',
  'Themes',
  'Visualization',
]);

test('manifest: license, repository, icon (a 128×128 PNG), gallery banner, categories and keywords', () => {
  assert.equal(manifest.license, 'MIT');
  assert.match(readFileSync(join(REPO, 'LICENSE'), 'utf8'), /MIT License/);
  assert.equal(manifest.repository.type, 'git');
  assert.match(manifest.repository.url, /^https:\/\/github\.com\/[\w-]+\/[\w-]+\.git$/);

  const png = readFileSync(join(REPO, manifest.icon));
  assert.equal(png.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'a PNG (the galleries refuse SVG icons)');
  assert.equal(png.subarray(12, 16).toString('ascii'), 'IHDR');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'the size the galleries show');

  assert.match(manifest.galleryBanner.color, /^#[0-9a-f]{6}$/i);
  assert.ok(['dark', 'light'].includes(manifest.galleryBanner.theme));
  assert.ok(manifest.categories.length > 0);
  for (const c of manifest.categories) assert.ok(CATEGORIES.has(c), `category ${c}`);
  assert.ok(manifest.keywords.length > 0 && manifest.keywords.length <= 30, 'vsce allows at most 30 keywords');
  assert.equal(new Set(manifest.keywords).size, manifest.keywords.length);
});

/** `vsce ls` of the repository: the files the .vsix would hold. */
function vsceLs(): string[] {
  const r = spawnSync(VSCE, ['ls', '--no-dependencies'], { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split('\n').filter(Boolean);
}

test('vsce ls: the bundles, the icon, the walkthrough pages and the docs, nothing else', () => {
  const files = vsceLs();
  const allowed = [
    /^package\.json$/,
    /^(README|CHANGELOG)\.md$/,
    /^LICENSE$/,
    /^dist\/.+\.(js|css|wasm)$/,
    /^media\/icon\.png$/,
    /^media\/walkthrough\/[\w-]+\.md$/,
  ];
  for (const f of files)
    assert.ok(
      allowed.some(p => p.test(f)),
      `${f} does not belong in the .vsix`,
    );
  const required = [
    manifest.main.replace(/^\.\//, ''),
    manifest.browser.replace(/^\.\//, ''),
    'dist/server.js',
    'dist/web/server.js',
    'dist/web/typescript.js',
    'dist/wasm/tree-sitter-python.wasm',
    'dist/wasm/web-tree-sitter.wasm',
    'dist/webview/explorer.js',
    'dist/webview/explorer.css',
    manifest.icon,
    'LICENSE',
    'README.md',
  ];
  for (const f of required) assert.ok(files.includes(f), `${f} is packaged`);
  for (const f of ['dist/cli.js', 'dist/cli-worker.js', 'dist/core.js']) assert.ok(!files.includes(f), `${f} is npm-side only`);
});

test('vsce package --no-dependencies succeeds, and the .vsix manifest carries the gallery fields', () => {
  // A copy of what `vsce ls` lists, so packaging neither runs the production build in this checkout
  // (vscode:prepublish, which would rewrite dist/ under other tests) nor writes a .vsix here.
  const dir = mkdtempSync(join(tmpdir(), 'losslens-vsix-'));
  temps.push(dir);
  for (const f of [...vsceLs(), '.vscodeignore']) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    copyFileSync(join(REPO, f), join(dir, f));
  }
  const { 'vscode:prepublish': prepublish, ...scripts } = manifest.scripts;
  assert.ok(prepublish, 'the real manifest builds for production before packaging');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...manifest, scripts }, null, 2));

  const out = join(dir, 'losslens.vsix');
  const r = spawnSync(VSCE, ['package', '--no-dependencies', '-o', out], { cwd: dir, encoding: 'utf8', timeout: 300_000 });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.ok(existsSync(out));
  const xml = unzipEntry(out, 'extension.vsixmanifest');
  assert.match(xml, /<License>extension\/LICENSE\.txt<\/License>/);
  assert.match(xml, /<Icon>extension\/media\/icon\.png<\/Icon>/);
  assert.match(xml, new RegExp(`Id="Microsoft\\.VisualStudio\\.Services\\.Branding\\.Color" Value="${manifest.galleryBanner.color}"`));
  assert.match(xml, /Id="Microsoft\.VisualStudio\.Services\.Links\.Source" Value="https:\/\/github\.com\//);
  assert.match(xml, new RegExp(`<Categories>${manifest.categories.join(',')}</Categories>`));
});

/** One file of a zip archive, read with python3's zipfile (no zip library among the dev dependencies). */
function unzipEntry(zip: string, name: string): string {
  const r = spawnSync(
    'python3',
    ['-c', 'import sys,zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())', zip, name],
    {
      encoding: 'utf8',
    },
  );
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}
