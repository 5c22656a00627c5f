/**
 * Validates one document against a compiled schema by feeding the reader's events to the
 * derivative matcher. When a derivative would become notAllowed, the place and what was
 * expected there are reported, and the matcher recovers (an unexpected element is checked
 * against its own definition, or skipped; a bad attribute is ignored; a missing part is assumed),
 * so one run gives every error of a file. ID/IDREF checks follow the DTD-compatibility rules.
 */
import { diagnostic, listExpected, type Diagnostic } from '../../diagnostics.js';
import { readXml, XmlSource, type XmlHandler, type XmlStartTag } from '../../xml/reader.js';
import { isXmlWhitespace } from '../../xml/whitespace.js';
import { renderName } from './nameclass.js';
import {
  acceptsText,
  allowedValues,
  attributePatterns,
  attributeValuePatterns,
  describeAll,
  expectedElements,
  requiredAttributes,
} from './expected.js';
import {
  attDeriv,
  endTagDeriv,
  forceAttDeriv,
  forceEndTag,
  forceStartTagClose,
  startTagCloseDeriv,
  startTagOpenDeriv,
  textDeriv,
  skipPrefix,
} from './matcher.js';
import { after, choice, Kind, TEXT_SENSITIVE, type Pattern } from './pattern.js';
import type { CompiledSchema } from './schema.js';

interface Frame {
  tag: XmlStartTag;
  /** A child was already reported; its recovery can make the element look incomplete too. */
  childError: boolean;
  hadElement: boolean;
  text: string;
  textOffset: number;
}

/**
 * Runs the RELAX NG and ID/IDREF checks on already-decoded text. Well-formedness problems are reported too.
 * `allowedCharsOnly`: every character is known to be one XML allows (see `XmlSource`).
 * `observer` sees the same reader events first: a caller that also needs the document as a tree
 * (the Schematron engine) builds it in this one scan instead of reading the text a second time.
 */
