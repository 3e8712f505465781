// `npm run test:packaging`: LossLens installed the three ways it is used outside VS Code, each from a
// snapshot of this working tree (tracked and new files, not ignored ones) in a temporary folder, and
// run on a file with a loss bug outside the repository:
//   npm        `npm pack` (stdout exactly the tarball name, the file list), `npm install -g` into a
//              temporary prefix, then `losslens check` on Python and TensorFlow.js files;
//   pip        `npm run package:pip`, a fresh venv, `pip install` of the wheel, `losslens check`, and
//              the message when Node.js is missing or too old;
//   pre-commit `pre-commit try-repo <snapshot> losslens-check --all-files` (Debian's pre-commit), then
//              a config using both hooks (the fixed file passes, losslens-fix applies a safe fix), and
//              the documented `language: python` hook installing the wheel.
// A check whose tool is missing (and cannot be installed with apt-get as root) is reported SKIP with
// the reason and the command to install it; any failure makes the run exit 1. Slow (the node hook
// installs the repository's dev dependencies) but without timing assertions.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const keep = process.argv.includes('--keep');
/** A stalled install must not hang CI forever; this is a safety net, not a timing check. */
const HANG_LIMIT_MS = 30 * 60_000;

const samples = {
  // LL001: a softmax module feeding CrossEntropyLoss.
  'train.py': [
    'import torch',
    'import torch.nn as nn',
    '',
    'model = nn.Sequential(nn.Linear(4, 3), nn.Softmax(dim=1))',
    'loss_fn = nn.CrossEntropyLoss()',
    'x, y = torch.randn(2, 4), torch.tensor([0, 1])',
    'loss = loss_fn(model(x), y)',
    '',
  ].join('\n'),
  // The same model passing logits: no finding.
  'fixed.py': [
    'import torch',
    'import torch.nn as nn',
    '',
    'model = nn.Sequential(nn.Linear(4, 3))',
    'loss_fn = nn.CrossEntropyLoss()',
    'x, y = torch.randn(2, 4), torch.tensor([0, 1])',
    'loss = loss_fn(model(x), y)',
    '',
  ].join('\n'),
  // LL008 with a safe fix (log of softmax -> log_softmax, trained on through a loss): what the losslens-fix hook applies.
  'safe.py': [
    'import torch',
    'import torch.nn.functional as F',
    '',
    'logits = torch.randn(2, 3)',
    'log_probs = torch.log(F.softmax(logits, dim=1))',
    'loss = F.nll_loss(log_probs, torch.tensor([0, 2]))',
    '',
  ].join('\n'),
  // LL001 in TensorFlow.js: the CLI loads the TypeScript compiler (dist/web/typescript.js) for it.
  'model.ts': [
    "import * as tf from '@tensorflow/tfjs';",
    '',
    'export function loss(labels: tf.Tensor2D, x: tf.Tensor2D): tf.Tensor {',
    '  const model = tf.sequential();',
    "  model.add(tf.layers.dense({ inputShape: [4], units: 3, activation: 'softmax' }));",
    '  const predictions = model.predict(x) as tf.Tensor2D;',
    '  return tf.losses.softmaxCrossEntropy(labels, predictions);',
    '}',
    '',
  ].join('\n'),
};
const expected = {
  'train.py': 'train.py:7:16: LL001',
  'safe.py': 'safe.py:5:13: LL008',
  'model.ts': 'model.ts:7:48: LL001',
};

// ---------------------------------------------------------------------------------------------
// Reporting

const results = [];
class Skip extends Error {}
let currentCheck = '';
function log(message) {
  console.log(`[packaging] ${currentCheck ? `${currentCheck}: ` : ''}${message}`);
}
function assert(condition, message, output) {
  if (!condition) {
    const error = new Error(message);
    error.output = output;
    throw error;
  }
}

