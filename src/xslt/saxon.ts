/**
 * A small typed wrapper around SaxonJS (the `saxon-js` package ships no TypeScript types).
 * Only the calls shifr needs: parse XML text into a SaxonJS tree, run a compiled stylesheet
 * (SEF) synchronously, read a few things from the result.
 *
 * Security: SaxonJS gets documents only as text we have read ourselves. Its XML parser knows no
 * DTDs (any entity reference other than the five predefined ones is a parse error), so nothing is
 * loaded through an entity. `doc()`/`document()` in a stylesheet run synchronously, and SaxonJS on
 * Node refuses synchronous access to anything but `file:` URIs ("Synchronous access to non-file
 * resources is not allowed"), so a transform never reaches the network. Documents a stylesheet needs
 * besides its source are parsed by us and passed in as stylesheet parameters (see
 * `src/validate/schematron.ts`), so validation does not need `doc()` at all.
 */
import { createRequire } from 'node:module';

/** A document or node in SaxonJS's own tree (a DOM-like object). Opaque outside this module. */
export interface XmlNode {
  readonly nodeType: number;
}

/** A parsed SEF (the JSON export of a compiled stylesheet), ready for `stylesheetInternal`. */
export type SefStylesheet = Record<string, unknown>;

/**
 * Values a stylesheet parameter may take: strings, numbers and booleans become the XPath atomic
 * values; an `XmlNode` a node; arrays sequences.
 */
export type XdmParam = string | number | boolean | XmlNode | readonly (string | number | boolean | XmlNode)[];

interface SaxonTransformResult {
  principalResult: unknown;
}

interface SaxonApi {
  transform(options: Record<string, unknown>): SaxonTransformResult;
  getResource(options: { text?: string; file?: string; type: 'xml' | 'text' | 'json' }): Promise<XmlNode>;
  getProcessorInfo(): { productName: string; productVersion: string };
  XPath: {
    evaluate(xpath: string, context: XmlNode | null, options?: Record<string, unknown>): unknown;
  };
}

const require = createRequire(import.meta.url);
let saxon: SaxonApi | undefined;

/** Loads SaxonJS on first use (loading the module costs ~0.5 s, so commands that need no XSLT skip it). */
export function saxonJs(): SaxonApi {
  saxon ??= require('saxon-js') as SaxonApi;
  return saxon;
}

/** Thrown when SaxonJS reports a dynamic error or a parse error. */
export class XsltRunError extends Error {
  constructor(
    message: string,
    /** The XPath/XSLT error code, e.g. `XPTY0004`, `FODC0002`, or '' when none. */
    readonly errorCode: string,
  ) {
    super(message);
    this.name = 'XsltRunError';
  }
}

function asRunError(e: unknown): XsltRunError {
  const err = e as { message?: string; code?: string; getMessage?: () => string };
  const message = typeof err.getMessage === 'function' ? err.getMessage() : (err.message ?? String(e));
  const code = typeof err.code === 'string' ? err.code.replace(/^Q\{[^}]*\}/, '') : '';
  return new XsltRunError(message, code);
}

/**
 * Parses XML text into a SaxonJS document, synchronously. Parse a document once and give the
 * result to every stylesheet that reads it (Schematron, HTML) — parsing costs as much as a small
 * transform. Throws `XsltRunError` (code `FODC0006`) when the text is not well-formed.
 */
export function parseXml(text: string): XmlNode {
  try {
    return saxonJs().XPath.evaluate('parse-xml($text)', null, { params: { text } }) as XmlNode;
  } catch (e) {
    throw asRunError(e);
  }
}

/** The asynchronous form of `parseXml`, SaxonJS's own `getResource`. */
export async function getResource(text: string): Promise<XmlNode> {
  try {
    return await saxonJs().getResource({ text, type: 'xml' });
  } catch (e) {
    throw asRunError(e);
  }
}

export interface TransformRequest {
  /** The compiled stylesheet (parsed SEF), from `loadStylesheet` or `loadSef`. */
  stylesheet: SefStylesheet;
  /** The source document, parsed once with `parseXml`. */
  source?: XmlNode;
  /** Global stylesheet parameters by name (`name` or `Q{uri}name`). */
  params?: Record<string, XdmParam>;
  /**
   * Static base URI of the stylesheet, against which `doc()`/`document()` resolve relative URIs.
   * Needed because SEFs are compiled relocatable (they record no location).
   */
  stylesheetBaseUri?: string;
  /** Initial mode as an EQName, e.g. `Q{}compile`; the default mode otherwise. */
  initialMode?: string;
  /** Initial named template (EQName) instead of applying templates to the source. */
  initialTemplate?: string;
  /** Serialization properties when the destination is "serialized", e.g. `{ method: 'xml', indent: true }`. */
  outputProperties?: Record<string, unknown>;
  /** Receives the text of each `xsl:message`; messages are dropped when absent. */
  onMessage?: (text: string) => void;
}

/**
 * Runs a compiled stylesheet synchronously. With destination "serialized" the principal result
 * comes back as a string, with "raw" as a SaxonJS document node (read it with `XPath.evaluate` or
 * the DOM calls `childNodes`, `getAttribute`, `textContent`).
 */
export function transform(request: TransformRequest, destination: 'serialized'): string;
export function transform(request: TransformRequest, destination: 'raw'): XmlNode;
export function transform(request: TransformRequest, destination: 'serialized' | 'raw'): string | XmlNode {
  const options: Record<string, unknown> = {
    stylesheetInternal: request.stylesheet,
    destination,
    stylesheetParams: request.params ?? {},
    deliverMessage: (message: XmlNode) => {
      if (request.onMessage) request.onMessage(String((message as unknown as { textContent?: string }).textContent ?? ''));
    },
  };
  // Not enumerable: SaxonJS writes its options into a log line on every transform, and an
  // enumerable source document would be serialized for it (~4 ms for a 15 KB telegram).
  if (request.source) Object.defineProperty(options, 'sourceNode', { value: request.source, enumerable: false });
  if (request.stylesheetBaseUri) options.stylesheetBaseURI = request.stylesheetBaseUri;
  if (request.initialMode) options.initialMode = request.initialMode;
  if (request.initialTemplate) options.initialTemplate = request.initialTemplate;
  if (request.outputProperties) options.outputProperties = request.outputProperties;
  try {
    return saxonJs().transform(options).principalResult as string | XmlNode;
  } catch (e) {
    throw asRunError(e);
  } finally {
    forgetKeyIndexes(request.source);
    for (const value of Object.values(request.params ?? {})) {
      for (const item of Array.isArray(value) ? value : [value]) forgetKeyIndexes(item);
    }
  }
}

/**
 * SaxonJS stores the indexes of `xsl:key` on the document they index, under a key id drawn at
 * random for every transform: an index is never reused by the next transform, and a document that
 * outlives many transforms (an authority file passed as a parameter to every validation) would
 * collect one index per transform — a leak. Dropped after each transform.
 */
function forgetKeyIndexes(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  const node = value as { nodeType?: number; _saxonIndexes?: unknown; _saxonIndexesBC?: unknown };
  if ((node.nodeType === 9 || node.nodeType === 11) && node._saxonIndexes !== undefined) {
    delete node._saxonIndexes;
    delete node._saxonIndexesBC;
  }
}
