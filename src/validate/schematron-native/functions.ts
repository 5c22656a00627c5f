/**
 * The function library of the native engine: the XPath 3.1 functions Schematron schemas use
 * (strings, sequences, nodes, regular expressions, documents), `map:*`, XSLT's `key()` and
 * `current()`, and the `xs:` constructor functions and casts for the types it knows. A function
 * outside this list is not found, and the expression is `Unsupported` at compile time.
 */
import { XML_NAMESPACE } from '../../xml/scanner.js';
import { collapseWhitespace } from '../../xml/whitespace.js';
import type { Compiled, Ctx, Ev, StaticContext } from './compile.js';
import { Unsupported, type Expr } from './parser.js';
import { xpathRegExp, replacement } from './regex.js';
import { isNCName } from '../relaxng/datatypes.js';
import { Kind, XDocument, XNode } from './tree.js';
import {
  atomize,
  atomizeItem,
  atomicToString,
  compareValues,
  ebv,
  EMPTY,
  FALSE,
  isNumeric,
  itemToString,
  mapKey,
  numberOf,
  parseDouble,
  TRUE,
  Untyped,
  XDecimal,
  XInteger,
  XMap,
  XPathError,
  type Atomic,
  type Item,
  type Seq,
} from './values.js';

export const XS_NS = 'http://www.w3.org/2001/XMLSchema';
export const FN_NS = 'http://www.w3.org/2005/xpath-functions';
export const MAP_NS = 'http://www.w3.org/2005/xpath-functions/map';

// ---- Casting -------------------------------------------------------------------------------

