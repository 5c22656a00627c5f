/**
 * Publish benchmark: synthetic editions of 1,000 and 10,000 telegrams made from the real TEI files
 * in tei/ (or the publish fixtures when tei/ is empty), each copy with a new id, a shifted year and
 * a word of its own. Measures, each in a fresh process:
 *   - a full publish (pages/s, peak memory),
 *   - an incremental publish after an edit of one telegram's text, and after an edit of its title
 *     (which also rebuilds the edition pages),
 *   - Saxon-HE (Java, Debian libsaxonhe-java) running the same telegram stylesheet (page and
 *     record) on the same files in one process, as the reference for the full build.
 *
 *   npm run compile && node lib/bench/publish.js [full sizes=1000] [incremental sizes=10000]
 *
 * A full 10,000 build keeps both cores of a shared 2-core machine busy for several minutes (SaxonJS
 * renders a telegram in 25–45 ms of CPU), so by default 10,000 is measured for the incremental rebuild only, from
 * a state cloned from the 1,000 build (see cloneState); `node lib/bench/publish.js 1000,10000`
 * runs both full builds.
 *
 * Nothing is installed: without Saxon-HE the comparison is skipped with the command that installs it.
 *
 * Per-transform mode, to try a change to a stylesheet: each SEF given runs on one TEI file in this
 * thread, the SEFs taking turns round after round (so that a change of machine load hits all
 * alike); reports the first (cold) transform and the best round's CPU ms per transform. On a
 * shared machine the rounds of one SEF still differ by ±30 %: compare only SEFs of one run. Each SEF
 * must have the template pub:authority-lookups (src/publish/render.ts asks it for the lookup tables).
 *
 *   node lib/bench/publish.js --transform tei/wcda-113022.xml [rounds=8] a.sef.json b.sef.json …
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { projectRoot, SEF_CACHE } from '../src/xslt/build.js';
import { TelegramRenderer } from '../src/publish/render.js';
import { shardCount } from '../src/publish/search.js';
import { runTimed } from './timed.js';

const SAXON_JAR = '/usr/share/java/Saxon-HE.jar';
const AUTHORITY = ['persons.xml', 'places.xml', 'archives.xml'];

export interface PublishBenchResult {
  telegrams: number;
  fullSeconds: number;
  pagesPerSecond: number;
  peakRssMB: number;
  /** Phases of the full build inside the process (ms). */
  phases: Record<string, number>;
  incrementalTextSeconds: number;
  incrementalTitleSeconds: number;
  saxonSeconds?: number;
  /** Full publish time / Saxon-HE time (telegram.xsl, which writes page and record). */
  ratio?: number;
  /** The same ratio without the search index, which Saxon-HE does not build. */
  ratioWithoutSearch?: number;
}

interface ChildRun {
  seconds: number;
  /**
   * CPU time of the publish process, all its threads, and of pagefind's binary (from /proc; where
   * there is none, the process's own figure, without pagefind).
   */
  cpuSeconds: number;
  maxRssKB: number;
  report: { rendered: number; editionPages: boolean; searchShardsRebuilt: number; timings: Record<string, number> };
}

