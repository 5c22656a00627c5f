/**
 * A synthetic corpus made from the seed pages, for tests and benchmarks: each page is a seed
 * with its layout varied (markdown headings, bold or plain labels, CRLF and BOM, NBSP spacer
 * lines, English before Russian, another document's summary before the title, cut off
 * mid-word, English only, Russian only) and its facts changed (dates, telegram numbers,
 * correspondents and their Russian case forms, record ids). Deterministic: the same seed number
 * gives the same pages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scriptOf } from '../src/ingest/language.js';

export interface SeedPage {
  file: string;
  text: string;
}

export interface CorpusPage {
  file: string;
  text: string;
  /** The seed it was made from and the variations applied, for messages. */
  seedFile: string;
  variations: string[];
}

/** A small deterministic random generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** Reads the seed pages (`sources/*.txt`) of a project. */
export function readSeeds(root: string): SeedPage[] {
  const dir = join(root, 'sources');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ file: join('sources', f), text: readFileSync(join(dir, f), 'utf8') }));
}

// --- the parts of a page ---------------------------------------------------------------------

export interface PageParts {
  header: string[];
  original: string[];
  translation: string[];
  footer: string[];
}

const LABEL = /^(?:#{1,6}\s*)?(?:\*\*)?(Citation|Summary|Credits|Original Language|Contents):?(?:\*\*)?:?\s*$/;

/**
 * Splits a seed page into header, Russian part, English part and footer, by labels and the
 * script of lines (the generator's own reading, independent of ingest's structure).
 */
export function partsOf(text: string): PageParts {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\n|\r/);
  let footerAt = lines.findIndex((l) => l.trim() === 'Document Information');
  if (footerAt < 0) footerAt = lines.length;
  // The body starts at the first Cyrillic line (a contents line may carry its start: keep it whole in the header then).
  let bodyAt = lines.findIndex((l, i) => i < footerAt && scriptOf(l) === 'ru');
  if (bodyAt < 0) bodyAt = footerAt;
  if (bodyAt < footerAt && /^(?:Original Scan|Transcript|Translation)/.test(lines[bodyAt]!.trim())) {
    // "Transcript - Russian Translation - English ТЕЛЕГРАММА …": split the line at the body.
    const l = lines[bodyAt]!;
    const at = l.search(/[\u0400-\u04ff]/);
    lines.splice(bodyAt, 1, l.slice(0, at).trimEnd(), l.slice(at));
    bodyAt++;
    footerAt++;
  }
  let lastRu = bodyAt;
  for (let i = bodyAt; i < footerAt; i++) if (scriptOf(lines[i]!) === 'ru') lastRu = i;
  // The Russian part runs to the last Cyrillic line and the gap lines after it.
  let split = lastRu + 1;
  while (split < footerAt && !/[A-Za-z]/.test(lines[split]!)) split++;
  return {
    header: lines.slice(0, bodyAt),
    original: lines.slice(bodyAt, split),
    translation: lines.slice(split, footerAt),
    footer: lines.slice(footerAt),
  };
}

const join2 = (p: PageParts): string => [...p.header, ...p.original, ...p.translation, ...p.footer].join('\n');

// --- layout variations -----------------------------------------------------------------------

type Layout = (p: PageParts, r: () => number) => PageParts;

const labelStyles: Record<string, (label: string) => string> = {
  plain: (l) => `${l}:`,
  bold: (l) => `**${l}:**`,
  heading: (l) => `#### **${l}:**`,
};

function restyleLabels(p: PageParts, style: string): PageParts {
  const f = labelStyles[style]!;
  return { ...p, header: p.header.map((l) => (LABEL.test(l.trim()) ? f(LABEL.exec(l.trim())![1]!) : l)) };
}

/** The layout variations by name; each rearranges the parts of a seed page. */
export const LAYOUTS: Record<string, Layout> = {
  'plain labels': (p) => restyleLabels(p, 'plain'),
  'bold labels': (p) => restyleLabels(p, 'bold'),
  'markdown headings': (p) => restyleLabels(p, 'heading'),
  'NBSP spacer lines': (p, r) => ({
    ...p,
    original: p.original.flatMap((l) => (l.trim() === '' && r() < 0.6 ? ['', '\u00a0', ''] : [l])),
  }),
  'English first': (p) => ({ ...p, original: p.translation, translation: ['', '[...]', '', ...p.original] }),
  "another document's summary before the title": (p, r) => ({
    ...p,
    header: [pick(r, TEASERS), '', ...p.header],
  }),
  'English only': (p) => ({ ...p, original: [] }),
  'Russian only': (p) => ({ ...p, translation: [] }),
  "the current site's layout": currentSite,
};