const INTEGER_TYPES: Record<string, (v: number) => boolean> = {
  integer: () => true,
  long: (v) => Math.abs(v) <= 9223372036854775807,
  int: (v) => v >= -2147483648 && v <= 2147483647,
  positiveInteger: (v) => v > 0,
  nonNegativeInteger: (v) => v >= 0,
  negativeInteger: (v) => v < 0,
  nonPositiveInteger: (v) => v <= 0,
};
/** Types only `castable as` knows (lexical check): the engine has no values of these types. */
const LEXICAL_TYPES: Record<string, RegExp> = {
  date: /^-?([0-9]{4,})-([0-9]{2})-([0-9]{2})(Z|[+-][0-9]{2}:[0-9]{2})?$/,
  gYear: /^-?[0-9]{4,}(Z|[+-][0-9]{2}:[0-9]{2})?$/,
  gYearMonth: /^-?[0-9]{4,}-(0[1-9]|1[0-2])(Z|[+-][0-9]{2}:[0-9]{2})?$/,
  dateTime: /^-?([0-9]{4,})-([0-9]{2})-([0-9]{2})T([01][0-9]|2[0-4]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$/,
};

function validDate(m: RegExpExecArray): boolean {
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}


/** Throws `Unsupported` for a cast target the engine does not know (at compile time, not on a document). */
export function checkCastTarget(target: string): void {
  const known = target === 'string' || target === 'untypedAtomic' || target === 'boolean' || target === 'double' || target === 'decimal' || target in INTEGER_TYPES;
  if (!known) throw new Unsupported(`cast to xs:${target}`);
}

/** Casts an atomic value to `xs:<target>`; raises FORG0001 for a value of the wrong form. */
export function castAtomic(a: Atomic, target: string): Atomic {
  checkCastTarget(target);
  const cast = castValue(a, target);
  if (cast === undefined) throw new XPathError('FORG0001', `"${atomicToString(a)}" cannot be cast to xs:${target}`);
  return cast;
}

/**
 * The cast of `castAtomic` to a known target, or undefined for a value of the wrong form:
 * `castable as` asks this without an exception (which costs ~15 µs, on every bad value of a file).
 */
function castValue(a: Atomic, target: string): Atomic | undefined {
  if (target === 'string') return atomicToString(a);
  if (target === 'untypedAtomic') return new Untyped(atomicToString(a));
  const text = typeof a === 'string' || a instanceof Untyped ? collapseWhitespace(typeof a === 'string' ? a : a.value) : undefined;
  if (target === 'boolean') {
    if (text !== undefined) {
      if (text === 'true' || text === '1') return true;
      if (text === 'false' || text === '0') return false;
      return undefined;
    }
    if (typeof a === 'boolean') return a;
    const v = numberOf(a as number);
    return !(v === 0 || Number.isNaN(v));
  }
  let v: number;
  if (text !== undefined) {
    if (target === 'double') {
      v = parseDouble(text);
      if (Number.isNaN(v) && text !== 'NaN') return undefined;
      return v;
    }
    const re = target === 'decimal' ? /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/ : /^[+-]?[0-9]+$/;
    if (!re.test(text)) return undefined;
    v = Number(text);
  } else if (typeof a === 'boolean') v = a ? 1 : 0;
  else {
    v = numberOf(a as number);
    if (target === 'double') return v;
    if (!Number.isFinite(v)) return undefined;
    if (target !== 'decimal') v = Math.trunc(v);
  }
  if (target === 'double') return v;
  if (target === 'decimal') return new XDecimal(v);
  if (!INTEGER_TYPES[target]!(v)) return undefined;
  return new XInteger(v === 0 ? 0 : v);
}

/** `$a castable as xs:<target>`; throws `Unsupported` for a target the engine does not know. */
export function castable(a: Atomic, target: string): boolean {
  const lexical = LEXICAL_TYPES[target];
  if (lexical) {
    if (!(typeof a === 'string' || a instanceof Untyped)) return false;
    const m = lexical.exec(collapseWhitespace(typeof a === 'string' ? a : a.value));
    if (!m) return false;
    return target === 'date' || target === 'dateTime' ? validDate(m) : true;
  }
  checkCastTarget(target);
  return castValue(a, target) !== undefined;
}

// ---- Argument conversion --------------------------------------------------------------------

/** An optional single atomic value. */
function optAtomic(seq: Seq, what: string): Atomic | undefined {
  if (seq.length === 0) return undefined;
  if (seq.length > 1) throw new XPathError('XPTY0004', `${what}: a sequence of ${seq.length} items where one is expected`);
  return atomizeItem(seq[0]!);
}

/** An `xs:string?` argument ('' when empty). */
export function stringArg(seq: Seq, what: string): string {
  if (seq.length === 1) {
    // The common cases without atomizing into a new object.
    const only = seq[0]!;
    if (typeof only === 'string') return only;
    if (only instanceof XNode) return only.string();
  }
  const a = optAtomic(seq, what);
  if (a === undefined) return '';
  if (typeof a === 'string') return a;
  if (a instanceof Untyped) return a.value;
  throw new XPathError('XPTY0004', `${what}: expected a string, found ${atomicToString(a)}`);
}

/** An `xs:double` argument (untypedAtomic cast; integers and decimals promoted). */
function num(seq: Seq, what: string): number | undefined {
  const a = optAtomic(seq, what);
  if (a === undefined) return undefined;
  if (a instanceof Untyped) return castAtomic(a, 'double') as number;
  if (!isNumeric(a)) throw new XPathError('XPTY0004', `${what}: expected a number`);
  return numberOf(a);
}

/** A node argument (`local-name($n)`, `key(…, …, $top)`): zero or one node. */
export function nodeArg(seq: Seq, what: string): XNode | undefined {
  if (seq.length === 0) return undefined;
  if (seq.length > 1 || !(seq[0] instanceof XNode)) throw new XPathError('XPTY0004', `${what}: expected a single node`);
  return seq[0];
}

/** The focus of a function that reads it when its node argument is left out (`name()`, `root()`, `key()` with two arguments). */
export function functionFocus(item: Item | undefined, what: string): XNode {
  if (item === undefined) throw new XPathError('XPDY0002', `${what}: the context item is absent`);
  if (!(item instanceof XNode)) throw new XPathError('XPTY0004', `${what}: the context item is not a node`);
  return item;
}

const focusNode = (c: Ctx, what: string): XNode => functionFocus(c.item, what);

/** The root of a node's tree, as root() gives it: a document node, or the top of a tree without one. */
export function treeTop(n: XNode): XNode {
  let top = n;
  while (top.parent) top = top.parent;
  return top;
}

/** substring-before(): '' when `t` does not occur in `s`. */
export function substringBefore(s: string, t: string): string {
  const at = s.indexOf(t);
  return at < 0 ? '' : s.slice(0, at);
}

/** substring-after(): '' when `t` does not occur in `s`. */
export function substringAfter(s: string, t: string): string {
  const at = s.indexOf(t);
  return at < 0 ? '' : s.slice(at + t.length);
}

/** map:contains($map, $key). */
export function mapContains(m: Seq, k: Seq): boolean {
  const key = optAtomic(k, 'map:contains');
  if (m.length !== 1 || !(m[0] instanceof XMap) || key === undefined) throw new XPathError('XPTY0004', 'map:contains needs a map and a key');
  return m[0].entries.has(mapKey(key));
}

const SURROGATE = /[\uD800-\uDFFF]/;

function codepoints(s: string): string[] {
  return SURROGATE.test(s) ? Array.from(s) : s.split('');
}

/** Number of characters (code points) of a string. */
function length(s: string): number {
  return SURROGATE.test(s) ? Array.from(s).length : s.length;
}

const str = stringArg;

const xpathRound = (v: number): number => Math.floor(v + 0.5);

/** `substring($s, $start, $length?)` with the numbers given (XPath rounding, code points). */
export function substringOf(s: string, start: number, length?: number): string {
  if (!SURROGATE.test(s)) {
    // No surrogate pairs: positions are UTF-16 indexes.
    const from = xpathRound(start);
    const to = length === undefined ? Infinity : from + xpathRound(length);
    if (Number.isNaN(from) || Number.isNaN(to)) return '';
    return s.slice(Math.max(1, from) - 1, Math.max(0, Math.min(to, s.length + 1) - 1));
  }
  const chars = codepoints(s);
  const from = xpathRound(start);
  const to = length === undefined ? Infinity : from + xpathRound(length);
  if (Number.isNaN(from) || Number.isNaN(to)) return '';
  let out = '';
  for (let p = Math.max(1, from); p < to && p <= chars.length; p++) out += chars[p - 1];
  return out;
}


function regexArgs(pattern: string, flags: string, global: boolean): RegExp {
  const re = xpathRegExp(pattern, flags, global);
  if (re.test('') && global) throw new XPathError('FORX0003', `the regular expression "${pattern}" matches the empty string`);
  re.lastIndex = 0;
  return re;
}

function tokenize(input: string, pattern: string, flags: string): Seq {
  if (input === '') return EMPTY;
  if (flags === '' && !/[\\^$.|?*+()[\]{}]/.test(pattern) && pattern !== '') return input.split(pattern);
  const re = regexArgs(pattern, flags, true);
  const out: string[] = [];
  let last = 0;
  for (const m of input.matchAll(re)) {
    out.push(input.slice(last, m.index));
    last = m.index! + m[0].length;
  }
  out.push(input.slice(last));
  return out;
}


function sameValue(a: Atomic, b: Atomic): boolean {
  try {
    return compareValues(a, b, 'eq');
  } catch (e) {
    if (e instanceof XPathError) return false;
    throw e;
  }
}

function resolveUri(relative: string, base: string): string {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(relative)) return relative;
  if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(base)) throw new XPathError('FORG0002', `cannot resolve "${relative}" against the base URI "${base}"`);
  try {
    return new URL(relative, base).href;
  } catch {
    throw new XPathError('FORG0002', `cannot resolve "${relative}" against "${base}"`);
  }
}

