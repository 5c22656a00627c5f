/** `shifr publish`: the TEI edition → a static HTML site (pages, indexes, search). */
import { existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { diagnostic, formatDiagnostics, hasErrors, type Diagnostic } from '../../diagnostics.js';
import { publishEdition, type PublishReport } from '../../publish/publish.js';
import { XsltCompileError } from '../../xslt/build.js';
import { EXIT, outputFormat, parseCommandArgs, reportDiagnostics, UsageError, type Command, type CommandIO } from '../command.js';
import { Progress } from '../progress.js';

/** A path as the user would type it: relative below the working directory, absolute elsewhere. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}

/** One line a person can act on: where the site is and how to open it. */
export function whereToOpen(report: PublishReport): string {
  return `open ${shown(join(report.outDir, 'index.html'))} in a browser; search needs the folder served over http (any static server, e.g. "python3 -m http.server -d ${shown(report.outDir)}")`;
}

function summary(report: PublishReport): string {
  const t = report.timings;
  const total = Object.values(t).reduce((a, b) => a + b, 0);
  return [
    `published ${report.telegrams} telegram${report.telegrams === 1 ? '' : 's'} to ${shown(report.outDir)}: ` +
      `${report.rendered} rendered${report.workers > 0 ? ` on ${report.workers} worker threads` : ''}, ${report.removed} removed, ` +
      `edition pages ${report.editionPages ? 'rebuilt' : 'unchanged'}, search shards rebuilt ${report.searchShardsRebuilt}/${report.shards} ` +
      `(${(total / 1000).toFixed(2)} s)`,
    report.guidelines ? 'encoding guidelines: linked (guidelines/index.html)' : 'encoding guidelines: absent, not linked',
  ].join('\n');
}

export async function runPublish(teiDir: string, outDir: string, io: CommandIO, options: { quiet: boolean; format: 'text' | 'json'; force?: boolean }): Promise<number> {
  if (!existsSync(teiDir) || !statSync(teiDir).isDirectory()) {
    reportDiagnostics(io, [diagnostic('SHF-IO-001', `TEI folder ${teiDir} cannot be read; expected a folder of TEI files`, { file: teiDir })]);
    return EXIT.usage;
  }
  let progress: Progress | undefined;
  try {
    const report = await publishEdition({
      teiDir,
      outDir,
      force: options.force,
      onProgress: (done, total) => {
        progress ??= new Progress('publish', total, io.stderr, options.quiet);
        progress.tick();
        if (done === total) progress.finish();
      },
    });
    if (options.format === 'json') {
      io.stdout.write(JSON.stringify({ ...report, open: join(report.outDir, 'index.html') }, null, 2) + '\n');
    } else {
      reportDiagnostics(io, report.diagnostics.filter((d) => !options.quiet || d.severity === 'error'));
      if (!options.quiet) io.stderr.write(summary(report) + '\n' + whereToOpen(report) + '\n');
    }
    return hasErrors(report.diagnostics) ? EXIT.invalid : EXIT.ok;
  } catch (e) {
    if (e instanceof XsltCompileError) {
      if (options.format === 'json') io.stdout.write(formatDiagnostics(e.diagnostics, 'json') + '\n');
      else reportDiagnostics(io, e.diagnostics);
      return EXIT.usage;
    }
    throw e;
  }
}

/** The build's last step: tei/ → <out>/site, telling where to open it. */
export const publishStep = {
  name: 'publish',
  async run(ctx: { tei: string; out: string; quiet: boolean }): Promise<{ diagnostics: Diagnostic[]; exit: number; summary: string }> {
    const report = await publishEdition({ teiDir: ctx.tei, outDir: join(ctx.out, 'site') });
    const errors = hasErrors(report.diagnostics);
    return { diagnostics: report.diagnostics, exit: errors ? EXIT.invalid : EXIT.ok, summary: `${summary(report)}\n${whereToOpen(report)}` };
  },
};

export const publishCommand: Command = {
  name: 'publish',
  summary: 'Publish the TEI edition as a static HTML site (pages, indexes, bilingual search)',
  help: `Usage: shifr publish <teiDir> --out <dir> [--force] [--format text|json] [--quiet]

Turns a folder of TEI telegrams (with persons.xml, places.xml, archives.xml beside them) into a
static site: a page per telegram with the original and the translation side by side, an index
sortable and filterable by correspondent and year, persons and places indexes, a correspondence
overview, and a search over both languages (pagefind, with Russian and English stemming).
Only the TEI files feed it, so hand edits in the TEI folder show up.

The build is incremental: <dir>/.shifr-publish/ records what each page was made from, and the
next run redoes only the telegrams that changed and the pages that depend on them.

Options:
  --out <dir>    where to write the site (required)
  --force        rebuild everything
  --format json  print the report as JSON
  --quiet        print nothing but errors

Exit codes: 0 published, 1 some telegrams could not be published (reported), 2 unreadable folder
or a stylesheet that does not compile.

Examples:
  shifr publish tei --out dist/site
  shifr publish tei --out dist/site --format json`,

  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { out: { type: 'string', short: 'o' }, force: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing <teiDir>' : `unexpected argument "${positionals[1]}"`);
    if (typeof values.out !== 'string' || values.out === '') throw new UsageError('missing --out <dir>');
    return runPublish(positionals[0]!, values.out, io, {
      quiet: values.quiet === true,
      format: outputFormat(values.format as string | undefined),
      force: values.force === true,
    });
  },
};
