/**
 * `shifr validate` orchestration: well-formedness, RELAX NG and Schematron over files and folders.
 *
 * Each file is read once and checked by the RELAX NG validator of `src/validate/relaxng/` (which
 * also reports well-formedness, encoding and refused DOCTYPEs); when it is well-formed, its
 * Schematron rules are run by the native engine of `src/validate/schematron-native/` when the
 * schema lies within its subset, else (or for a document the native engine declines) by the
 * validator compiled to XSLT and run on SaxonJS (`src/validate/schematron.ts`), the reference.
 * The edition's authority files (persons.xml, places.xml, archives.xml from the file's folder)
 * are passed in parsed, so cross-file references resolve without `doc()`. Thousands of files are
 * shared by this thread and worker threads (one thread per core, see `FILES_PER_THREAD`): each
 * loads the schemas once and takes batches of files from one queue; fewer stay on this thread.
 *
 * Untrusted input: files larger than `MAX_FILE_BYTES` are refused before they are read; no DTD or
 * external entity is ever loaded (see `src/xml/reader.ts`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { diagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { readOne, usesFileThread, type FileRead, type ReadOptions } from '../file-read.js';
import { writeFileAtomic } from '../fsutil.js';
import { fileSignature, sha256 } from '../hash.js';
import { compileOdd, OddError } from '../odd/index.js';
import { decodeXml } from '../xml/decode.js';
import { TEI_NS } from '../xml/namespaces.js';
import { readXml, XmlSource } from '../xml/reader.js';
import { projectRoot } from '../xslt/build.js';
import { parseXml, type XdmParam, type XmlNode } from '../xslt/saxon.js';
import { loadSchema, SchemaLoadError, validate as validateText, type CompiledSchema } from './relaxng/index.js';
import { compileSchematron, SchematronCompileError, validateSchematron, type CompiledSchematron } from './schematron.js';
import { buildTree, NativeRefusal, treeBuilder, nativeSchematron, TreeError, validateNative, type NativeParam, type NativeSchema } from './schematron-native/index.js';

/** Files above this size are refused unread: a telegram is ~20 KB, and a DOM of a huge file would exhaust memory. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Files are read whole, never one over `MAX_FILE_BYTES` (refused unread). */
const FILE_READING: ReadOptions = { maxBytes: MAX_FILE_BYTES };

/** The authority files of the edition, by the name of the Schematron parameter that receives each. */
export const AUTHORITY_FILES = { persons: 'persons.xml', places: 'places.xml', archives: 'archives.xml' } as const;

/**
 * Files each thread must have before another one pays, unless `jobs` is given. Every worker pays
 * its own start (~0.3 s: modules, schemas) and its own JIT warm-up (~0.7 s of CPU: the first 100
 * telegrams cost ~10 ms of CPU each, the rest ~2.5), while a warm thread validates ~500 telegrams
 * a second. Measured on a 2-core machine shared with other work: 200, 400 and 1,003 telegrams were
 * all faster on one thread than on two workers (1,003: 3.4–5.8 s against 4.8–7.4 s, with ~35 %
 * less CPU); this thread now validates beside its workers, which saves one start. On that machine
 * two processes each validating half of 1,003 files took as long as one process validating all:
 * its two vCPUs share one core's execution units, so a second thread adds little there.
 */
const FILES_PER_THREAD = 1000;
/** Files handed to a worker at a time: small enough to balance, large enough to keep messages rare. */
const BATCH = 8;

/** The schemas a validation uses: a RELAX NG grammar and, optionally, a Schematron schema. */
export interface SchemaPaths {
  rng: string;
  sch?: string;
}

/** Thrown when a schema cannot be used at all (unreadable, incorrect, not compiling): exit code 2. */
export class SchemaUnusableError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join('\n'));
    this.name = 'SchemaUnusableError';
  }
}

/** The edition's own schema: `odd/shifr.rng` + `odd/shifr.sch`, in the working directory or shifr's own. */
export function editionSchemas(): SchemaPaths {
  for (const dir of [process.cwd(), projectRoot()]) {
    const rng = join(dir, 'odd', 'shifr.rng');
    if (existsSync(rng)) {
      const sch = join(dir, 'odd', 'shifr.sch');
      return existsSync(sch) ? { rng, sch } : { rng };
    }
  }
  throw new SchemaUnusableError([diagnostic('SHF-IO-001', 'the edition schema odd/shifr.rng is missing; run "shifr odd"', { file: 'odd/shifr.rng' })]);
}

