/**
 * The teiHeader: the page's bibliographic facts (title, translators, funders, Wilson Center
 * record, rights, citation, reprint), the archival description, the correspondence, languages,
 * document type, and a revision note naming the shifr version and the source file's sha256 —
 * never the date of the run, so that the same page always gives the same bytes.
 */
import { LANGUAGE_NAMES } from '../ingest/language.js';
import type { TelegramPage } from '../model.js';
import { encodeMsDesc } from './archival.js';
import { encodeCorrespDesc } from './correspondence.js';
import { el, type Element } from './xml.js';

export interface HeaderContext {
  docId: string;
  /** The source page as named in the revision note (its base name). */
  sourceName: string;
  sourceSha256: string;
  version: string;
  /** Languages of the body's divs, in order, with whether each is an original. */
  languages: Array<{ ident: string; original: boolean }>;
}


/** The Wilson Center document URL of a record. */
export function wcdaUrl(recordId: string): string {
  return `https://digitalarchive.wilsoncenter.org/document/${recordId}`;
}

function titleStmt(fileDesc: Element, page: TelegramPage, ctx: HeaderContext): void {
  const ts = el(fileDesc, 'titleStmt');
  el(ts, 'title', { type: 'main' }, page.title ?? `Telegram ${ctx.docId}`);
  if (page.translators.length > 0) {
    const resp = el(ts, 'respStmt');
    el(resp, 'resp', {}, 'Translated by');
    for (const t of page.translators) el(resp, 'persName', {}, t);
  }
  for (const f of page.funders) el(ts, 'funder', {}, f);
}

function publicationStmt(fileDesc: Element, page: TelegramPage): void {
  const ps = el(fileDesc, 'publicationStmt');
  el(ps, 'publisher', {}, 'shifr digital edition');
  if (page.recordId) el(ps, 'idno', { type: 'wcda' }, page.recordId);
  const availability = el(ps, 'availability');
  const [licence, ...more] = page.rights ?? [];
  if (licence === undefined) el(availability, 'p', {}, 'The source page states no rights.');
  else {
    el(availability, 'licence', {}, licence);
    for (const r of more) el(availability, 'p', {}, r);
  }
}

function sourceDesc(fileDesc: Element, page: TelegramPage): void {
  const sd = el(fileDesc, 'sourceDesc');
  const bibl = el(sd, 'bibl', { type: 'wcda' });
  if (page.title) el(bibl, 'title', {}, page.title);
  if (page.date) el(bibl, 'date', { when: page.date.when }, page.date.text);
  el(bibl, 'publisher', {}, 'Wilson Center Digital Archive');
  if (page.recordId) {
    el(bibl, 'idno', { type: 'wcda' }, page.recordId);
    el(bibl, 'ptr', { target: wcdaUrl(page.recordId) });
  }
  // The address as the page gives it (often a mirror's) follows the canonical one when it differs.
  if (page.sourceUrl && (!page.recordId || page.sourceUrl !== wcdaUrl(page.recordId))) el(bibl, 'ptr', { target: page.sourceUrl });
  if (page.uploaded) el(bibl, 'date', { type: 'uploaded', when: /^\d{4}-\d{2}-\d{2}$/.test(page.uploaded) ? page.uploaded : undefined }, page.uploaded);
  if (page.credits) el(bibl, 'note', { type: 'credits' }, page.credits);
  for (const n of page.footerNotes ?? []) el(bibl, 'note', {}, n);
  if (page.citation) el(sd, 'bibl', { type: 'citation' }, page.citation);
  // The footer's "Source", when the page has a labelled citation too, is a second form of the citation.
  if (page.footerSource && page.footerSource !== page.citation) el(sd, 'bibl', { type: 'citation' }, page.footerSource);
  if (page.reprint) reprint(el(sd, 'bibl', { type: 'reprint' }), page.reprint, page.reprintTitle);
  encodeMsDesc(sd, page);
}

/** The reprint as written, its title (italic on the page) tagged. */
function reprint(bibl: Element, text: string, title: string | undefined): void {
  const at = title ? text.indexOf(title) : -1;
  if (at < 0) {
    bibl.txt(text);
    return;
  }
  if (at > 0) bibl.txt(text.slice(0, at));
  el(bibl, 'title', {}, title);
  if (at + title!.length < text.length) bibl.txt(text.slice(at + title!.length));
}

function encodingDesc(header: Element, ctx: HeaderContext): void {
  const ed = el(header, 'encodingDesc');
  const app = el(el(ed, 'appInfo'), 'application', { 'xml:id': 'shifr', ident: 'shifr', version: ctx.version });
  el(app, 'label', {}, 'shifr');
  el(el(ed, 'projectDesc'), 'p', {}, 'Converted by shifr from a page of the Wilson Center Digital Archive; the scrape\'s markup removed, every word of the source kept.');
  const tax = el(el(ed, 'classDecl'), 'taxonomy', { 'xml:id': 'shifr-doctype' });
  el(tax, 'desc', {}, 'Document types of the shifr edition: ciphered telegram, telegram, cable, letter, draft, memorandum, report, record, document.');
}

function profileDesc(header: Element, page: TelegramPage, ctx: HeaderContext): void {
  const pd = el(header, 'profileDesc');
  // Without an archival description the summary has no msContents to live in.
  if (page.summary && page.archives.length === 0) el(el(pd, 'abstract'), 'p', {}, page.summary);
  encodeCorrespDesc(pd, page.correspondence, page.date?.when);
  // The original language comes first: TEI has no attribute saying which language is the
  // original. The page's "Original Language" counts even when only the translation is given.
  const stated = page.originalLanguage ? Object.keys(LANGUAGE_NAMES).find((k) => LANGUAGE_NAMES[k] === page.originalLanguage!.trim()) : undefined;
  const ordered = [
    ...(stated ? [{ ident: stated, original: true }] : []),
    ...ctx.languages.filter((l) => l.original),
    ...ctx.languages.filter((l) => !l.original),
  ];
  if (ordered.length > 0) {
    const lu = el(pd, 'langUsage');
    const seen = new Set<string>();
    for (const l of ordered) {
      if (seen.has(l.ident)) continue;
      seen.add(l.ident);
      el(lu, 'language', { ident: l.ident }, l.ident === stated ? page.originalLanguage!.trim() : (LANGUAGE_NAMES[l.ident] ?? l.ident));
    }
  }
  const tc = el(pd, 'textClass');
  if (page.archiveType) el(tc, 'classCode', { scheme: 'https://www.wilsoncenter.org/digital-archive#type' }, page.archiveType);
  el(el(tc, 'keywords', { scheme: '#shifr-doctype' }), 'term', {}, page.documentType);
}

/** Writes the teiHeader of the page into the TEI root, and returns it. */
export function encodeHeader(root: Element, page: TelegramPage, ctx: HeaderContext): Element {
  const header = el(root, 'teiHeader');
  const fileDesc = el(header, 'fileDesc');
  titleStmt(fileDesc, page, ctx);
  publicationStmt(fileDesc, page);
  sourceDesc(fileDesc, page);
  encodingDesc(header, ctx);
  profileDesc(header, page, ctx);
  const change = el(el(header, 'revisionDesc'), 'change', { who: '#shifr' });
  change.txt(`Converted from ${ctx.sourceName} (sha256 ${ctx.sourceSha256}) by shifr ${ctx.version}.`);
  return header;
}
