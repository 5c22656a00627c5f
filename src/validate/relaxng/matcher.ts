/**
 * The derivative-based matcher of James Clark's "An algorithm for RELAX NG validation" (2002):
 * each document event maps the current pattern to its derivative. Derivatives that do not
 * depend on the event's string are memoised on the (hash-consed) pattern, so a state met again —
 * in the same document or the next one — costs one map look-up.
 */
import type { NamespaceContext } from '../../xml/reader.js';
import { ownCopy } from '../../xml/scanner.js';
import { isXmlWhitespace } from '../../xml/whitespace.js';
import { INVALID } from './datatype.js';
import { containsName } from './nameclass.js';
import {
  after,
  ATTRIBUTE_VALUE_SENSITIVE,
  choice,
  EMPTY,
  group,
  HAS_ATTRIBUTE,
  interleave,
  Kind,
  NOT_ALLOWED,
  oneOrMore,
  operands,
  TEXT_SENSITIVE,
  type NameMemo,
  type Pattern,
} from './pattern.js';

/** Memo entries keyed by a string value are dropped once there are this many (bounded memory). */
const VALUE_MEMO_LIMIT = 200_000;
let valueMemoEntries = 0;
let valueMemoOwners: Pattern[] = [];

function rememberValue(p: Pattern, key: string, result: Pattern): void {
  // Values that never recur (ids, dates, pointers) are not worth keeping: after a fair trial, a
  // pattern whose look-ups nearly all miss keeps no more.
  if (++p.valueMisses > 256 && p.valueHits * 8 < p.valueMisses) return;
  if (valueMemoEntries >= VALUE_MEMO_LIMIT) {
    for (const owner of valueMemoOwners) owner.textByValue = undefined;
    valueMemoOwners = [];
    valueMemoEntries = 0;
  }
  let map = p.textByValue;
  if (!map) {
    map = p.textByValue = new Map();
    valueMemoOwners.push(p);
  }
  map.set(ownCopy(key), result);
  valueMemoEntries++;
}

function applyAfter(p: Pattern, f: (x: Pattern) => Pattern): Pattern {
  switch (p.kind) {
    case Kind.After:
      return after(p.a!, f(p.b!));
    case Kind.Choice:
      return choice(applyAfter(p.a!, f), applyAfter(p.b!, f));
    default:
      return NOT_ALLOWED;
  }
}

/** Derivative for the start of an element named {ns}local (before its attributes). */
export function startTagOpenDeriv(p: Pattern, ns: string, local: string): Pattern {
  const memo = p.startTagOpen?.get(ns)?.get(local);
  if (memo) return memo;
  let r: Pattern;
  switch (p.kind) {
    case Kind.Choice:
      r = choice(startTagOpenDeriv(p.a!, ns, local), startTagOpenDeriv(p.b!, ns, local));
      break;
    case Kind.Element:
      r = containsName(p.nc!, ns, local) ? after(p.a!, EMPTY) : NOT_ALLOWED;
      break;
    case Kind.Interleave: {
      const p1 = p.a!;
      const p2 = p.b!;
      r = choice(
        applyAfter(startTagOpenDeriv(p1, ns, local), (x) => interleave(x, p2)),
        applyAfter(startTagOpenDeriv(p2, ns, local), (x) => interleave(p1, x)),
      );
      break;
    }
    case Kind.OneOrMore: {
      const rest = choice(p, EMPTY);
      r = applyAfter(startTagOpenDeriv(p.a!, ns, local), (x) => group(x, rest));
      break;
    }
    case Kind.Group: {
      const p2 = p.b!;
      const x = applyAfter(startTagOpenDeriv(p.a!, ns, local), (y) => group(y, p2));
      r = p.a!.nullable ? choice(x, startTagOpenDeriv(p2, ns, local)) : x;
      break;
    }
    case Kind.After: {
      const p2 = p.b!;
      r = applyAfter(startTagOpenDeriv(p.a!, ns, local), (x) => after(x, p2));
      break;
    }
    default:
      r = NOT_ALLOWED;
  }
  remember((p.startTagOpen ??= new Map()), ns, local, r);
  return r;
}

/**
 * Derivative for one attribute. The result depends on the value only through which attribute
 * patterns of that name accept it, so it is memoised by name plus that set ("mask") rather than by
 * the value itself: unique values such as xml:id cost one datatype check each, not a new entry.
 */
