/**
 * A second back end for the native XPath subset: JavaScript source per expression, made into
 * functions with `new Function`. The closure compiler (compile.ts) builds one closure per AST
 * node, all of them instances of a few function literals, so V8 sees every call `ev(c)` as
 * megamorphic and every value as a sequence; generated code is straight-line, its calls go to
 * fixed helpers, and it keeps values in the form they statically have — one string, one
 * boolean, one item, zero or one item — building sequences only where XPath has them.
 *
 * Whatever the generator does not handle is compiled by the closure compiler and called from
 * the generated code (its variables are then also written to the frame, where closures read
 * them), so every expression of the subset compiles, with the same results and the same errors.
 * Schema text never reaches the source unescaped: literals are written with JSON.stringify, and
 * names and namespaces are compared as JSON strings too.
 */
import { collapseWhitespace } from '../../xml/whitespace.js';
import { axisFocus, compile, compileNodeTest, mayBePositional, Scope, StaticContext, type Compiled, type Ctx, type Run } from './compile.js';
import { FN_NS, functionFocus, MAP_NS, mapContains, nodeArg, stringArg, substringAfter, substringBefore, substringOf, treeTop } from './functions.js';
import { Unsupported, type Expr, type NodeTest, type QName } from './parser.js';
import { Kind, XNode } from './tree.js';
import { atomicToString, atomize, atomizeItem, documentOrder, ebv, EMPTY, FALSE, generalCompare, itemToString, predicateHolds, TRUE, XInteger, XMap, XPathError, type Atomic, type Item, type Seq } from './values.js';

/**
 * The static form of a generated value: `seq` an array (never modified once made), `str` one
 * JS string (xs:string), `bool` one boolean, `item` exactly one item, `opt` one item or
 * undefined for the empty sequence. `nodes`: every item is a node.
 */
type Form = 'seq' | 'str' | 'bool' | 'item' | 'opt';

interface Gen {
  x: string;
  t: Form;
  nodes?: boolean;
  /** A cheaper JS boolean for its effective boolean value, when there is one. */
  b?: string;
}

/** What a variable bound by generated code is, and whether closures need it in the frame. */
interface Local {
  key: string;
  js: string;
  form: Gen;
  slot: number;
  inFrame: boolean;
}

interface Focus {
  /** JS expressions of the focus; `top`: the focus is the caller's (c.item, c.pos, c.size). */
  item: string;
  pos: string;
  size: string;
  top: boolean;
  /** The item is known to be a node. */
  node: boolean;
}

interface Env {
  scope: Scope;
  locals: Local[];
  focus: Focus;
  /** JS names in scope that a generated sub-function receives as parameters (after `c`). */
  params: string[];
}

/** A frame slot's static form, when the value stored there is known to have it. */
export interface SlotForm {
  t: Exclude<Form, 'seq'>;
  nodes?: boolean;
}

// ---- Run-time helpers (the only functions generated code calls, besides closures) -----------

function focusItem(item: Item | undefined): Item {
  if (item === undefined) throw new XPathError('XPDY0002', 'the context item is absent');
  return item;
}

function stepNode(item: Item): XNode {
  if (!(item instanceof XNode)) throw new XPathError('XPTY0019', 'a path step was applied to an atomic value');
  return item;
}

const optSeq = (x: Item | undefined): Seq => (x === undefined ? EMPTY : [x]);

function ebvItem(x: Item): boolean {
  return ebv([x]);
}

function ebvOpt(x: Item | undefined): boolean {
  return x === undefined ? false : ebv([x]);
}

function strItem(x: Item, what: string): string {
  if (typeof x === 'string') return x;
  if (x instanceof XNode) return x.string();
  return stringArg([x], what);
}

function strOpt(x: Item | undefined, what: string): string {
  return x === undefined ? '' : strItem(x, what);
}

/** An operand of `||`: () is '', one item its string, several an error. */
function concatSeq(v: Seq): string {
  if (v.length > 1) throw new XPathError('XPTY0004', 'an operand of || is a sequence of several items');
  if (v.length === 0) return '';
  return concatItem(v[0]!);
}

function concatItem(item: Item): string {
  return typeof item === 'string' ? item : item instanceof XNode ? item.string() : atomicToString(atomizeItem(item));
}

const concatOpt = (item: Item | undefined): string => (item === undefined ? '' : concatItem(item));

/** `string($x)` of zero or more items. */
function stringOf(v: Seq): string {
  if (v.length > 1) throw new XPathError('XPTY0004', 'string: a sequence of several items');
  return v.length === 0 ? '' : itemToString(v[0]!);
}

const stringOpt = (x: Item | undefined): string => (x === undefined ? '' : itemToString(x));

function nodeOpt(x: Item | undefined, what: string): XNode | undefined {
  if (x === undefined) return undefined;
  if (!(x instanceof XNode)) throw new XPathError('XPTY0004', `${what}: expected a single node`);
  return x;
}

function tokens(s: string, separator: string): Seq {
  return s === '' ? EMPTY : s.split(separator);
}

function keyNodes(run: Run, name: string, values: Atomic[], top: XNode | undefined): Seq {
  if (!top) throw new XPathError('XPTY0004', 'key: the third argument is empty');
  return run.key(name, values, top);
}

function mapOf(v: Seq, what: string): XMap {
  if (v.length !== 1 || !(v[0] instanceof XMap)) throw new XPathError('XPTY0004', what);
  return v[0];
}

