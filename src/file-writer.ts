/**
 * Writes generated files on a worker thread of their own (file-writer-worker.ts), in batches, so
 * that the thread converting pages never waits for the kernel. On this project's 2-vCPU virtual
 * machine, handing a file system call to libuv's I/O threads costs the calling thread 25–40 µs
 * (waking a sleeping thread on the other vCPU), and an atomic write is four calls (open, write,
 * close, rename) plus a stat for hand edits: writing 1,000 TEI files so, while the main thread
 * worked 1.5 ms a page, took 255 ms more than the work alone; the same files sent to a writer
 * thread eight at a time, 22–31 ms more (`node wx.mjs promises|worker`, see the issue notes).
 * Instruction counts do not show this cost: it is the hypervisor's.
 */
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from './diagnostics.js';
import type { Unstamped } from './encode/stamp.js';
import { writeFailure, type WriteOutcome } from './generated.js';

/**
 * A file to write: where, its content before the stamp (the writer hashes and stamps it, which
 * is a tenth of the work of converting a page), whether to replace a hand-edited file, and the
 * page it comes from (for the diagnostic).
 */
export interface WriteJob {
  path: string;
  tei: Unstamped;
  force: boolean;
  from?: string;
}

/** What became of a job's file (`writeGenerated`), and the diagnostics that says why. */
export interface WriteResult {
  outcome: WriteOutcome;
  diagnostics: Diagnostic[];
}

/** Jobs sent to the writer at once: one wake-up of its thread for this many files. */
const BATCH = 8;

export class FileWriter {
  private worker: Worker | undefined;

  /** Starts the writer's thread at once, so that it is ready by the first batch. */
  constructor() {
    this.start();
  }

  private batch: WriteJob[] = [];
  /** Jobs sent and not yet answered, in the order the writer answers them. */
  private readonly waiting: Array<{ job: WriteJob; resolve: (r: WriteResult) => void }> = [];
  private unsent: Array<{ job: WriteJob; resolve: (r: WriteResult) => void }> = [];

  /** Queues a file; it is sent with the next full batch, or at `flush`. */
  write(job: WriteJob): Promise<WriteResult> {
    return new Promise((resolve) => {
      this.batch.push(job);
      this.unsent.push({ job, resolve });
      if (this.batch.length >= BATCH) this.flush();
    });
  }

  /** Sends the jobs queued so far (call before waiting for one of them). */
  flush(): void {
    if (this.batch.length === 0) return;
    const worker = this.start();
    worker.ref();
    worker.postMessage(this.batch);
    this.waiting.push(...this.unsent);
    this.batch = [];
    this.unsent = [];
  }

  /**
   * Ends the writer's thread. Call it once every job is answered: a job still unanswered (or
   * never sent) then fails, with its diagnostic.
   */
  async close(): Promise<void> {
    const stopped = new Error('the file writer was closed before writing the file');
    for (const { job, resolve } of this.unsent.splice(0)) resolve({ outcome: 'failed', diagnostics: [writeFailure(job.path, stopped)] });
    this.batch = [];
    const worker = this.worker;
    await worker?.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./file-writer-worker.js', import.meta.url));
    worker.on('message', (results: WriteResult[]) => {
      for (const r of results) this.waiting.shift()!.resolve(r);
      // Idle, the writer must not keep the process alive (a caller that gave up never closes it).
      if (this.waiting.length === 0) worker.unref();
    });
    // A writer that dies fails every file it still had, each with its diagnostic.
    const fail = (e: unknown): void => {
      for (const { job, resolve } of this.waiting.splice(0)) resolve({ outcome: 'failed', diagnostics: [writeFailure(job.path, e)] });
      if (this.worker === worker) this.worker = undefined;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the file writer thread stopped (exit code ${code})`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }
}
