/**
 * The file thread (see file-thread.ts): answers each request in order — reads a batch of files
 * (with their SHA-256, when asked), or stamps and writes a batch of TEI files, never over a
 * hand edit (`writeGenerated`).
 */
import { parentPort } from 'node:worker_threads';
import type { Diagnostic } from './diagnostics.js';
import { stampedBytes } from './encode/stamp.js';
import { readOne } from './file-read.js';
import type { FromFileThread, ToFileThread, WriteJob, WriteResult } from './file-thread.js';
import { writeGenerated } from './generated.js';

function write(job: WriteJob): WriteResult {
  const diagnostics: Diagnostic[] = [];
  const outcome = writeGenerated(job.path, stampedBytes(job.tei), job.force, (d) => diagnostics.push(d), job.from);
  return { outcome, diagnostics };
}

const port = parentPort!;
port.on('message', (request: ToFileThread) => {
  port.postMessage(('read' in request ? { read: request.read.map((file) => readOne(file, request.options)) } : { written: request.write.map(write) }) satisfies FromFileThread);
});
