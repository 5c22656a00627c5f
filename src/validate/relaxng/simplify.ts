/**
 * Reads RELAX NG schemas in XML syntax and simplifies them (spec section 4) straight into the
 * hash-consed patterns of pattern.ts: annotations dropped, datatypeLibrary and ns inherited,
 * externalRef and include resolved against the schema file (local files only), overrides and
 * `combine` applied, nested grammars and parentRef scoped, refs replaced by what they name,
 * name attributes turned into name classes, optional/zeroOrMore/mixed expanded and
 * notAllowed/empty propagated by the pattern constructors. Errors are `SchemaError`s.
 */
import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { attr, readXmlTree, XML_NS, XmlSource, type XmlElement } from '../../xml/reader.js';
import { decodeXml } from '../../xml/decode.js';
import { isXmlWhitespace } from '../../xml/whitespace.js';
import { DatatypeError, INVALID } from './datatype.js';
import { createDatatype, XSD_LIBRARY } from './datatypes.js';
import { noteContextDependentDatatype } from './matcher.js';
import { anyNameNc, choiceNc, nameNc, nsNameNc, type NameClass } from './nameclass.js';
import {
  attribute,
  choice,
  data,
  element,
  EMPTY,
  group,
  interleave,
  list,
  NOT_ALLOWED,
  oneOrMore,
  setContent,
  TEXT,
  value,
  type Pattern,
} from './pattern.js';

export const RNG_NS = 'http://relaxng.org/ns/structure/1.0';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns';

/** A schema that is not correct RELAX NG; `offset` locates it in `file`. */
export class SchemaError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line = 0,
    readonly column = 0,
  ) {
    super(message);
  }
}

/** How a data or value pattern names its datatype, kept for the on-disk cache. */
export interface DatatypeSpec {
  library: string;
  type: string;
  params: [string, string][];
  /** For value patterns: the lexical value and, for context-dependent types, the bindings. */
  lexical?: string;
  bindings?: Record<string, string>;
}

export interface Simplified {
  start: Pattern;
  /** Every element pattern, in creation order. */
  elements: Pattern[];
  datatypes: Map<Pattern, DatatypeSpec>;
  /** Absolute paths of the schema files read. */
  files: string[];
  /** Where each element pattern is defined, for errors found after simplification (section 7). */
  locations: Map<Pattern, SchemaLocation>;
}

export interface SchemaLocation {
  file: string;
  line: number;
  column: number;
}

interface Doc {
  file: string;
  source: XmlSource;
  root: XmlElement;
}

interface Ctx {
  doc: Doc;
  /** Base URI (file: URL) for href, from the file and any xml:base. */
  base: string;
  ns: string;
  dtLib: string;
  grammar?: Grammar;
  /** Files being included/referenced, to refuse loops. */
  stack: string[];
}

interface Body {
  el: XmlElement;
  ctx: Ctx;
  combine?: string;
}

class Define {
  bodies: Body[] = [];
  pattern?: Pattern;
  state: 'new' | 'active' | 'done' = 'new';
  constructor(readonly name: string) {}
}

class Grammar {
  defines = new Map<string, Define>();
  start = new Define('start');
  constructor(readonly parent?: Grammar) {}
}

interface Component {
  kind: 'start' | 'define';
  name: string;
  body: Body;
}

const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  element: ['name'],
  attribute: ['name'],
  group: [],
  interleave: [],
  choice: [],
  optional: [],
  zeroOrMore: [],
  oneOrMore: [],
  list: [],
  mixed: [],
  ref: ['name'],
  parentRef: ['name'],
  empty: [],
  text: [],
  value: ['type'],
  data: ['type'],
  notAllowed: [],
  externalRef: ['href'],
  grammar: [],
  param: ['name'],
  except: [],
  start: ['combine'],
  define: ['name', 'combine'],
  div: [],
  include: ['href'],
  name: [],
  anyName: [],
  nsName: [],
};
const PATTERNS = new Set([
  'element', 'attribute', 'group', 'interleave', 'choice', 'optional', 'zeroOrMore', 'oneOrMore', 'list', 'mixed',
  'ref', 'parentRef', 'empty', 'text', 'value', 'data', 'notAllowed', 'externalRef', 'grammar',
]);
const NCNAME = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{M}\p{Nd}_.\-\u00B7\u203F\u2040]*$/u;
const trimWs = (s: string) => s.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');

