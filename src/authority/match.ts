/**
 * Finds the authority names in a piece of text: whole words only, longest match first, case and
 * spacing ignored (МАО ЦЗЭДУН, Мао Цзэдун and "М А О Ц З Е - Д У Н" are one form), but a match
 * must begin with a capital letter, so that common words never turn into names. An unknown name
 * is not matched: nothing is guessed.
 */
import { authorityEntries, type AuthorityEntry, type ExpandedForm } from './forms.js';
import { PERSONS } from './persons.js';

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
  /**
   * The first letter (lower case) and length of each key in `firstWords`, as one number
   * (`shape`): the faster path, which refuses most words before their text is even cut out.
   */
  firstShapes: Set<number>;
  /** The most words any form has, and the longest key, bounding the longest-match search. */
  maxWords: number;
  maxKeyLength: number;
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
  const firstShapes = new Set<number>();
  let maxWords = 1;
  let maxKeyLength = 0;
  for (const entry of authorityEntries()) {
    for (const form of entry.forms) {
      const key = nameKey(form.text);
      const prior = byKey.get(key);
      if (prior && prior.entry.id !== entry.id) {
        throw new Error(`authority forms collide: "${form.text}" (${entry.id}) and "${prior.form.text}" (${prior.entry.id})`);
      }
      if (!prior) byKey.set(key, { entry, form });
      maxKeyLength = Math.max(maxKeyLength, key.length);
      const words = form.text.split(/\s+/);
      if (!words.every((w) => isCapital(w.replace(/^[^\p{L}]+/u, '')[0] ?? ''))) throw new Error(`authority form "${form.text}" (${entry.id}) has a word that does not begin with a capital`);
      const first = nameKey(words[0]!);
      firstWords.add(first);
      firstShapes.add(shape(first.charCodeAt(0), first.length));
      maxWords = Math.max(maxWords, words.length);
    }
  }
  return { byKey, firstWords, firstShapes, maxWords, maxKeyLength };
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

const HYPHEN = 0x2d;
const HYPHEN2 = 0x2010;

function isHyphen(c: number): boolean {
  return c === HYPHEN || c === HYPHEN2;
}

/** A word's first letter in lower case and the length of its key, as one number (see `Index.firstShapes`). */
function shape(lowerFirst: number, keyLength: number): number {
  return lowerFirst * 256 + Math.min(keyLength, 255);
}

/** The lower case of a capital letter's code, for the scripts of the names (others as they are: they match no shape). */
function lowerCode(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c >= 0x410 && c <= 0x42f) return c + 32;
  if (c >= 0x400 && c <= 0x40f) return c === 0x401 ? 0x435 : c + 80;
  return c;
}

/**
 * Every character that may begin a capitalised word: a Latin capital, or anything outside ASCII
 * but the Cyrillic lower case. Lower-case runs are skipped by the regular expression engine.
 */
const MAY_BEGIN_WORD = /[A-Z\u0080-\u042f\u0460-\uffff]/g;

/**
 * The capitalised words of the text last given to `wordsOf`, as offsets: word k runs from
 * `wordStarts[k]` to `wordEnds[k]`. One pair of arrays for every call (grown when a text has more
 * words), as `findNames` reads them before it is called again: names are looked for in every
 * piece of text of every page, and two new arrays per piece were some 19 kB a page.
 */
let wordStarts = new Int32Array(256);
let wordEnds = new Int32Array(256);

/**
 * Finds the capitalised words of a text (see `wordStarts`) and returns how many there are: runs
 * of letters, a hyphen between two letters kept inside the word ("Цзе-дун", "Heon-yeong"). Every
 * word of every authority form is capitalised, so the other words are skipped (the whitespace
 * test between two words of a name then fails on them). Scanned by hand from each character that
 * may begin one (Unicode-property regular expressions cost ten times as much on Cyrillic text, and
 * names are looked for in every paragraph); offsets, not objects or cut-out strings, as most words
 * are only looked at.
 */
function wordsOf(text: string): number {
  let count = 0;
  const n = text.length;
  const re = MAY_BEGIN_WORD;
  re.lastIndex = 0;
  // test(), not exec(): the pattern is one character, so it ends where the match began plus one,
  // and no match array is made for every capital of a text in capitals.
  while (re.test(text)) {
    const start = re.lastIndex - 1;
    if (!isLetter(text.charCodeAt(start))) continue;
    // Inside a word that began before (with a small letter, or joined by a hyphen): not a start.
    if (start > 0) {
      const before = text.charCodeAt(start - 1);
      if (isLetter(before) || (isHyphen(before) && start > 1 && isLetter(text.charCodeAt(start - 2)))) continue;
    }
    let i = start + 1;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isLetter(c)) i++;
      else if (isHyphen(c) && i + 1 < n && isLetter(text.charCodeAt(i + 1))) i += 2;
      else break;
    }
    if (isCapitalCode(text.charCodeAt(start), text, start)) {
      if (count === wordStarts.length) {
        const starts = new Int32Array(2 * count);
        const ends = new Int32Array(2 * count);
        starts.set(wordStarts);
        ends.set(wordEnds);
        wordStarts = starts;
        wordEnds = ends;
      }
      wordStarts[count] = start;
      wordEnds[count] = i;
      count++;
    }
    re.lastIndex = i;
  }
  return count;
}

