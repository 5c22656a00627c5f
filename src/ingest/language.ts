/**
 * The script of a piece of text, decided by counting letters: Cyrillic → Russian, Han → Chinese,
 * Latin → English (the page's own apparatus is English). Roman numerals alone ("II", "IV") and
 * digits do not count, so folio stamps and numbers stay neutral and join their neighbours.
 */

export type Script = 'ru' | 'en' | 'zh' | 'ko' | 'ja';

/**
 * English names of the languages the archive's pages name (in "Original Language", and in the
 * headings over a version: "Russian Transcription"), by ISO 639-1 code.
 */
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  ru: 'Russian',
  en: 'English',
  zh: 'Chinese',
  ko: 'Korean',
  ja: 'Japanese',
  de: 'German',
  fr: 'French',
  mn: 'Mongolian',
  pl: 'Polish',
  cs: 'Czech',
  hu: 'Hungarian',
  ro: 'Romanian',
  bg: 'Bulgarian',
  vi: 'Vietnamese',
  sq: 'Albanian',
};

/** The dominant script of `text`, or undefined when it has no letters that decide. */
export function scriptOf(text: string): Script | undefined {
  let cyr = 0;
  let lat = 0;
  let han = 0;
  let hangul = 0;
  let kana = 0;
  // Latin letters of the current word, and whether they are all Roman-numeral letters.
  let wordLatin = 0;
  let roman = true;
  // The beginning of a long line decides its script as well as the whole would.
  const n = Math.min(text.length, 100);
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 0;
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) {
      wordLatin++;
      if (roman && c !== 0x49 && c !== 0x56 && c !== 0x58 && c !== 0x4c && c !== 0x43) roman = false;
      continue;
    }
    if (wordLatin > 0 && !roman) lat += wordLatin;
    wordLatin = 0;
    roman = true;
    if (c < 0x400) continue;
    if (c <= 0x4ff) cyr++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) han += 2; // one Han character carries a word
    else if (c >= 0xac00 && c <= 0xd7af) hangul += 2;
    else if (c >= 0x3040 && c <= 0x30ff) kana += 2;
  }
  const best = Math.max(cyr, lat, han, hangul, kana);
  if (best === 0) return undefined;
  if (best === cyr) return 'ru';
  if (best === han) return kana > 0 ? 'ja' : 'zh';
  if (best === hangul) return 'ko';
  if (best === kana) return 'ja';
  return 'en';
}

const LANGUAGE_CODES: Record<string, string> = {
  russian: 'ru',
  english: 'en',
  chinese: 'zh',
  korean: 'ko',
  japanese: 'ja',
  german: 'de',
  french: 'fr',
  polish: 'pl',
  czech: 'cs',
  hungarian: 'hu',
  romanian: 'ro',
  bulgarian: 'bg',
  mongolian: 'mn',
  vietnamese: 'vi',
  ukrainian: 'uk',
};

/** ISO 639-1 code of a language named in English ("Russian" → "ru"), or undefined. */
export function languageCode(name: string): string | undefined {
  return LANGUAGE_CODES[name.trim().toLowerCase()];
}

/** English name of a language code, for messages. */
export function languageName(code: string): string {
  for (const [name, c] of Object.entries(LANGUAGE_CODES)) if (c === code) return name[0]!.toUpperCase() + name.slice(1);
  return code;
}

/** "Translation from Chinese" (a translator's note over the text), one of the language names above. */
const TRANSLATED_FROM = new RegExp(`^Translation from (?:the )?(${Object.values(LANGUAGE_NAMES).join('|')})\\.?$`);

/** The language a translator's note "Translation from …" names, or undefined for any other line. */
export function translatedFrom(text: string): string | undefined {
  return text.startsWith('Translation from') ? TRANSLATED_FROM.exec(text)?.[1] : undefined;
}
