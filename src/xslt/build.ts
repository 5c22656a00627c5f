/**
 * Compiling XSLT to SEF and loading it, with staleness detection.
 *
 * SEF files are not reproducible (each compile stamps a build time and a checksum), so freshness is
 * decided by a hash of the XSLT *sources*: the entry stylesheet and every file it reaches through
 * `xsl:include`/`xsl:import`, plus the SaxonJS and xslt3 versions. The hash is stored beside the SEF
 * together with a hash of the SEF text itself; a SEF whose sources changed, or whose text no longer
 * matches the hash written when it was built (edited by hand, truncated), is stale: it is rebuilt,
 * never used.
 *
 * Layout: `xslt/a/b.xsl` compiles to `.cache/sef/xslt/a/b.sef.json` with `.cache/sef/xslt/a/b.sef.hash`
 * beside it. Entry stylesheets are every `xslt/**\/*.xsl` whose name does not start with `_`
 * (files starting with `_` are modules included by entries; see `xslt/README.md`).
 *
 * Compilation runs the `xslt3` command (`-nogo -relocate:on`) as a child process: the xslt3 package
 * has no module API (requiring it runs its command line). Stale stylesheets are compiled in parallel,
 * as many at a time as there are cores (at most 4).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { nodeChildEnv } from '../childenv.js';
import { namespaceParser } from '../xml/saxes.js';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { writeFileAtomic } from '../fsutil.js';
import { sha256, sha256Hasher } from '../hash.js';
import { XSL_NS } from '../xml/namespaces.js';
import type { SefStylesheet } from './saxon.js';

const require = createRequire(import.meta.url);
/**
 * node:child_process, loaded when a stylesheet is compiled: every `shifr validate` loads this
 * module (for the Schematron engine on SaxonJS, which it may need), and loading child_process
 * costs ~30 M instructions that a run on fresh stylesheets never uses.
 */
const childProcess = () => require('node:child_process') as typeof import('node:child_process');

/** The project root: the nearest folder above this module holding shifr's package.json. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'shifr') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('shifr project root not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

/** Where compiled stylesheets live, relative to the project root. */
export const SEF_CACHE = join('.cache', 'sef');

/** Thrown when a stylesheet does not compile; carries compiler-style diagnostics (`SHF-XSLT-001`). */
export class XsltCompileError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join('\n'));
    this.name = 'XsltCompileError';
  }
}

/** The entry stylesheets of the project: `xslt/**\/*.xsl` not starting with `_`, sorted. */
export function findEntryStylesheets(root: string = projectRoot()): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (name === 'node_modules' || name.startsWith('.')) continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.xsl') && !name.startsWith('_')) found.push(path);
    }
  };
  const xslt = join(root, 'xslt');
  if (existsSync(xslt)) walk(xslt);
  return found;
}

/**
 * The files named by the top-level `xsl:include` and `xsl:import` elements of a stylesheet, as
 * absolute paths, resolved against `xml:base` where the stylesheet (or the element) sets one —
 * generated Schematron validators live in `.cache/` but set `xml:base` to their schema — and
 * otherwise against the stylesheet's own folder. Non-file URIs are left out.
 */
export function includedFiles(path: string): string[] {
  const files: string[] = [];
  const parser = namespaceParser();
  const bases: string[] = [pathToFileURL(path).href];
  parser.on('opentag', (tag) => {
    const xmlBase = tag.attributes['xml:base'];
    const base = xmlBase && typeof xmlBase === 'object' ? new URL(xmlBase.value, bases[bases.length - 1]).href : bases[bases.length - 1]!;
    bases.push(base);
    if (bases.length === 3 && tag.uri === XSL_NS && (tag.local === 'include' || tag.local === 'import')) {
      const href = tag.attributes['href'];
      if (href && typeof href === 'object') {
        const url = new URL(href.value, base);
        if (url.protocol === 'file:') files.push(fileURLToPath(url));
      }
    }
  });
  parser.on('closetag', () => bases.pop());
  try {
    parser.write(readFileSync(path, 'utf8')).close();
  } catch {
    // A stylesheet that is not well-formed has no readable includes; xslt3 reports the error.
  }
  return files;
}