function baseUriOf(n: XNode): string {
  for (let a: XNode | null = n; a; a = a.parent) {
    // xml:base would change the answer; the engine does not follow it.
    if (a.kind === Kind.Element && a.attribute(XML_NAMESPACE, 'base')) throw new Unsupported('xml:base in a document');
  }
  return n.root && n.root.kind === Kind.Document ? (n.root as unknown as { baseUri: string }).baseUri : '';
}

// ---- The library ----------------------------------------------------------------------------

type Impl = (args: Ev[], c: Ctx) => Seq;
interface Definition {
  min: number;
  max: number;
  impl: Impl;
  /** Checks at compile time (literal arguments, context). */
  check?: (args: Expr[], sc: StaticContext) => void;
}

const one = (impl: (a: Seq, c: Ctx) => Seq): Impl => (args, c) => impl(args[0]!(c), c);
const bool = (b: boolean): Seq => (b ? TRUE : FALSE);
/** The argument, or the context item when the function is called without it. */
const argOrContext = (args: Ev[], c: Ctx, what: string): Seq => {
  if (args.length > 0) return args[0]!(c);
  if (c.item === undefined) throw new XPathError('XPDY0002', `${what}: the context item is absent`);
  return [c.item];
};

const literal = (e: Expr | undefined): string | undefined => (e && e.type === 'StringLiteral' ? e.value : undefined);
const checkRegex = (patternArg: number, flagsArg: number) => (args: Expr[]) => {
  const pattern = literal(args[patternArg]);
  const flags = args.length > flagsArg ? literal(args[flagsArg]) : '';
  if (pattern !== undefined && flags !== undefined) {
    try {
      xpathRegExp(pattern, flags);
    } catch (e) {
      if (e instanceof XPathError) throw new Unsupported(e.message);
      throw e;
    }
  }
};

