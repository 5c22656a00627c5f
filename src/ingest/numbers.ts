/**
 * Telegram numbers and which way they go. A copy of an outgoing telegram ("КОПИЯ ИСХ.
 * ТЕЛЕГРАММЫ") carries the sender's number in its heading; a received one ("Из ПЕКИНА
 * получена", "From BEIJING Received") carries the receiving office's number in its heading and
 * the sender's number by the signature ("N 2270"); "Вх. №" is an incoming registration number;
 * a number in the text ("на Ваш N 4581") refers to another telegram.
 */
import type { Block, TelegramNumber, TextVersion } from '../model.js';
import { inlineText } from './inline.js';
import { packedMap } from '../packed.js';

type Direction = 'outgoing' | 'incoming';

/**
 * The mark before a telegram number, as the pages write it: "№", "N", "No." and, in translations,
 * "Nº" or "N°" (with the ordinal indicator or the degree sign), "NO." and "no.", and "#". A letter just before it
 * makes "N" part of a word. For expressions with the u flag.
 */
export const NUMBER_SIGN = String.raw`(?:№|#|(?<!\p{L})(?:N[º°]|No\.?|NO\.|no\.|N))`;

const NUMBER = new RegExp(String.raw`${NUMBER_SIGN}\s*-?\s*\*?(\d[\p{L}\p{N}/]*)`, 'gu');
/** A cheap first look before the full number pattern runs over a long paragraph (every shape has №, N or #). */
const MAY_HAVE_NUMBER = /№|N\.? ?-? ?\*?\d|No\.|NO\.|no\. ?\d|N[º°]|#\s*\d|RE: ?\d/;

function mayHaveNumber(t: string): boolean {
  return t.indexOf('№') >= 0 || ((t.indexOf('N') >= 0 || t.indexOf('#') >= 0 || t.indexOf('no.') >= 0 || t.indexOf('RE:') >= 0) && MAY_HAVE_NUMBER.test(t));
}

/** "RE: 1405/sh": the telegram answered, its number given without a sign. */
const RE_NUMBER = /\bRE:\s*(\d[\p{L}\p{N}/]*)/gu;
/** The sender's number at the start of a closing line: "N 2270", "“№ 431". */
const CLOSING_NUMBER = new RegExp(String.raw`^["“„]?\s*${NUMBER_SIGN}\s*(\d[\p{L}\p{N}/]*)`, 'u');
const OUTGOING_MARK = /КОПИЯ ИСХ|ИСХОДЯЩ|COPY OF OUTGOING|OUTGOING/i;
const INCOMING_MARK = /получена|принята|Received/i;
const REGISTRATION = new RegExp(String.raw`(?:Вх|Вк|Вход|Incoming)\.?\s*${NUMBER_SIGN}\s*\*?([\p{L}\p{N}/]+)`, 'iu');
/** The sending office's number stamped on the form: "Issuing No. 8600", "Исх. № 2220". */
const ISSUING = new RegExp(String.raw`^(?:Issuing|Outgoing|Исх|Исходящий)\.?\s*${NUMBER_SIGN}\s*\*?(\d[\p{L}\p{N}/]*)`, 'iu');

function textOf(b: Block): string {
  return inlineText(b.content);
}

/** Which way a version's telegram went, from its own marks. */
export function directionOf(v: TextVersion): Direction | undefined {
  for (const b of v.blocks) {
    if (b.quotedGroup !== undefined) continue;
    if ((b.kind === 'doctype' || b.kind === 'serviceNote') && OUTGOING_MARK.test(textOf(b))) return 'outgoing';
  }
  for (const b of v.blocks) {
    if (b.quotedGroup !== undefined) continue;
    if (b.kind === 'dateline' && INCOMING_MARK.test(textOf(b))) return 'incoming';
  }
  return undefined;
}

/** Every telegram number in the versions (deduplicated by value, kind and source). */
export function numbersOfVersions(versions: TextVersion[], originalLang: string | undefined): TelegramNumber[] {
  const dirs = packedMap(versions, directionOf);
  const pageDir = dirs.includes('outgoing') ? 'outgoing' : dirs.includes('incoming') ? 'incoming' : undefined;
  const out: TelegramNumber[] = [];
  const seen = new Set<string>();
  const add = (value: string, kind: TelegramNumber['kind'], source: TelegramNumber['source']): void => {
    const v = value.replace(/\*/g, '').replace(/[.,]$/, '');
    const key = `${v}\u0000${kind}\u0000${source}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ value: v, kind, source });
  };
  versions.forEach((v, i) => {
    const source: TelegramNumber['source'] = v.role === 'translation' || (originalLang !== undefined && v.lang !== originalLang && v.lang === 'en') ? 'translation' : 'original';
    const dir = dirs[i] ?? pageDir;
    for (const b of v.blocks) {
      // Registration stamps, and the editors' descriptions of stamps ("[stamp: … incoming Nº 36261/shs …]"), give incoming numbers.
      const numbered = b.kind === 'doctype' || b.kind === 'closingDate' || b.kind === 'paragraph' || b.kind === 'salute' || (b.kind === 'serviceNote' && (b.noteType === 'registration' || b.noteType === 'service'));
      if (!numbered) continue;
      const t = textOf(b);
      const quoted = b.quotedGroup !== undefined;
      if (b.kind === 'doctype') {
        for (const m of t.matchAll(NUMBER)) add(m[1]!, quoted ? 'reference' : dir ?? 'unknown', source);
      } else if (b.kind === 'closingDate') {
        const m = CLOSING_NUMBER.exec(t);
        if (m) add(m[1]!, quoted ? 'reference' : 'outgoing', source);
      } else if (b.kind === 'serviceNote') {
        const out = b.noteType === 'registration' ? ISSUING.exec(t) : null;
        const m = out ? undefined : REGISTRATION.exec(t);
        if (out) add(out[1]!, 'outgoing', source);
        else if (m) add(m[1]!, 'incoming', source);
      } else if ((b.kind === 'paragraph' || b.kind === 'salute') && mayHaveNumber(t)) {
        for (const m of t.matchAll(NUMBER)) add(m[1]!, 'reference', source);
        for (const m of t.matchAll(RE_NUMBER)) add(m[1]!, 'reference', source);
      }
    }
  });
  return out;
}

/** The kind of the title's number: the kind of the same number in the text, else unknown. */
export function titleNumber(value: string, fromText: TelegramNumber[]): TelegramNumber {
  const same = fromText.find((n) => n.value === value && n.kind !== 'reference');
  return { value, kind: same ? same.kind : 'unknown', source: 'title' };
}
