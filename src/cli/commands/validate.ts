/** `shifr validate`: well-formedness, RELAX NG and Schematron over the edition's files, reported like a compiler. */
import { formatDiagnostics, hasErrors } from '../../diagnostics.js';
import { collectFiles, editionSchemas, resolveSchemas, SchemaUnusableError, validateFiles } from '../../validate/index.js';
import { Progress } from '../progress.js';
import { EXIT, outputFormat, parseCommandArgs, reportDiagnostics, UsageError, type Command } from '../command.js';
import type { BuildStep } from './build.js';

/** The build's check of tei/ against the edition's schema: the build stops on errors (warnings pass). */
export const validateStep: BuildStep = {
  name: 'validate',
  async run(ctx) {
    const { files, diagnostics: unreadable } = collectFiles([ctx.tei]);
    const progress = new Progress('validate', files.length, ctx.io.stderr, ctx.quiet);
    try {
      const diagnostics = [...unreadable, ...(await validateFiles(files, editionSchemas(), { onProgress: () => progress.tick() }))];
      progress.finish();
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
      const exit = unreadable.length > 0 ? EXIT.usage : errors > 0 ? EXIT.invalid : EXIT.ok;
      return { diagnostics, exit, summary: `${files.length} file(s) of ${ctx.tei} checked against odd/shifr.rng + odd/shifr.sch: ${errors} error(s), ${warnings} warning(s)` };
    } catch (e) {
      progress.finish();
      if (!(e instanceof SchemaUnusableError)) throw e;
      return { diagnostics: e.diagnostics, exit: EXIT.usage, summary: 'the edition schema cannot be used' };
    }
  },
};

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check TEI files: well-formedness, RELAX NG and the edition\'s Schematron rules',
  help: `Usage: shifr validate [file|dir ...] [--schema <file.rng|file.odd>] [--authorities <dir>]
                      [--jobs <n>] [--format text|json] [--quiet]

Checks each file (folders are searched for *.xml) for well-formedness, against a RELAX NG grammar,
and against the Schematron rules of the edition. By default the files of tei/ are checked against
the edition's schema, odd/shifr.rng + odd/shifr.sch; references to persons.xml, places.xml and
archives.xml are resolved in each file's folder.

Options:
  --schema <file>       a RELAX NG grammar (.rng, XML syntax; e.g. tei_all.rng) to check any TEI file
                        against, without Schematron; or an ODD (.odd), compiled first, with its rules
  --authorities <dir>   folder of persons.xml, places.xml, archives.xml (default: each file's folder)
  --jobs <n>            threads that validate: this one and n-1 workers (default: one per 1,000
                        files, at most one per core and 4; so one thread below 2,000 files)
  --format text|json    text: one line per problem, file:line:col severity code message (stderr);
                        json: an array of {file, line, column, severity, code, message, expected}
  --quiet               no progress bar and no summary line

Files larger than 16 MB are refused unread; DOCTYPEs declaring entities are refused; nothing is
fetched from the network.

Exit codes: 0 valid (warnings allowed), 1 errors found, 2 usage error, unreadable file or schema.

Examples:
  shifr validate
  shifr validate tei/wcda-113732.xml --format json
  shifr validate my-project/tei --schema tei_all.rng`,

  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      schema: { type: 'string' },
      authorities: { type: 'string' },
      jobs: { type: 'string' },
    });
    const format = outputFormat(values.format as string | undefined);
    const quiet = values.quiet === true;
    let jobs: number | undefined;
    if (values.jobs !== undefined) {
      jobs = Number(values.jobs);
      if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`value "${String(values.jobs)}" of --jobs is not a positive whole number`);
    }
    const targets = positionals.length > 0 ? positionals : ['tei'];
    const { files, diagnostics: unreadable } = collectFiles(targets);

    let diagnostics;
    try {
      const schemas = resolveSchemas(values.schema as string | undefined);
      const progress = new Progress('validate', files.length, io.stderr, quiet);
      diagnostics = await validateFiles(files, schemas, {
        jobs,
        authorities: values.authorities as string | undefined,
        onProgress: () => progress.tick(),
      });
      progress.finish();
    } catch (e) {
      if (!(e instanceof SchemaUnusableError)) throw e;
      if (format === 'json') io.stdout.write(formatDiagnostics(e.diagnostics, 'json') + '\n');
      else reportDiagnostics(io, e.diagnostics);
      return EXIT.usage;
    }
    const all = [...unreadable, ...diagnostics];
    if (format === 'json') io.stdout.write(formatDiagnostics(all, 'json') + '\n');
    else reportDiagnostics(io, all);
    if (!quiet && format === 'text') {
      const errors = all.filter((d) => d.severity === 'error').length;
      const warnings = all.filter((d) => d.severity === 'warning').length;
      io.stderr.write(`${files.length} file${files.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
    }
    if (all.some((d) => d.code === 'SHF-IO-001')) return EXIT.usage;
    return hasErrors(all) ? EXIT.invalid : EXIT.ok;
  },
};
