/**
 * Validation benchmark, whole process (`node bin/shifr.js validate …` in a child, start-up included):
 *   - the edition's schema (odd/shifr.rng + odd/shifr.sch, Schematron with the authority files) on
 *     1,000 synthetic telegrams — copies of the edition's telegrams in tei/ with ids of their own —
 *     as shifr runs it by default (one thread for this many files), and with two threads (--jobs 2: this one and a worker);
 *     target ≥ 500 documents/s;
 *   - 200 of them against TEI P5's tei_all.rng, compared with jing's wall time on the same files.
 *     tei_all.rng is taken from /work/tei-schema/tei_all.rng or $SHIFR_TEI_ALL; without it that part
 *     is skipped with how to get one.
 *
 *   npm run compile && node lib/bench/validate.js [count=1000]
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { projectRoot } from '../src/xslt/build.js';
import { medianBy, runTimed as run } from './timed.js';

const AUTHORITY = ['persons.xml', 'places.xml', 'archives.xml'];
/**
 * Runs of the default validation: on a shared machine one run can be 25 % off, so the figure is
 * the median of three, and every run is printed.
 */
const DEFAULT_RUNS = 3;

export interface ValidateBenchResult {
  documents: number;
  /**
   * Wall time of `shifr validate` on the edition's schema: as run by default (the median of
   * `DEFAULT_RUNS` runs; each run's in `editionRuns`) / with two threads, --jobs 2 (s).
   */
  editionSeconds: number;
  /** Wall time of `shifr validate` on one file: start-up, loading of the schemas, one document (s). */
  startUpSeconds: number;
  editionRuns: { seconds: number; cpuSeconds?: number }[];
  editionSecondsTwoThreads: number;
  docsPerSecond: number;
  docsPerSecondTwoThreads: number;
  /** CPU seconds (user + system, all threads) of the same runs, where the system tells them. */
  editionCpuSeconds?: number;
  editionCpuSecondsTwoThreads?: number;
  /** Errors found in the synthetic edition (0 expected: copies of valid files). */
  errors: number;
  teiAll?: { documents: number; shifrSeconds: number; jingSeconds?: number; ratio?: number; agree?: boolean };
}

/** Copies of the edition's telegrams, each with ids of its own, plus the authority files. */
export function makeTelegrams(teiDir: string, dir: string, count: number): void {
  const templates = readdirSync(teiDir).filter((n) => n.endsWith('.xml') && !AUTHORITY.includes(n)).sort();
  if (templates.length === 0) throw new Error(`no telegrams in ${teiDir} to copy`);
  mkdirSync(dir, { recursive: true });
  for (const a of AUTHORITY) if (existsSync(join(teiDir, a))) copyFileSync(join(teiDir, a), join(dir, a));
  // The originals too: the authority files' attestations point at them.
  for (const t of templates) copyFileSync(join(teiDir, t), join(dir, t));
  const texts = templates.map((t) => ({ id: t.slice(0, -4), text: readFileSync(join(teiDir, t), 'utf8') }));
  for (let i = templates.length; i < count; i++) {
    const { id, text } = texts[i % texts.length]!;
    const copy = `${id}x${i}`;
    writeFileSync(join(dir, `${copy}.xml`), text.split(id).join(copy));
  }
}

function teiAllPath(): string | undefined {
  for (const p of [process.env.SHIFR_TEI_ALL, '/work/tei-schema/tei_all.rng']) if (p && existsSync(p)) return p;
  return undefined;
}

