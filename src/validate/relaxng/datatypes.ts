/**
 * The two datatype libraries shifr's RELAX NG engine knows: the built-in one (`string`, `token`;
 * spec 6.2.8) and the W3C XML Schema datatypes (`http://www.w3.org/2001/XMLSchema-datatypes`,
 * as "Guidelines for using W3C XML Schema Datatypes with RELAX NG" describes), with the facets
 * allowed as parameters. Each type says how to normalise whitespace, how to read a lexical form
 * into a value, how values compare, and how long a value is (for the length facets).
 */
import type { NamespaceContext } from '../../xml/reader.js';
import { collapseWhitespace } from '../../xml/whitespace.js';
import { INVALID, DatatypeError, type Datatype } from './datatype.js';
import { xsdRegExp } from './xsd-regex.js';

export const XSD_LIBRARY = 'http://www.w3.org/2001/XMLSchema-datatypes';

type Whitespace = 'preserve' | 'replace' | 'collapse';
type Family = 'string' | 'list' | 'decimal' | 'float' | 'date' | 'duration' | 'binary' | 'boolean' | 'name';

interface BaseType {
  ws: Whitespace;
  family: Family;
  /** Reads a whitespace-normalised lexical form into a value (or INVALID). */
  read(s: string, cx: NamespaceContext | undefined): unknown;
  /** -1, 0, 1, or NaN when incomparable; absent when the type has no order. */
  compare?(a: unknown, b: unknown): number;
  equal?(a: unknown, b: unknown): boolean;
  length?(v: unknown): number;
  describe: string;
  idType?: 'ID' | 'IDREF' | 'IDREFS';
  contextDependent?: boolean;
}

const replaceWs = (s: string) => s.replace(/[\t\r\n]/g, ' ');
function normalise(s: string, ws: Whitespace): string {
  return ws === 'collapse' ? collapseWhitespace(s) : ws === 'replace' ? replaceWs(s) : s;
}
const codePoints = (s: string) => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
};

const NCNAME_START = '_A-Za-z\\u{C0}-\\u{D6}\\u{D8}-\\u{F6}\\u{F8}-\\u{2FF}\\u{370}-\\u{37D}\\u{37F}-\\u{1FFF}\\u{200C}-\\u{200D}\\u{2070}-\\u{218F}\\u{2C00}-\\u{2FEF}\\u{3001}-\\u{D7FF}\\u{F900}-\\u{FDCF}\\u{FDF0}-\\u{FFFD}\\u{10000}-\\u{EFFFF}';
const NCNAME_CHAR = `${NCNAME_START}\\-.0-9\\u{B7}\\u{300}-\\u{36F}\\u{203F}-\\u{2040}`;
const NCNAME = new RegExp(`^[${NCNAME_START}][${NCNAME_CHAR}]*$`, 'v');
const NAME = new RegExp(`^[${NCNAME_START}:][${NCNAME_CHAR}:]*$`, 'v');
const NMTOKEN = new RegExp(`^[${NCNAME_CHAR}:]+$`, 'v');

/** Is `s` an NCName (a name without a colon, as xs:NCName and xs:ID take it)? */
export function isNCName(s: string): boolean {
  return NCNAME.test(s);
}

const str = (describe: string, ws: Whitespace, test?: RegExp, extra: Partial<BaseType> = {}): BaseType => ({
  ws,
  family: 'string',
  describe,
  read: (s) => (test && !test.test(s) ? INVALID : s),
  length: (v) => codePoints(v as string),
  ...extra,
});

function listOf(item: RegExp, describe: string, idType?: 'IDREFS'): BaseType {
  return {
    ws: 'collapse',
    family: 'list',
    describe,
    idType,
    read: (s) => {
      if (s === '') return INVALID;
      const items = s.split(' ');
      return items.every((x) => item.test(x)) ? items : INVALID;
    },
    equal: (a, b) => (a as string[]).join(' ') === (b as string[]).join(' '),
    length: (v) => (v as string[]).length,
  };
}

// ---- numbers --------------------------------------------------------------------------------

