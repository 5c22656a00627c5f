/**
 * The archival description: msDesc/msIdentifier with the first archive's repository and typed
 * idnos (fond, opis, delo, papka, folio), an altIdentifier for every further archive, and
 * msContents with the summary and every telegram number found on the page.
 */
import { findArchive } from '../authority/archives.js';
import type { ArchivalReference, TelegramPage } from '../model.js';
import { el, type Element } from './xml.js';

function archivalIdno(parent: Element, ref: ArchivalReference): void {
  const archive = findArchive(ref.archive);
  el(parent, 'repository', { ref: archive ? `archives.xml#${archive.id}` : undefined }, ref.archive);
  if (ref.units.length === 0) {
    el(parent, 'idno', { type: 'archival' }, ref.text);
    return;
  }
  const idno = el(parent, 'idno', { type: 'archival' });
  for (const u of ref.units) el(idno, 'idno', { type: u.type }, u.value);
}

/**
 * Writes msDesc into sourceDesc; without an archive cited, only to hold the telegram numbers (the
 * msIdentifier then gives the document's name as published, msName). An msIdentifier names
 * where the telegram itself is kept: the Wilson Center's record id (in publicationStmt and the
 * source's bibl already) does not, and an msIdentifier with an idno alone is invalid against the
 * edition's schema and against TEI's own rule (msId_minimal: a repository or location first).
 */
export function encodeMsDesc(sourceDesc: Element, page: TelegramPage): void {
  const [first, ...rest] = page.archives;
  if (!first) {
    // No archive cited: the telegram's numbers still belong to its description, which then names it as published.
    if (page.numbers.length === 0) return;
    const ms = el(sourceDesc, 'msDesc');
    el(el(ms, 'msIdentifier'), 'msName', {}, page.title ?? page.documentType);
    numbersItem(el(ms, 'msContents'), page);
    return;
  }
  const ms = el(sourceDesc, 'msDesc');
  const ident = el(ms, 'msIdentifier');
  archivalIdno(ident, first);
  for (const ref of rest) archivalIdno(el(ident, 'altIdentifier'), ref);
  if (!page.summary && page.numbers.length === 0) return;
  const contents = el(ms, 'msContents');
  if (page.summary) el(contents, 'summary', {}, page.summary);
  if (page.numbers.length === 0) return;
  numbersItem(contents, page);
}

/** The telegram numbers of the page, each with its kind and where it was read. */
function numbersItem(contents: Element, page: TelegramPage): void {
  const item = el(contents, 'msItem');
  for (const n of page.numbers) el(item, 'idno', { type: 'telegram', subtype: n.kind, source: `#${n.source}` }, n.value);
}
