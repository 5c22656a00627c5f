/**
 * Dates as the pages write them: the page's "January 6, 1949", the telegrams' "6.1.1949",
 * "3 .10.1950", "3..10.50 г.", "28.VIII.50 г.", "26 октября 1949 г.", "3 июля", "„ 8 “ 2 1952 г.", the Chinese "1950年10月2日" (and "(1949 12 18 )", the same with its 年月日 lost, and
 * "十一月十二日" without the year), the translations' "3 July", "26 [October] 1949", "July 26". Every pattern is a plain alternation without
 * nested repetition, so scanning stays linear in the length of the text.
 */
import { expected, found, type ParseResult } from './result.js';

export interface DateMatch {
  /** Offset of the match in the scanned text, and its end. */
  start: number;
  end: number;
  /** The date as written. */
  text: string;
  day?: number;
  month: number;
  year?: number;
}

const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const RU_MONTHS = ['январ', 'феврал', 'март', 'апрел', 'ма', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];

const EN_MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December)';
const RU_MONTH = '(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь)';

/** I … XII, longest first; a Cyrillic "Х" or "І" typed for the Latin letter counts as well. */
const ROMAN_MONTH = '((?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I|ХII|ХI|Х|IХ|ІІ|ІІІ|І)(?![IVXІХ]))';

/** The month a Roman numeral gives, 0 for none. */
function romanMonth(s: string): number {
  const latin = s.replace(/Х/g, 'X').replace(/І/g, 'I');
  return ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'].indexOf(latin) + 1;
}

/** All patterns in one sticky-free global regex; each alternative fills its own groups. */
const DATE_SCAN = new RegExp(
  [
    // 1: "January 6, 1949", "July 26" (a closing date under a signature, its year the page's)
    `\\b${EN_MONTH}\\s+(\\d{1,2})(?![\\d:])(?:,?\\s+(\\d{4})\\b)?`,
    // 4: "6 January 1949", "26 [October] 1949", "3 July"
    `(?<![\\d.])(\\d{1,2})\\s+\\[?${EN_MONTH}\\]?(?:,?\\s+(\\d{4}))?\\b`,
    // 7: "26 октября 1949", "3 июля", "" 22 " июля 1952"
    `(?<![\\d.])(\\d{1,2})\\s*(?:["“”„]\\s*)?\\[?${RU_MONTH}\\]?(?:\\s+(\\d{4}))?(?![а-яё])`,
    // 10: "„ 8 “ 2 1952" — a form's quoted day, month number, year
    `["“„]\\s*(\\d{1,2})\\s*["“”]\\s*(\\d{1,2})\\s+(\\d{4})\\b`,
    // 13: "6.1.1949", "3 .10.1950", "3..10.50", "22.1"
    // (never a year that is the hour of a time after the date: "13.9. 13:15")
    `(?<![\\d.,])(\\d{1,2}) ?\\.{1,2} ?(\\d{1,2})(?: ?\\. ?(\\d{4}|\\d{2}))?(?!\\d|:\\d)`,
    // 16: "January 1949"
    `\\b${EN_MONTH}\\s+(\\d{4})\\b`,
    // 18: "一九五〇年十月二日", "1950年10月2日"
    `([〇○零一二三四五六七八九\\d]{4})\\s*年\\s*([一二三四五六七八九十\\d]{1,3})\\s*月(?:\\s*([一二三四五六七八九十\\d]{1,3})\\s*日)?`,
    // 21: "28.VIII.50", "5.XI.1949" — the month in Roman numerals (typed with Latin or Cyrillic letters)
    `(?<![\\d.,])(\\d{1,2}) ?\\. ?${ROMAN_MONTH}(?: ?\\. ?(\\d{4}|\\d{2}))?(?![\\d\\p{L}-])`,
    // 24: "(1949 12 18 )" — a Chinese "(1949年12月18日)" whose 年, 月 and 日 the scrape lost: year, month
    // and day parted by spaces alone, which only the parentheses around tell from three numbers.
    // The opening parenthesis is matched (and left out of the date by `findDates`); the closing one looked at.
    `[(（]\\s*(\\d{4})\\s+(\\d{1,2})\\s+(\\d{1,2})(?=\\s*[)）])`,
    // 27: "十一月十二日" — month and day without the year (a closing date under a signature)
    `(?<![〇○零一二三四五六七八九十\\d年])([一二三四五六七八九十\\d]{1,2})\\s*月\\s*([一二三四五六七八九十\\d]{1,3})\\s*日`,
  ].join('|'),
  'giu',
);

function monthOf(name: string): number {
  const n = name.toLowerCase();
  const en = EN_MONTHS.indexOf(n);
  if (en >= 0) return en + 1;
  // Russian: the longest stem that the word starts with ("ма" must not win over "март").
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < RU_MONTHS.length; i++) {
    const stem = RU_MONTHS[i]!;
    if (n.startsWith(stem) && stem.length > bestLen) {
      best = i;
      bestLen = stem.length;
    }
  }
  return best + 1;
}

const HAN_DIGITS = '〇一二三四五六七八九';

/** A number in Chinese numerals: a year digit by digit ("一九五〇"), a day with 十 ("二十一"). */
function hanNumber(s: string, digitByDigit: boolean): number {
  if (/^\d+$/.test(s)) return Number(s);
  const digit = (c: string): number => (c === '○' || c === '零' ? 0 : HAN_DIGITS.indexOf(c));
  if (digitByDigit) return Number([...s].map(digit).join(''));
  const ten = s.indexOf('十');
  if (ten < 0) return digit(s);
  const tens = ten === 0 ? 1 : digit(s[0]!);
  const ones = ten === s.length - 1 ? 0 : digit(s[ten + 1]!);
  return tens * 10 + ones;
}

