/**
 * Archival references and the other parts of a Wilson Center citation: archives with fond,
 * opis, delo, papka and folios in any of the spellings the pages use (English abbreviations,
 * transliterated Russian words, Russian words, OCR's "II." for "ll."), the reprint publication,
 * translators, funders and the source URL.
 */
import type { ArchivalReference, ArchivalUnit } from '../model.js';
import { expected, found, type ParseResult } from './result.js';

/** Archives by every spelling seen in citations; the value is the normalised siglum. */
const ARCHIVE_NAMES: [string, string][] = [
  ['Архив Президента Российской Федерации', 'APRF'],
  ['Archive of the President of the Russian Federation', 'APRF'],
  ['AP RF', 'APRF'],
  ['APRF', 'APRF'],
  ['АП РФ', 'APRF'],
  ['АПРФ', 'APRF'],
  ['RGASPI', 'RGASPI'],
  ['РГАСПИ', 'RGASPI'],
  ['RTsKhIDNI', 'RGASPI'],
  ['AVP RF', 'AVPRF'],
  ['AVPRF', 'AVPRF'],
  ['АВП РФ', 'AVPRF'],
  ['АВПРФ', 'AVPRF'],
  ['TsAMO RF', 'TsAMO'],
  ['TsAMO', 'TsAMO'],
  ['ЦАМО РФ', 'TsAMO'],
  ['ЦАМО', 'TsAMO'],
  ['RGANI', 'RGANI'],
  ['РГАНИ', 'RGANI'],
  ['TsKhSD', 'RGANI'],
  ['GARF', 'GARF'],
  ['ГАРФ', 'GARF'],
  ['RGAE', 'RGAE'],
  ['RGVA', 'RGVA'],
  ['RGASPI', 'RGASPI'],
];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s?');
/** Longest names first, so "AP RF" is not read as a shorter name. */
const ARCHIVE_SCAN = new RegExp(
  `(?<![\\p{L}])(${[...ARCHIVE_NAMES].sort((a, b) => b[0].length - a[0].length).map(([n]) => escape(n)).join('|')})(?![\\p{L}])`,
  'gu',
);

function archiveSiglum(asWritten: string): string {
  const key = asWritten.replace(/\s+/g, ' ');
  for (const [name, siglum] of ARCHIVE_NAMES) if (name === key || name.replace(/ /g, '') === key.replace(/ /g, '')) return siglum;
  return asWritten;
}