const FUNCTIONS: Record<string, Definition> = {
  true: { min: 0, max: 0, impl: () => TRUE },
  false: { min: 0, max: 0, impl: () => FALSE },
  not: { min: 1, max: 1, impl: one((a) => bool(!ebv(a))) },
  boolean: { min: 1, max: 1, impl: one((a) => bool(ebv(a))) },
  exists: { min: 1, max: 1, impl: one((a) => bool(a.length > 0)) },
  empty: { min: 1, max: 1, impl: one((a) => bool(a.length === 0)) },
  count: { min: 1, max: 1, impl: one((a) => [new XInteger(a.length)]) },
  data: { min: 0, max: 1, impl: (args, c) => atomize(argOrContext(args, c, 'data')) },
  head: { min: 1, max: 1, impl: one((a) => a.slice(0, 1)) },
  tail: { min: 1, max: 1, impl: one((a) => a.slice(1)) },
  reverse: { min: 1, max: 1, impl: one((a) => a.slice().reverse()) },
  string: {
    min: 0,
    max: 1,
    impl: (args, c) => {
      const a = argOrContext(args, c, 'string');
      if (a.length > 1) throw new XPathError('XPTY0004', 'string: a sequence of several items');
      return [a.length === 0 ? '' : itemToString(a[0]!)];
    },
  },
  'normalize-space': {
    min: 0,
    max: 1,
    impl: (args, c) => [collapseWhitespace(args.length > 0 ? str(args[0]!(c), 'normalize-space') : itemToString(focusNode(c, 'normalize-space')))],
  },
  'string-length': {
    min: 0,
    max: 1,
    impl: (args, c) => [new XInteger(length(args.length > 0 ? str(args[0]!(c), 'string-length') : itemToString(focusNode(c, 'string-length'))))],
  },
  concat: {
    min: 2,
    max: Infinity,
    impl: (args, c) => {
      let s = '';
      for (const a of args) {
        const v = optAtomic(a(c), 'concat');
        if (v !== undefined) s += atomicToString(v);
      }
      return [s];
    },
  },
  contains: { min: 2, max: 2, impl: (args, c) => bool(str(args[0]!(c), 'contains').includes(str(args[1]!(c), 'contains'))) },
  'starts-with': { min: 2, max: 2, impl: (args, c) => bool(str(args[0]!(c), 'starts-with').startsWith(str(args[1]!(c), 'starts-with'))) },
  'ends-with': { min: 2, max: 2, impl: (args, c) => bool(str(args[0]!(c), 'ends-with').endsWith(str(args[1]!(c), 'ends-with'))) },
  'substring-before': {
    min: 2,
    max: 2,
    impl: (args, c) => [substringBefore(str(args[0]!(c), 'substring-before'), str(args[1]!(c), 'substring-before'))],
  },
  'substring-after': {
    min: 2,
    max: 2,
    impl: (args, c) => [substringAfter(str(args[0]!(c), 'substring-after'), str(args[1]!(c), 'substring-after'))],
  },
  substring: {
    min: 2,
    max: 3,
    impl: (args, c) => {
      const s = str(args[0]!(c), 'substring');
      const start = num(args[1]!(c), 'substring');
      if (start === undefined) throw new XPathError('XPTY0004', 'substring: the start is empty');
      if (args.length < 3) return [substringOf(s, start)];
      const length = num(args[2]!(c), 'substring');
      if (length === undefined) throw new XPathError('XPTY0004', 'substring: the length is empty');
      return [substringOf(s, start, length)];
    },
  },
  'string-join': {
    min: 1,
    max: 2,
    impl: (args, c) => {
      const items = atomize(args[0]!(c));
      const sep = args.length > 1 ? str(args[1]!(c), 'string-join') : '';
      return [items.map(atomicToString).join(sep)];
    },
  },
  'upper-case': { min: 1, max: 1, impl: one((a) => [str(a, 'upper-case').toUpperCase()]) },
  'lower-case': { min: 1, max: 1, impl: one((a) => [str(a, 'lower-case').toLowerCase()]) },
  translate: {
    min: 3,
    max: 3,
    impl: (args, c) => {
      const s = codepoints(str(args[0]!(c), 'translate'));
      const from = codepoints(str(args[1]!(c), 'translate'));
      const to = codepoints(str(args[2]!(c), 'translate'));
      return [
        s
          .map((ch) => {
            const i = from.indexOf(ch);
            return i < 0 ? ch : (to[i] ?? '');
          })
          .join(''),
      ];
    },
  },
  tokenize: {
    min: 1,
    max: 3,
    check: checkRegex(1, 2),
    impl: (args, c) => {
      const input = str(args[0]!(c), 'tokenize');
      if (args.length === 1) {
        const n = collapseWhitespace(input);
        return n === '' ? EMPTY : n.split(' ');
      }
      return tokenize(input, str(args[1]!(c), 'tokenize'), args.length > 2 ? str(args[2]!(c), 'tokenize') : '');
    },
  },
  matches: {
    min: 2,
    max: 3,
    check: checkRegex(1, 2),
    impl: (args, c) => {
      const input = str(args[0]!(c), 'matches');
      const re = xpathRegExp(str(args[1]!(c), 'matches'), args.length > 2 ? str(args[2]!(c), 'matches') : '');
      return bool(re.test(input));
    },
  },
  replace: {
    min: 3,
    max: 4,
    check: checkRegex(1, 3),
    impl: (args, c) => {
      const input = str(args[0]!(c), 'replace');
      const flags = args.length > 3 ? str(args[3]!(c), 'replace') : '';
      const re = regexArgs(str(args[1]!(c), 'replace'), flags, true);
      return [input.replace(re, replacement(str(args[2]!(c), 'replace'), flags.includes('q')))];
    },
  },
  'distinct-values': {
    min: 1,
    max: 1,
    impl: one((a) => {
      const seen = new Set<string>();
      const out: Atomic[] = [];
      for (const v of atomize(a)) {
        // Distinct-values identity is map-key identity: strings and untypedAtomic alike, numbers by value (NaN = NaN).
        const k = mapKey(v);
        if (seen.has(k)) continue;
        seen.add(k);
        out.push(v);
      }
      return out;
    }),
  },
  'index-of': {
    min: 2,
    max: 2,
    impl: (args, c) => {
      const seq = atomize(args[0]!(c));
      const search = optAtomic(args[1]!(c), 'index-of');
      if (search === undefined) throw new XPathError('XPTY0004', 'index-of: the value searched for is empty');
      const target = search instanceof Untyped ? search.value : search;
      const out: Item[] = [];
      seq.forEach((v, i) => {
        if (sameValue(v instanceof Untyped ? v.value : v, target)) out.push(new XInteger(i + 1));
      });
      return out;
    },
  },
  'local-name': {
    min: 0,
    max: 1,
    impl: (args, c) => {
      const n = args.length > 0 ? nodeArg(args[0]!(c), 'local-name') : focusNode(c, 'local-name');
      return [n ? n.local : ''];
    },
  },
  name: {
    min: 0,
    max: 1,
    impl: (args, c) => {
      const n = args.length > 0 ? nodeArg(args[0]!(c), 'name') : focusNode(c, 'name');
      return [n ? n.qname : ''];
    },
  },
  'namespace-uri': {
    min: 0,
    max: 1,
    impl: (args, c) => {
      const n = args.length > 0 ? nodeArg(args[0]!(c), 'namespace-uri') : focusNode(c, 'namespace-uri');
      return [n ? n.ns : ''];
    },
  },
  root: {
    min: 0,
    max: 1,
    impl: (args, c) => {
      const n = args.length > 0 ? nodeArg(args[0]!(c), 'root') : focusNode(c, 'root');
      return n ? [treeTop(n)] : EMPTY;
    },
  },
  id: {
    min: 1,
    max: 2,
    impl: (args, c) => {
      const n = args.length > 1 ? nodeArg(args[1]!(c), 'id') : focusNode(c, 'id');
      if (!n) throw new XPathError('XPTY0004', 'id: the second argument is empty; expected a node');
      const top = treeTop(n);
      if (!(top instanceof XDocument)) throw new XPathError('FODC0001', 'id: the node is not in a tree whose root is a document node');
      const found = new Set<XNode>();
      for (const value of atomize(args[0]!(c))) {
        if (!(typeof value === 'string' || value instanceof Untyped)) throw new XPathError('XPTY0004', 'id: expected strings');
        // Each value is a list of IDREFs; a token that is not an NCName can name no element.
        for (const token of (typeof value === 'string' ? value : value.value).split(/[ \t\r\n]+/)) {
          const e = token !== '' && isNCName(token) ? top.elementWithId(token) : undefined;
          if (e) found.add(e);
        }
      }
      return found.size > 1 ? [...found].sort((a, b) => a.order - b.order) : [...found];
    },
  },
  position: {
    min: 0,
    max: 0,
    impl: (_args, c) => {
      if (c.item === undefined) throw new XPathError('XPDY0002', 'position(): the focus is absent');
      return [new XInteger(c.pos)];
    },
  },
  last: {
    min: 0,
    max: 0,
    impl: (_args, c) => {
      if (c.item === undefined) throw new XPathError('XPDY0002', 'last(): the focus is absent');
      return [new XInteger(c.size)];
    },
  },
  'base-uri': {
    min: 0,
    max: 1,
    impl: (args, c) => {
      const n = args.length > 0 ? nodeArg(args[0]!(c), 'base-uri') : focusNode(c, 'base-uri');
      if (!n) return EMPTY;
      const uri = baseUriOf(n);
      return uri === '' ? EMPTY : [uri];
    },
  },
  'resolve-uri': {
    min: 1,
    max: 2,
    impl: (args, c) => {
      const rel = optAtomic(args[0]!(c), 'resolve-uri');
      if (rel === undefined) return EMPTY;
      const base = args.length > 1 ? str(args[1]!(c), 'resolve-uri') : c.run.baseUri;
      return [resolveUri(atomicToString(rel), base)];
    },
  },
  'doc-available': {
    min: 1,
    max: 1,
    impl: (args, c) => {
      const uri = optAtomic(args[0]!(c), 'doc-available');
      if (uri === undefined) return FALSE;
      try {
        return bool(c.run.doc(resolveUri(atomicToString(uri), c.run.baseUri)) !== undefined);
      } catch (e) {
        if (e instanceof XPathError) return FALSE;
        throw e;
      }
    },
  },
  doc: {
    min: 1,
    max: 1,
    impl: (args, c) => {
      const uri = optAtomic(args[0]!(c), 'doc');
      if (uri === undefined) return EMPTY;
      const d = c.run.doc(resolveUri(atomicToString(uri), c.run.baseUri));
      if (!d) throw new XPathError('FODC0002', `cannot read the document ${atomicToString(uri)}`);
      return [d];
    },
  },
  number: {
    min: 0,
    max: 1,
    impl: (args, c) => {
      const a = optAtomic(argOrContext(args, c, 'number'), 'number');
      if (a === undefined) return [NaN];
      try {
        return [castAtomic(a, 'double') as number];
      } catch (e) {
        if (e instanceof XPathError) return [NaN];
        throw e;
      }
    },
  },
  sum: {
    min: 1,
    max: 1,
    impl: one((a) => {
      let total = 0;
      let type: 'integer' | 'decimal' | 'double' = 'integer';
      for (const v of atomize(a)) {
        const x = v instanceof Untyped ? (castAtomic(v, 'double') as number) : v;
        if (!isNumeric(x)) throw new XPathError('FORG0006', 'sum of a non-numeric value');
        if (typeof x === 'number') type = 'double';
        else if (x instanceof XDecimal && type === 'integer') type = 'decimal';
        total += numberOf(x);
      }
      return [type === 'double' ? total : type === 'decimal' ? new XDecimal(total) : new XInteger(total)];
    }),
  },
  abs: { min: 1, max: 1, impl: one((a) => numericUnary(a, Math.abs)) },
  floor: { min: 1, max: 1, impl: one((a) => numericUnary(a, Math.floor)) },
  ceiling: { min: 1, max: 1, impl: one((a) => numericUnary(a, Math.ceil)) },
  round: { min: 1, max: 1, impl: one((a) => numericUnary(a, xpathRound)) },
};

