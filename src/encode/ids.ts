/** Stable identifiers: of the TEI file, of its text versions and of their paragraphs. */
import { createHash } from 'node:crypto';
import type { TelegramPage, TextVersion } from '../model.js';
import { utf8Bytes } from '../utf8.js';

/**
 * The file's id: `wcda-<recordId>` when the page shows a Wilson Center record ID, else
 * `shifr-<hash8>` from the page's text (`textDigest`; not from the file name), so that renaming a source
 * page does not rename its edition file. A model made without ingest has its blocks' text hashed.
 */
export function documentId(page: TelegramPage): string {
  if (page.recordId && /^\d+$/.test(page.recordId)) return `wcda-${page.recordId}`;
  if (page.textDigest) return `shifr-${page.textDigest.slice(0, 8)}`;
  const h = createHash('sha256');
  h.update(page.title ?? '');
  // The blocks' text hashed in one piece (each ends with a line end, so no character is split
  // across two of them): one call into the hash, and one UTF-8 conversion, instead of one per block.
  let text = '';
  for (const v of page.versions) for (const b of v.blocks) text += b.source + '\n';
  h.update(utf8Bytes(text));
  return `shifr-${h.digest('hex').slice(0, 8)}`;
}

/**
 * The id of each text version's div: `<doc>-<lang>`, with the subtype added when a language has
 * two versions (`wcda-112147-ru-archival`, `wcda-112147-ru-transcript`) and a counter as the last resort.
 */
export function versionIds(docId: string, versions: readonly TextVersion[]): string[] {
  const ids: string[] = [];
  for (const v of versions) {
    const sameLang = versions.filter((o) => o.lang === v.lang).length;
    let id = sameLang > 1 && v.subtype ? `${docId}-${v.lang}-${v.subtype}` : `${docId}-${v.lang}`;
    for (let n = 2; ids.includes(id); n++) id = `${docId}-${v.lang}-${n}`;
    ids.push(id);
  }
  return ids;
}

/** The id of a div's footnote numbered `n` ("1" of "[1]"), which its anchors point at. */
export function footnoteId(divId: string, n: string): string {
  return `${divId}-fn${n}`;
}

/** The id of the n-th (1-based) paragraph of a div. */
export function paragraphId(divId: string, n: number): string {
  return `${divId}-p${n}`;
}
