// Test entry for the web extension host (a Web Worker): --extensionTestsPath points at its bundle.
import 'mocha/mocha.js';
import { scaled } from './wait';

declare const mocha: BrowserMocha;
interface BrowserMocha {
  setup(options: { ui: string; reporter?: string; timeout: number; color?: boolean }): void;
  run(done: (failures: number) => void): void;
}

export async function run(): Promise<void> {
  // mocha's browser build has no console reporter of its own here; 'spec' prints through console.log,
  // which the workbench forwards to the runner.
  mocha.setup({ ui: 'tdd', reporter: 'spec', timeout: scaled(60_000), color: false });
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