const SPACED_GAPS = new Set([' ', ' - ', '-']);

function isCapital(ch: string): boolean {
  return isCapitalCode(ch.charCodeAt(0), ch, 0);
}

function isCapitalCode(c: number, text: string, at: number): boolean {
  if (c < 0x80) return c >= 65 && c <= 90;
  if (c >= 0x400 && c <= 0x42f) return true;
  if (c >= 0x430 && c <= 0x45f) return false;
  const ch = text[at]!;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function toMatch(ie: IndexEntry, start: number, end: number): NameMatch {
  return { start, end, kind: ie.entry.kind, ref: ie.entry.id, pseudonym: ie.form.type === 'pseudonym' && ie.entry.kind === 'person' };
}

/** True when only white space lies between offsets `from` and `to`. */
function onlySpace(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9) continue;
    if (!/\s/.test(text[i]!)) return false;
  }
  return true;
}

/**
 * False when the word at [start, end) cannot begin a name, judged by its shape alone. Only words
 * of Latin and Cyrillic letters are judged (their lower case has the same length); any other
 * word may begin one.
 */
function mayBegin(text: string, start: number, end: number, firstShapes: ReadonlySet<number>): boolean {
  let length = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (isHyphen(c)) continue;
    if (c >= 0x80 && (c < 0x400 || c > 0x45f)) return true;
    length++;
  }
  return firstShapes.has(shape(lowerCode(text.charCodeAt(start)), length));
}

/** A word of single letters ("Ф", "Е-Д"): part of the typists' spaced emphasis, "Ф И Л И П П О В". */
function spacedLetters(text: string, j: number): boolean {
  const end = wordEnds[j]!;
  for (let k = wordStarts[j]!; k < end; k += 2) if (k + 1 < end && !isHyphen(text.charCodeAt(k + 1))) return false;
  return true;
}

/** The keys of the words that may make up a name, reused by every call of `findNames`. */
const keys: string[] = [];

/** All authority names in `text`, in order, never overlapping. */
export function findNames(text: string): NameMatch[] {
  const { byKey, firstWords, firstShapes, maxWords, maxKeyLength } = authorityIndex();
  const count = wordsOf(text);
  const starts = wordStarts;
  const ends = wordEnds;
  const found: NameMatch[] = [];
  let i = 0;
  while (i < count) {
    const start = starts[i]!;
    // Spaced letters: the longest run of at least three letters that spells a known form.
    if (spacedLetters(text, i)) {
      let end = i + 1;
      while (end < count && spacedLetters(text, end) && SPACED_GAPS.has(text.slice(ends[end - 1]!, starts[end]!))) end++;
      let matched = 0;
      for (let e = end; e > i && matched === 0; e--) {
        let joined = '';
        for (let k = i; k < e; k++) joined += text.slice(starts[k]!, ends[k]!);
        const key = nameKey(joined);
        if (key.length < 3) break;
        const ie = byKey.get(key);
        if (ie) {
          found.push(toMatch(ie, start, ends[e - 1]!));
          matched = e - i;
        }
      }
      if (matched > 0) {
        i += matched;
        continue;
      }
    }
    let matched = 0;
    const first = mayBegin(text, start, ends[i]!, firstShapes) ? quickKey(text.slice(start, ends[i]!)) : undefined;
    if (first !== undefined && firstWords.has(first)) {
      // The keys of the words that follow with only white space between, as long as a form may
      // be: a word's key is `nameKey` of it, and the key of several words the keys joined.
      keys.length = 0;
      keys.push(first);
      let length = first.length;
      while (keys.length < maxWords && i + keys.length < count) {
        const j = i + keys.length;
        if (!onlySpace(text, ends[j - 1]!, starts[j]!)) break;
        const key = quickKey(text.slice(starts[j]!, ends[j]!));
        length += key.length;
        if (length > maxKeyLength) break;
        keys.push(key);
      }
      for (let k = keys.length; k >= 1; k--) {
        let key = keys[0]!;
        for (let j = 1; j < k; j++) key += keys[j]!;
        const ie = byKey.get(key);
        if (ie) {
          found.push(toMatch(ie, start, ends[i + k - 1]!));
          matched = k;
          break;
        }
      }
    }
    i += matched > 0 ? matched : 1;
  }
  return found;
}

/** Persons' dates of death, by id. */
let deaths: Map<string, string> | undefined;

/**
 * True when a pseudonym of the person `ref` is met in a document dated `when` (ISO), after that person's death: the
 * cover name is then someone's own name ("Kuznetsov" in Pyongyang in March 1953 is V. V. Kuznetsov, not Stalin), and
 * is left unresolved, as any unknown name. A month or year that holds the day of death is not after it.
 */
export function pseudonymOutlived(ref: string, pseudonym: boolean, when: string | undefined): boolean {
  if (!pseudonym || when === undefined) return false;
  deaths ??= new Map(PERSONS.filter((p) => p.death !== undefined).map((p) => [p.id, p.death!]));
  const death = deaths.get(ref);
  return death !== undefined && when > death.slice(0, when.length);
}

/** The person or place id an authority form (as written anywhere, any case) belongs to. */
export function resolveName(text: string): NameMatch | undefined {
  const ie = authorityIndex().byKey.get(nameKey(text.trim()));
  return ie ? toMatch(ie, 0, text.length) : undefined;
}
