/**
 * ingest: a scraped Wilson Center Digital Archive page (text) → the typed `TelegramPage`.
 *
 * The page is split into lines (page.ts), then into header, body and footer (sections.ts); the
 * header and footer give the metadata (citation.ts, dates.ts, title.ts), the body the text
 * versions and their blocks (structure.ts), from which the telegram numbers are read
 * (numbers.ts). Problems become diagnostics with file, line and column; bad input never throws.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { sha256Hasher } from '../hash.js';
import type { ArchivalReference, Block, CorrespAction, DocumentType, PlaceMention, TelegramNumber, TelegramPage, TextVersion } from '../model.js';
import { parseArchivalReferences, parseCitation, parseFunders, recordIdOfUrl, sameReference } from './citation.js';
import { findDates, isoOf } from './dates.js';
import { inlineText } from './inline.js';
import { checkText, decodePage } from './input.js';
import { languageCode, languageName, translatedFrom } from './language.js';
import { numbersOfVersions, titleNumber } from './numbers.js';
import { packedMap } from '../packed.js';
import { plainText, splitLines, type PageLine } from './page.js';
import { splitSections, type Field, type PageSections } from './sections.js';
import { looksLikeNote, readFootnotes } from './footnotes.js';
import { buildVersions, newBlock } from './structure.js';
import { resolveName } from '../authority/match.js';
import { correspondenceOfTitle, documentTypeOfHeading, documentTypeOfTitle, HONORIFIC, numberOfTitle } from './title.js';

export { MAX_PAGE_BYTES, decodePage } from './input.js';
export { wordsOf } from './words.js';

/** The model (absent when the page holds no telegram or cannot be read) and every diagnostic. */
export interface IngestResult {
  page?: TelegramPage;
  diagnostics: Diagnostic[];
}

/**
 * Reads one scraped page. `input` is the page's text, or its bytes (then size, binary content and
 * UTF-8 validity are checked before anything else). Returns the model when the page holds a
 * telegram, and every diagnostic; a page with no telegram gives an error and no model.
 */
export function ingestPage(input: string | Uint8Array, file: string): IngestResult {
  let text: string;
  if (typeof input === 'string') {
    const bad = checkText(input, file);
    if (bad) return { diagnostics: [bad] };
    text = input;
  } else {
    const decoded = decodePage(input, file);
    if (!decoded.ok) return { diagnostics: [decoded.diagnostic] };
    text = decoded.text;
    const bad = checkText(text, file);
    if (bad) return { diagnostics: [bad] };
  }
  try {
    return ingestText(text, file);
  } catch (e) {
    // A defect of ingest must not stop a batch: it is reported like any other problem.
    return { diagnostics: [diagnostic('SHF-INGEST-001', `ingest failed on this page: ${(e as Error).message}`, { file })] };
  }
}

const HTML = /^\s*(?:<!doctype html|<html|<\?xml|<head|<body)/i;

