/**
 * Finds the authority names in a piece of text: whole words only, longest match first, case and
 * spacing ignored (МАО ЦЗЭДУН, Мао Цзэдун and "М А О Ц З Е - Д У Н" are one form), but a match
 * must begin with a capital letter, so that common words never turn into names. An unknown name
 * is not matched: nothing is guessed.
 */
import { authorityEntries, type AuthorityEntry, type ExpandedForm } from './forms.js';

export interface NameMatch {
  /** Offsets in the text (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
  kind: 'person' | 'place';
  ref: string;
  /** True when the form matched is a pseudonym of the person (Filippov for Stalin). */
  pseudonym: boolean;
}

interface IndexEntry {
  entry: AuthorityEntry;
  form: ExpandedForm;
}

interface Index {
  byKey: Map<string, IndexEntry>;
  /** Keys of the first words of all forms: a word not in it cannot begin a name (the fast path). */
  firstWords: Set<string>;
  /** The most words any form has, bounding the longest-match search. */
  maxWords: number;
}

/** The comparison key of a name: lower case, ё as е, without spaces, hyphens or apostrophes. */
export function nameKey(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/[\s\-‐‑'’.]+/g, '');
}

/** `nameKey` of a single word, without the regular expressions when the word needs none. */
function quickKey(word: string): string {
  const lower = word.toLowerCase();
  return /[ё\-‐']/.test(lower) ? nameKey(lower) : lower;
}

let index: Index | undefined;

function buildIndex(): Index {
  const byKey = new Map<string, IndexEntry>();
  const firstWords = new Set<string>();
  let maxWords = 1;
  for (const entry of authorityEntries()) {
    for (const form of entry.forms) {
      const key = nameKey(form.text);
      const prior = byKey.get(key);
      if (prior && prior.entry.id !== entry.id) {
        throw new Error(`authority forms collide: "${form.text}" (${entry.id}) and "${prior.form.text}" (${prior.entry.id})`);
      }
      if (!prior) byKey.set(key, { entry, form });
      const words = form.text.split(/\s+/);
      if (!words.every((w) => isCapital(w.replace(/^[^\p{L}]+/u, '')[0] ?? ''))) throw new Error(`authority form "${form.text}" (${entry.id}) has a word that does not begin with a capital`);
      firstWords.add(nameKey(words[0]!));
      maxWords = Math.max(maxWords, words.length);
    }
  }
  return { byKey, firstWords, maxWords };
}

function authorityIndex(): Index {
  index ??= buildIndex();
  return index;
}

/** Letters of the scripts of the telegrams tested by code point; anything else by Unicode property. */
const OTHER_LETTER = /\p{L}/u;

function isLetter(c: number): boolean {
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0x400 && c <= 0x52f) return c <= 0x481 || c >= 0x48a;
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba;
  if (c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  // General punctuation (quotes, dashes), №, arrows: frequent in the telegrams, never letters here.
  if (c >= 0x2000 && c <= 0x21ff) return false;
  return OTHER_LETTER.test(String.fromCharCode(c));
}

const HYPHENS = new Set([0x2d, 0x2010]);

interface Word {
  start: number;
  end: number;
  text: string;
}

/**
 * The capitalised words of a text: runs of letters, a hyphen between two letters kept inside the
 * word ("Цзе-дун", "Heon-yeong"). Every word of every authority form is capitalised, so the other
 * words are skipped (the whitespace test between two words of a name then fails on them). A
 * hand-written scanner: Unicode-property regular expressions cost ten times as much on Cyrillic
 * text, and names are looked for in every paragraph.
 */
function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isLetter(c)) i++;
      else if (HYPHENS.has(c) && i + 1 < n && isLetter(text.charCodeAt(i + 1))) i += 2;
      else break;
    }
    if (isCapital(text[start]!)) words.push({ start, end: i, text: text.slice(start, i) });
  }
  return words;
}

/** A word of single letters ("Ф", "Е-Д"): part of the typists' spaced emphasis, "Ф И Л И П П О В". */
function isSpacedLetters(w: Word): boolean {
  for (let i = 0; i < w.text.length; i += 2) if (i + 1 < w.text.length && !HYPHENS.has(w.text.charCodeAt(i + 1))) return false;
  return true;
}

const SPACED_GAPS = new Set([' ', ' - ', '-']);

function isCapital(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return c >= 65 && c <= 90;
  if (c >= 0x400 && c <= 0x42f) return true;
  if (c >= 0x430 && c <= 0x45f) return false;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function toMatch(ie: IndexEntry, start: number, end: number): NameMatch {
  return { start, end, kind: ie.entry.kind, ref: ie.entry.id, pseudonym: ie.form.type === 'pseudonym' && ie.entry.kind === 'person' };
}

/** All authority names in `text`, in order, never overlapping. */
export function findNames(text: string): NameMatch[] {
  const { byKey, firstWords, maxWords } = authorityIndex();
  const words = wordsOf(text);
  const found: NameMatch[] = [];
  const gap = (j: number): string => text.slice(words[j - 1]!.end, words[j]!.start);
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    if (!isCapital(w.text[0]!)) {
      i++;
      continue;
    }
    // Spaced letters: the longest run of at least three letters that spells a known form.
    if (isSpacedLetters(w)) {
      let end = i + 1;
      while (end < words.length && isSpacedLetters(words[end]!) && SPACED_GAPS.has(gap(end))) end++;
      let matched = 0;
      for (let e = end; e > i && matched === 0; e--) {
        const key = nameKey(words.slice(i, e).map((x) => x.text).join(''));
        if (key.length < 3) break;
        const ie = byKey.get(key);
        if (ie) {
          found.push(toMatch(ie, w.start, words[e - 1]!.end));
          matched = e - i;
        }
      }
      if (matched > 0) {
        i += matched;
        continue;
      }
    }
    let matched = 0;
    if (firstWords.has(quickKey(w.text))) {
      for (let k = Math.min(maxWords, words.length - i); k >= 1 && matched === 0; k--) {
        let key = w.text;
        let ok = true;
        for (let j = i + 1; j < i + k && ok; j++) {
          if (!/^\s+$/.test(gap(j))) ok = false;
          else key += words[j]!.text;
        }
        const ie = ok ? byKey.get(nameKey(key)) : undefined;
        if (ie) {
          found.push(toMatch(ie, w.start, words[i + k - 1]!.end));
          matched = k;
        }
      }
    }
    i += matched > 0 ? matched : 1;
  }
  return found;
}

/** The person or place id an authority form (as written anywhere, any case) belongs to. */
export function resolveName(text: string): NameMatch | undefined {
  const ie = authorityIndex().byKey.get(nameKey(text.trim()));
  return ie ? toMatch(ie, 0, text.length) : undefined;
}