function mapLookup(m: Seq, key: string): Seq {
  return mapOf(m, 'a dynamic call of something that is not a map').get(key) ?? EMPTY;
}

function count(v: Seq): Seq {
  return [new XInteger(v.length)];
}

function itemAt(v: Seq, k: number): Item | undefined {
  return k >= 1 && k <= v.length ? v[k - 1] : undefined;
}

function attributesOf(v: Seq, ns: string, local: string): Seq {
  if (v.length === 1) {
    const a = stepNode(v[0]!).attribute(ns, local);
    return a ? [a] : EMPTY;
  }
  const out: XNode[] = [];
  for (let i = 0; i < v.length; i++) {
    const a = stepNode(v[i]!).attribute(ns, local);
    if (a) out.push(a);
  }
  return documentOrder(out);
}

/** Does a node pass a node test given as data: kind (-1 any), namespace and local name (null any)? */
function passes(n: XNode, kind: number, ns: string | null, local: string | null): boolean {
  return (kind < 0 || n.kind === kind) && (local === null || n.local === local) && (ns === null || n.ns === ns);
}

function attributeOf(x: Item | undefined, ns: string, local: string): XNode | undefined {
  return x === undefined ? undefined : stepNode(x).attribute(ns, local);
}

function selfOf(x: Item | undefined, kind: number, ns: string | null, local: string | null): XNode | undefined {
  if (x === undefined) return undefined;
  const n = stepNode(x);
  return passes(n, kind, ns, local) ? n : undefined;
}

function parentOf(x: Item | undefined, kind: number, ns: string | null, local: string | null): XNode | undefined {
  if (x === undefined) return undefined;
  const p = stepNode(x).parent;
  return p !== null && passes(p, kind, ns, local) ? p : undefined;
}

function childrenOf(x: Item | undefined, kind: number, ns: string | null, local: string | null): Seq {
  if (x === undefined) return EMPTY;
  let out: XNode[] | undefined;
  const kids = stepNode(x).children;
  for (let i = 0; i < kids.length; i++) if (passes(kids[i]!, kind, ns, local)) (out ??= []).push(kids[i]!);
  return out ?? EMPTY;
}

/** The nth ancestor (nearest first) that passes the test. */
function ancestorOf(x: Item | undefined, orSelf: boolean, kind: number, ns: string | null, local: string | null, nth: number): XNode | undefined {
  if (x === undefined) return undefined;
  const n = stepNode(x);
  let passed = 0;
  for (let a = orSelf ? n : n.parent; a; a = a.parent) if (passes(a, kind, ns, local) && ++passed === nth) return a;
  return undefined;
}

/** The ancestors that pass the test, in document order. */
function ancestorsOf(x: Item | undefined, orSelf: boolean, kind: number, ns: string | null, local: string | null): Seq {
  if (x === undefined) return EMPTY;
  const n = stepNode(x);
  const out: XNode[] = [];
  for (let a = orSelf ? n : n.parent; a; a = a.parent) if (passes(a, kind, ns, local)) out.push(a);
  return out.reverse();
}

/** `$node = 'string'` for zero or one node: its string value compared as a string. */
function nodeEquals(n: Item | undefined, s: string): boolean {
  return n !== undefined && (n as XNode).string() === s;
}

function nodeIn(n: Item | undefined, values: Set<string>): boolean {
  return n !== undefined && values.has((n as XNode).string());
}

function equalsNode(s: string, n: Item | undefined): boolean {
  return n !== undefined && (n as XNode).string() === s;
}

function userCall(f: { call(args: Seq[], run: Run): Seq }, args: Seq[], run: Run): Seq {
  return f.call(args, run);
}

function currentItem(c: Ctx): Item {
  if (c.current === undefined) throw new XPathError('XTDE1360', 'current(): no current item');
  return c.current;
}

const HELPERS = {
  axisFocus,
  focusItem,
  functionFocus,
  stepNode,
  optSeq,
  ebv,
  ebvItem,
  ebvOpt,
  strArg: stringArg,
  strItem,
  strOpt,
  concatSeq,
  concatItem,
  concatOpt,
  substringBefore,
  substringAfter,
  collapse: collapseWhitespace,
  stringOf,
  stringOpt,
  nodeArg,
  nodeOpt,
  tokens,
  treeTop,
  keyNodes,
  atomize,
  mapContains,
  mapLookup,
  count,
  predicateHolds,
  itemAt,
  attributesOf,
  generalCompare,
  substringOf,
  userCall,
  currentItem,
  passes,
  attributeOf,
  selfOf,
  parentOf,
  childrenOf,
  ancestorOf,
  ancestorsOf,
  nodeEquals,
  nodeIn,
  equalsNode,
  EMPTY,
  TRUE,
  FALSE,
};
const HELPER_NAMES = Object.keys(HELPERS).join(', ');

// ---- Generation -----------------------------------------------------------------------------

const q = (s: string): string => JSON.stringify(s);

class Generator {
  readonly functions: string[] = [];
  readonly constants: unknown[] = [];
  /** How each constant is made again when the code is read back from the cache (cache.ts). */
  readonly recipes: ConstantRecipe[] = [];
  private names = 0;

  constructor(
    private readonly sc: StaticContext,
    /** The scope of the whole expression: closures record the names bound inside it. */
    private readonly root: Scope,
  ) {}