/**
 * A header's labelled fields, by label, and the lines before the first label (date line, title);
 * the contents list (the site's tabs over the versions, the start of the text may follow it) stays
 * with the latter.
 */
function headerFields(header: string[]): { top: string[]; fields: Map<string, string[]> } {
  const top: string[] = [];
  const fields = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const l of header) {
    const m = LABEL.exec(l.trim());
    if (m && m[1] === 'Contents') (current = top).push(l);
    else if (m) fields.set(m[1]!, (current = []));
    else (current ?? top).push(l);
  }
  return { top, fields };
}

/** The lines without the blank ones around them. */
function trimBlank(lines: string[]): string[] {
  const t = lines.join('\n').trim();
  return t === '' ? [] : t.split('\n');
}

/**
 * The archive's current site: no fields over the text but the contents, the summary after the text, and a footer whose "Source" and "Rights" labels the scrape lost, with
 * the citation, the language and the credits in it.
 */
function currentSite(p: PageParts): PageParts {
  const { top, fields } = headerFields(p.header);
  const summary = trimBlank(fields.get('Summary') ?? []);
  const footer = p.footer.length > 0 ? p.footer.filter((l) => !/^(?:Source|Rights)$/.test(l.trim())) : ['Document Information'];
  const citation = trimBlank(fields.get('Citation') ?? []);
  const moved: string[] = [];
  if (citation.length > 0) moved.push('', ...citation);
  for (const [label, as] of [['Original Language', 'Language'], ['Credits', 'Credits']] as const) {
    const value = trimBlank(fields.get(label) ?? []);
    if (value.length > 0 && !footer.some((l) => l.trim() === as)) moved.push('', as, '', ...value);
  }
  return {
    header: top,
    original: p.original,
    translation: summary.length > 0 ? [...p.translation, '', ...summary, ''] : p.translation,
    footer: [footer[0]!, ...moved, ...footer.slice(1)],
  };
}

const TEASERS = [
  'Telegram from Zhou Enlai to Filippov on the shipment of rolling stock to Manchuria.',
  'Kovalev reports on a conversation with Liu Shaoqi about the Chinese Communist Party congress.',
  'Mao Zedong asks Stalin for advice on the timing of the Chinese people\'s volunteers\' offensive.',
];

/** Cuts the page off mid-word at about `fraction` of its length (never inside the header). */
export function cutOff(text: string, fraction: number): string {
  let at = Math.max(1, Math.floor(text.length * fraction));
  const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c);
  while (at < text.length - 1 && !(isLetter(text[at - 1]) && isLetter(text[at]))) at++;
  return text.slice(0, at);
}

// --- fact variations -------------------------------------------------------------------------

/** Correspondents as the pages write them: English, Russian nominative (upper) and dative (upper). */
export const CORRESPONDENTS = [
  { en: 'Roshchin', ru: 'РОЩИН', dat: 'РОЩИНУ' },
  { en: 'Kovalev', ru: 'КОВАЛЕВ', dat: 'КОВАЛЕВУ' },
  { en: 'Terebin', ru: 'ТЕРЕБИН', dat: 'ТЕРЕБИНУ' },
  { en: 'Krasovsky', ru: 'КРАСОВСКИЙ', dat: 'КРАСОВСКОМУ' },
  { en: 'Panyushkin', ru: 'ПАНЮШКИН', dat: 'ПАНЮШКИНУ' },
  { en: 'Shtykov', ru: 'ШТЫКОВ', dat: 'ШТЫКОВУ' },
  { en: 'Razuvaev', ru: 'РАЗУВАЕВ', dat: 'РАЗУВАЕВУ' },
  { en: 'Zakharov', ru: 'ЗАХАРОВ', dat: 'ЗАХАРОВУ' },
];

/** Stalin's cover names in the telegrams, swapped among themselves. */
export const PSEUDONYMS = [
  { en: 'Filippov', ru: 'ФИЛИППОВ', dat: 'ФИЛИППОВУ' },
  { en: 'Fyn Si', ru: 'ФЫН СИ', dat: 'ФЫН СИ' },
];

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function replaceWord(text: string, from: string, to: string): string {
  return text.replace(new RegExp(`(?<![\\p{L}])${escapeRe(from)}(?![\\p{L}])`, 'gu'), to);
}