/** Copies of the template telegrams with new ids, years and a distinguishing word. */
export function makeEdition(templatesDir: string, dir: string, count: number): string[] {
  const templates = readdirSync(templatesDir).filter((n) => n.endsWith('.xml') && !AUTHORITY.includes(n)).sort();
  mkdirSync(dir, { recursive: true });
  for (const name of AUTHORITY) if (existsSync(join(templatesDir, name))) cpSync(join(templatesDir, name), join(dir, name));
  const texts = templates.map((n) => readFileSync(join(templatesDir, n), 'utf8'));
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const t = i % templates.length;
    const oldId = templates[t]!.replace(/\.xml$/, '');
    const oldNumber = oldId.replace(/^\D+-/, '');
    const number = String(600000 + i);
    const newId = `wcda-${number}`;
    const year = 1947 + (i % 7);
    const text = texts[t]!
      .split(oldId).join(newId)
      .replace(new RegExp(`(<idno type="wcda">)${oldNumber}(</idno>)`, 'g'), `$1${number}$2`)
      .replace(/when="19\d\d-(?!02-29)/g, `when="${year}-`)
      .replace(/<\/summary>/, ` Copy ${i} of the benchmark edition.</summary>`);
    const file = join(dir, `${newId}.xml`);
    writeFileSync(file, text);
    files.push(file);
  }
  return files;
}

function runChild(teiDir: string, outDir: string): ChildRun {
  const child = runTimed(process.execPath, [fileURLToPath(import.meta.url), '--child', teiDir, outDir]);
  if (child.status !== 0) throw new Error(`publish failed: ${child.stderr}`);
  const out = JSON.parse(child.stdout.trim().split('\n').pop()!) as Omit<ChildRun, 'seconds'>;
  return { ...out, seconds: child.seconds, ...(child.cpuSeconds !== undefined ? { cpuSeconds: child.cpuSeconds } : {}) };
}

/**
 * Saxon-HE over the folder in one process (as a user would run it): wall seconds, and CPU
 * seconds of the JVM (user + system, all its threads) to compare with
 * shifr's CPU time when the machine is shared.
 */
function runSaxon(teiDir: string, outDir: string): { seconds: number; cpuSeconds?: number } | undefined {
  if (!existsSync(SAXON_JAR)) return undefined;
  const root = projectRoot();
  const params = AUTHORITY.filter((n) => existsSync(join(teiDir, n))).map((n) => `?${n.replace('.xml', '')}=doc('${pathToFileURL(join(teiDir, n)).href}')`);
  const target = join(outDir, 'telegram');
  mkdirSync(target, { recursive: true });
  const java = ['java', '-cp', SAXON_JAR, 'net.sf.saxon.Transform', `-s:${teiDir}`, `-o:${target}`, `-xsl:${join(root, 'xslt', 'html', 'telegram.xsl')}`, ...params];
  const run = runTimed(java[0]!, java.slice(1));
  if (run.status !== 0) throw new Error(`Saxon-HE failed on telegram.xsl: ${run.stderr.slice(0, 2000)}`);
  return { seconds: run.seconds, ...(run.cpuSeconds !== undefined ? { cpuSeconds: run.cpuSeconds } : {}) };
}

/**
 * The state a full publish of `n` telegrams would leave — TEI folder, manifest, search texts,
 * edition pages — cloned from a full publish of a smaller edition made by `makeEdition` (telegram
 * i of the large edition is telegram j of the small one with the same template and year, under a
 * new id). Lets the incremental rebuild be measured at 10,000 without a full 10,000 build, which
 * keeps a shared 2-core machine busy for several minutes. Telegram pages and search bundles are not cloned:
 * an incremental publish neither reads nor needs them.
 */
export function cloneState(smallOut: string, small: number, teiDir: string, outDir: string, n: number, templates: string): void {
  const files = makeEdition(templates, teiDir, n);
  const cache = join(outDir, '.shifr-publish');
  const manifest = JSON.parse(readFileSync(join(smallOut, '.shifr-publish', 'manifest.json'), 'utf8')) as {
    shards: number;
    telegrams: Record<string, { size: number; mtimeMs: number; hash: string; recordHash: string; textHash: string }>;
  };
  cpSync(smallOut, outDir, { recursive: true, filter: (src) => !/[\\/](telegrams|pagefind|text)$/.test(src) });
  mkdirSync(join(cache, 'text'), { recursive: true });
  // makeEdition repeats template and year every `period` telegrams
  const period = readdirSync(templates).filter((f) => f.endsWith('.xml') && !AUTHORITY.includes(f)).length * 7;
  if (small < period) throw new Error(`cloneState needs a build of at least ${period} telegrams (one per template and year), got ${small}`);
  const smallRecords = JSON.parse(readFileSync(join(cache, 'edition.json'), 'utf8')) as Record<string, Record<string, unknown>>;
  // telegram j of the small edition under the id of telegram i of the large one
  const renamed = (json: string, i: number, j: number): string =>
    json.split(`wcda-${600000 + j}`).join(`wcda-${600000 + i}`).split(`Copy ${j} of`).join(`Copy ${i} of`);
  const telegrams: typeof manifest.telegrams = {};
  const records: Record<string, unknown> = {};
  files.forEach((file, i) => {
    const j = i < small ? i : i % period;
    const to = `wcda-${600000 + i}`;
    const entry = manifest.telegrams[`wcda-${600000 + j}.xml`]!;
    const search = JSON.parse(renamed(readFileSync(join(smallOut, '.shifr-publish', 'text', `wcda-${600000 + j}.json`), 'utf8'), i, j)) as { record: unknown };
    writeFileSync(join(cache, 'text', `${to}.json`), JSON.stringify(search));
    records[to] = JSON.parse(renamed(JSON.stringify(smallRecords[`wcda-${600000 + j}`]), i, j));
    const bytes = readFileSync(file);
    const stat = statSync(file);
    telegrams[`${to}.xml`] = {
      size: stat.size,
      mtimeMs: stat.mtimeMs,
      hash: createHash('sha256').update(bytes).digest('hex'),
      recordHash: createHash('sha256').update(JSON.stringify(search.record)).digest('hex'),
      textHash: entry.textHash,
    };
  });
  writeFileSync(join(cache, 'edition.json'), JSON.stringify(records));
  manifest.telegrams = telegrams;
  manifest.shards = shardCount(n);
  writeFileSync(join(cache, 'manifest.json'), JSON.stringify(manifest));
}

function editOne(file: string, what: 'text' | 'title'): void {
  const text = readFileSync(file, 'utf8');
  const edited =
    what === 'text'
      ? text.replace(/(<p xml:id="[^"]*"[^>]*>)/, '$1Benchmark edit. ')
      : text.replace(/(<title type="main">)/, '$1Edited: ');
  writeFileSync(file, edited);
}

export interface IncrementalAtScale {
  telegrams: number;
  textSeconds: number;
  textCpuSeconds: number;
  titleSeconds: number;
  titleCpuSeconds: number;
}

function phases(run: ChildRun): string {
  return Object.entries(run.report.timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)}`).join(', ');
}