export function validateText(schema: CompiledSchema, text: string, file: string, observer?: XmlHandler, allowedCharsOnly = false): Diagnostic[] {
  const source = new XmlSource(text, file, allowedCharsOnly);
  const out: Diagnostic[] = [];
  let p = schema.start;
  let defaultNs = '';
  const stack: Frame[] = [];
  // Where an ID or IDREF stands (its tag and name): the offset is found only for a diagnostic.
  const ids = new Map<string, { tagOffset: number; qname: string }>();
  const refs: { value: string; tagOffset: number; qname: string }[] = [];
  /** The attribute checkId is looking at (one callback for all, not a closure per attribute). */
  let idTag: XmlStartTag | undefined;
  let idQname = '';
  const idFound = (type: 'ID' | 'IDREF' | 'IDREFS', value: string): void => {
    const tagOffset = idTag!.offset;
    if (type !== 'ID') {
      refs.push({ value, tagOffset, qname: idQname });
      return;
    }
    const first = ids.get(value);
    if (first === undefined) {
      ids.set(value, { tagOffset, qname: idQname });
      return;
    }
    const where = source.position(source.attributeOffset(first.tagOffset, first.qname));
    out.push(
      diagnostic('SHF-RNG-006', `duplicate ID "${value}"; first defined at line ${where.line}, column ${where.column}`, source.place(source.attributeOffset(tagOffset, idQname))),
    );
  };

  const name = (ns: string, local: string) => renderName(ns, local, defaultNs);
  const expectedText = (state: Pattern): string[] => {
    const names = describeAll(expectedElements(state), defaultNs, 'element');
    return acceptsText(state) ? [...names, 'text'] : names;
  };
  /** "expected the element end-tag, text or element "a" or "b"", in jing's order. */
  const expectation = (items: string[], emptyMessage: string) => {
    if (items.length === 0) return emptyMessage;
    const elements = items.filter((i) => i !== 'text' && i !== 'the element end-tag');
    const parts: string[] = [];
    if (items.includes('the element end-tag')) parts.push('the element end-tag');
    if (items.includes('text')) parts.push('text');
    if (elements.length > 0) parts.push(`element ${listExpected(elements)}`);
    const last = parts.pop()!;
    return `expected ${parts.length > 0 ? `${parts.join(', ')} or ${last}` : last}`;
  };

  const flushMixedText = (frame: Frame) => {
    if (frame.text === '') return;
    const s = frame.text;
    const at = frame.textOffset;
    frame.text = '';
    if (isXmlWhitespace(s)) return;
    const next = textDeriv(p, s, frame.tag.bindings);
    if (next.kind === Kind.NotAllowed) {
      const lead = s.length - s.trimStart().length;
      const items = expectedText(p).filter((x) => x !== 'text');
      out.push(
        diagnostic('SHF-RNG-005', `text not allowed here; ${expectation(items, 'expected the element end-tag')}`, source.place(at + lead), {
          expected: items,
        }),
      );
    } else p = next;
  };

  const diagnostics = readXml(source, {
    startElement(tag) {
      observer?.startElement(tag);
      const parent = stack[stack.length - 1];
      if (parent) {
        flushMixedText(parent);
        parent.hadElement = true;
      } else defaultNs = tag.ns;
      let q = startTagOpenDeriv(p, tag.ns, tag.local);
      if (q.kind === Kind.NotAllowed) {
        if (parent) parent.childError = true;
        const items = expectedText(p);
        if (endTagDeriv(p).kind !== Kind.NotAllowed) items.unshift('the element end-tag');
        const early = startTagOpenDeriv(skipPrefix(p), tag.ns, tag.local);
        if (early.kind !== Kind.NotAllowed) {
          // The element comes later in this content: say what is missing before it, and go on
          // as if it had been there, so the parent is not also reported incomplete.
          const missing = items.filter((x) => x !== 'the element end-tag' && x !== 'text');
          const what = missing.length === 1 ? `missing required element ${listExpected(missing)}` : expectation(missing, 'expected other content first');
          out.push(diagnostic('SHF-RNG-001', `element "${name(tag.ns, tag.local)}" not allowed yet; ${what}`, source.place(tag.offset), { expected: missing }));
          q = early;
        } else {
          const recovery = schema.recoveryContent(tag.ns, tag.local);
          const where = recovery.known ? 'here' : 'anywhere';
          const message = `element "${name(tag.ns, tag.local)}" not allowed ${where}; ${expectation(items, 'expected the element end-tag')}`;
          out.push(diagnostic('SHF-RNG-001', message, source.place(tag.offset), { expected: items }));
          q = after(recovery.content, p);
        }
      }
      for (const a of tag.attributes) {
        const next = attDeriv(q, a.ns, a.local, a.value, tag.bindings);
        if (next.kind !== Kind.NotAllowed) q = next;
        else if (reportAttribute(tag, a.ns, a.local, a.qname, a.value, q)) q = forceAttDeriv(q, a.ns, a.local);
        idTag = tag;
        idQname = a.qname;
        schema.checkId(tag, a, idFound);
      }
      let closed = startTagCloseDeriv(q);
      if (closed.kind === Kind.NotAllowed) {
        const missing = describeAll(requiredAttributes(q), defaultNs, 'attribute');
        const what = missing.length === 1 ? `missing required attribute ${listExpected(missing)}` : `missing required attributes; expected attribute ${listExpected(missing)}`;
        out.push(diagnostic('SHF-RNG-004', `element "${name(tag.ns, tag.local)}" ${what}`, source.place(tag.offset), { expected: missing }));
        closed = forceStartTagClose(q);
      }
      p = closed;
      stack.push({ tag, hadElement: false, childError: false, text: '', textOffset: 0 });
    },
    hidden() {
      observer?.hidden?.();
    },
    text(t, offset) {
      observer?.text(t, offset);
      const frame = stack[stack.length - 1]!;
      if (frame.text === '') frame.textOffset = offset;
      frame.text += t;
    },
    endElement(tag, offset) {
      observer?.endElement(tag, offset);
      const frame = stack.pop()!;
      if (!frame.hadElement) {
        // Spec 6.2.7: an element with no child elements matches its whole text as one string,
        // and whitespace-only content may also be taken as no content at all.
        const s = frame.text;
        const matched = textDeriv(p, s, tag.bindings);
        const next = isXmlWhitespace(s) ? choice(p, matched) : matched;
        if (next.kind === Kind.NotAllowed) {
          const values = contentValues(p);
          frame.childError = true;
          if (values) {
            out.push(
              diagnostic('SHF-RNG-008', `character content "${s.trim()}" of element "${name(tag.ns, tag.local)}" is invalid; must be ${values}`, source.place(frame.textOffset)),
            );
          } else {
            const items = expectedText(p).filter((x) => x !== 'text');
            out.push(
              diagnostic('SHF-RNG-005', `text not allowed here; ${expectation(items, 'expected the element end-tag')}`, source.place(frame.textOffset + s.length - s.trimStart().length), {
                expected: items,
              }),
            );
          }
        } else p = next;
      } else flushMixedText(frame);
      let ended = endTagDeriv(p);
      if (ended.kind === Kind.NotAllowed) {
        const items = expectedText(p);
        const elements = items.filter((x) => x !== 'text');
        const required = elements.length === 1 && !items.includes('text') ? `missing required element ${listExpected(elements)}` : expectation(items, 'expected content');
        if (!frame.childError) {
          out.push(diagnostic('SHF-RNG-004', `element "${name(tag.ns, tag.local)}" incomplete; ${required}`, source.place(offset), { expected: items }));
        }
        ended = forceEndTag(p);
      }
      p = ended;
    },
  });

  /** Reports a rejected attribute; true when only its value was wrong (the name was allowed). */
  function reportAttribute(tag: XmlStartTag, ns: string, local: string, qname: string, value: string, q: Pattern): boolean {
    const at = source.place(source.attributeOffset(tag.offset, qname));
    const valuePatterns = attributeValuePatterns(q, ns, local);
    if (valuePatterns.length > 0) {
      const allowed = { values: [] as string[], types: [] as string[] };
      for (const v of valuePatterns) allowedValues(v, allowed.values, allowed.types);
      const values = [...new Set(allowed.values)].sort();
      const types = [...new Set(allowed.types)];
      const parts: string[] = [];
      if (values.length > 0) parts.push(`equal to ${listExpected(values)}`);
      parts.push(...types);
      out.push(
        diagnostic('SHF-RNG-003', `value "${value}" of attribute "${qname}" is invalid; must be ${parts.join(', or ')}`, at, { expected: values }),
      );
      return true;
    }
    const names = describeAll(
      attributePatterns(q).map((a) => a.nc!),
      '',
      'attribute',
    );
    const tail = names.length > 0 ? `; expected attribute ${listExpected(names)}` : '; no attributes are allowed here';
    out.push(diagnostic('SHF-RNG-002', `attribute "${qname}" not allowed here${tail}`, at, { expected: names }));
    return false;
  }

  /** For a state that expects data: "a date", "equal to "a" or "b"". */
  function contentValues(state: Pattern): string | undefined {
    if (!(state.flags & TEXT_SENSITIVE)) return undefined;
    const found = { values: [] as string[], types: [] as string[] };
    const walk = (x: Pattern): void => {
      if (x.kind === Kind.Value || x.kind === Kind.Data || x.kind === Kind.DataExcept || x.kind === Kind.List) allowedValues(x, found.values, found.types);
      else if (x.kind === Kind.Choice || x.kind === Kind.Group || x.kind === Kind.Interleave) {
        walk(x.a!);
        walk(x.b!);
      } else if (x.kind === Kind.After || x.kind === Kind.OneOrMore) walk(x.a!);
    };
    walk(state);
    const parts: string[] = [];
    const values = [...new Set(found.values)];
    if (values.length > 0) parts.push(`equal to ${listExpected(values)}`);
    parts.push(...new Set(found.types));
    return parts.length > 0 ? parts.join(', or ') : undefined;
  }

  if (diagnostics.length > 0) return [...out, ...diagnostics];
  for (const r of refs) {
    if (!ids.has(r.value)) out.push(diagnostic('SHF-RNG-007', `IDREF "${r.value}" refers to no element with that ID`, source.place(source.attributeOffset(r.tagOffset, r.qname))));
  }
  return out;
}
