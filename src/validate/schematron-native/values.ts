/**
 * XDM values of the native engine: items, atomization, casting to string, effective boolean
 * value, and the comparison rules of XPath 3.1 (value and general comparisons with
 * xs:untypedAtomic promotion). Atomic types are represented cheaply: xs:string is a JS string,
 * xs:double a JS number, xs:boolean a JS boolean; xs:integer, xs:decimal and xs:untypedAtomic
 * are small classes, so that their types survive where XPath's rules depend on them.
 */
import { Kind, XNode } from './tree.js';

/** A dynamic error of XPath (code such as FORG0006): the document goes to the full engine. */
export class XPathError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'XPathError';
  }
}

export class Untyped {
  constructor(readonly value: string) {}
}
export class XInteger {
  constructor(readonly value: number) {}
}
export class XDecimal {
  constructor(readonly value: number) {}
}

/** An XDM map; keys are compared by `op:same-key` (strings and untypedAtomic alike, numbers by value). */
export class XMap {
  constructor(readonly entries: Map<string, { key: Atomic; value: Seq }> = new Map()) {}

  get(key: Atomic): Seq | undefined {
    return this.entries.get(mapKey(key))?.value;
  }
}

export type Atomic = string | number | boolean | Untyped | XInteger | XDecimal;
export type Item = XNode | Atomic | XMap;
export type Seq = Item[];

export const EMPTY: Seq = [];
export const TRUE: Seq = [true];
export const FALSE: Seq = [false];

/**
 * The same-key form of a map key. A string is its own form (no new string per lookup: maps are
 * mostly looked up by string); other types are marked by a leading U+0000, which no XPath string
 * can hold (it is not an XML character), so no string collides with them.
 */
export function mapKey(key: Atomic): string {
  if (typeof key === 'string') return key;
  if (key instanceof Untyped) return key.value;
  if (typeof key === 'boolean') return key ? '\u0000b1' : '\u0000b0';
  return '\u0000n' + String(numberOf(key));
}

export function isNode(item: Item): item is XNode {
  return item instanceof XNode;
}

export function isNumeric(a: Atomic): a is number | XInteger | XDecimal {
  return typeof a === 'number' || a instanceof XInteger || a instanceof XDecimal;
}

export function numberOf(a: number | XInteger | XDecimal): number {
  return typeof a === 'number' ? a : a.value;
}

/** A predicate's value at a position: a single number selects by position, anything else by its effective boolean value. */
export function predicateHolds(r: Seq, pos: number): boolean {
  if (r.length === 1) {
    const x = r[0]!;
    if (typeof x !== 'boolean' && !(x instanceof XNode) && !(x instanceof XMap) && isNumeric(x)) return numberOf(x) === pos;
  }
  return ebv(r);
}

/** Atomizes one item. */
export function atomizeItem(item: Item): Atomic {
  if (item instanceof XNode) return new Untyped(item.string());
  if (item instanceof XMap) throw new XPathError('FOTY0013', 'a map cannot be atomized');
  return item;
}

export function atomize(seq: Seq): Atomic[] {
  let plain = true;
  for (const item of seq) if (item instanceof XNode || item instanceof XMap) plain = false;
  return plain ? (seq as Atomic[]) : seq.map(atomizeItem);
}

/** The canonical string of an xs:double (XPath casting rules). */
export function doubleToString(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'INF';
  if (v === -Infinity) return '-INF';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const abs = Math.abs(v);
  if (abs >= 1e-6 && abs < 1e6) {
    // JavaScript writes these without an exponent, as XPath does.
    return String(v);
  }
  const [mantissa, exponent] = v.toExponential().split('e') as [string, string];
  const m = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
  return `${m}E${exponent.startsWith('+') ? exponent.slice(1) : exponent}`;
}

