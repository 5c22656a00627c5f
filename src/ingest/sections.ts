/**
 * The parts of a scraped page: the header (date line, title, labelled fields: Citation, Summary,
 * Credits, Original Language, Contents), the body (the telegram's text versions) and the footer
 * ("Document Information" with Source, Rights, Original Uploaded Date, Type, Language, Record ID).
 * Labels come as markdown headings, bold lines or plain "Label:" lines.
 */
import { isMarkupOnly, makeLine, type PageLine } from './page.js';
import { parseLeadingDate } from './dates.js';
import { LANGUAGE_NAMES, scriptOf } from './language.js';

/** A labelled value: its lines as they stand (cleaned), and where it starts. */
export interface Field {
  label: string;
  lines: PageLine[];
  /** The label's own line: where a diagnostic about an empty field points. */
  at: PageLine;
}

export interface PageSections {
  /** Lines set aside before the date line (another document's teaser), not part of this page. */
  preface: PageLine[];
  dateLine?: { line: PageLine; when: string; text: string };
  /** A line shaped like the date line ("January 32, 1949") whose date is impossible. */
  badDateLine?: PageLine;
  title?: { text: string; lines: PageLine[] };
  fields: Map<string, Field>;
  /** Items of the contents list: "Original Scan", "Transcript - Russian", "Translation - English". */
  contents: string[];
  body: PageLine[];
  footer?: {
    line: PageLine;
    fields: Map<string, Field>;
    /**
     * Paragraphs before the footer's first label: the page's citation and rights text when the
     * scrape lost their labels ("Source", "Rights"). Ingest places them by what they say.
     */
    unlabeled: PageLine[][];
  };
  /** Lines that are only scrape markup or navigation ("Skip to content", "###", labels). */
  dropped: PageLine[];
}

const HEADER_LABELS = ['Citation', 'Summary', 'Credits', 'Original Language', 'Contents', 'Associated People & Organizations', 'Associated Places', 'Associated Topics', 'Subjects Discussed', 'Related Documents', 'Keywords'];
const FOOTER_LABELS = ['Source', 'Original Archive', 'Rights', 'Original Uploaded Date', 'Type', 'Language', 'Record ID', 'Original Language', 'Associated People & Organizations', 'Associated Places', 'Associated Topics', 'Subjects Discussed', 'Credits', 'Summary', 'Citation'];
const MAIN_LABELS = ['Citation', 'Summary', 'Credits', 'Original Language', 'Contents'];
const SITE_SECTIONS = new Set(['Author(s)', 'Associated People & Organizations', 'Associated Places', 'Associated Topics', 'Subjects Discussed', 'Related Documents', 'Related Collections', 'Keywords']);
/** The site's navigation and buttons; the 2013–2019 site's are bulleted ("• share document"). */
const NAVIGATION = /^(?:•\s*)?(?:Skip to (?:main )?content|Menu|Search|Search in|Home|Back to top|Print|Share|share document|get citation|Digital Archive International History Declassified)$/i;
/** Fields whose value is one line; what follows is no longer theirs. */
const ONE_LINE = new Set(['Original Language', 'Original Uploaded Date', 'Type', 'Language', 'Record ID']);
const CONTENT_ITEM = /^(?:Original Scan|Original|Transcript|Translation|Scan)(?:\s*[-–]\s*(?:[A-Z][a-z]+))?/;
/**
 * A heading the site puts over one version of the text, on a line of its own inside the body:
 * "English Translation", "### Russian Transcription", "Translation - English", "Original (Chinese)".
 * A bare "Translation" is not enough: a telegram's own line could say it.
 */
const LANGUAGES = Object.values(LANGUAGE_NAMES).join('|');
const VERSION_HEADING = new RegExp(
  `^(?:(?:${LANGUAGES})\\s+(?:Original|Transcription|Transcript|Translation|Text|HTML|PDF)|(?:Original Scan|Original|Transcription|Transcript|Translation)\\s*(?:[-–:]\\s*|\\()(?:${LANGUAGES})\\)?)\\s*:?$`,
);

/** ASCII marks and white space before a label: "#", "*", space, tab, line ends. */
const LEAD = new Set([0x23, 0x2a, 0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d]);
/** The first letters of the site's section labels. */
const SITE_INITIALS = new Set([...SITE_SECTIONS].map((l) => l.charCodeAt(0)));

