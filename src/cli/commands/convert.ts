/** `shifr convert <page...> --out <dir>`: scraped Wilson Center pages → TEI files. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { convertPagesParallel, PARALLEL_THRESHOLD, type ConvertSummary } from '../../convert.js';
import { sortDiagnostics, type Diagnostic } from '../../diagnostics.js';
import { EXIT, outputFormat, parseCommandArgs, reportDiagnostics, UsageError, type Command, type CommandIO } from '../command.js';
import { Progress } from '../progress.js';

/** The pages named: files as given, and the `.txt` files of a directory, in name order. */
export function pagesOf(args: readonly string[]): string[] {
  const out: string[] = [];
  for (const a of args) {
    if (existsSync(a) && statSync(a).isDirectory()) {
      out.push(...readdirSync(a).filter((f) => f.endsWith('.txt')).sort().map((f) => join(a, f)));
    } else out.push(a);
  }
  return out;
}

/** The exit code of a conversion: 2 when a page could not be read, 1 on any error, else 0 (diagnostics collected or not). */
export function exitCodeOf(summary: ConvertSummary): number {
  if (summary.unreadable) return EXIT.usage;
  return summary.errors > 0 ? EXIT.invalid : EXIT.ok;
}

/**
 * Prints diagnostics compiler-style as the conversion goes: convert hands over each page's
 * diagnostics as it writes the page (and those of the authority files last), and they are printed,
 * sorted, once the page is done — so that no more than one page's are ever held, however many
 * pages are converted. `beforePrint` clears the progress bar's line.
 */
class DiagnosticStream {
  private pending: Diagnostic[] = [];

  constructor(
    private readonly io: CommandIO,
    private readonly quiet: boolean,
    private readonly beforePrint: () => void,
  ) {}

  add(d: Diagnostic): void {
    if (!this.quiet || d.severity === 'error') this.pending.push(d);
  }

  flush(): void {
    if (this.pending.length === 0) return;
    this.beforePrint();
    reportDiagnostics(this.io, sortDiagnostics(this.pending));
    this.pending = [];
  }
}

/** Prints the outcome: diagnostics compiler-style on stderr (or everything as JSON on stdout) and a summary line. */
export function report(io: CommandIO, summary: ConvertSummary, pages: number, format: 'text' | 'json', quiet: boolean): void {
  const ds = sortDiagnostics(summary.diagnostics);
  if (format === 'json') {
    const { written, unchanged, kept, failedPages } = summary;
    io.stdout.write(JSON.stringify({ pages, written, unchanged, kept, failed: failedPages, diagnostics: ds }, null, 2) + '\n');
    return;
  }
  reportDiagnostics(io, quiet ? ds.filter((d) => d.severity === 'error') : ds);
  if (!quiet) {
    const parts = [`${summary.written.length} written`, `${summary.unchanged.length} unchanged`];
    if (summary.kept.length > 0) parts.push(`${summary.kept.length} kept (edited by hand)`);
    if (summary.failedPages.length > 0) parts.push(`${summary.failedPages.length} page(s) not converted`);
    io.stderr.write(`converted ${pages - summary.failedPages.length} of ${pages} page(s): ${parts.join(', ')}\n`);
  }
}

export const convertCommand: Command = {
  name: 'convert',
  summary: 'Convert scraped telegram pages into TEI files (and the authority files)',
  help: `Usage: shifr convert <page|dir>... [--out tei] [--force] [--threads n] [--format text|json] [--quiet]

Reads each scraped Wilson Center Digital Archive page (a directory stands for its .txt files),
ingests it into the telegram model and encodes it as TEI P5: <out>/wcda-<record id>.xml (or
shifr-<hash>.xml for a page without a record id). persons.xml, places.xml and archives.xml are
written beside the telegrams. Files are written atomically; one bad page does not stop the others.
From ${PARALLEL_THRESHOLD} pages on, pages are ingested and encoded in two worker threads.

A generated file carries a stamp, <?shifr generated="sha256:…"?>, the hash of its bytes. A file
whose bytes no longer match its stamp (edited by hand) or that has no stamp is never overwritten:
convert reports SHF-IO-003 and goes on, unless --force.

Options:
  --out <dir>     where the TEI files go (default: tei)
  --force         overwrite files even when they were edited by hand
  --threads <n>   worker threads for ingest and encode (default: 2 from ${PARALLEL_THRESHOLD} pages on,
                  else 0 = this thread only)
  --format json   print the outcome and the diagnostics as JSON on stdout
  --quiet         print errors only; no progress bar

Exit codes: 0 all converted, 1 some page had errors (the others are converted), 2 usage error or a
page that cannot be read.

Examples:
  shifr convert sources/*.txt --out tei
  shifr convert sources --out /tmp/tei --format json`,

  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { out: { type: 'string' }, force: { type: 'boolean' }, threads: { type: 'string' } });
    const format = outputFormat(values.format as string | undefined);
    if (positionals.length === 0) throw new UsageError('no page given; expected one or more page files or directories');
    const outDir = (values.out as string | undefined) ?? 'tei';
    const quiet = values.quiet === true;
    let threads: number | undefined;
    if (typeof values.threads === 'string') {
      threads = Number(values.threads);
      if (!/^\d+$/.test(values.threads) || threads > 16) throw new UsageError(`value "${values.threads}" of --threads is not a number of threads from 0 to 16`);
    }
    const pages = pagesOf(positionals);
    const progress = new Progress('convert', pages.length, io.stderr, quiet || format === 'json');
    const force = values.force === true;
    let summary: ConvertSummary;
    if (format === 'json') {
      // One JSON document with every diagnostic: collected (the summary lists every file anyway).
      summary = await convertPagesParallel(pages, { outDir, force, threads, onPage: () => progress.tick() });
    } else {
      const stream = new DiagnosticStream(io, quiet, () => progress.finish());
      const onPage = (): void => {
        stream.flush();
        progress.tick();
      };
      summary = await convertPagesParallel(pages, { outDir, force, threads, onPage, onDiagnostic: (d) => stream.add(d) });
      stream.flush();
    }
    progress.finish();
    report(io, summary, pages.length, format, quiet);
    return exitCodeOf(summary);
  },
};