export function attDeriv(p: Pattern, ns: string, local: string, value: string, cx: NamespaceContext | undefined): Pattern {
  if (!(p.flags & HAS_ATTRIBUTE)) return NOT_ALLOWED;
  const leaves = attributeLeaves(p, ns, local);
  if (leaves.length === 0) return NOT_ALLOWED;
  // Which leaves accept the value, as bits (as a string of 0s and 1s for more than 30 leaves).
  let mask: number | string = -1;
  if (p.flags & ATTRIBUTE_VALUE_SENSITIVE) {
    let bits = 0;
    let text = '';
    for (let i = 0; i < leaves.length; i++) {
      const ok = valueMatch(leaves[i]!.a!, value, cx);
      if (ok && i < 30) bits |= 1 << i;
      if (leaves.length > 30) text += ok ? '1' : '0';
    }
    mask = leaves.length > 30 ? text : bits;
  }
  let byMask = p.attribute?.get(ns)?.get(local);
  const memo = byMask?.get(mask);
  if (memo) return memo;
  // The set of accepted leaves is built only for a new (state, name, mask): most attributes hit the memo.
  const accepted = new Set<Pattern>(mask === -1 ? leaves : leaves.filter((_, i) => (typeof mask === 'number' ? mask & (1 << i) : mask[i] === '1')));
  const r = deriveAttribute(p, ns, local, accepted);
  if (!byMask) remember((p.attribute ??= new Map()), ns, local, (byMask = new Map()));
  byMask.set(mask, r);
  return r;
}

/** Adds a memo entry by expanded name; the local name is copied, so the entry keeps no document alive. */
function remember<T>(memo: NameMemo<T>, ns: string, local: string, value: T): void {
  let row = memo.get(ns);
  if (!row) memo.set(ownCopy(ns), (row = new Map()));
  row.set(ownCopy(local), value);
}

/** The attribute patterns reachable in `p` (not inside elements) whose name class takes {ns}local. */
function attributeLeaves(p: Pattern, ns: string, local: string): Pattern[] {
  const memo = p.attributeLeaves?.get(ns)?.get(local);
  if (memo) return memo;
  const out: Pattern[] = [];
  const seen = new Set<Pattern>();
  const walk = (q: Pattern): void => {
    if (!(q.flags & HAS_ATTRIBUTE) || seen.has(q)) return;
    seen.add(q);
    if (q.kind === Kind.Attribute) {
      if (containsName(q.nc!, ns, local)) out.push(q);
    } else if (q.kind !== Kind.Element) for (const o of operands(q)) walk(o);
  };
  walk(p);
  remember((p.attributeLeaves ??= new Map()), ns, local, out);
  return out;
}

function deriveAttribute(p: Pattern, ns: string, local: string, accepted: Set<Pattern>): Pattern {
  if (!(p.flags & HAS_ATTRIBUTE)) return NOT_ALLOWED;
  switch (p.kind) {
    case Kind.After:
      return after(deriveAttribute(p.a!, ns, local, accepted), p.b!);
    case Kind.Choice:
      return choice(deriveAttribute(p.a!, ns, local, accepted), deriveAttribute(p.b!, ns, local, accepted));
    case Kind.Group:
      return choice(group(deriveAttribute(p.a!, ns, local, accepted), p.b!), group(p.a!, deriveAttribute(p.b!, ns, local, accepted)));
    case Kind.Interleave:
      return choice(
        interleave(deriveAttribute(p.a!, ns, local, accepted), p.b!),
        interleave(p.a!, deriveAttribute(p.b!, ns, local, accepted)),
      );
    case Kind.OneOrMore:
      return group(deriveAttribute(p.a!, ns, local, accepted), choice(p, EMPTY));
    case Kind.Attribute:
      return accepted.has(p) ? EMPTY : NOT_ALLOWED;
    default:
      return NOT_ALLOWED;
  }
}

/** Like `attDeriv` but accepting any value for a matching name: recovery from a bad value. */
export function forceAttDeriv(p: Pattern, ns: string, local: string): Pattern {
  return deriveAttribute(p, ns, local, new Set(attributeLeaves(p, ns, local)));
}

/** Whether an attribute value (or whole element content) matches a value pattern. */
export function valueMatch(p: Pattern, s: string, cx: NamespaceContext | undefined): boolean {
  return (p.nullable && isXmlWhitespace(s)) || textDeriv(p, s, cx).nullable;
}

/** Derivative for the end of the attributes (`>`): attributes still required make it notAllowed. */
export function startTagCloseDeriv(p: Pattern): Pattern {
  if (!(p.flags & HAS_ATTRIBUTE)) return p;
  if (p.startTagClose) return p.startTagClose;
  let r: Pattern;
  switch (p.kind) {
    case Kind.After:
      r = after(startTagCloseDeriv(p.a!), p.b!);
      break;
    case Kind.Choice:
      r = choice(startTagCloseDeriv(p.a!), startTagCloseDeriv(p.b!));
      break;
    case Kind.Group:
      r = group(startTagCloseDeriv(p.a!), startTagCloseDeriv(p.b!));
      break;
    case Kind.Interleave:
      r = interleave(startTagCloseDeriv(p.a!), startTagCloseDeriv(p.b!));
      break;
    case Kind.OneOrMore:
      r = oneOrMore(startTagCloseDeriv(p.a!));
      break;
    case Kind.Attribute:
      r = NOT_ALLOWED;
      break;
    default:
      r = p;
  }
  p.startTagClose = r;
  return r;
}