/** True for a line that is one of the site's section labels ("#### Associated Places:"). */
function isSiteSection(c: string): boolean {
  if (c.length > 40) return false;
  // Most lines are not, and their first character after the marks already says so.
  let k = 0;
  while (k < c.length && LEAD.has(c.charCodeAt(k))) k++;
  if (k < c.length && c.charCodeAt(k) < 0x80 && !SITE_INITIALS.has(c.charCodeAt(k))) return false;
  return SITE_SECTIONS.has(c.replace(/[*#:\s]+$/, '').replace(/^[#*\s]+/, ''));
}

/** Label lists by their lowercase form, for one lookup per line. */
const byLowercase = new Map<readonly string[], Map<string, string>>();
function lookup(labels: readonly string[]): Map<string, string> {
  let m = byLowercase.get(labels);
  if (!m) {
    m = new Map(labels.map((l) => [l.toLowerCase(), l]));
    byLowercase.set(labels, m);
  }
  return m;
}

/** The label a line is, if it is one: "#### **Citation:**", "**Citation:**", "Citation:", "• Citation". */
function labelOf(line: PageLine, labels: readonly string[], needColon: boolean): string | undefined {
  // Labels are short; the test is made on every line, so long ones leave at once.
  if (line.blank || line.clean.length > 40) return undefined;
  // A bullet marks a label as a heading or bold does (the 2013–2019 site's "• Citation").
  const bullet = line.clean.charCodeAt(0) === 0x2022;
  const c = bullet ? line.clean.slice(1).trimStart() : line.clean;
  const colon = c.endsWith(':');
  if (needColon && !colon && !bullet && line.heading === 0 && !/^\s*\*\*.*\*\*\s*$/.test(line.raw)) return undefined;
  const t = colon ? c.slice(0, -1).trimEnd() : c;
  return lookup(labels).get(t.toLowerCase());
}

/** Splits the page into header, body and footer. */
export function splitSections(lines: PageLine[]): PageSections {
  const s: PageSections = { preface: [], fields: new Map(), contents: [], body: [], dropped: [] };

  // Footer: the last "Document Information" line and what follows.
  let end = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i]!.clean === 'Document Information') {
      end = i;
      s.footer = { line: lines[i]!, ...readFields(lines, i + 1, lines.length, FOOTER_LABELS, false, s.dropped) };
      s.dropped.push(lines[i]!);
      break;
    }
  }
  // The site's link lists ("Associated Places" …) may stand between the text and the footer:
  // navigation of the website, not part of the document.
  let after = 0;
  for (let i = 0; i < end; i++) if (labelOf(lines[i]!, MAIN_LABELS, true)) after = i + 1;
  for (let i = after; i < end; i++) {
    if (!isSiteSection(lines[i]!.clean)) continue;
    for (let k = i; k < end; k++) if (!lines[k]!.blank) s.dropped.push(lines[k]!);
    end = i;
    break;
  }

  // Header: navigation, then the date line (anything before it is set aside), then the title.
  let i = 0;
  const firstLabel = findFirstLabel(lines, 0, end);
  const dateAt = findDateLine(lines, 0, Math.min(end, firstLabel < 0 ? end : firstLabel), s);
  const pre: PageLine[] = [];
  for (; i < (dateAt >= 0 ? dateAt : 0); i++) {
    const l = lines[i]!;
    if (l.blank) continue;
    if (NAVIGATION.test(l.clean) || isMarkupOnly(l)) s.dropped.push(l);
    else pre.push(l);
  }
  s.preface = pre;
  if (dateAt >= 0) {
    const dl = lines[dateAt]!;
    const text = dl.clean.replace(/\*/g, '');
    const d = parseLeadingDate(text);
    if (d.ok) {
      s.dateLine = { line: dl, when: d.value.when, text: d.value.text };
      const rest = text.slice(d.value.end).trim();
      i = dateAt + 1;
      if (rest) {
        s.title = { text: rest, lines: [dl] };
      } else {
        // The 2013–2019 site puts its credit line where the title stands (the title is then the citation's).
        i = unlabeledCredits(lines, i, end, s);
        i = readTitle(lines, i, end, s);
        i = unlabeledCitation(lines, i, end, s);
      }
    }
  } else {
    // No date line: skip navigation; a Latin line before the first label is the title.
    for (; i < end; i++) {
      const l = lines[i]!;
      if (l.blank || l === s.badDateLine) continue;
      if (NAVIGATION.test(l.clean) || isMarkupOnly(l)) {
        s.dropped.push(l);
        continue;
      }
      break;
    }
    if (i < end && (firstLabel < 0 || firstLabel > i) && scriptOf(lines[i]!.clean) === 'en' && !labelOf(lines[i]!, HEADER_LABELS, true)) i = readTitle(lines, i, end, s);
  }

  // Labelled fields; the body starts after the contents list, or at the first non-Latin paragraph.
  let bodyStart = i;
  let j = i;
  while (j < end) {
    const l = lines[j]!;
    if (l.blank) {
      j++;
      continue;
    }
    const label = labelOf(l, HEADER_LABELS, true);
    if (!label) break;
    s.dropped.push(l);
    if (label === 'Contents') {
      j = readContents(lines, j + 1, end, s);
      bodyStart = j;
      break;
    }
    const f = readField(lines, j, end, label, HEADER_LABELS, s.dropped);
    s.fields.set(label, f.field);
    j = f.next;
    bodyStart = j;
  }
  if (s.fields.size === 0 && s.contents.length === 0) bodyStart = i;
  bodyStart = unlabeledCredits(lines, bodyStart, end, s);
  for (let k = bodyStart; k < end; k++) {
    const l = lines[k]!;
    if (!l.blank && l.clean.length <= 40 && VERSION_HEADING.test(l.clean)) {
      // Site navigation between the versions, like the contents list: what it promises counts.
      s.contents.push(l.clean.replace(/:$/, ''));
      s.dropped.push(l);
    } else s.body.push(l);
  }
  return s;
}