/** A decimal as sign and digit strings without superfluous zeros: exact, any size. */
interface Decimal {
  neg: boolean;
  int: string;
  frac: string;
}
function readDecimal(s: string, integer: boolean): Decimal | typeof INVALID {
  const m = (integer ? /^([+-]?)(\d+)$/ : /^([+-]?)(\d*)(?:\.(\d*))?$/).exec(s);
  if (!m || (m[2] === '' && !m[3])) return INVALID;
  const int = m[2]!.replace(/^0+/, '');
  const frac = (m[3] ?? '').replace(/0+$/, '');
  return { neg: m[1] === '-' && (int !== '' || frac !== ''), int, frac };
}
function compareDecimal(a: Decimal, b: Decimal): number {
  if (a.neg !== b.neg) return a.neg ? -1 : 1;
  const sign = a.neg ? -1 : 1;
  if (a.int.length !== b.int.length) return sign * (a.int.length < b.int.length ? -1 : 1);
  if (a.int !== b.int) return sign * (a.int < b.int ? -1 : 1);
  const n = Math.max(a.frac.length, b.frac.length);
  const fa = a.frac.padEnd(n, '0');
  const fb = b.frac.padEnd(n, '0');
  return fa === fb ? 0 : sign * (fa < fb ? -1 : 1);
}
function decimalType(describe: string, integer: boolean, min?: string, max?: string): BaseType {
  const lo = min === undefined ? undefined : (readDecimal(min, true) as Decimal);
  const hi = max === undefined ? undefined : (readDecimal(max, true) as Decimal);
  return {
    ws: 'collapse',
    family: 'decimal',
    describe,
    read: (s) => {
      const d = readDecimal(s, integer);
      if (d === INVALID) return INVALID;
      if ((lo && compareDecimal(d, lo) < 0) || (hi && compareDecimal(d, hi) > 0)) return INVALID;
      return d;
    },
    compare: (a, b) => compareDecimal(a as Decimal, b as Decimal),
  };
}

function floatType(describe: string, single: boolean): BaseType {
  return {
    ws: 'collapse',
    family: 'float',
    describe,
    read: (s) => {
      if (s === 'INF') return Infinity;
      if (s === '-INF') return -Infinity;
      if (s === 'NaN') return NaN;
      if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) return INVALID;
      const n = Number(s);
      return single ? Math.fround(n) : n;
    },
    equal: (a, b) => a === b || (Number.isNaN(a) && Number.isNaN(b)),
    compare: (a, b) => ((a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : a === b ? 0 : NaN),
  };
}

// ---- dates and times ------------------------------------------------------------------------

/** A date/time value: seconds on a time line (for the fields present) and whether it has a zone. */
interface Moment {
  t: number;
  zoned: boolean;
}
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
function daysInMonth(y: number, m: number): number {
  return m === 2 && leap(y) ? 29 : DAYS[m - 1]!;
}
function dayNumber(y: number, m: number, d: number): number {
  // Days since 0000-03-01 on the proleptic Gregorian calendar (year 0 exists here: XSD 1.1 counting).
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe;
}

type DateParts = 'dateTime' | 'date' | 'time' | 'gYearMonth' | 'gYear' | 'gMonthDay' | 'gDay' | 'gMonth';
const YEAR = '(-?(?:[1-9]\\d{4,}|\\d{4}))';
const ZONE = '(Z|[+-]\\d\\d:\\d\\d)?';
const TIME = '(\\d\\d):(\\d\\d):(\\d\\d(?:\\.\\d+)?)';
const DATE_FORMS: Record<DateParts, [RegExp, string]> = {
  dateTime: [new RegExp(`^${YEAR}-(\\d\\d)-(\\d\\d)T${TIME}${ZONE}$`), 'a date and time (YYYY-MM-DDThh:mm:ss)'],
  date: [new RegExp(`^${YEAR}-(\\d\\d)-(\\d\\d)${ZONE}$`), 'a date (YYYY-MM-DD)'],
  time: [new RegExp(`^${TIME}${ZONE}$`), 'a time (hh:mm:ss)'],
  gYearMonth: [new RegExp(`^${YEAR}-(\\d\\d)${ZONE}$`), 'a year and month (YYYY-MM)'],
  gYear: [new RegExp(`^${YEAR}${ZONE}$`), 'a year (YYYY)'],
  gMonthDay: [new RegExp(`^--(\\d\\d)-(\\d\\d)${ZONE}$`), 'a month and day (--MM-DD)'],
  gDay: [new RegExp(`^---(\\d\\d)${ZONE}$`), 'a day of the month (---DD)'],
  gMonth: [new RegExp(`^--(\\d\\d)${ZONE}$`), 'a month (--MM)'],
};

