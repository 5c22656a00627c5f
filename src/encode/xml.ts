/**
 * The one place shifr builds XML. A small element tree — built by the encoder with `el` and
 * `text`, serialised once — whose serialiser pretty-prints element-only content and leaves mixed
 * content exactly as built (a general pretty-printer would put line breaks and indentation into
 * the text of every paragraph). Text and attribute values are escaped here and nowhere else;
 * element and attribute names are checked against the XML Name production, and characters XML 1.0
 * does not allow are refused, so that every file written is well-formed.
 *
 * Why not xmlbuilder2's DOM: building a telegram with it cost ~9 µs per element on this machine,
 * two thirds of the encoder's time, and the conversion must reach 500 pages per second on one
 * core; this tree costs under 1 µs per element (see README.md).
 */
import { TEI_NS } from '../xml/namespaces.js';

/** Attributes as name → value; undefined values are left out. */
export type Attrs = Record<string, string | undefined>;

/** An element under construction. */
export class Element {
  constructor(
    /** What the serialiser needs of the name, made once per name (`tagOf`). */
    readonly tag: Tag,
    /** Attribute names and values, alternately (name, value, name, value …): no array per attribute. */
    readonly attrs: string[] = [],
    readonly children: Array<Element | string | Deferred | Fragment> = [],
  ) {}

  /** The element's name. */
  get name(): string {
    return this.tag.name;
  }

  /** Sets an attribute (appended after those already set). */
  att(name: string, value: string): this {
    attributeStart(name);
    this.attrs.push(name, value);
    return this;
  }

  /** Appends text. */
  txt(value: string): this {
    if (value !== '') this.children.push(value);
    return this;
  }
}

/**
 * An element made only when the document is serialised, and dropped once it is written: a
 * document of thousands of similar entries (the authority files list every file that mentions a
 * person) is then never held whole, neither as a tree nor as one string (see `serializeTo`).
 */
export class Deferred {
  constructor(readonly make: () => Element) {}
}

/**
 * Mixed content serialised once and written as it is wherever it is appended: content that recurs
 * by the thousand (the forms an authority entry's mentions write, the same in many files) is then
 * escaped and serialised once, not once per use. Made only by `fragmentOf` (the class itself is
 * not exported), so that all escaping stays in this module.
 */
class Fragment {
  constructor(readonly xml: string) {}
}
export type { Fragment };

/** The content of `scratch` (never written itself) as a fragment, to append to mixed content with `appendFragment`. */
export function fragmentOf(scratch: Element): Fragment {
  const o = output('', undefined);
  for (const c of scratch.children) inline(c, o);
  return new Fragment(o.text);
}

/** Appends a fragment to an element's (mixed) content. */
export function appendFragment(parent: Element, fragment: Fragment): void {
  parent.children.push(fragment);
}

/** Appends an element that `make` builds when the document is serialised (in element-only content). */
export function appendDeferred(parent: Element, make: () => Element): void {
  parent.children.push(new Deferred(make));
}

const NAME = /^[A-Za-z_][A-Za-z0-9._:-]*$/;

/**
 * An element name checked as an XML name once, with the pieces of markup the serialiser writes
 * for it and how its content is laid out: each element then costs one map look-up when it is made,
 * and none when it is written.
 */
interface Tag {
  readonly name: string;
  /** `<name` */
  readonly open: string;
  /** `</name>`, and with the line end that follows it in element-only content. */
  readonly close: string;
  readonly closeLine: string;
  /** Mixed content in TEI (`PHRASE_CONTAINERS`). */
  readonly phrase: boolean;
  /** A block (`BLOCKS`). */
  readonly block: boolean;
}

const tags = new Map<string, Tag>();

function tagOf(name: string): Tag {
  let tag = tags.get(name);
  if (tag === undefined) {
    if (!NAME.test(name)) throw new Error(`"${name}" is not an XML name`);
    tag = { name, open: `<${name}`, close: `</${name}>`, closeLine: `</${name}>\n`, phrase: PHRASE_CONTAINERS.has(name), block: BLOCKS.has(name) };
    tags.set(name, tag);
  }
  return tag;
}

/** An attribute name, checked as an XML name once, → what the serialiser writes before its value: ` name="`. */
const attributeStarts = new Map<string, string>();

function attributeStart(name: string): string {
  let start = attributeStarts.get(name);
  if (start === undefined) {
    if (!NAME.test(name)) throw new Error(`"${name}" is not an XML name`);
    start = ` ${name}="`;
    attributeStarts.set(name, start);
  }
  return start;
}

