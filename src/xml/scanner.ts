/**
 * A fast, secure XML 1.0 + Namespaces scanner. It finds markup with `indexOf` and sticky
 * regular expressions instead of reading character by character (which made saxes the larger
 * part of validation time), checks well-formedness, and reports offsets, not lines.
 *
 * Security: only the five predefined entities and character references are expanded; a DOCTYPE
 * is skipped without being read, and one that declares entities is refused (`entities`
 * callback), so nothing external is ever loaded and no expansion can blow up.
 */
import type { NamespaceContext, XmlAttribute, XmlStartTag } from './reader.js';

export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

const NAME_START =
  ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040`;
const NAME = new RegExp(`[${NAME_START}][${NAME_CHAR}]*`, 'uy');
const EQ = /[ \t\r\n]*=[ \t\r\n]*/y;
const BAD_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const REFERENCE = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|([^;&\s]*));?/g;
const XML_DECL = /<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.[0-9]+\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*\?>/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * A copy of a string that does not share the characters of the text it was cut from. Names and
 * values are slices of their document, and a slice kept in a table (interned names, memo keys)
 * would keep the whole document alive (32 MB of telegram texts after 1,000 files).
 */
export function ownCopy(s: string): string {
  return (' ' + s).slice(1);
}

/** Namespace URIs seen, each kept as one string object (bounded: a file may declare thousands). */
const namespaceStrings = new Map<string, string>();

/**
 * The one string object for a namespace URI: names are compared by namespace on every element,
 * and two equal strings that are one object compare at once, without reading their characters.
 */
export function internNamespace(uri: string): string {
  const known = namespaceStrings.get(uri);
  if (known !== undefined) return known;
  if (namespaceStrings.size >= 1000) return uri;
  const own = ownCopy(uri);
  namespaceStrings.set(own, own);
  return own;
}

/** Thrown (and caught by the reader) at the first well-formedness error. */
export class NotWellFormed extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly expected?: string[],
    readonly code = 'SHF-XML-001',
  ) {
    super(message);
  }
}


export interface ScanHandler {
  /** A comment or processing instruction from the root element's start on (the reader reports no such node). */
  hidden?(): void;
  start(tag: XmlStartTag): void;
  end(tag: XmlStartTag, offset: number): void;
  text(text: string, offset: number): void;
}

const fail = (message: string, offset: number, expected?: string[]): never => {
  throw new NotWellFormed(message, offset, expected);
};

/**
 * Cheap first test: a control character, a surrogate or U+FFFE/U+FFFF may be present. Written as
 * the complement of what is always allowed, which V8 scans ~40 % faster than the same set listed.
 */
const SUSPECT_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD]/;

function isCharOk(s: string, offset: number): void {
  if (!SUSPECT_CHAR.test(s)) return;
  const m = BAD_CHAR.exec(s);
  if (m) fail(`character U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML`, offset + m.index);
}

/** Expands references in text or an attribute value (already whitespace-normalised for attributes). */
function expand(s: string, offset: number): string {
  if (!s.includes('&')) return s;
  return s.replace(REFERENCE, (all, hex: string | undefined, dec: string | undefined, name: string | undefined, at: number) => {
    if (!all.endsWith(';')) fail('"&" must start a reference such as &amp; (write &amp; for a literal ampersand)', offset + at, ['&amp;']);
    if (hex !== undefined || dec !== undefined) {
      const cp = hex !== undefined ? parseInt(hex, 16) : parseInt(dec!, 10);
      const ok = cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
      if (!ok) fail(`character reference ${all} is not a legal XML character`, offset + at);
      return String.fromCodePoint(cp);
    }
    const v = PREDEFINED[name!];
    if (v === undefined) fail(`undefined entity ${all} (only &lt; &gt; &amp; &quot; &apos; and character references are allowed)`, offset + at);
    return v!;
  });
}

const normaliseNewlines = (s: string) => (s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s);

/** Does an attribute value hold a tab, newline or carriage return (which normalisation turns into spaces)? */
function hasWhitespaceControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13) return true;
  }
  return false;
}

/** Namespace and local name of a prefixed name (`tei:p`, `xml:id`) under `bindings`. */
function resolvePrefixed(q: string, offset: number, bindings: NamespaceContext): [string, string] {
  const colon = q.indexOf(':');
  const prefix = q.slice(0, colon);
  const local = q.slice(colon + 1);
  if (prefix === '' || local === '' || local.includes(':')) fail(`"${q}" is not a valid namespace-qualified name`, offset);
  const ns = bindings[prefix];
  if (ns === undefined || ns === '') fail(`prefix "${prefix}" of "${q}" is not declared`, offset, [`xmlns:${prefix}="…"`]);
  return [ns!, local];
}

/**
 * Scans a whole document. `onDoctype` receives the DOCTYPE text (to refuse entity declarations).
 * `allowedCharsOnly`: the caller has checked every character already (on the bytes, faster).
 * Throws NotWellFormed at the first error.
 */
export function scanXml(text: string, handler: ScanHandler, onDoctype: (doctype: string, offset: number) => void, allowedCharsOnly = false): void {
  const rootBindings: NamespaceContext = { xml: XML_NAMESPACE };
  const stack: XmlStartTag[] = [];
  let pos = 0;
  let seenRoot = false;
  let seenDoctype = false;
  // Whole-text tests, once: when they fail, no piece of the text needs its own check.
  const suspect = !allowedCharsOnly && SUSPECT_CHAR.test(text);
  const mayEndCdata = text.includes(']]>');

  if (text.startsWith('<?xml') && /^<\?xml[ \t\r\n?]/.test(text)) {
    XML_DECL.lastIndex = 0;
    if (!XML_DECL.test(text)) fail('malformed XML declaration; expected <?xml version="1.0" encoding="UTF-8"?>', 0);
    pos = XML_DECL.lastIndex;
  }

  const name = (at: number, what: string): string => {
    // ASCII names (nearly all) are read with charCodeAt; anything else goes to the full regex.
    let i = at;
    let c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58) {
      do c = text.charCodeAt(++i);
      while ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 58) || c === 95 || c === 45 || c === 46);
      if (!(c >= 0x80)) return text.slice(at, i);
    }
    NAME.lastIndex = at;
    const m = NAME.exec(text);
    if (!m) fail(`expected ${what}`, at);
    return m![0];
  };
  const skipSpace = (at: number): number => {
    let c = text.charCodeAt(at);
    while (c === 32 || c === 10 || c === 9 || c === 13) c = text.charCodeAt(++at);
    return at;
  };
  const comment = (at: number): number => {
    const end = text.indexOf('-->', at + 4);
    if (end < 0) fail('unterminated comment; expected -->', at, ['-->']);
    const body = text.slice(at + 4, end);
    if (body.includes('--') || body.endsWith('-')) fail('"--" is not allowed inside a comment', at);
    isCharOk(body, at + 4);
    return end + 3;
  };
  const pi = (at: number): number => {
    const target = name(at + 2, 'a processing-instruction target');
    if (target.toLowerCase() === 'xml') fail('an XML declaration is allowed only at the very start of the file', at);
    const end = text.indexOf('?>', at + 2);
    if (end < 0) fail('unterminated processing instruction; expected ?>', at, ['?>']);
    const after = at + 2 + target.length;
    if (after !== end && !/[ \t\r\n]/.test(text[after]!)) fail(`expected whitespace or "?>" after the processing-instruction target ${target}`, after);
    isCharOk(text.slice(after, end), after);
    return end + 2;
  };
  const doctype = (at: number): number => {
    if (seenDoctype || seenRoot) fail('a DOCTYPE is allowed only once, before the root element', at);
    seenDoctype = true;
    let i = at + 9;
    let depth = 0;
    while (i < text.length) {
      const c = text[i];
      if (c === '"' || c === "'") {
        const close = text.indexOf(c, i + 1);
        if (close < 0) break;
        i = close + 1;
        continue;
      }
      if (c === '[') depth++;
      else if (c === ']') depth--;
      else if (c === '>' && depth <= 0) {
        onDoctype(text.slice(at, i + 1), at);
        return i + 1;
      }
      i++;
    }
    return fail('unterminated DOCTYPE', at);
  };

  const startTag = (at: number): number => {
    const qname = name(at + 1, 'an element name after "<"');
    let i = at + 1 + qname.length;
    // Attributes go straight into the tag's list: unprefixed and xml: names are resolved as they are
    // read (the xml prefix cannot be rebound). Only namespace declarations and other prefixed names
    // — rare in TEI — wait for the whole tag, since a declaration may follow the name it binds.
    const attributes: XmlAttribute[] = [];
    let declarations: { prefix: string; value: string; offset: number }[] | undefined;
    let unresolved: { attribute: XmlAttribute; offset: number }[] | undefined;
    let selfClosing = false;
    for (;;) {
      const afterSpace = skipSpace(i);
      const c = text.charCodeAt(afterSpace);
      if (c === 62 /* > */) {
        i = afterSpace + 1;
        break;
      }
      if (c === 47 /* / */ && text.charCodeAt(afterSpace + 1) === 62) {
        selfClosing = true;
        i = afterSpace + 2;
        break;
      }
      if (afterSpace >= text.length) fail(`unterminated start tag <${qname}`, at, ['>']);
      if (afterSpace === i) fail(`expected whitespace, ">" or "/>" in start tag <${qname}`, afterSpace, ['>', '/>']);
      const attName = name(afterSpace, `an attribute name, ">" or "/>" in start tag <${qname}`);
      let eq = afterSpace + attName.length;
      const q1 = text.charCodeAt(eq + 1);
      if (text.charCodeAt(eq) === 61 /* = */ && (q1 === 34 || q1 === 39)) eq++;
      else {
        EQ.lastIndex = eq;
        if (!EQ.test(text)) fail(`expected "=" after attribute name ${attName}`, eq, ['=']);
        eq = EQ.lastIndex;
      }
      const q = text[eq];
      if (q !== '"' && q !== "'") fail(`value of attribute ${attName} must be quoted`, eq, ['"', "'"]);
      const vStart = eq + 1;
      const vEnd = text.indexOf(q!, vStart);
      if (vEnd < 0) fail(`unterminated value of attribute ${attName}`, vStart - 1, [q!]);
      const rawValue = text.slice(vStart, vEnd);
      const lt = rawValue.indexOf('<');
      if (lt >= 0) fail(`"<" is not allowed in the value of attribute ${attName} (write &lt;)`, vStart + lt, ['&lt;']);
      if (suspect) isCharOk(rawValue, vStart);
      for (let k = 0; k < attributes.length; k++) if (attributes[k]!.qname === attName) fail(`attribute ${attName} is given twice`, afterSpace);
      if (declarations) for (const d of declarations) if ((d.prefix === '' ? 'xmlns' : `xmlns:${d.prefix}`) === attName) fail(`attribute ${attName} is given twice`, afterSpace);
      const value = expand(hasWhitespaceControl(rawValue) ? rawValue.replace(/\r\n|[\t\n\r]/g, ' ') : rawValue, vStart);
      i = vEnd + 1;
      const colon = attName.indexOf(':');
      if (colon < 0) {
        if (attName === 'xmlns') (declarations ??= []).push({ prefix: '', value, offset: afterSpace });
        else attributes.push({ qname: attName, local: attName, ns: '', value });
      } else if (colon === 5 && attName.startsWith('xmlns')) {
        if (attName.length === 6) fail(`"${attName}" is not a valid namespace-qualified name`, afterSpace);
        (declarations ??= []).push({ prefix: attName.slice(6), value, offset: afterSpace });
      } else if (colon === 3 && attName.startsWith('xml') && attName.length > 4 && attName.indexOf(':', 4) < 0) {
        attributes.push({ qname: attName, local: attName.slice(4), ns: XML_NAMESPACE, value });
      } else {
        const attribute: XmlAttribute = { qname: attName, local: attName, ns: '', value };
        attributes.push(attribute);
        (unresolved ??= []).push({ attribute, offset: afterSpace });
      }
    }
    const parent = stack.length > 0 ? stack[stack.length - 1]!.bindings : rootBindings;
    let bindings = parent;
    if (declarations) {
      for (const { prefix, value, offset } of declarations) {
        if (prefix === 'xmlns') fail('the prefix "xmlns" cannot be declared', offset);
        if (prefix === 'xml' ? value !== XML_NAMESPACE : value === XML_NAMESPACE) fail('the prefix "xml" is bound only to the XML namespace', offset);
        if (value === XMLNS_NAMESPACE) fail('the xmlns namespace cannot be declared', offset);
        if (prefix !== '' && value === '') fail(`prefix "${prefix}" cannot be undeclared in XML 1.0`, offset);
        if (bindings === parent) bindings = Object.create(parent) as Record<string, string>;
        (bindings as Record<string, string>)[prefix] = internNamespace(value);
      }
    }
    let ns: string;
    let local: string;
    if (qname.indexOf(':') < 0) {
      ns = bindings[''] ?? '';
      local = qname;
    } else [ns, local] = resolvePrefixed(qname, at + 1, bindings);
    if (unresolved) {
      for (const { attribute, offset } of unresolved) {
        [attribute.ns, attribute.local] = resolvePrefixed(attribute.qname, offset, bindings);
        // Two prefixes bound to one namespace can still name one attribute twice.
        for (const b of attributes) {
          if (b === attribute) break;
          if (b.local === attribute.local && b.ns === attribute.ns) fail(`attribute ${attribute.qname} is given twice (same namespace and local name)`, offset);
        }
      }
    }
    const tag: XmlStartTag = { qname, local, ns, attributes, bindings, offset: at };
    handler.start(tag);
    if (selfClosing) handler.end(tag, at);
    else stack.push(tag);
    return i;
  };

  const endTag = (at: number): number => {
    const top = stack[stack.length - 1];
    if (top && text.startsWith(top.qname, at + 2) && text.charCodeAt(at + 2 + top.qname.length) === 62 /* > */) {
      // The usual case, </name> closing the open element: no name to read.
      stack.pop();
      handler.end(top, at);
      return at + 3 + top.qname.length;
    }
    const qname = name(at + 2, 'an element name after "</"');
    const close = skipSpace(at + 2 + qname.length);
    if (text[close] !== '>') fail(`expected ">" to end the end tag </${qname}`, close, ['>']);
    const open = stack.pop();
    if (!open) fail(`end tag </${qname}> has no start tag`, at);
    if (open!.qname !== qname) {
      fail(`end tag </${qname}> does not match the start tag <${open!.qname}>; expected </${open!.qname}>`, at, [`</${open!.qname}>`]);
    }
    handler.end(open!, at);
    return close + 1;
  };

  // Prolog, root element, epilog.
  for (;;) {
    const lt = text.indexOf('<', pos);
    const stop = lt < 0 ? text.length : lt;
    if (stack.length > 0) {
      if (stop > pos) {
        const chunk = text.slice(pos, stop);
        const cdataEnd = mayEndCdata ? chunk.indexOf(']]>') : -1;
        if (cdataEnd >= 0) fail('"]]>" is not allowed in text', pos + cdataEnd);
        if (suspect) isCharOk(chunk, pos);
        handler.text(expand(normaliseNewlines(chunk), pos), pos);
      }
    } else if (stop > pos && !/^[ \t\r\n]*$/.test(text.slice(pos, stop))) {
      const lead = skipSpace(pos);
      fail(seenRoot ? 'text after the root element' : 'text before the root element; expected "<"', lead);
    }
    if (lt < 0) break;
    pos = lt;
    const c1 = text[lt + 1];
    if (c1 === '/') {
      if (stack.length === 0) fail('end tag outside the root element', lt);
      pos = endTag(lt);
    } else if (c1 === '?') {
      pos = pi(lt);
      if (seenRoot) handler.hidden?.();
    } else if (c1 === '!') {
      if (text.startsWith('<!--', lt)) {
        pos = comment(lt);
        if (seenRoot) handler.hidden?.();
      }
      else if (text.startsWith('<![CDATA[', lt)) {
        if (stack.length === 0) fail('CDATA section outside the root element', lt);
        const end = text.indexOf(']]>', lt + 9);
        if (end < 0) fail('unterminated CDATA section; expected ]]>', lt, [']]>']);
        const body = text.slice(lt + 9, end);
        isCharOk(body, lt + 9);
        handler.text(normaliseNewlines(body), lt);
        pos = end + 3;
      } else if (text.startsWith('<!DOCTYPE', lt) && stack.length === 0) pos = doctype(lt);
      else fail('unexpected "<!"; expected a comment, CDATA section or element', lt);
    } else {
      if (stack.length === 0) {
        if (seenRoot) fail('a document has only one root element', lt);
        seenRoot = true;
      }
      pos = startTag(lt);
    }
  }
  if (stack.length > 0) {
    const open = stack[stack.length - 1]!;
    fail(`unexpected end of file; expected </${open.qname}> (element <${open.qname}> is not closed)`, text.length, [`</${open.qname}>`]);
  }
  if (!seenRoot) fail('no root element', text.length);
}
