/** Test helpers: parse TEI output with saxes (well-formedness) and collect what the assertions need. */
import { SaxesParser } from 'saxes';

export interface ParsedTei {
  ids: Set<string>;
  /** Every @ref, @corresp, @target pointer with the element name. */
  refs: Array<{ element: string; attr: string; value: string }>;
  /** The text content (all text nodes joined by spaces). */
  text: string;
  /** Element names with their attributes, in document order. */
  elements: Array<{ name: string; attrs: Record<string, string> }>;
  pis: Array<{ target: string; body: string }>;
}

/** Parses XML; throws on any well-formedness error. */
export function parseTei(xml: string): ParsedTei {
  const parser = new SaxesParser({ xmlns: true });
  const out: ParsedTei = { ids: new Set(), refs: [], text: '', elements: [], pis: [] };
  const texts: string[] = [];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('processinginstruction', (pi) => out.pis.push({ target: pi.target, body: pi.body }));
  parser.on('text', (t) => texts.push(t));
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const [name, a] of Object.entries(tag.attributes)) attrs[name] = (a as { value: string }).value;
    out.elements.push({ name: tag.local ?? tag.name, attrs });
    if (attrs['xml:id']) out.ids.add(attrs['xml:id']);
    for (const attr of ['ref', 'corresp', 'target', 'who', 'source', 'scheme']) {
      if (attrs[attr] !== undefined) out.refs.push({ element: tag.name, attr, value: attrs[attr]! });
    }
  });
  parser.write(xml).close();
  out.text = texts.join(' ');
  return out;
}

/** Words (letters and digits, lower case) of a text, as a multiset. */
export function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** The words of `source` that `target` lacks (counting repetitions). */
export function missingWords(source: string, target: string): string[] {
  const have = wordCounts(target);
  const missing: string[] = [];
  for (const [w, n] of wordCounts(source)) if ((have.get(w) ?? 0) < n) missing.push(w);
  return missing;
}
