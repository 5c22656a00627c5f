/**
 * The file writer's thread (see file-writer.ts): stamps and writes each batch of generated files
 * it is sent, in order, never over a hand edit (`writeGenerated`), and answers with the outcomes.
 */
import { parentPort } from 'node:worker_threads';
import type { Diagnostic } from './diagnostics.js';
import { stampedBytes } from './encode/stamp.js';
import type { WriteJob, WriteResult } from './file-writer.js';
import { writeGenerated } from './generated.js';

const port = parentPort!;
port.on('message', (jobs: WriteJob[]) => {
  port.postMessage(
    jobs.map((job): WriteResult => {
      const diagnostics: Diagnostic[] = [];
      const outcome = writeGenerated(job.path, stampedBytes(job.tei), job.force, (d) => diagnostics.push(d), job.from);
      return { outcome, diagnostics };
    }),
  );
});