/**
 * The schemas named by `--schema`: a `.rng` alone; a `.odd` compiled first (into `.cache/odd/`,
 * keyed by its content) to its RELAX NG and Schematron; nothing means the edition's schemas.
 */
export function resolveSchemas(schema: string | undefined): SchemaPaths {
  if (schema === undefined) return editionSchemas();
  if (!existsSync(schema)) throw new SchemaUnusableError([diagnostic('SHF-IO-001', `cannot read schema ${schema}: no such file`, { file: schema })]);
  const ext = extname(schema).toLowerCase();
  if (ext === '.rng') return { rng: schema };
  if (ext === '.odd') {
    let compiled;
    try {
      compiled = compileOdd(schema);
    } catch (e) {
      if (e instanceof OddError) throw new SchemaUnusableError(e.diagnostics);
      throw e;
    }
    const key = sha256(resolve(schema), compiled.rng, compiled.sch).slice(0, 16);
    const dir = join(projectRoot(), '.cache', 'odd', key);
    const name = basename(schema, extname(schema));
    const paths = { rng: join(dir, `${name}.rng`), sch: join(dir, `${name}.sch`) };
    if (!existsSync(paths.rng)) writeFileAtomic(paths.rng, compiled.rng);
    if (!existsSync(paths.sch)) writeFileAtomic(paths.sch, compiled.sch);
    return paths;
  }
  throw new SchemaUnusableError([
    diagnostic('SHF-CLI-001', `schema ${schema} is neither RELAX NG nor ODD`, { file: schema }, { expected: ['a .rng file (RELAX NG, XML syntax)', 'a .odd file'] }),
  ]);
}

/**
 * The XML files to validate: files as given, folders searched recursively for `*.xml` (sorted).
 * Targets that do not exist give `SHF-IO-001`.
 */
