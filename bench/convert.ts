/**
 * Benchmark of `convert` (parse + encode + write) on synthetic corpora made from the seeds, into
 * a fresh output folder: pages per CPU second on one core, and memory, which must stay flat as
 * the corpus grows (pages are converted one at a time; diagnostics are streamed, as
 * `ConvertOptions.onDiagnostic` allows, and of a page only its id, output path and the few
 * numbers naming its mentions are kept for the authority files).
 *
 * Each measured run is a Node process of its own (`benchConvertFresh`), as a `shifr convert` is:
 * a second run in the same process would find the code compiled by the first, and a 1,000-page
 * run measured so was a fifth faster than the same run in a new process.
 *
 * Speed and memory are measured in different runs. The live heap needs full collections forced
 * in the middle of the run (`--expose-gc`), and although their own time is left out, what they do
 * is not: they give memory back to the system, which the next pages fault in again, and age the
 * compiled code. 1,000 pages pinned to one core, three runs each: 2.15–2.29 s (kernel 0.43–0.53 s)
 * with the four samples, 1.48–1.77 s (kernel 0.10–0.15 s) without.
 *
 *   npm run compile && node lib/bench/convert.js [pages=1000] [threads=1] [speed|memory]
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tuneV8 } from '../src/cli/v8-tuning.js';
import { convertPagesParallel } from '../src/convert.js';
import { projectRoot } from '../src/xslt/build.js';
import { corpusPages, readSeeds } from './corpus.js';
import { medianBy, runTimed } from './timed.js';

export interface ConvertBenchResult {
  pages: number;
  /**
   * 1: ingest and encode on the main thread, as `shifr convert` does below `PARALLEL_THRESHOLD`
   * pages (from 64 pages on, the pages are read and the files created on the file thread meanwhile, see
   * file-thread.ts); 2: on two worker threads.
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
   * quarter, half, three quarters and all of the pages are written (`--expose-gc` needed, empty
   * without): what the run keeps per page. The collections' time is left out of the figures above.
   */
  liveHeapMiB: number[];
  /**
   * Wall seconds of each quarter of the pages (collections for the live-heap samples left out):
   * the first holds the JIT compiler's warm-up, the last is the steady rate a longer run keeps.
   */
  quarterSeconds: number[];
  /** Pages per second over the last quarter: what each page costs once the code is compiled. */
  steadyPagesPerSecond: number;
  failed: number;
  diagnostics: number;
}

const MiB = 1024 * 1024;

/** The bench's work folder (made on first use, removed when this process ends) and the corpora written in it, by size. */
let workRoot: string | undefined;
const corpora = new Map<number, string>();

function workFolder(): string {
  if (workRoot === undefined) {
    workRoot = mkdtempSync(join(tmpdir(), 'shifr-bench-convert-'));
    removeAtExit(workRoot);
  }
  return workRoot;
}

/** A folder holding the synthetic corpus of `n` pages, written once per bench process. */
export function corpusFolder(root: string, n: number): string {
  let dir = corpora.get(n);
  if (dir === undefined) {
    dir = join(workFolder(), `sources-${n}`);
    mkdirSync(dir);
    let i = 0;
    for (const p of corpusPages(readSeeds(root), n, 20261122)) writeFileSync(join(dir, `${String(i++).padStart(5, '0')}.txt`), p.text);
    corpora.set(n, dir);
  }
  return dir;
}

/**
 * Converts the pages of `pagesDir` into `outDir` (which must not exist yet) with `threads` (1 = the
 * main thread, 2 = worker threads) and measures the conversion alone.
 */
export async function benchConvert(pagesDir: string, outDir: string, threads = 1, log: (line: string) => void = console.log): Promise<ConvertBenchResult> {
  const files = readdirSync(pagesDir).sort().map((f) => join(pagesDir, f));
  const n = files.length;
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
  const quarterEnds: number[] = [];
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
    outDir,
    onPage: () => {
      if (++done % 50 === 0) sample();
      if (done % quarter === 0) {
        quarterEnds.push(Number(process.hrtime.bigint() - t0 - gcWall) / 1e9);
        liveSample();
      }
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
  const quarterSeconds = quarterEnds.slice(0, 4).map((end, i) => end - (i === 0 ? 0 : quarterEnds[i - 1]!));
  const last = quarterSeconds[quarterSeconds.length - 1];
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
    quarterSeconds,
    steadyPagesPerSecond: last ? quarter / last : NaN,
    failed: summary.failedPages.length,
    diagnostics,
  };
  log(
    `convert ${n} pages, ${threads === 1 ? 'one thread' : `${threads} worker threads`}: ${seconds.toFixed(2)} s, ${result.pagesPerSecond.toFixed(0)} pages/s; CPU ${cpuSeconds.toFixed(2)} s (kernel ${result.systemSeconds.toFixed(2)} s), ${result.pagesPerCpuSecond.toFixed(0)} pages per CPU second; ` +
      `peak RSS ${result.peakRssMiB.toFixed(0)} MiB, peak heap (main thread, between collections) ${result.peakHeapMiB.toFixed(0)} MiB, ` +
      `live heap after ¼ ½ ¾ 1 of the pages ${live.map((x) => x.toFixed(1)).join(' ') || '(not sampled in a speed run)'} MiB; ` +
      `${result.failed} page(s) not written, ${diagnostics} diagnostic(s); ` +
      `quarters of the pages ${quarterSeconds.map((q) => q.toFixed(2)).join(' ')} s, the last at ${result.steadyPagesPerSecond.toFixed(0)} pages/s`,
  );
  return result;
}

