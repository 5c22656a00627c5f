/**
 * shifr's positioned, secure XML reader (scanner.ts does the scanning). It streams events (start tag, end tag,
 * text) carrying the offset of each construct in the source; offsets become line and column only
 * when a diagnostic needs them (`XmlSource.position`), so reading stays cheap for large files.
 *
 * Security: no DTD is ever loaded and no external entity resolved. A DOCTYPE that declares
 * entities (the "billion laughs" family) is refused with `SHF-XML-002` before any expansion; a
 * plain `<!DOCTYPE TEI>` is accepted and ignored. Well-formedness errors are `SHF-XML-001`.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { NotWellFormed, scanXml, XML_NAMESPACE } from './scanner.js';

export const XML_NS = XML_NAMESPACE;

/** Prefix → namespace URI bindings in scope ('' is the default namespace). */
export type NamespaceContext = Readonly<Record<string, string>>;

export interface XmlAttribute {
  /** The name as written, e.g. `xml:id`. */
  qname: string;
  local: string;
  /** Namespace URI, '' for none. */
  ns: string;
  value: string;
}

export interface XmlStartTag {
  qname: string;
  local: string;
  ns: string;
  /** Attributes other than namespace declarations, in document order. */
  attributes: XmlAttribute[];
  /** Bindings in scope on this element (prototype chain: look up with `bindings[prefix]`). */
  bindings: NamespaceContext;
  /** Offset of `<` in the source text. */
  offset: number;
}

export interface XmlHandler {
  startElement(tag: XmlStartTag): void;
  /** `offset` is the offset of `</` (or of `<` for an empty-element tag). */
  endElement(tag: XmlStartTag, offset: number): void;
  /** Character data (CDATA included); `offset` is where it starts. Adjacent pieces may come separately. */
  text(text: string, offset: number): void;
  /** A comment or processing instruction from the root element's start on (not otherwise reported). */
  hidden?(): void;
}

/** Source text plus the mapping from offsets to 1-based line and column (columns count characters). */
export class XmlSource {
  private lineStarts: number[] | undefined;
  constructor(
    readonly text: string,
    readonly file: string,
    /** The caller has checked that every character is one XML allows (`decodeXml` tells). */
    readonly allowedCharsOnly = false,
  ) {}

  /** Line and column (both 1-based) of a UTF-16 offset in the text. */
  position(offset: number): { line: number; column: number } {
    const starts = (this.lineStarts ??= lineStartsOf(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const start = starts[lo]!;
    let column = 1;
    for (let i = start; i < offset; i++) {
      const c = this.text.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff) column++;
    }
    return { line: lo + 1, column };
  }

  /** Place for a diagnostic at an offset. */
  place(offset: number): { file: string; line: number; column: number } {
    return { file: this.file, ...this.position(offset) };
  }

  /** Offset of attribute `qname` inside the start tag at `tagOffset` (the tag's offset if not found). */
  attributeOffset(tagOffset: number, qname: string): number {
    const end = this.text.indexOf('>', tagOffset);
    const tag = this.text.slice(tagOffset, end < 0 ? undefined : end);
    const re = /[\s]([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/g;
    for (let m = re.exec(tag); m; m = re.exec(tag)) {
      if (m[1] === qname) return tagOffset + m.index + 1;
    }
    return tagOffset;
  }
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * Reads `text` and calls `handler` for every element and text node. Returns the diagnostics
 * (well-formedness and security); reading stops at the first fatal error, as XML requires.
 */
export function readXml(source: XmlSource, handler: XmlHandler): Diagnostic[] {
  try {
    scanXml(
      source.text,
      {
        start: (tag) => handler.startElement(tag),
        end: (tag, offset) => handler.endElement(tag, offset),
        text: (t, offset) => handler.text(t, offset),
        hidden: () => handler.hidden?.(),
      },
      (doctype, offset) => {
        if (/<!ENTITY/.test(doctype)) {
          throw new NotWellFormed(
            'the DOCTYPE declares entities; shifr refuses entity declarations (a defence against entity-expansion attacks) — remove the internal subset',
            offset,
            undefined,
            'SHF-XML-002',
          );
        }
      },
      source.allowedCharsOnly,
    );
  } catch (e) {
    if (!(e instanceof NotWellFormed)) throw e;
    const message = e.code === 'SHF-XML-001' ? `not well-formed: ${e.message}` : e.message;
    return [diagnostic(e.code, message, source.place(e.offset), { expected: e.expected })];
  }
  return [];
}

/** A light element tree, for small documents such as schemas. */
export interface XmlElement extends XmlStartTag {
  children: (XmlElement | string)[];
}

/** Reads a whole document into an element tree (adjacent text merged). */
export function readXmlTree(source: XmlSource): { root?: XmlElement; diagnostics: Diagnostic[] } {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const diagnostics = readXml(source, {
    startElement(tag) {
      const el: XmlElement = { ...tag, children: [] };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(el);
      else root = el;
      stack.push(el);
    },
    endElement() {
      stack.pop();
    },
    text(t) {
      const kids = stack[stack.length - 1]!.children;
      const last = kids.length - 1;
      if (last >= 0 && typeof kids[last] === 'string') kids[last] += t;
      else kids.push(t);
    },
  });
  return diagnostics.length > 0 ? { diagnostics } : { root, diagnostics };
}

/** The value of an attribute with no namespace, or undefined. */
export function attr(el: XmlElement, local: string): string | undefined {
  for (const a of el.attributes) if (a.local === local && a.ns === '') return a.value;
  return undefined;
}