/**
 * The files a stylesheet is made of: the entry and its transitive `xsl:include`/`xsl:import`
 * closure, as absolute paths (entry first). Missing files are listed too, so that creating them
 * changes the hash.
 */
export function stylesheetClosure(entry: string): string[] {
  return fileClosure(entry, includedFiles);
}

/**
 * The files reachable from `start` through `linksOf` (absolute paths, `start` first). A missing
 * file is listed but not read, so that creating it changes any hash taken over the closure.
 */
export function fileClosure(start: string, linksOf: (path: string) => string[]): string[] {
  const seen = new Set<string>();
  const visit = (path: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    if (!existsSync(path)) return;
    for (const file of linksOf(path)) visit(file);
  };
  visit(resolve(start));
  return [...seen];
}

function toolVersions(): string {
  const version = (pkg: string): string => {
    try {
      return (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version;
    } catch {
      return '?';
    }
  };
  return `saxon-js ${version('saxon-js')} xslt3 ${version('xslt3')}`;
}

/** The hash of a stylesheet's sources (entry + includes/imports + tool versions). */
export function sourceHash(entry: string): string {
  const h = sha256Hasher().update(toolVersions());
  const base = dirname(resolve(entry));
  for (const file of stylesheetClosure(entry)) {
    h.update('\0' + relative(base, file).split(sep).join('/') + '\0');
    h.update(existsSync(file) ? readFileSync(file) : 'missing');
  }
  return h.digest('hex');
}

/** Where the SEF of a project stylesheet is kept: `.cache/sef/<path without .xsl>.sef.json`. */
export function sefPathFor(entry: string, root: string = projectRoot()): string {
  const rel = relative(root, resolve(entry)).replace(/\.xslt?$/, '');
  return join(root, SEF_CACHE, `${rel}.sef.json`);
}

function hashPathFor(sefPath: string): string {
  return sefPath.replace(/\.json$/, '') + '.hash';
}

interface HashRecord {
  sources: string;
  sef: string;
}

function readHashRecord(sefPath: string): HashRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(hashPathFor(sefPath), 'utf8')) as Partial<HashRecord>;
    return typeof record.sources === 'string' && typeof record.sef === 'string' ? (record as HashRecord) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The SEF text if it is fresh for these sources: built from sources with this hash and unchanged
 * since. Undefined when stale or missing.
 */
function freshSefText(sefPath: string, sources: string): string | undefined {
  const record = readHashRecord(sefPath);
  if (!record || record.sources !== sources || !existsSync(sefPath)) return undefined;
  const text = readFileSync(sefPath, 'utf8');
  return sha256(text) === record.sef ? text : undefined;
}

/** True when the stylesheet's SEF exists, was built from its current sources and is unmodified. */
export function isSefFresh(xslPath: string, sefPath: string = sefPathFor(xslPath)): boolean {
  return freshSefText(sefPath, sourceHash(xslPath)) !== undefined;
}

function xslt3Command(xslPath: string, exportPath: string): string[] {
  return [require.resolve('xslt3'), `-xsl:${xslPath}`, `-export:${exportPath}`, '-nogo', '-relocate:on'];
}

