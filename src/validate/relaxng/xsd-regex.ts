/**
 * Translates XML Schema regular expressions (XSD Part 2, appendix F) into JavaScript RegExps
 * with the `v` flag, which has the set subtraction XSD's `[a-z-[aeiou]]` needs. XSD patterns are
 * implicitly anchored; `^` and `$` are ordinary characters; `.` excludes only newline and return.
 * Every literal is emitted as `\u{…}` so that no character can take a JavaScript meaning.
 */
import { DatatypeError } from './datatype.js';

const NAME_START =
  '_:A-Za-z\\u{C0}-\\u{D6}\\u{D8}-\\u{F6}\\u{F8}-\\u{2FF}\\u{370}-\\u{37D}\\u{37F}-\\u{1FFF}\\u{200C}-\\u{200D}\\u{2070}-\\u{218F}\\u{2C00}-\\u{2FEF}\\u{3001}-\\u{D7FF}\\u{F900}-\\u{FDCF}\\u{FDF0}-\\u{FFFD}\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u{B7}\\u{300}-\\u{36F}\\u{203F}-\\u{2040}`;

const MULTI: Record<string, string> = {
  s: '[\\u{20}\\u{9}\\u{A}\\u{D}]',
  S: '[^\\u{20}\\u{9}\\u{A}\\u{D}]',
  d: '[\\p{Nd}]',
  D: '[\\P{Nd}]',
  w: '[^\\p{P}\\p{Z}\\p{C}]',
  W: '[\\p{P}\\p{Z}\\p{C}]',
  i: `[${NAME_START}]`,
  I: `[^${NAME_START}]`,
  c: `[${NAME_CHAR}]`,
  C: `[^${NAME_CHAR}]`,
};
const SINGLE: Record<string, number> = { n: 0xa, r: 0xd, t: 0x9 };
const ESCAPABLE = '\\|.-^?*+{}()[]';

/** Unicode blocks (`\p{IsBasicLatin}`) that TEI and common schemas use. */
const BLOCKS: Record<string, [number, number]> = {
  BasicLatin: [0x0, 0x7f],
  'Latin-1Supplement': [0x80, 0xff],
  'LatinExtended-A': [0x100, 0x17f],
  'LatinExtended-B': [0x180, 0x24f],
  IPAExtensions: [0x250, 0x2af],
  SpacingModifierLetters: [0x2b0, 0x2ff],
  CombiningDiacriticalMarks: [0x300, 0x36f],
  Greek: [0x370, 0x3ff],
  Cyrillic: [0x400, 0x4ff],
  Armenian: [0x530, 0x58f],
  Hebrew: [0x590, 0x5ff],
  Arabic: [0x600, 0x6ff],
  LatinExtendedAdditional: [0x1e00, 0x1eff],
  GreekExtended: [0x1f00, 0x1fff],
  GeneralPunctuation: [0x2000, 0x206f],
  CurrencySymbols: [0x20a0, 0x20cf],
  LetterlikeSymbols: [0x2100, 0x214f],
  NumberForms: [0x2150, 0x218f],
  Arrows: [0x2190, 0x21ff],
  MathematicalOperators: [0x2200, 0x22ff],
  CJKSymbolsandPunctuation: [0x3000, 0x303f],
  Hiragana: [0x3040, 0x309f],
  Katakana: [0x30a0, 0x30ff],
  CJKUnifiedIdeographs: [0x4e00, 0x9fff],
  PrivateUse: [0xe000, 0xf8ff],
  AlphabeticPresentationForms: [0xfb00, 0xfb4f],
  HalfwidthandFullwidthForms: [0xff00, 0xffef],
};

const hex = (cp: number) => `\\u{${cp.toString(16).toUpperCase()}}`;

class Translator {
  i = 0;
  constructor(readonly src: string) {}

  fail(what: string): never {
    throw new DatatypeError(`invalid XML Schema regular expression "${this.src}": ${what} at character ${this.i + 1}`);
  }
  peek(): string | undefined {
    return this.src[this.i];
  }
  next(): number {
    const cp = this.src.codePointAt(this.i);
    if (cp === undefined) this.fail('unexpected end');
    this.i += cp > 0xffff ? 2 : 1;
    return cp;
  }

  regExp(): string {
    const branches = [this.branch()];
    while (this.peek() === '|') {
      this.i++;
      branches.push(this.branch());
    }
    return branches.join('|');
  }

