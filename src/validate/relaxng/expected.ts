/**
 * What a pattern would have accepted, for error messages: the element names that may start
 * next, the attributes still allowed or required, the values an attribute may take. These walk
 * only the current state (never into element content), so they are cheap.
 */
import type { NameClass } from './nameclass.js';
import { containsName, describeNameClass } from './nameclass.js';
import { Kind, type Pattern } from './pattern.js';

/** Name classes of the elements that may start next in state `p`. */
export function expectedElements(p: Pattern, out: NameClass[] = [], seen = new Set<Pattern>()): NameClass[] {
  if (seen.has(p)) return out;
  seen.add(p);
  switch (p.kind) {
    case Kind.Element:
      out.push(p.nc!);
      break;
    case Kind.Choice:
    case Kind.Interleave:
      expectedElements(p.a!, out, seen);
      expectedElements(p.b!, out, seen);
      break;
    case Kind.Group:
      expectedElements(p.a!, out, seen);
      if (p.a!.nullable) expectedElements(p.b!, out, seen);
      break;
    case Kind.OneOrMore:
    case Kind.After:
      expectedElements(p.a!, out, seen);
      break;
  }
  return out;
}

/** Whether state `p` can take text (character data) now. */
export function acceptsText(p: Pattern): boolean {
  switch (p.kind) {
    case Kind.Text:
    case Kind.Data:
    case Kind.DataExcept:
    case Kind.Value:
    case Kind.List:
      return true;
    case Kind.Choice:
    case Kind.Interleave:
      return acceptsText(p.a!) || acceptsText(p.b!);
    case Kind.Group:
      return acceptsText(p.a!) || (p.a!.nullable && acceptsText(p.b!));
    case Kind.OneOrMore:
    case Kind.After:
      return acceptsText(p.a!);
    default:
      return false;
  }
}

/** Attribute patterns reachable in state `p` (before the start tag closes). */
export function attributePatterns(p: Pattern, out: Pattern[] = [], seen = new Set<Pattern>()): Pattern[] {
  if (seen.has(p)) return out;
  seen.add(p);
  switch (p.kind) {
    case Kind.Attribute:
      out.push(p);
      break;
    case Kind.Choice:
    case Kind.Interleave:
    case Kind.Group:
    case Kind.After:
      attributePatterns(p.a!, out, seen);
      attributePatterns(p.b!, out, seen);
      break;
    case Kind.OneOrMore:
      attributePatterns(p.a!, out, seen);
      break;
  }
  return out;
}

/** Attributes that must still be given in state `p`: all of a group's, either side of a choice only if both need some. */
export function requiredAttributes(p: Pattern): NameClass[] {
  switch (p.kind) {
    case Kind.Attribute:
      return [p.nc!];
    case Kind.Group:
    case Kind.Interleave:
      return [...requiredAttributes(p.a!), ...requiredAttributes(p.b!)];
    case Kind.Choice: {
      const a = requiredAttributes(p.a!);
      const b = requiredAttributes(p.b!);
      return a.length > 0 && b.length > 0 ? [...a, ...b] : [];
    }
    case Kind.OneOrMore:
    case Kind.After:
      return requiredAttributes(p.a!);
    default:
      return [];
  }
}

/** The values (`value` patterns, sorted as jing lists them) and datatypes (`data`) a value pattern allows. */
export function allowedValues(p: Pattern, values: string[] = [], types: string[] = []): { values: string[]; types: string[] } {
  const found: Pattern[] = [];
  collectValues(p, found, types);
  for (const v of found) values.push(v.lexical!);
  values.sort();
  return { values, types };
}

function collectValues(p: Pattern, values: Pattern[], types: string[]): void {
  switch (p.kind) {
    case Kind.Value:
      values.push(p);
      break;
    case Kind.Data:
    case Kind.DataExcept:
      types.push(p.datatype!.describe());
      break;
    case Kind.Choice:
      collectValues(p.a!, values, types);
      collectValues(p.b!, values, types);
      break;
    case Kind.List:
      types.push('a list of values');
      break;
    case Kind.Text:
      types.push('text');
      break;
  }
}

/** Value patterns of the attributes in state `p` whose name class matches {ns}local. */
export function attributeValuePatterns(p: Pattern, ns: string, local: string): Pattern[] {
  return attributePatterns(p)
    .filter((a) => containsName(a.nc!, ns, local))
    .map((a) => a.a!);
}

/** Sorted unique descriptions of name classes. */
export function describeAll(ncs: readonly NameClass[], defaultNs: string, what: string): string[] {
  const names = new Set<string>();
  for (const nc of ncs) for (const n of describeNameClass(nc, defaultNs, what)) names.add(n);
  return [...names].sort();
}
