/**
 * A publish worker thread: loads the stylesheets once, then renders the batches it is sent and
 * writes their pages. The main thread keeps the bookkeeping (manifest, edition pages, search).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { TelegramRenderer, type RenderSetup } from './render.js';
import { writeTelegramOutputs, type TelegramJob, type TelegramResult } from './telegram-job.js';

const setup = workerData as RenderSetup & { outDir: string };
const renderer = new TelegramRenderer(setup);

parentPort!.on('message', (jobs: TelegramJob[]) => {
  const results: TelegramResult[] = writeTelegramOutputs(renderer, setup.outDir, jobs);
  parentPort!.postMessage(results);
});
