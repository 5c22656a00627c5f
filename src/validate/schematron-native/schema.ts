/**
 * The Schematron layer of the native engine: reads an ISO (or 1.5) Schematron schema into
 * compiled rules, and runs them over a native tree, giving the same findings as the validator
 * that xslt/schematron/ generates — same ids, roles, messages and nodes.
 *
 * Supported: sch:ns, sch:let at schema, phase, pattern and rule level (schema-level lets can be
 * supplied by the caller), phases, sch:pattern/sch:rule (first matching rule of a pattern wins),
 * abstract rules with sch:extends/@rule, sch:assert/sch:report with @id, @role, @flag and
 * @diagnostics, messages with sch:value-of and sch:name, xsl:key and xsl:function (a body of
 * xsl:param, xsl:variable and xsl:sequence). Anything else — includes, abstract patterns,
 * @subject, @documents, sch:group, other XSLT — is `Unsupported`, and the caller uses the
 * XSLT engine.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { XmlSource, readXmlTree, type XmlElement } from '../../xml/reader.js';
import { XML_NAMESPACE } from '../../xml/scanner.js';
import { SCH15_NS, SCH_NS, XSL_NS } from '../../xml/namespaces.js';
import { CodeRecorder, CodeReplayer, readCachedCode, writeCachedCode } from './cache.js';
import { compileRarelyUsed, compileXPath, Scope, StaticContext, truth, type Compiled, type Ctx, type ExpressionCache, type Run, type UserFunction } from './compile.js';
import { Unsupported, type Expr } from './parser.js';
import { compilePattern, type Matcher } from './pattern.js';
import { buildTree, Kind, XDocument, XNode, type AttributeName } from './tree.js';
import { atomize, atomicToString, isNode, Untyped, XDecimal, XInteger, XMap, XPathError, type Atomic, type Item, type Seq } from './values.js';
import { castAtomic, FN_NS, XS_NS } from './functions.js';


/** The attributes the keys index elements by, each once (two keys by xml:id need one list of carriers). */
function keyAttributes(keys: Map<string, Key>): AttributeName[] {
  const byName = new Map<string, AttributeName>();
  for (const k of keys.values()) if (k.byAttribute) byName.set(`${k.byAttribute.ns}}${k.byAttribute.local}`, { ns: k.byAttribute.ns, local: k.byAttribute.local });
  return [...byName.values()];
}

/** Values a caller gives for schema-level lets: strings, string lists, native documents. */
export type NativeParam = string | number | boolean | XDocument | readonly (string | XDocument)[];

/** A message: literal text, and expressions whose values are joined with spaces (xsl:value-of). */
type MessagePart = string | Compiled;

interface Check {
  kind: 'assert' | 'report';
  /** The effective boolean value of the test. */
  holds: (c: Ctx) => boolean;
  id?: string;
  role?: string;
  flag?: string;
  message: MessagePart[];
  diagnostics: MessagePart[][];
}

interface Rule {
  context: Matcher;
  lets: { slot: number; value: Compiled; as?: SequenceType }[];
  checks: Check[];
  frameSize: number;
}

interface Pattern {
  rules: Rule[];
}

interface Key {
  id: string;
  match: Matcher;
  use: Compiled;
  useFrame: number;
  /**
   * Set when the key indexes elements by one of their attributes (`match="*[@xml:id]"` or
   * `"tei:person"`, `use="@xml:id"` or `"string(@xml:id)"`): the index is then built by reading
   * that attribute, without evaluating the pattern and the expression for every element.
   */
  byAttribute?: { ns: string; local: string; elements: Set<string> | undefined };
}

