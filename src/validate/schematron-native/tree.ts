/**
 * The node model the native Schematron engine evaluates XPath over: documents, elements,
 * attributes and text, built from shifr's positioned reader (`src/xml/reader.ts`), so that every
 * element and attribute knows the offset it starts at in the source (SaxonJS keeps none).
 *
 * What the reader does not report — comments and processing instructions — is not in the tree.
 * `hasHiddenNodes` says whether a document may hold any (then `node()`, `text()` and sibling
 * counts could differ from XDM's, and the engine hands such a document to the XSLT path when the
 * schema uses those tests).
 */
import { readXml, XML_NS, XmlSource, type XmlHandler, type XmlStartTag } from '../../xml/reader.js';
import { collapseWhitespace } from '../../xml/whitespace.js';

export const enum Kind {
  Document = 0,
  Element = 1,
  Attribute = 2,
  Text = 3,
}

/** Document order across every tree of the process: each node takes the next number. */
let nextOrder = 0;

/** The children and attributes of nodes that have none (shared: most attributes and texts). */
const NO_NODES: XNode[] = Object.freeze([]) as unknown as XNode[];

export class XNode {
  /** Position in document order (unique in the process; trees built later sort after). */
  order = nextOrder++;
  parent: XNode | null = null;
  /** Children (elements and text), in order; empty for attributes and text. */
  children: XNode[] = NO_NODES;
  /** Attributes of an element. */
  attributes: XNode[] = NO_NODES;
  private stringValue: string | undefined;

  constructor(
    readonly kind: Kind,
    /** Root of the tree this node belongs to. */
    public root: XDocument | null,
    readonly local: string,
    readonly ns: string,
    /** Name as written (`tei:p`, `xml:id`); '' for documents and text. */
    readonly qname: string,
    /** Text of a text node or value of an attribute. */
    readonly value: string,
    /** Offset of the element's `<` in the source (attributes: their element's). */
    readonly offset: number,
  ) {}

  /** XPath string value: an element's is all its descendant text, in order. */
  string(): string {
    if (this.kind === Kind.Attribute || this.kind === Kind.Text) return this.value;
    if (this.stringValue === undefined) {
      if (this.children.length === 1 && this.children[0]!.kind === Kind.Text) this.stringValue = this.children[0]!.value;
      else {
        const parts: string[] = [];
        const collect = (n: XNode): void => {
          const children = n.children;
          for (let i = 0; i < children.length; i++) {
            const c = children[i]!;
            if (c.kind === Kind.Text) parts.push(c.value);
            else collect(c);
          }
        };
        collect(this);
        this.stringValue = parts.join('');
      }
    }
    return this.stringValue;
  }

  /** The attribute with this expanded name, or undefined. */
  attribute(ns: string, local: string): XNode | undefined {
    // Indexed loops over node lists here and in the walkers: the shared empty list is frozen,
    // and for-of over it kept the iteration generic (an iterator result allocated per step).
    const attributes = this.attributes;
    for (let i = 0; i < attributes.length; i++) {
      const a = attributes[i]!;
      if (a.local === local && a.ns === ns) return a;
    }
    return undefined;
  }
}

/** A document node, with what the engine needs per document: its source and key indexes. */
export class XDocument extends XNode {
  /** Indexes of `xsl:key`s, built on first use: key name → use value → nodes in document order. */
  readonly keys = new Map<string, Map<string, XNode[]>>();
  /** The root element may hold comments or processing instructions, which the tree leaves out. */
  hasHiddenNodes = false;
  /**
   * For each attribute the builder was asked to watch (`ns}local`), the elements that carry it,
   * in document order: key indexes by that attribute are then built from this list instead of a
   * walk over the whole tree.
   */
  readonly carriers = new Map<string, XNode[]>();
  private ids: Map<string, XNode> | undefined;

  constructor(
    readonly source: XmlSource,
    /** Absolute URI of the document, '' when unknown (as for a document parsed from text). */
    readonly baseUri: string,
  ) {
    super(Kind.Document, null, '', '', '', '', 0);
    this.root = this;
    this.children = [];
  }

