/**
 * ISO Schematron validation on SaxonJS.
 *
 * Pipeline: schema.sch → the compiler `xslt/schematron/compile.xsl` (run by SaxonJS from its SEF)
 * → a generated validator `.cache/schematron/<name>-<hash>.xsl` → compiled to SEF by xslt3 (cached
 * by hash like every stylesheet, see `src/xslt/build.ts`) → run on each document, giving SVRL →
 * diagnostics with file, line and column. Generating and compiling a validator costs ~2 s once; it
 * is redone only when the schema, a file it includes, the compiler or the phase changes.
 *
 * Cross-document checks: every schema-level `sch:let` becomes a stylesheet parameter whose default
 * is the let's value. Give a document the rules need (the edition's `tei/persons.xml`, say) as a
 * parameter of the same name, parsed by the caller with `readXmlFile`, and the default — typically
 * `doc('persons.xml')` — is never evaluated: the validator then reads no file at all.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { namespaceParser } from '../xml/saxes.js';
import { diagnostic, type Diagnostic, type Severity } from '../diagnostics.js';
import { writeFileAtomic } from '../fsutil.js';
import { sha256 } from '../hash.js';
import { elementLocator } from '../xml/locate.js';
import { SCH15_NS, SCH_NS, XSL_NS } from '../xml/namespaces.js';
import { buildSefs, fileClosure, includedFiles, loadSef, loadStylesheet, projectRoot, sourceHash, XsltCompileError } from '../xslt/build.js';
import { parseXml, transform, XsltRunError, type SefStylesheet, type XdmParam, type XmlNode } from '../xslt/saxon.js';

const SVRL_NS = 'http://purl.oclc.org/dsdl/svrl';
const COMPILER = 'schematron/compile.xsl';

/** A schema compiled into a validator, ready to run on many documents. */
export interface CompiledSchematron {
  /** Absolute path of the schema. */
  readonly schemaPath: string;
  /** The phase asked for: '#DEFAULT', '#ALL' or a phase id. */
  readonly phase: string;
  /** The generated XSLT (kept for reading; the SEF beside it in `.cache/sef/` is what runs). */
  readonly validatorPath: string;
  readonly stylesheet: SefStylesheet;
  /** `file:` URI of the schema: relative URIs in its expressions resolve against it, as written. */
  readonly baseUri: string;
}

/** Thrown when a schema cannot be compiled; the diagnostics (`SHF-SCH-001`) point into the schema. */
export class SchematronCompileError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join('\n'));
    this.name = 'SchematronCompileError';
  }
}

/** One SVRL finding, before it is placed in the source. */
export interface SchematronFinding {
  kind: 'failed-assert' | 'successful-report';
  id?: string;
  role?: string;
  flag?: string;
  /** XPath of the node concerned, as `path()` writes it: `/Q{ns}TEI[1]/Q{ns}text[1]/@ref`. */
  location: string;
  /** The assertion text with value-of evaluated, whitespace normalised. */
  text: string;
  diagnostics: { id: string; text: string }[];
}

/** A document parsed once, with the text kept for placing findings on lines. */
export interface ParsedDocument {
  text: string;
  node: XmlNode;
}

/**
 * The files a schema is made of: itself, what it reaches through `include`/`extends` hrefs, and
 * the XSLT modules it includes with `xsl:include`/`xsl:import` (with their own includes).
 */
export function schemaClosure(schemaPath: string): string[] {
  return fileClosure(schemaPath, (path) => (/\.xslt?$/i.test(path) ? includedFiles(path) : schemaLinks(path)));
}

/** The local files a schema names: `include`/`extends` hrefs and the XSLT modules it includes. */
function schemaLinks(path: string): string[] {
  const parser = namespaceParser();
  const links: string[] = [];
  const local = (href: string): boolean => href !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(href);
  parser.on('opentag', (tag) => {
    const href = tag.attributes['href'];
    if (!href || typeof href !== 'object' || !href.value) return;
    const schemaPart = (tag.uri === SCH_NS || tag.uri === SCH15_NS) && (tag.local === 'include' || tag.local === 'extends');
    const module = tag.uri === XSL_NS && (tag.local === 'include' || tag.local === 'import');
    const target = schemaPart ? href.value.split('#')[0]! : href.value;
    if ((schemaPart || module) && local(target)) links.push(resolve(dirname(path), decodeURI(target)));
  });
  try {
    parser.write(readFileSync(path, 'utf8')).close();
  } catch {
    // Not well-formed: the compiler reports it.
  }
  return links;
}