  fresh(prefix: string): string {
    return `${prefix}${this.names++}`;
  }

  constant(value: unknown, recipe: ConstantRecipe): string {
    this.constants.push(value);
    this.recipes.push(recipe);
    return `K[${this.constants.length - 1}]`;
  }

  /** A generated function over the environment's names, with this body; gives the call. */
  sub(env: Env, body: string): string {
    const name = this.fresh('f');
    const params = ['c', ...env.params].join(', ');
    this.functions.push(`function ${name}(${params}) {\n${body}\n}`);
    return `${name}(${params})`;
  }

  // ---- Conversions between forms ----

  seq(g: Gen): string {
    switch (g.t) {
      case 'seq':
        return g.x;
      case 'bool':
        return `(${g.x} ? TRUE : FALSE)`;
      case 'opt':
        return `optSeq(${g.x})`;
      default:
        return `[${g.x}]`;
    }
  }

  bool(g: Gen): string {
    if (g.b) return g.b;
    switch (g.t) {
      case 'bool':
        return g.x;
      case 'str':
        return `(${g.x}.length !== 0)`;
      case 'seq':
        return g.nodes ? `(${g.x}.length !== 0)` : `ebv(${g.x})`;
      case 'item':
        return g.nodes ? `(${g.x}, true)` : `ebvItem(${g.x})`;
      case 'opt':
        return g.nodes ? `(${g.x} !== undefined)` : `ebvOpt(${g.x})`;
    }
  }

  /** An `xs:string?` argument of a function ('' for the empty sequence). */
  str(g: Gen, what: string): string {
    switch (g.t) {
      case 'str':
        return g.x;
      case 'item':
        return `strItem(${g.x}, ${q(what)})`;
      case 'opt':
        return `strOpt(${g.x}, ${q(what)})`;
      default:
        return `strArg(${this.seq(g)}, ${q(what)})`;
    }
  }

  concat(g: Gen): string {
    switch (g.t) {
      case 'str':
        return g.x;
      case 'bool':
        return `(${g.x} ? 'true' : 'false')`;
      case 'item':
        return `concatItem(${g.x})`;
      case 'opt':
        return `concatOpt(${g.x})`;
      default:
        return `concatSeq(${g.x})`;
    }
  }

  // ---- Expressions ----

  /** The closure compiler's code for an expression, called with the environment's focus. */
  fallback(e: Expr, env: Env): Gen {
    const frameAt = env.scope.frame.size;
    const compiled = compile(e, this.sc, env.scope);
    this.needFrame(e, env);
    const k = this.constant(compiled, { closure: e, bindings: env.scope.bindingsSince(this.root), frameAt });
    const f = env.focus;
    const ctx = f.top ? 'c' : `{ item: ${f.item}, pos: ${f.pos}, size: ${f.size}, frame: c.frame, run: c.run, current: c.current }`;
    if (compiled.str) return { x: `${k}.str(${ctx})`, t: 'str' };
    return { x: `${k}.ev(${ctx})`, t: 'seq', nodes: compiled.nodesOnly, b: compiled.test && `${k}.test(${ctx})` };
  }

  /** Variables of generated code that a closure reads are written to the frame too. */
  private needFrame(e: Expr, env: Env): void {
    const visit = (x: unknown): void => {
      if (x === null || typeof x !== 'object') return;
      const node = x as { type?: string; name?: QName };
      if (node.type === 'VarRef' && node.name) {
        const local = this.local(env, node.name);
        if (local) local.inFrame = true;
      }
      for (const v of Object.values(x)) visit(v);
    };
    visit(e);
  }

  private local(env: Env, name: QName): Local | undefined {
    let key: string;
    try {
      key = `{${this.sc.resolve(name, false)}}${name.local}`;
    } catch {
      return undefined;
    }
    for (let i = env.locals.length - 1; i >= 0; i--) if (env.locals[i]!.key === key) return env.locals[i];
    return undefined;
  }

  /** Binds a variable of generated code (declared in a child scope, so that closures find its slot). */
  private bind(env: Env, name: QName, form: Gen): { env: Env; local: Local } {
    const scope = env.scope.child();
    const key = `{${this.sc.resolve(name, false)}}${name.local}`;
    const slot = scope.declare(key);
    const local: Local = { key, js: this.fresh('v'), form, slot, inFrame: false };
    return { env: { ...env, scope, locals: [...env.locals, local], params: [...env.params, local.js] }, local };
  }

  /** The statement that gives a closure the variable, when one reads it. */
  private frameWrite(local: Local): string {
    return local.inFrame ? `c.frame[${local.slot}] = ${this.seq({ ...local.form, x: local.js })};` : '';
  }