function readMoment(kind: DateParts, s: string): Moment | typeof INVALID {
  const m = DATE_FORMS[kind][0].exec(s);
  if (!m) return INVALID;
  let i = 1;
  let year = 2000;
  let month = 1;
  let day = 1;
  let h = 0;
  let min = 0;
  let sec = 0;
  const hasYear = kind === 'dateTime' || kind === 'date' || kind === 'gYearMonth' || kind === 'gYear';
  const hasMonth = kind !== 'time' && kind !== 'gYear' && kind !== 'gDay';
  const hasDay = kind === 'dateTime' || kind === 'date' || kind === 'gMonthDay' || kind === 'gDay';
  const hasTime = kind === 'dateTime' || kind === 'time';
  if (hasYear) {
    year = Number(m[i++]);
    if (year === 0) return INVALID; // XSD 1.0: there is no year 0000
  }
  if (hasMonth) {
    month = Number(m[i++]);
    if (month < 1 || month > 12) return INVALID;
  }
  if (hasDay) {
    day = Number(m[i++]);
    const limit = hasYear ? daysInMonth(year < 0 ? year + 1 : year, month) : hasMonth ? (month === 2 ? 29 : DAYS[month - 1]!) : 31;
    if (day < 1 || day > limit) return INVALID;
  }
  if (hasTime) {
    h = Number(m[i++]);
    min = Number(m[i++]);
    sec = Number(m[i++]);
    if (min > 59 || sec >= 60 || h > 24 || (h === 24 && (min !== 0 || sec !== 0))) return INVALID;
  }
  const zone = m[i];
  let offset = 0;
  if (zone && zone !== 'Z') {
    const zh = Number(zone.slice(1, 3));
    const zm = Number(zone.slice(4, 6));
    if (zm > 59 || zh > 14 || (zh === 14 && zm !== 0)) return INVALID;
    offset = (zone[0] === '-' ? -1 : 1) * (zh * 60 + zm) * 60;
  }
  // Years before 1 count from year 0 in this arithmetic, which keeps order.
  const y = year < 0 ? year + 1 : year;
  const t = dayNumber(y, month, day) * 86400 + h * 3600 + min * 60 + sec - offset;
  return { t, zoned: zone !== undefined };
}

const FOURTEEN_HOURS = 14 * 3600;
function compareMoments(a: Moment, b: Moment): number {
  const cmp = (x: number, y: number) => (x < y ? -1 : x > y ? 1 : 0);
  if (a.zoned === b.zoned) return cmp(a.t, b.t);
  // XSD's partial order: a zoned and an unzoned value compare only when 14 hours cannot change it.
  const [z, u, sign] = a.zoned ? [a, b, 1] : [b, a, -1];
  if (z.t < u.t - FOURTEEN_HOURS) return -sign;
  if (z.t > u.t + FOURTEEN_HOURS) return sign;
  return NaN;
}

function dateType(kind: DateParts): BaseType {
  return {
    ws: 'collapse',
    family: 'date',
    describe: DATE_FORMS[kind][1],
    read: (s) => readMoment(kind, s),
    compare: (a, b) => compareMoments(a as Moment, b as Moment),
    equal: (a, b) => compareMoments(a as Moment, b as Moment) === 0,
  };
}