/**
 * Full publishes at each of `sizes` (with the incremental rebuilds and the Saxon-HE comparison),
 * then incremental rebuilds at each of `incrementalAt`, from a state cloned from the last full
 * build. Prints one line per measurement.
 */
export async function benchPublish(
  sizes: readonly number[] = [1000],
  incrementalAt: readonly number[] = [10000],
  log: (line: string) => void = console.log,
): Promise<{ full: PublishBenchResult[]; incremental: IncrementalAtScale[] }> {
  const root = projectRoot();
  const realTei = join(root, 'tei');
  const templates = existsSync(realTei) && readdirSync(realTei).some((n) => /^wcda-.*\.xml$/.test(n)) ? realTei : join(root, 'test', 'fixtures', 'publish', 'tei');
  const results: PublishBenchResult[] = [];
  const incremental: IncrementalAtScale[] = [];
  log(`publish bench: templates from ${templates}; wall and CPU seconds of whole processes (machine load shows in wall time)`);
  if (!existsSync(SAXON_JAR)) log(`Saxon-HE not found at ${SAXON_JAR}: comparison skipped (install with "apt-get install libsaxonhe-java")`);
  const works: string[] = [];
  try {
    let last: { out: string; n: number } | undefined;
    for (const n of sizes) {
      const work = mkdtempSync(join(tmpdir(), `shifr-bench-publish-${n}-`));
      works.push(work);
      const teiDir = join(work, 'tei');
      const files = makeEdition(templates, teiDir, n);
      const out = join(work, 'site');
      const full = runChild(teiDir, out);
      const one = files[Math.floor(files.length / 2)]!;
      editOne(one, 'text');
      const text = runChild(teiDir, out);
      editOne(one, 'title');
      const title = runChild(teiDir, out);
      const saxonRun = runSaxon(teiDir, join(work, 'saxon'));
      const saxon = saxonRun?.seconds;
      const search = (full.report.timings.search ?? 0) / 1000;
      const r: PublishBenchResult = {
        telegrams: n,
        fullSeconds: full.seconds,
        pagesPerSecond: n / full.seconds,
        peakRssMB: full.maxRssKB / 1024,
        phases: full.report.timings,
        incrementalTextSeconds: text.seconds,
        incrementalTitleSeconds: title.seconds,
        ...(saxon !== undefined ? { saxonSeconds: saxon, ratio: full.seconds / saxon, ratioWithoutSearch: (full.seconds - search) / saxon } : {}),
      };
      results.push(r);
      log(`publish ${n} telegrams: full ${r.fullSeconds.toFixed(1)} s wall, ${full.cpuSeconds.toFixed(1)} s CPU (${r.pagesPerSecond.toFixed(1)} telegrams/s, peak RSS ${r.peakRssMB.toFixed(0)} MB; phases in s: ${phases(full)})`);
      log(`publish ${n} telegrams: incremental after a text edit ${text.seconds.toFixed(2)} s wall, ${text.cpuSeconds.toFixed(2)} s CPU (rendered ${text.report.rendered}, edition pages ${text.report.editionPages ? 'rebuilt' : 'kept'}, search shards ${text.report.searchShardsRebuilt}; ${phases(text)})`);
      log(`publish ${n} telegrams: incremental after a title edit ${title.seconds.toFixed(2)} s wall, ${title.cpuSeconds.toFixed(2)} s CPU (edition pages ${title.report.editionPages ? 'rebuilt' : 'kept'}; ${phases(title)})`);
      if (saxon !== undefined) {
        const cpu = saxonRun?.cpuSeconds;
        const cpuText = cpu !== undefined ? `, ${cpu.toFixed(1)} s CPU; CPU ratio ${(full.cpuSeconds / cpu).toFixed(2)}` : '';
        log(`publish ${n} telegrams: Saxon-HE telegram.xsl (page and record) ${saxon.toFixed(1)} s wall${cpuText}; ratio shifr/Saxon-HE ${r.ratio!.toFixed(2)} (without the search index ${r.ratioWithoutSearch!.toFixed(2)}; target ≤ 1.5)`);
      }
      last = { out, n };
    }
    for (const n of incrementalAt) {
      if (!last) break;
      const work = mkdtempSync(join(tmpdir(), `shifr-bench-publish-${n}-`));
      works.push(work);
      const teiDir = join(work, 'tei');
      const out = join(work, 'site');
      cloneState(last.out, last.n, teiDir, out, n, templates);
      const one = join(teiDir, `wcda-${600000 + Math.floor(n / 2)}.xml`);
      const nothing = runChild(teiDir, out);
      editOne(one, 'text');
      const text = runChild(teiDir, out);
      editOne(one, 'title');
      const title = runChild(teiDir, out);
      incremental.push({ telegrams: n, textSeconds: text.seconds, textCpuSeconds: text.cpuSeconds, titleSeconds: title.seconds, titleCpuSeconds: title.cpuSeconds });
      log(`publish ${n} telegrams (state cloned from the ${last.n} build): nothing changed ${nothing.seconds.toFixed(2)} s (rendered ${nothing.report.rendered})`);
      log(`publish ${n} telegrams: incremental after a text edit ${text.seconds.toFixed(2)} s wall, ${text.cpuSeconds.toFixed(2)} s CPU (rendered ${text.report.rendered}, search shards ${text.report.searchShardsRebuilt}; ${phases(text)}) — target < 2 s`);
      log(`publish ${n} telegrams: incremental after a title edit ${title.seconds.toFixed(2)} s wall, ${title.cpuSeconds.toFixed(2)} s CPU (edition pages ${title.report.editionPages ? 'rebuilt' : 'kept'}; ${phases(title)})`);
    }
  } finally {
    for (const w of works) rmSync(w, { recursive: true, force: true });
  }
  return { full: results, incremental };
}