/**
 * Work folders are removed when the bench ends, not between two measurements: on this ext4
 * volume (no journal) a file created within ~30 s of the deletion of thousands of others scans
 * past their freed inodes, which are not reused so soon: right after a 10,000-page run was deleted,
 * the next run's kernel time was 0.2–1 ms a page (falling as the deletions aged) instead of ~0.1 ms.
 * For the same reason each corpus is written once, by the bench, and read by every run of its size.
 */
const toRemove: string[] = [];
function removeAtExit(dir: string): void {
  if (toRemove.length === 0) process.once('exit', () => toRemove.forEach((d) => rmSync(d, { recursive: true, force: true })));
  toRemove.push(dir);
}

/** Runs started by this bench, each converting into a folder of its own. */
let runsStarted = 0;

/** Marks the line of a run's process that carries its result. */
const RESULT = 'shifr-bench-convert-result ';
/** The first argument of a run's process (`benchConvertFresh`), which converts a corpus already written. */
const RUN = '--run';

/** What a run measures: its speed alone, or its memory too (the live heap, which slows the run, see above). */
export type Measure = 'speed' | 'memory';

/**
 * `benchConvert` in a new Node process (tuned as the `shifr` command tunes itself), its line
 * logged: what converting `n` pages costs a process that starts cold, JIT warm-up included.
 */
export function benchConvertFresh(root: string, n: number, threads = 1, measure: Measure = 'speed', log: (line: string) => void = console.log): ConvertBenchResult {
  const pagesDir = corpusFolder(root, n);
  const outDir = join(workFolder(), `tei-${++runsStarted}`);
  const gc = measure === 'memory' ? ['--expose-gc'] : [];
  const r = runTimed(process.execPath, [...gc, fileURLToPath(import.meta.url), RUN, pagesDir, outDir, String(threads)]);
  const lines = r.stdout.split('\n');
  const result = lines.find((l) => l.startsWith(RESULT));
  if (r.status !== 0 || result === undefined) throw new Error(`the convert benchmark's process failed (exit ${r.status}): ${r.stderr}`);
  for (const l of lines) if (l !== '' && l !== result) log(l);
  return JSON.parse(result.slice(RESULT.length)) as ConvertBenchResult;
}

/**
 * `benchConvertFresh` `runs` times, each run logged: on a shared machine one run can be 40 % off,
 * so the figure is the median run (by wall time), as for validation.
 */
export function benchConvertMedian(root: string, n: number, runs = 3, log: (line: string) => void = console.log): ConvertBenchResult {
  const results = Array.from({ length: runs }, () => benchConvertFresh(root, n, 1, 'speed', log));
  const median = medianBy(results, (r) => r.seconds);
  const steady = medianBy(results, (r) => r.steadyPagesPerSecond).steadyPagesPerSecond;
  log(
    `convert ${n} pages, one thread, the median of ${runs} runs (${results.map((r) => `${r.seconds.toFixed(2)} s`).join(', ')}): ` +
      `${median.seconds.toFixed(2)} s = ${median.pagesPerSecond.toFixed(0)} pages/s; the last quarter of the pages at ${steady.toFixed(0)} pages/s (median)`,
  );
  return median;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href || fileURLToPath(import.meta.url) === process.argv[1]) {
  tuneV8();
  const args = process.argv.slice(2);
  if (args[0] === RUN) console.log(RESULT + JSON.stringify(await benchConvert(args[1]!, args[2]!, Number(args[3] ?? 1))));
  // By hand: a corpus of that many pages converted once (its folders go when this process ends).
  else benchConvertFresh(projectRoot(), Number(args[0] ?? 1000), Number(args[1] ?? 1), args[2] === 'memory' ? 'memory' : 'speed');
}