function ingestText(text: string, file: string): IngestResult {
  const diagnostics: Diagnostic[] = [];
  if (HTML.test(text.replace(/^\ufeff/, ''))) {
    return { diagnostics: [diagnostic('SHF-INGEST-001', 'no telegram found: the file is an HTML/XML document, not a scraped text page', { file, line: 1, column: 1 }, { expected: ['a text page with a date line, a title and the telegram'] })] };
  }
  const lines = splitLines(text);
  const s = splitSections(lines);
  const { versions, dropped } = buildVersions(s.body);

  const notTelegram = whyNotATelegram(s, versions);
  if (notTelegram) {
    return { diagnostics: [diagnostic('SHF-INGEST-001', `no telegram found: ${notTelegram}`, { file, line: 1, column: 1 }, { expected: ['a date line and title, a citation, or the text of a telegram'] })] };
  }

  const page: TelegramPage = {
    file,
    documentType: 'document',
    numbers: [],
    correspondence: [],
    archives: [],
    translators: [],
    funders: [],
    versions: [],
    dropped: packedMap([...s.dropped, ...dropped].sort((a, b) => a.no - b.no || a.column - b.column), (l) => l.raw),
  };

  if (s.preface.length > 0) {
    page.dropped.push(...packedMap(s.preface, (l) => l.raw));
    const first = s.preface[0]!;
    diagnostics.push(diagnostic('SHF-INGEST-012', `${s.preface.length} line(s) before the date line set aside (another document's summary?): "${clip(first.clean)}"`, { file, line: first.no, column: first.column }));
  }

  // Header and footer fields.
  summaryInCitation(s.fields);
  if (s.footer) rightsUnderOtherLabel(s.footer);
  if (s.footer && s.footer.unlabeled.length > 0) placeUnlabeledFooter(s.footer, page);
  const field = (f: Field | undefined): string | undefined => (f && f.lines.length > 0 ? packedMap(f.lines, (l) => plainText(l.clean)).join(' ').trim() : undefined);
  const footer = s.footer?.fields;
  const citationField = s.fields.get('Citation');
  const sourceField = footer?.get('Source');
  const summary = field(s.fields.get('Summary')) ?? field(footer?.get('Summary'));
  if (summary) page.summary = summary;
  const originalLanguage = field(s.fields.get('Original Language')) ?? field(footer?.get('Original Language'));
  // The footer's "Language" names the document's language again; it stands in for a missing
  // "Original Language", and a copy of it is the site's repetition, set aside like the labels.
  const language = footer?.get('Language');
  const stated = field(language);
  if (originalLanguage ?? stated) page.originalLanguage = (originalLanguage ?? stated)!;
  // "Translation from Chinese" over the text: the translator's note names the original's language.
  const fromNote = originalLanguage ?? stated ? undefined : languageOfTranslatorsNote(versions);
  if (fromNote) page.originalLanguage = fromNote;
  if (originalLanguage && stated) page.dropped.push(...packedMap(language!.lines, (l) => l.raw));
  const credits = field(s.fields.get('Credits')) ?? field(footer?.get('Credits'));
  if (credits) {
    page.credits = credits;
    page.funders = parseFunders(credits);
  }
  const rights = footer?.get('Rights');
  if (rights && rights.lines.length > 0) page.rights = packedMap(rights.lines, (l) => plainText(l.clean));
  const uploaded = field(footer?.get('Original Uploaded Date'));
  if (uploaded) page.uploaded = uploaded;
  // The current site's "Original Archive" names the holding archive, which the Source cites in
  // full; its text (none seen yet: the scrapes keep the label alone) is kept as a note of the page.
  const originalArchive = field(footer?.get('Original Archive'));
  if (originalArchive) keepAsNote(page, `Original Archive: ${originalArchive}`);
  const archiveType = field(footer?.get('Type'));
  if (archiveType) page.archiveType = archiveType;
  // A record ID is a number: other text under the label (the current site's funder caption, left
  // there when the ID was empty) is kept as a note of the page.
  const recordField = footer?.get('Record ID');
  const recordText = field(recordField);
  const recordId = recordText !== undefined && RECORD_ID.test(recordText) ? recordText : undefined;
  if (recordText !== undefined && recordId === undefined) keepAsNote(page, recordText);

  // Citation: the labelled one, else the footer's Source; both may name archives.
  for (const [f, primary] of [[citationField, true], [sourceField, !citationField]] as const) {
    if (!f || f.lines.length === 0) continue;
    const raw = packedMap(f.lines, (l) => l.clean).join(' ');
    const parts = parseCitation(raw);
    if (primary) page.citation = parts.text;
    else page.footerSource = parts.text;
    if (parts.url && !page.sourceUrl) page.sourceUrl = parts.url;
    if (parts.reprint && !page.reprint) {
      page.reprint = parts.reprint;
      if (parts.reprintTitle) page.reprintTitle = parts.reprintTitle;
    }
    for (const t of parts.translators) if (!page.translators.includes(t)) page.translators.push(t);
    addReferences(page.archives, parts.archivalText, f.lines, diagnostics, file);
  }
  // A URL may also stand alone in the header or footer.
  if (!page.sourceUrl) {
    for (const l of [...s.fields.values()].flatMap((f) => f.lines)) {
      const m = /https?:\/\/[^\s<>]+/.exec(l.clean);
      if (m) {
        page.sourceUrl = m[0].replace(/[.,;)]+$/, '');
        break;
      }
    }
  }
  if (recordId) page.recordId = recordId;
  else if (page.sourceUrl) {
    const id = recordIdOfUrl(page.sourceUrl);
    if (id) page.recordId = id;
  }
  if (!page.recordId) {
    page.textDigest = textDigest(s.title?.lines ?? [], s.body);
    // The file is then named from a hash of its text, not "wcda-<id>": the editor should know why.
    const at = recordField?.at ?? s.footer?.line;
    const where = at ? { line: at.no, column: at.column } : { line: 1, column: 1 };
    const why = recordField ? 'its footer\'s "Record ID" gives no number' : s.footer ? 'its footer has no "Record ID" (cut off?)' : 'it has no footer and its citation no document URL';
    diagnostics.push(diagnostic('SHF-INGEST-014', `the page gives no Wilson Center record ID: ${why}; the TEI file is named from a hash of its text`, { file, ...where }, { expected: ['"Record ID" in the footer, or a …/document/<id> URL'] }));
  }
  if (page.archives.length === 0) {
    // Said either way: without an archive the TEI file has no msDesc, so no shelfmark and no structured telegram numbers.
    const f = citationField ?? sourceField;
    const expected = { expected: ['an archive (APRF, RGASPI, AVPRF …) with fond, opis, delo, folios'] };
    if (f && f.lines.length === 0) diagnostics.push(diagnostic('SHF-INGEST-013', `the page's "${f.label}" is empty (the scrape kept the label without its text), so no archival reference`, { file, line: f.at.no, column: f.at.column }, expected));
    else if (f) diagnostics.push(diagnostic('SHF-INGEST-013', 'no archival reference found in the citation', { file, line: f.lines[0]!.no, column: f.lines[0]!.column }, expected));
    else diagnostics.push(diagnostic('SHF-INGEST-013', 'the page has no citation, so no archival reference', { file, line: 1, column: 1 }, expected));
  }

  // Title and date.
  let title = s.title?.text;
  if (!title && page.citation) {
    const m = /^["“]([^"”]+)["”]/.exec(page.citation);
    if (m) title = m[1]!.replace(/,$/, '');
  }
  if (title) page.title = title;
  else diagnostics.push(diagnostic('SHF-INGEST-011', 'the page has no title line and the citation names none', { file, line: 1, column: 1 }, { expected: ['a title line after the date line'] }));

  if (s.badDateLine) {
    const l = s.badDateLine;
    diagnostics.push(diagnostic('SHF-INGEST-006', `date line "${clip(l.clean)}" not understood`, { file, line: l.no, column: l.column }, { expected: ['a date like "January 6, 1949", "October 1950" or "1950"'] }));
  }
  if (s.dateLine) page.date = { when: s.dateLine.when, text: s.dateLine.text };
  else if (page.citation) {
    const d = findDates(page.citation).find((x) => x.year !== undefined && x.day !== undefined);
    if (d) page.date = { when: isoOf(d)!, text: d.text };
  }

  // The trailing summary of a page that has no "Summary" label: an English paragraph after the apparatus.
  if (!page.summary) takeTrailingSummary(versions, page, s.footer !== undefined);
  for (const v of versions) v.blocks = readFootnotes(v.blocks);

  // Roles and languages of the versions.
  const origCode = originalLanguage ?? fromNote ? languageCode((originalLanguage ?? fromNote)!) : undefined;
  // The versions in the page's original language are originals; without one, English is the translation.
  const hasOrigLang = origCode !== undefined && versions.some((v) => v.lang === origCode);
  for (const v of versions) {
    if (hasOrigLang) v.role = v.lang === origCode ? 'original' : 'translation';
    else v.role = v.lang === 'en' ? 'translation' : 'original';
  }
  page.versions = versions;

  if (!page.date && !s.badDateLine) {
    const d = dateOfText(versions);
    if (d) page.date = { when: d.when, text: d.text };
    diagnostics.push(diagnostic('SHF-INGEST-006', d ? `the page has no date line; the date ${d.text} was taken from the telegram` : 'the date of the telegram was not found', { file, line: 1, column: 1 }, { expected: ['a date line like "January 6, 1949"'] }));
  } else if (page.date && s.dateLine && /^\d{4}-\d{2}-\d{2}$/.test(page.date.when)) {
    // The archive's date and the telegram's own may differ (a telegram dated the day after, the archive dating a
    // draft): the page's stays the sent date, and the editor is told where the text says otherwise.
    const own = dateOfText(versions);
    if (own && own.when !== page.date.when) {
      diagnostics.push(
        diagnostic('SHF-INGEST-015', `the page dates the telegram ${page.date.when} ("${page.date.text}"), but its text is dated ${own.when} ("${own.text}"); the sent date is the page's`, { file, line: own.line, column: own.column }, { expected: [`the date ${page.date.when}, or a correction of the page's date`] }),
      );
    }
  }

  // Numbers, type, correspondents.
  const textNumbers = numbersOfVersions(versions, origCode);
  const numbers: TelegramNumber[] = [];
  const tn = title ? numberOfTitle(title) : undefined;
  if (tn) numbers.push(titleNumber(tn, textNumbers));
  numbers.push(...textNumbers);
  page.numbers = numbers;
  page.documentType = documentTypeOf(title, versions);
  page.correspondence = correspondenceOf(title, page, versions);

  // What is missing.
  const hasOriginal = versions.some((v) => v.role === 'original');
  const hasTranslation = versions.some((v) => v.role === 'translation');
  const bodyLine = s.body.find((l) => !l.blank) ?? s.title?.lines[0];
  const place = { file, line: bodyLine?.no ?? 0, column: bodyLine?.column ?? 0 };
  // A page with no text at all says so once, when it is encoded (SHF-ENCODE-001), not per language.
  const someText = versions.length > 0;
  if (someText && !hasTranslation && origCode !== 'en') diagnostics.push(diagnostic('SHF-INGEST-002', 'the page has no English translation of the telegram', place, { expected: ['a block of English text after the original'] }));
  if (someText && !hasOriginal) {
    const lang = origCode ? languageName(origCode) : undefined;
    diagnostics.push(diagnostic('SHF-INGEST-003', `the page has no text in ${lang ?? 'the original language'}; only the translation`, place, { expected: [`the ${lang ?? 'original-language'} text of the telegram`] }));
  }
  const cut = cutOff(s, versions);
  if (cut) {
    diagnostics.push(diagnostic('SHF-INGEST-004', `the page seems cut off: ${cut.why}`, { file, line: cut.line, column: cut.column }, { expected: ['the end of the telegram and the "Document Information" footer'] }));
    // The version the page breaks off in is incomplete: say so in the text itself, where a reader
    // of the edition sees it, not only in a diagnostic of the conversion.
    if (cut.truncates) {
      const blocks = cut.truncates.blocks;
      const last = blocks[blocks.length - 1]!;
      // Broken off in a note, the note is what is cut: the gap ends it, in the notes after the text.
      if (last.kind === 'footnote') last.content.push({ kind: 'gap', reason: 'truncated' });
      else blocks.push(newBlock('gap', [], '', { line: cut.line, column: cut.column, endLine: cut.line }, undefined, undefined, undefined, 'truncated'));
    }
  }

  return { page, diagnostics };
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/** Blocks that only a telegram (or a letter) has. */
const TELEGRAM_PARTS = new Set(['doctype', 'salute', 'signature', 'dateline', 'letterhead']);