  branch(): string {
    let out = '';
    for (let c = this.peek(); c !== undefined && c !== '|' && c !== ')'; c = this.peek()) {
      out += this.atom() + this.quantifier();
    }
    return out;
  }

  quantifier(): string {
    const c = this.peek();
    if (c === '?' || c === '*' || c === '+') {
      this.i++;
      return c;
    }
    if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) this.fail('bad quantifier');
      this.i += m[0].length;
      return m[0];
    }
    return '';
  }

  atom(): string {
    const c = this.peek();
    if (c === '(') {
      this.i++;
      const inner = this.regExp();
      if (this.peek() !== ')') this.fail('missing )');
      this.i++;
      return `(?:${inner})`;
    }
    if (c === '[') return this.charClass();
    if (c === '.') {
      this.i++;
      return '[^\\u{A}\\u{D}]';
    }
    if (c === '\\') return this.escape(false);
    if (c === '?' || c === '*' || c === '+' || c === '{' || c === ']' || c === '}') this.fail(`unexpected "${c}"`);
    return hex(this.next());
  }

  /** An escape; inside a class a single character comes back as a bare `\u{…}`. */
  escape(inClass: boolean): string {
    this.i++;
    const c = this.peek();
    if (c === undefined) this.fail('dangling backslash');
    this.i++;
    if (c in MULTI) return MULTI[c]!;
    if (c in SINGLE) return hex(SINGLE[c]!);
    if (ESCAPABLE.includes(c)) return hex(c.codePointAt(0)!);
    if (c === 'p' || c === 'P') {
      const m = /^\{([^}]*)\}/.exec(this.src.slice(this.i));
      if (!m) this.fail('bad \\p escape');
      this.i += m[0].length;
      const name = m[1]!;
      const neg = c === 'P';
      if (name.startsWith('Is')) {
        const block = BLOCKS[name.slice(2)];
        if (!block) this.fail(`unsupported Unicode block "${name}"`);
        return `[${neg ? '^' : ''}${hex(block[0])}-${hex(block[1])}]`;
      }
      if (!/^(L[ultmo]?|M[nce]?|N[dlo]?|P[cdseifo]?|Z[slp]?|S[mcko]?|C[cfon]?)$/.test(name)) this.fail(`unknown category "${name}"`);
      // XSD's Co/Cn and JS's agree; "C" in XSD includes unassigned code points as JS does.
      return `[\\${neg ? 'P' : 'p'}{${name}}]`;
    }
    void inClass;
    return this.fail(`unknown escape "\\${c}"`);
  }

  charClass(): string {
    this.i++;
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.i++;
    }
    const items: string[] = [];
    let first = true;
    for (;;) {
      const c = this.peek();
      if (c === undefined) this.fail('missing ]');
      if (c === ']' && !first) break;
      if (c === '-' && this.src[this.i + 1] === '[' && !first) {
        this.i++;
        const subtracted = this.charClass();
        if (this.peek() !== ']') this.fail('subtraction must end the class');
        this.i++;
        return `[[${negated ? '^' : ''}${items.join('')}]--${subtracted}]`;
      }
      first = false;
      const from = this.classChar();
      if (from.startsWith('[')) {
        items.push(from);
        continue;
      }
      if (this.peek() === '-' && this.src[this.i + 1] !== ']' && this.src[this.i + 1] !== '[') {
        this.i++;
        const to = this.classChar();
        if (to.startsWith('[')) this.fail('range ends with a class escape');
        items.push(`${from}-${to}`);
      } else items.push(from);
    }
    this.i++;
    if (items.length === 0) this.fail('empty class');
    return `[${negated ? '^' : ''}${items.join('')}]`;
  }

  classChar(): string {
    const c = this.peek()!;
    if (c === '\\') return this.escape(true);
    if (c === '[') this.fail('"[" must be escaped in a class');
    return hex(this.next());
  }
}

const compiled = new Map<string, RegExp>();

/** Compiles an XSD pattern facet to an anchored JavaScript RegExp; throws DatatypeError when invalid. */
export function xsdRegExp(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    const t = new Translator(pattern);
    const body = t.regExp();
    if (t.i < pattern.length) t.fail('unbalanced )');
    try {
      re = new RegExp(`^(?:${body})$`, 'v');
    } catch (e) {
      throw new DatatypeError(`invalid XML Schema regular expression "${pattern}": ${(e as Error).message}`);
    }
    compiled.set(pattern, re);
  }
  return re;
}