  gen(e: Expr, env: Env): Gen {
    switch (e.type) {
      case 'StringLiteral':
        return { x: q(e.value), t: 'str' };
      case 'VarRef': {
        const local = this.local(env, e.name);
        if (local) return { ...local.form, x: local.js, b: undefined };
        const key = `{${this.sc.resolve(e.name, false)}}${e.name.local}`;
        const slot = env.scope.lookup(key);
            if (slot !== undefined) {
          const form = env.scope.formOf(slot);
          if (form) return { x: `c.frame[${slot}][0]`, t: form.t, nodes: form.nodes };
          return { x: `c.frame[${slot}]`, t: 'seq' };
        }
        const global = this.sc.globals.get(key);
        if (global !== undefined) return { x: `c.run.globals[${global}]`, t: 'seq' };
        return this.fallback(e, env);
      }
      case 'ContextItemExpr': {
        const f = env.focus;
        return { x: f.top ? 'focusItem(c.item)' : f.item, t: 'item', nodes: f.node };
      }
      case 'SequenceExpr':
        return this.sequence(e.items, env);
      case 'IfExpr': {
        const test = this.bool(this.gen(e.test, env));
        const a = this.gen(e.then, env);
        const b = this.gen(e.else, env);
        const nodes = a.nodes === true && b.nodes === true;
        const single = (t: Form): boolean => t === 'str' || t === 'bool' || t === 'item';
        if (a.t === b.t) return { x: `(${test} ? ${a.x} : ${b.x})`, t: a.t, nodes };
        if (single(a.t) && single(b.t)) return { x: `(${test} ? ${a.x} : ${b.x})`, t: 'item', nodes };
        if ((single(a.t) || a.t === 'opt') && (single(b.t) || b.t === 'opt')) return { x: `(${test} ? ${a.x} : ${b.x})`, t: 'opt', nodes };
        return { x: `(${test} ? ${this.seq(a)} : ${this.seq(b)})`, t: 'seq', nodes };
      }
      case 'OrExpr':
      case 'AndExpr': {
        const ops = e.operands.map((o) => this.bool(this.gen(o, env)));
        return { x: `(${ops.join(e.type === 'OrExpr' ? ' || ' : ' && ')})`, t: 'bool' };
      }
      case 'StringConcatExpr':
        return { x: `(${e.operands.map((o) => this.concat(this.gen(o, env))).join(' + ')})`, t: 'str' };
      case 'ComparisonExpr':
        return this.comparison(e, env);
      case 'ForExpr':
      case 'QuantifiedExpr':
        return this.loop(e, env);
      case 'LetExpr':
        return this.let(e, env);
      case 'FunctionCall':
        return this.call(e, env) ?? this.fallback(e, env);
      case 'FilterExpr':
        return this.filter(e, env) ?? this.fallback(e, env);
      case 'PathExpr':
        return this.path(e, env) ?? this.fallback(e, env);
      case 'AxisStep':
        return this.path({ type: 'PathExpr', root: '', steps: [e] }, env) ?? this.fallback(e, env);
      case 'DynamicFunctionCall': {
        if (e.args.length !== 1) return this.fallback(e, env);
        const key = this.gen(e.args[0]!, env);
        if (key.t !== 'str') return this.fallback(e, env);
        return { x: `mapLookup(${this.seq(this.gen(e.base, env))}, ${key.x})`, t: 'seq' };
      }
      default:
        return this.fallback(e, env);
    }
  }

  private sequence(items: Expr[], env: Env): Gen {
    if (items.length === 0) return { x: 'undefined', t: 'opt', nodes: true };
    if (items.length === 1) return this.gen(items[0]!, env);
    // Literal strings only (`('original', 'translation')`): one array, made once (sequences are never modified).
    if (items.every((x) => x.type === 'StringLiteral')) {
      const strings = items.map((x) => (x as { value: string }).value);
      return { x: this.constant(strings, { strings }), t: 'seq' };
    }
    const parts = items.map((x) => this.gen(x, env));
    const body = ['const out = [];'];
    for (const p of parts) {
      const v = this.fresh('s');
      if (p.t === 'seq') body.push(`const ${v} = ${p.x};`, `for (let i = 0; i < ${v}.length; i++) out.push(${v}[i]);`);
      else if (p.t === 'opt') body.push(`const ${v} = ${p.x};`, `if (${v} !== undefined) out.push(${v});`);
      else body.push(`out.push(${p.x});`);
    }
    // The comma keeps its operands' order: nodes are not sorted.
    body.push('return out;');
    return { x: this.sub(env, body.join('\n')), t: 'seq', nodes: parts.every((p) => p.nodes) };
  }

  private comparison(e: Extract<Expr, { type: 'ComparisonExpr' }>, env: Env): Gen {
    const op = e.op;
    if (!['=', '!='].includes(op)) return this.fallback(e, env);
    const l = this.gen(e.left, env);
    const r = this.gen(e.right, env);
    // Two strings: codepoint equality.
    if (l.t === 'str' && r.t === 'str') return { x: `(${l.x} ${op === '=' ? '===' : '!=='} ${r.x})`, t: 'bool' };
    // Zero or one node against a string: the node's string value (untypedAtomic compares as a string).
    if (op === '=') {
      const nodeSide = l.nodes && (l.t === 'opt' || l.t === 'item') ? l : r.nodes && (r.t === 'opt' || r.t === 'item') ? r : undefined;
      const other = nodeSide === l ? r : l;
      // A node against literal strings (`@type = ('a', 'b')`): whether its string value is one of them.
      const literals = nodeSide && (nodeSide === l ? e.right : e.left);
      const values = literals && (literals.type === 'SequenceExpr' ? literals.items : [literals]);
      if (nodeSide && values && values.length > 1 && values.every((x) => x.type === 'StringLiteral')) {
        const strings = values.map((x) => (x as { value: string }).value);
        const set = this.constant(new Set(strings), { set: strings });
        return { x: `nodeIn(${nodeSide.x}, ${set})`, t: 'bool' };
      }
      // Operands are evaluated left to right, as the closure compiler does.
      if (nodeSide && other.t === 'str') return { x: nodeSide === l ? `nodeEquals(${l.x}, ${r.x})` : `equalsNode(${l.x}, ${r.x})`, t: 'bool' };
    }
    return { x: `generalCompare(${this.seq(l)}, ${this.seq(r)}, ${q(op)})`, t: 'bool' };
  }

