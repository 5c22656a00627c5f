/**
 * The file thread (file-thread-worker.ts): reads the input files ahead of the thread that works
 * on them — the pages convert encodes, the TEI files validate checks — and stamps and writes
 * convert's TEI files behind it, in batches, so that the working thread never waits for the
 * kernel.
 *
 * Measured on this project's 2-vCPU virtual machine:
 *   - handing a file system call to libuv's I/O threads cost the calling thread 25–40 µs (waking a
 *     thread on the other vCPU), and an atomic write is four calls (open, write, close, rename)
 *     plus a stat for hand edits: writing 1,000 TEI files so, while the main thread worked 1.5 ms
 *     a page, took 255 ms more than the work alone; sent to a thread of their own eight at a
 *     time, 22–31 ms more. Instruction counts do not show this cost: it is the hypervisor's;
 *   - reading a page on the converting thread took 70 µs while files were being created, and
 *     300 µs when the pages had not been read for a minute (the host pages out file data idle
 *     for 60 s): 7–30 % of a page's conversion.
 */
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from './diagnostics.js';
import type { Unstamped } from './encode/stamp.js';
import { readOne, type FileRead, type ReadOptions } from './file-read.js';
import { writeFailure } from './fsutil.js';
import type { WriteOutcome } from './generated.js';

/**
 * A file to write: where, its content before the stamp (the thread hashes and stamps it, which
 * is a tenth of the work of converting a page), whether to replace a hand-edited file, and the
 * page it comes from (for the diagnostic).
 */
export interface WriteJob {
  path: string;
  tei: Unstamped;
  force: boolean;
  from?: string;
}

/** What became of a job's file (`writeGenerated`), and the diagnostics that say why. */
export interface WriteResult {
  outcome: WriteOutcome;
  diagnostics: Diagnostic[];
}

/** Messages to the file thread and its answers, in the order of the requests. */
export type ToFileThread = { write: WriteJob[] } | { read: string[]; options: ReadOptions };
export type FromFileThread = { written: WriteResult[] } | { read: FileRead[] };

/** Jobs sent to the thread at once: one wake-up of it for this many files. */
const WRITE_BATCH = 8;
/** Files read at once, and how many such batches are asked for ahead of the one being worked on. */
const READ_BATCH = 16;
const READS_AHEAD = 2;
/** Files read by the caller's thread itself while the file thread starts (50–80 ms). */
const READ_HERE = 32;

type Waiting = { write: WriteJob; resolve: (r: WriteResult) => void } | { read: string[]; resolve: (r: FileRead[]) => void };

export class FileThread {
  private worker: Worker | undefined;
  private batch: Array<{ write: WriteJob; resolve: (r: WriteResult) => void }> = [];
  /** Requests sent and not yet answered, in the order the thread answers them. */
  private readonly waiting: Waiting[] = [];

  /** Starts the thread at once, so that it is ready by the first request. */
  constructor() {
    this.start();
  }

  /** The files, read as `options` say, in order: the first by the caller's thread, the others ahead of it on the file thread. */
  async *reads(files: readonly string[], options: ReadOptions): AsyncGenerator<FileRead> {
    const requests: Array<Promise<FileRead[]>> = [];
    const here = Math.min(files.length, READ_HERE);
    let next = here;
    const ask = (): void => {
      if (next >= files.length) return;
      const read = files.slice(next, (next += READ_BATCH));
      requests.push(new Promise((resolve) => this.send({ read, options }, { read, resolve })));
    };
    for (let i = 0; i < READS_AHEAD; i++) ask();
    for (let i = 0; i < here; i++) yield readOne(files[i]!, options);
    while (requests.length > 0) {
      const batch = await requests.shift()!;
      ask();
      yield* batch;
    }
  }

  /** Queues a file to write; it is sent with the next full batch, or at `flush`. */
  write(job: WriteJob): Promise<WriteResult> {
    return new Promise((resolve) => {
      this.batch.push({ write: job, resolve });
      if (this.batch.length >= WRITE_BATCH) this.flush();
    });
  }

  /** Sends the files queued so far (call before waiting for one of them). */
  flush(): void {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    this.send({ write: batch.map((b) => b.write) }, ...batch);
  }

  /**
   * Ends the thread. Call it once every request is answered: a file still unanswered (or never
   * sent) then fails, with its diagnostic, and a read fails as an unreadable page.
   */
  async close(): Promise<void> {
    this.fail(new Error('the file thread was closed before the request was done'), this.batch.splice(0));
    await this.worker?.terminate();
  }

  private send(message: ToFileThread, ...waiting: Waiting[]): void {
    const worker = this.start();
    worker.ref();
    worker.postMessage(message);
    this.waiting.push(...waiting);
  }

  /** Answers each request with its failure: a file not written (SHF-IO-002), a page not read. */
  private fail(e: unknown, requests: Waiting[]): void {
    for (const w of requests) {
      if ('write' in w) w.resolve({ outcome: 'failed', diagnostics: [writeFailure(w.write.path, e)] });
      else w.resolve(w.read.map((file) => ({ file, error: (e as Error).message })));
    }
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./file-thread-worker.js', import.meta.url));
    worker.on('message', (answer: FromFileThread) => {
      if ('written' in answer) for (const r of answer.written) (this.waiting.shift() as Extract<Waiting, { write: WriteJob }>).resolve(r);
      else (this.waiting.shift() as Extract<Waiting, { read: string[] }>).resolve(answer.read);
      // Idle, the thread must not keep the process alive (a caller that gave up never closes it).
      if (this.waiting.length === 0) worker.unref();
    });
    // A thread that dies fails every request it still had.
    const fail = (e: unknown): void => {
      this.fail(e, this.waiting.splice(0));
      if (this.worker === worker) this.worker = undefined;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the file thread stopped (exit code ${code})`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }
}
