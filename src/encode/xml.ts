/**
 * The one place shifr builds XML: a thin layer over xmlbuilder2, and a serialiser that
 * pretty-prints element-only content and leaves mixed content exactly as built (xmlbuilder2's own
 * pretty-printer would put line breaks and indentation into the text of every paragraph).
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';

export const TEI_NS = 'http://www.tei-c.org/ns/1.0';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export type Element = XMLBuilder;

/** Attributes as name → value; undefined values are left out. `xml:` names get the XML namespace. */
export type Attrs = Record<string, string | undefined>;

/** A new document whose root is a TEI-namespace element. */
export function teiDocument(root: string, attrs: Attrs = {}): { doc: XMLBuilder; root: Element } {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const el = doc.ele(TEI_NS, root);
  setAttrs(el, attrs);
  return { doc, root: el };
}

/** Appends a child element in the TEI namespace and returns it. */
export function el(parent: Element, name: string, attrs: Attrs = {}, text?: string): Element {
  const child = parent.ele(TEI_NS, name);
  setAttrs(child, attrs);
  if (text !== undefined && text !== '') child.txt(text);
  return child;
}

/** Appends text (nothing for an empty string). */
export function text(parent: Element, value: string): void {
  if (value !== '') parent.txt(value);
}

function setAttrs(e: Element, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    if (name.startsWith('xml:')) e.att(XML_NS, name, value);
    else e.att(name, value);
  }
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;').replace(/\r/g, '&#13;');
}

const ELEMENT = 1;
const TEXT = 3;
const PI = 7;
const COMMENT = 8;

function startTag(node: globalThis.Element, withNs: boolean): string {
  let s = `<${node.nodeName}`;
  if (withNs) s += ` xmlns="${TEI_NS}"`;
  for (let i = 0; i < node.attributes.length; i++) {
    const a = node.attributes.item(i)!;
    s += ` ${a.name}="${escapeAttr(a.value)}"`;
  }
  return s;
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

function isElementOnly(node: globalThis.Element): boolean {
  let allBlocks = true;
  for (let c: Node | null = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === TEXT) return false;
    if (c.nodeType === ELEMENT && !BLOCKS.has(c.nodeName)) allBlocks = false;
  }
  return allBlocks || !PHRASE_CONTAINERS.has(node.nodeName);
}

/** Serialises inline (mixed) content exactly, with no added whitespace. */
function inline(node: Node, out: string[]): void {
  if (node.nodeType === TEXT) {
    out.push(escapeText(node.nodeValue ?? ''));
    return;
  }
  if (node.nodeType === COMMENT) {
    out.push(`<!--${node.nodeValue ?? ''}-->`);
    return;
  }
  if (node.nodeType === PI) {
    out.push(`<?${(node as ProcessingInstruction).target} ${node.nodeValue ?? ''}?>`);
    return;
  }
  const e = node as globalThis.Element;
  if (!e.firstChild) {
    out.push(startTag(e, false) + '/>');
    return;
  }
  out.push(startTag(e, false) + '>');
  for (let c: Node | null = e.firstChild; c; c = c.nextSibling) inline(c, out);
  out.push(`</${e.nodeName}>`);
}

function pretty(node: globalThis.Element, depth: number, out: string[], root: boolean): void {
  const pad = '  '.repeat(depth);
  if (!node.firstChild) {
    out.push(pad + startTag(node, root) + '/>\n');
    return;
  }
  if (!isElementOnly(node)) {
    const parts: string[] = [pad + startTag(node, root) + '>'];
    for (let c: Node | null = node.firstChild; c; c = c.nextSibling) inline(c, parts);
    parts.push(`</${node.nodeName}>\n`);
    out.push(parts.join(''));
    return;
  }
  out.push(pad + startTag(node, root) + '>\n');
  for (let c: Node | null = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === ELEMENT) pretty(c as globalThis.Element, depth + 1, out, false);
    else {
      const parts: string[] = ['  '.repeat(depth + 1)];
      inline(c, parts);
      out.push(parts.join('') + '\n');
    }
  }
  out.push(`${pad}</${node.nodeName}>\n`);
}

/**
 * Serialises a document built with `teiDocument`: XML declaration, the given processing
 * instructions (in order, before the root), then the root element pretty-printed.
 */
export function serialize(doc: XMLBuilder, pis: Array<[string, string]>): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  for (const [target, data] of pis) out.push(`<?${target} ${data}?>\n`);
  const docNode = doc.node as unknown as Document;
  pretty(docNode.documentElement, 0, out, true);
  return out.join('');
}