export function collectFiles(targets: readonly string[]): { files: string[]; diagnostics: Diagnostic[] } {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.toLowerCase().endsWith('.xml')) files.push(path);
    }
  };
  for (const target of targets) {
    let isDir: boolean;
    try {
      isDir = statSync(target).isDirectory();
    } catch (e) {
      diagnostics.push(diagnostic('SHF-IO-001', `cannot read ${target}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { file: target }));
      continue;
    }
    if (isDir) walk(target);
    else files.push(target);
  }
  return { files, diagnostics };
}

export interface ValidatorOptions {
  /** Folder of persons.xml, places.xml, archives.xml for every file; default: each file's own folder. */
  authorities?: string;
  /**
   * Which Schematron engine runs the rules: 'auto' (default) the native engine when the schema
   * is within its subset, else the XSLT one; 'xslt' always the XSLT engine (the reference).
   */
  schematronEngine?: 'auto' | 'xslt';
}

type NativeCompilation = ReturnType<typeof nativeSchematron>;
const loaded = new Map<string, CompiledSchema | CompiledSchematron | NativeCompilation>();

/**
 * Loads a schema once per process while its file is unchanged (its `fileSignature`): a
 * RELAX NG load from the on-disk cache and the freshness check of a Schematron validator cost
 * ~0.1–0.4 s, which adds up when a process validates in many calls (tests, `build`).
 */
function memo<T extends CompiledSchema | CompiledSchematron | NativeCompilation>(path: string, load: () => T, kind = ''): T {
  const key = `${kind}\0${resolve(path)}\0${fileSignature(path)}`;
  let schema = loaded.get(key) as T | undefined;
  if (!schema) {
    schema = load();
    loaded.set(key, schema);
  }
  return schema;
}

/** The authority files of a folder, as each Schematron engine takes them, built on first use. */
interface Authorities {
  files: string[];
  /** The extracts of the authority files (see `authorityExtract`), by parameter name. */
  extracts: Record<string, string>;
  xslt?: Record<string, XdmParam>;
  native?: Record<string, NativeParam>;
}

/** Validates single files against loaded schemas, in this thread. */
export class FileValidator {
  private readonly rng: CompiledSchema;
  private readonly schPath: string | undefined;
  private sch: CompiledSchematron | undefined;
  private readonly native: NativeSchema | undefined;
  private readonly authorityCache = new Map<string, Authorities>();

  /**
   * Loads the schemas; throws `SchemaUnusableError` when one cannot be used. `loadXsltNow: false`
   * leaves the XSLT validator to the first document that needs it (a worker whose main thread
   * checks and builds it meanwhile).
   */
  constructor(
    schemas: SchemaPaths,
    private readonly options: ValidatorOptions = {},
    { loadXsltNow = true }: { loadXsltNow?: boolean } = {},
  ) {
    try {
      this.rng = memo(schemas.rng, () => loadSchema(schemas.rng, { cacheDir: join(projectRoot(), '.cache', 'relaxng') }));
      const sch = (this.schPath = schemas.sch);
      if (sch && options.schematronEngine !== 'xslt') {
        const native = memo(sch, () => nativeSchematron(sch, '#DEFAULT', { cacheDir: join(projectRoot(), '.cache', 'schematron-native') }), 'native');
        if ('schema' in native) this.native = native.schema;
      }
      // The XSLT validator is loaded now only when the native engine cannot take the schema;
      // otherwise on the first document the native engine declines (rare: a dynamic error).
      if (sch && !this.native && loadXsltNow) this.sch = this.xsltSchematron();
    } catch (e) {
      if (e instanceof SchemaLoadError) throw new SchemaUnusableError([e.diagnostic]);
      if (e instanceof SchematronCompileError) throw new SchemaUnusableError(e.diagnostics);
      throw e;
    }
  }

  /** Is the Schematron schema run by the native engine? */
  get nativeSchematron(): boolean {
    return this.native !== undefined;
  }

  private xsltSchematron(): CompiledSchematron {
    const sch = this.schPath!;
    return (this.sch ??= memo(sch, () => compileSchematron(sch)));
  }

  /** Every diagnostic for one file: size, reading, well-formedness, RELAX NG, then Schematron. */
  validate(file: string): Diagnostic[] {
    return this.validateRead(readOne(file, FILE_READING));
  }

  /** `validate` of a file already read (`readOne` with `FILE_READING`). */
  validateRead(read: FileRead): Diagnostic[] {
    const { file } = read;
    if ('size' in read) {
      return [diagnostic('SHF-VAL-001', `file is ${(read.size / 1048576).toFixed(1)} MB; shifr validates files up to ${MAX_FILE_BYTES / 1048576} MB`, { file })];
    }
    if ('error' in read) return [diagnostic('SHF-IO-001', `cannot read file: ${read.error}`, { file })];
    const bytes = read.bytes;
    // Decoded once, for RELAX NG and Schematron (validateBytes would decode it again).
    const decoded = decodeXml(bytes, file);
    if (decoded.diagnostic) return [decoded.diagnostic];
    const text = decoded.text;
    // The native engine's tree is built in the RELAX NG validator's scan (one read of the text).
    const tree = this.native ? treeBuilder(text, file, '', this.native.keyAttributes) : undefined;
    const found = validateText(this.rng, text, file, tree?.handler, decoded.allowedCharsOnly);
    if (!this.schPath || found.some((d) => d.code.startsWith('SHF-XML-'))) return found;
    if (this.native && tree) {
      try {
        return found.concat(validateNative(this.native, tree.finish(), file, this.nativeAuthorities(file)));
      } catch (e) {
        // Declined (a dynamic error, say): the XSLT engine gives the reference answer.
        if (!(e instanceof NativeRefusal || e instanceof TreeError || e instanceof RangeError)) throw e;
      }
    }
    let sch: CompiledSchematron;
    try {
      sch = this.xsltSchematron();
    } catch (e) {
      if (e instanceof SchematronCompileError) return found.concat(e.diagnostics);
      throw e;
    }
    // A document the positioned reader accepted can still defeat SaxonJS (nesting deep enough to
    // exhaust its stack): that file gets a diagnostic, the others are still checked.
    try {
      const node = parseXml(text);
      return found.concat(validateSchematron(sch, { text, node }, file, { params: this.xsltAuthorities(file) }));
    } catch (e) {
      return found.concat(diagnostic('SHF-SCH-005', `the edition's rules could not be run on this file: ${(e as Error).message.split('\n')[0]}`, { file }));
    }
  }

  /**
   * The authority files for a file, read once per folder: extracts of the authority files
   * (missing or not well-formed ones left out) and the names of the XML files beside it, for
   * pointers to other files.
   */
  private authoritiesFor(file: string): Authorities {
    const folder = resolve(dirname(file));
    const dir = this.options.authorities ? resolve(this.options.authorities) : folder;
    const key = `${dir}\0${folder}`;
    let found = this.authorityCache.get(key);
    if (!found) {
      found = { files: xmlFilesIn(folder), extracts: {} };
      for (const [param, name] of Object.entries(AUTHORITY_FILES)) {
        const path = join(dir, name);
        if (!existsSync(path)) continue;
        try {
          found.extracts[param] = authorityExtract(readFileSync(path, 'utf8'));
        } catch {
          // Not well-formed: validating that file reports it; here its references just do not resolve.
        }
      }
      this.authorityCache.set(key, found);
    }
    return found;
  }

  /** The Schematron parameters of the XSLT engine for a file (documents parsed by SaxonJS). */
  private xsltAuthorities(file: string): Record<string, XdmParam> {
    const a = this.authoritiesFor(file);
    if (!a.xslt) {
      const params: Record<string, XdmParam> = { files: a.files };
      for (const [param, extract] of Object.entries(a.extracts)) params[param] = parseXml(extract);
      a.xslt = params;
    }
    return a.xslt;
  }

  /** The same parameters for the native engine (native trees, whose key indexes then last). */
  private nativeAuthorities(file: string): Record<string, NativeParam> {
    const a = this.authoritiesFor(file);
    if (!a.native) {
      const params: Record<string, NativeParam> = { files: a.files };
      for (const [param, extract] of Object.entries(a.extracts)) params[param] = buildTree(extract, '', '', this.native!.keyAttributes);
      a.native = params;
    }
    return a.native;
  }
}


/**
 * What the edition's rules need of an authority file: its elements that have an xml:id, by name
 * and id, as a small TEI document. The rules look ids up with xsl:key, and SaxonJS indexes a
 * document anew in every transform: indexing persons.xml with its attestation lists costs more
 * than checking the telegram, indexing this extract almost nothing. Throws on a file that is not
 * well-formed.
 */
export function authorityIndex(text: string): XmlNode {
  return parseXml(authorityExtract(text));
}

/** The text of the extract `authorityIndex` parses. Throws on a file that is not well-formed. */
export function authorityExtract(text: string): string {
  const entries: string[] = [];
  const problems = readXml(new XmlSource(text, ''), {
    startElement(tag) {
      const id = tag.attributes.find((a) => a.qname === 'xml:id')?.value;
      if (id !== undefined && tag.ns === TEI_NS) entries.push(`<${tag.local} xml:id="${id.replace(/[<&"]/g, '')}"/>`);
    },
    endElement() {},
    text() {},
  });
  if (problems.some((d) => d.severity === 'error')) throw new Error(problems[0]!.message);
  return `<TEI xmlns="${TEI_NS}">${entries.join('')}</TEI>`;
}

/** Names of the XML files of a folder (not recursive). */
function xmlFilesIn(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => name.toLowerCase().endsWith('.xml'));
  } catch {
    return [];
  }
}

