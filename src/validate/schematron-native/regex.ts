/**
 * XPath 3.1 regular expressions (F&O §5.6) translated to JavaScript ones. XPath's `\d`, `\s`,
 * `\w` and `.` differ from JavaScript's, so they are rewritten; what has no faithful translation
 * (`\i`, `\c`, Unicode block escapes, class subtraction, a negated class escape inside a class)
 * is `Unsupported` at compile time rather than a different answer.
 */
import { Unsupported } from './parser.js';
import { XPathError } from './values.js';

const cache = new Map<string, RegExp>();

const SPACE = ' \\t\\n\\r';

/** Compiles an XPath regex with its flags; `global` for replace and tokenize. */
export function xpathRegExp(pattern: string, flags: string, global = false): RegExp {
  const key = `${flags}\0${global}\0${pattern}`;
  let re = cache.get(key);
  if (re) return re;
  for (const f of flags) if (!'smixq'.includes(f)) throw new XPathError('FORX0001', `invalid regular expression flag "${f}"`);
  let source: string;
  if (flags.includes('q')) source = pattern.replace(/[\\^$.*+?()[\]{}|/-]/g, (c) => (c === '-' ? '\\x2D' : `\\${c}`));
  else source = translate(flags.includes('x') ? stripSpace(pattern) : pattern, flags.includes('s'));
  let js = 'u';
  if (flags.includes('m')) js += 'm';
  if (flags.includes('i')) js += 'i';
  if (global) js += 'g';
  try {
    re = new RegExp(source, js);
  } catch (e) {
    throw new XPathError('FORX0002', `invalid regular expression "${pattern}": ${(e as Error).message}`);
  }
  cache.set(key, re);
  return re;
}

function stripSpace(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      out += c + (pattern[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    if (!inClass && /[ \t\n\r]/.test(c)) continue;
    out += c;
  }
  return out;
}

function translate(p: string, dotAll: boolean): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '\\') {
      const e = p[++i];
      if (e === undefined) throw new XPathError('FORX0002', `regular expression "${p}" ends with "\\"`);
      switch (e) {
        case 'd':
          out += inClass ? '\\p{Nd}' : '\\p{Nd}';
          break;
        case 'D':
          if (inClass) throw new Unsupported('\\D inside a character class');
          out += '\\P{Nd}';
          break;
        case 's':
          out += inClass ? SPACE : `[${SPACE}]`;
          break;
        case 'S':
          if (inClass) throw new Unsupported('\\S inside a character class');
          out += `[^${SPACE}]`;
          break;
        case 'w':
          if (inClass) throw new Unsupported('\\w inside a character class');
          out += '[^\\p{P}\\p{Z}\\p{C}]';
          break;
        case 'W':
          out += inClass ? '\\p{P}\\p{Z}\\p{C}' : '[\\p{P}\\p{Z}\\p{C}]';
          break;
        case 'i':
        case 'I':
        case 'c':
        case 'C':
          throw new Unsupported(`the regular expression escape \\${e}`);
        case 'p':
        case 'P': {
          const close = p.indexOf('}', i);
          const name = p.slice(i + 2, close);
          if (p[i + 1] !== '{' || close < 0) throw new XPathError('FORX0002', `malformed \\${e} in "${p}"`);
          if (name.startsWith('Is')) throw new Unsupported(`the Unicode block escape \\${e}{${name}}`);
          out += `\\${e}{${name}}`;
          i = close;
          break;
        }
        case 'n':
        case 'r':
        case 't':
          out += `\\${e}`;
          break;
        case '-':
          out += '\\x2D';
          break;
        default:
          if (/[0-9]/.test(e)) {
            if (inClass) throw new XPathError('FORX0002', `back-reference inside a character class in "${p}"`);
            out += `\\${e}`;
          } else if ('\\|.?*+(){}[]^$'.includes(e)) out += `\\${e}`;
          else throw new XPathError('FORX0002', `invalid escape \\${e} in "${p}"`);
      }
      continue;
    }
    if (inClass) {
      if (c === '[') throw new Unsupported('character class subtraction or nested class');
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (p[i + 1] === '^') {
        out += '^';
        i++;
      }
      if (p[i + 1] === ']') throw new XPathError('FORX0002', `empty character class in "${p}"`);
      continue;
    }
    if (c === '.') {
      out += dotAll ? '[\\s\\S]' : '[^\\n\\r]';
      continue;
    }
    out += c;
  }
  return out;
}

/** Translates an XPath replacement string (`$N`, `\$`, `\\`) into a JavaScript one. */
export function replacement(rep: string, literal: boolean): string {
  if (literal) return rep.replace(/\$/g, '$$$$');
  let out = '';
  for (let i = 0; i < rep.length; i++) {
    const c = rep[i]!;
    if (c === '\\') {
      const e = rep[i + 1];
      if (e !== '\\' && e !== '$') throw new XPathError('FORX0004', `invalid replacement string "${rep}"`);
      out += e === '$' ? '$$' : '\\';
      i++;
    } else if (c === '$') {
      const m = /^[0-9]+/.exec(rep.slice(i + 1));
      if (!m) throw new XPathError('FORX0004', `invalid replacement string "${rep}"`);
      out += `$${m[0]}`;
      i += m[0].length;
    } else out += c;
  }
  return out;
}