/** Moves the page's date (the date line and the citation's copy of it) to another day and year. */
function changeDate(text: string, r: () => number): { text: string; when?: string } {
  const m = /\b(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2}), (19\d\d)\b/.exec(text);
  if (!m) return { text };
  const month = Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  // 1947–1952: the seeds are Stalin's correspondence, and after his death (5 March 1953) his cover names are no longer
  // his (the converter leaves them unresolved then).
  const year = 1947 + Math.floor(r() * 6);
  const to = `${EN_MONTHS[month]} ${day}, ${year}`;
  const when = `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { text: text.split(m[0]).join(to), when };
}

/** Replaces the title's telegram number everywhere it occurs. */
function changeNumber(text: string, r: () => number): string {
  const m = /(?:Telegram|Cable) No\. (\d{2,6})/.exec(text);
  if (!m) return text;
  const to = String(100 + Math.floor(r() * 29900));
  return text.replace(new RegExp(`(?<!\\d)${m[1]}(?!\\d)`, 'g'), to);
}

/** Swaps one correspondent (or pseudonym) of the seed for another, in English and in both Russian case forms. */
function changeCorrespondent(text: string, r: () => number, names: typeof CORRESPONDENTS): string {
  const present = names.filter((c) => new RegExp(`\\b${c.en}\\b`).test(text));
  if (present.length === 0) return text;
  const from = pick(r, present);
  const others = names.filter((c) => c !== from && !text.includes(c.en));
  if (others.length === 0) return text;
  const to = pick(r, others);
  let t = replaceWord(text, from.en, to.en);
  t = replaceWord(t, from.en.toUpperCase(), to.en.toUpperCase());
  t = replaceWord(t, from.dat, to.dat);
  t = replaceWord(t, from.ru, to.ru);
  return t;
}

/** Gives the page another record id (URL and footer). */
/** A record id unique to page `i` of the corpus (random ids collide: two pages, one edition id). */
function changeRecordId(text: string, i: number, r: () => number): string {
  const to = String(1_000_000 + i * 8 + Math.floor(r() * 8));
  return text.replace(/(\/document\/)\d+/g, `$1${to}`).replace(/(Record ID\s*\n\s*\n?)\d+/, `$1${to}`);
}

/** Line ends and byte order mark as Windows tools write them. */
export function windowsLineEnds(text: string): string {
  return `\ufeff${text.replace(/\r?\n/g, '\r\n')}`;
}

// --- the corpus ------------------------------------------------------------------------------

/** Applies one named layout to a page. */
export function applyLayout(text: string, layout: string, seed = 1): string {
  const f = LAYOUTS[layout];
  if (!f) throw new Error(`unknown layout ${layout}; expected one of ${Object.keys(LAYOUTS).join(', ')}`);
  return join2(f(partsOf(text), rng(seed)));
}

/**
 * Makes `n` varied pages from the seeds, deterministically from `seed`. Every page keeps a
 * telegram: cut-off pages are cut after their header.
 */
export function generateCorpus(seeds: SeedPage[], n: number, seed: number): CorpusPage[] {
  return [...corpusPages(seeds, n, seed)];
}

/**
 * The pages of `generateCorpus`, one at a time: a benchmark that writes each page as it comes
 * never holds the corpus (10,000 pages are some 300 MB of strings), so its memory figures are
 * the conversion's.
 */
export function* corpusPages(seeds: SeedPage[], n: number, seed: number): Generator<CorpusPage> {
  const r = rng(seed);
  const layouts = Object.keys(LAYOUTS);
  for (let i = 0; i < n; i++) {
    const s = seeds[i % seeds.length]!;
    const variations: string[] = [];
    let text = s.text;
    if (r() < 0.7) {
      text = changeDate(text, r).text;
      variations.push('date');
    }
    if (r() < 0.7) {
      text = changeNumber(text, r);
      variations.push('number');
    }
    if (r() < 0.7) {
      text = changeCorrespondent(text, r, CORRESPONDENTS);
      variations.push('correspondent');
    }
    if (r() < 0.3) {
      text = changeCorrespondent(text, r, PSEUDONYMS);
      variations.push('pseudonym');
    }
    text = changeRecordId(text, i, r);
    const layout = pick(r, layouts);
    text = join2(LAYOUTS[layout]!(partsOf(text), r));
    variations.push(layout);
    if (r() < 0.1) {
      const header = partsOf(text).header.join('\n').length;
      const fraction = Math.max(header / text.length + 0.05, 0.4 + r() * 0.5);
      text = cutOff(text, Math.min(fraction, 0.95));
      variations.push('cut off');
    }
    if (r() < 0.15) {
      text = windowsLineEnds(text);
      variations.push('CRLF+BOM');
    }
    yield { file: `corpus/${String(i).padStart(5, '0')}_${s.file.replace(/^.*\//, '').replace(/\.txt$/, '')}.txt`, text, seedFile: s.file, variations };
  }
}