function numericUnary(a: Seq, f: (v: number) => number): Seq {
  const v = optAtomic(a, 'a numeric function');
  if (v === undefined) return EMPTY;
  const x = v instanceof Untyped ? (castAtomic(v, 'double') as number) : v;
  if (!isNumeric(x)) throw new XPathError('XPTY0004', 'a numeric function on a non-numeric value');
  const r = f(numberOf(x));
  return [typeof x === 'number' ? r : x instanceof XInteger ? new XInteger(r) : new XDecimal(r)];
}

const XSLT_FUNCTIONS: Record<string, Definition> = {
  key: {
    min: 2,
    max: 3,
    check: (args, sc) => {
      const name = literal(args[0]);
      if (name === undefined || !sc.keys.has(name)) throw new Unsupported(`key() with a key name that is not a declared xsl:key`);
    },
    impl: (args, c) => {
      const name = str(args[0]!(c), 'key');
      const values = atomize(args[1]!(c));
      let top: XNode | undefined;
      if (args.length > 2) top = nodeArg(args[2]!(c), 'key');
      else top = treeTop(focusNode(c, 'key'));
      if (!top) throw new XPathError('XPTY0004', 'key: the third argument is empty');
      return c.run.key(name, values, top);
    },
  },
  current: {
    min: 0,
    max: 0,
    check: (_args, sc) => {
      if (!sc.hasCurrent) throw new Unsupported('current() outside a rule');
    },
    impl: (_args, c) => {
      if (c.current === undefined) throw new XPathError('XTDE1360', 'current(): no current item');
      return [c.current];
    },
  },
};