/** Runs the benchmark and logs one line per measure; returns the figures. */
export function benchValidate(count = 1000, log: (line: string) => void = console.log): ValidateBenchResult {
  const root = projectRoot();
  const shifr = join(root, 'bin', 'shifr.js');
  const work = mkdtempSync(join(tmpdir(), 'shifr-bench-validate-'));
  try {
    const edition = join(work, 'tei');
    makeTelegrams(join(root, 'tei'), edition, count);
    // One warm-up run so that compiled stylesheets and the schema caches exist, as after a build.
    const oneFile = join(edition, readdirSync(edition).find((n) => !AUTHORITY.includes(n))!);
    run(process.execPath, [shifr, 'validate', oneFile, '--quiet']);
    // What every run pays before its documents: a process validating one file, caches written.
    const startUp = run(process.execPath, [shifr, 'validate', oneFile, '--quiet']);
    const runs = Array.from({ length: DEFAULT_RUNS }, () => run(process.execPath, [shifr, 'validate', edition, '--format', 'json', '--quiet']));
    const auto = medianBy(runs, (r) => r.seconds);
    for (const r of runs) if (r.stdout !== auto.stdout) throw new Error('two runs of the default validation disagree');
    const two = run(process.execPath, [shifr, 'validate', edition, '--format', 'json', '--quiet', '--jobs', '2']);
    const found = (r: { stdout: string }) => JSON.parse(r.stdout || '[]') as { severity: string }[];
    const errors = found(auto).filter((d) => d.severity === 'error').length;
    const documents = readdirSync(edition).length;
    // Both runs must have checked every file alike: the same findings, or the figures mean nothing.
    if (JSON.stringify(found(auto)) !== JSON.stringify(found(two))) throw new Error('the default run and the two-thread run disagree');
    const result: ValidateBenchResult = {
      documents,
      startUpSeconds: startUp.seconds,
      editionSeconds: auto.seconds,
      editionRuns: runs.map((r) => ({ seconds: r.seconds, cpuSeconds: r.cpuSeconds })),
      editionSecondsTwoThreads: two.seconds,
      docsPerSecond: documents / auto.seconds,
      docsPerSecondTwoThreads: documents / two.seconds,
      editionCpuSeconds: auto.cpuSeconds,
      editionCpuSecondsTwoThreads: two.cpuSeconds,
      errors,
    };
    const cpu = (s: number | undefined) => (s === undefined ? '' : ` (CPU ${s.toFixed(2)} s = ${((s / documents) * 1000).toFixed(2)} ms/doc)`);
    log(
      `validate ${documents} files (edition schema, RELAX NG + Schematron, whole process): ` +
        `${auto.seconds.toFixed(2)} s = ${result.docsPerSecond.toFixed(0)} docs/s by default${cpu(auto.cpuSeconds)}, ` +
        `the median of ${DEFAULT_RUNS} runs (${runs.map((r) => `${r.seconds.toFixed(2)} s`).join(', ')}); ` +
        `${two.seconds.toFixed(2)} s = ${result.docsPerSecondTwoThreads.toFixed(0)} docs/s with --jobs 2 (this thread and a worker)${cpu(two.cpuSeconds)}; ${errors} error(s), ${found(auto).length} finding(s)`,
    );
    // Where the time goes: a fixed start per process, then the documents (JIT warm-up included).
    log(
      `validate 1 file: ${startUp.seconds.toFixed(2)} s (start-up and schemas)${startUp.cpuSeconds === undefined ? '' : ` (CPU ${startUp.cpuSeconds.toFixed(2)} s)`}; ` +
        `the other ${documents - 1} files of the default run at ~${((documents - 1) / Math.max(0.001, auto.seconds - startUp.seconds)).toFixed(0)} docs/s`,
    );

    const teiAll = teiAllPath();
    if (!teiAll) {
      log('tei_all comparison skipped: no tei_all.rng. Put one at /work/tei-schema/tei_all.rng or set SHIFR_TEI_ALL ' +
        '(e.g. the generated copy of TEI 4.3.0 in the public repository ldasjp8/tei-example, file tei_all.rng).');
      return result;
    }
    const sample = join(work, 'sample');
    mkdirSync(sample);
    const files = readdirSync(edition).filter((n) => !AUTHORITY.includes(n)).sort().slice(0, 200);
    for (const f of files) copyFileSync(join(edition, f), join(sample, f));
    run(process.execPath, [shifr, 'validate', join(sample, files[0]!), '--schema', teiAll, '--quiet']);
    const ours = run(process.execPath, [shifr, 'validate', sample, '--schema', teiAll, '--format', 'json', '--quiet']);
    const jingAvailable = spawnSync('jing', [], { encoding: 'utf8' }).error === undefined;
    const entry: NonNullable<ValidateBenchResult['teiAll']> = { documents: files.length, shifrSeconds: ours.seconds };
    if (jingAvailable) {
      const jing = run('jing', [teiAll, ...files.map((f) => join(sample, f))]);
      entry.jingSeconds = jing.seconds;
      entry.ratio = ours.seconds / jing.seconds;
      entry.agree = (ours.status === 0) === (jing.status === 0);
    }
    result.teiAll = entry;
    log(
      `validate ${files.length} files against tei_all.rng: shifr ${ours.seconds.toFixed(2)} s` +
        (entry.jingSeconds !== undefined
          ? `, jing ${entry.jingSeconds.toFixed(2)} s (×${entry.ratio!.toFixed(2)}), verdicts ${entry.agree ? 'agree' : 'DISAGREE'}`
          : ' (jing not installed: apt-get install jing for the comparison)'),
    );
    return result;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href || fileURLToPath(import.meta.url) === process.argv[1]) {
  benchValidate(Number(process.argv[2] ?? 1000));
}