  private loop(e: Extract<Expr, { type: 'ForExpr' | 'LetExpr' | 'QuantifiedExpr' }>, env: Env): Gen {
    let inner = env;
    const heads: { local: Local; source: Gen }[] = [];
    for (const b of e.bindings) {
      const source = this.gen(b.expr, inner);
      const single = source.t === 'str' || source.t === 'bool' || source.t === 'item';
      const bound = this.bind(inner, b.name, { x: '', t: single ? source.t : 'item', nodes: source.nodes });
      heads.push({ local: bound.local, source });
      inner = bound.env;
    }
    const body = this.gen(e.body, inner);
    const isFor = e.type === 'ForExpr';
    const every = 'quantifier' in e && e.quantifier === 'every';
    let code: string;
    if (isFor) {
      if (body.t === 'seq') code = `{ const r = ${body.x}; for (let i = 0; i < r.length; i++) out.push(r[i]); }`;
      else if (body.t === 'opt') code = `{ const r = ${body.x}; if (r !== undefined) out.push(r); }`;
      else code = `out.push(${body.x});`;
    } else code = every ? `if (!(${this.bool(body)})) return false;` : `if (${this.bool(body)}) return true;`;
    for (let i = heads.length - 1; i >= 0; i--) {
      const { local, source } = heads[i]!;
      const write = this.frameWrite(local);
      if (source.t === 'str' || source.t === 'bool' || source.t === 'item') code = `{ const ${local.js} = ${source.x}; ${write}\n${code} }`;
      else if (source.t === 'opt') code = `{ const ${local.js} = ${source.x}; if (${local.js} !== undefined) { ${write}\n${code} } }`;
      else {
        const s = this.fresh('s');
        const k = this.fresh('i');
        code = `{ const ${s} = ${source.x}; for (let ${k} = 0; ${k} < ${s}.length; ${k}++) { const ${local.js} = ${s}[${k}]; ${write}\n${code} } }`;
      }
    }
    // The sources are generated in the environment of the bindings before them: a sub-function
    // of the outer environment runs them all.
    if (isFor) return { x: this.sub(env, `const out = [];\n${code}\nreturn out;`), t: 'seq', nodes: body.nodes };
    return { x: this.sub(env, `${code}\nreturn ${every ? 'true' : 'false'};`), t: 'bool' };
  }

  private let(e: Extract<Expr, { type: 'ForExpr' | 'LetExpr' }>, env: Env): Gen {
    let inner = env;
    const lines: { local: Local; value: Gen }[] = [];
    for (const b of e.bindings) {
      const value = this.gen(b.expr, inner);
      const bound = this.bind(inner, b.name, { x: '', t: value.t, nodes: value.nodes });
      lines.push({ local: bound.local, value });
      inner = bound.env;
    }
    const body = this.gen(e.body, inner);
    const code = lines.map(({ local, value }) => `const ${local.js} = ${value.x}; ${this.frameWrite(local)}`).join('\n');
    const call = this.sub(env, `${code}\nreturn ${body.x};`);
    const b = body.b !== undefined ? this.sub(env, `${code}\nreturn ${body.b};`) : undefined;
    return { x: call, t: body.t, nodes: body.nodes, b };
  }