function decimalToString(v: number): string {
  if (Number.isInteger(v)) return Math.abs(v) < 1e21 ? v.toFixed(0) : BigInt(v).toString();
  const s = String(v);
  if (!s.includes('e')) return s;
  return v.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

/** `xs:string(atomic)`. */
export function atomicToString(a: Atomic): string {
  if (typeof a === 'string') return a;
  if (typeof a === 'number') return doubleToString(a);
  if (typeof a === 'boolean') return a ? 'true' : 'false';
  if (a instanceof Untyped) return a.value;
  if (a instanceof XInteger) return decimalToString(a.value);
  return decimalToString(a.value);
}

/** `string(item)`. */
export function itemToString(item: Item): string {
  if (item instanceof XNode) return item.string();
  if (item instanceof XMap) throw new XPathError('FOTY0014', 'a map has no string value');
  return atomicToString(item);
}

/** Effective boolean value. */
export function ebv(seq: Seq): boolean {
  if (seq.length === 0) return false;
  const first = seq[0]!;
  if (first instanceof XNode) return true;
  if (seq.length > 1) throw new XPathError('FORG0006', 'effective boolean value of a sequence of several atomic values');
  if (typeof first === 'boolean') return first;
  if (typeof first === 'string') return first.length > 0;
  if (typeof first === 'number') return !(first === 0 || Number.isNaN(first));
  if (first instanceof Untyped) return first.value.length > 0;
  if (first instanceof XInteger || first instanceof XDecimal) return first.value !== 0;
  throw new XPathError('FORG0006', 'effective boolean value of a map');
}

/** xs:double from a string, as `xs:double("…")` casts (NaN where XPath raises FORG0001 for number()). */
export function parseDouble(s: string): number {
  const t = s.trim();
  if (t === 'INF' || t === '+INF') return Infinity;
  if (t === '-INF') return -Infinity;
  if (t === 'NaN') return NaN;
  if (!/^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(t)) return NaN;
  return Number(t);
}

function castUntypedToDouble(u: Untyped): number {
  const v = parseDouble(u.value);
  if (Number.isNaN(v) && u.value.trim() !== 'NaN') throw new XPathError('FORG0001', `"${u.value}" cannot be cast to xs:double`);
  return v;
}

function castUntypedToBoolean(u: Untyped): boolean {
  const t = u.value.trim();
  if (t === 'true' || t === '1') return true;
  if (t === 'false' || t === '0') return false;
  throw new XPathError('FORG0001', `"${u.value}" cannot be cast to xs:boolean`);
}

type CompareOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

function order(c: number, op: CompareOp): boolean {
  switch (op) {
    case 'eq':
      return c === 0;
    case 'ne':
      return c !== 0;
    case 'lt':
      return c < 0;
    case 'le':
      return c <= 0;
    case 'gt':
      return c > 0;
    case 'ge':
      return c >= 0;
  }
}

function compareNumbers(a: number, b: number, op: CompareOp): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return op === 'ne';
  return order(a < b ? -1 : a > b ? 1 : 0, op);
}

/** Codepoint collation on strings. */
function compareStrings(a: string, b: string, op: CompareOp): boolean {
  return order(a < b ? -1 : a > b ? 1 : 0, op);
}

/**
 * Value comparison of two atomic values (untypedAtomic compared as a string), raising XPTY0004
 * for types that are not comparable.
 */
export function compareValues(a: Atomic, b: Atomic, op: CompareOp): boolean {
  const sa = typeof a === 'string' ? a : a instanceof Untyped ? a.value : undefined;
  const sb = typeof b === 'string' ? b : b instanceof Untyped ? b.value : undefined;
  if (sa !== undefined && sb !== undefined) return compareStrings(sa, sb, op);
  if (isNumeric(a) && isNumeric(b)) return compareNumbers(numberOf(a), numberOf(b), op);
  if (typeof a === 'boolean' && typeof b === 'boolean') return order(Number(a) - Number(b), op);
  throw new XPathError('XPTY0004', `cannot compare ${typeName(a)} with ${typeName(b)}`);
}

