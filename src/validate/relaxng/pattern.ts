/**
 * Simplified RELAX NG patterns as used by the derivative algorithm (Clark 2002), hash-consed:
 * structurally equal patterns are one object, so derivatives can be memoised on the pattern
 * itself and a state reached twice is recognised. Constructors apply the spec's notAllowed /
 * empty propagation (4.20), and `choice` keeps its members flattened, sorted and unique, so that
 * choices reached in different orders are the same object.
 */
import type { Datatype } from './datatype.js';
import type { NameClass } from './nameclass.js';

export const enum Kind {
  Empty,
  NotAllowed,
  Text,
  Choice,
  Interleave,
  Group,
  OneOrMore,
  List,
  Data,
  DataExcept,
  Value,
  Attribute,
  Element,
  After,
}

/** Set when the pattern's text derivative depends on the string (data, value, list). */
export const TEXT_SENSITIVE = 1;
/** Set when an attribute is reachable without entering an element. */
export const HAS_ATTRIBUTE = 2;
/** Set when some reachable attribute's value pattern is text-sensitive. */
export const ATTRIBUTE_VALUE_SENSITIVE = 4;

/** A memo keyed by expanded name: namespace, then local name (no key string built per look-up). */
export type NameMemo<T> = Map<string, Map<string, T>>;

export class Pattern {
  /** Memo tables of the matcher (see matcher.ts). */
  startTagOpen?: NameMemo<Pattern>;
  attribute?: NameMemo<Map<number | string, Pattern>>;
  attributeLeaves?: NameMemo<Pattern[]>;
  startTagClose?: Pattern;
  endTag?: Pattern;
  text?: Pattern;
  textByValue?: Map<string, Pattern>;
  /** Look-ups of `textByValue` that found / did not find the value (see `rememberValue`). */
  valueHits = 0;
  valueMisses = 0;
  mixedText?: Pattern;

  constructor(
    readonly id: number,
    readonly kind: Kind,
    readonly nullable: boolean,
    readonly flags: number,
    /** First operand; for Element the content (set once after creation), for Attribute/List the value pattern. */
    public a?: Pattern,
    readonly b?: Pattern,
    readonly nc?: NameClass,
    readonly datatype?: Datatype,
    /** Value: the parsed value and its lexical form; Data: parameters, for the cache. */
    readonly value?: unknown,
    readonly lexical?: string,
    readonly params?: readonly [string, string][],
  ) {}
}

let nextId = 0;

/**
 * Hash-consing tables, one per kind: first operand id → second operand id → pattern. Small-integer
 * keys at both levels: a look-up allocates nothing (a packed 52-bit key was a heap number each time).
 */
const tables: Map<number, Map<number, Pattern>>[] = [];

function make(kind: Kind, nullable: boolean, flags: number, a?: Pattern, b?: Pattern, nc?: NameClass): Pattern {
  return new Pattern(nextId++, kind, nullable, flags, a, b, nc);
}

/** The pattern of this kind and operands: the existing one, or a new one made from the arguments. */
function intern(kind: Kind, x: number, y: number, nullable: boolean, flags: number, a?: Pattern, b?: Pattern, nc?: NameClass): Pattern {
  const table = (tables[kind] ??= new Map());
  let row = table.get(x);
  if (!row) table.set(x, (row = new Map()));
  let p = row.get(y);
  if (!p) row.set(y, (p = make(kind, nullable, flags, a, b, nc)));
  return p;
}

export const EMPTY = make(Kind.Empty, true, 0);
export const NOT_ALLOWED = make(Kind.NotAllowed, false, 0);
export const TEXT = make(Kind.Text, true, 0);

const structural = (a: Pattern, b: Pattern) => a.flags | b.flags;

function choiceNode(m: Pattern, r: Pattern): Pattern {
  return intern(Kind.Choice, m.id, r.id, m.nullable || r.nullable, structural(m, r), m, r);
}

function members(p: Pattern, out: Pattern[]): void {
  if (p.kind === Kind.Choice) {
    members(p.a!, out);
    members(p.b!, out);
  } else out.push(p);
}

/**
 * Choices are chains `m1 | (m2 | (… | mn))` with member ids strictly decreasing, so a choice of
 * the same members is always the same object. Adding a member newer than all others (the
 * common case while a schema is built) is one new node on top of the existing chain.
 */
