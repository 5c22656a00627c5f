/**
 * `shifr build`: the edition from its sources, as a list of steps run in order (what
 * `npm run build` runs). A later stage adds its step with one line in BUILD_STEPS.
 */
import { convertPagesParallel } from '../../convert.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../../diagnostics.js';
import { EXIT, outputFormat, parseCommandArgs, reportDiagnostics, UsageError, type Command, type CommandIO } from '../command.js';
import { Progress } from '../progress.js';
import { exitCodeOf, pagesOf } from './convert.js';
import { publishStep } from './publish.js';
import { validateStep } from './validate.js';
import { guidelinesStep } from './odd.js';

export interface BuildContext {
  /** The scraped pages (default: sources). */
  sources: string;
  /** The TEI edition (default: tei). */
  tei: string;
  /** The published output (default: dist). */
  out: string;
  quiet: boolean;
  io: CommandIO;
}

export interface StepResult {
  diagnostics: Diagnostic[];
  /** The step's exit code (EXIT); the build stops after a step that does not return EXIT.ok. */
  exit: number;
  /** One line for the build log: what the step did. */
  summary: string;
}

export interface BuildStep {
  name: string;
  run(ctx: BuildContext): Promise<StepResult>;
}

/** sources/*.txt → tei/*.xml and the authority files. */
export const convertStep: BuildStep = {
  name: 'convert',
  async run(ctx) {
    const pages = pagesOf([ctx.sources]);
    const progress = new Progress('convert', pages.length, ctx.io.stderr, ctx.quiet);
    const s = await convertPagesParallel(pages, { outDir: ctx.tei, onPage: () => progress.tick() });
    progress.finish();
    const exit = pages.length === 0 ? EXIT.invalid : exitCodeOf(s);
    const summary = `${pages.length} page(s) → ${ctx.tei}: ${s.written.length} written, ${s.unchanged.length} unchanged, ${s.kept.length} kept, ${s.failedPages.length} failed`;
    return { diagnostics: s.diagnostics, exit, summary };
  },
};

/** The steps of the build, in order. */
export const BUILD_STEPS: BuildStep[] = [convertStep, validateStep, guidelinesStep, publishStep];

export const buildCommand: Command = {
  name: 'build',
  summary: 'Build the edition: convert sources/ into tei/ (and the later steps)',
  help: `Usage: shifr build [--sources sources] [--tei tei] [--out dist] [--format text|json] [--quiet]

Runs the build steps in order and stops after the first step that fails:
${BUILD_STEPS.map((s) => `  ${s.name}`).join('\n')}

The convert step turns every .txt page of --sources into TEI in --tei (never overwriting a file
edited by hand; see "shifr convert --help") and writes the authority files.

Options:
  --sources <dir>  the scraped pages (default: sources)
  --tei <dir>      the TEI edition (default: tei)
  --out <dir>      the published output (default: dist)
  --format json    print each step's outcome and diagnostics as JSON
  --quiet          print errors only

Exit codes: 0 built, 1 a step found errors, 2 usage error or unreadable input.`,

  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { sources: { type: 'string' }, tei: { type: 'string' }, out: { type: 'string' } });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"; shifr build takes options only`);
    const format = outputFormat(values.format as string | undefined);
    const quiet = values.quiet === true || format === 'json';
    const ctx: BuildContext = {
      sources: (values.sources as string | undefined) ?? 'sources',
      tei: (values.tei as string | undefined) ?? 'tei',
      out: (values.out as string | undefined) ?? 'dist',
      quiet,
      io,
    };
    const results: Array<{ step: string } & StepResult> = [];
    let exit: number = EXIT.ok;
    for (const step of BUILD_STEPS) {
      const r = await step.run(ctx);
      results.push({ step: step.name, ...r });
      if (format === 'text') {
        const ds = sortDiagnostics(r.diagnostics);
        reportDiagnostics(io, values.quiet === true ? ds.filter((d) => d.severity === 'error') : ds);
        if (!quiet) io.stderr.write(`${step.name}: ${r.summary}\n`);
      }
      if (r.exit !== EXIT.ok || hasErrors(r.diagnostics)) {
        exit = r.exit !== EXIT.ok ? r.exit : EXIT.invalid;
        break;
      }
    }
    if (format === 'json') io.stdout.write(JSON.stringify({ steps: results.map((r) => ({ ...r, diagnostics: sortDiagnostics(r.diagnostics) })) }, null, 2) + '\n');
    return exit;
  },
};