/** Like `startTagCloseDeriv` but treating missing attributes as present: error recovery. */
export function forceStartTagClose(p: Pattern): Pattern {
  if (!(p.flags & HAS_ATTRIBUTE)) return p;
  switch (p.kind) {
    case Kind.After:
      return after(forceStartTagClose(p.a!), p.b!);
    case Kind.Choice:
      return choice(forceStartTagClose(p.a!), forceStartTagClose(p.b!));
    case Kind.Group:
      return group(forceStartTagClose(p.a!), forceStartTagClose(p.b!));
    case Kind.Interleave:
      return interleave(forceStartTagClose(p.a!), forceStartTagClose(p.b!));
    case Kind.OneOrMore:
      return oneOrMore(forceStartTagClose(p.a!));
    case Kind.Attribute:
      return EMPTY;
    default:
      return p;
  }
}

/** Derivative for a text node. */
export function textDeriv(p: Pattern, s: string, cx: NamespaceContext | undefined): Pattern {
  // A datatype leaf is checked directly: memoising it by value would keep every id and date seen.
  if (p.kind === Kind.Data) return p.datatype!.parse(s, cx) !== INVALID ? EMPTY : NOT_ALLOWED;
  const sensitive = (p.flags & TEXT_SENSITIVE) !== 0;
  if (!sensitive) {
    if (p.text) return p.text;
  } else {
    const memo = p.textByValue?.get(s);
    if (memo) {
      p.valueHits++;
      return memo;
    }
  }
  let r: Pattern;
  switch (p.kind) {
    case Kind.Choice:
      r = choice(textDeriv(p.a!, s, cx), textDeriv(p.b!, s, cx));
      break;
    case Kind.Interleave:
      r = choice(interleave(textDeriv(p.a!, s, cx), p.b!), interleave(p.a!, textDeriv(p.b!, s, cx)));
      break;
    case Kind.Group: {
      const x = group(textDeriv(p.a!, s, cx), p.b!);
      r = p.a!.nullable ? choice(x, textDeriv(p.b!, s, cx)) : x;
      break;
    }
    case Kind.After:
      r = after(textDeriv(p.a!, s, cx), p.b!);
      break;
    case Kind.OneOrMore:
      r = group(textDeriv(p.a!, s, cx), choice(p, EMPTY));
      break;
    case Kind.Text:
      r = p;
      break;
    case Kind.Value: {
      const v = p.datatype!.parse(s, cx);
      r = v !== INVALID && p.datatype!.equal(v, p.value) ? EMPTY : NOT_ALLOWED;
      break;
    }
    case Kind.DataExcept:
      r = p.datatype!.parse(s, cx) !== INVALID && !textDeriv(p.a!, s, cx).nullable ? EMPTY : NOT_ALLOWED;
      break;
    case Kind.List: {
      let q = p.a!;
      for (const word of s.split(/[ \t\r\n]+/)) {
        if (word === '') continue;
        q = textDeriv(q, word, cx);
        if (q.kind === Kind.NotAllowed) break;
      }
      r = q.nullable ? EMPTY : NOT_ALLOWED;
      break;
    }
    default:
      r = NOT_ALLOWED;
  }
  if (!sensitive) p.text = r;
  else if (!contextDependentDatatypes) rememberValue(p, s, r);
  return r;
}

/**
 * Whether any loaded schema uses a context-dependent datatype (QName, NOTATION); then string-keyed
 * memo entries are not used, since the same string can mean different values in different scopes.
 */
let contextDependentDatatypes = false;
export function noteContextDependentDatatype(): void {
  contextDependentDatatypes = true;
}

/** Derivative for an end tag. */
export function endTagDeriv(p: Pattern): Pattern {
  if (p.endTag) return p.endTag;
  let r: Pattern;
  switch (p.kind) {
    case Kind.Choice:
      r = choice(endTagDeriv(p.a!), endTagDeriv(p.b!));
      break;
    case Kind.After:
      r = p.a!.nullable ? p.b! : NOT_ALLOWED;
      break;
    default:
      r = NOT_ALLOWED;
  }
  p.endTag = r;
  return r;
}

/** Leaves the current element whatever its content still lacks: error recovery. */
export function forceEndTag(p: Pattern): Pattern {
  switch (p.kind) {
    case Kind.Choice:
      return choice(forceEndTag(p.a!), forceEndTag(p.b!));
    case Kind.After:
      return p.b!;
    default:
      return NOT_ALLOWED;
  }
}

/**
 * The states reachable by leaving out some required content at the front of `p` (elements only):
 * used after an element came too early ("not allowed yet"), so that validation resumes as if the
 * missing elements had been there, while what follows the early element is still required.
 */
export function skipPrefix(p: Pattern): Pattern {
  switch (p.kind) {
    case Kind.Element:
      return choice(p, EMPTY);
    case Kind.Choice:
      return choice(skipPrefix(p.a!), skipPrefix(p.b!));
    case Kind.Group:
      return choice(group(skipPrefix(p.a!), p.b!), skipPrefix(p.b!));
    case Kind.Interleave:
      return interleave(skipPrefix(p.a!), skipPrefix(p.b!));
    case Kind.OneOrMore:
      return group(skipPrefix(p.a!), choice(p, EMPTY));
    case Kind.After:
      return after(skipPrefix(p.a!), p.b!);
    default:
      return p;
  }
}
