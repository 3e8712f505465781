// worker_threads entry (dist/cli-worker.js): checks the batches the main thread sends.
import { parentPort } from 'node:worker_threads';
import { loadNodeFrontEnds } from '../node/front-ends';
import { Checker, type BatchRequest } from './checker';

const checker = loadNodeFrontEnds().then(fe => new Checker(fe));

/** Answers one batch; a failure becomes an error reply, so the promise never rejects. */
async function answer(m: { id: number; req: BatchRequest }): Promise<void> {
  try {
    const result = await (await checker).checkBatch(m.req);
    parentPort?.postMessage({ id: m.id, result });
  } catch (e) {
    parentPort?.postMessage({ id: m.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
}

// Fire-and-forget: the reply message is the outcome and answer() reports its own errors.
parentPort?.on('message', (m: { id: number; req: BatchRequest }) => void answer(m));
