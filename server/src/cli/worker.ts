// worker_threads entry (dist/cli-worker.js): checks the batches the main thread sends.
import { parentPort } from 'node:worker_threads';
import { loadNodeFrontEnds } from '../node/front-ends';
import { Checker, type BatchRequest } from './checker';

const checker = loadNodeFrontEnds().then(fe => new Checker(fe));

parentPort?.on('message', async (m: { id: number; req: BatchRequest }) => {
  try {
    const result = await (await checker).checkBatch(m.req);
    parentPort?.postMessage({ id: m.id, result });
  } catch (e) {
    parentPort?.postMessage({ id: m.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
