/**
 * Benchmark of ingest alone (scraped page text → model) on a synthetic corpus made from the
 * seeds: pages per CPU second on one core, best of three rounds (the machine is shared, so CPU
 * time, not wall time, and the best round). Run: `node lib/bench/ingest.js [pages]`.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { ingestPage } from '../src/ingest/index.js';
import { generateCorpus, readSeeds } from './corpus.js';

export interface IngestBenchResult {
  pages: number;
  /** Characters ingested per round. */
  chars: number;
  cpuSeconds: number;
  pagesPerSecond: number;
}

/** Ingests `n` generated pages three times and reports the best round. */
export function benchIngest(root: string, n: number, log: (line: string) => void = console.log): IngestBenchResult {
  const corpus = generateCorpus(readSeeds(root), n, 20261122);
  const chars = corpus.reduce((a, p) => a + p.text.length, 0);
  for (const p of corpus.slice(0, 200)) ingestPage(p.text, p.file);
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const c0 = process.cpuUsage();
    for (const p of corpus) ingestPage(p.text, p.file);
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1e6);
  }
  const result = { pages: n, chars, cpuSeconds: best, pagesPerSecond: n / best };
  log(`ingest ${n} pages (${(chars / 1e6).toFixed(1)} M characters): ${best.toFixed(2)} CPU s, ${result.pagesPerSecond.toFixed(0)} pages/s (one core, best of 3)`);
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchIngest(resolve(process.cwd()), Number(process.argv[2] ?? 2000));
}
