// `npm run package:pip`: builds the `losslens` wheel (python/) offline. The CLI bundle is built with
// `esbuild.mjs --cli --production` into out/packaging/cli (a developer's dist/ is left alone), python/
// is staged with LICENSE into out/packaging/python, and the wheel is written by
// `pip wheel --no-deps --no-build-isolation --no-index`: no PyPI, so the Python that builds it needs
// setuptools >= 61, wheel and pip (Debian/Ubuntu: python3-setuptools python3-wheel python3-pip).
//
//   node scripts/package-pip.mjs [--out DIR]     (default out/packaging; PYTHON=... picks the interpreter)
import { cpSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '..', '..');

/** The first interpreter that can build the wheel without network: $PYTHON, python3, /usr/bin/python3. */
export function findBuildPython() {
  const probe = 'import setuptools, wheel, pip, sys; ' + 'sys.exit(0 if int(setuptools.__version__.split(".")[0]) >= 61 else 1)';
  const candidates = [process.env.PYTHON, 'python3', '/usr/bin/python3'].filter(Boolean);
  return candidates.find(python => spawnSync(python, ['-c', probe], { stdio: 'ignore' }).status === 0);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`\`${[command, ...args].join(' ')}\` failed (exit ${result.status ?? result.signal ?? result.error})`);
  }
}

/** Builds the wheel into outDir and returns its path. */
export function packagePip(outDir = join(root, 'out', 'packaging'), python = findBuildPython()) {
  if (!python) {
    throw new Error(
      'no Python with setuptools >= 61, wheel and pip found (tried $PYTHON, python3, /usr/bin/python3).\n' +
        '  Debian/Ubuntu: sudo apt-get install python3-setuptools python3-wheel python3-pip',
    );
  }
  const work = join(root, 'out', 'packaging');
  const bundle = join(work, 'cli');
  const staged = join(work, 'python');
  run(process.execPath, ['esbuild.mjs', '--cli', '--production', `--outdir=${bundle}`], { cwd: root });
  rmSync(staged, { recursive: true, force: true });
  // Only the sources: a build/, dist/ or egg-info left by building python/ in place stays out.
  cpSync(join(root, 'python'), staged, {
    recursive: true,
    filter: src => !/[/\\](build|dist|__pycache__|[^/\\]*\.egg-info)$/.test(src),
  });
  cpSync(join(root, 'LICENSE'), join(staged, 'LICENSE'));
  mkdirSync(outDir, { recursive: true });
  for (const old of readdirSync(outDir)) if (/^losslens-.*\.whl$/.test(old)) rmSync(join(outDir, old));
  run(python, ['-m', 'pip', 'wheel', '--no-deps', '--no-build-isolation', '--no-index', '-q', '-w', outDir, staged], {
    env: { ...process.env, LOSSLENS_BUNDLE_DIR: bundle, PIP_DISABLE_PIP_VERSION_CHECK: '1' },
  });
  const wheel = readdirSync(outDir).find(name => /^losslens-.*-py3-none-any\.whl$/.test(name));
  if (!wheel) throw new Error(`pip wheel wrote no losslens-*-py3-none-any.whl into ${outDir}`);
  return join(outDir, wheel);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outIndex = process.argv.indexOf('--out');
  const outDir = outIndex > 0 ? resolve(process.argv[outIndex + 1]) : undefined;
  try {
    const wheel = packagePip(outDir);
    console.log(`[package-pip] ${wheel} (${(statSync(wheel).size / 1e6).toFixed(2)} MB)`);
  } catch (e) {
    console.error(`[package-pip] ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