/** Places a `file#path` (or a path in `file`) on a line, reading the file once per call. */
function placeIn(file: string, path: string): { file: string; line: number; column: number } {
  const display = relative(process.cwd(), file) || file;
  try {
    const text = readFileSync(file, 'utf8');
    const at = elementLocator(text, display)(path);
    return { file: display, line: at?.line ?? 0, column: at?.column ?? 0 };
  } catch {
    return { file: display, line: 0, column: 0 };
  }
}

function fromFileUri(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

/** Reads the `<shc:errors>` document the compiler returns for a schema in error. */
function compilerErrors(output: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  const parser = namespaceParser();
  let current: { file: string; path: string; text: string } | undefined;
  parser.on('opentag', (tag) => {
    if (tag.local === 'error') {
      const attr = (name: string): string => {
        const a = tag.attributes[name];
        return a && typeof a === 'object' ? a.value : '';
      };
      current = { file: attr('file'), path: attr('path'), text: '' };
    }
  });
  parser.on('text', (t) => {
    if (current) current.text += t;
  });
  parser.on('closetag', (tag) => {
    if (tag.local === 'error' && current) {
      const place = placeIn(fromFileUri(current.file), current.path);
      found.push(diagnostic('SHF-SCH-001', current.text.replace(/\s+/g, ' ').trim(), place, { severity: 'error' }));
      current = undefined;
    }
  });
  parser.write(output).close();
  return found;
}

/**
 * Maps xslt3's errors on a generated validator back to the schema: each generated template, test
 * and variable carries `shc:at="file#path"` naming the Schematron element it came from.
 */
/**
 * The schema element a line of a generated validator came from: the nearest `shc:at="file#path"`
 * at or above that line (each generated template, test and variable carries one), placed in its file.
 */
function schemaPlaceOf(validatorPath: string, line: number): { file: string; line: number; column: number } | undefined {
  const lines = readFileSync(validatorPath, 'utf8').split('\n');
  let origin: string | undefined;
  for (let i = Math.min(line, lines.length) - 1; i >= 0 && line > 0 && !origin; i--) {
    origin = /shc:at="([^"]*)"/.exec(lines[i]!)?.[1];
  }
  if (!origin) return undefined;
  const hash = origin.indexOf('#');
  const decode = (s: string): string => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return placeIn(fromFileUri(decode(origin.slice(0, hash))), decode(origin.slice(hash + 1)));
}

/** Maps xslt3's errors on a generated validator back to the schema elements they came from. */
function validatorErrors(error: XsltCompileError, validatorPath: string, schemaPath: string): Diagnostic[] {
  return error.diagnostics.map((d) => {
    // Line numbers in xslt3's message are those of the generated file: meaningless to the author.
    const message = d.message.replace(/\s+/g, ' ').replace(/ on line \d+/g, '');
    const place = schemaPlaceOf(validatorPath, d.line) ?? { file: relative(process.cwd(), schemaPath) };
    return diagnostic('SHF-SCH-001', message, place, { severity: 'error' });
  });
}

const compiledCache = new Map<string, CompiledSchematron>();

interface Validator {
  absolute: string;
  phase: string;
  /** Hash of the compiler, the phase and the schema's files: the validator is current for it. */
  key: string;
  validatorPath: string;
  sefPath: string;
}

/**
 * Writes the validator XSLT of a schema into `.cache/schematron/` unless the one there was made
 * from the same compiler, phase and schema files. Throws `SchematronCompileError`.
 */
function generateValidator(schemaPath: string, phase: string): Validator {
  const absolute = resolve(schemaPath);
  if (!existsSync(absolute)) {
    throw new SchematronCompileError([diagnostic('SHF-IO-001', `cannot read Schematron schema ${schemaPath}`, { file: schemaPath })]);
  }
  const root = projectRoot();
  const key = sha256(
    sourceHash(join(root, 'xslt', COMPILER)),
    phase,
    ...schemaClosure(absolute).flatMap((f) => [f, existsSync(f) ? readFileSync(f) : 'missing']),
  );
  const name = `${basename(absolute).replace(/\.[^.]*$/, '')}-${sha256(absolute, phase).slice(0, 12)}`;
  const validator: Validator = {
    absolute,
    phase,
    key,
    validatorPath: join(root, '.cache', 'schematron', `${name}.xsl`),
    sefPath: join(root, '.cache', 'sef', 'schematron', `${name}.sef.json`),
  };
  if (compiledCache.has(key)) return validator;
  const keyPath = `${validator.validatorPath}.hash`;
  if (existsSync(validator.validatorPath) && existsSync(keyPath) && readFileSync(keyPath, 'utf8').trim() === key) return validator;
  let output: string;
  try {
    output = transform(
      {
        stylesheet: loadStylesheet(COMPILER),
        source: parseXml(readFileSync(absolute, 'utf8')),
        params: { phase, 'schema-uri': pathToFileURL(absolute).href },
      },
      'serialized',
    );
  } catch (e) {
    if (e instanceof XsltRunError) {
      throw new SchematronCompileError([diagnostic('SHF-SCH-001', e.message, { file: schemaPath }, { severity: 'error' })]);
    }
    throw e;
  }
  if (/^(<\?xml[^>]*\?>)?\s*<shc:errors/.test(output)) throw new SchematronCompileError(compilerErrors(output));
  writeFileAtomic(validator.validatorPath, output);
  writeFileAtomic(keyPath, key + '\n');
  return validator;
}

