/**
 * A validation worker thread: loads the schemas once, then validates the batches of files the main
 * thread sends until told to stop (see `validateFiles` in `index.ts`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FileValidator, SchemaUnusableError, type FromWorker, type ToWorker, type WorkerSetup } from './index.js';

const port = parentPort!;
const setup = workerData as WorkerSetup;
let validator: FileValidator | undefined;
try {
  // The main thread builds the XSLT validator, when one is needed, before it sends any file.
  validator = new FileValidator(setup.schemas, setup.options, { loadXsltNow: false });
  port.postMessage({ ready: true } satisfies FromWorker);
} catch (e) {
  if (!(e instanceof SchemaUnusableError)) throw e;
  port.postMessage({ failed: e.diagnostics } satisfies FromWorker);
}

port.on('message', (message: ToWorker) => {
  if ('stop' in message || !validator) {
    port.close();
    return;
  }
  const diagnostics = message.files.flatMap((file) => validator!.validate(file));
  port.postMessage({ done: message.files.length, diagnostics } satisfies FromWorker);
});