function findFirstLabel(lines: PageLine[], from: number, end: number): number {
  for (let i = from; i < end; i++) if (labelOf(lines[i]!, HEADER_LABELS, true)) return i;
  return -1;
}

/** The date line: within the first lines, a line that begins with an English date with a year. */
function findDateLine(lines: PageLine[], from: number, end: number, s: PageSections): number {
  let seen = 0;
  for (let i = from; i < end && seen < 40; i++) {
    const l = lines[i]!;
    if (l.blank) continue;
    seen++;
    const t = l.clean.replace(/\*/g, '');
    if (!/^(?:[A-Z][a-z]+ (?:\d{1,2}, )?\d{4}|(?:c\. ?)?19\d\d$)/.test(t)) continue;
    if (parseLeadingDate(t).ok) return i;
    // "January 32, 1949": the date line, with a date that is not one.
    if (/^[A-Z][a-z]+ \d{1,2}, \d{4}$/.test(t)) {
      s.badDateLine = l;
      s.dropped.push(l);
      return -1;
    }
  }
  return -1;
}

/** The first line from `from` that is not blank (`end` when there is none). */
function nextNonBlank(lines: PageLine[], from: number, end: number): number {
  let i = from;
  while (i < end && lines[i]!.blank) i++;
  return i;
}

/** The title: the Latin lines after the date line, up to a blank line (a bold title may wrap). */
function readTitle(lines: PageLine[], from: number, end: number, s: PageSections): number {
  let i = nextNonBlank(lines, from, end);
  const parts: PageLine[] = [];
  while (i < end && parts.length < 4) {
    const l = lines[i]!;
    if (l.blank || labelOf(l, HEADER_LABELS, true) || scriptOf(l.clean) !== 'en') break;
    parts.push(l);
    i++;
    // An unwrapped title is one line; a bold one runs to its closing "**".
    const opened = parts.map((p) => (p.raw.match(/\*\*/g) ?? []).length).reduce((a, b) => a + b, 0);
    if (opened % 2 === 0) break;
  }
  if (parts.length > 0) s.title = { text: parts.map((p) => p.clean.replace(/\*/g, '')).join(' ').replace(/\s+/g, ' ').trim(), lines: parts };
  return i;
}

/** The site's credit line, which the current site puts above the text without a label. */
const CREDIT_LINE = /^This document was made possible with (?:the )?(?:generous )?support (?:from|of)\s/i;

/** The credit line standing first in the body, when no "Credits" label gave one: it is the Credits. Returns where the body starts. */
function unlabeledCredits(lines: PageLine[], from: number, end: number, s: PageSections): number {
  const i = nextNonBlank(lines, from, end);
  const l = lines[i];
  if (i >= end || !l || s.fields.has('Credits') || !CREDIT_LINE.test(l.clean)) return from;
  s.fields.set('Credits', { label: 'Credits', lines: [l], at: l });
  return i + 1;
}

