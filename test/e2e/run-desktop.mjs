// Runs the same e2e suite in desktop VS Code through @vscode/test-electron (downloads VS Code, so it
// is not part of `npm test`). Use: `npm run test:desktop` (builds first).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { bundleSuite, repoRoot } from './bundle-suite.mjs';

const require = createRequire(import.meta.url);
const { runTests } = require('@vscode/test-electron');

try {
  const extensionTestsPath = await bundleSuite('node');
  await runTests({
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    launchArgs: [join(repoRoot, 'test/e2e/workspace'), '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
  });
} catch (err) {
  console.error(`[e2e-desktop] ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