/** One pair of a general comparison: untypedAtomic takes the type of the other side. */
function generalPair(a: Atomic, b: Atomic, op: CompareOp): boolean {
  if (a instanceof Untyped && !(b instanceof Untyped)) {
    if (isNumeric(b)) return compareNumbers(castUntypedToDouble(a), numberOf(b), op);
    if (typeof b === 'boolean') return compareValues(castUntypedToBoolean(a), b, op);
    if (typeof b !== 'string') throw new XPathError('XPTY0004', `cannot compare ${typeName(a)} with ${typeName(b)}`);
  } else if (b instanceof Untyped && !(a instanceof Untyped)) {
    if (isNumeric(a)) return compareNumbers(numberOf(a), castUntypedToDouble(b), op);
    if (typeof a === 'boolean') return compareValues(a, castUntypedToBoolean(b), op);
  }
  return compareValues(a, b, op);
}

/** Long sequences of strings compared with `=` (a folder's file names): a set per sequence. */
const stringSets = new WeakMap<Seq, Set<string> | null>();

function stringSet(seq: Seq): Set<string> | undefined {
  let set = stringSets.get(seq);
  if (set === undefined) {
    set = seq.every((x) => typeof x === 'string') ? new Set(seq as string[]) : null;
    stringSets.set(seq, set);
  }
  return set ?? undefined;
}

const GENERAL_TO_VALUE: Record<string, CompareOp> = { '=': 'eq', '!=': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' };

/** General comparison: true if some pair of atomized items compares true. */
export function generalCompare(left: Seq, right: Seq, op: string): boolean {
  if (left.length === 0 || right.length === 0) return false;
  if (op === '=' && (left.length === 1 || right.length === 1) && left.length + right.length > 16) {
    const one = left.length === 1 ? left[0]! : right[0]!;
    const many = left.length === 1 ? right : left;
    const value = typeof one === 'string' ? one : one instanceof Untyped ? one.value : one instanceof XNode ? one.string() : undefined;
    const set = value === undefined ? undefined : stringSet(many);
    if (set) return set.has(value!);
  }
  const vop = GENERAL_TO_VALUE[op]!;
  // The common case, strings and nodes (untypedAtomic) on both sides: compared as strings,
  // without atomizing into new objects.
  let strings = true;
  for (const x of left) if (typeof x !== 'string' && !(x instanceof XNode)) strings = false;
  for (const y of right) if (typeof y !== 'string' && !(y instanceof XNode)) strings = false;
  if (strings) {
    for (const x of left) {
      const sx = typeof x === 'string' ? x : (x as XNode).string();
      for (const y of right) if (compareStrings(sx, typeof y === 'string' ? y : (y as XNode).string(), vop)) return true;
    }
    return false;
  }
  const a = atomize(left);
  const b = atomize(right);
  for (const x of a) for (const y of b) if (generalPair(x, y, vop)) return true;
  return false;
}

function typeName(a: Item): string {
  if (a instanceof XNode) return a.kind === Kind.Element ? 'element()' : a.kind === Kind.Attribute ? 'attribute()' : a.kind === Kind.Text ? 'text()' : 'document-node()';
  if (a instanceof XMap) return 'map(*)';
  if (typeof a === 'string') return 'xs:string';
  if (typeof a === 'number') return 'xs:double';
  if (typeof a === 'boolean') return 'xs:boolean';
  if (a instanceof Untyped) return 'xs:untypedAtomic';
  if (a instanceof XInteger) return 'xs:integer';
  return 'xs:decimal';
}

/** Sorts nodes into document order and removes duplicates (in place when possible). */
export function documentOrder(nodes: XNode[]): XNode[] {
  if (nodes.length < 2) return nodes;
  let sorted = true;
  for (let i = 1; i < nodes.length; i++) {
    if (nodes[i - 1]!.order >= nodes[i]!.order) {
      sorted = false;
      break;
    }
  }
  if (sorted) return nodes;
  nodes.sort((a, b) => a.order - b.order);
  const out: XNode[] = [nodes[0]!];
  for (let i = 1; i < nodes.length; i++) if (nodes[i] !== nodes[i - 1]) out.push(nodes[i]!);
  return out;
}
