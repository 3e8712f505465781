// Test entry for the desktop extension host (@vscode/test-electron): same suite, Node mocha.
import Mocha from 'mocha';
import { scaled } from './wait';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', timeout: scaled(60_000), color: true });
  // Defines suite/test/suiteSetup as globals before the suite module is evaluated.
  mocha.suite.emit('pre-require', globalThis, 'extension.e2e', mocha);
  await import('./extension.e2e');
  await import('./selector.e2e');
  await import('./features.e2e');
  await import('./tfjs.e2e');
  await import('./jax.e2e');
  await import('./notebook.e2e');
  return new Promise((resolve, reject) => {
    mocha.run(failures => (failures > 0 ? reject(new Error(`${failures} e2e test(s) failed`)) : resolve()));
  });
}