interface Duration {
  months: number;
  seconds: number;
}
const DURATION = /^(-)?P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?!$)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?|\.\d+)S)?)?$/;
/** The four reference instants XSD uses to order durations. */
const REFERENCES: [number, number, number][] = [
  [1696, 9, 1],
  [1697, 2, 1],
  [1903, 3, 1],
  [1903, 7, 1],
];
function addDuration(ref: [number, number, number], d: Duration): number {
  const total = ref[0] * 12 + (ref[1] - 1) + d.months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  const day = Math.min(ref[2], daysInMonth(y, m));
  return dayNumber(y, m, day) * 86400 + d.seconds;
}
const durationType: BaseType = {
  ws: 'collapse',
  family: 'duration',
  describe: 'a duration (e.g. P1Y2M3DT4H)',
  read: (s) => {
    const m = DURATION.exec(s);
    if (!m) return INVALID;
    const sign = m[1] ? -1 : 1;
    const n = (i: number) => Number(m[i] ?? 0);
    return { months: sign * (n(2) * 12 + n(3)), seconds: sign * (n(4) * 86400 + n(5) * 3600 + n(6) * 60 + n(7)) };
  },
  equal: (a, b) => (a as Duration).months === (b as Duration).months && (a as Duration).seconds === (b as Duration).seconds,
  compare: (a, b) => {
    const orders = new Set(REFERENCES.map((r) => Math.sign(addDuration(r, a as Duration) - addDuration(r, b as Duration))));
    return orders.size === 1 ? [...orders][0]! : NaN;
  },
};

// ---- the rest -------------------------------------------------------------------------------

function readQName(s: string, cx: NamespaceContext | undefined): unknown {
  const colon = s.indexOf(':');
  const prefix = colon < 0 ? '' : s.slice(0, colon);
  const local = colon < 0 ? s : s.slice(colon + 1);
  if (!NCNAME.test(local) || (colon >= 0 && !NCNAME.test(prefix))) return INVALID;
  const ns = cx?.[prefix];
  if (prefix !== '' && ns === undefined) return INVALID;
  return `{${ns ?? ''}}${local}`;
}

