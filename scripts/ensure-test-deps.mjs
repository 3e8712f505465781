// `pretest`: makes sure the two system programs the tests need are there — Chromium (webview and
// e2e tests drive it through playwright-core; npm never downloads a browser here) and python3
// (fixtures are checked with py_compile). When one is missing and we are root on Debian/Ubuntu it
// installs it with apt-get; otherwise it stops and prints the exact command to run.
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const chromiumCandidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!executable(fromEnv)) fail(`CHROMIUM_PATH=${fromEnv} is not an executable file.`);
    return fromEnv;
  }
  return chromiumCandidates.find(executable);
}

function hasPython3() {
  return spawnSync('python3', ['-c', 'import py_compile'], { stdio: 'ignore' }).status === 0;
}

function isDebianLike() {
  if (!existsSync('/etc/os-release')) return false;
  const release = readFileSync('/etc/os-release', 'utf8');
  return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(release) && existsSync('/usr/bin/apt-get');
}

function fail(message) {
  console.error(`[ensure-test-deps] ${message}`);
  process.exit(1);
}

const missing = [];
const chromium = findChromium();
if (!chromium) missing.push('chromium');
if (!hasPython3()) missing.push('python3');

if (missing.length === 0) {
  console.log(`[ensure-test-deps] chromium: ${chromium}; python3: ok`);
  process.exit(0);
}

const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !isDebianLike()) {
  fail(
    `missing: ${missing.join(', ')}. Install ${missing.length > 1 ? 'them' : 'it'} and run the tests again:\n` +
      `  ${isDebianLike() ? `sudo sh -c '${command}'` : `${command}   (Debian/Ubuntu; elsewhere use your package manager)`}\n` +
      (missing.includes('chromium') ? '  or point CHROMIUM_PATH at an installed Chromium or Chrome.\n' : ''),
  );
}

console.log(`[ensure-test-deps] installing ${missing.join(', ')}: ${command}`);
const result = spawnSync('sh', ['-c', command], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
if (result.status !== 0) fail(`\`${command}\` failed (exit ${result.status}).`);
if (missing.includes('chromium') && !findChromium())
  fail(`chromium is still not found in ${chromiumCandidates.join(', ')} after installing.`);
if (missing.includes('python3') && !hasPython3()) fail('python3 is still not found after installing.');
console.log('[ensure-test-deps] done');
