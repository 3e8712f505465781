// Runs checker batches on worker threads (dist/cli-worker.js), handing the next batch to whichever
// worker is free, so one slow file does not hold the others up.
import { Worker } from 'node:worker_threads';
import type { BatchRequest, BatchResult } from './checker';

type Reply = { id: number; result?: BatchResult; error?: string };

export async function runOnWorkers(script: string, count: number, batches: BatchRequest[], onResult: (r: BatchResult) => void): Promise<void> {
  let next = 0;
  const workers: Worker[] = [];
  try {
    await Promise.all(Array.from({ length: Math.min(count, batches.length) }, () => new Promise<void>((resolve, reject) => {
      const w = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: Number(process.env.LL_OLD) || 96, maxYoungGenerationSizeMb: Number(process.env.LL_YOUNG) || 16 } });
      workers.push(w);
      let current = -1;
      const feed = () => {
        if (next >= batches.length) { resolve(); return; }
        current = next++;
        w.postMessage({ id: current, req: batches[current] });
      };
      w.on('message', (m: Reply) => {
        if (m.error !== undefined) { reject(new Error(m.error)); return; }
        if (m.result) onResult(m.result);
        feed();
      });
      w.on('error', reject);
      w.on('exit', code => {
        if (next < batches.length || current >= 0) reject(new Error(`worker exited with code ${code}`));
      });
      feed();
    })));
  } finally {
    await Promise.all(workers.map(w => w.terminate()));
  }
}