export function choice(a: Pattern, b: Pattern): Pattern {
  if (a.kind === Kind.NotAllowed || a === b) return b;
  if (b.kind === Kind.NotAllowed) return a;
  const headA = a.kind === Kind.Choice ? a.a! : a;
  const headB = b.kind === Kind.Choice ? b.a! : b;
  if (b.kind !== Kind.Choice && headA.id < b.id) return choiceNode(b, a);
  if (a.kind !== Kind.Choice && headB.id < a.id) return choiceNode(a, b);
  const all: Pattern[] = [];
  members(a, all);
  members(b, all);
  all.sort((x, y) => y.id - x.id);
  let result = all[all.length - 1]!;
  for (let i = all.length - 2; i >= 0; i--) {
    const m = all[i]!;
    if (m === all[i + 1]) continue;
    result = choiceNode(m, result);
  }
  return result;
}


export function group(a: Pattern, b: Pattern): Pattern {
  if (a.kind === Kind.NotAllowed || b.kind === Kind.NotAllowed) return NOT_ALLOWED;
  if (a.kind === Kind.Empty) return b;
  if (b.kind === Kind.Empty) return a;
  return intern(Kind.Group, a.id, b.id, a.nullable && b.nullable, structural(a, b), a, b);
}

export function interleave(a: Pattern, b: Pattern): Pattern {
  if (a.kind === Kind.NotAllowed || b.kind === Kind.NotAllowed) return NOT_ALLOWED;
  if (a.kind === Kind.Empty) return b;
  if (b.kind === Kind.Empty) return a;
  return intern(Kind.Interleave, a.id, b.id, a.nullable && b.nullable, structural(a, b), a, b);
}

export function oneOrMore(p: Pattern): Pattern {
  if (p.kind === Kind.NotAllowed || p.kind === Kind.Empty) return p;
  return intern(Kind.OneOrMore, p.id, 0, p.nullable, p.flags, p);
}

export function after(a: Pattern, b: Pattern): Pattern {
  if (a.kind === Kind.NotAllowed || b.kind === Kind.NotAllowed) return NOT_ALLOWED;
  return intern(Kind.After, a.id, b.id, false, structural(a, b), a, b);
}

export function list(p: Pattern): Pattern {
  if (p.kind === Kind.NotAllowed) return p;
  return intern(Kind.List, p.id, 0, false, TEXT_SENSITIVE, p);
}

export function attribute(nc: NameClass, value: Pattern): Pattern {
  if (value.kind === Kind.NotAllowed) return NOT_ALLOWED;
  // Only a plain text value matches whatever the string; empty, data, value and list depend on it.
  const flags = HAS_ATTRIBUTE | (value.kind === Kind.Text ? 0 : ATTRIBUTE_VALUE_SENSITIVE);
  return intern(Kind.Attribute, nc.id, value.id, false, flags, value, undefined, nc);
}

/** A new element pattern; its content is set with `setContent` (content may refer back to it). */
export function element(nc: NameClass): Pattern {
  return make(Kind.Element, false, 0, undefined, undefined, nc);
}

export function setContent(el: Pattern, content: Pattern): void {
  el.a = content;
}

export function data(datatype: Datatype, params: readonly [string, string][], except?: Pattern): Pattern {
  if (except && except.kind !== Kind.NotAllowed) {
    return new Pattern(nextId++, Kind.DataExcept, false, TEXT_SENSITIVE, except, undefined, undefined, datatype, undefined, undefined, params);
  }
  return new Pattern(nextId++, Kind.Data, false, TEXT_SENSITIVE, undefined, undefined, undefined, datatype, undefined, undefined, params);
}

export function value(datatype: Datatype, parsed: unknown, lexical: string): Pattern {
  return new Pattern(nextId++, Kind.Value, false, TEXT_SENSITIVE, undefined, undefined, undefined, datatype, parsed, lexical);
}

/** The operands of a pattern (element content excluded), for walks over the pattern graph. */
export function operands(p: Pattern): Pattern[] {
  switch (p.kind) {
    case Kind.Choice:
    case Kind.Interleave:
    case Kind.Group:
    case Kind.After:
      return [p.a!, p.b!];
    case Kind.OneOrMore:
    case Kind.List:
    case Kind.Attribute:
    case Kind.DataExcept:
      return [p.a!];
    default:
      return [];
  }
}