/** Runs one check: its body returns notes (sizes, times) for the summary, or throws Skip/Error. */
async function check(name, body) {
  currentCheck = name;
  console.log(`\n[packaging] ── ${name}`);
  try {
    const notes = (await body()) ?? '';
    results.push({ name, status: 'PASS', notes });
  } catch (e) {
    if (e instanceof Skip) {
      results.push({ name, status: 'SKIP', notes: e.message });
      log(`SKIP: ${e.message}`);
    } else {
      results.push({ name, status: 'FAIL', notes: e instanceof Error ? e.message : String(e) });
      log(`FAIL: ${e instanceof Error ? e.message : String(e)}`);
      if (e?.output) console.log(indent(e.output));
    }
  }
  currentCheck = '';
}

function indent(text) {
  return text
    .trimEnd()
    .split('\n')
    .map(line => `    | ${line}`)
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// Processes and tools

/** Runs a command and returns { status, out } with stdout and stderr together (also `stdout`). */
function sh(command, args, options = {}) {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    timeout: HANG_LIMIT_MS,
    maxBuffer: 256 * 1024 * 1024,
    ...options,
    env: { ...process.env, ...options.env },
  });
  if (result.error && result.error.code !== 'ETIMEDOUT') throw result.error;
  const out = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  return { status: result.status, stdout: result.stdout ?? '', out };
}

function must(command, args, options) {
  const result = sh(command, args, options);
  assert(result.status === 0, `\`${[command, ...args].join(' ')}\` exited ${result.status}`, result.out);
  return result;
}