export interface ValidateOptions extends ValidatorOptions {
  /**
   * Threads that validate: this one and `jobs - 1` workers. Default: one per 1,000 files, at most
   * one per core and 4 (so one below 2,000 files).
   */
  jobs?: number;
  /**
   * Validate in `jobs` worker threads only, this thread merely handing out the files: for a caller
   * whose thread must stay responsive (a server's event loop), and for tests of the workers.
   */
  offThread?: boolean;
  /** Called after each file with the number done so far. */
  onProgress?: (done: number) => void;
}

/** What a worker receives at start. */
export interface WorkerSetup {
  schemas: SchemaPaths;
  options: ValidatorOptions;
}

/** Messages between the main thread and a validation worker. */
export type ToWorker = { files: string[] } | { stop: true };
export type FromWorker = { ready: true } | { done: number; diagnostics: Diagnostic[] } | { failed: Diagnostic[] };

/**
 * Validates files against schemas and returns all diagnostics, sorted by file and place. Throws
 * `SchemaUnusableError` when a schema cannot be used.
 */
export async function validateFiles(files: readonly string[], schemas: SchemaPaths, options: ValidateOptions = {}): Promise<Diagnostic[]> {
  const wanted = options.jobs ?? Math.min(4, availableParallelism(), Math.max(1, Math.floor(files.length / FILES_PER_THREAD)));
  const jobs = Math.max(1, Math.min(wanted, Math.ceil(files.length / BATCH)));
  // The workers start first: their start-up (modules, schemas) overlaps this thread's own, and
  // no file is sent to one before this thread's validator exists (its messages wait for this
  // thread), so when the XSLT validator is needed, it is built and fresh before a worker loads it.
  const setup: WorkerSetup = { schemas, options: { authorities: options.authorities, schematronEngine: options.schematronEngine } };
  const workers = options.offThread ? await startWorkers(setup, jobs) : jobs > 1 ? await startWorkers(setup, jobs - 1) : [];
  let validator: FileValidator;
  try {
    validator = new FileValidator(schemas, options);
  } catch (e) {
    for (const w of workers) void w.terminate();
    throw e;
  }
  return sortDiagnostics(await shareFiles(files, options.offThread ? undefined : validator, workers, options.onProgress));
}