/** The attribute an xsl:key indexes elements by, when match and use have the simple form. */
function attributeKey(match: string, use: string, sc: StaticContext): Key['byAttribute'] {
  const attribute = (e: Expr | undefined): { ns: string; local: string } | undefined => {
    const step = e?.type === 'PathExpr' && e.root === '' && e.steps.length === 1 ? e.steps[0] : e;
    if (step?.type !== 'AxisStep' || step.axis !== 'attribute' || step.predicates.length > 0 || step.test.kind !== 'name' || step.test.local === '*') return undefined;
    return { ns: step.test.prefix === undefined ? '' : sc.resolve({ prefix: step.test.prefix, local: step.test.local }, false), local: step.test.local };
  };
  try {
    const u = sc.parse(use);
    const byUse = attribute(u.type === 'FunctionCall' && u.name.prefix === '' && u.name.local === 'string' && u.args.length === 1 ? u.args[0] : u);
    const m = sc.parse(match);
    const step = m.type === 'PathExpr' && m.root === '' && m.steps.length === 1 ? m.steps[0]! : m;
    if (!byUse || step.type !== 'AxisStep' || step.axis !== 'child' || step.predicates.length > 1) return undefined;
    // A predicate may only ask for the attribute itself (an element without it gives no key anyway).
    const predicate = step.predicates[0] && attribute(step.predicates[0]);
    if (step.predicates.length === 1 && (!predicate || predicate.ns !== byUse.ns || predicate.local !== byUse.local)) return undefined;
    if (step.test.kind === 'wildcard') return { ...byUse, elements: undefined };
    if (step.test.kind !== 'name' || step.test.local === '*') return undefined;
    const ns = step.test.prefix === undefined ? '' : sc.resolve({ prefix: step.test.prefix, local: step.test.local }, true);
    return { ...byUse, elements: new Set([`${ns}}${step.test.local}`]) };
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

/** A schema compiled for the native engine. */
export interface NativeSchema {
  readonly path: string;
  readonly baseUri: string;
  readonly globals: { name: string; overridable: boolean; value: Compiled; frame: number; as?: SequenceType }[];
  readonly patterns: Pattern[];
  /** For each element name (namespace, then local name): the rules of each pattern that can match it. */
  readonly byName: Map<string, Map<string, Rule[][]>>;
  readonly keys: Map<string, Key>;
  /** The attributes keys index elements by: trees built with these watched need no walk to index. */
  readonly keyAttributes: AttributeName[];
  readonly visitAttributes: boolean;
  readonly visitText: boolean;
  readonly visitDocument: boolean;
  /** Some expression uses node() or text() where comments and processing instructions count. */
  readonly seesHiddenNodes: boolean;
  /** The generated code came from the on-disk cache (see cache.ts). */
  readonly fromCache: boolean;
}

let schemaCount = 0;

function attr(el: XmlElement, local: string): string | undefined {
  for (const a of el.attributes) if (a.local === local && a.ns === '') return a.value;
  return undefined;
}

function elements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string');
}

const isSch = (el: XmlElement, local?: string): boolean => (el.ns === SCH_NS || el.ns === SCH15_NS) && (local === undefined || el.local === local);

// ---- Sequence types (xsl:function, xsl:param, xsl:variable, sch:let @as) -----------------------

interface SequenceType {
  item: string;
  occurrence: '' | '?' | '*' | '+';
}

const ATOMIC_AS = new Set(['string', 'integer', 'decimal', 'double', 'boolean', 'anyAtomicType', 'untypedAtomic']);

function parseSequenceType(text: string, namespaces: (p: string) => string | undefined): SequenceType {
  const m = /^\s*([\w:.-]+(?:\(\s*\*?\s*\))?)\s*([?*+]?)\s*$/.exec(text);
  if (!m) throw new Unsupported(`the sequence type "${text}"`);
  let item = m[1]!.replace(/\s+/g, '');
  if (/^[\w.-]+:[\w.-]+$/.test(item)) {
    const [prefix, local] = item.split(':') as [string, string];
    if (namespaces(prefix) !== XS_NS || !ATOMIC_AS.has(local)) throw new Unsupported(`the sequence type "${text}"`);
    item = `xs:${local}`;
  } else if (!['item()', 'node()', 'element()', 'attribute()', 'document-node()', 'text()', 'map(*)', 'empty-sequence()'].includes(item)) {
    throw new Unsupported(`the sequence type "${text}"`);
  }
  return { item, occurrence: m[2] as SequenceType['occurrence'] };
}

/** Applies XSLT's function conversion rules for a declared type; XPTY0004 when the value does not fit. */
function convert(seq: Seq, type: SequenceType | undefined): Seq {
  if (!type) return seq;
  let out = seq;
  const { item, occurrence } = type;
  if (item.startsWith('xs:')) {
    const local = item.slice(3);
    out = atomize(seq).map((a) => {
      if (a instanceof Untyped && local !== 'untypedAtomic' && local !== 'anyAtomicType') return castAtomic(a, local);
      if (local === 'anyAtomicType') return a;
      if (local === 'string' && typeof a === 'string') return a;
      if (local === 'boolean' && typeof a === 'boolean') return a;
      if (local === 'double' && (typeof a === 'number' || a instanceof XInteger || a instanceof XDecimal)) return castAtomic(a, 'double');
      if (local === 'decimal' && (a instanceof XInteger || a instanceof XDecimal)) return a;
      if (local === 'integer' && a instanceof XInteger) return a;
      throw new XPathError('XPTY0004', `a value of the wrong type for ${item}`);
    });
  } else if (item !== 'item()') {
    for (const x of seq) {
      const ok =
        item === 'map(*)'
          ? x instanceof XMap
          : isNode(x) &&
            (item === 'node()' ||
              (item === 'element()' && x.kind === Kind.Element) ||
              (item === 'attribute()' && x.kind === Kind.Attribute) ||
              (item === 'document-node()' && x.kind === Kind.Document) ||
              (item === 'text()' && x.kind === Kind.Text));
      if (!ok) throw new XPathError('XPTY0004', `a value that is not ${item}`);
    }
  }
  if (item === 'empty-sequence()' && out.length > 0) throw new XPathError('XPTY0004', 'a value where none is allowed');
  if ((occurrence === '' || occurrence === '?') && out.length > 1) throw new XPathError('XPTY0004', `several items where ${item}${occurrence} is expected`);
  if ((occurrence === '' || occurrence === '+') && out.length === 0 && item !== 'empty-sequence()') throw new XPathError('XPTY0004', `an empty sequence where ${item}${occurrence} is expected`);
  return out;
}

// ---- Compiling a schema ---------------------------------------------------------------------

/**
 * Compiles a Schematron schema for the native engine, for a phase ('#DEFAULT', '#ALL' or an
 * id). Throws `Unsupported` when the schema uses anything outside the subset (or is in error:
 * the XSLT path then reports the error). With `cacheDir`, the code generated for the schema's
 * expressions is read from there when an earlier run left it (cache.ts), else written there.
 */
export function compileNativeSchema(path: string, phase = '#DEFAULT', cacheDir?: string): NativeSchema {
  const text = readFileSync(path, 'utf8');
  if (cacheDir === undefined) return compileSchemaText(path, text, phase, undefined);
  const cached = readCachedCode(cacheDir, path, phase, text);
  if (cached) {
    try {
      const schema = compileSchemaText(path, text, phase, cached);
      if (cached.finished) return schema;
    } catch {
      // An entry that does not fit this compilation: the schema is compiled afresh below.
    }
  }
  const recorder = new CodeRecorder();
  const schema = compileSchemaText(path, text, phase, recorder);
  writeCachedCode(cacheDir, path, phase, text, recorder);
  return schema;
}

function compileSchemaText(path: string, text: string, phase: string, codeCache: ExpressionCache | undefined): NativeSchema {
  const { root } = readXmlTree(new XmlSource(text, path));
  if (!root || !isSch(root, 'schema')) throw new Unsupported('not a Schematron schema');
  const qb = (attr(root, 'queryBinding') ?? 'xslt3').toLowerCase();
  if (!['xslt', 'xslt2', 'xslt3', 'xpath2', 'xpath3', 'xpath31', 'xslt1', 'xpath'].includes(qb)) throw new Unsupported(`queryBinding ${qb}`);
  const top = elements(root);
  for (const el of top) {
    if (isSch(el) && !['ns', 'let', 'pattern', 'phase', 'title', 'p', 'diagnostics', 'properties', 'key'].includes(el.local)) throw new Unsupported(`sch:${el.local}`);
    if (isSch(el, 'key')) throw new Unsupported('sch:key');
    if (el.ns === XSL_NS && el.local !== 'key' && el.local !== 'function') throw new Unsupported(`xsl:${el.local}`);
  }
  const schemaNs = new Map<string, string>([['xml', XML_NAMESPACE]]);
  for (const ns of top.filter((e) => isSch(e, 'ns'))) schemaNs.set(attr(ns, 'prefix') ?? '', attr(ns, 'uri') ?? '');
  if (!schemaNs.has('xs')) schemaNs.set('xs', XS_NS);
  const namespaces = (prefix: string): string | undefined => schemaNs.get(prefix);

  const keyNames = new Set(top.filter((e) => e.ns === XSL_NS && e.local === 'key').map((e) => attr(e, 'name') ?? ''));
  const globals = new Map<string, number>();
  const userFunctions = new Map<string, UserFunction & { compileBody?: () => void }>();
  const scFor = (hasCurrent: boolean, ns = namespaces) => new StaticContext(ns, (fns, local, arity) => userFunctions.get(`{${fns}}${local}#${arity}`), keyNames, globals, hasCurrent, codeCache);
  const sc = scFor(true);

  // Functions are registered before any body is compiled, so that they may call each other.
  for (const fn of top.filter((e) => e.ns === XSL_NS && e.local === 'function')) registerFunction(fn, schemaNs, userFunctions, scFor);
  for (const f of userFunctions.values()) f.compileBody!();

  const schemaId = `s${schemaCount++}`;
  const keys = new Map<string, Key>();
  for (const k of top.filter((e) => e.ns === XSL_NS && e.local === 'key')) {
    const name = attr(k, 'name');
    const match = attr(k, 'match');
    const use = attr(k, 'use');
    if (!name || !match || !use || elements(k).length > 0 || name.includes(':')) throw new Unsupported('an xsl:key other than name + match + use');
    const frame = { size: 0 };
    keys.set(name, {
      id: `${schemaId}:${name}`,
      match: compilePattern(match, sc),
      use: compileXPath(use, sc, new Scope(frame)),
      useFrame: frame.size,
      byAttribute: attributeKey(match, use, sc),
    });
  }

  const globalDefs: NativeSchema['globals'] = [];
  const addGlobal = (letEl: XmlElement, overridable: boolean): void => {
    const name = attr(letEl, 'name');
    const value = attr(letEl, 'value');
    if (!name || value === undefined) throw new Unsupported('a sch:let without a value attribute');
    const frame = { size: 0 };
    const compiled = compileXPath(value, sc, new Scope(frame));
    const as = attr(letEl, 'as');
    globalDefs.push({ name, overridable, value: compiled, frame: frame.size, as: as ? parseSequenceType(as, namespaces) : undefined });
    if (name.includes(':')) throw new Unsupported('a prefixed sch:let name');
    // Two global variables of one name are an error of the XSLT validator: let it report it.
    if (globals.has(`{}${name}`)) throw new Unsupported(`the variable $${name} is declared twice`);
    globals.set(`{}${name}`, globalDefs.length - 1);
  };
  for (const l of top.filter((e) => isSch(e, 'let'))) addGlobal(l, true);

  // Phase: which patterns are active, and the phase's own lets.
  const phases = top.filter((e) => isSch(e, 'phase'));
  const wanted = phase === '#DEFAULT' ? (attr(root, 'defaultPhase') ?? '#ALL') : phase;
  let active: Set<string> | undefined;
  if (wanted !== '#ALL') {
    const p = phases.find((x) => attr(x, 'id') === wanted);
    if (!p) throw new Unsupported(`the phase ${wanted} is not defined`);
    for (const el of elements(p)) if (isSch(el) && el.local !== 'active' && el.local !== 'let' && el.local !== 'p') throw new Unsupported(`sch:${el.local} in a phase`);
    for (const l of elements(p).filter((e) => isSch(e, 'let'))) addGlobal(l, false);
    active = new Set(elements(p).filter((e) => isSch(e, 'active')).map((e) => attr(e, 'pattern') ?? ''));
  }

  const diagnosticsById = new Map<string, XmlElement>();
  for (const d of top.filter((e) => isSch(e, 'diagnostics'))) for (const x of elements(d).filter((e) => isSch(e, 'diagnostic'))) diagnosticsById.set(attr(x, 'id') ?? '', x);

  const patternEls = top.filter((e) => isSch(e, 'pattern'));
  for (const p of patternEls) {
    if (attr(p, 'abstract') === 'true' || attr(p, 'is-a') !== undefined) throw new Unsupported('abstract patterns');
    if (attr(p, 'documents') !== undefined) throw new Unsupported('sch:pattern/@documents');
  }
  const activePatterns = patternEls.filter((p) => !active || active.has(attr(p, 'id') ?? ''));
  // Pattern-level lets are global variables, evaluated once per document.
  for (const p of activePatterns) for (const l of elements(p).filter((e) => isSch(e, 'let'))) addGlobal(l, false);

  let seesHiddenNodes = false;
  const patterns: Pattern[] = activePatterns.map((p) => {
    const ruleEls = elements(p).filter((e) => isSch(e, 'rule'));
    for (const el of elements(p)) if (isSch(el) && !['rule', 'let', 'title', 'p', 'param'].includes(el.local)) throw new Unsupported(`sch:${el.local} in a pattern`);
    const abstract = new Map(ruleEls.filter((r) => attr(r, 'abstract') === 'true').map((r) => [attr(r, 'id') ?? '', r]));
    const rules = ruleEls
      .filter((r) => attr(r, 'abstract') !== 'true')
      .map((r) => compileRule(r, abstract, sc, diagnosticsById));
    return { rules };
  });
  for (const p of patterns) for (const r of p.rules) if (r.context.mayMatchText) seesHiddenNodes = true;

  const matchers = patterns.flatMap((p) => p.rules.map((r) => r.context));
  return {
    path,
    baseUri: pathToFileURL(path).href,
    globals: globalDefs,
    patterns,
    byName: new Map(),
    keys,
    keyAttributes: keyAttributes(keys),
    visitAttributes: matchers.some((m) => m.mayMatchAttributes),
    visitText: matchers.some((m) => m.mayMatchText),
    visitDocument: matchers.some((m) => m.mayMatchDocument),
    seesHiddenNodes: seesHiddenNodes || /\b(?:node|text|comment|processing-instruction)\s*\(/.test(text),
    fromCache: codeCache instanceof CodeReplayer,
  };
}

function registerFunction(
  fn: XmlElement,
  schemaNs: Map<string, string>,
  registry: Map<string, UserFunction & { compileBody?: () => void }>,
  scFor: (hasCurrent: boolean, ns: (p: string) => string | undefined) => StaticContext,
): void {
  const qname = attr(fn, 'name') ?? '';
  const colon = qname.indexOf(':');
  if (colon < 0) throw new Unsupported('an xsl:function without a prefixed name');
  // The body sees the namespaces in scope on xsl:function, and those of sch:ns.
  const namespaces = (prefix: string): string | undefined => schemaNs.get(prefix) ?? (prefix === '' ? undefined : fn.bindings[prefix]);
  const fnNs = namespaces(qname.slice(0, colon));
  if (!fnNs || fnNs === FN_NS) throw new Unsupported(`the function name ${qname}`);
  const body = elements(fn);
  if (fn.children.some((c) => typeof c === 'string' && c.trim() !== '')) throw new Unsupported('text in an xsl:function');
  for (const a of fn.attributes) if (!['name', 'as', 'visibility', 'override', 'override-extension-function', 'new-each-time', 'cache'].includes(a.local)) throw new Unsupported(`xsl:function/@${a.local}`);
  const params = body.filter((e) => e.ns === XSL_NS && e.local === 'param');
  for (const el of body) {
    if (el.ns !== XSL_NS || !['param', 'variable', 'sequence'].includes(el.local)) throw new Unsupported(`${el.qname} in an xsl:function`);
    if (el.local !== 'param' && (attr(el, 'select') === undefined || elements(el).length > 0)) throw new Unsupported(`xsl:${el.local} without a select`);
    if (el.local === 'param' && attr(el, 'select') !== undefined) throw new Unsupported('a function parameter with a default');
  }
  const asOf = (el: XmlElement): SequenceType | undefined => {
    const as = attr(el, 'as');
    return as ? parseSequenceType(as, namespaces) : undefined;
  };
  const resultType = asOf(fn);
  const paramTypes = params.map(asOf);
  const entry: UserFunction & { compileBody?: () => void } = {
    arity: params.length,
    call: () => {
      throw new Unsupported('a function called before it was compiled');
    },
  };
  entry.compileBody = () => {
    const sc = scFor(false, namespaces);
    const frame = { size: 0 };
    const scope = new Scope(frame);
    const slots = params.map((p) => scope.declare(`{}${attr(p, 'name') ?? ''}`));
    const steps: { kind: 'variable' | 'sequence'; slot: number; value: Compiled; as?: SequenceType }[] = [];
    for (const el of body) {
      if (el.local === 'param') continue;
      const value = compileXPath(attr(el, 'select')!, sc, scope);
      const as = asOf(el);
      const slot = el.local === 'variable' ? scope.declare(`{}${attr(el, 'name') ?? ''}`) : -1;
      steps.push({ kind: el.local as 'variable' | 'sequence', slot, value, as });
    }
    const size = () => frame.size;
    entry.call = (args, run) => {
      const c: Ctx = { item: undefined, pos: 0, size: 0, frame: new Array(size()), run, current: undefined };
      args.forEach((a, i) => (c.frame[slots[i]!] = convert(a, paramTypes[i])));
      const out: Item[] = [];
      for (const s of steps) {
        const v = convert(s.value.ev(c), s.as);
        if (s.kind === 'variable') c.frame[s.slot] = v;
        else for (const x of v) out.push(x);
      }
      return convert(out, resultType);
    };
  };
  const key = `{${fnNs}}${qname.slice(colon + 1)}#${params.length}`;
  if (registry.has(key)) throw new Unsupported(`the function ${qname} is declared twice`);
  registry.set(key, entry);
}

function compileRule(r: XmlElement, abstract: Map<string, XmlElement>, sc: StaticContext, diagnosticsById: Map<string, XmlElement>): Rule {
  const context = attr(r, 'context');
  if (!context) throw new Unsupported('a rule without a context');
  if (attr(r, 'subject') !== undefined) throw new Unsupported('rule/@subject');
  const matcher = compilePattern(context, sc);
  const frame = { size: matcher.frameSize };
  const scope = new Scope(frame);
  const rule: Rule = { context: matcher, lets: [], checks: [], frameSize: 0 };
  const body = (el: XmlElement, depth: number): void => {
    for (const child of elements(el)) {
      if (!isSch(child)) throw new Unsupported(`${child.qname} in a rule`);
      switch (child.local) {
        case 'let': {
          const name = attr(child, 'name');
          const value = attr(child, 'value');
          if (!name || value === undefined) throw new Unsupported('a sch:let without a value attribute');
          const compiled = compileXPath(value, sc, scope);
          const as = attr(child, 'as');
          const slot = scope.declare(`{}${name}`);
          // The value's static form (one string, zero or one node…) lets later expressions read it without a sequence.
          if (!as && compiled.form) scope.setForm(slot, compiled.form);
          rule.lets.push({ slot, value: compiled, as: as ? parseSequenceType(as, sc.namespaces) : undefined });
          break;
        }
        case 'assert':
        case 'report':
          rule.checks.push(compileCheck(child, sc, scope, diagnosticsById));
          break;
        case 'extends': {
          const target = abstract.get(attr(child, 'rule') ?? '');
          if (!target || attr(child, 'href') !== undefined || depth > 10) throw new Unsupported('sch:extends other than of an abstract rule of the pattern');
          body(target, depth + 1);
          break;
        }
        case 'title':
        case 'p':
          break;
        default:
          throw new Unsupported(`sch:${child.local} in a rule`);
      }
    }
  };
  body(r, 0);
  rule.frameSize = frame.size;
  return rule;
}

function compileMessage(el: XmlElement, sc: StaticContext, scope: Scope): MessagePart[] {
  const parts: MessagePart[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of e.children) {
      if (typeof c === 'string') parts.push(c);
      else if (isSch(c, 'value-of')) {
        const select = attr(c, 'select');
        if (select === undefined) throw new Unsupported('sch:value-of without select');
        parts.push(compileRarelyUsed(select, sc, scope));
      } else if (isSch(c, 'name')) {
        const path = attr(c, 'path');
        parts.push(compileRarelyUsed(path ? `name((${path})[1])` : 'name(.)', sc, scope));
      } else walk(c);
    }
  };
  walk(el);
  return parts;
}

function compileCheck(el: XmlElement, sc: StaticContext, scope: Scope, diagnosticsById: Map<string, XmlElement>): Check {
  const test = attr(el, 'test');
  if (test === undefined) throw new Unsupported(`sch:${el.local} without a test`);
  if (attr(el, 'subject') !== undefined) throw new Unsupported(`${el.local}/@subject`);
  const diagnostics = (attr(el, 'diagnostics') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => {
      const d = diagnosticsById.get(id);
      if (!d) throw new Unsupported(`the diagnostic ${id} is not defined`);
      return compileMessage(d, sc, scope);
    });
  return {
    kind: el.local as 'assert' | 'report',
    holds: truth(compileXPath(test, sc, scope)),
    id: attr(el, 'id'),
    role: attr(el, 'role'),
    flag: attr(el, 'flag'),
    message: compileMessage(el, sc, scope),
    diagnostics,
  };
}

// ---- Running ----------------------------------------------------------------------------------

/** One finding of the native engine, before it becomes a diagnostic. */
export interface NativeFinding {
  kind: 'failed-assert' | 'successful-report';
  id?: string;
  role?: string;
  flag?: string;
  node: XNode;
  /** The message with value-of evaluated (not yet normalised). */
  text: string;
  diagnostics: string[];
}

function messageText(parts: MessagePart[], c: Ctx): string {
  let s = '';
  for (const p of parts) {
    if (typeof p === 'string') s += p;
    else s += atomize(p.ev(c)).map((a: Atomic) => atomicToString(a)).join(' ');
  }
  return s;
}

function paramValue(v: NativeParam): Seq {
  // Sequences are never modified: the caller's array is used as it is (and so keeps its caches).
  if (Array.isArray(v)) return v as Seq;
  return [v as Item];
}

/** Documents read by doc() during runs, by URI (a validator reads each at most once). */
const documents = new Map<string, XDocument | null>();

/**
 * Runs a compiled schema over a document and returns its findings in the order the XSLT
 * validator gives them. Throws `XPathError` (a dynamic error) or `Unsupported` (a construct met
 * only at run time): the caller then uses the XSLT engine for this document.
 */
export function runNativeSchema(schema: NativeSchema, doc: XDocument, params: Record<string, NativeParam> = {}): NativeFinding[] {
  const run: Run = {
    globals: [],
    baseUri: schema.baseUri,
    key: (name, values, top) => keyLookup(schema, name, values, top, run),
    doc: (uri) => {
      if (!uri.startsWith('file:')) return undefined;
      let d = documents.get(uri);
      if (d === undefined) {
        try {
          d = buildTree(readFileSync(new URL(uri), 'utf8'), uri, uri, schema.keyAttributes);
        } catch {
          d = null;
        }
        documents.set(uri, d);
      }
      return d ?? undefined;
    },
  };
  for (const g of schema.globals) {
    if (g.overridable && Object.prototype.hasOwnProperty.call(params, g.name)) {
      run.globals.push(convert(paramValue(params[g.name]!), g.as));
      continue;
    }
    const c: Ctx = { item: doc, pos: 1, size: 1, frame: new Array(g.frame), run, current: doc };
    run.globals.push(convert(g.value.ev(c), g.as));
  }
  const findings: NativeFinding[] = [];
  const all = schema.patterns.map((p) => p.rules);
  const visit = (node: XNode): void => {
    const perPattern = node.kind === Kind.Element ? candidates(schema, node) : all;
    for (const rules of perPattern) {
      for (const rule of rules) {
        if (!rule.context.matches(node, run, rule.context.frameSize)) continue;
        fire(rule, node, run, findings);
        break;
      }
    }
  };
  const walk = (node: XNode): void => {
    if (node.kind !== Kind.Document || schema.visitDocument) visit(node);
    if (schema.visitAttributes) for (let i = 0; i < node.attributes.length; i++) visit(node.attributes[i]!);
    const children = node.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.kind === Kind.Element) walk(child);
      else if (schema.visitText) visit(child);
    }
  };
  walk(doc);
  return findings;
}

