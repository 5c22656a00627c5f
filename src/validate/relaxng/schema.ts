/**
 * A compiled schema: the start pattern, every element pattern (for error recovery) and the
 * ID/IDREF table (which attributes of which elements are typed ID, IDREF or IDREFS).
 */
import type { XmlAttribute, XmlStartTag } from '../../xml/reader.js';
import { collapseWhitespace } from '../../xml/whitespace.js';
import { anyNameNc, containsName, type NameClass } from './nameclass.js';
import { attribute, choice, element, EMPTY, interleave, Kind, NOT_ALLOWED, oneOrMore, setContent, TEXT, type Pattern } from './pattern.js';

type IdType = 'ID' | 'IDREF' | 'IDREFS';

interface IdEntry {
  element: NameClass;
  attribute: NameClass;
  type: IdType;
}

/** Content that accepts anything: what an element unknown to the schema is checked against. */
function anyContent(): Pattern {
  const any = element(anyNameNc());
  const content = interleave(
    choice(oneOrMore(attribute(anyNameNc(), TEXT)), EMPTY),
    interleave(TEXT, choice(oneOrMore(any), EMPTY)),
  );
  setContent(any, content);
  return content;
}

export class CompiledSchema {
  private readonly ids: IdEntry[] = [];
  private readonly idMemo = new Map<string, IdType | null>();
  private readonly recovery = new Map<string, { known: boolean; content: Pattern }>();
  private anything?: Pattern;
  /** Local names of ID-typed attributes, for a quick "no" (undefined when a wildcard is ID-typed). */
  private readonly idLocals?: Set<string>;

  constructor(
    readonly start: Pattern,
    readonly elements: readonly Pattern[],
  ) {
    const memo = new Map<Pattern, [NameClass, IdType][]>();
    for (const el of elements) {
      if (el.a) for (const [attribute, type] of idAttributes(el.a, memo)) this.ids.push({ element: el.nc!, attribute, type });
    }
    const locals = new Set<string>();
    const named = (nc: NameClass): boolean =>
      nc.kind === 'name' ? (locals.add(nc.local), true) : nc.kind === 'choice' ? named(nc.a) && named(nc.b) : false;
    if (this.ids.every((e) => named(e.attribute))) this.idLocals = locals;
  }

  /** Whether the schema types any attribute as ID, IDREF or IDREFS. */
  get checksIds(): boolean {
    return this.ids.length > 0;
  }

  /** For an element not allowed where it stands: the content of its definitions elsewhere, or anything. */
  recoveryContent(ns: string, local: string): { known: boolean; content: Pattern } {
    const key = ns + '}' + local;
    let r = this.recovery.get(key);
    if (!r) {
      let content: Pattern = NOT_ALLOWED;
      for (const el of this.elements) if (el.a && containsName(el.nc!, ns, local)) content = choice(content, el.a);
      r = content.kind === Kind.NotAllowed ? { known: false, content: (this.anything ??= anyContent()) } : { known: true, content };
      this.recovery.set(key, r);
    }
    return r;
  }

  /** Calls `found` with the ID type and each (whitespace-normalised) value if the attribute is ID-typed. */
  checkId(tag: XmlStartTag, a: XmlAttribute, found: (type: IdType, value: string) => void): void {
    if (this.ids.length === 0) return;
    if (this.idLocals && !this.idLocals.has(a.local)) return;
    const key = `${tag.ns}}${tag.local}|${a.ns}}${a.local}`;
    let type = this.idMemo.get(key);
    if (type === undefined) {
      type = null;
      for (const e of this.ids) {
        if (containsName(e.attribute, a.ns, a.local) && containsName(e.element, tag.ns, tag.local)) {
          type = e.type;
          break;
        }
      }
      this.idMemo.set(key, type);
    }
    if (type === null) return;
    // XML white space only: String#trim would also strip a no-break space, which belongs to the value.
    const value = collapseWhitespace(a.value);
    if (type === 'IDREFS') {
      for (const v of value.split(' ')) if (v !== '') found('IDREF', v);
    } else if (value !== '') found(type, value);
  }
}

/** ID-typed attributes reachable in a content pattern; memoised, as content models share attribute classes. */
function idAttributes(p: Pattern, memo: Map<Pattern, [NameClass, IdType][]>): [NameClass, IdType][] {
  const known = memo.get(p);
  if (known) return known;
  let r: [NameClass, IdType][] = [];
  memo.set(p, r);
  switch (p.kind) {
    case Kind.Attribute: {
      const type = idTypeOf(p.a!);
      if (type) r = [[p.nc!, type]];
      break;
    }
    case Kind.Choice:
    case Kind.Group:
    case Kind.Interleave: {
      const a = idAttributes(p.a!, memo);
      const b = idAttributes(p.b!, memo);
      r = a.length === 0 ? b : b.length === 0 ? a : [...a, ...b];
      break;
    }
    case Kind.OneOrMore:
      r = idAttributes(p.a!, memo);
  }
  memo.set(p, r);
  return r;
}

function idTypeOf(p: Pattern): IdType | undefined {
  if ((p.kind === Kind.Data || p.kind === Kind.Value) && p.datatype!.idType) return p.datatype!.idType;
  return undefined;
}
