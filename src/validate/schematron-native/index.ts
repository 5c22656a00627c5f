/**
 * The native Schematron engine: a schema whose constructs lie within the subset (see schema.ts
 * and parser.ts) is evaluated directly over shifr's positioned tree, ~10× faster than the XSLT
 * validator on SaxonJS and without SaxonJS's parse. A schema outside the subset is refused at
 * compile time (`nativeSchematron` returns the reason), and a document on which an expression
 * raises a dynamic error is refused at run time (`NativeRefusal`): in both cases the caller runs
 * the XSLT engine, which stays the reference.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics.js';
import { XML_NAMESPACE } from '../../xml/scanner.js';
import { severityOfRole } from '../schematron.js';
import { compileXPath, Scope, StaticContext, type Run } from './compile.js';
import { MAP_NS, XS_NS } from './functions.js';
import { Unsupported } from './parser.js';
import { compileNativeSchema, runNativeSchema, type NativeParam, type NativeSchema } from './schema.js';
import { XDocument, type XNode } from './tree.js';
import { XPathError, type Seq } from './values.js';

export { buildTree, treeBuilder, TreeError, XDocument } from './tree.js';
export { Unsupported } from './parser.js';
export type { NativeParam, NativeSchema } from './schema.js';
export type { Item, Seq } from './values.js';
export { Untyped, XDecimal, XInteger, XMap, XPathError } from './values.js';

/** The native engine declined a document (a dynamic error, or a construct it meets only there). */
export class NativeRefusal extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NativeRefusal';
  }
}

/**
 * Compiles a schema for the native engine: the compiled schema, or the reason it is outside the
 * subset (the caller then uses the XSLT engine for it). `cacheDir`: where the generated code of
 * the schema is kept between runs (see cache.ts); without it, every call compiles everything.
 */
export function nativeSchematron(schemaPath: string, phase = '#DEFAULT', { cacheDir }: { cacheDir?: string } = {}): { schema: NativeSchema } | { unsupported: string } {
  try {
    return { schema: compileNativeSchema(schemaPath, phase, cacheDir) };
  } catch (e) {
    if (e instanceof Unsupported || e instanceof XPathError) return { unsupported: e.message };
    throw e;
  }
}

/** Same whitespace normalisation as the SVRL reader of the XSLT path. */
function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Validates a document with a native schema, giving the diagnostics the XSLT path gives (code =
 * the assertion's id, severity from its role, the same message, the line and column of the node).
 * Throws `NativeRefusal` when the document must go to the XSLT engine.
 */
export function validateNative(schema: NativeSchema, doc: XDocument, fileName: string, params: Record<string, NativeParam> = {}): Diagnostic[] {
  if (schema.seesHiddenNodes && doc.hasHiddenNodes) throw new NativeRefusal('the document has comments or processing instructions, which the native tree leaves out');
  let findings;
  try {
    findings = runNativeSchema(schema, doc, params);
  } catch (e) {
    if (e instanceof XPathError || e instanceof Unsupported) throw new NativeRefusal(e.message);
    // Deep recursion on a pathological document: let the reference engine report it.
    if (e instanceof RangeError) throw new NativeRefusal(e.message);
    throw e;
  }
  return findings.map((f) => {
    const at = doc.position(f.node);
    const extra = f.diagnostics.map(normalise).filter(Boolean);
    const text = normalise(f.text);
    const message = (text || `${f.kind === 'failed-assert' ? 'assertion failed' : 'report'}: ${f.id ?? ''}`) + (extra.length ? ` — ${extra.join('; ')}` : '');
    return diagnostic(f.id ?? (f.kind === 'failed-assert' ? 'SHF-SCH-002' : 'SHF-SCH-003'), message, { file: fileName, line: at.line, column: at.column }, {
      severity: severityOfRole(f.role),
    });
  });
}

/**
 * Evaluates one XPath expression of the subset with `context` as context item (for checking the
 * engine, and for tools). `namespaces` binds prefixes; `variables` are in scope as `$name`.
 * Throws `Unsupported` (outside the subset) or `XPathError` (a dynamic error). `closures`: with
 * the closure compiler alone, not generated code (the two must agree).
 */
export function evaluateNative(
  expr: string,
  context: XNode | undefined,
  namespaces: Record<string, string> = {},
  variables: Record<string, Seq> = {},
  closures = false,
): Seq {
  const globals = new Map(Object.keys(variables).map((name, i) => [`{}${name}`, i]));
  const ns = (prefix: string): string | undefined =>
    ({ xml: XML_NAMESPACE, xs: XS_NS, map: MAP_NS, ...namespaces })[prefix];
  const sc = new StaticContext(ns, () => undefined, new Set(), globals, true);
  const frame = { size: 0 };
  const compiled = compileXPath(expr, sc, new Scope(frame), closures);
  const run: Run = {
    globals: Object.values(variables),
    baseUri: '',
    key: () => {
      throw new XPathError('XTDE1260', 'no keys are declared');
    },
    doc: () => undefined,
  };
  return compiled.ev({ item: context, pos: 1, size: 1, frame: new Array(frame.size), run, current: context });
}