/** For each pattern, its rules that can match elements of this node's name, in order. */
function candidates(schema: NativeSchema, node: XNode): Rule[][] {
  let locals = schema.byName.get(node.ns);
  if (!locals) schema.byName.set(node.ns, (locals = new Map()));
  let rules = locals.get(node.local);
  if (!rules) {
    const name = `${node.ns}}${node.local}`;
    rules = schema.patterns.map((p) => p.rules.filter((r) => r.context.elementNames === undefined || r.context.elementNames.has(name))).filter((r) => r.length > 0);
    locals.set(node.local, rules);
  }
  return rules;
}

function fire(rule: Rule, node: XNode, run: Run, findings: NativeFinding[]): void {
  const c: Ctx = { item: node, pos: 1, size: 1, frame: new Array(rule.frameSize), run, current: node };
  for (const l of rule.lets) c.frame[l.slot] = convert(l.value.ev(c), l.as);
  for (const check of rule.checks) {
    const holds = check.holds(c);
    if (check.kind === 'assert' ? holds : !holds) continue;
    findings.push({
      kind: check.kind === 'assert' ? 'failed-assert' : 'successful-report',
      id: check.id,
      role: check.role,
      flag: check.flag,
      node,
      text: messageText(check.message, c),
      diagnostics: check.diagnostics.map((d) => messageText(d, c)),
    });
  }
}