function hasCommand(command, args = ['--version']) {
  try {
    return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
  } catch {
    return false;
  }
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebianLike =
  existsSync('/usr/bin/apt-get') &&
  existsSync('/etc/os-release') &&
  /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(readFileSync('/etc/os-release', 'utf8'));
let aptUpdated = false;

/** Installs Debian packages when we may (root on Debian/Ubuntu); false when we may not or it failed. */
function aptInstall(packages) {
  if (!isRoot || !isDebianLike) return false;
  log(`installing ${packages.join(' ')} with apt-get`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  let result = sh('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { env });
  if (result.status !== 0 && !aptUpdated) {
    aptUpdated = true;
    sh('apt-get', ['update'], { env });
    result = sh('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { env });
  }
  if (result.status !== 0) log(`apt-get install failed:\n${indent(result.out)}`);
  return result.status === 0;
}

function installHint(packages) {
  return isDebianLike
    ? `install it with \`sudo apt-get install ${packages.join(' ')}\` and run again`
    : `install ${packages.join(', ')} (Debian/Ubuntu package names) and run again`;
}

// ---------------------------------------------------------------------------------------------
// The snapshot: what `git clone` of this working tree would give, with uncommitted work included.

const work = mkdtempSync(join(tmpdir(), 'losslens-packaging-'));
const snapshot = join(work, 'repo');

function makeSnapshot() {
  const bare = join(work, 'snapshot.git');
  must('git', ['init', '-q', '--bare', bare]);
  const env = { GIT_DIR: bare, GIT_WORK_TREE: root };
  must('git', ['add', '-A'], { env });
  // A throw-away identity, and no signing (a developer's global config may ask for it).
  const config = ['-c', 'user.name=LossLens test', '-c', 'user.email=test@losslens.invalid', '-c', 'commit.gpgsign=false'];
  must('git', [...config, 'commit', '-q', '-m', 'snapshot'], { env });
  must('git', ['clone', '-q', bare, snapshot]);
}

function writeSamples(dir, names) {
  mkdirSync(dir, { recursive: true });
  for (const name of names) writeFileSync(join(dir, name), samples[name]);
}

/** `losslens check` of the samples in a folder outside the repository, through `command`. */
function checkSamples(command, args, dir, env = {}) {
  for (const [file, finding] of Object.entries(expected)) {
    if (file === 'safe.py') continue;
    const result = sh(command, [...args, 'check', '--no-cache', file], { cwd: dir, env });
    assert(result.status === 1, `losslens check ${file} exited ${result.status}, not 1`, result.out);
    assert(result.out.includes(finding), `losslens check ${file} did not print ${finding}`, result.out);
  }
  const clean = sh(command, [...args, 'check', '--no-cache', 'fixed.py'], { cwd: dir, env });
  assert(clean.status === 0, `losslens check fixed.py exited ${clean.status}, not 0`, clean.out);
  const shown = sh(command, [...args, '--version'], { cwd: dir, env });
  assert(shown.stdout.trim() === `losslens ${version}`, `--version printed ${JSON.stringify(shown.stdout)}`, shown.out);
}

function megabytes(bytes) {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}

function folderBytes(dir) {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    total += stat.isDirectory() ? folderBytes(path) : stat.size;
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// The checks

const state = { tarball: undefined, wheel: undefined };
const cliFiles = [
  'dist/cli.js',
  'dist/cli-worker.js',
  'dist/wasm/web-tree-sitter.wasm',
  'dist/wasm/tree-sitter-python.wasm',
  'dist/web/typescript.js',
];

await check('snapshot', () => {
  assert(hasCommand('git'), 'git is needed to snapshot the working tree');
  makeSnapshot();
  // npm pack runs `prepare` (esbuild) in the snapshot: lend it this checkout's node_modules.
  symlinkSync(join(root, 'node_modules'), join(snapshot, 'node_modules'), 'dir');
  return snapshot;
});

await check('npm package', () => {
  assert(existsSync(join(snapshot, 'package.json')), 'no snapshot');
  // pre-commit < 4 reads the tarball's name from npm pack's stdout, so nothing else may be there.
  const packed = must('npm', ['pack', '--pack-destination', work], { cwd: snapshot });
  const name = `losslens-${version}.tgz`;
  assert(packed.stdout.trim() === name, `npm pack printed more than the tarball name on stdout`, packed.stdout);
  const tarball = join(work, name);
  const listed = must('tar', ['-tzf', tarball])
    .stdout.split('\n')
    .filter(Boolean)
    .map(entry => entry.replace(/^package\//, ''))
    .sort();
  const wanted = ['LICENSE', 'README.md', 'package.json', ...cliFiles].sort();
  assert(JSON.stringify(listed) === JSON.stringify(wanted), `the tarball holds ${listed.join(', ')}; expected ${wanted.join(', ')}`);
  state.tarball = tarball;
  const prefix = join(work, 'npm-global');
  must('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', tarball], { cwd: work });
  const bin = join(prefix, 'bin', 'losslens');
  const dir = join(work, 'npm-user');
  writeSamples(dir, ['train.py', 'fixed.py', 'model.ts']);
  checkSamples(bin, [], dir);
  // `npx losslens` from the installed prefix, as the README shows for a global install.
  const npx = sh('npx', ['--no-install', 'losslens', '--version'], { cwd: dir, env: { npm_config_prefix: prefix } });
  assert(npx.stdout.trim() === `losslens ${version}`, 'npx losslens --version did not run the installed CLI', npx.out);
  const notes = `tarball ${megabytes(statSync(tarball).size)}, installed ${megabytes(folderBytes(join(prefix, 'lib', 'node_modules', 'losslens')))}`;
  log(notes);
  return notes;
});

/** A Python that builds the wheel and makes venvs, installing the Debian packages when missing. */
async function pythonForWheel() {
  const { findBuildPython } = await import(join(snapshot, 'scripts', 'package-pip.mjs'));
  const canVenv = python => spawnSync(python, ['-c', 'import venv, ensurepip'], { stdio: 'ignore' }).status === 0;
  const pick = () => {
    const python = findBuildPython();
    return python && canVenv(python) ? python : undefined;
  };
  const packages = ['python3-setuptools', 'python3-wheel', 'python3-pip', 'python3-venv'];
  const python = pick() ?? (aptInstall(packages) ? pick() : undefined);
  if (!python) throw new Skip(`no Python 3 with setuptools >= 61, wheel, pip and venv: ${installHint(packages)}`);
  return python;
}

await check('pip wheel', async () => {
  const python = await pythonForWheel();
  const { packagePip } = await import(join(snapshot, 'scripts', 'package-pip.mjs'));
  const pyproject = readFileSync(join(snapshot, 'python', 'pyproject.toml'), 'utf8');
  assert(pyproject.includes(`\nversion = "${version}"\n`), `python/pyproject.toml's version is not package.json's ${version}`);
  const wheel = packagePip(join(work, 'wheelhouse'), python);
  const listing = must(python, ['-m', 'zipfile', '-l', wheel]).stdout;
  for (const file of [...cliFiles, 'package.json']) {
    assert(listing.includes(`losslens/_node/${file}`), `the wheel has no losslens/_node/${file}`, listing);
  }
  state.wheel = wheel;
  const venv = join(work, 'venv');
  must(python, ['-m', 'venv', venv]);
  must(join(venv, 'bin', 'python'), ['-m', 'pip', 'install', '-q', '--no-index', '--disable-pip-version-check', wheel]);
  const dir = join(work, 'pip-user');
  writeSamples(dir, ['train.py', 'fixed.py', 'model.ts']);
  const launcher = join(venv, 'bin', 'losslens');
  checkSamples(launcher, [], dir);
  // No node on PATH (the venv's own bin only): install instructions, exit 2.
  const missing = sh(launcher, ['check', 'train.py'], { cwd: dir, env: { PATH: join(venv, 'bin'), LOSSLENS_NODE: '' } });
  assert(missing.status === 2, `without node the launcher exited ${missing.status}, not 2`, missing.out);
  assert(
    /no `node` was found on PATH/.test(missing.out) && missing.out.includes('https://nodejs.org'),
    'no install instructions without node',
    missing.out,
  );
  // A Node.js older than 20.
  const old = join(work, 'node18');
  writeFileSync(old, '#!/bin/sh\necho v18.19.1\n', { mode: 0o755 });
  const tooOld = sh(launcher, ['check', 'train.py'], { cwd: dir, env: { LOSSLENS_NODE: old } });
  assert(tooOld.status === 2 && tooOld.out.includes('is v18.19.1'), 'Node.js 18 was not refused', tooOld.out);
  const notes = `wheel ${megabytes(statSync(wheel).size)} (${python})`;
  log(notes);
  return notes;
});

function preCommit() {
  if (hasCommand('pre-commit')) return 'pre-commit';
  if (aptInstall(['pre-commit']) && hasCommand('pre-commit')) return 'pre-commit';
  throw new Skip(`pre-commit is not installed: ${installHint(['pre-commit'])}`);
}

function gitRepo(dir, files) {
  writeSamples(dir, files);
  must('git', ['init', '-q'], { cwd: dir });
  must('git', ['add', '.'], { cwd: dir });
}

const preCommitEnv = home => ({
  PRE_COMMIT_HOME: home,
  // Reuse npm's cache without asking the registry about every package again (same result, faster).
  npm_config_prefer_offline: 'true',
});

await check('pre-commit (language: node, this repository)', () => {
  const tool = preCommit();
  assert(existsSync(join(snapshot, '.pre-commit-hooks.yaml')), 'no snapshot');
  // The snapshot's node_modules and dist are not in git: pre-commit clones and installs from scratch.
  const user = join(work, 'pc-node');
  gitRepo(user, ['train.py', 'fixed.py', 'model.ts']);
  const started = Date.now();
  const tried = sh(tool, ['try-repo', snapshot, 'losslens-check', '--all-files', '--color', 'never'], {
    cwd: user,
    env: preCommitEnv(join(work, 'pc-home-try')),
  });
  const installSeconds = Math.round((Date.now() - started) / 1000);
  assert(tried.status === 1, `try-repo losslens-check exited ${tried.status}, not 1`, tried.out);
  for (const file of ['train.py', 'model.ts'])
    assert(tried.out.includes(expected[file]), `try-repo did not print ${expected[file]}`, tried.out);
  assert(!tried.out.includes('fixed.py:'), 'try-repo reported the fixed file', tried.out);
  log(`try-repo (install + run): ${installSeconds} s; exit 1 with the findings`);

  // Both hooks from a config, as a project would use them.
  const rev = must('git', ['rev-parse', 'HEAD'], { cwd: snapshot }).stdout.trim();
  const config = join(user, '.pre-commit-config.yaml');
  writeFileSync(
    config,
    `repos:\n  - repo: ${snapshot}\n    rev: ${rev}\n    hooks:\n      - id: losslens-check\n      - id: losslens-fix\n`,
  );
  writeSamples(user, ['safe.py']);
  must('git', ['add', '.'], { cwd: user });
  const env = preCommitEnv(join(work, 'pc-home'));
  const configStarted = Date.now();
  const passed = sh(tool, ['run', 'losslens-check', '--files', 'fixed.py', '--color', 'never'], { cwd: user, env });
  assert(passed.status === 0, `losslens-check on the fixed file exited ${passed.status}, not 0`, passed.out);
  log(`from a config (install + run): ${Math.round((Date.now() - configStarted) / 1000)} s; the fixed file passes`);
  const fixed = sh(tool, ['run', 'losslens-fix', '--files', 'safe.py', '--color', 'never'], { cwd: user, env });
  assert(fixed.status === 1 && /files were modified by this hook/.test(fixed.out), 'losslens-fix did not fix safe.py', fixed.out);
  const after = readFileSync(join(user, 'safe.py'), 'utf8');
  assert(after.includes('F.log_softmax(logits, dim=1)'), 'safe.py was not rewritten with log_softmax', after);
  must('git', ['add', 'safe.py'], { cwd: user });
  const clean = sh(tool, ['run', 'losslens-fix', '--files', 'safe.py', '--color', 'never'], { cwd: user, env });
  assert(clean.status === 0, `losslens-fix on the fixed safe.py exited ${clean.status}, not 0`, clean.out);
  log('losslens-fix applied the safe fix, then passes');
  return `try-repo (install + run) ${installSeconds} s, then both hooks from a config`;
});

await check('pre-commit (language: python, the wheel)', () => {
  const tool = preCommit();
  if (!state.wheel) throw new Skip('no wheel (see the pip wheel check)');
  const user = join(work, 'pc-python');
  gitRepo(user, ['train.py', 'fixed.py']);
  // The README's hook, installing losslens==<version> from a local folder instead of PyPI.
  writeFileSync(
    join(user, '.pre-commit-config.yaml'),
    [
      'repos:',
      '  - repo: local',
      '    hooks:',
      '      - id: losslens',
      '        name: LossLens',
      '        entry: losslens check',
      '        language: python',
      `        additional_dependencies: [losslens==${version}]`,
      '        types_or: [python, pyi, jupyter, ts, tsx, javascript, jsx]',
      '        require_serial: true',
      '',
    ].join('\n'),
  );
  must('git', ['add', '.'], { cwd: user });
  // pre-commit's virtualenv builds its placeholder package with setuptools: Debian's wheels serve it.
  const findLinks = [dirname(state.wheel), '/usr/share/python-wheels'].filter(existsSync).join(' ');
  const env = { PRE_COMMIT_HOME: join(work, 'pc-home-python'), PIP_NO_INDEX: '1', PIP_FIND_LINKS: findLinks };
  const started = Date.now();
  const run = sh(tool, ['run', '--all-files', '--color', 'never'], { cwd: user, env });
  const seconds = Math.round((Date.now() - started) / 1000);
  assert(run.status === 1, `the python hook exited ${run.status}, not 1`, run.out);
  assert(
    run.out.includes(expected['train.py']) && !run.out.includes('fixed.py:'),
    'the python hook did not report exactly train.py',
    run.out,
  );
  log(`install + run: ${seconds} s; exit 1 with the finding`);
  return `install + first run ${seconds} s`;
});

// ---------------------------------------------------------------------------------------------

console.log('\n[packaging] summary');
for (const { name, status, notes } of results) console.log(`  ${status.padEnd(4)}  ${name}${notes ? `  —  ${notes}` : ''}`);
if (keep) console.log(`[packaging] kept ${work}`);
else rmSync(work, { recursive: true, force: true });
const failed = results.filter(r => r.status === 'FAIL').length;
const skipped = results.filter(r => r.status === 'SKIP').length;
console.log(`[packaging] ${results.length - failed - skipped} passed, ${skipped} skipped, ${failed} failed`);
process.exit(failed ? 1 : 0);