export class Simplifier {
  private docs = new Map<string, Doc>();
  private pending: (() => void)[] = [];
  private unreachable = false;
  private grammars: Grammar[] = [];
  readonly elements: Pattern[] = [];
  readonly datatypes = new Map<Pattern, DatatypeSpec>();
  readonly locations = new Map<Pattern, SchemaLocation>();

  /** Reads the schema file and simplifies it. */
  simplify(path: string): Simplified {
    const doc = this.load(resolvePath(path), undefined);
    const start = this.pattern(doc.root, { doc, base: pathToFileURL(doc.file).href, ns: '', dtLib: '', stack: [doc.file] });
    this.drain();
    // Defines nobody refers to are still checked, as the spec checks them before removing them
    // (4.19 removes them before the recursion check, so that one is not made for them).
    this.unreachable = true;
    for (const g of this.grammars) for (const d of g.defines.values()) this.resolveDefine(d);
    this.drain();
    return { start, elements: this.elements, datatypes: this.datatypes, locations: this.locations, files: [...this.docs.keys()] };
  }

  private drain(): void {
    while (this.pending.length > 0) this.pending.shift()!();
  }

  private fail(message: string, ctx: Ctx | Doc, el?: XmlElement): never {
    const doc = 'doc' in ctx ? ctx.doc : ctx;
    const pos = el ? doc.source.position(el.offset) : { line: 0, column: 0 };
    throw new SchemaError(message, doc.file, pos.line, pos.column);
  }

