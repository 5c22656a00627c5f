/**
 * Which persons and places a TEI file mentions, and the forms it writes for them: every
 * persName/placeName whose @ref points into persons.xml or places.xml. Read two ways that must
 * agree — from a file's text (a file on disk, perhaps edited by hand) and from what the encoder
 * has just built (no need to scan the serialised text again).
 */
import { Element } from './xml.js';

/** ref ("persons.xml#stalin") → the forms written for it, in document order (empty forms left out). */
export type Mentions = Map<string, Set<string>>;

const MENTION = /<(persName|placeName)\b([^>]*?)(\/?)>/g;
const REF = /\bref="((?:persons|places)\.xml#[^"]+)"/;
const ENTITY = /&(?:lt|gt|amp|quot|apos|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };

function unescape(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (m, dec?: string, hex?: string) => (dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : NAMED[m]!));
}

/** A form as a reader sees it: every tag a space, white space collapsed, trimmed. */
function normalise(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function add(out: Mentions, ref: string, form: string): void {
  const forms = out.get(ref) ?? new Set<string>();
  if (form) forms.add(form);
  out.set(ref, forms);
}

/** The mentions in a TEI file's text. */
export function mentionsIn(xml: string): Mentions {
  const out: Mentions = new Map();
  MENTION.lastIndex = 0;
  for (let m = MENTION.exec(xml); m; m = MENTION.exec(xml)) {
    const ref = REF.exec(m[2]!)?.[1];
    if (!ref) continue;
    if (m[3]) {
      add(out, unescape(ref), '');
      continue;
    }
    const close = `</${m[1]}>`;
    const end = xml.indexOf(close, MENTION.lastIndex);
    if (end < 0) break;
    add(out, unescape(ref), normalise(unescape(xml.slice(MENTION.lastIndex, end).replace(/<[^>]*>/g, ' '))));
    MENTION.lastIndex = end + close.length;
  }
  return out;
}

function textOf(e: Element): string {
  let s = '';
  for (const c of e.children) s += typeof c === 'string' ? c : c instanceof Element ? ` ${textOf(c)} ` : '';
  return s;
}

function walk(e: Element, out: Mentions): void {
  if (e.name === 'persName' || e.name === 'placeName') {
    const attrs = e.attrs;
    for (let i = 0; i < attrs.length; i += 2) {
      const name = attrs[i]!;
      const value = attrs[i + 1]!;
      if (name === 'ref' && (value.startsWith('persons.xml#') || value.startsWith('places.xml#')) && value.indexOf('#') < value.length - 1) {
        add(out, value, normalise(textOf(e)));
        return;
      }
    }
  }
  for (const c of e.children) if (c instanceof Element) walk(c, out);
}

/**
 * The mentions of a telegram as the encoder builds it: those of its header's tree, then the forms
 * the inline encoder recorded as it tagged the body (`InlineState.refs`, in document order) — the
 * same as `mentionsOf` the whole document, without walking the body's tree a second time.
 */
export function mentionsOfTelegram(header: Element, bodyForms: Mentions): Mentions {
  const out: Mentions = new Map();
  walk(header, out);
  for (const [ref, forms] of bodyForms) for (const form of forms) add(out, ref, normalise(form));
  return out;
}

/** The mentions of a document built by the encoder (the same as `mentionsIn` of its serialisation). */
export function mentionsOf(root: Element): Mentions {
  const out: Mentions = new Map();
  walk(root, out);
  return out;
}
