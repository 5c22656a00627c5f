/**
 * `npm run bench`: every benchmark of shifr, one line per measurement. Benchmarks measure; they
 * do not assert (the test suite does). Figures vary ±25 % on shared machines: compare ratios
 * measured in one run. `npm run bench -- convert publish` runs only the named parts; the
 * instruction count (`instructions`) runs only when named.
 */
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { availableParallelism, cpus } from 'node:os';
import { benchConvertFresh, benchConvertMedian } from './convert.js';
import { benchIngest } from './ingest.js';
import { benchInstructions } from './instructions.js';
import { benchSchematron } from './schematron.js';
import { benchValidate } from './validate.js';
import { benchPublish } from './publish.js';
import { hostProbe } from './host.js';
import { tuneV8 } from '../src/cli/v8-tuning.js';

// The benchmarks that run shifr in this process (ingest, schematron) measure it as the `shifr`
// command runs; the others start processes of their own, tuned alike.
tuneV8();

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const PARTS: Record<string, () => Promise<unknown> | unknown> = {
  ingest: () => benchIngest(ROOT, 1000),
  convert: () => {
    benchConvertMedian(ROOT, 1000);
    // Memory flat as the corpus grows: the live heap through a run of each size.
    benchConvertFresh(ROOT, 1000, 1, 'memory');
    benchConvertFresh(ROOT, 10000, 1, 'memory');
    benchConvertFresh(ROOT, 10000, 2);
  },
  schematron: () => {
    const r = benchSchematron(300);
    console.log(
      `schematron (one thread, per CPU second, ${r.docs} docs of ${(r.averageBytes / 1024).toFixed(0)} KB): parse ${r.parseDocsPerSecond.toFixed(0)} docs/s, ` +
        `validate ${r.validateDocsPerSecond.toFixed(0)} docs/s, both ${r.parseAndValidateDocsPerSecond.toFixed(0)} docs/s; compile ${r.compileMs.toFixed(0)} ms`,
    );
  },
  validate: () => benchValidate(1000),
  publish: () => benchPublish([1000, 10000], []),
  instructions: () => benchInstructions(),
};
/** Parts run only when named: they take minutes and need a tool the machine may lack. */
const OPT_IN = new Set(['instructions']);

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !(w in PARTS));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.map((u) => `"${u}"`).join(', ')}; expected ${Object.keys(PARTS).map((p) => `"${p}"`).join(', ')}`);
  process.exit(2);
}
console.log(`shifr benchmarks on ${availableParallelism()} core(s) (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}`);
// The machine's speed before and after each part (see host.ts): figures taken while the probe is
// slow are the machine's as much as shifr's.
const probe = (): string => `host probe ${hostProbe().toFixed(0)} ms`;
for (const [name, run] of Object.entries(PARTS)) {
  if (wanted.length > 0 ? !wanted.includes(name) : OPT_IN.has(name)) continue;
  console.log(`\n## ${name}\n${probe()}`);
  await run();
  console.log(probe());
}
