/**
 * A conversion worker thread: ingests and encodes the batches of pages the main thread sends
 * (see `convertPagesParallel` in convert.ts) and returns the TEI in memory; the main thread
 * writes, so that the order of writes and the duplicate-id check stay deterministic.
 */
import { parentPort } from 'node:worker_threads';
import { encodePageFile, type ToConvertWorker, type FromConvertWorker } from './convert.js';

const port = parentPort!;
port.on('message', (message: ToConvertWorker) => {
  if ('stop' in message) {
    port.close();
    return;
  }
  port.postMessage({ batch: message.batch, results: message.files.map(encodePageFile) } satisfies FromConvertWorker);
});