function keyLookup(schema: NativeSchema, name: string, values: Atomic[], top: XNode, run: Run): XNode[] {
  const key = schema.keys.get(name);
  if (!key) throw new XPathError('XTDE1260', `no key named ${name}`);
  const doc = top.root;
  if (!(doc instanceof XDocument)) throw new XPathError('XTDE1270', 'key() on a tree without a document node');
  let index = doc.keys.get(key.id);
  if (!index) {
    index = new Map();
    const built = index;
    const names = key.match.elementNames;
    // One context for every use evaluation of the index (they do not nest).
    const c: Ctx = { item: doc, pos: 1, size: 1, frame: new Array(key.useFrame), run, current: doc };
    const add = (n: XNode): void => {
      if (names && n.kind === Kind.Element && !names.has(`${n.ns}}${n.local}`)) return;
      if (!key.match.matches(n, run, key.match.frameSize)) return;
      c.item = c.current = n;
      for (const v of atomize(key.use.ev(c))) {
        if (!(typeof v === 'string' || v instanceof Untyped)) throw new Unsupported('an xsl:key whose use gives non-string values');
        const s = typeof v === 'string' ? v : v.value;
        const list = built.get(s);
        if (!list) built.set(s, [n]);
        else if (list[list.length - 1] !== n) list.push(n);
      }
    };
    const by = key.byAttribute;
    const byValue = (c: XNode): void => {
      const a = (!by!.elements || by!.elements.has(`${c.ns}}${c.local}`)) && c.attribute(by!.ns, by!.local);
      if (a) {
        const list = built.get(a.value);
        if (!list) built.set(a.value, [c]);
        else list.push(c);
      }
    };
    const walk = (n: XNode): void => {
      const children = n.children;
      for (let i = 0; i < children.length; i++) {
        const c = children[i]!;
        if (c.kind === Kind.Element && by) {
          byValue(c);
          walk(c);
        } else if (c.kind === Kind.Element) {
          add(c);
          if (key.match.mayMatchAttributes) for (const a of c.attributes) add(a);
          walk(c);
        } else if (key.match.mayMatchText) add(c);
      }
    };
    // The builder listed the elements with this attribute (in document order) when it was asked to.
    const carriers = by && doc.carriers.get(`${by.ns}}${by.local}`);
    if (carriers) for (let i = 0; i < carriers.length; i++) byValue(carriers[i]!);
    else {
      if (key.match.mayMatchDocument) add(doc);
      walk(doc);
    }
    doc.keys.set(key.id, index);
  }
  let out: XNode[] = [];
  for (const v of values) {
    if (!(typeof v === 'string' || v instanceof Untyped)) throw new Unsupported('key() with a value that is not a string');
    const found = index.get(typeof v === 'string' ? v : v.value);
    if (found) out = out.length === 0 ? found : out.concat(found);
  }
  if (values.length > 1) out = [...new Set(out)].sort((a, b) => a.order - b.order);
  if (top !== doc) out = out.filter((n) => isWithin(n, top));
  return out;
}

function isWithin(n: XNode, top: XNode): boolean {
  for (let a: XNode | null = n; a; a = a.parent) if (a === top) return true;
  return false;
}
