/**
 * The restrictions of spec section 7, checked on the simplified pattern graph: prohibited paths
 * (7.1), string sequences (7.2), attribute name overlap and unbounded attribute names (7.3), and
 * the interleave rule (7.4). Each element's content is walked once.
 */
import { describeNameClass, isInfinite, overlaps, type NameClass } from './nameclass.js';
import { Kind, operands, type Pattern } from './pattern.js';

const IN_ATTRIBUTE = 1;
const IN_ONE_OR_MORE = 2;
const IN_ONE_OR_MORE_GROUP = 4;
const IN_LIST = 8;
const IN_EXCEPT = 16;

/** The element patterns reachable from `start` (spec 4.19 drops the others). */
export function reachableElements(start: Pattern): Pattern[] {
  const out: Pattern[] = [];
  const seen = new Set<Pattern>();
  const todo = [start];
  while (todo.length > 0) {
    const p = todo.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    if (p.kind === Kind.Element) {
      out.push(p);
      if (p.a) todo.push(p.a);
    } else todo.push(...operands(p));
  }
  return out;
}

/** The first violated restriction, with the element pattern whose content violates it (none for start). */
export function checkRestrictions(start: Pattern, elements: readonly Pattern[]): { message: string; element?: Pattern } | undefined {
  let current: Pattern | undefined;
  try {
    checkStart(start);
    const attrMemo = new Map<Pattern, NameClass[]>();
    const elemMemo = new Map<Pattern, NameClass[]>();
    const textMemo = new Map<Pattern, boolean>();
    const seen = new Set<Pattern>();
    // Shared definitions (attribute classes, content models) are met again and again: walk each once per context.
    const walked = new Set<number>();
    const check = (p: Pattern, flags: number): void => {
      const key = p.id * 32 + flags;
      if (walked.has(key)) return;
      walked.add(key);
      const prohibited = (what: string, mask: number) => {
        if (flags & mask) throw new Error(`${what} is not allowed ${where(flags & mask)}`);
      };
      switch (p.kind) {
        case Kind.Attribute:
          prohibited('attribute', IN_ATTRIBUTE | IN_ONE_OR_MORE_GROUP | IN_LIST | IN_EXCEPT);
          if (isInfinite(p.nc!) && !(flags & IN_ONE_OR_MORE)) throw new Error('an attribute with anyName or nsName must be repeated (inside oneOrMore)');
          check(p.a!, flags | IN_ATTRIBUTE);
          return;
        case Kind.Element:
          prohibited('element', IN_ATTRIBUTE | IN_LIST | IN_EXCEPT);
          return;
        case Kind.Text:
          prohibited('text', IN_LIST | IN_EXCEPT);
          return;
        case Kind.List:
          prohibited('list', IN_LIST | IN_EXCEPT);
          check(p.a!, flags | IN_LIST);
          return;
        case Kind.Empty:
          prohibited('empty', IN_EXCEPT);
          return;
        case Kind.OneOrMore:
          prohibited('oneOrMore', IN_EXCEPT);
          check(p.a!, flags | IN_ONE_OR_MORE);
          return;
        case Kind.Group:
        case Kind.Interleave: {
          prohibited(p.kind === Kind.Group ? 'group' : 'interleave', p.kind === Kind.Group ? IN_EXCEPT : IN_EXCEPT | IN_LIST);
          const inner = flags & IN_ONE_OR_MORE ? flags | IN_ONE_OR_MORE_GROUP : flags;
          check(p.a!, inner);
          check(p.b!, inner);
          const a1 = attributeNames(p.a!, attrMemo);
          const a2 = attributeNames(p.b!, attrMemo);
          for (const x of a1) {
            const y = a2.find((z) => overlaps(x, z));
            if (y) throw new Error(`attribute ${describeNameClass(x, '', 'attribute').join('|')} may occur twice (it overlaps ${describeNameClass(y, '', 'attribute').join('|')} in the same group or interleave)`);
          }
          if (p.kind === Kind.Interleave) {
            const e1 = elementNames(p.a!, elemMemo);
            const e2 = elementNames(p.b!, elemMemo);
            for (const x of e1) {
              if (e2.some((y) => overlaps(x, y))) throw new Error(`both operands of interleave may contain element ${describeNameClass(x, '', 'element').join('|')}`);
            }
            if (hasText(p.a!, textMemo) && hasText(p.b!, textMemo)) throw new Error('both operands of interleave contain text');
          }
          return;
        }
        case Kind.Choice:
          check(p.a!, flags);
          check(p.b!, flags);
          return;
        case Kind.DataExcept:
          check(p.a!, flags | IN_EXCEPT);
          return;
        default:
          return;
      }
    };
    for (const el of elements) {
      if (seen.has(el) || !el.a) continue;
      seen.add(el);
      current = el;
      check(el.a, 0);
      if (contentType(el.a) === undefined) throw new Error('element content mixes data with elements or text (string sequence restriction)');
    }
    return undefined;
  } catch (e) {
    return { message: (e as Error).message, element: current };
  }
}