/**
 * Compiles a Schematron schema (ISO, or 1.5) into a validator, reusing the one on disk when the
 * schema, its includes, the compiler and the phase are unchanged, and the one in memory within a
 * process. Throws `SchematronCompileError` when the schema is in error, with diagnostics placed
 * in the schema (XPath syntax errors included).
 */
export function compileSchematron(schemaPath: string, options: { phase?: string } = {}): CompiledSchematron {
  const v = generateValidator(schemaPath, options.phase ?? '#DEFAULT');
  const cached = compiledCache.get(v.key);
  if (cached) return cached;
  let stylesheet: SefStylesheet;
  try {
    stylesheet = loadSef(v.validatorPath, v.sefPath);
  } catch (e) {
    if (e instanceof XsltCompileError) throw new SchematronCompileError(validatorErrors(e, v.validatorPath, v.absolute));
    throw e;
  }
  const compiled: CompiledSchematron = {
    schemaPath: v.absolute,
    phase: v.phase,
    validatorPath: v.validatorPath,
    stylesheet,
    baseUri: pathToFileURL(v.absolute).href,
  };
  compiledCache.set(v.key, compiled);
  return compiled;
}

/**
 * Makes the validators of several schemas ready at once, compiling them with xslt3 in parallel
 * (~1-2 s each, so worth it from two schemas on); `compileSchematron` then finds them built.
 * Errors are not reported here: `compileSchematron` reports them.
 */
export async function prepareSchematron(schemaPaths: string[], options: { phase?: string; parallel?: number } = {}): Promise<void> {
  const jobs: { xsl: string; sef: string }[] = [];
  for (const path of schemaPaths) {
    try {
      const v = generateValidator(path, options.phase ?? '#DEFAULT');
      if (!compiledCache.has(v.key)) jobs.push({ xsl: v.validatorPath, sef: v.sefPath });
    } catch (e) {
      if (!(e instanceof SchematronCompileError)) throw e;
    }
  }
  await buildSefs(jobs, { parallel: options.parallel });
}

interface DomNode {
  nodeType: number;
  localName?: string;
  namespaceURI?: string | null;
  childNodes: ArrayLike<DomNode>;
  textContent: string | null;
  getAttribute?(name: string): string | null;
}

function childElements(node: DomNode, local: string): DomNode[] {
  const out: DomNode[] = [];
  for (let i = 0; i < node.childNodes.length; i++) {
    const c = node.childNodes[i]!;
    if (c.nodeType === 1 && c.localName === local && c.namespaceURI === SVRL_NS) out.push(c);
  }
  return out;
}

