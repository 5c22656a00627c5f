/**
 * Finds the date in a dateline or a closing line and gives its ISO form: "3 .10.1950",
 * "3..10.50 г.", "28.VIII.50 г.", "26 октября 1949 г.", "October 3, 1950", "„ 8 “ 2 1952 г.", "3.10" (no year: `--10-03`,
 * the XML Schema month-day, rather than a guessed year; the inline encoder gives it the page's
 * year only when day and month are the page's own).
 */

export interface FoundDate {
  start: number;
  end: number;
  when: string;
}

const RU_MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const NUMERIC = /(?<![\d.])(\d{1,2}) ?\.{1,2} ?(\d{1,2})(?: ?\.{1,2} ?(\d{4}|\d{2}))?(?: ?г\.)?(?![\d])/u;
// A space after an opening quote belongs to the date; one before a bare day does not.
const RU_WORDS = new RegExp(`(?<!\\d)(?:["„“] ?)?(\\d{1,2}) ?["“”]? (${RU_MONTHS.join('|')})(?: (\\d{4}))?(?: ?г\\.| года(?![\\p{L}]))?`, 'iu');
const EN_DAY_MONTH = new RegExp(`(?<!\\d)(\\d{1,2}) (${EN_MONTHS.join('|')})(?: (\\d{4}))?`, 'iu');
/** The printed form with the day filled in by hand between quotes: „ 8 “ 2 1952 г. */
const FORM_DAY = /„ ?(\d{1,2}) ?“ ?(\d{1,2}) (\d{4})(?: ?г\.)?/u;
const EN_MONTH_DAY = new RegExp(`(${EN_MONTHS.join('|')}) (\\d{1,2}),? (\\d{4})`, 'iu');
/** "28.VIII.50 г.": the month in Roman numerals, Latin or Cyrillic letters. */
const ROMAN = /(?<![\d.,])(\d{1,2}) ?\. ?(XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I|ХII|ХI|Х|IХ|ІІІ|ІІ|І)(?![IVXІХ])(?: ?\. ?(\d{4}|\d{2}))?(?: ?г\.)?(?![\d\p{L}-])/u;
const ROMAN_NUMERALS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function iso(day: number, month: number, year: string | undefined): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (year === undefined) return `--${pad(month)}-${pad(day)}`;
  const y = year.length === 2 ? 1900 + Number(year) : Number(year);
  return `${y}-${pad(month)}-${pad(day)}`;
}

/** The first date in `text`, or undefined. */
export function findDate(text: string): FoundDate | undefined {
  const candidates: FoundDate[] = [];
  const ru = RU_WORDS.exec(text);
  if (ru) {
    const when = iso(Number(ru[1]), RU_MONTHS.indexOf(ru[2]!.toLowerCase()) + 1, ru[3]);
    if (when) candidates.push({ start: ru.index, end: ru.index + ru[0].length, when });
  }
  const dm = EN_DAY_MONTH.exec(text);
  if (dm) {
    const when = iso(Number(dm[1]), EN_MONTHS.indexOf(dm[2]!.toLowerCase()) + 1, dm[3]);
    if (when) candidates.push({ start: dm.index, end: dm.index + dm[0].length, when });
  }
  const md = EN_MONTH_DAY.exec(text);
  if (md) {
    const when = iso(Number(md[2]), EN_MONTHS.indexOf(md[1]!.toLowerCase()) + 1, md[3]);
    if (when) candidates.push({ start: md.index, end: md.index + md[0].length, when });
  }
  const form = FORM_DAY.exec(text);
  if (form) {
    const when = iso(Number(form[1]), Number(form[2]), form[3]);
    if (when) candidates.push({ start: form.index, end: form.index + form[0].length, when });
  }
  const roman = ROMAN.exec(text);
  if (roman) {
    const when = iso(Number(roman[1]), ROMAN_NUMERALS.indexOf(roman[2]!.replace(/Х/g, 'X').replace(/І/g, 'I')) + 1, roman[3]);
    if (when) candidates.push({ start: roman.index, end: roman.index + roman[0].length, when });
  }
  const num = NUMERIC.exec(text);
  if (num) {
    const when = iso(Number(num[1]), Number(num[2]), num[3]);
    if (when) candidates.push({ start: num.index, end: num.index + num[0].length, when });
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  return candidates[0];
}

/** A telegram number in a closing line or a doctype line: "N 2270", "№ 431", "No. 3950", "№ 340/ш". */
export function findTelegramNumber(text: string): { start: number; end: number; value: string } | undefined {
  const m = /(?<!\p{L})(?:№|N|No\.?) ?(\d+(?:\/[\p{L}\d]+)?)/u.exec(text);
  if (!m) return undefined;
  return { start: m.index, end: m.index + m[0].length, value: m[1]! };
}
