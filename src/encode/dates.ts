/**
 * Finds the date in a dateline or a closing line and gives its ISO form: "3 .10.1950",
 * "3..10.50 г.", "28.VIII.50 г.", "26 октября 1949 г.", "October 3, 1950", "„ 8 “ 2 1952 г.", "3.10" (no year: `--10-03`,
 * the XML Schema month-day, rather than a guessed year; the inline encoder gives it the page's
 * year only when day and month are the page's own).
 */
import { findDates } from '../ingest/dates.js';
import { NUMBER_SIGN } from '../ingest/numbers.js';

export interface FoundDate {
  start: number;
  end: number;
  when: string;
}

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * The first date with a day in `text` (the page's one date grammar, src/ingest/dates.ts), its span
 * widened to what the telegram writes around it: an opening quote of a form's day ("„ 8 “ 2 1952"),
 * "г." or "года" after it.
 */
export function findDate(text: string): FoundDate | undefined {
  const d = findDates(text).find((m) => m.day !== undefined);
  if (!d) return undefined;
  const when = d.year === undefined ? `--${pad(d.month)}-${pad(d.day!)}` : `${d.year}-${pad(d.month)}-${pad(d.day!)}`;
  const before = /["„“] ?$/.exec(text.slice(Math.max(0, d.start - 2), d.start));
  const after = /^(?: ?г\.| года(?![\p{L}]))/u.exec(text.slice(d.end));
  return { start: d.start - (before?.[0].length ?? 0), end: d.end + (after?.[0].length ?? 0), when };
}

const TELEGRAM_NUMBER = new RegExp(String.raw`${NUMBER_SIGN} ?(\d+(?:\/[\p{L}\d]+)?)`, 'u');

/** A telegram number in a closing line or a doctype line: "N 2270", "№ 431", "No. 3950", "Nº 2395", "# 600428/sh". */
export function findTelegramNumber(text: string): { start: number; end: number; value: string } | undefined {
  const m = TELEGRAM_NUMBER.exec(text);
  if (!m) return undefined;
  return { start: m.index, end: m.index + m[0].length, value: m[1]! };
}