function tempExportPath(sefPath: string): string {
  mkdirSync(dirname(sefPath), { recursive: true });
  return `${sefPath}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
}

/**
 * Turns xslt3's error output into diagnostics. xslt3 prints, for example,
 * `Error XTSE0010 on line 6 in dir/a.xsl:` / `  message`, or for XPath errors
 * `Error XPST0003:` / `  Static error in XPath on line 3 {expr}: message` (no file: the entry is
 * blamed), or for XML errors `Failed parsing XML in file:///…: … at line 1 column 31` (0-based line).
 */
export function parseXslt3Errors(stderr: string, entry: string, root: string = process.cwd()): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const display = (path: string): string => relative(root, path) || path;
  const blocks = stderr.split(/^(?=Error )/m).filter((b) => b.startsWith('Error '));
  for (const block of blocks) {
    const [head = '', ...rest] = block.split('\n');
    const body = rest.map((l) => l.trim()).filter((l) => l && l !== 'Failed to compile stylesheet').join(' ');
    const code = /^Error (\S+?):?(?: |$)/.exec(head)?.[1] ?? '';
    let file = entry;
    let line = 0;
    let column = 0;
    const at = /on line (\d+)(?: column (\d+))? in (.+?):?$/.exec(head);
    if (at) {
      line = Number(at[1]);
      column = Number(at[2] ?? 0);
      const named = at[3]!;
      const candidate = stylesheetClosure(entry).find((f) => f.endsWith(sep + named) || f.endsWith(named));
      if (candidate) file = candidate;
    }
    const xpathAt = /Static error in \w+ on line (\d+)/.exec(body);
    if (!at && xpathAt) line = Number(xpathAt[1]);
    const parseAt = /Failed parsing XML in (file:\S+?): .* at line (\d+) column (\d+)/.exec(body);
    if (parseAt) {
      file = fileURLToPath(parseAt[1]!);
      line = Number(parseAt[2]) + 1;
      column = Number(parseAt[3]);
    }
    const message = `${code ? code + ': ' : ''}${body || head}`;
    diagnostics.push(diagnostic('SHF-XSLT-001', message, { file: display(file), line, column }, { severity: 'error' }));
  }
  if (diagnostics.length === 0) {
    const text = stderr.trim() || 'xslt3 failed without a message';
    diagnostics.push(diagnostic('SHF-XSLT-001', text, { file: display(entry) }, { severity: 'error' }));
  }
  return diagnostics;
}

function recordBuild(sefPath: string, exportPath: string, sources: string): string {
  const text = readFileSync(exportPath, 'utf8');
  writeFileAtomic(sefPath, text);
  writeFileAtomic(hashPathFor(sefPath), JSON.stringify({ sources, sef: sha256(text) }) + '\n');
  return text;
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // a leftover temp file is harmless
  }
}

/** Compiles one stylesheet synchronously; returns the SEF text. Throws `XsltCompileError`. */
function buildSefSync(xslPath: string, sefPath: string, sources: string): string {
  const exportPath = tempExportPath(sefPath);
  try {
    const run = childProcess().spawnSync(process.execPath, xslt3Command(xslPath, exportPath), { encoding: 'utf8', env: nodeChildEnv() });
    if (run.status !== 0) throw new XsltCompileError(parseXslt3Errors(`${run.stderr}${run.stdout}`, xslPath));
    return recordBuild(sefPath, exportPath, sources);
  } finally {
    removeQuietly(exportPath);
  }
}

function buildSef(xslPath: string, sefPath: string, sources: string): Promise<Diagnostic[]> {
  const exportPath = tempExportPath(sefPath);
  return new Promise<Diagnostic[]>((done) => {
    const child = childProcess().spawn(process.execPath, xslt3Command(xslPath, exportPath), { stdio: ['ignore', 'pipe', 'pipe'], env: nodeChildEnv() });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (output += b.toString('utf8')));
    child.on('close', (status) => {
      try {
        if (status !== 0) return done(parseXslt3Errors(output, xslPath));
        recordBuild(sefPath, exportPath, sources);
        done([]);
      } finally {
        removeQuietly(exportPath);
      }
    });
  });
}

const loaded = new Map<string, { sources: string; stamp: string; sef: SefStylesheet }>();