/** A citation as the site writes it: the quoted title, the date, then "… Digital Archive, …". */
const CITATION_LINE = /^["“][^"”]{3,}["”],?\s+(?:\p{Lu}\p{Ll}+\s+(?:\d{1,2},\s+)?)?\d{4},\s+.*\bDigital Archive\b/u;

/**
 * An older layout of the site gives, under the date line and without labels, the summary and
 * then the citation: the line read as the title is then the summary, and the title is the
 * citation's (see ingest/index.ts). Returns where the body starts.
 */
function unlabeledCitation(lines: PageLine[], from: number, end: number, s: PageSections): number {
  if (!s.title || s.title.lines[0] === s.dateLine?.line) return from;
  const i = nextNonBlank(lines, from, end);
  // One line: the text may follow on the next without a blank line between.
  const cited = lines[i];
  if (i >= end || !cited || !CITATION_LINE.test(cited.clean)) return from;
  s.fields.set('Summary', { label: 'Summary', lines: s.title.lines, at: s.title.lines[0]! });
  s.fields.set('Citation', { label: 'Citation', lines: [cited], at: cited });
  s.title = undefined;
  return i + 1;
}

/** The contents list; it may run straight into the body on the same line (the rest becomes a line of its own). */
function readContents(lines: PageLine[], from: number, end: number, s: PageSections): number {
  let i = from;
  while (i < end) {
    const l = lines[i]!;
    if (l.blank) {
      i++;
      continue;
    }
    // A heading over a version ends the list: the body starts there (and sets it aside).
    if (VERSION_HEADING.test(l.clean)) return i;
    let rest = l.raw;
    let consumed = 0;
    let any = false;
    for (;;) {
      const lead = /^[\s\u00a0]*/.exec(rest)![0].length;
      const m = CONTENT_ITEM.exec(rest.slice(lead));
      if (!m) break;
      s.contents.push(m[0].replace(/\s+/g, ' ').trim());
      consumed += lead + m[0].length;
      rest = rest.slice(lead + m[0].length);
      any = true;
    }
    if (!any) return i;
    if (/^[\s\u00a0]*$/.test(rest)) {
      s.dropped.push(l);
      i++;
      continue;
    }
    // The body starts mid-line: replace this line by its remainder, keeping the true column.
    const lead = /^[\s\u00a0]*/.exec(rest)![0].length;
    const items = makeLine(l.raw.slice(0, consumed), l.no, l.column);
    s.dropped.push(items);
    lines[i] = makeLine(rest.slice(lead), l.no, l.column + consumed + lead);
    return i;
  }
  return i;
}

/** The field whose label stands on line `at`, read from the line after it. */
function readField(lines: PageLine[], at: number, end: number, label: string, labels: readonly string[], dropped: PageLine[]): { field: Field; next: number } {
  const field: Field = { label, lines: [], at: lines[at]! };
  let i = at + 1;
  while (i < end) {
    const l = lines[i]!;
    if (l.blank) {
      i++;
      continue;
    }
    // A heading over a version ("English HTML") ends the header: the text starts there.
    if (labelOf(l, labels, true) || (l.clean.length <= 40 && VERSION_HEADING.test(l.clean))) break;
    if (NAVIGATION.test(l.clean)) {
      dropped.push(l);
      i++;
      continue;
    }
    // The header is English: a Cyrillic or Han line is the telegram itself.
    const script = scriptOf(l.clean);
    if (script !== undefined && script !== 'en') break;
    if (ONE_LINE.has(label) && field.lines.length > 0) break;
    field.lines.push(l);
    i++;
  }
  return { field, next: i };
}

/** Labelled fields, and the paragraphs before the first label (split at blank lines). */
function readFields(lines: PageLine[], from: number, end: number, labels: readonly string[], needColon: boolean, dropped: PageLine[]): { fields: Map<string, Field>; unlabeled: PageLine[][] } {
  const fields = new Map<string, Field>();
  const unlabeled: PageLine[][] = [];
  let current: Field | undefined;
  let paragraph: PageLine[] | undefined;
  for (let i = from; i < end; i++) {
    const l = lines[i]!;
    if (l.blank) {
      paragraph = undefined;
      continue;
    }
    const label = labelOf(l, labels, needColon);
    if (label) {
      current = { label, lines: [], at: l };
      fields.set(label, current);
      dropped.push(l);
      continue;
    }
    if (current) current.lines.push(l);
    else if (paragraph) paragraph.push(l);
    else unlabeled.push((paragraph = [l]));
  }
  return { fields, unlabeled };
}