/** Why this is not a telegram page, or undefined when it is one. */
function whyNotATelegram(s: PageSections, versions: TextVersion[]): string | undefined {
  let blockCount = 0;
  let telegramish = false;
  for (const v of versions) {
    blockCount += v.blocks.length;
    for (const b of v.blocks) if (TELEGRAM_PARTS.has(b.kind)) telegramish = true;
  }
  const foreign = versions.some((v) => v.lang !== 'en');
  const header = s.dateLine !== undefined && s.title !== undefined;
  const labelled = s.fields.has('Citation') || s.contents.length > 0 || s.footer !== undefined;
  if (header && !labelled && !foreign) {
    // A list of documents (search results): several date lines each followed by a title.
    const dates = s.body.filter((l) => /^[A-Z][a-z]+ \d{1,2}, \d{4}$/.test(l.clean.replace(/\*/g, ''))).length;
    if (dates >= 2) return 'the page lists several documents (search results?), not one telegram';
  }
  if (header || labelled) return undefined;
  if (foreign && telegramish) return undefined;
  if (blockCount === 0) return 'the page has no date line, no title, no citation and no text';
  return 'the page has no date line, title or citation, and its text does not look like a telegram';
}

/**
 * The 2013–2019 site put the summary in the citation box, above the citation ("Kovalev reports …",
 * then "\"Ciphered Telegram No. 53517 …,\" April 13, 1949, …"): the lines before the one that opens
 * with the quoted title are the summary, when the page has no other.
 */