  private load(file: string, from: { ctx: Ctx; el: XmlElement } | undefined): Doc {
    const known = this.docs.get(file);
    if (known) return known;
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      if (from) this.fail(`cannot read "${file}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, from.ctx, from.el);
      throw new SchemaError(`cannot read schema: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file);
    }
    const decoded = decodeXml(bytes, file);
    if (decoded.diagnostic) throw new SchemaError(decoded.diagnostic.message, file, decoded.diagnostic.line, decoded.diagnostic.column);
    const source = new XmlSource(decoded.text, file, decoded.allowedCharsOnly);
    const { root, diagnostics } = readXmlTree(source);
    if (!root) {
      const d = diagnostics[0]!;
      throw new SchemaError(d.message, file, d.line, d.column);
    }
    const doc = { file, source, root };
    this.docs.set(file, doc);
    return doc;
  }

  /** RELAX NG children of an element: foreign elements skipped, stray text refused. */
  private children(el: XmlElement, ctx: Ctx): XmlElement[] {
    const out: XmlElement[] = [];
    for (const c of el.children) {
      if (typeof c === 'string') {
        if (!isXmlWhitespace(c)) this.fail(`text not allowed in "${el.local}"`, ctx, el);
      } else if (c.ns === RNG_NS) out.push(c);
    }
    return out;
  }

  /** Checks the element's attributes and applies ns / datatypeLibrary inheritance. */
  private enter(el: XmlElement, ctx: Ctx): Ctx {
    if (el.ns !== RNG_NS) this.fail(`element "${el.qname}" is not a RELAX NG element`, ctx, el);
    const allowed = ALLOWED_ATTRIBUTES[el.local];
    if (!allowed) this.fail(`unknown RELAX NG element "${el.local}"`, ctx, el);
    let { ns, dtLib } = ctx;
    let base = ctx.base;
    for (const a of el.attributes) {
      if (a.ns === RNG_NS) this.fail(`attribute "${a.qname}" in the RELAX NG namespace is not allowed`, ctx, el);
      if (a.ns === XML_NS && a.local === 'base') base = new URL(a.value, base).href;
      if (a.ns !== '') continue;
      if (a.local === 'ns') ns = a.value;
      else if (a.local === 'datatypeLibrary') {
        dtLib = a.value;
        if (dtLib !== '' && (!/^[A-Za-z][A-Za-z0-9+.-]*:./.test(dtLib) || /#|[ ]|%(?![0-9A-Fa-f]{2})/.test(dtLib))) {
          this.fail(`datatypeLibrary "${dtLib}" is not an absolute URI`, ctx, el);
        }
      } else if (!allowed.includes(a.local)) this.fail(`attribute "${a.local}" not allowed on "${el.local}"`, ctx, el);
    }
    return ns === ctx.ns && dtLib === ctx.dtLib && base === ctx.base ? ctx : { ...ctx, ns, dtLib, base };
  }

  private required(el: XmlElement, name: string, ctx: Ctx): string {
    const v = attr(el, name);
    if (v === undefined) this.fail(`"${el.local}" needs a "${name}" attribute`, ctx, el);
    return trimWs(v);
  }

  /** A sequence of patterns as one (spec 4.12: several children mean a group). */
  private sequence(els: XmlElement[], ctx: Ctx, parent: XmlElement, combine = group): Pattern {
    if (els.length === 0) this.fail(`"${parent.local}" must contain at least one pattern`, ctx, parent);
    let p = this.pattern(els[0]!, ctx);
    for (let i = 1; i < els.length; i++) p = combine(p, this.pattern(els[i]!, ctx));
    return p;
  }

  pattern(el: XmlElement, outer: Ctx): Pattern {
    const ctx = this.enter(el, outer);
    if (!PATTERNS.has(el.local)) this.fail(`"${el.local}" is not allowed where a pattern is expected`, ctx, el);
    const kids = () => this.children(el, ctx);
    const none = () => {
      if (kids().length > 0) this.fail(`"${el.local}" must be empty`, ctx, el);
    };
    switch (el.local) {
      case 'element': {
        let cs = kids();
        const name = attr(el, 'name');
        let nc: NameClass;
        if (name !== undefined) nc = this.qname(trimWs(name), ctx, el, ctx.ns);
        else {
          if (cs.length === 0) this.fail('"element" needs a name', ctx, el);
          nc = this.nameClass(cs[0]!, ctx);
          cs = cs.slice(1);
        }
        const p = element(nc);
        this.elements.push(p);
        this.locations.set(p, { file: ctx.doc.file, ...ctx.doc.source.position(el.offset) });
        if (cs.length === 0) this.fail('"element" must contain a pattern', ctx, el);
        this.pending.push(() => setContent(p, this.sequence(cs, ctx, el)));
        return p;
      }
      case 'attribute': {
        let cs = kids();
        const name = attr(el, 'name');
        let nc: NameClass;
        if (name !== undefined) nc = this.qname(trimWs(name), ctx, el, attr(el, 'ns') ?? '');
        else {
          if (cs.length === 0) this.fail('"attribute" needs a name', ctx, el);
          nc = this.nameClass(cs[0]!, ctx);
          cs = cs.slice(1);
        }
        this.checkAttributeName(nc, ctx, el);
        if (cs.length > 1) this.fail('"attribute" may contain only one pattern', ctx, el);
        return attribute(nc, cs.length === 0 ? TEXT : this.pattern(cs[0]!, ctx));
      }
      case 'group':
        return this.sequence(kids(), ctx, el);
      case 'interleave':
        return this.sequence(kids(), ctx, el, interleave);
      case 'choice':
        return this.sequence(kids(), ctx, el, choice);
      case 'optional':
        return choice(this.sequence(kids(), ctx, el), EMPTY);
      case 'zeroOrMore':
        return choice(oneOrMore(this.sequence(kids(), ctx, el)), EMPTY);
      case 'oneOrMore':
        return oneOrMore(this.sequence(kids(), ctx, el));
      case 'list':
        return list(this.sequence(kids(), ctx, el));
      case 'mixed':
        return interleave(this.sequence(kids(), ctx, el), TEXT);
      case 'empty':
        none();
        return EMPTY;
      case 'text':
        none();
        return TEXT;
      case 'notAllowed':
        none();
        return NOT_ALLOWED;
      case 'value':
        return this.value(el, ctx);
      case 'data':
        return this.data(el, ctx);
      case 'ref':
      case 'parentRef': {
        none();
        const name = this.required(el, 'name', ctx);
        const g = el.local === 'ref' ? ctx.grammar : ctx.grammar?.parent;
        if (!g) this.fail(`"${el.local}" to "${name}" outside of a ${el.local === 'ref' ? '' : 'nested '}grammar`, ctx, el);
        const d = g.defines.get(name);
        if (!d) this.fail(`reference to undefined pattern "${name}"`, ctx, el);
        if (d.state === 'active' && this.unreachable) return NOT_ALLOWED;
        if (d.state === 'active') this.fail(`pattern "${name}" refers to itself other than through an element`, ctx, el);
        return this.resolveDefine(d);
      }
      case 'externalRef': {
        none();
        const doc = this.external(el, ctx);
        const root = doc.root;
        return this.pattern(root, {
          doc,
          base: pathToFileURL(doc.file).href,
          ns: ctx.ns,
          dtLib: '',
          grammar: ctx.grammar,
          stack: [...ctx.stack, doc.file],
        });
      }
      case 'grammar':
        return this.grammar(el, ctx);
    }
    return this.fail(`unexpected "${el.local}"`, ctx, el);
  }

  private resolveDefine(d: Define): Pattern {
    if (d.pattern) return d.pattern;
    d.state = 'active';
    let p: Pattern | undefined;
    const interleaved = d.bodies.some((b) => b.combine === 'interleave');
    for (const body of d.bodies) {
      const kids = this.children(body.el, body.ctx);
      const q = this.sequence(kids, body.ctx, body.el);
      p = p === undefined ? q : interleaved ? interleave(p, q) : choice(p, q);
    }
    d.state = 'done';
    d.pattern = p ?? NOT_ALLOWED;
    return d.pattern;
  }

  private external(el: XmlElement, ctx: Ctx): Doc {
    const href = this.required(el, 'href', ctx);
    if (href.includes('#')) this.fail(`href "${href}" must not have a fragment identifier`, ctx, el);
    if (/^[A-Za-z][A-Za-z0-9+.-]+:/.test(href) && !href.startsWith('file:')) {
      this.fail(`href "${href}" is not a local file; shifr never fetches schemas from the network`, ctx, el);
    }
    const file = fileURLToPath(new URL(href, ctx.base));
    if (ctx.stack.includes(file)) this.fail(`"${href}" refers back to itself (loop of includes or externalRefs)`, ctx, el);
    return this.load(file, { ctx, el });
  }

  private grammar(el: XmlElement, ctx: Ctx): Pattern {
    const g = new Grammar(ctx.grammar);
    this.grammars.push(g);
    const inner: Ctx = { ...ctx, grammar: g };
    const comps = this.components(el, inner, true);
    for (const c of comps) {
      let d: Define;
      if (c.kind === 'start') d = g.start;
      else {
        d = g.defines.get(c.name) ?? new Define(c.name);
        g.defines.set(c.name, d);
      }
      d.bodies.push(c.body);
    }
    for (const d of [g.start, ...g.defines.values()]) {
      const plain = d.bodies.filter((b) => b.combine === undefined);
      const label = d === g.start ? 'start' : `define "${d.name}"`;
      if (plain.length > 1) this.fail(`${label} is given more than once without "combine"`, plain[1]!.ctx, plain[1]!.el);
      const combines = new Set(d.bodies.filter((b) => b.combine !== undefined).map((b) => b.combine));
      if (combines.size > 1) this.fail(`${label} combines with both "choice" and "interleave"`, d.bodies[0]!.ctx, d.bodies[0]!.el);
    }
    if (g.start.bodies.length === 0) this.fail('grammar has no "start"', ctx, el);
    return this.resolveDefine(g.start);
  }

  /** The start and define components of a grammar (or div, or include), with divs flattened and includes merged. */
  private components(el: XmlElement, ctx: Ctx, allowInclude: boolean): Component[] {
    const out: Component[] = [];
    for (const c of this.children(el, ctx)) {
      const cctx = this.enter(c, ctx);
      switch (c.local) {
        case 'start':
        case 'define': {
          const combine = attr(c, 'combine');
          if (combine !== undefined && trimWs(combine) !== 'choice' && trimWs(combine) !== 'interleave') {
            this.fail(`combine must be "choice" or "interleave", not "${combine}"`, cctx, c);
          }
          const name = c.local === 'define' ? this.required(c, 'name', cctx) : 'start';
          if (c.local === 'define' && !NCNAME.test(name)) this.fail(`"${name}" is not a valid define name`, cctx, c);
          if (c.local === 'start' && this.children(c, cctx).length !== 1) this.fail('"start" must contain exactly one pattern', cctx, c);
          out.push({ kind: c.local, name, body: { el: c, ctx: cctx, combine: combine === undefined ? undefined : trimWs(combine) } });
          break;
        }
        case 'div':
          out.push(...this.components(c, cctx, allowInclude));
          break;
        case 'include': {
          if (!allowInclude) this.fail('"include" is not allowed here', cctx, c);
          out.push(...this.include(c, cctx));
          break;
        }
        default:
          this.fail(`"${c.local}" is not allowed in a grammar`, cctx, c);
      }
    }
    return out;
  }

  private include(el: XmlElement, ctx: Ctx): Component[] {
    const doc = this.external(el, ctx);
    const root = doc.root;
    if (root.ns !== RNG_NS || root.local !== 'grammar') this.fail(`included file "${doc.file}" is not a grammar`, ctx, el);
    const ictx = this.enter(root, { doc, base: pathToFileURL(doc.file).href, ns: ctx.ns, dtLib: '', grammar: ctx.grammar, stack: [...ctx.stack, doc.file] });
    const included = this.components(root, ictx, true);
    const overrides = this.components(el, ctx, false);
    const kept = included.filter((c) => !overrides.some((o) => o.kind === c.kind && o.name === c.name));
    for (const o of overrides) {
      if (!included.some((c) => c.kind === o.kind && c.name === o.name)) {
        this.fail(`include overrides ${o.kind === 'start' ? '"start"' : `define "${o.name}"`}, which "${doc.file}" does not have`, o.body.ctx, o.body.el);
      }
    }
    return [...kept, ...overrides];
  }

  private qname(name: string, ctx: Ctx, el: XmlElement, defaultNs: string): NameClass {
    const colon = name.indexOf(':');
    if (colon < 0) {
      if (!NCNAME.test(name)) this.fail(`"${name}" is not a valid name`, ctx, el);
      return nameNc(defaultNs, name);
    }
    const prefix = name.slice(0, colon);
    const local = name.slice(colon + 1);
    if (!NCNAME.test(prefix) || !NCNAME.test(local)) this.fail(`"${name}" is not a valid name`, ctx, el);
    const ns = el.bindings[prefix];
    if (ns === undefined) this.fail(`prefix "${prefix}" of "${name}" is not declared`, ctx, el);
    return nameNc(ns, local);
  }

  private nameClass(el: XmlElement, outer: Ctx, within?: 'anyName' | 'nsName'): NameClass {
    const ctx = this.enter(el, outer);
    if (el.local === 'name') {
      if (el.children.some((c) => typeof c !== 'string')) this.fail('"name" must contain only a name', ctx, el);
    }
    const kids = el.local === 'name' ? [] : this.children(el, ctx);
    switch (el.local) {
      case 'name': {
        const text = el.children.filter((c): c is string => typeof c === 'string').join('');
        return this.qname(trimWs(text), ctx, el, ctx.ns);
      }
      case 'anyName':
      case 'nsName': {
        if (within === 'anyName' && el.local === 'anyName') this.fail('"anyName" is not allowed in the except of "anyName"', ctx, el);
        if (within === 'nsName') this.fail(`"${el.local}" is not allowed in the except of "nsName"`, ctx, el);
        if (kids.length > 1 || (kids[0] && kids[0].local !== 'except')) this.fail(`"${el.local}" may contain only "except"`, ctx, el);
        let except: NameClass | undefined;
        if (kids[0]) {
          const ectx = this.enter(kids[0], ctx);
          const ek = this.children(kids[0], ectx);
          if (ek.length === 0) this.fail('"except" must contain a name class', ectx, kids[0]);
          except = ek.map((k) => this.nameClass(k, ectx, el.local as 'anyName' | 'nsName')).reduce(choiceNc);
        }
        return el.local === 'anyName' ? anyNameNc(except) : nsNameNc(ctx.ns, except);
      }
      case 'choice': {
        if (kids.length === 0) this.fail('"choice" must contain a name class', ctx, el);
        return kids.map((k) => this.nameClass(k, ctx, within)).reduce(choiceNc);
      }
      default:
        return this.fail(`"${el.local}" is not a name class`, ctx, el);
    }
  }

  private checkAttributeName(nc: NameClass, ctx: Ctx, el: XmlElement): void {
    const walk = (n: NameClass): void => {
      if (n.kind === 'name') {
        if (n.ns === XMLNS_NS || n.ns === XMLNS_NS + '/' || (n.ns === '' && n.local === 'xmlns')) {
          this.fail('attributes named "xmlns" or in the xmlns namespace are not allowed', ctx, el);
        }
      } else if (n.kind === 'nsName' || n.kind === 'anyName') {
        if (n.kind === 'nsName' && (n.ns === XMLNS_NS || n.ns === XMLNS_NS + '/')) this.fail('attributes in the xmlns namespace are not allowed', ctx, el);
        if (n.except) walk(n.except);
      } else if (n.kind === 'choice') {
        walk(n.a);
        walk(n.b);
      }
    };
    walk(nc);
  }

  private datatype(el: XmlElement, ctx: Ctx, type: string, params: [string, string][]) {
    if (!NCNAME.test(type)) this.fail(`"${type}" is not a valid datatype name`, ctx, el);
    try {
      const dt = createDatatype(ctx.dtLib, type, params);
      if (dt.contextDependent) noteContextDependentDatatype();
      return dt;
    } catch (e) {
      if (e instanceof DatatypeError) this.fail(e.message, ctx, el);
      throw e;
    }
  }

  private value(el: XmlElement, ctx: Ctx): Pattern {
    const type = attr(el, 'type');
    const library = type === undefined ? '' : ctx.dtLib;
    const local = type === undefined ? 'token' : trimWs(type);
    const vctx = type === undefined ? { ...ctx, dtLib: '' } : ctx;
    for (const c of el.children) if (typeof c !== 'string') this.fail('"value" must contain only text', ctx, el);
    const lexical = el.children.join('');
    const dt = this.datatype(el, vctx, local, []);
    const bindings = dt.contextDependent ? { ...flatten(el.bindings), '': ctx.ns } : undefined;
    const parsed = dt.parse(lexical, bindings);
    if (parsed === INVALID) this.fail(`value "${lexical}" is not valid for datatype "${local}"`, ctx, el);
    const p = value(dt, parsed, lexical);
    this.datatypes.set(p, { library, type: local, params: [], lexical, bindings });
    return p;
  }

  private data(el: XmlElement, ctx: Ctx): Pattern {
    const type = this.required(el, 'type', ctx);
    const kids = this.children(el, ctx);
    const params: [string, string][] = [];
    let i = 0;
    for (; i < kids.length && kids[i]!.local === 'param'; i++) {
      const p = kids[i]!;
      const pctx = this.enter(p, ctx);
      for (const c of p.children) if (typeof c !== 'string') this.fail('"param" must contain only text', pctx, p);
      params.push([this.required(p, 'name', pctx), p.children.join('')]);
    }
    let except: Pattern | undefined;
    if (i < kids.length) {
      const e = kids[i]!;
      if (e.local !== 'except' || i !== kids.length - 1) this.fail(`"${e.local}" not allowed in "data"`, ctx, e);
      const ectx = this.enter(e, ctx);
      except = this.sequence(this.children(e, ectx), ectx, e, choice);
    }
    const dt = this.datatype(el, ctx, type, params);
    const p = data(dt, params, except);
    this.datatypes.set(p, { library: ctx.dtLib, type, params });
    return p;
  }
}

function flatten(bindings: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k in bindings) out[k] = bindings[k]!;
  return out;
}

export { XSD_LIBRARY };
