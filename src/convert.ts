/**
 * convert: scraped pages → TEI files. Each page is read, ingested (text → model) and encoded
 * (model → TEI); the file is written atomically, and never over a file edited by hand since shifr
 * generated it (see encode/stamp.ts) unless forced. A page that fails leaves nothing behind and
 * does not stop the others. The authority files are written beside the telegrams, with the list of
 * files that mention each person and place, read back from the TEI files themselves (so a hand
 * edit that adds a name counts) — except the files this run has just written or found unchanged,
 * whose mentions are taken from the TEI still in memory (see `attestationsIn`).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { basename, join } from 'node:path';
import { diagnostic, type Diagnostic } from './diagnostics.js';
import { encodeArchives, encodePersons, encodePlaces } from './encode/authority.js';
import { stamp, stampState } from './encode/stamp.js';
import { encodeTelegram } from './encode/telegram.js';
import { NOT_XML_CHAR, NotXmlCharError } from './encode/xml.js';
import { writeFileAtomic } from './fsutil.js';
import { ingestPage } from './ingest/index.js';

/** The version recorded in every generated file's revision note. */
export const SHIFR_VERSION = '0.1.0';

/** A page turned into TEI in memory (not yet written). */
export interface EncodedPage {
  file: string;
  /** The edition id and the stamped bytes, when the page gave a telegram without errors. */
  id?: string;
  xml?: string;
  diagnostics: Diagnostic[];
  /** True when the page could not be read at all. */
  unreadable?: boolean;
  /** The persons and places `xml` mentions, packed (see `packMentions`); computed where the page was encoded, so in the worker. */
  mentions?: string;
}

/** Ingests and encodes one page's bytes. Pure: the same bytes always give the same result. */
export function encodePage(bytes: Uint8Array, file: string): EncodedPage {
  const { page, diagnostics } = ingestPage(bytes, file);
  if (!page || diagnostics.some((d) => d.severity === 'error')) return { file, diagnostics };
  if (!page.versions.some((v) => v.blocks.length > 0)) {
    diagnostics.push(diagnostic('SHF-ENCODE-001', 'the page has no telegram text to encode; no TEI file written', { file }, { expected: ['the text of the telegram in at least one language'] }));
    return { file, diagnostics };
  }
  const sha = createHash('sha256').update(bytes).digest('hex');
  let encoded: ReturnType<typeof encodeTelegram>;
  try {
    encoded = encodeTelegram(page, { sourceName: basename(file), sourceSha256: sha, version: SHIFR_VERSION });
  } catch (e) {
    if (!(e instanceof NotXmlCharError)) {
      // A defect of the encoder must not stop a batch: it is reported like any other problem.
      diagnostics.push(diagnostic('SHF-ENCODE-005', `encoding failed on this page: ${(e as Error).message}; no TEI file written`, { file }));
      return { file, diagnostics };
    }
    const text = Buffer.from(bytes).toString('utf8');
    const at = NOT_XML_CHAR.exec(text)?.index ?? -1;
    const before = at >= 0 ? text.slice(0, at).split('\n') : [];
    const code = at >= 0 ? `U+${text.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0')}` : 'a control character';
    diagnostics.push(
      diagnostic('SHF-ENCODE-004', `the page contains ${code}, which XML 1.0 cannot hold; no TEI file written (remove the character)`, { file, line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 }, { expected: ['text without control characters'] }),
    );
    return { file, diagnostics };
  }
  diagnostics.push(...encoded.diagnostics);
  const xml = stamp(encoded.xml);
  return { file, id: encoded.id, xml, diagnostics, mentions: packMentions(mentionsIn(xml)) };
}

