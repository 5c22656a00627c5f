/** `shifr odd`: compiles the edition's ODD into the RELAX NG and Schematron schemas editors and `shifr validate` use. */
import { join } from 'node:path';
import { formatDiagnostics, diagnostic } from '../../diagnostics.js';
import { DEFAULT_ODD, OddError, staleOddSchemas, writeOddSchemas } from '../../odd/index.js';
import { writeGuidelines } from '../../odd/guidelines.js';
import { EXIT, outputFormat, parseCommandArgs, reportDiagnostics, UsageError, type Command } from '../command.js';
import type { BuildStep } from './build.js';

/** Where the guidelines go in a build's output folder: the site's `guidelines/index.html`. */
export function guidelinesPath(out: string): string {
  return join(out, 'site', 'guidelines', 'index.html');
}

/** The build's step that writes the encoding guidelines into the site, before publish links them. */
export const guidelinesStep: BuildStep = {
  name: 'guidelines',
  async run(ctx) {
    const path = guidelinesPath(ctx.out);
    try {
      writeGuidelines(DEFAULT_ODD, ctx.tei, path);
    } catch (e) {
      if (!(e instanceof OddError)) throw e;
      return { diagnostics: e.diagnostics, exit: EXIT.usage, summary: `${DEFAULT_ODD} cannot be compiled` };
    }
    return { diagnostics: [], exit: EXIT.ok, summary: `encoding guidelines written to ${path}` };
  },
};

export const oddCommand: Command = {
  name: 'odd',
  summary: 'Compile the ODD into odd/shifr.rng and odd/shifr.sch (and the encoding guidelines)',
  help: `Usage: shifr odd [--odd odd/shifr.odd] [--check] [--html <dir>] [--tei <dir>] [--format text|json] [--quiet]

Compiles the edition's TEI customization (an ODD) with the XSLT compilers of xslt/odd/ into a
RELAX NG grammar and an ISO Schematron schema, written beside the ODD (odd/shifr.rng,
odd/shifr.sch) atomically; unchanged files are left alone. The generated files are committed, so
editors (Oxygen, VS Code) validate the edition without building.

Options:
  --odd <file>   the ODD to compile (default: odd/shifr.odd)
  --check        write nothing; exit 1 if the generated schemas differ from what the ODD gives
  --html <dir>   also write the encoding guidelines to <dir>/site/guidelines/index.html (where
                 "shifr publish" links them), with examples taken from the edition's files
  --tei <dir>    where the edition's files are, for the guidelines' examples (default: tei)
  --format json  print the written (or stale) files as JSON
  --quiet        print nothing but errors

Exit codes: 0 done (or up to date with --check), 1 stale with --check, 2 unreadable or invalid ODD.

Examples:
  shifr odd
  shifr odd --check
  shifr odd --html dist`,

  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      odd: { type: 'string' },
      check: { type: 'boolean' },
      html: { type: 'string' },
      tei: { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"; shifr odd takes options only`);
    const format = outputFormat(values.format as string | undefined);
    const oddPath = (values.odd as string | undefined) ?? DEFAULT_ODD;
    const quiet = values.quiet === true;
    try {
      if (values.check === true) {
        const stale = staleOddSchemas(oddPath);
        const ds = stale.map((file) => diagnostic('SHF-ODD-002', `${file} is stale: it differs from what ${oddPath} compiles to; run "shifr odd"`, { file }));
        if (format === 'json') io.stdout.write(JSON.stringify({ stale }, null, 2) + '\n');
        else reportDiagnostics(io, ds);
        return stale.length > 0 ? EXIT.invalid : EXIT.ok;
      }
      const written = writeOddSchemas(oddPath);
      let guidelines: string | undefined;
      if (typeof values.html === 'string') {
        guidelines = guidelinesPath(values.html);
        writeGuidelines(oddPath, (values.tei as string | undefined) ?? 'tei', guidelines);
      }
      if (format === 'json') io.stdout.write(JSON.stringify({ written, guidelines }, null, 2) + '\n');
      else if (!quiet) {
        io.stderr.write(written.length > 0 ? `wrote ${written.join(', ')}\n` : `${oddPath}: schemas up to date\n`);
        if (guidelines) io.stderr.write(`wrote ${guidelines}\n`);
      }
      return EXIT.ok;
    } catch (e) {
      if (e instanceof OddError) {
        if (format === 'json') io.stdout.write(formatDiagnostics(e.diagnostics, 'json') + '\n');
        else reportDiagnostics(io, e.diagnostics);
        return EXIT.usage;
      }
      throw e;
    }
  },
};