/** Unit labels in every spelling; OCR reads "ll." as "II." or "Il.". */
const UNIT_LABELS: [RegExp, ArchivalUnit['type']][] = [
  [/^(?:f|fond|fonds|ф|фонд)$/i, 'fond'],
  [/^(?:op|opis|opis'|оп|опись)$/i, 'opis'],
  // The AVPRF numbers its files within a papka: "por." (poriadkovyi nomer), its delo.
  [/^(?:d|delo|д|дело|por|пор)$/i, 'delo'],
  [/^(?:p|papka|pap|п|папка|пап)$/i, 'papka'],
  [/^(?:l|ll|listy|listi|list|pp|s|л|лл|лист|листы|II|Il|lI)$/i, 'folio'],
];

/** A unit: label, optional "N"/"№", a value (digits, letters after digits, ranges). */
const UNIT = /^([\p{L}']+)\s*\.?\s*(?:(?:N|№)\s*)?([0-9IVXivx][0-9A-Za-zА-Яа-я/–\-.]*?)\.?$/u;

export interface UnitProblem {
  /** The part not understood, and its offset in the reference text. */
  text: string;
  offset: number;
}

export interface ParsedReference {
  reference: ArchivalReference;
  problems: UnitProblem[];
  /** Offset of the reference in the scanned text. */
  offset: number;
}

/**
 * Finds every archival reference in `text`: each archive name opens a reference that runs to
 * the next archive name or the end; its comma-separated parts are typed units.
 */
export function parseArchivalReferences(text: string): ParsedReference[] {
  const hits: { start: number; end: number; name: string }[] = [];
  ARCHIVE_SCAN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ARCHIVE_SCAN.exec(text)) !== null) hits.push({ start: m.index, end: m.index + m[0].length, name: m[1]! });
  const out: ParsedReference[] = [];
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!;
    const stop = i + 1 < hits.length ? hits[i + 1]!.start : text.length;
    const segment = text.slice(h.start, stop);
    // The reference ends where its last unit ends: drop the "and" joining it to the next one.
    const body = segment.replace(/[\s,;]*(?:and|и)?\s*$/u, '').replace(/\.\s*$/, '');
    const units: ArchivalUnit[] = [];
    const problems: UnitProblem[] = [];
    // A colon may stand between the archive and its units ("APRF: F. 39, Op. 1").
    let pos = h.end - h.start;
    const colon = /^\s*:/.exec(body.slice(pos));
    if (colon) pos += colon[0].length;
    for (const part of body.slice(pos).split(',')) {
      const partOffset = pos;
      pos += part.length + 1;
      const p = part.trim();
      if (p === '') continue;
      const unit = parseUnit(p);
      if (unit.ok) units.push(unit.value);
      else problems.push({ text: p, offset: h.start + partOffset + part.indexOf(p) + unit.offset });
    }
    if (units.length === 0 && problems.length === 0) continue;
    out.push({
      reference: { archive: archiveSiglum(h.name), archiveAsWritten: h.name, units, text: body.trim() },
      problems,
      offset: h.start,
    });
  }
  return out;
}

const UNIT_EXPECTED = ['fond (F., f., fond, Фонд)', 'opis (Op., opis, Опись)', 'delo (D., delo, por., Дело)', 'papka (P., pap., papka, Папка)', 'folios (L., ll., listy, listi, pp., Лист)'];

/** One unit like "F. 39", "op. 11", "Дело 332", "ll.0081-0083", "II. 47-48", "Лист N 47-48". */
export function parseUnit(part: string): ParseResult<ArchivalUnit> {
  // A label glued to its value ("ll.0091") gets a space, so the one pattern reads both.
  const spaced = part.replace(/^([\p{L}']+)\.(?=\S)/u, '$1. ');
  const m = UNIT.exec(spaced);
  if (!m) return expected(UNIT_EXPECTED, 0);
  const label = m[1]!;
  for (const [re, type] of UNIT_LABELS) if (re.test(label)) return found({ type, value: m[2]!.replace(/\.$/, '') });
  return expected(UNIT_EXPECTED, 0);
}

/** True when two references cite the same archive and the same units. */
export function sameReference(a: ArchivalReference, b: ArchivalReference): boolean {
  if (a.archive !== b.archive || a.units.length !== b.units.length) return false;
  return a.units.every((u, i) => u.type === b.units[i]!.type && normaliseValue(u.value) === normaliseValue(b.units[i]!.value));
}

const normaliseValue = (v: string): string => v.replace(/[–]/g, '-').replace(/^0+(?=\d)/, '');

export interface CitationParts {
  /** The part naming the archives (before the reprint, translators and URL). */
  archivalText: string;
  archivalOffset: number;
  reprint?: string;
  reprintTitle?: string;
  translators: string[];
  url?: string;
  /** The citation without its URL, as published (emphasis marks removed). */
  text: string;
}

const URL_SCAN = /<?(https?:\/\/[^\s<>]+)>?/;

/** Splits a citation (or the footer's "Source") into its parts. */
export function parseCitation(raw: string): CitationParts {
  let text = raw;
  let url: string | undefined;
  const u = URL_SCAN.exec(text);
  if (u) {
    url = u[1]!.replace(/[.,;)]+$/, '');
    text = (text.slice(0, u.index) + text.slice(u.index + u[0].length)).replace(/\s+/g, ' ').trim();
  }
  const reprintAt = text.search(/\bReprinted (?:in|from)\b/);
  const translatedAt = text.search(/\bTranslated\b/);
  let archivalEnd = text.length;
  if (reprintAt >= 0) archivalEnd = Math.min(archivalEnd, reprintAt);
  if (translatedAt >= 0) archivalEnd = Math.min(archivalEnd, translatedAt);
  // The quoted title and the date precede the archives: start after "Wilson Center Digital Archive,".
  const wcda = text.indexOf('Digital Archive');
  let archivalStart = 0;
  if (wcda >= 0 && wcda < archivalEnd) archivalStart = wcda + 'Digital Archive'.length;
  const parts: CitationParts = {
    archivalText: text.slice(archivalStart, archivalEnd),
    archivalOffset: archivalStart,
    translators: [],
    text: text.replace(/\*/g, ''),
  };
  if (url) parts.url = url;
  if (reprintAt >= 0) {
    const end = translatedAt > reprintAt ? translatedAt : text.length;
    const reprint = text.slice(reprintAt, end).replace(/^Reprinted (?:in|from)\s*/, '').trim().replace(/\.$/, '');
    parts.reprint = reprint.replace(/\*/g, '');
    const t = /\*([^*]+)\*/.exec(reprint);
    if (t) parts.reprintTitle = t[1]!.trim();
  }
  if (translatedAt >= 0) parts.translators = parseTranslators(text.slice(translatedAt));
  return parts;
}

/** "Translated by Kathryn Weathersby and Alexandre Mansourov." → the two names. */
export function parseTranslators(sentence: string): string[] {
  const m = /^Translated(?: (?:for|from) [^,]*?)? by\s+/.exec(sentence);
  if (!m) return [];
  let rest = sentence.slice(m[0].length);
  // The sentence ends at a full stop that does not close an initial ("Sergey S. Radchenko").
  let end = rest.length;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] !== '.') continue;
    const before = rest.slice(Math.max(0, i - 2), i);
    if (/(^|\s)\p{Lu}$/u.test(before)) continue;
    end = i;
    break;
  }
  rest = rest.slice(0, end);
  return trimmedParts(rest.split(/,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/));
}

/** The parts trimmed, empty ones left out (by a loop: see packed.ts for why not map and filter). */
function trimmedParts(parts: readonly string[]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    const t = part.trim();
    if (t.length > 0) out.push(t);
  }
  return out;
}

/** "This document was made possible with support from Leon Levy Foundation" → the funders. */
export function parseFunders(credits: string): string[] {
  const m = /(?:support|funding|generous support|grant) (?:from|of|by)\s+(?:the\s+)?(.+?)\.?$/i.exec(credits.trim());
  if (!m) return [];
  return trimmedParts(m[1]!.split(/,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?/));
}

/** The Wilson Center record id in a document URL: ".../document/112223" → "112223". */
export function recordIdOfUrl(url: string): string | undefined {
  const m = /\/document\/(?:[^/\s]*?-)?(\d+)(?:[/?#]|$)/.exec(url) ?? /(\d+)\/?(?:[?#].*)?$/.exec(url);
  return m ? m[1] : undefined;
}