/** Size and modification time of a file: a cheap sign that it was changed since it was read. */
function fileStamp(path: string): string {
  try {
    const st = statSync(path);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/**
 * Returns the compiled form of an XSLT file, parsed, compiling it first when its SEF is stale or
 * missing. Cached per process; each call re-hashes the source files and checks that the SEF file
 * was not touched since it was read (a SEF changed on disk is verified again, and rebuilt if altered). Throws `XsltCompileError` when it does not compile.
 */
export function loadSef(xslPath: string, sefPath: string = sefPathFor(xslPath)): SefStylesheet {
  const sources = sourceHash(xslPath);
  const cached = loaded.get(sefPath);
  if (cached && cached.sources === sources && cached.stamp === fileStamp(sefPath)) return cached.sef;
  const text = freshSefText(sefPath, sources) ?? buildSefSync(xslPath, sefPath, sources);
  const sef = JSON.parse(text) as SefStylesheet;
  loaded.set(sefPath, { sources, stamp: fileStamp(sefPath), sef });
  return sef;
}

/**
 * Loads a project stylesheet by its path relative to the project's `xslt/` folder
 * (e.g. `schematron/compile.xsl`) or by absolute path.
 */
export function loadStylesheet(entry: string): SefStylesheet {
  const root = projectRoot();
  const path = resolve(join(root, 'xslt'), entry);
  return loadSef(path, sefPathFor(path, root));
}

/** Runs xslt3 on the jobs, `parallel` at a time (default: the number of cores, at most 4). */
async function runBuilds(jobs: { xsl: string; sef: string; sources: string }[], parallel?: number): Promise<Diagnostic[][]> {
  const results: Diagnostic[][] = [];
  const width = Math.max(1, parallel ?? Math.min(4, availableParallelism()));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const i = next++;
      const job = jobs[i]!;
      results[i] = await buildSef(job.xsl, job.sef, job.sources);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, worker));
  return results;
}

/**
 * Compiles the given XSLT files to the given SEF paths, those that are stale, several at a time;
 * returns the compile errors. For stylesheets outside `xslt/` (generated ones), whose SEFs are
 * then loaded with `loadSef`.
 */
export async function buildSefs(jobs: { xsl: string; sef: string }[], options: { parallel?: number } = {}): Promise<Diagnostic[]> {
  const stale = jobs
    .map((job) => ({ ...job, sources: sourceHash(job.xsl) }))
    .filter((job) => freshSefText(job.sef, job.sources) === undefined);
  return (await runBuilds(stale, options.parallel)).flat();
}

export interface CompileReport {
  /** Entry stylesheets compiled in this run (absolute paths). */
  compiled: string[];
  /** Entry stylesheets whose SEF was already fresh. */
  upToDate: string[];
  /** Compilation errors (`SHF-XSLT-001`), with file, line and column where xslt3 gives them. */
  diagnostics: Diagnostic[];
  /** Wall time of the whole step, in milliseconds. */
  milliseconds: number;
}

/**
 * Compiles every stale entry stylesheet of the project into `.cache/sef/`, several at a time.
 * Fresh ones are left alone. Called at the start of `npm run build`.
 */
export async function compileStylesheets(options: { root?: string; force?: boolean; parallel?: number } = {}): Promise<CompileReport> {
  const started = performance.now();
  const root = options.root ?? projectRoot();
  const report: CompileReport = { compiled: [], upToDate: [], diagnostics: [], milliseconds: 0 };
  const stale: { xsl: string; sef: string; sources: string }[] = [];
  for (const xsl of findEntryStylesheets(root)) {
    const sef = sefPathFor(xsl, root);
    const sources = sourceHash(xsl);
    if (!options.force && freshSefText(sef, sources) !== undefined) report.upToDate.push(xsl);
    else stale.push({ xsl, sef, sources });
  }
  const errors = await runBuilds(stale, options.parallel);
  stale.forEach((job, i) => {
    if (errors[i]!.length === 0) report.compiled.push(job.xsl);
    report.diagnostics.push(...errors[i]!);
  });
  report.compiled.sort();
  report.milliseconds = performance.now() - started;
  return report;
}
