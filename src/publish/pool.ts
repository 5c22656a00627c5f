/**
 * A fixed pool of publish workers. Each worker loads the stylesheets once and is fed a small
 * batch of telegrams at a time (plus one in reserve), so a slow document holds up few others.
 */
import { Worker } from 'node:worker_threads';
import type { RenderSetup } from './render.js';
import type { TelegramJob, TelegramResult } from './telegram-job.js';

export class WorkerPool {
  private readonly workers: Worker[] = [];

  constructor(size: number, setup: RenderSetup & { outDir: string }) {
    for (let i = 0; i < size; i++) this.workers.push(new Worker(new URL('./worker.js', import.meta.url), { workerData: setup }));
  }

  /**
   * Runs every job, `batch` telegrams per message (rendered in one transform); `onResult` sees
   * each result as it comes. Resolves when all are done. Each worker holds a second batch while it
   * renders one, so it never waits for the main thread (busy with bookkeeping and search
   * indexing) to send the next.
   */
  async runAll(jobs: readonly TelegramJob[], batch: number, onResult: (r: TelegramResult) => void): Promise<void> {
    let next = 0;
    await Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let inFlight = 0;
            const feed = (): void => {
              if (next < jobs.length) {
                worker.postMessage(jobs.slice(next, next + batch));
                next += batch;
                inFlight++;
              } else if (inFlight === 0) {
                worker.off('message', onMessage);
                worker.off('error', reject);
                resolve();
              }
            };
            const onMessage = (results: TelegramResult[]): void => {
              inFlight--;
              for (const r of results) onResult(r);
              feed();
            };
            worker.on('message', onMessage);
            worker.on('error', reject);
            feed();
            feed();
          }),
      ),
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
