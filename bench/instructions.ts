/**
 * Work per telegram counted in instructions rather than seconds. On a shared host the same build's
 * wall time varies by 25 % and more, which hides any change of a few per cent; callgrind (valgrind)
 * counts the instructions of `node --single-threaded --predictable` — no background compiler, a
 * fixed garbage collector — and repeats to a few thousandths of a per cent. The figure is the
 * difference between a run of `hi` and a run of `lo` rounds over the edition's telegrams, divided
 * by the documents validated in between, so start-up and JIT warm-up cancel out; caches (compiled
 * schemas) are written by a first run outside valgrind. Instructions are not time (cache misses do
 * not count), but a change that removes work shows here when the clock cannot see it.
 *
 * Converting is counted whole — start-up and warm-up included, as they are a third of converting
 * 1,000 pages — over a synthetic corpus written before the count.
 *
 * Opt-in, as it takes minutes: `npm run bench -- instructions`, or
 *   npm run compile && node lib/bench/instructions.js [lo=20] [hi=60] [pages=1000]
 * Needs valgrind (`apt-get install valgrind`); without it, says so and measures nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { nodeChildEnv } from '../src/childenv.js';
import { AUTHORITY_FILES, editionSchemas, FileValidator } from '../src/validate/index.js';
import { tuneV8 } from '../src/cli/v8-tuning.js';
import { projectRoot } from '../src/xslt/build.js';
import { corpusPages, readSeeds } from './corpus.js';

/** The edition's telegrams (not its authority files), which every round validates. */
function telegrams(): string[] {
  const tei = join(projectRoot(), 'tei');
  const authority = new Set<string>(Object.values(AUTHORITY_FILES));
  return readdirSync(tei)
    .filter((n) => n.endsWith('.xml') && !authority.has(n))
    .sort()
    .map((n) => join(tei, n));
}

/** The measured program: `rounds` rounds of validating every telegram, in one thread. */
function validateRounds(rounds: number): void {
  const validator = new FileValidator(editionSchemas());
  const files = telegrams();
  for (let r = 0; r < rounds; r++) for (const f of files) validator.validate(f);
}

/**
 * Instructions of a node process under callgrind (a script and its arguments), or a reason they
 * could not be counted. Exit code 1 is a finished run too (`shifr convert` found errors in a page).
 */
function countInstructions(...scriptAndArgs: string[]): number | string {
  const run = spawnSync(
    'valgrind',
    ['--tool=callgrind', '--callgrind-out-file=/dev/null', '--smc-check=all-non-file', process.execPath, '--single-threaded', '--predictable', ...scriptAndArgs],
    { encoding: 'utf8', env: nodeChildEnv(), maxBuffer: 64 << 20 },
  );
  if (run.error) return (run.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'valgrind is not installed (apt-get install valgrind)' : run.error.message;
  const refs = /I\s+refs:\s+([\d,]+)/.exec(run.stderr)?.[1];
  if ((run.status !== 0 && run.status !== 1) || !refs) return `valgrind failed (exit ${run.status}): ${run.stderr.trim().split('\n').slice(-3).join(' ')}`;
  return Number(refs.replace(/,/g, ''));
}

export interface InstructionsResult {
  documents: number;
  /** Instructions per telegram validated (RELAX NG, Schematron, reading and decoding). */
  perDocument: number;
  /** Instructions of a whole process converting `pages` synthetic pages. */
  convert: { pages: number; instructions: number } | undefined;
}

/** Runs the counts and logs a line for each; undefined when valgrind is missing or fails. */
export function benchInstructions(lo = 20, hi = 60, pages = 1000, log: (line: string) => void = console.log): InstructionsResult | undefined {
  validateRounds(1); // compiled schemas and stylesheets on disk before anything is counted
  const self = fileURLToPath(import.meta.url);
  const low = countInstructions(self, '--rounds', String(lo));
  const high = typeof low === 'number' ? countInstructions(self, '--rounds', String(hi)) : low;
  if (typeof low !== 'number' || typeof high !== 'number') {
    log(`instructions: skipped — ${typeof low === 'string' ? low : high}`);
    return undefined;
  }
  const perRound = telegrams().length;
  const documents = (hi - lo) * perRound;
  const perDocument = (high - low) / documents;
  log(
    `validate, instructions per telegram (callgrind, node --single-threaded --predictable, V8 tuned as the CLI, ${hi} − ${lo} rounds of ` +
      `${perRound} telegrams): ${(perDocument / 1e6).toFixed(3)} M`,
  );
  return { documents, perDocument, convert: countConvert(pages, log) };
}

/** Instructions of a whole `shifr convert` process converting `pages` synthetic pages; logs one line. */
function countConvert(pages: number, log: (line: string) => void): InstructionsResult['convert'] {
  if (pages <= 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'shifr-bench-instructions-'));
  try {
    let i = 0;
    for (const p of corpusPages(readSeeds(projectRoot()), pages, 20261122)) writeFileSync(join(dir, `${String(i++).padStart(5, '0')}.txt`), p.text);
    const instructions = countInstructions(join(projectRoot(), 'bin', 'shifr.js'), 'convert', dir, '--out', join(dir, 'tei'), '--quiet');
    if (typeof instructions !== 'number') {
      log(`convert instructions: skipped — ${instructions}`);
      return undefined;
    }
    log(
      `convert, instructions of a whole \`shifr convert\` of ${pages} pages (callgrind, as above; start-up and warm-up included): ` +
        `${(instructions / 1e9).toFixed(3)} G = ${(instructions / pages / 1e6).toFixed(2)} M per page`,
    );
    return { pages, instructions };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [mode, value] = process.argv.slice(2);
  if (mode === '--rounds') {
    // Counted as the shifr command runs (see src/cli/v8-tuning.ts).
    tuneV8();
    validateRounds(Number(value));
  } else benchInstructions(Number(process.argv[2] ?? 20), Number(process.argv[3] ?? 60), Number(process.argv[4] ?? 1000));
}