/** Reads and encodes one page file; an unreadable file becomes SHF-IO-001. */
export function encodePageFile(file: string): EncodedPage {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    return { file, unreadable: true, diagnostics: [diagnostic('SHF-IO-001', `cannot read the page: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { file })] };
  }
  return encodePage(bytes, file);
}

export type WriteOutcome = 'written' | 'unchanged' | 'kept-edited' | 'failed';

/**
 * Writes a generated file unless the file there was edited by hand (SHF-IO-003, unless `force`).
 * A file whose bytes are already right is not touched.
 */
export function writeGenerated(path: string, xml: string, force: boolean, diagnostics: Diagnostic[], from?: string): WriteOutcome {
  if (existsSync(path)) {
    let existing: string;
    try {
      existing = readFileSync(path, 'utf8');
    } catch (e) {
      diagnostics.push(diagnostic('SHF-IO-001', `cannot read the existing file: ${(e as Error).message}`, { file: path }));
      return 'failed';
    }
    if (existing === xml) return 'unchanged';
    const state = stampState(existing);
    if (state !== 'generated' && !force) {
      const why = state === 'edited' ? 'was edited since shifr generated it' : 'was not generated by shifr (no generation stamp)';
      diagnostics.push(
        diagnostic('SHF-IO-003', `${path} ${why}; not overwritten${from ? ` with the conversion of ${from}` : ''} (use --force to replace it)`, { file: path }, { expected: ['an unedited generated file, or --force'] }),
      );
      return 'kept-edited';
    }
  }
  try {
    writeFileAtomic(path, xml);
    return 'written';
  } catch (e) {
    diagnostics.push(diagnostic('SHF-IO-002', `cannot write: ${(e as Error).message}`, { file: path }));
    return 'failed';
  }
}

export interface ConvertSummary {
  diagnostics: Diagnostic[];
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
  return { diagnostics: [], written: [], unchanged: [], kept: [], failedPages: [], unreadable: false };
}

/**
 * Writes one encoded page into `outDir`, recording the outcome; `ids` catches two pages with one id.
 * When the file on disk ends up holding exactly `r.xml`, its packed mentions go into `known` (file name →
 * mentions) so that the authority files need not read it back.
 */
export function writeEncoded(r: EncodedPage, outDir: string, force: boolean, ids: Map<string, string>, summary: ConvertSummary, known?: Map<string, string>): void {
  summary.diagnostics.push(...r.diagnostics);
  if (r.unreadable) summary.unreadable = true;
  if (!r.id || !r.xml) {
    summary.failedPages.push(r.file);
    return;
  }
  const other = ids.get(r.id);
  if (other !== undefined) {
    summary.diagnostics.push(diagnostic('SHF-ENCODE-002', `the page gives the edition id ${r.id}, already given by ${other}; not written`, { file: r.file }, { expected: ['one page per Wilson Center record'] }));
    summary.failedPages.push(r.file);
    return;
  }
  ids.set(r.id, r.file);
  const path = join(outDir, `${r.id}.xml`);
  const outcome = writeGenerated(path, r.xml, force, summary.diagnostics, r.file);
  if (known && (outcome === 'written' || outcome === 'unchanged')) known.set(`${r.id}.xml`, r.mentions ?? packMentions(mentionsIn(r.xml)));
  if (outcome === 'written') summary.written.push(path);
  else if (outcome === 'unchanged') summary.unchanged.push(path);
  else if (outcome === 'kept-edited') summary.kept.push(path);
  else summary.failedPages.push(r.file);
}

const AUTHORITY_FILES = new Set(['persons.xml', 'places.xml', 'archives.xml']);
const MENTION = /<(persName|placeName)\b[^>]*?\bref="(persons|places)\.xml#([^"]+)"[^>]*>([\s\S]*?)<\/\1>/g;

/** The persons and places a TEI file mentions: ref → the forms written for it (empty forms left out). */
export type Mentions = Map<string, Set<string>>;

/** The mentions in a TEI file's text: each persName/placeName pointing into persons.xml or places.xml. */
export function mentionsIn(xml: string): Mentions {
  const out: Mentions = new Map();
  for (const m of xml.matchAll(MENTION)) {
    const ref = `${m[2]}.xml#${m[3]}`;
    const form = m[4]!.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
    const forms = out.get(ref) ?? new Set<string>();
    if (form) forms.add(form);
    out.set(ref, forms);
  }
  return out;
}

/**
 * Mentions packed into one string, to be kept while the other pages are converted: a few hundred
 * bytes where Maps of Sets cost kilobytes, and a copy — a form taken straight from the TEI would
 * be a slice of it and keep the whole document alive (V8 keeps longer substrings as slices),
 * which made peak memory grow ~9 kB per page.
 */
export function packMentions(mentions: Mentions): string {
  return JSON.stringify([...mentions].map(([ref, forms]) => [ref, ...forms]));
}

function unpackMentions(packed: string): Mentions {
  return new Map((JSON.parse(packed) as string[][]).map(([ref, ...forms]) => [ref!, new Set(forms)]));
}

/**
 * Which TEI files of `dir` mention each person and place, and the forms they use. Files named in
 * `known` (file name → mentions; files this run wrote or found unchanged) are not read again:
 * re-reading the whole folder made every run cost as much as the edition is large (~0.5 ms per
 * file). Every other file — hand-edited, kept, or not converted this time — is read.
 */
export function attestationsIn(dir: string, known?: ReadonlyMap<string, string>): Map<string, Array<{ file: string; forms: string[] }>> {
  const byRef = new Map<string, Map<string, Set<string>>>();
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.xml') && !AUTHORITY_FILES.has(f)).sort() : [];
  for (const f of files) {
    const id = f.slice(0, -4);
    const packed = known?.get(f);
    const mentions = packed !== undefined ? unpackMentions(packed) : mentionsIn(readFileSync(join(dir, f), 'utf8'));
    for (const [ref, forms] of mentions) {
      const files2 = byRef.get(ref) ?? new Map<string, Set<string>>();
      files2.set(id, forms);
      byRef.set(ref, files2);
    }
  }
  const out = new Map<string, Array<{ file: string; forms: string[] }>>();
  for (const [ref, perFile] of byRef) out.set(ref, [...perFile].map(([file, forms]) => ({ file, forms: [...forms].sort() })));
  return out;
}

/** Writes persons.xml, places.xml and archives.xml into `outDir`; `known` as for `attestationsIn`. */
export function writeAuthorityFiles(outDir: string, force: boolean, summary: ConvertSummary, known?: ReadonlyMap<string, string>): void {
  const attestations = attestationsIn(outDir, known);
  const files: Array<[string, string]> = [
    ['persons.xml', encodePersons(attestations)],
    ['places.xml', encodePlaces(attestations)],
    ['archives.xml', encodeArchives()],
  ];
  for (const [name, xml] of files) {
    const path = join(outDir, name);
    const outcome = writeGenerated(path, stamp(xml), force, summary.diagnostics);
    if (outcome === 'written') summary.written.push(path);
    else if (outcome === 'unchanged') summary.unchanged.push(path);
    else if (outcome === 'kept-edited') summary.kept.push(path);
  }
}

export interface ConvertOptions {
  outDir: string;
  force?: boolean;
  /** Called after each page, for a progress bar. */
  onPage?: () => void;
}

/** Converts the pages into `outDir` (one after the other), then writes the authority files. */
export function convertPages(files: readonly string[], opts: ConvertOptions): ConvertSummary {
  const summary = emptySummary();
  const ids = new Map<string, string>();
  const known = new Map<string, string>();
  for (const file of files) {
    writeEncoded(encodePageFile(file), opts.outDir, opts.force ?? false, ids, summary, known);
    opts.onPage?.();
  }
  writeAuthorityFiles(opts.outDir, opts.force ?? false, summary, known);
  return summary;
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
  if (threads < 1) return convertPages(files, opts);
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push(files.slice(i, i + BATCH));
  const summary = emptySummary();
  const ids = new Map<string, string>();
  const known = new Map<string, string>();
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
            for (const r of done.get(nextToWrite)!) {
              writeEncoded(r, opts.outDir, opts.force ?? false, ids, summary, known);
              opts.onPage?.();
            }
            done.delete(nextToWrite++);
          }
          if (nextToWrite === batches.length) resolve();
        });
        send(w);
      }
    });
  } finally {
    for (const w of workers) w.postMessage({ stop: true } satisfies ToConvertWorker);
  }
  writeAuthorityFiles(opts.outDir, opts.force ?? false, summary, known);
  return summary;
}