function where(mask: number): string {
  if (mask & IN_ATTRIBUTE) return 'inside attribute';
  if (mask & IN_LIST) return 'inside list';
  if (mask & IN_EXCEPT) return 'inside data/except';
  return 'inside oneOrMore//group or interleave';
}

function checkStart(p: Pattern): void {
  switch (p.kind) {
    case Kind.Choice:
      checkStart(p.a!);
      checkStart(p.b!);
      return;
    case Kind.Element:
    case Kind.NotAllowed:
      return;
    default:
      throw new Error('start must be a choice of elements');
  }
}

function attributeNames(p: Pattern, memo: Map<Pattern, NameClass[]>): NameClass[] {
  const known = memo.get(p);
  if (known) return known;
  let r: NameClass[];
  switch (p.kind) {
    case Kind.Attribute:
      r = [p.nc!];
      break;
    case Kind.Choice:
    case Kind.Group:
    case Kind.Interleave:
      r = [...attributeNames(p.a!, memo), ...attributeNames(p.b!, memo)];
      break;
    case Kind.OneOrMore:
      r = attributeNames(p.a!, memo);
      break;
    default:
      r = [];
  }
  memo.set(p, r);
  return r;
}

function elementNames(p: Pattern, memo: Map<Pattern, NameClass[]>): NameClass[] {
  const known = memo.get(p);
  if (known) return known;
  let r: NameClass[];
  switch (p.kind) {
    case Kind.Element:
      r = [p.nc!];
      break;
    case Kind.Choice:
    case Kind.Group:
    case Kind.Interleave:
      r = [...elementNames(p.a!, memo), ...elementNames(p.b!, memo)];
      break;
    case Kind.OneOrMore:
      r = elementNames(p.a!, memo);
      break;
    default:
      r = [];
  }
  memo.set(p, r);
  return r;
}

function hasText(p: Pattern, memo: Map<Pattern, boolean>): boolean {
  const known = memo.get(p);
  if (known !== undefined) return known;
  let r: boolean;
  switch (p.kind) {
    case Kind.Text:
      r = true;
      break;
    case Kind.Choice:
    case Kind.Group:
    case Kind.Interleave:
      r = hasText(p.a!, memo) || hasText(p.b!, memo);
      break;
    case Kind.OneOrMore:
      r = hasText(p.a!, memo);
      break;
    default:
      r = false;
  }
  memo.set(p, r);
  return r;
}

const EMPTY_CT = 0;
const COMPLEX_CT = 1;
const SIMPLE_CT = 2;

/** Content type of spec 7.2, undefined when the pattern mixes data with structure. */
function contentType(p: Pattern): number | undefined {
  const groupable = (a: number, b: number) => a === EMPTY_CT || b === EMPTY_CT || (a === COMPLEX_CT && b === COMPLEX_CT);
  switch (p.kind) {
    case Kind.Value:
    case Kind.Data:
    case Kind.DataExcept:
    case Kind.List:
      return SIMPLE_CT;
    case Kind.Text:
    case Kind.Element:
      return COMPLEX_CT;
    case Kind.Attribute:
      return contentType(p.a!) === undefined ? undefined : EMPTY_CT;
    case Kind.Empty:
    case Kind.NotAllowed:
      return EMPTY_CT;
    case Kind.Group:
    case Kind.Interleave: {
      const a = contentType(p.a!);
      const b = contentType(p.b!);
      if (a === undefined || b === undefined || !groupable(a, b)) return undefined;
      return Math.max(a, b);
    }
    case Kind.Choice: {
      const a = contentType(p.a!);
      const b = contentType(p.b!);
      if (a === undefined || b === undefined) return undefined;
      return Math.max(a, b);
    }
    case Kind.OneOrMore: {
      const a = contentType(p.a!);
      return a !== undefined && groupable(a, a) ? a : undefined;
    }
    default:
      return EMPTY_CT;
  }
}
