/**
 * Benchmark of `convert` (parse + encode + write) on synthetic corpora made from the seeds, into
 * a fresh output folder: pages per CPU second on one core, and memory, which must stay flat as
 * the corpus grows (pages are converted one at a time; diagnostics are streamed, as
 * `ConvertOptions.onDiagnostic` allows, and of a page only its id, output path and the few
 * numbers naming its mentions are kept for the authority files).
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertPagesParallel } from '../src/convert.js';
import { corpusPages, readSeeds } from './corpus.js';

export interface ConvertBenchResult {
  pages: number;
  /**
   * 1: ingest and encode on the main thread, as `shifr convert` does below `PARALLEL_THRESHOLD`
   * pages (the files are created on libuv's I/O threads meanwhile); 2: on two worker threads.
   */
  threads: number;
  seconds: number;
  pagesPerSecond: number;
  /** CPU seconds of the whole process (all threads): the figure to trust on a shared, loaded machine. */
  cpuSeconds: number;
  /**
   * Of which in the kernel: mostly creating the temporary file of each atomic write, which on
   * this ext4 volume costs from 0.05 to 2 ms a file depending on the file system's state.
   */
  systemSeconds: number;
  pagesPerCpuSecond: number;
  peakRssMiB: number;
  peakHeapMiB: number;
  /**
   * Heap held by the run after a full garbage collection, above what was held before it, when a
   * quarter, half, three quarters and all of the pages are written (`--expose-gc` needed): what
   * the run keeps per page. The collections' time is left out of the figures above.
   */
  liveHeapMiB: number[];
  failed: number;
  diagnostics: number;
}

const MiB = 1024 * 1024;

/**
 * Generates `n` pages into a temporary folder, converts them with `threads` (1 = the main thread,
 * 2 = worker threads) and measures the conversion alone.
 */
export async function benchConvert(root: string, n: number, threads = 1, log: (line: string) => void = console.log): Promise<ConvertBenchResult> {
  const work = mkdtempSync(join(tmpdir(), 'shifr-bench-convert-'));
  try {
    const pagesDir = join(work, 'sources');
    mkdirSync(pagesDir);
    const files: string[] = [];
    for (const p of corpusPages(readSeeds(root), n, 20261122)) {
      const file = join(pagesDir, `${String(files.length).padStart(5, '0')}.txt`);
      writeFileSync(file, p.text);
      files.push(file);
    }
    (globalThis as { gc?: () => void }).gc?.();
    let peakRss = process.memoryUsage().rss;
    let peakHeap = process.memoryUsage().heapUsed;
    const heapBefore = process.memoryUsage().heapUsed;
    const gc = (globalThis as { gc?: () => void }).gc;
    const live: number[] = [];
    let gcWall = 0n;
    let gcCpu = { user: 0, system: 0 };
    const liveSample = (): void => {
      if (!gc) return;
      const w = process.hrtime.bigint();
      const c = process.cpuUsage();
      gc();
      live.push((process.memoryUsage().heapUsed - heapBefore) / MiB);
      const d = process.cpuUsage(c);
      gcCpu = { user: gcCpu.user + d.user, system: gcCpu.system + d.system };
      gcWall += process.hrtime.bigint() - w;
    };
    const quarter = Math.max(1, Math.floor(n / 4));
    let done = 0;
    let diagnostics = 0;
    const sample = (): void => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    };
    const t0 = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    const options = {
      outDir: join(work, 'tei'),
      onPage: () => {
        if (++done % 50 === 0) sample();
        if (done % quarter === 0) liveSample();
      },
      onDiagnostic: () => {
        diagnostics++;
      },
    };
    const summary = await convertPagesParallel(files, { ...options, threads: threads > 1 ? threads : 0 });
    const seconds = Number(process.hrtime.bigint() - t0 - gcWall) / 1e9;
    const measured = process.cpuUsage(cpu0);
    const cpu = { user: measured.user - gcCpu.user, system: measured.system - gcCpu.system };
    // After the authority files too (written last, from every page's mentions).
    sample();
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const result: ConvertBenchResult = {
      pages: n,
      threads,
      seconds,
      pagesPerSecond: n / seconds,
      cpuSeconds,
      systemSeconds: cpu.system / 1e6,
      pagesPerCpuSecond: n / cpuSeconds,
      peakRssMiB: peakRss / MiB,
      peakHeapMiB: peakHeap / MiB,
      liveHeapMiB: live,
      failed: summary.failedPages.length,
      diagnostics,
    };
    log(
      `convert ${n} pages, ${threads === 1 ? 'one thread' : `${threads} worker threads`}: ${seconds.toFixed(2)} s, ${result.pagesPerSecond.toFixed(0)} pages/s; CPU ${cpuSeconds.toFixed(2)} s (kernel ${result.systemSeconds.toFixed(2)} s), ${result.pagesPerCpuSecond.toFixed(0)} pages per CPU second; ` +
        `peak RSS ${result.peakRssMiB.toFixed(0)} MiB, peak heap (main thread, between collections) ${result.peakHeapMiB.toFixed(0)} MiB, ` +
        `live heap after ¼ ½ ¾ 1 of the pages ${live.map((x) => x.toFixed(1)).join(' ') || '(run with --expose-gc)'} MiB; ` +
        `${result.failed} page(s) not written, ${diagnostics} diagnostic(s)`,
    );
    return result;
  } finally {
    removeAtExit(work);
  }
}

/**
 * Work folders are removed when the process ends, not between two measurements: on this ext4
 * volume (no journal) a file created within ~30 s of the deletion of thousands of others scans
 * past their freed inodes, which are not reused so soon: right after a 10,000-page run was deleted,
 * the next run's kernel time was 0.2–1 ms a page (falling as the deletions aged) instead of ~0.1 ms.
 */
const toRemove: string[] = [];
function removeAtExit(dir: string): void {
  if (toRemove.length === 0) process.once('exit', () => toRemove.forEach((d) => rmSync(d, { recursive: true, force: true })));
  toRemove.push(dir);
}
