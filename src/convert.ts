/**
 * convert: scraped pages → TEI files. Each page is read, ingested (text → model) and encoded
 * (model → TEI); the file is written atomically, and never over a file edited by hand since shifr
 * generated it (see encode/stamp.ts) unless forced. A page that fails leaves nothing behind and
 * does not stop the others. The authority files are written beside the telegrams, with the list of
 * files that mention each person and place, read back from the TEI files themselves (so a hand
 * edit that adds a name counts) — except the files this run has just written or found unchanged,
 * whose mentions the encoder gave (see `attestationsIn`, `MentionStore`). Of a page, only its id,
 * output path and mentions are kept once it is written; diagnostics can be taken as they come
 * (`onDiagnostic`), so that memory stays flat however many pages are converted.
 */
import { hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { basename, join } from 'node:path';
import { diagnostic, type Diagnostic } from './diagnostics.js';
import { archivesDocument, personsDocument, placesDocument } from './encode/authority.js';
import { mentionsIn, type Mentions } from './encode/mentions.js';
import { StampedBytes, stampBytes, stampedBytes, unstamped, type Unstamped } from './encode/stamp.js';
import { SCHEMA_PIS } from './encode/telegram.js';
import { encodeTelegram } from './encode/telegram.js';
import { NOT_XML_CHAR, NotXmlCharError, serializeTo, type XmlDocument } from './encode/xml.js';
import { readOne, usesFileThread, type FileRead, type ReadOptions } from './file-read.js';
import { FileThread } from './file-thread.js';
import { writeGenerated, type WriteOutcome } from './generated.js';
import { ingestPage } from './ingest/index.js';
import { packedMap } from './packed.js';

/** The version recorded in every generated file's revision note. */
export const SHIFR_VERSION = '0.1.0';

/** A page turned into TEI in memory (not yet written). */
export interface EncodedPage {
  file: string;
  /** The edition id, when the page gave a telegram without errors. */
  id?: string;
  /** The stamped file, from `encodePage`. */
  xml?: string;
  /** `xml` in UTF-8: the bytes written. */
  bytes?: Uint8Array;
  /** The file before its stamp, from the conversion's own `encodePageFile`: its writer stamps it. */
  tei?: Unstamped;
  diagnostics: Diagnostic[];
  /** True when the page could not be read at all. */
  unreadable?: boolean;
  /** The persons and places the file mentions (`mentionsIn(xml)`), taken from the encoder's tree. */
  mentions?: Mentions;
}

/** Ingests and encodes one page's bytes. Pure: the same bytes always give the same result. */
export function encodePage(bytes: Uint8Array, file: string): EncodedPage {
  const { page, xml } = encodeToXml(bytes, file);
  if (xml === undefined) return page;
  const stamped = stampBytes(xml);
  return { ...page, xml: stamped.text, bytes: stamped.bytes };
}

/** `encodePage`, the TEI left in UTF-8 and unstamped (`tei`), as the conversion writes it; `sha256`, the page's, when known. */
function encodeForWriting(bytes: Uint8Array, file: string, sha256?: string): EncodedPage {
  const { page, xml } = encodeToXml(bytes, file, sha256);
  return xml === undefined ? page : { ...page, tei: unstamped(xml) };
}

/** The page's TEI (without its stamp) and the page's id, mentions and diagnostics; no TEI when it gives none. */
function encodeToXml(bytes: Uint8Array, file: string, sha256?: string): { page: EncodedPage; xml?: string } {
  const { page, diagnostics } = ingestPage(bytes, file);
  if (!page || diagnostics.some((d) => d.severity === 'error')) return { page: { file, diagnostics } };
  if (!page.versions.some((v) => v.blocks.length > 0)) {
    diagnostics.push(diagnostic('SHF-ENCODE-001', 'the page has no telegram text to encode (a title, a summary or a citation only); no TEI file written', { file, line: 1, column: 1 }, { expected: ['the text of the telegram in at least one language'] }));
    return { page: { file, diagnostics } };
  }
  const sha = sha256 ?? hash('sha256', bytes, 'hex');
  let encoded: ReturnType<typeof encodeTelegram>;
  try {
    encoded = encodeTelegram(page, { sourceName: basename(file), sourceSha256: sha, version: SHIFR_VERSION });
  } catch (e) {
    if (!(e instanceof NotXmlCharError)) {
      // A defect of the encoder must not stop a batch: it is reported like any other problem.
      diagnostics.push(diagnostic('SHF-ENCODE-005', `encoding failed on this page: ${(e as Error).message}; no TEI file written`, { file }));
      return { page: { file, diagnostics } };
    }
    const text = Buffer.from(bytes).toString('utf8');
    const at = NOT_XML_CHAR.exec(text)?.index ?? -1;
    const before = at >= 0 ? text.slice(0, at).split('\n') : [];
    const code = at >= 0 ? `U+${text.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0')}` : 'a control character';
    diagnostics.push(
      diagnostic('SHF-ENCODE-004', `the page contains ${code}, which XML 1.0 cannot hold; no TEI file written (remove the character)`, { file, line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 }, { expected: ['text without control characters'] }),
    );
    return { page: { file, diagnostics } };
  }
  diagnostics.push(...encoded.diagnostics);
  return { page: { file, id: encoded.id, diagnostics, mentions: encoded.mentions }, xml: encoded.xml };
}

/** A page that cannot be read (`why`: an errno code or a message): SHF-IO-001, and no file. */
function unreadablePage(file: string, why: string): EncodedPage {
  return { file, unreadable: true, diagnostics: [diagnostic('SHF-IO-001', `cannot read the page: ${why}`, { file })] };
}

/** Reads and encodes one page file for writing (`tei`, unstamped); an unreadable file becomes SHF-IO-001. */
export function encodePageFile(file: string): EncodedPage {
  return encodePageRead(readOne(file, PAGE_READING));
}

/** Pages are read with their SHA-256, which the TEI header records. */
const PAGE_READING: ReadOptions = { sha256: true };

/** `encodePageFile` of a page already read (`readOne`). */
function encodePageRead(read: FileRead): EncodedPage {
  if ('bytes' in read) return encodeForWriting(read.bytes, read.file, read.sha256);
  return unreadablePage(read.file, 'error' in read ? read.error : `${read.size} bytes`);
}

export interface ConvertSummary {
  /** Every diagnostic, unless the caller took them as they came (`ConvertOptions.onDiagnostic`). */
  diagnostics: Diagnostic[];
  /** How many diagnostics were errors (whether collected or not). */
  errors: number;
  /** Output paths per outcome. */
  written: string[];
  unchanged: string[];
  kept: string[];
  /** Pages that gave no file (errors, no telegram, unreadable). */
  failedPages: string[];
  /** True when some page could not be read at all (exit code 2). */
  unreadable: boolean;
}

export function emptySummary(): ConvertSummary {
  return { diagnostics: [], errors: 0, written: [], unchanged: [], kept: [], failedPages: [], unreadable: false };
}

/**
 * The mentions of the files a run wrote or found unchanged, kept until the authority files are
 * written, in the form the authority files list them: each ref with the sorted list of the forms
 * the file writes for it. Each distinct ref, form and list of forms is stored once (a copy, never
 * a slice of a page, which would keep the whole page alive); a file's mentions are a few numbers,
 * [ref, list]… — some 50 bytes a page where Maps of Sets cost kilobytes — and the lists, shared by
 * every file that writes the same forms, are sorted once, not once per file.
 */
export class MentionStore {
  private readonly strings: string[] = [];
  private readonly numbers = new Map<string, number>();
  private readonly lists: string[][] = [];
  private readonly listNumbers = new Map<string, number>();
  private readonly byFile = new Map<string, Int32Array>();

  private number(s: string): number {
    let n = this.numbers.get(s);
    if (n === undefined) {
      const copy = Buffer.from(s, 'utf8').toString('utf8');
      n = this.strings.length;
      this.strings.push(copy);
      this.numbers.set(copy, n);
    }
    return n;
  }

  /** The number of a sorted list of forms, the same for every file that writes those forms. */
  private listNumber(sorted: readonly string[]): number {
    const key = sorted.join('\u0000');
    let n = this.listNumbers.get(key);
    if (n === undefined) {
      n = this.lists.length;
      this.lists.push(packedMap(sorted, (f) => this.strings[this.number(f)]!));
      // The key is a new string (a join copies), so it pins no page either.
      this.listNumbers.set(key, n);
    }
    return n;
  }

  /** The forms, sorted, as the one list the store keeps of them (shared by every file that writes them). */
  sharedForms(forms: Iterable<string>): readonly string[] {
    return this.lists[this.listNumber([...forms].sort())]!;
  }

  set(file: string, mentions: Mentions): void {
    const packed = new Int32Array(2 * mentions.size);
    let i = 0;
    for (const [ref, forms] of mentions) {
      packed[i++] = this.number(ref);
      packed[i++] = this.listNumber([...forms].sort());
    }
    this.byFile.set(file, packed);
  }

  /** Calls `each` with every ref `file` mentions and the sorted forms it writes; false when the file is not known. */
  forEach(file: string, each: (ref: string, sortedForms: readonly string[]) => void): boolean {
    const packed = this.byFile.get(file);
    if (!packed) return false;
    for (let i = 0; i < packed.length; i += 2) each(this.strings[packed[i]!]!, this.lists[packed[i + 1]!]!);
    return true;
  }
}

/** What writing the pages of one run shares: where, how, what was seen so far, and where diagnostics go. */
export interface WriteContext {
  outDir: string;
  force: boolean;
  summary: ConvertSummary;
  /** Edition id → the page that gave it: two pages with one id are refused. */
  ids: Map<string, string>;
  /** Mentions of the files written or found unchanged (file name → mentions), for the authority files. */
  known: MentionStore;
  report: (d: Diagnostic) => void;
  /** Called once a page's outcome and diagnostics are recorded (`ConvertOptions.onPage`). */
  onPage?: () => void;
}

/** A context for writing into `opts.outDir`; diagnostics go to `opts.onDiagnostic` or into the summary. */
export function writeContext(opts: ConvertOptions): WriteContext {
  const { outDir, force = false, onDiagnostic, onPage } = opts;
  const summary = emptySummary();
  const report = (d: Diagnostic): void => {
    if (d.severity === 'error') summary.errors++;
    if (onDiagnostic) onDiagnostic(d);
    else summary.diagnostics.push(d);
  };
  return { outDir, force, summary, ids: new Map(), known: new MentionStore(), report, onPage };
}

/** An encoded page and its file in the output folder: what became of it, or 'write' while it is still to be written. */
interface PageFile {
  page: EncodedPage;
  /** The file's name and path, and its content (unstamped); absent when the page gives no file. */
  name?: string;
  path?: string;
  tei?: Unstamped;
  outcome: WriteOutcome | 'write';
  /** The page's diagnostics and its file's, reported together when the outcome is recorded. */
  diagnostics: Diagnostic[];
  /** The write under way, when the file is being written in the background (`WriteBehind`). */
  writing?: Promise<void>;
}

/**
 * Everything of writing a page before its file is looked at: takes its diagnostics and catches
 * two pages with one id (the context's ids).
 */
function prepareWrite(r: EncodedPage, cx: WriteContext): PageFile {
  const diagnostics = [...r.diagnostics];
  if (r.unreadable) cx.summary.unreadable = true;
  if (!r.id || !r.tei) return { page: r, outcome: 'failed', diagnostics };
  const other = cx.ids.get(r.id);
  if (other !== undefined) {
    diagnostics.push(diagnostic('SHF-ENCODE-002', `the page gives the edition id ${r.id}, already given by ${other}; not written`, { file: r.file }, { expected: ['one page per Wilson Center record'] }));
    return { page: r, outcome: 'failed', diagnostics };
  }
  cx.ids.set(r.id, r.file);
  const name = `${r.id}.xml`;
  return { page: r, name, path: join(cx.outDir, name), tei: r.tei, outcome: 'write', diagnostics };
}

/**
 * Records what became of a page's file, with the page's diagnostics (so that they come in the
 * order of the pages, each page's own before its file's). When the file on disk ends up holding
 * exactly the page's TEI, its mentions are kept so that the authority files need not read it back.
 */
function recordWrite(f: PageFile, cx: WriteContext): void {
  for (const d of f.diagnostics) cx.report(d);
  const { summary } = cx;
  const { outcome, path, name } = f;
  if (path === undefined || name === undefined || outcome === 'failed' || outcome === 'write') summary.failedPages.push(f.page.file);
  else {
    if (outcome === 'written' || outcome === 'unchanged') cx.known.set(name, f.page.mentions!);
    if (outcome === 'written') summary.written.push(path);
    else if (outcome === 'unchanged') summary.unchanged.push(path);
    else summary.kept.push(path);
  }
  cx.onPage?.();
}

/** Writes one encoded page into the context's folder on this thread, recording the outcome. */
export function writeEncoded(r: EncodedPage, cx: WriteContext): void {
  const f = prepareWrite(r, cx);
  if (f.outcome === 'write') f.outcome = writeGenerated(f.path!, stampedBytes(f.tei!), cx.force, (d) => f.diagnostics.push(d), r.file);
  recordWrite(f, cx);
}

/**
 * Writes encoded pages as `writeEncoded` does, but on the file thread (file-thread.ts)
 * while this thread encodes the next pages: creating a file costs the kernel 0.05 to 1 ms on this
 * machine's volume, and each file system call this thread hands to libuv costs it 25–40 µs. The
 * duplicate-id check happens at once; the check against hand edits happens on the file thread,
 * at the moment of writing. Outcomes and diagnostics are recorded in input order, so the
 * summary and the diagnostics are those `writeEncoded` gives.
 */
class WriteBehind {
  /** Pages not yet recorded, in input order; those whose outcome is still 'write' are being written. */
  private readonly queue: PageFile[] = [];

  constructor(
    private readonly cx: WriteContext,
    private readonly writer: FileThread,
  ) {}

  /** Takes one page; its file, if it is to be written, is written in the background. */
  add(r: EncodedPage): void {
    const f = prepareWrite(r, this.cx);
    this.queue.push(f);
    if (f.outcome === 'write') {
      f.writing = this.writer.write({ path: f.path!, tei: f.tei!, force: this.cx.force, from: r.file }).then(({ outcome, diagnostics }) => {
        f.diagnostics.push(...diagnostics);
        f.outcome = outcome;
      });
    }
    this.recordDone();
  }

  /**
   * Lets the writer's answers in, and waits until no more than `limit` pages are pending, which
   * bounds the memory their bytes hold.
   */
  async settle(limit: number): Promise<void> {
    await new Promise(setImmediate);
    this.recordDone();
    if (this.queue.length > limit) this.writer.flush();
    while (this.queue.length > limit) {
      await this.queue[0]!.writing;
      this.recordDone();
    }
  }

  private recordDone(): void {
    while (this.queue.length > 0 && this.queue[0]!.outcome !== 'write') recordWrite(this.queue.shift()!, this.cx);
  }
}

const AUTHORITY_FILES = new Set(['persons.xml', 'places.xml', 'archives.xml']);

/**
 * Which TEI files of `dir` mention each person and place, and the forms they use. Files in
 * `known` (files this run wrote or found unchanged) are not read again: re-reading the whole
 * folder made every run cost as much as the edition is large (~0.5 ms per file). Every other
 * file — hand-edited, kept, or not converted this time — is read. The same list of forms, met in
 * many files, is one array shared by all of them: this map grows with the edition.
 */
export function attestationsIn(dir: string, known: MentionStore = new MentionStore()): Map<string, Array<{ file: string; forms: readonly string[] }>> {
  const byRef = new Map<string, Array<{ file: string; forms: readonly string[] }>>();
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.xml') && !AUTHORITY_FILES.has(f)).sort() : [];
  for (const f of files) {
    const id = f.slice(0, -4);
    const attest = (ref: string, forms: readonly string[]): void => {
      let list = byRef.get(ref);
      if (!list) byRef.set(ref, (list = []));
      list.push({ file: id, forms });
    };
    if (known.forEach(f, attest)) continue;
    // A file this run did not write: its lists of forms are kept by the store as well, so that one list is shared by all files.
    for (const [ref, forms] of mentionsIn(readFileSync(join(dir, f), 'utf8'))) attest(ref, known.sharedForms(forms));
  }
  return byRef;
}

/**
 * A document serialised and stamped chunk by chunk: the authority files grow with the edition
 * (persons.xml lists every file that mentions each person, some 1.5 kB per page), and their text
 * whole — twice, as parts and joined — was most of the heap at 10,000 pages.
 */
function stampedBytesOf(doc: XmlDocument): Buffer {
  const stamped = new StampedBytes();
  serializeTo(doc, SCHEMA_PIS, (chunk, prolog) => stamped.add(chunk, prolog));
  return stamped.finish();
}

/** Writes persons.xml, places.xml and archives.xml into the context's folder. */
export function writeAuthorityFiles(cx: WriteContext): void {
  const { summary } = cx;
  const attestations = attestationsIn(cx.outDir, cx.known);
  const files: Array<[string, () => XmlDocument]> = [
    ['persons.xml', () => personsDocument(attestations)],
    ['places.xml', () => placesDocument(attestations)],
    ['archives.xml', archivesDocument],
  ];
  for (const [name, document] of files) {
    const path = join(cx.outDir, name);
    const outcome = writeGenerated(path, stampedBytesOf(document()), cx.force, cx.report);
    if (outcome === 'written') summary.written.push(path);
    else if (outcome === 'unchanged') summary.unchanged.push(path);
    else if (outcome === 'kept-edited') summary.kept.push(path);
  }
}

export interface ConvertOptions {
  outDir: string;
  force?: boolean;
  /**
   * Called after each page, for a progress bar, once what became of its file is known and its
   * diagnostics are reported (files are written in the background, so this comes a few pages
   * after the page is encoded).
   */
  onPage?: () => void;
  /**
   * Takes each diagnostic as it comes, instead of collecting them all in the summary (which
   * then holds none): memory then stays flat however many pages are converted.
   */
  onDiagnostic?: (d: Diagnostic) => void;
}

/** Converts the pages into `outDir` (one after the other), then writes the authority files. */
export function convertPages(files: readonly string[], opts: ConvertOptions): ConvertSummary {
  const cx = writeContext(opts);
  for (const file of files) writeEncoded(encodePageFile(file), cx);
  writeAuthorityFiles(cx);
  return cx.summary;
}

/** Messages between the main thread and a conversion worker (convert-worker.ts). */
export type ToConvertWorker = { batch: number; files: string[] } | { stop: true };
export interface FromConvertWorker {
  batch: number;
  results: EncodedPage[];
}

/**
 * Below this many pages one thread is faster. Measured on the 2-core machine shared by the team
 * (load 5–6; wall time, one thread vs two workers): 600 pages 6.7–7.1 s vs 8.0–8.8 s, 1,500 pages
 * 6.8–8.4 s vs 9.2–12.2 s, 3,000 pages 16–18 s vs 10–22 s, 10,000 pages 70 s vs 33 s. A worker
 * costs ~0.8 s of CPU before it runs at full speed (loading and compiling ingest, encode and the
 * authority index), and on two busy cores the main thread's writes compete with both workers.
 */
export const PARALLEL_THRESHOLD = 3000;
const BATCH = 20;

export interface ParallelOptions extends ConvertOptions {
  /** Worker threads; default: the cores available (at most 2) for large inputs, else none. */
  threads?: number;
}

/**
 * Converts the pages like `convertPages`, ingesting and encoding in worker threads when the input
 * is large; files are written by this thread in input order, so the outcome is the same.
 */
export async function convertPagesParallel(files: readonly string[], opts: ParallelOptions): Promise<ConvertSummary> {
  const threads = opts.threads ?? (files.length >= PARALLEL_THRESHOLD ? Math.min(2, availableParallelism()) : 0);
  if (threads < 1) return usesFileThread(files.length) ? convertPagesWritingBehind(files, opts) : convertPages(files, opts);
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push(files.slice(i, i + BATCH));
  const cx = writeContext(opts);
  const thread = new FileThread();
  const writer = new WriteBehind(cx, thread);
  const done = new Map<number, EncodedPage[]>();
  let nextToWrite = 0;
  let nextToSend = 0;
  const workers = Array.from({ length: Math.min(threads, batches.length) }, () => new Worker(new URL('./convert-worker.js', import.meta.url)));
  try {
    await new Promise<void>((resolve, reject) => {
      const send = (w: Worker): void => {
        if (nextToSend < batches.length) {
          const batch = nextToSend++;
          w.postMessage({ batch, files: batches[batch]! } satisfies ToConvertWorker);
        }
      };
      for (const w of workers) {
        w.on('error', reject);
        w.on('message', (m: FromConvertWorker) => {
          done.set(m.batch, m.results);
          send(w);
          while (done.has(nextToWrite)) {
            for (const r of done.get(nextToWrite)!) writer.add(r);
            done.delete(nextToWrite++);
          }
          if (nextToWrite === batches.length) resolve();
        });
        send(w);
      }
    });
    await writer.settle(0);
  } finally {
    for (const w of workers) w.postMessage({ stop: true } satisfies ToConvertWorker);
    await thread.close();
  }
  writeAuthorityFiles(cx);
  return cx.summary;
}

/**
 * Pages whose files may be being written while the next are encoded, in `convertPagesWritingBehind`:
 * enough that the pages encoded while the file thread starts (50–80 ms) need not wait for it,
 * few enough that their bytes stay a few megabytes.
 */
const WRITES_PENDING = 64;

/** `convertPages` on this thread, with the files written in the background (`WriteBehind`), whatever their number. */
export async function convertPagesWritingBehind(files: readonly string[], opts: ConvertOptions): Promise<ConvertSummary> {
  const cx = writeContext(opts);
  const thread = new FileThread();
  const writer = new WriteBehind(cx, thread);
  try {
    for await (const read of thread.reads(files, PAGE_READING)) {
      writer.add(encodePageRead(read));
      await writer.settle(WRITES_PENDING);
    }
    await writer.settle(0);
  } finally {
    await thread.close();
  }
  writeAuthorityFiles(cx);
  return cx.summary;
}