/**
 * Validates the files in order on this thread, each read ahead on the file thread (loaded only
 * then): a file read here took 20–60 µs when cached, and 0.3–1.4 ms when the host had paged it
 * out (this one pages out file data idle for a minute).
 */
async function validateReadingAhead(files: readonly string[], validator: FileValidator, doneWith: (count: number, diagnostics: Diagnostic[]) => void): Promise<void> {
  const { FileThread } = await import('../file-thread.js');
  const thread = new FileThread();
  try {
    let found: Diagnostic[] = [];
    let count = 0;
    for await (const read of thread.reads(files, FILE_READING)) {
      for (const d of validator.validateRead(read)) found.push(d);
      if (++count === BATCH) {
        doneWith(count, found);
        [found, count] = [[], 0];
      }
    }
    if (count > 0) doneWith(count, found);
  } finally {
    await thread.close();
  }
}

/** Batches a worker holds at a time: one being validated, one waiting, so it never idles for a message. */
const IN_FLIGHT = 2;

/** node:worker_threads is loaded only here: a run on one thread need not pay ~30 M instructions for it. */
async function startWorkers(setup: WorkerSetup, count: number): Promise<Worker[]> {
  const { Worker } = await import('node:worker_threads');
  return Array.from({ length: count }, () => new Worker(new URL('./worker.js', import.meta.url), { workerData: setup }));
}

/**
 * Validates the files in batches taken from one queue by this thread (unless it has no
 * `validator`) and by the workers, until none is left. This thread gives way between its batches
 * (so that the workers' messages are answered at once); each worker holds `IN_FLIGHT` batches, so
 * it never waits for one.
 */
function shareFiles(files: readonly string[], validator: FileValidator | undefined, workers: Worker[], onProgress?: (done: number) => void): Promise<Diagnostic[]> {
  const all: Diagnostic[] = [];
  let next = 0;
  let finished = 0;
  let failure: Diagnostic[] | undefined;
  let failed: unknown;
  const take = (): string[] | undefined => {
    if (next >= files.length || failure || failed) return undefined;
    const batch = files.slice(next, next + BATCH);
    next += BATCH;
    return batch;
  };
  const doneWith = (count: number, diagnostics: Diagnostic[]): void => {
    for (const d of diagnostics) all.push(d);
    finished += count;
    onProgress?.(finished);
  };
  const exited = workers.map(
    (worker) =>
      new Promise<void>((resolveExit) => {
        let held = 0;
        const feed = (): void => {
          while (held < IN_FLIGHT) {
            const batch = take();
            if (!batch) break;
            worker.postMessage({ files: batch } satisfies ToWorker);
            held++;
          }
          if (held === 0) worker.postMessage({ stop: true } satisfies ToWorker);
        };
        worker.on('message', (message: FromWorker) => {
          if ('failed' in message) failure ??= message.failed;
          else if ('done' in message) {
            held--;
            doneWith(message.done, message.diagnostics);
          }
          feed();
        });
        worker.on('error', (e) => {
          failed ??= e;
          for (const w of workers) void w.terminate();
        });
        worker.on('exit', () => resolveExit());
      }),
  );
  const here = (async () => {
    const giveWay = () => new Promise<void>((resolveTurn) => setImmediate(resolveTurn));
    try {
      if (validator && workers.length === 0 && usesFileThread(files.length)) await validateReadingAhead(files, validator, doneWith);
      else for (let batch = validator && take(); batch; batch = take()) {
        const found: Diagnostic[] = [];
        for (const file of batch) for (const d of validator!.validate(file)) found.push(d);
        doneWith(batch.length, found);
        if (workers.length > 0) await giveWay();
      }
    } catch (e) {
      // An error of this thread's own ends the workers' too, rather than leaving them the rest.
      failed ??= e;
      for (const w of workers) void w.terminate();
    }
  })();
  return Promise.all([here, ...exited]).then(() => {
    if (failed) throw failed;
    if (failure) throw new SchemaUnusableError(failure);
    return all;
  });
}