/** Characters XML 1.0 does not allow (C0 controls but tab and line ends, U+FFFE/FFFF, lone surrogates). */
// eslint-disable-next-line no-control-regex
export const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Thrown when text holds a character XML 1.0 cannot carry. */
export class NotXmlCharError extends Error {}

/**
 * Refuses text holding a character XML 1.0 does not allow: the prolog, and a text or attribute
 * value only when the escaping test below has already met a suspect character (a control character, U+FFFE/FFFF
 * or a surrogate, which is fine in a pair): the one scan of each value that escaping makes anyway
 * also looks for them. Names are checked as XML names, and the markup around values is ASCII.
 */
function checkChars(value: string): void {
  const bad = NOT_XML_CHAR.exec(value);
  if (bad) throw new NotXmlCharError(`text contains a character XML 1.0 does not allow: ${JSON.stringify(value.slice(Math.max(0, bad.index - 20), bad.index + 20))}`);
}

/** A document under construction: its root element, in the TEI namespace. */
export interface XmlDocument {
  root: Element;
}

/** A new document and its root element. */
export function teiDocument(root: string, attrs: Attrs = {}): { doc: XmlDocument; root: Element } {
  const rootElement = new Element(tagOf(root), attrList(attrs));
  return { doc: { root: rootElement }, root: rootElement };
}

/** Appends a child element and returns it. */
export function el(parent: Element, name: string, attrs: Attrs = {}, text?: string): Element {
  // A text child given at once: the list made to its size (a first push reserves room for 17).
  const child = new Element(tagOf(name), attrList(attrs), text !== undefined && text !== '' ? [text] : []);
  parent.children.push(child);
  return child;
}

/**
 * Appends a child element with one attribute and returns it: `el(parent, name, { [attribute]: value })`
 * without an object to list the attributes of, for the elements made by the dozen on every page
 * (names, dates, paragraphs).
 */
export function elWith(parent: Element, name: string, attribute: string, value: string): Element {
  attributeStart(attribute);
  const child = new Element(tagOf(name), [attribute, value], []);
  parent.children.push(child);
  return child;
}

/** A new element not yet in a document (for `appendDeferred`). */
export function detached(name: string, attrs: Attrs = {}): Element {
  return new Element(tagOf(name), attrList(attrs));
}

/** Appends text (nothing for an empty string). */
export function text(parent: Element, value: string): void {
  parent.txt(value);
}

/**
 * The attributes given (undefined values left out) as a flat list, made to its size for one
 * attribute — most elements have none or one, and a first push would reserve room for 17.
 */
function attrList(attrs: Attrs): string[] {
  let list: string[] | undefined;
  // Object.keys rather than for…in: the same names for an object literal, and a smaller graph for
  // TurboFan, which inlines this into every call of `el` it optimises (−1 % of its work in 300 pages).
  const names = Object.keys(attrs);
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const value = attrs[name];
    if (value === undefined) continue;
    attributeStart(name);
    if (list === undefined) list = [name, value];
    else list.push(name, value);
  }
  return list ?? [];
}

