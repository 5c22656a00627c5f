/** Reading the Schematron conformance suite (test/conformance/schematron-test.xml), shared by both engines' tests. */
import { XMLSerializer, type Element } from '@xmldom/xmldom';

/** The child elements of `e`, only those named `name` when given. */
export function children(e: Element, name?: string): Element[] {
  const out: Element[] = [];
  for (let n = e.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (!name || (n as Element).localName === name)) out.push(n as Element);
  return out;
}

/** The XML text of an element's content (instances and resources keep their own markup). */
export function contentText(e: Element): string {
  const serializer = new XMLSerializer();
  let text = '';
  for (let n = e.firstChild; n; n = n.nextSibling) text += serializer.serializeToString(n);
  return text.trim();
}