function normalise(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Reads the findings of an SVRL report (failed asserts and successful reports, in document order). */
export function svrlFindings(svrl: XmlNode): SchematronFinding[] {
  const top = svrl as unknown as DomNode;
  const findings: SchematronFinding[] = [];
  // The raw result is the svrl:schematron-output element itself, or a document holding it.
  const outputs = top.nodeType === 1 ? [top] : Array.from(top.childNodes).filter((n) => n.nodeType === 1);
  for (const output of outputs) {
    for (let j = 0; j < output.childNodes.length; j++) {
      const f = output.childNodes[j]!;
      if (f.nodeType !== 1 || f.namespaceURI !== SVRL_NS) continue;
      if (f.localName !== 'failed-assert' && f.localName !== 'successful-report') continue;
      const attr = (name: string): string | undefined => f.getAttribute?.(name) ?? undefined;
      const finding: SchematronFinding = {
        kind: f.localName,
        location: attr('location') ?? '',
        text: normalise(childElements(f, 'text')[0]?.textContent),
        diagnostics: childElements(f, 'diagnostic-reference').map((d) => ({
          id: d.getAttribute?.('diagnostic') ?? '',
          text: normalise(d.textContent),
        })),
      };
      for (const name of ['id', 'role', 'flag'] as const) {
        const value = attr(name);
        if (value) finding[name] = value;
      }
      findings.push(finding);
    }
  }
  return findings;
}

/**
 * Runs a compiled schema on a parsed document and returns its findings. `params` supplies
 * schema-level `sch:let` values by name (documents parsed with `readXmlFile`, strings, numbers).
 */
export function runSchematron(compiled: CompiledSchematron, doc: XmlNode, params: Record<string, XdmParam> = {}): SchematronFinding[] {
  const request = { stylesheet: compiled.stylesheet, source: doc, params, stylesheetBaseUri: compiled.baseUri };
  return svrlFindings(transform(request, 'raw'));
}

/** Severity of a finding from its `@role`: error/fatal → error, warning/warn → warning, info → info; default error. */
export function severityOfRole(role: string | undefined): Severity {
  switch ((role ?? '').trim().toLowerCase()) {
    case 'warning':
    case 'warn':
      return 'warning';
    case 'info':
    case 'information':
    case 'informational':
      return 'info';
    default:
      return 'error';
  }
}

/** The step of a location that `elementLocator` can place: text(), comment() etc. go to their parent. */
function elementPath(location: string): string {
  return location.replace(/\/(?:text|comment|processing-instruction|namespace-node)\([^)]*\)(?:\[\d+\])?$/, '');
}

/**
 * Validates a document against a compiled schema. Each failed assert and successful report becomes
 * a diagnostic: code = the assertion's `@id` (`SHF-SCH-002` when it has none), severity from
 * `@role`, message = its text with `sch:value-of` evaluated (and its diagnostics after a dash),
 * line and column of the node concerned. A document that is not well-formed gives one `SHF-SCH-004`
 * diagnostic (check well-formedness before, with the positioned reader, for a better message).
 */
export function validateSchematron(
  compiled: CompiledSchematron,
  doc: string | ParsedDocument,
  fileName: string,
  options: { params?: Record<string, XdmParam> } = {},
): Diagnostic[] {
  const text = typeof doc === 'string' ? doc : doc.text;
  let node: XmlNode;
  try {
    node = typeof doc === 'string' ? parseXml(doc) : doc.node;
  } catch (e) {
    return [diagnostic('SHF-SCH-004', `not well-formed, Schematron not run: ${(e as Error).message}`, { file: fileName }, { severity: 'error' })];
  }
  let findings: SchematronFinding[];
  try {
    findings = runSchematron(compiled, node, options.params);
  } catch (e) {
    if (!(e instanceof XsltRunError)) throw e;
    // SaxonJS names the failing instruction as "<validator base>#<line in the validator>".
    const line = Number(/#(\d+)\b/.exec(e.message)?.[1] ?? 0);
    const rule = schemaPlaceOf(compiled.validatorPath, line);
    const where = rule ? `${rule.file}:${rule.line}:${rule.column}` : relative(process.cwd(), compiled.schemaPath);
    const reason = e.message.replace(/^Error \S+ at \S+\s*/, '').replace(/\s+/g, ' ').trim();
    const message = `the Schematron expression at ${where} raised ${e.errorCode || 'an error'} on this document: ${reason}`;
    return [diagnostic('SHF-SCH-005', message, { file: fileName }, { severity: 'error' })];
  }
  if (findings.length === 0) return [];
  const locate = elementLocator(text, fileName);
  return findings.map((f) => {
    const at = f.location === '/' ? undefined : locate(elementPath(f.location));
    const extra = f.diagnostics.map((d) => d.text).filter(Boolean);
    const message = (f.text || `${f.kind === 'failed-assert' ? 'assertion failed' : 'report'}: ${f.id ?? ''}`) + (extra.length ? ` — ${extra.join('; ')}` : '');
    return diagnostic(f.id ?? (f.kind === 'failed-assert' ? 'SHF-SCH-002' : 'SHF-SCH-003'), message, { file: fileName, line: at?.line ?? 0, column: at?.column ?? 0 }, {
      severity: severityOfRole(f.role),
    });
  });
}

/** Reads and parses an XML file for SaxonJS, e.g. an authority list passed as a schema parameter. */
export function readXmlFile(path: string): XmlNode {
  return parseXml(readFileSync(path, 'utf8'));
}