function summaryInCitation(fields: Map<string, Field>): void {
  const citation = fields.get('Citation');
  if (!citation || fields.has('Summary')) return;
  const at = citation.lines.findIndex((l) => /^["“]/.test(l.clean));
  if (at <= 0) return;
  fields.set('Summary', { label: 'Summary', lines: citation.lines.slice(0, at), at: citation.at });
  citation.lines = citation.lines.slice(at);
}

/** Footer text that is none of the page's fields: kept, as a note of the page (no word of the page is lost). */
function keepAsNote(page: TelegramPage, text: string): void {
  (page.footerNotes ??= []).push(text);
}

/** The footer's record ID: the number of the document on the site. */
const RECORD_ID = /^\d+$/;

/** The site's rights statement: reuse, copyright, permission. */
const RIGHTS_TEXT = /\b(?:copyright|rights? (?:holders?|status)|reuse|permission)\b/i;
/** A paragraph that is only an address: the page's own, which the citation gives. */
const URL_ONLY = /^<?https?:\/\/\S+>?$/;

/**
 * A footer whose labels the scrape lost ("Document Information", then the citation and the rights
 * text without "Source" and "Rights"): a paragraph that cites an archive, or is the page's address,
 * becomes the Source, one about reuse and copyright the Rights, as the labels would have made
 * them; any other paragraph is kept as a note of the page. None is dropped.
 */
function placeUnlabeledFooter(footer: NonNullable<PageSections['footer']>, page: TelegramPage): void {
  const found = new Map<string, PageLine[]>();
  for (const paragraph of footer.unlabeled) {
    const text = packedMap(paragraph, (l) => l.clean).join(' ');
    const cites = URL_ONLY.test(text) || (!footer.fields.has('Source') && parseArchivalReferences(text).length > 0);
    const label = cites ? 'Source' : RIGHTS_TEXT.test(text) ? 'Rights' : undefined;
    if (label) found.set(label, [...(found.get(label) ?? []), ...paragraph]);
    else keepAsNote(page, plainText(text));
  }
  // The unlabelled paragraphs come before every label: first in the field.
  for (const [label, lines] of found) footer.fields.set(label, { label, lines: [...lines, ...(footer.fields.get(label)?.lines ?? [])], at: footer.fields.get(label)?.at ?? lines[0]! });
}

/**
 * A scrape that kept the current site's "Original Archive" label but lost its text and the
 * "Rights" label puts the rights statement under "Original Archive": that text goes back among the
 * footer's unlabelled paragraphs, which `placeUnlabeledFooter` places by what they say.
 */
function rightsUnderOtherLabel(footer: NonNullable<PageSections['footer']>): void {
  const f = footer.fields.get('Original Archive');
  if (!f || f.lines.length === 0 || footer.fields.has('Rights') || !RIGHTS_TEXT.test(packedMap(f.lines, (l) => l.clean).join(' '))) return;
  footer.unlabeled.push(f.lines);
  f.lines = [];
}

function addReferences(into: ArchivalReference[], text: string, lines: PageLine[], diagnostics: Diagnostic[], file: string): void {
  for (const r of parseArchivalReferences(text)) {
    for (const p of r.problems) {
      // The citation was joined from its lines: find the part in them for its place.
      let place = { line: lines[0]!.no, column: lines[0]!.column };
      for (const l of lines) {
        const at = l.raw.indexOf(p.text);
        if (at >= 0) {
          place = { line: l.no, column: l.column + at };
          break;
        }
      }
      diagnostics.push(
        diagnostic('SHF-INGEST-005', `part "${p.text}" of the archival reference ${r.reference.archiveAsWritten} not understood`, { file, ...place }, { expected: ['fond', 'opis', 'delo', 'papka', 'folios (l./ll./listy)'] }),
      );
    }
    if (!into.some((x) => sameReference(x, r.reference))) into.push(r.reference);
  }
}

/** A date for a page without a date line: the first full date in an opener or closer of the original. */
/** A dateline that dates the telegram's arrival, not its sending. */
const RECEIVED_LINE = /\b(?:Received|Arrived)\b|Получена|Принята/i;

/**
 * The telegram's own date, from its dateline or closing date (the original's first), not a quoted telegram's nor a
 * date of arrival; with the line it stands on.
 */
function dateOfText(versions: TextVersion[]): { when: string; text: string; line: number; column: number } | undefined {
  const ordered = [...versions].sort((a, b) => (a.role === b.role ? 0 : a.role === 'original' ? -1 : 1));
  for (const v of ordered) {
    for (const b of v.blocks) {
      if (b.quotedGroup !== undefined || (b.kind !== 'dateline' && b.kind !== 'closingDate')) continue;
      const t = inlineText(b.content);
      if (b.kind === 'dateline' && RECEIVED_LINE.test(t)) continue;
      const d = findDates(t).find((x) => x.year !== undefined && x.day !== undefined);
      if (d) return { when: isoOf(d)!, text: d.text, line: b.span.line, column: b.span.column };
    }
  }
  return undefined;
}

/** The language a translator's note over the text names ("Translation from Chinese"; structure.ts made it a service note). */
function languageOfTranslatorsNote(versions: readonly TextVersion[]): string | undefined {
  for (const v of versions) {
    for (const b of v.blocks) {
      if (b.kind !== 'serviceNote') continue;
      const lang = translatedFrom(inlineText(b.content));
      if (lang) return lang;
    }
  }
  return undefined;
}

/** How the archive's summaries open when they name the document: "Telegram from Stalin to Mao …", "Cable to …". */
const SUMMARY_OPENING = /^(?:(?:Ciphered\s+)?(?:Telegram|Cable|Letter|Report|Note|Memorandum|Message))\s+(?:from|to)\s+\p{Lu}/u;

/** Blocks that end a telegram: after them, an English paragraph is the site's summary, not the text. */
const TELEGRAM_END = new Set(['serviceNote', 'distribution', 'signature', 'closingDate']);

function takeTrailingSummary(versions: TextVersion[], page: TelegramPage, footer: boolean): void {
  const v = versions[versions.length - 1];
  const last = v?.blocks[v.blocks.length - 1];
  if (!v || v.lang !== 'en' || !last || last.kind !== 'paragraph' || last.span.line !== last.span.endLine) return;
  // The archive's summary is a sentence or three (the page may break off in it): a paragraph running to pages is the
  // telegram's own, cut off.
  if (last.source.length > SUMMARY_MAX) return;
  // The current site shows the summary of a record that has no text: one paragraph before the footer.
  if (footer && versions.length === 1 && v.blocks.length === 1) {
    page.summary = inlineText(last.content);
    versions.pop();
    return;
  }
  // The end of the telegram before it: in the same version, or in the English version before
  // when the paragraph stands alone (after "[...]", the structure starts a new document).
  let ended = v;
  let k = v.blocks.length - 2;
  if (k < 0) {
    const before = versions[versions.length - 2];
    if (!before || before.lang !== 'en') return;
    ended = before;
    k = ended.blocks.length - 1;
  }
  // "[...]" after the end of the telegram (the rest of the file left out) may stand between them.
  while (k > 0 && ended.blocks[k]!.kind === 'gap') k--;
  // After a last instruction ("Telegraph the fulfillment."), a paragraph that describes a document from outside ("Telegram
  // from Stalin to Mao expressing …") is the summary too.
  const describes = SUMMARY_OPENING.test(inlineText(last.content));
  // The editors' numbered notes close the telegram too (footnotes.ts reads them after the summary is taken).
  if (k < 0 || (!TELEGRAM_END.has(ended.blocks[k]!.kind) && !looksLikeNote(ended.blocks[k]!) && !describes)) return;
  // What a line ending in a colon announces follows it ("The telegram text includes:" / "“The soon to be convened …").
  if (/:\s*$/.test(ended.blocks[k]!.source)) return;
  page.summary = inlineText(last.content);
  v.blocks.pop();
  if (v.blocks.length === 0) versions.pop();
}

/** The longest summary the site writes is some 600 characters. */
const SUMMARY_MAX = 1000;

/** The type the title names, else the one the text's own heading names ("ШИФРТЕЛЕГРАММА"). */
function documentTypeOf(title: string | undefined, versions: TextVersion[]): DocumentType {
  const fromTitle = title ? documentTypeOfTitle(title) : undefined;
  if (fromTitle) return fromTitle;
  for (const v of versions) for (const b of v.blocks) if (b.kind === 'doctype') {
    const t = documentTypeOfHeading(inlineText(b.content));
    if (t) return t;
  }
  return 'document';
}

function correspondenceOf(title: string | undefined, page: TelegramPage, versions: TextVersion[]): CorrespAction[] {
  const c = title ? correspondenceOfTitle(title) : { actions: [] as CorrespAction[] };
  let sent = c.actions.find((a) => a.type === 'sent');
  if (!sent && (page.date || c.place)) {
    sent = { type: 'sent', persons: [] };
    c.actions.unshift(sent);
  }
  if (sent) {
    if (page.date) sent.date = { when: page.date.when, text: page.date.text };
    if (!sent.place) {
      const p = placeOfDateline(versions);
      if (p) sent.place = p;
    }
  }
  return c.actions.filter((a) => a.persons.length > 0 || a.place || a.date);
}

/** The word after "From"/"Из"; a place unless a form of address stands there ("From Cde. Terebin" names the sender). */
const FROM_PLACE = /^(?:From|Из)\s+(([\p{L}-]+)[\s\S]*)$/u;

/** "From BEIJING Received …", "Из Пекина 3.10.1950": the place of sending, English preferred. */
function placeOfDateline(versions: TextVersion[]): PlaceMention | undefined {
  const ordered = [...versions].sort((a, b) => (a.lang === 'en' ? -1 : b.lang === 'en' ? 1 : 0));
  for (const v of ordered) {
    for (const b of v.blocks) {
      if (b.kind !== 'dateline' || b.quotedGroup !== undefined) continue;
      const m = FROM_PLACE.exec(inlineText(b.content));
      // A word and a number (not a date) is a station's call sign ("From Correspondent 20 Sent …"), no place; a word in lower case is one
      // only when the placeography knows it ("Из пекина").
      if (!m || HONORIFIC.test(m[1]!) || /^\s*\d+(?:\s+\p{L}|\s*$)/u.test(m[1]!.slice(m[2]!.length))) continue;
      if (/^\p{Lu}/u.test(m[2]!)) return { text: m[2]! };
      // (resolved here: the encoder matches only capitalised names)
      const known = resolveName(m[2]!);
      if (known?.kind === 'place') return { text: m[2]!, ref: known.ref };
    }
  }
  return undefined;
}

/** A page that ends mid-text, with no footer: where and why. */
function cutOff(s: PageSections, versions: TextVersion[]): { why: string; line: number; column: number; truncates?: TextVersion } | undefined {
  if (s.footer) return undefined;
  const v = versions[versions.length - 1];
  const last: Block | undefined = v?.blocks[v.blocks.length - 1];
  if (!v || !last) {
    const l = [...s.body, ...(s.title?.lines ?? [])].pop();
    return { why: 'the page has no telegram text and no footer', line: l?.no ?? 0, column: 0 };
  }
  // The contents promise a translation the page does not have: the page stops before it.
  const promised = s.contents.some((c) => /\bTranslation\b/.test(c));
  // (An original that ends with its archival apparatus or a gap is complete: only the translation is missing.)
  const complete = last.kind === 'gap' || last.kind === 'serviceNote' || last.kind === 'distribution';
  if (promised && !versions.some((x) => x.role === 'translation') && !complete) {
    const lines = last.source.split('\n');
    return { why: 'the contents list a translation, but the page ends before it and has no "Document Information" footer', line: last.span.endLine, column: (lines.length === 1 ? last.span.column : 1) + lines[lines.length - 1]!.length };
  }
  if (last.kind !== 'paragraph' && last.kind !== 'salute' && last.kind !== 'doctype' && last.kind !== 'footnote') return undefined;
  const t = inlineText(last.content).trimEnd();
  if (/[.!?:;"”»)\]…]$/.test(t)) return undefined;
  const endLine = last.span.endLine;
  const lastLine = last.source.split('\n').pop() ?? '';
  return {
    why: `the text ends mid-sentence ("…${clip(t.slice(-40))}") and there is no "Document Information" footer`,
    line: endLine,
    column: (endLine === last.span.line ? last.span.column : 1) + lastLine.length,
    truncates: v,
  };
}

/**
 * The hash that names the file of a page without a record ID: of its title and text lines as written, spaces collapsed.
 * Not of the blocks ingest makes of them, which a better reading of the page (a summary or a note taken out of the
 * text) would change, renaming the file and breaking every link to it.
 */
function textDigest(title: readonly PageLine[], body: readonly PageLine[]): string {
  let text = '';
  for (const lines of [title, body]) for (const l of lines) if (!l.blank) text += l.raw.replace(/\s+/g, ' ').trim() + '\n';
  return sha256Hasher().update(text).digest('hex');
}