/** Cold and best warm CPU ms per transform of each SEF on one TEI file (see the header). */
export function benchTransforms(teiFile: string, sefs: readonly string[], rounds = 8, perRound = 10): { sef: string; coldMs: number; bestCpuMs: number }[] {
  const teiDir = join(teiFile, '..');
  const read = (n: string): string | undefined => (existsSync(join(teiDir, n)) ? readFileSync(join(teiDir, n), 'utf8') : undefined);
  const authority = { persons: read('persons.xml'), places: read('places.xml'), archives: read('archives.xml') };
  const text = readFileSync(teiFile, 'utf8');
  const sheets = sefs.map((sef) => {
    // as the publish workers run it: page and record from one transform, the record taken in memory
    const renderer = new TelegramRenderer({ telegramSef: sef, authority, hasGuidelines: true });
    const started = performance.now();
    renderer.render(text);
    return { sef, renderer, coldMs: performance.now() - started, bestCpuMs: Infinity };
  });
  for (let round = 0; round < rounds; round++) {
    for (const sheet of sheets) {
      const cpu = process.cpuUsage();
      for (let i = 0; i < perRound; i++) sheet.renderer.render(text);
      const used = process.cpuUsage(cpu);
      sheet.bestCpuMs = Math.min(sheet.bestCpuMs, (used.user + used.system) / 1000 / perRound);
    }
  }
  return sheets.map(({ sef, coldMs, bestCpuMs }) => ({ sef, coldMs, bestCpuMs }));
}

async function child(teiDir: string, outDir: string): Promise<void> {
  const { publishEdition } = await import('../src/publish/publish.js');
  const report = await publishEdition({ teiDir, outDir });
  const cpu = process.cpuUsage();
  process.stdout.write(JSON.stringify({ maxRssKB: process.resourceUsage().maxRSS, cpuSeconds: (cpu.user + cpu.system) / 1e6, report: { rendered: report.rendered, editionPages: report.editionPages, searchShardsRebuilt: report.searchShardsRebuilt, timings: report.timings } }) + '\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!);
  else if (process.argv[2] === '--transform') {
    const [file, ...rest] = process.argv.slice(3);
    const rounds = rest[0] !== undefined && /^\d+$/.test(rest[0]) ? Number(rest.shift()) : 8;
    const root = projectRoot();
    const sefs = rest.length > 0 ? rest : ['telegram'].map((n) => join(root, SEF_CACHE, 'xslt', 'html', `${n}.sef.json`));
    for (const r of benchTransforms(file ?? join(root, 'tei', 'wcda-113022.xml'), sefs, rounds)) {
      console.log(`${r.sef}: first transform ${r.coldMs.toFixed(0)} ms wall; best round ${r.bestCpuMs.toFixed(1)} ms CPU per transform`);
    }
  } else {
    const list = (arg: string | undefined, fallback: number[]): number[] => (arg ? arg.split(',').filter(Boolean).map(Number) : fallback);
    await benchPublish(list(process.argv[2], [1000]), list(process.argv[3], [10000]));
  }
}