const MAP_FUNCTIONS: Record<string, Definition> = {
  merge: {
    min: 1,
    max: 1,
    impl: one((a) => {
      const m = new Map<string, { key: Atomic; value: Seq }>();
      for (const x of a) {
        if (!(x instanceof XMap)) throw new XPathError('XPTY0004', 'map:merge of something that is not a map');
        // Duplicate keys: the first wins (use-first, the default).
        for (const [k, v] of x.entries) if (!m.has(k)) m.set(k, v);
      }
      return [new XMap(m)];
    }),
  },
  contains: {
    min: 2,
    max: 2,
    impl: (args, c) => bool(mapContains(args[0]!(c), args[1]!(c))),
  },
  get: {
    min: 2,
    max: 2,
    impl: (args, c) => {
      const m = args[0]!(c);
      const k = optAtomic(args[1]!(c), 'map:get');
      if (m.length !== 1 || !(m[0] instanceof XMap) || k === undefined) throw new XPathError('XPTY0004', 'map:get needs a map and a key');
      return m[0].get(k) ?? EMPTY;
    },
  },
  size: {
    min: 1,
    max: 1,
    impl: one((m) => {
      if (m.length !== 1 || !(m[0] instanceof XMap)) throw new XPathError('XPTY0004', 'map:size needs a map');
      return [new XInteger(m[0].entries.size)];
    }),
  },
  keys: {
    min: 1,
    max: 1,
    impl: one((m) => {
      if (m.length !== 1 || !(m[0] instanceof XMap)) throw new XPathError('XPTY0004', 'map:keys needs a map');
      return [...m[0].entries.values()].map((e) => e.key);
    }),
  },
};