// eslint-disable-next-line no-control-regex
const TEXT_SPECIAL = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/;
// eslint-disable-next-line no-control-regex
const ATTR_SPECIAL = /[&<"\n\t\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/;

function escapeText(s: string): string {
  if (!TEXT_SPECIAL.test(s)) return s;
  checkChars(s);
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string): string {
  if (!ATTR_SPECIAL.test(s)) return s;
  checkChars(s);
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;').replace(/\r/g, '&#13;');
}

/**
 * Elements whose content is text in TEI (mixed content): whitespace added inside them would become
 * part of the text, so they are written exactly as built even when they hold only elements…
 */
const PHRASE_CONTAINERS = new Set([
  'p', 'seg', 'fw', 'dateline', 'salute', 'signed', 'persName', 'placeName', 'date', 'hi', 'supplied', 'item',
  'note', 'title', 'resp', 'label', 'licence', 'summary', 'term', 'classCode', 'language', 'desc', 'change', 'publisher', 'funder',
]);
/** …unless every child is itself a block (a copy list inside a distribution note). */
const BLOCKS = new Set(['list', 'item', 'p', 'listPerson', 'listPlace', 'listOrg']);

function isElementOnly(node: Element): boolean {
  let allBlocks = true;
  for (const c of node.children) {
    if (typeof c === 'string' || c instanceof Fragment) return false;
    if (c instanceof Deferred || !c.tag.block) allBlocks = false;
  }
  return allBlocks || !node.tag.phrase;
}

function startTag(node: Element, withNs: boolean): string {
  let s = node.tag.open;
  if (withNs) s += ' xmlns="' + TEI_NS + '"';
  const attrs = node.attrs;
  for (let i = 0; i < attrs.length; i += 2) s += attributeStart(attrs[i]!) + escapeAttr(attrs[i + 1]!) + '"';
  return s;
}

/**
 * Where serialised text goes: `text` grows by concatenation, which V8 keeps as a rope and copies
 * flat once, when it is encoded (collecting some thousand parts in an array and joining them cost
 * ~8 % more per telegram, serialising and encoding together); `flush`, when given, takes it in chunks.
 */
interface Output {
  text: string;
  flush: (() => void) | undefined;
}

/** An output, made here only: outputs of one hidden class keep the serialiser's reads of them monomorphic. */
function output(text: string, flush: (() => void) | undefined): Output {
  return { text, flush };
}

/** Serialises inline (mixed) content exactly, with no added whitespace. */
function inline(node: Element | string | Deferred | Fragment, o: Output): void {
  if (typeof node === 'string') {
    o.text += escapeText(node);
    return;
  }
  if (node instanceof Fragment) {
    o.text += node.xml;
    return;
  }
  if (node instanceof Deferred) throw new Error('a deferred element inside mixed content');
  const children = node.children;
  if (children.length === 0) {
    o.text += startTag(node, false) + '/>';
    return;
  }
  o.text += startTag(node, false) + '>';
  for (let i = 0; i < children.length; i++) inline(children[i]!, o);
  o.text += node.tag.close;
}

/** Indentation by depth, made once. */
const PADS: string[] = [];

function pad(depth: number): string {
  for (let d = PADS.length; d <= depth; d++) PADS.push('  '.repeat(d));
  return PADS[depth]!;
}

/**
 * Characters collected before a deferred element hands them on: chunks of some 16 k characters
 * (32 kB), whose flat copies stay out of V8's large-object space — chunks of 128 k characters
 * left some 10 MB there after the authority files of 10,000 pages, freed only by a full collection.
 */
const CHUNK_CHARS = 1 << 14;

/** Pretty-prints `node` at `depth`. */
function pretty(node: Element, depth: number, root: boolean, o: Output): void {
  const indent = pad(depth);
  const children = node.children;
  if (children.length === 0) {
    o.text += indent + startTag(node, root) + '/>\n';
    return;
  }
  if (!isElementOnly(node)) {
    o.text += indent + startTag(node, root) + '>';
    for (let i = 0; i < children.length; i++) inline(children[i]!, o);
    o.text += node.tag.closeLine;
    return;
  }
  o.text += indent + startTag(node, root) + '>\n';
  for (let i = 0; i < children.length; i++) {
    const c = children[i]!;
    if (!(c instanceof Deferred)) pretty(c as Element, depth + 1, false, o);
    else {
      pretty(c.make(), depth + 1, false, o);
      if (o.flush && o.text.length >= CHUNK_CHARS) o.flush();
    }
  }
  o.text += indent + node.tag.closeLine;
}

/**
 * Serialises a document in chunks: `sink` takes first the prolog — XML declaration and the
 * given processing instructions (in order, before the root) — then the root element
 * pretty-printed, in pieces (each text and attribute value is checked for characters XML 1.0 does
 * not allow as it is escaped).
 */
export function serializeTo(doc: XmlDocument, pis: Array<[string, string]>, sink: (chunk: string, prolog: boolean) => void): void {
  let prolog = '<?xml version="1.0" encoding="UTF-8"?>\n';
  for (const [target, data] of pis) prolog += `<?${target} ${data}?>\n`;
  checkChars(prolog);
  sink(prolog, true);
  const o = output('', () => {
    const chunk = o.text;
    o.text = '';
    sink(chunk, false);
  });
  pretty(doc.root, 0, true, o);
  o.flush!();
}

/**
 * Serialises a document: XML declaration, the given processing instructions (in order, before
 * the root), then the root element pretty-printed.
 */
export function serialize(doc: XmlDocument, pis: Array<[string, string]>): string {
  let prolog = '<?xml version="1.0" encoding="UTF-8"?>\n';
  for (const [target, data] of pis) prolog += `<?${target} ${data}?>\n`;
  checkChars(prolog);
  const o = output(prolog, undefined);
  pretty(doc.root, 0, true, o);
  return o.text;
}
