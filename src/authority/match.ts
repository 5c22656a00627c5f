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
  /** The most words any form has, bounding the longest-match search. */
  maxWords: number;
}

/** The comparison key of a name: lower case, ё as е, without spaces, hyphens or apostrophes. */
export function nameKey(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/[\s\-‐‑'’.]+/g, '');
}

let index: Index | undefined;

function buildIndex(): Index {
  const byKey = new Map<string, IndexEntry>();
  let maxWords = 1;
  for (const entry of authorityEntries()) {
    for (const form of entry.forms) {
      const key = nameKey(form.text);
      const prior = byKey.get(key);
      if (prior && prior.entry.id !== entry.id) {
        throw new Error(`authority forms collide: "${form.text}" (${entry.id}) and "${prior.form.text}" (${prior.entry.id})`);
      }
      if (!prior) byKey.set(key, { entry, form });
      maxWords = Math.max(maxWords, form.text.split(/[\s-]+/).length);
    }
  }
  return { byKey, maxWords };
}

function authorityIndex(): Index {
  index ??= buildIndex();
  return index;
}

const WORD = /\p{L}+(?:[-‐]\p{L}+)*/gu;
/** Three or more single letters spaced out, the typists' emphasis: "Ф И Л И П П О В", "М А О Ц З Е - Д У Н". */
const SPACED = /(?<!\p{L})\p{L}(?:(?: | - |-)\p{L}){2,}(?!\p{L})/gu;
const GAP = /^\s+$/;

function isCapital(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function toMatch(ie: IndexEntry, start: number, end: number): NameMatch {
  return { start, end, kind: ie.entry.kind, ref: ie.entry.id, pseudonym: ie.form.type === 'pseudonym' && ie.entry.kind === 'person' };
}

/** All authority names in `text`, in order, never overlapping. */
export function findNames(text: string): NameMatch[] {
  const { byKey, maxWords } = authorityIndex();
  const found: NameMatch[] = [];
  const taken: Array<[number, number]> = [];
  for (const m of text.matchAll(SPACED)) {
    const ie = byKey.get(nameKey(m[0]));
    if (ie && isCapital(m[0][0]!)) {
      found.push(toMatch(ie, m.index!, m.index! + m[0].length));
      taken.push([m.index!, m.index! + m[0].length]);
    }
  }
  const words = [...text.matchAll(WORD)]
    .map((m) => ({ start: m.index!, end: m.index! + m[0].length, text: m[0] }))
    .filter((w) => !taken.some(([s, e]) => w.start >= s && w.end <= e));
  let i = 0;
  while (i < words.length) {
    let matched = 0;
    if (isCapital(words[i]!.text[0]!)) {
      for (let k = Math.min(maxWords, words.length - i); k >= 1 && matched === 0; k--) {
        let ok = true;
        let key = '';
        for (let j = i; j < i + k; j++) {
          if (j > i && !GAP.test(text.slice(words[j - 1]!.end, words[j]!.start))) {
            ok = false;
            break;
          }
          key += words[j]!.text;
        }
        if (!ok) continue;
        const ie = byKey.get(nameKey(key));
        if (ie) {
          found.push(toMatch(ie, words[i]!.start, words[i + k - 1]!.end));
          matched = k;
        }
      }
    }
    i += matched > 0 ? matched : 1;
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The person or place id an authority form (as written anywhere, any case) belongs to. */
export function resolveName(text: string): NameMatch | undefined {
  const ie = authorityIndex().byKey.get(nameKey(text.trim()));
  return ie ? toMatch(ie, 0, text.length) : undefined;
}
