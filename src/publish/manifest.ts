/**
 * The publish manifest: what the site in an output folder was built from, so that the next
 * publish redoes only what changed. Kept in `<out>/.shifr-publish/`, in three parts read only
 * when needed, so that an edit of one telegram's text in a 10,000-telegram edition reads and
 * writes little:
 *   - `manifest.json`: per TEI file its size, mtime and hashes (of the bytes, the record, the
 *     search text) — read on every publish;
 *   - `edition.json`: per telegram its record and its rendered index row and list line — read
 *     only when the edition pages are rebuilt (a record changed or a telegram came or went);
 *   - `text/<id>.json`: per telegram its record and search text — read for the search shards
 *     being rebuilt (a shard's index is rebuilt from those without re-reading any TEI).
 *
 * A telegram is unchanged when its size and mtime match (like make); when they do not, its bytes
 * are hashed, so a `touch` without an edit costs a read but no transform.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../fsutil.js';
import type { TelegramRecord } from './render.js';

/** Bump when the manifest's shape or the site's layout changes: forces a full build. */
export const MANIFEST_FORMAT = 3;

export interface TelegramEntry {
  size: number;
  mtimeMs: number;
  /** sha256 of the TEI bytes. */
  hash: string;
  /** sha256 of the record (see `recordHash`): a change rebuilds the edition pages. */
  recordHash: string;
  /** sha256 of the search text, to tell whether the telegram's search shard must be redone. */
  textHash: string;
}

export interface Manifest {
  format: number;
  /** Hash of the stylesheet sources and assets: a change redoes every page. */
  stylesheets: string;
  /** Sizes and mtimes of the stylesheet files, to skip re-hashing them when none changed. */
  stylesheetFiles?: string;
  /** Hash of persons.xml, places.xml, archives.xml: names and links on every page depend on them. */
  authority: string;
  guidelines: boolean;
  /** Number of search shards the index is split into. */
  shards: number;
  /** Keyed by TEI file name. */
  telegrams: Record<string, TelegramEntry>;
}

export function cacheDir(outDir: string): string {
  return join(outDir, '.shifr-publish');
}

function manifestPath(outDir: string): string {
  return join(cacheDir(outDir), 'manifest.json');
}

/** A manifest of nothing: everything is built. */
export function emptyManifest(): Manifest {
  return { format: MANIFEST_FORMAT, stylesheets: '', authority: '', guidelines: false, shards: 0, telegrams: {} };
}

/** The manifest of the last publish into `outDir`, or an empty one (everything is then built). */
export function readManifest(outDir: string): Manifest {
  const empty = emptyManifest();
  try {
    const m = JSON.parse(readFileSync(manifestPath(outDir), 'utf8')) as Manifest;
    return m.format === MANIFEST_FORMAT && m.telegrams ? m : empty;
  } catch {
    return empty;
  }
}

export function writeManifest(outDir: string, manifest: Manifest): void {
  writeFileAtomic(manifestPath(outDir), JSON.stringify(manifest));
}

/** The hash a record is compared by: its JSON, which has a fixed key order (_record.xsl). */
export function recordHash(record: TelegramRecord): string {
  return createHash('sha256').update(JSON.stringify(record)).digest('hex');
}

function editionPath(outDir: string): string {
  return join(cacheDir(outDir), 'edition.json');
}

export function hasEditionRecords(outDir: string): boolean {
  return existsSync(editionPath(outDir));
}

/** Every telegram's record with its index row and list line (HTML), keyed by page id. */
export function readEditionRecords(outDir: string): Record<string, TelegramRecord> {
  try {
    return JSON.parse(readFileSync(editionPath(outDir), 'utf8')) as Record<string, TelegramRecord>;
  } catch {
    return {};
  }
}

export function writeEditionRecords(outDir: string, records: Record<string, TelegramRecord>): void {
  writeFileAtomic(editionPath(outDir), JSON.stringify(records));
}

/** What a search shard is rebuilt from, per telegram. */
export interface SearchEntry {
  record: TelegramRecord;
  /** Full text per language code. */
  text: Record<string, string>;
}

function textPath(outDir: string, id: string): string {
  return join(cacheDir(outDir), 'text', `${id}.json`);
}

export function writeSearchEntry(outDir: string, id: string, entry: SearchEntry): void {
  writeFileAtomic(textPath(outDir, id), JSON.stringify(entry));
}

/** The cached search entry of a telegram, or undefined when the cache lost it. */
export function readSearchEntry(outDir: string, id: string): SearchEntry | undefined {
  try {
    return JSON.parse(readFileSync(textPath(outDir, id), 'utf8')) as SearchEntry;
  } catch {
    return undefined;
  }
}

export function removeSearchEntry(outDir: string, id: string): void {
  rmSync(textPath(outDir, id), { force: true });
}
