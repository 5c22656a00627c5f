/**
 * Maps XPath-like locations back to line and column. Schematron (run on SaxonJS, which keeps no
 * line numbers) reports findings as paths such as `/Q{http://www.tei-c.org/ns/1.0}TEI[1]/text[1]/body[1]/div[2]/p[3]`;
 * `elementLocator(text, file)` reads the document once and answers such paths.
 *
 * Accepted steps: `local[n]`, `prefix:local[n]` (the prefix is ignored), `*:local[n]`,
 * `Q{ns}local[n]` (namespace checked), `*[n]`, a step without `[n]` meaning `[1]`, and a last step
 * `@name` / `@Q{ns}name` for an attribute. Positions count siblings with the same local name
 * (or, for `Q{ns}`, the same expanded name), as XPath's `name[n]` does.
 */
import { readXml, XmlSource, type XmlStartTag } from './reader.js';

export interface SourcePosition {
  line: number;
  column: number;
}

interface Step {
  ns?: string;
  local: string;
  index: number;
  attribute: boolean;
}

function parsePath(path: string): Step[] | undefined {
  const steps: Step[] = [];
  const re = /\/(@?)(?:Q\{([^}]*)\}|\*:|[A-Za-z_][\w.-]*:)?([\w.*-]+)(?:\[(\d+)\])?/gy;
  let last = 0;
  for (let m = re.exec(path); m; m = re.exec(path)) {
    steps.push({ attribute: m[1] === '@', ns: m[2], local: m[3]!, index: m[4] ? Number(m[4]) : 1 });
    last = re.lastIndex;
  }
  return last === path.length && steps.length > 0 ? steps : undefined;
}

interface Node {
  tag: XmlStartTag;
  children: Node[];
}

/**
 * Reads `text` once and returns a function that gives the 1-based line and column of the
 * element (its `<`) or attribute (its name) at an XPath-like `path`, or undefined when the path
 * does not match (or the document is not well-formed).
 */
export function elementLocator(text: string, file = ''): (path: string) => SourcePosition | undefined {
  const source = new XmlSource(text, file);
  const top: Node = { tag: undefined as unknown as XmlStartTag, children: [] };
  const stack: Node[] = [top];
  readXml(source, {
    startElement(tag) {
      const node: Node = { tag, children: [] };
      stack[stack.length - 1]!.children.push(node);
      stack.push(node);
    },
    endElement() {
      stack.pop();
    },
    text() {},
  });
  return (path) => {
    const steps = parsePath(path);
    if (!steps) return undefined;
    let node = top;
    for (const step of steps) {
      if (step.attribute) {
        if (node === top) return undefined;
        const a = node.tag.attributes.find((x) => x.local === step.local && (step.ns === undefined || x.ns === step.ns));
        return a ? source.position(source.attributeOffset(node.tag.offset, a.qname)) : undefined;
      }
      let seen = 0;
      const next = node.children.find(
        (c) => (step.local === '*' || c.tag.local === step.local) && (step.ns === undefined || c.tag.ns === step.ns) && ++seen === step.index,
      );
      if (!next) return undefined;
      node = next;
    }
    return source.position(node.tag.offset);
  };
}

/** One-off form of `elementLocator`: the position of the element or attribute at `path` in `text`. */
export function locateElement(text: string, path: string): SourcePosition | undefined {
  return elementLocator(text)(path);
}
