/**
 * The publish manifest: what the site in an output folder was built from, so that the next
 * publish redoes only what changed. Kept in `<out>/.shifr-publish/` with one search-text file per
 * telegram (the search index of a shard is rebuilt from those without re-reading any TEI).
 *
 * A telegram is unchanged when its size and mtime match (like make); when they do not, its bytes
 * are hashed, so a `touch` without an edit costs a read but no transform.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../fsutil.js';
import type { TelegramRecord } from './render.js';

/** Bump when the manifest's shape or the site's layout changes: forces a full build. */
export const MANIFEST_FORMAT = 2;

export interface TelegramEntry {
  size: number;
  mtimeMs: number;
  /** sha256 of the TEI bytes. */
  hash: string;
  /** The record without its search text and its listing HTML (kept apart, see `Listing`). */
  record: TelegramRecord;
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

/**
 * A telegram's row in the index and line in the person and place lists, as rendered HTML. Kept
 * in a file of their own, read only when the edition pages are rebuilt: most of an edition's
 * bookkeeping by size, and not needed after an edit that leaves every record as it was.
 */
export interface Listing {
  row: string;
  line: string;
}

function listingsPath(outDir: string): string {
  return join(cacheDir(outDir), 'listings.json');
}

export function hasListings(outDir: string): boolean {
  return existsSync(listingsPath(outDir));
}

export function readListings(outDir: string): Record<string, Listing> {
  try {
    return JSON.parse(readFileSync(listingsPath(outDir), 'utf8')) as Record<string, Listing>;
  } catch {
    return {};
  }
}

export function writeListings(outDir: string, listings: Record<string, Listing>): void {
  writeFileAtomic(listingsPath(outDir), JSON.stringify(listings));
}

function textPath(outDir: string, id: string): string {
  return join(cacheDir(outDir), 'text', `${id}.json`);
}

export function writeSearchText(outDir: string, id: string, text: Record<string, string>): void {
  writeFileAtomic(textPath(outDir, id), JSON.stringify(text));
}

export function readSearchText(outDir: string, id: string): Record<string, string> {
  const path = textPath(outDir, id);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {};
}

export function removeSearchText(outDir: string, id: string): void {
  rmSync(textPath(outDir, id), { force: true });
}