  /**
   * The element of each ID value, for `id()`: IDs are xml:id attributes (no DTD is read), their
   * values normalised as XML normalises an ID; of elements sharing a value, the first in
   * document order. Built on first use.
   */
  elementWithId(id: string): XNode | undefined {
    if (!this.ids) {
      const ids = (this.ids = new Map());
      const walk = (n: XNode): void => {
        const kids = n.children;
        for (let i = 0; i < kids.length; i++) {
          const k = kids[i]!;
          if (k.kind !== Kind.Element) continue;
          const a = k.attribute(XML_NS, 'id');
          if (a) {
            const value = collapseWhitespace(a.value);
            if (!ids.has(value)) ids.set(value, k);
          }
          walk(k);
        }
      };
      walk(this);
    }
    return this.ids.get(id);
  }

  /** Line and column of a node: an element's `<`, an attribute's name, a text node's parent element. */
  position(node: XNode): { line: number; column: number } {
    if (node.kind === Kind.Document) return { line: 0, column: 0 };
    if (node.kind === Kind.Text) return this.position(node.parent!);
    if (node.kind === Kind.Attribute) return this.source.position(this.source.attributeOffset(node.offset, node.qname));
    return this.source.position(node.offset);
  }
}

/** Thrown when a text is not well-formed: the native tree exists only for well-formed documents. */
export class TreeError extends Error {}

/** An attribute by expanded name: one the tree builder records the carriers of. */
export interface AttributeName {
  ns: string;
  local: string;
}

/**
 * Builds a document's tree from reader events, so that it can share a scan with another consumer
 * (the RELAX NG validator); `finish` gives the tree once the reader has accepted the whole text.
 * `text` is decoded text without a byte-order mark (as `decodeXml` gives it). The elements that
 * carry one of the `watched` attributes are listed in `XDocument.carriers`.
 */
export function treeBuilder(
  text: string,
  file = '',
  baseUri = '',
  watched: readonly AttributeName[] = [],
): { source: XmlSource; handler: XmlHandler; finish(): XDocument } {
  const source = new XmlSource(text, file);
  const doc = new XDocument(source, baseUri);
  const lists = watched.map((w) => {
    const list: XNode[] = [];
    doc.carriers.set(`${w.ns}}${w.local}`, list);
    return { ns: w.ns, local: w.local, list };
  });
  const stack: XNode[] = [doc];
  let pendingText: string | undefined;
  let pendingOffset = 0;
  const flush = (): void => {
    if (pendingText === undefined) return;
    const parent = stack[stack.length - 1]!;
    const t = new XNode(Kind.Text, doc, '', '', '', pendingText, pendingOffset);
    t.parent = parent;
    parent.children.push(t);
    pendingText = undefined;
  };
  const handler: XmlHandler = {
    startElement(tag: XmlStartTag) {
      flush();
      const parent = stack[stack.length - 1]!;
      const el = new XNode(Kind.Element, doc, tag.local, tag.ns, tag.qname, '', tag.offset);
      el.parent = parent;
      el.children = [];
      parent.children.push(el);
      if (tag.attributes.length > 0) {
        el.attributes = tag.attributes.map((a) => {
          const at = new XNode(Kind.Attribute, doc, a.local, a.ns, a.qname, a.value, tag.offset);
          at.parent = el;
          for (let i = 0; i < lists.length; i++) if (lists[i]!.local === a.local && lists[i]!.ns === a.ns) lists[i]!.list.push(el);
          return at;
        });
      }
      stack.push(el);
    },
    endElement() {
      flush();
      stack.pop();
    },
    hidden() {
      // A comment or processing instruction from the root's start on (the prolog's are not its children).
      doc.hasHiddenNodes = true;
    },
    text(t: string, offset: number) {
      // Adjacent pieces (CDATA, text around it) make one XDM text node.
      if (pendingText === undefined) {
        pendingText = t;
        pendingOffset = offset;
      } else pendingText += t;
    },
  };
  const finish = (): XDocument => doc;
  return { source, handler, finish };
}

/**
 * Builds the tree of a document. Throws `TreeError` when it is not well-formed (validation reports
 * that with the reader's own diagnostics before the rules are run).
 */
export function buildTree(text: string, file = '', baseUri = '', watched: readonly AttributeName[] = []): XDocument {
  const builder = treeBuilder(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, file, baseUri, watched);
  const problems = readXml(builder.source, builder.handler);
  if (problems.some((d) => d.severity === 'error')) throw new TreeError(problems[0]!.message);
  return builder.finish();
}