const hexBinary: BaseType = {
  ws: 'collapse',
  family: 'binary',
  describe: 'hexadecimal binary data',
  read: (s) => (/^([0-9a-fA-F]{2})*$/.test(s) ? s.toUpperCase() : INVALID),
  length: (v) => (v as string).length / 2,
};
const base64Binary: BaseType = {
  ws: 'collapse',
  family: 'binary',
  describe: 'base64 binary data',
  read: (s) => {
    const t = s.replace(/ /g, '');
    if (!/^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/][AQgw]==|[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=)?$/.test(t)) return INVALID;
    return Buffer.from(t, 'base64').toString('hex');
  },
  length: (v) => (v as string).length / 2,
};
const anyURI: BaseType = str('a URI', 'collapse', undefined, {
  read: (s) => {
    if (/%(?![0-9A-Fa-f]{2})/.test(s)) return INVALID;
    const scheme = /^([^/?#]*):/.exec(s);
    if (scheme && !/^[A-Za-z][A-Za-z0-9+.-]*$/.test(scheme[1]!)) return INVALID;
    return s;
  },
});

const LANGUAGE = /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/;

const XSD_TYPES: Record<string, BaseType> = {
  string: str('a string', 'preserve'),
  normalizedString: str('a string', 'replace'),
  token: str('a token', 'collapse'),
  untypedAtomic: str('a string', 'preserve'),
  anyAtomicType: str('a string', 'preserve'),
  language: str('a language tag (e.g. "ru", "en-GB")', 'collapse', LANGUAGE),
  Name: str('an XML name', 'collapse', NAME),
  NCName: str('an XML name without colon', 'collapse', NCNAME),
  NMTOKEN: str('a name token', 'collapse', NMTOKEN),
  NMTOKENS: listOf(NMTOKEN, 'a list of name tokens'),
  ID: str('an identifier (an XML name without colon)', 'collapse', NCNAME, { idType: 'ID' }),
  IDREF: str('a reference to an identifier', 'collapse', NCNAME, { idType: 'IDREF' }),
  IDREFS: listOf(NCNAME, 'a list of references to identifiers', 'IDREFS'),
  // Without a DTD no unparsed entity is declared, so no value can be valid.
  ENTITY: str('an entity name', 'collapse', /(?!)/),
  ENTITIES: listOf(/(?!)/, 'a list of entity names'),
  QName: { ws: 'collapse', family: 'name', describe: 'a qualified name', read: readQName, contextDependent: true },
  NOTATION: { ws: 'collapse', family: 'name', describe: 'a notation name', read: readQName, contextDependent: true },
  anyURI,
  boolean: {
    ws: 'collapse',
    family: 'boolean',
    describe: 'a boolean ("true", "false", "1" or "0")',
    read: (s) => (s === 'true' || s === '1' ? true : s === 'false' || s === '0' ? false : INVALID),
  },
  decimal: decimalType('a decimal number', false),
  integer: decimalType('an integer', true),
  nonPositiveInteger: decimalType('an integer ≤ 0', true, undefined, '0'),
  negativeInteger: decimalType('an integer < 0', true, undefined, '-1'),
  nonNegativeInteger: decimalType('an integer ≥ 0', true, '0'),
  positiveInteger: decimalType('an integer > 0', true, '1'),
  long: decimalType('a 64-bit integer', true, '-9223372036854775808', '9223372036854775807'),
  int: decimalType('a 32-bit integer', true, '-2147483648', '2147483647'),
  short: decimalType('a 16-bit integer', true, '-32768', '32767'),
  byte: decimalType('an 8-bit integer', true, '-128', '127'),
  unsignedLong: decimalType('an unsigned 64-bit integer', true, '0', '18446744073709551615'),
  unsignedInt: decimalType('an unsigned 32-bit integer', true, '0', '4294967295'),
  unsignedShort: decimalType('an unsigned 16-bit integer', true, '0', '65535'),
  unsignedByte: decimalType('an unsigned 8-bit integer', true, '0', '255'),
  float: floatType('a floating-point number', true),
  double: floatType('a floating-point number', false),
  duration: durationType,
  dateTime: dateType('dateTime'),
  date: dateType('date'),
  time: dateType('time'),
  gYearMonth: dateType('gYearMonth'),
  gYear: dateType('gYear'),
  gMonthDay: dateType('gMonthDay'),
  gDay: dateType('gDay'),
  gMonth: dateType('gMonth'),
  hexBinary,
  base64Binary,
};

const FACETS_BY_FAMILY: Record<Family, string[]> = {
  string: ['length', 'minLength', 'maxLength', 'pattern'],
  list: ['length', 'minLength', 'maxLength', 'pattern'],
  binary: ['length', 'minLength', 'maxLength', 'pattern'],
  name: ['length', 'minLength', 'maxLength', 'pattern'],
  boolean: ['pattern'],
  decimal: ['pattern', 'minInclusive', 'maxInclusive', 'minExclusive', 'maxExclusive', 'totalDigits', 'fractionDigits'],
  float: ['pattern', 'minInclusive', 'maxInclusive', 'minExclusive', 'maxExclusive'],
  date: ['pattern', 'minInclusive', 'maxInclusive', 'minExclusive', 'maxExclusive'],
  duration: ['pattern', 'minInclusive', 'maxInclusive', 'minExclusive', 'maxExclusive'],
};

type Check = (value: unknown, lexical: string) => boolean;

/** Creates an XSD datatype with facets; throws DatatypeError for an unknown type or bad facet. */
function xsdDatatype(local: string, params: readonly [string, string][]): Datatype {
  const base = XSD_TYPES[local];
  if (!base) throw new DatatypeError(`datatype "${local}" is not in the XML Schema datatype library`);
  const allowed = FACETS_BY_FAMILY[base.family];
  const checks: Check[] = [];
  const seen = new Set<string>();
  let describe = base.describe;
  const bound = (v: string, facet: string) => {
    const b = base.read(normalise(v, base.ws), undefined);
    if (b === INVALID) throw new DatatypeError(`value "${v}" of parameter "${facet}" is not valid for datatype "${local}"`);
    return b;
  };
  for (const [facet, raw] of params) {
    if (!allowed.includes(facet)) throw new DatatypeError(`parameter "${facet}" is not allowed for datatype "${local}"`);
    if (seen.has(facet) && facet !== 'pattern') throw new DatatypeError(`parameter "${facet}" given twice`);
    seen.add(facet);
    const count = () => {
      if (!/^\s*\+?\d+\s*$/.test(raw)) throw new DatatypeError(`parameter "${facet}" must be a non-negative integer, not "${raw}"`);
      return Number(raw);
    };
    const len = (v: unknown) => (base.length ? base.length(v) : codePoints(String(v)));
    switch (facet) {
      case 'length': {
        const n = count();
        checks.push((v) => len(v) === n);
        describe += ` of length ${n}`;
        break;
      }
      case 'minLength': {
        const n = count();
        checks.push((v) => len(v) >= n);
        describe += ` of at least ${n} characters`;
        break;
      }
      case 'maxLength': {
        const n = count();
        checks.push((v) => len(v) <= n);
        describe += ` of at most ${n} characters`;
        break;
      }
      case 'pattern': {
        const re = xsdRegExp(raw);
        checks.push((_v, lex) => re.test(lex));
        describe += ` matching the pattern "${raw}"`;
        break;
      }
      case 'totalDigits': {
        const n = count();
        if (n === 0) throw new DatatypeError('parameter "totalDigits" must be positive');
        checks.push((v) => ((v as Decimal).int + (v as Decimal).frac).replace(/^0+/, '').length <= n);
        break;
      }
      case 'fractionDigits': {
        const n = count();
        checks.push((v) => (v as Decimal).frac.length <= n);
        break;
      }
      default: {
        const b = bound(raw, facet);
        const cmp = base.compare!;
        const test: Record<string, (c: number) => boolean> = {
          minInclusive: (c) => c >= 0,
          maxInclusive: (c) => c <= 0,
          minExclusive: (c) => c > 0,
          maxExclusive: (c) => c < 0,
        };
        const ok = test[facet]!;
        checks.push((v) => ok(cmp(v, b)));
        describe += ` (${facet} ${raw})`;
      }
    }
  }
  if (seen.has('length') && (seen.has('minLength') || seen.has('maxLength'))) {
    throw new DatatypeError('parameter "length" cannot be combined with "minLength" or "maxLength"');
  }
  const equal = base.equal ?? (base.compare ? (a: unknown, b: unknown) => base.compare!(a, b) === 0 : (a: unknown, b: unknown) => a === b);
  return {
    name: `xsd:${local}`,
    contextDependent: base.contextDependent === true,
    idType: base.idType,
    describe: () => describe,
    equal,
    parse(lexical, cx) {
      const s = normalise(lexical, base.ws);
      const v = base.read(s, cx);
      if (v === INVALID) return INVALID;
      for (const check of checks) if (!check(v, s)) return INVALID;
      return v;
    },
  };
}

const BUILTIN: Record<string, Datatype> = {
  string: {
    name: 'string',
    contextDependent: false,
    describe: () => 'a string',
    parse: (s) => s,
    equal: (a, b) => a === b,
  },
  token: {
    name: 'token',
    contextDependent: false,
    describe: () => 'a token',
    parse: (s) => collapseWhitespace(s),
    equal: (a, b) => a === b,
  },
};

/**
 * Looks up a datatype by library URI and local name (spec 4.16: an unknown library or type is a
 * schema error), applying the `<param>`s.
 */
export function createDatatype(library: string, local: string, params: readonly [string, string][]): Datatype {
  if (library === '') {
    const dt = BUILTIN[local];
    if (!dt) throw new DatatypeError(`datatype "${local}" is not in the built-in datatype library (only "string" and "token")`);
    if (params.length > 0) throw new DatatypeError(`the built-in datatype "${local}" takes no parameters`);
    return dt;
  }
  if (library === XSD_LIBRARY) return xsdDatatype(local, params);
  throw new DatatypeError(`unknown datatype library "${library}"`);
}

/** Orders two lexical values of a datatype (for the conformance suite): -1, 0, 1, NaN, or undefined when unordered. */
export function compareValues(library: string, local: string, a: string, b: string): number | undefined {
  if (library !== XSD_LIBRARY) return undefined;
  const base = XSD_TYPES[local];
  if (!base?.compare) return undefined;
  return base.compare(base.read(normalise(a, base.ws), undefined), base.read(normalise(b, base.ws), undefined));
}