  private call(e: Extract<Expr, { type: 'FunctionCall' }>, env: Env): Gen | undefined {
    const ns = e.name.prefix === '' ? FN_NS : this.sc.resolve(e.name, false);
    const n = e.args.length;
    const user = this.sc.functions(ns, e.name.local, n);
    if (user) {
        const args = e.args.map((a) => this.seq(this.gen(a, env)));
      return { x: `userCall(${this.constant(user, { function: [ns, e.name.local, n] })}, [${args.join(', ')}], c.run)`, t: 'seq' };
    }
    if (ns === MAP_NS && e.name.local === 'contains' && n === 2) {
      const [m, k] = e.args.map((a) => this.seq(this.gen(a, env)));
      return { x: `mapContains(${m}, ${k})`, t: 'bool' };
    }
    if (ns !== FN_NS) return undefined;
    const local = e.name.local;
    const arg = (i: number): Gen => this.gen(e.args[i]!, env);
    const strArg = (i: number): string => this.str(arg(i), local);
    switch (n === 0 ? `${local}#0` : n === 1 ? `${local}#1` : n === 2 ? `${local}#2` : `${local}#3`) {
      case 'not#1':
        return { x: `!(${this.bool(arg(0))})`, t: 'bool' };
      case 'boolean#1':
        return { x: this.bool(arg(0)), t: 'bool' };
      case 'exists#1':
      case 'empty#1': {
        const a = arg(0);
        const exists = a.t === 'seq' ? `(${a.x}.length !== 0)` : a.t === 'opt' ? `(${a.x} !== undefined)` : `(${a.x}, true)`;
        return { x: local === 'exists' ? exists : `!${exists}`, t: 'bool' };
      }
      case 'count#1':
        return { x: `count(${this.seq(arg(0))})`, t: 'seq' };
      case 'string#1': {
        const a = arg(0);
        if (a.t === 'str') return a;
        return { x: a.t === 'opt' ? `stringOpt(${a.x})` : `stringOf(${this.seq(a)})`, t: 'str' };
      }
      case 'normalize-space#1':
        return { x: `collapse(${strArg(0)})`, t: 'str' };
      case 'contains#2':
        return { x: `${strArg(0)}.includes(${strArg(1)})`, t: 'bool' };
      case 'starts-with#2':
        return { x: `${strArg(0)}.startsWith(${strArg(1)})`, t: 'bool' };
      case 'ends-with#2':
        return { x: `${strArg(0)}.endsWith(${strArg(1)})`, t: 'bool' };
      case 'substring-before#2':
        return { x: `substringBefore(${strArg(0)}, ${strArg(1)})`, t: 'str' };
      case 'substring-after#2':
        return { x: `substringAfter(${strArg(0)}, ${strArg(1)})`, t: 'str' };
      case 'substring#2':
      case 'substring#3': {
        const numbers = e.args.slice(1).map((a) => (a.type === 'NumericLiteral' ? a.value : undefined));
        if (numbers.some((v) => v === undefined)) return undefined;
        return { x: `substringOf(${strArg(0)}, ${numbers.join(', ')})`, t: 'str' };
      }
      case 'tokenize#2': {
        const pattern = e.args[1]!;
        if (pattern.type !== 'StringLiteral' || pattern.value === '' || /[\\^$.|?*+()[\]{}]/.test(pattern.value)) return undefined;
        return { x: `tokens(${strArg(0)}, ${q(pattern.value)})`, t: 'seq' };
      }
      case 'local-name#1':
      case 'name#1': {
        const a = arg(0);
        const field = local === 'name' ? 'qname' : 'local';
        const node = a.t === 'opt' || a.t === 'item' ? `nodeOpt(${a.x}, ${q(local)})` : `nodeArg(${this.seq(a)}, ${q(local)})`;
        return { x: `(${node}?.${field} ?? '')`, t: 'str' };
      }
      case 'root#0':
        return { x: `treeTop(${this.functionFocus(env, 'root')})`, t: 'item', nodes: true };
      case 'current#0':
        if (!this.sc.hasCurrent) return undefined;
            return { x: 'currentItem(c)', t: 'item' };
      case 'key#2':
      case 'key#3': {
        const name = e.args[0]!;
        if (name.type !== 'StringLiteral' || !this.sc.keys.has(name.value)) return undefined;
            const v = arg(1);
        const values = v.t === 'str' ? `[${v.x}]` : `atomize(${this.seq(v)})`;
        let top: string;
        if (n === 3) {
          const t = arg(2);
          top = t.t === 'opt' || t.t === 'item' ? `nodeOpt(${t.x}, 'key')` : `nodeArg(${this.seq(t)}, 'key')`;
        } else top = `treeTop(${this.functionFocus(env, 'key')})`;
        return { x: `keyNodes(c.run, ${q(name.value)}, ${values}, ${top})`, t: 'seq', nodes: true };
      }
    }
    return undefined;
  }

  private functionFocus(env: Env, what: string): string {
    const f = env.focus;
    return f.node && !f.top ? f.item : `functionFocus(${f.top ? 'c.item' : f.item}, ${q(what)})`;
  }

  private focusNode(env: Env): string {
    const f = env.focus;
    if (f.top) return 'axisFocus(c.item)';
    return f.node ? f.item : `axisFocus(${f.item})`;
  }

  /** A predicate over a focus in a loop: a JS boolean. */
  private predicate(p: Expr, env: Env): string {
    const g = this.gen(p, env);
    if (g.t === 'bool' || g.t === 'str') return this.bool(g);
    if ((g.t === 'opt' || g.t === 'item' || g.t === 'seq') && g.nodes) return this.bool(g);
    return `predicateHolds(${this.seq(g)}, ${env.focus.pos})`;
  }

  private filter(e: Extract<Expr, { type: 'FilterExpr' }>, env: Env): Gen | undefined {
    let cur = this.gen(e.base, env);
    for (const p of e.predicates) {
      if (p.type === 'NumericLiteral' && p.numeric === 'integer') {
        // A literal position: the item there, or none (the base is still evaluated, for its errors).
        if (cur.t === 'seq') cur = { x: `itemAt(${cur.x}, ${p.value})`, t: 'opt', nodes: cur.nodes };
        else cur = { x: p.value === 1 ? cur.x : `(${cur.x}, undefined)`, t: p.value === 1 && cur.t !== 'opt' ? cur.t : 'opt', nodes: cur.nodes };
        continue;
      }
      const items = this.fresh('s');
      const i = this.fresh('i');
      const it = this.fresh('it');
      const size = this.fresh('n');
      const inner: Env = {
        ...env,
        focus: { item: it, pos: `(${i} + 1)`, size, top: false, node: cur.nodes === true },
        params: [...env.params, it, i, size],
      };
      // The predicate's sub-functions take the loop's names as parameters.
      const test = this.predicate(p, inner);
      const body = `const out = []; const ${items} = ${this.seq(cur)}; const ${size} = ${items}.length;
for (let ${i} = 0; ${i} < ${size}; ${i}++) { const ${it} = ${items}[${i}]; if (${test}) out.push(${it}); }
return out;`;
      cur = { x: this.sub({ ...env }, body), t: 'seq', nodes: cur.nodes };
    }
    return cur;
  }

