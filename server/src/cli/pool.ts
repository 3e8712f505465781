// Runs checker batches on worker threads (dist/cli-worker.js), handing the next batch to whichever
// worker is free, so one slow file does not hold the others up. Each worker's heap is capped so a
// whole-repository scan stays within a few hundred MB; a batch whose worker dies (out of memory,
// crash) is returned to the caller to be checked on the main thread instead.
import { Worker } from 'node:worker_threads';
import type { BatchRequest, BatchResult } from './checker';

type Reply = { id: number; result?: BatchResult; error?: string };

const WORKER_LIMITS = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 };

/**
 * Each worker owns a contiguous share of the batches (files of one package, in walk order, share their
 * imports, which a worker keeps parsed) and takes them front to back; a worker whose share is done
 * takes from the back of the largest share left, so no worker idles while another has a queue.
 */
export class Shares {
  private readonly ranges: { next: number; end: number }[];
  constructor(total: number, count: number) {
    this.ranges = Array.from({ length: count }, (_, i) => ({
      next: Math.floor((i * total) / count),
      end: Math.floor(((i + 1) * total) / count),
    }));
  }

  take(worker: number): number | undefined {
    const own = this.ranges[worker];
    if (own.next < own.end) return own.next++;
    let largest: { next: number; end: number } | undefined;
    for (const r of this.ranges) if (r.end - r.next > (largest ? largest.end - largest.next : 0)) largest = r;
    return largest ? --largest.end : undefined;
  }

  /** Batches no worker took. */
  rest(): number[] {
    const out: number[] = [];
    for (const r of this.ranges) for (let i = r.next; i < r.end; i++) out.push(i);
    return out;
  }
}

/** Returns the batches that no worker finished. */
export async function runOnWorkers(
  script: string,
  count: number,
  batches: BatchRequest[],
  onResult: (r: BatchResult) => void,
): Promise<BatchRequest[]> {
  const n = Math.min(count, batches.length);
  const shares = new Shares(batches.length, n);
  const failed: BatchRequest[] = [];
  const workers: Worker[] = [];
  await Promise.all(
    Array.from(
      { length: n },
      (_, index) =>
        new Promise<void>(resolve => {
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
            const taken = shares.take(index);
            if (taken === undefined) {
              current = -1;
              finish();
              return;
            }
            current = taken;
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
        }),
    ),
  );
  await Promise.all(workers.map(w => w.terminate()));
  // Workers that died early leave batches nobody took.
  for (const i of shares.rest()) failed.push(batches[i]);
  return failed;
}