/**
 * The implementation of a built-in function for these arguments, or undefined when there is
 * none (the caller then reports the expression as unsupported).
 */
/**
 * The string functions that also run on string getters — arguments whose single string is known
 * without building a sequence (string literals, `a || b`, nested calls of these): the same
 * results and the same errors as the table above (`str` decides each argument's string), with
 * no array per argument or result.
 */
export function stringCall(local: string, args: Compiled[]): { str?: (c: Ctx) => string; test?: (c: Ctx) => boolean } | undefined {
  const strs = args.map((a) => {
    if (a.str) return a.str;
    const ev = a.ev;
    return (c: Ctx) => str(ev(c), local);
  });
  const [a, b] = strs as [(c: Ctx) => string, (c: Ctx) => string];
  switch (args.length === 2 ? local : args.length === 1 && local === 'normalize-space' ? local : '') {
    case 'contains':
      return { test: (c) => a(c).includes(b(c)) };
    case 'starts-with':
      return { test: (c) => a(c).startsWith(b(c)) };
    case 'ends-with':
      return { test: (c) => a(c).endsWith(b(c)) };
    case 'substring-before':
      return { str: (c) => substringBefore(a(c), b(c)) };
    case 'substring-after':
      return { str: (c) => substringAfter(a(c), b(c)) };
    case 'normalize-space':
      return { str: (c) => collapseWhitespace(a(c)) };
  }
  return undefined;
}

export function lookupFunction(ns: string, local: string, args: Compiled[], sc: StaticContext, argExprs: Expr[] = []): Ev | undefined {
  if (ns === XS_NS) {
    if (args.length !== 1) return undefined;
    checkCastTarget(local);
    const arg = args[0]!.ev;
    return (c) => {
      const v = optAtomic(arg(c), `xs:${local}`);
      return v === undefined ? EMPTY : [castAtomic(v, local)];
    };
  }
  const table = ns === FN_NS ? { ...FUNCTIONS, ...XSLT_FUNCTIONS } : ns === MAP_NS ? MAP_FUNCTIONS : undefined;
  const def = table && Object.prototype.hasOwnProperty.call(table, local) ? table[local] : undefined;
  if (!def || args.length < def.min || args.length > def.max) return undefined;
  def.check?.(argExprs, sc);
  const evs = args.map((a) => a.ev);
  const impl = def.impl;
  return (c) => impl(evs, c);
}