  /** A node test as the arguments of `passes`: kind (-1 any), namespace and local name (null any). */
  private testArgs(test: NodeTest, principal: Kind.Element | Kind.Attribute): string {
    // The closure compiler's node test checks the names (declared prefixes) alike.
    compileNodeTest(test, principal, this.sc);
    switch (test.kind) {
      case 'node':
        return '-1, null, null';
      case 'text':
        return `${Kind.Text}, null, null`;
      case 'document':
        return `${Kind.Document}, null, null`;
      case 'wildcard':
        return `${principal}, null, null`;
      case 'anyNs':
        return `${principal}, null, ${q(test.local)}`;
      case 'eqname':
        return `${principal}, ${q(test.ns)}, ${q(test.local)}`;
      case 'element':
      case 'attribute': {
        const kind = test.kind === 'element' ? Kind.Element : Kind.Attribute;
        if (!test.name) return `${kind}, null, null`;
        const ns = test.name.prefix === '' ? '' : this.sc.resolve(test.name, true);
        return `${kind}, ${q(ns)}, ${q(test.name.local)}`;
      }
      case 'name': {
        const ns = test.prefix === undefined ? '' : this.sc.resolve({ prefix: test.prefix, local: test.local }, principal === Kind.Element);
        return `${principal}, ${q(ns)}, ${test.local === '*' ? 'null' : q(test.local)}`;
      }
    }
  }

  /**
   * One axis step from zero or one item (`from`, a JS expression evaluated once; an atomic value
   * is an error, nothing gives nothing): `@a`, `self::t`, `parent::t`, `child::t`,
   * `ancestor(-or-self)::t[p]…[k]`. Undefined for other steps.
   */
  private step(s: Extract<Expr, { type: 'AxisStep' }>, env: Env, from: string): Gen | undefined {
    const principal = s.axis === 'attribute' ? Kind.Attribute : Kind.Element;
    const args = this.testArgs(s.test, principal);
    if (s.axis === 'attribute' && s.predicates.length === 0 && s.test.kind === 'name' && s.test.local !== '*') {
      const ns = s.test.prefix === undefined ? '' : this.sc.resolve({ prefix: s.test.prefix, local: s.test.local }, false);
      return { x: `attributeOf(${from}, ${q(ns)}, ${q(s.test.local)})`, t: 'opt', nodes: true };
    }
    if (s.predicates.length === 0) {
      if (s.axis === 'self') return { x: `selfOf(${from}, ${args})`, t: 'opt', nodes: true };
      if (s.axis === 'parent') return { x: `parentOf(${from}, ${args})`, t: 'opt', nodes: true };
      if (s.axis === 'child') return { x: `childrenOf(${from}, ${args})`, t: 'seq', nodes: true };
    }
    if (s.axis === 'ancestor' || s.axis === 'ancestor-or-self') {
      // Predicates that do not depend on position, then at most one literal position (counted
      // outwards): one walk that stops at the k-th ancestor that passes.
      const preds = s.predicates;
      const last = preds[preds.length - 1];
      const nth = last?.type === 'NumericLiteral' && last.numeric === 'integer' ? last.value : undefined;
      const filters = nth === undefined ? preds : preds.slice(0, -1);
      if (nth !== undefined && nth < 1) return undefined;
      if (filters.some((p) => mayBePositional(p))) return undefined;
      const orSelf = s.axis === 'ancestor-or-self';
      if (filters.length === 0) {
        if (nth !== undefined) return { x: `ancestorOf(${from}, ${orSelf}, ${args}, ${nth})`, t: 'opt', nodes: true };
        return { x: `ancestorsOf(${from}, ${orSelf}, ${args})`, t: 'seq', nodes: true };
      }
      const n = this.fresh('n');
      const inner: Env = { ...env, focus: { item: n, pos: '1', size: '1', top: false, node: true }, params: [...env.params, n] };
      const conds = filters.map((p) => {
        const g = this.gen(p, inner);
        if (g.t === 'bool' || g.t === 'str' || g.nodes) return this.bool(g);
        return undefined;
      });
      if (conds.some((x) => x === undefined)) return undefined;
      const checks = conds.map((x) => `if (!(${x})) continue;`).join(' ');
      const v = this.fresh('x');
      const head = `const ${v} = ${from};\nif (${v} === undefined) return ${nth !== undefined ? 'undefined' : 'EMPTY'};\nconst start = ${orSelf ? `stepNode(${v})` : `stepNode(${v}).parent`};\n`;
      const walk = `for (let ${n} = start; ${n}; ${n} = ${n}.parent) { if (!passes(${n}, ${args})) continue; ${checks}`;
      if (nth !== undefined) return { x: this.sub(env, `${head}let passed = 0;\n${walk} if (++passed === ${nth}) return ${n}; }\nreturn undefined;`), t: 'opt', nodes: true };
      return { x: this.sub(env, `${head}const out = [];\n${walk} out.push(${n}); }\nreturn out.reverse();`), t: 'seq', nodes: true };
    }
    return undefined;
  }

