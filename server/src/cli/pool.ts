// Runs checker batches on worker threads (dist/cli-worker.js), handing the next batch to whichever
// worker is free, so one slow file does not hold the others up. Each worker's heap is capped so a
// whole-repository scan stays within a few hundred MB; a batch whose worker dies (out of memory,
// crash) is returned to the caller to be checked on the main thread instead.
import { Worker } from 'node:worker_threads';
import type { BatchRequest, BatchResult } from './checker';

type Reply = { id: number; result?: BatchResult; error?: string };

const WORKER_LIMITS = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 };

/** Returns the batches that no worker finished. */
export async function runOnWorkers(script: string, count: number, batches: BatchRequest[], onResult: (r: BatchResult) => void): Promise<BatchRequest[]> {
  let next = 0;
  const failed: BatchRequest[] = [];
  const workers: Worker[] = [];
  await Promise.all(Array.from({ length: Math.min(count, batches.length) }, () => new Promise<void>(resolve => {
    const w = new Worker(script, { resourceLimits: WORKER_LIMITS });
    workers.push(w);
    let current = -1;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      resolve();
    };
    const feed = () => {
      if (next >= batches.length) { current = -1; finish(); return; }
      current = next++;
      w.postMessage({ id: current, req: batches[current] });
    };
    const fail = () => {
      if (current >= 0) failed.push(batches[current]);
      current = -1;
      finish();
    };
    w.on('message', (m: Reply) => {
      if (m.result) onResult(m.result);
      else failed.push(batches[m.id]);
      current = -1;
      feed();
    });
    w.on('error', fail);
    w.on('exit', fail);
    feed();
  })));
  await Promise.all(workers.map(w => w.terminate()));
  // Workers that died early leave batches nobody took.
  while (next < batches.length) failed.push(batches[next++]);
  return failed;
}