function fullYear(y: string | undefined): number | undefined {
  if (y === undefined) return undefined;
  const n = Number(y);
  return y.length === 2 ? 1900 + n : n;
}

function valid(day: number | undefined, month: number, year: number | undefined): boolean {
  if (month < 1 || month > 12) return false;
  if (day !== undefined && (day < 1 || day > 31)) return false;
  if (year !== undefined && (year < 1900 || year > 1999)) return false;
  return true;
}

/** Finds every date in `text`, in order. Impossible dates (month 50: a time like "12.50") are skipped. */
export function findDates(text: string): DateMatch[] {
  const out: DateMatch[] = [];
  DATE_SCAN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DATE_SCAN.exec(text)) !== null) {
    let day: number | undefined;
    let month: number;
    let year: number | undefined;
    let start = m.index;
    if (m[1]) {
      month = monthOf(m[1]);
      day = Number(m[2]);
      year = fullYear(m[3]);
    } else if (m[4]) {
      day = Number(m[4]);
      month = monthOf(m[5]!);
      year = fullYear(m[6]);
    } else if (m[7]) {
      day = Number(m[7]);
      month = monthOf(m[8]!);
      year = fullYear(m[9]);
    } else if (m[10]) {
      day = Number(m[10]);
      month = Number(m[11]);
      year = Number(m[12]);
    } else if (m[13]) {
      day = Number(m[13]);
      month = Number(m[14]);
      year = fullYear(m[15]);
    } else if (m[16]) {
      month = monthOf(m[16]!);
      year = Number(m[17]);
    } else if (m[21]) {
      day = Number(m[21]);
      month = romanMonth(m[22]!);
      year = fullYear(m[23]);
    } else if (m[24]) {
      year = Number(m[24]);
      month = Number(m[25]);
      day = Number(m[26]);
      start = m.index + m[0].indexOf(m[24]);
    } else if (m[27]) {
      month = hanNumber(m[27], false);
      day = hanNumber(m[28]!, false);
    } else {
      year = hanNumber(m[18]!, true);
      month = hanNumber(m[19]!, false);
      if (m[20]) day = hanNumber(m[20], false);
    }
    if (!valid(day, month, year)) continue;
    const end = m.index + m[0].length;
    const d: DateMatch = { start, end, text: text.slice(start, end), month };
    if (day !== undefined) d.day = day;
    if (year !== undefined) d.year = year;
    out.push(d);
  }
  return out;
}

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * The ISO 8601 form of a date (YYYY-MM-DD or YYYY-MM); a date without a year takes
 * `contextYear` (the page's year), and without either it has no ISO form.
 */
export function isoOf(d: DateMatch, contextYear?: number): string | undefined {
  const year = d.year ?? contextYear;
  if (year === undefined) return undefined;
  return d.day !== undefined ? `${year}-${pad(d.month)}-${pad(d.day)}` : `${year}-${pad(d.month)}`;
}

/** Parses a page's date line: the text must begin with a date that has a year. */
export function parseLeadingDate(text: string): ParseResult<{ when: string; text: string; end: number }> {
  // A year alone ("1950", "c. 1950") dates a page whose day is unknown.
  const y = /^(?:c\. ?)?(19\d\d)(?!\d)/.exec(text);
  if (y) return found({ when: y[1]!, text: y[0], end: y[0].length });
  const ds = findDates(text);
  const d = ds[0];
  if (!d || d.start !== 0 || d.year === undefined) return expected(['a date like "January 6, 1949"'], 0);
  return found({ when: isoOf(d)!, text: d.text, end: d.end });
}

/** What may stand around a date on a date-only line once "г."/"года" are gone: quotes, brackets, punctuation. */
const DATE_FILLER = /^[\s"“”„«».,;:()\[\]/г。，-]*$/u;

/**
 * True when a line says nothing but a date (and the filler around it): "6.1.1949 г.",
 * "3 июля\".", "\" 22 \" июля 1952 г.". Used to tell a closing date from text.
 */
export function isDateOnly(text: string): boolean {
  // A date with its filler is short; a longer line is text that mentions a date.
  if (text.length > 60 || !/[\d年日]/.test(text)) return false;
  const ds = findDates(text);
  if (ds.length === 0) return false;
  let rest = '';
  let pos = 0;
  for (const d of ds) {
    rest += text.slice(pos, d.start);
    pos = d.end;
  }
  rest += text.slice(pos);
  // "г." / "года" (of the year) after a Russian date; \b knows no Cyrillic, so the letters around are checked by hand.
  // An editor's short remark in brackets ("[date left blank] October 1948") is no text of the line.
  // "13 September of this year" (с.г., сего года): the year the page's. "13.9. 13:15": a time of day with the date.
  const noYearWords = rest.replace(/(?<!\d)\d{1,2}:\d{2}(?!\d)/g, '').replace(/(?<![\p{L}])(?:of this year|this year|с\.\s?г\.|сего года|года|г\.?)(?![\p{L}])/gu, '');
  return DATE_FILLER.test(noYearWords.replace(/\[[^\]]{1,30}\]/g, ''));
}