  private path(e: Extract<Expr, { type: 'PathExpr' }>, env: Env): Gen | undefined {
    if (e.root !== '' || e.steps.length === 0) return undefined;
    const [first, ...rest] = e.steps as [Expr, ...Expr[]];
    if (rest.some((s) => s.type !== 'AxisStep')) return undefined;
    let cur: Gen | undefined;
    if (first.type === 'AxisStep') {
      cur = this.step(first, env, this.focusNode(env));
      if (!cur) return undefined;
    } else cur = this.gen(first, env);
    for (const s of rest as Extract<Expr, { type: 'AxisStep' }>[]) {
      if (cur.t !== 'seq') {
        // Zero or one item: the step from it (an atomic value is an error there, as in a path).
        const step = this.step(s, env, cur.t === 'opt' ? cur.x : `stepNode(${cur.x})`);
        if (!step) return undefined;
        cur = step;
        continue;
      }
      // Several nodes: only `$nodes/@name` (sorted into document order, as a path's result is).
      if (s.axis !== 'attribute' || s.predicates.length > 0 || s.test.kind !== 'name' || s.test.local === '*') return undefined;
      compileNodeTest(s.test, Kind.Attribute, this.sc);
      const ns = s.test.prefix === undefined ? '' : this.sc.resolve({ prefix: s.test.prefix, local: s.test.local }, false);
      cur = { x: `attributesOf(${this.seq(cur)}, ${q(ns)}, ${q(s.test.local)})`, t: 'seq', nodes: true };
    }
    return cur;
  }
}

/**
 * How a constant of generated code is made again when its code is read back from the on-disk
 * cache: a closure from its expression (compiled in a scope holding the names the generated code
 * had bound, with the frame as large as it was), a list or set of literal strings, or a function
 * of the schema by its name and arity.
 */
export type ConstantRecipe =
  | { closure: Expr; bindings: [string, number][]; frameAt: number }
  | { strings: string[] }
  | { set: string[] }
  | { function: [string, string, number] };

/** The generated code of one expression, as the cache keeps it. */
export interface GeneratedXPath {
  /** Function declarations, then `return { ev, test, str? }`; reads the constants as `K[i]` and the helpers by name. */
  body: string;
  constants: ConstantRecipe[];
  form?: SlotForm;
  nodesOnly?: true;
}

/** A generated expression: the closure compiler's interface, and the static form of its value. */
export type GeneratedCompiled = Compiled & { form?: SlotForm; test: (c: Ctx) => boolean };

/** The compiled expression of generated code whose functions are made (`made`). */
export function generatedCompiled(code: GeneratedXPath, made: { ev: Compiled['ev']; test: (c: Ctx) => boolean; str?: (c: Ctx) => string }): GeneratedCompiled {
  return { ev: made.ev, test: made.test, str: made.str, nodesOnly: code.nodesOnly, numeric: true, positional: false, form: code.form };
}

/**
 * Makes the functions of many generated expressions with one compilation: the source of one
 * function that returns, for each expression, a function of its constants `K`.
 */
export function makeGenerated(bodies: readonly string[]): ((K: unknown[]) => { ev: Compiled['ev']; test: (c: Ctx) => boolean; str?: (c: Ctx) => string })[] {
  const source = `"use strict";\nconst { ${HELPER_NAMES} } = H;\nreturn [\n${bodies.map((b) => `function (K) {\n${b}\n}`).join(',\n')}\n];`;
  return new Function('H', source)(HELPERS) as ReturnType<typeof makeGenerated>;
}

/**
 * Compiles an expression to generated code. The result has the closure compiler's interface
 * (`ev`, `test`, `str`), and says its static form, so that a rule's let can record it.
 */
export function generateXPath(e: Expr, sc: StaticContext, scope: Scope): GeneratedCompiled {
  return generateXPathCode(e, sc, scope).compiled;
}

/** `generateXPath`, and the code the on-disk cache keeps of the expression. */
export function generateXPathCode(e: Expr, sc: StaticContext, scope: Scope): { compiled: GeneratedCompiled; code: GeneratedXPath } {
  const g = new Generator(sc, scope);
  const env: Env = { scope, locals: [], focus: { item: 'c.item', pos: 'c.pos', size: 'c.size', top: true, node: false }, params: [] };
  const root = g.gen(e, env);
  // A root that is one generated function of the context is that function (no wrapper to compile).
  const seq = g.seq(root);
  const direct = /^(f[0-9]+)\(c\)$/.exec(seq);
  const entries = [`ev: ${direct ? direct[1] : `function (c) { return ${seq}; }`}`, `test: function (c) { return ${g.bool(root)}; }`];
  if (root.t === 'str') entries.push(`str: function (c) { return ${root.x}; }`);
  const body = `${g.functions.join('\n')}\nreturn { ${entries.join(', ')} };`;
  const source = `"use strict";\nconst { ${HELPER_NAMES} } = H;\n${body}`;
  let made: { ev: Compiled['ev']; test: (c: Ctx) => boolean; str?: (c: Ctx) => string };
  try {
    made = new Function('K', 'H', source)(g.constants, HELPERS) as typeof made;
  } catch (err) {
    throw new Unsupported(`generated code that does not compile (${(err as Error).message})`);
  }
  const code: GeneratedXPath = {
    body,
    constants: g.recipes,
    form: root.t === 'seq' ? undefined : { t: root.t, nodes: root.nodes },
    nodesOnly: (root.t === 'seq' || root.t === 'opt' || root.t === 'item') && root.nodes === true ? true : undefined,
  };
  return { compiled: generatedCompiled(code, made), code };
}
