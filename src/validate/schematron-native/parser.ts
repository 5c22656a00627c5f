/**
 * Lexer and parser for the subset of XPath 3.1 the native Schematron engine evaluates. The AST
 * follows the names of the XPath 3.1 grammar (ForExpr, ComparisonExpr, AxisStep…). Anything
 * outside the subset — inline functions, arrays, arrow and lookup operators, instance of, treat
 * as, … — throws `Unsupported`, so that the caller falls back to the full engine; malformed
 * XPath throws `Unsupported` too (the full engine reports the syntax error with its place).
 */

/** An expression or schema construct the native engine does not evaluate. */
export class Unsupported extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'Unsupported';
  }
}

export interface QName {
  prefix: string;
  local: string;
}

export type NodeTest =
  | { kind: 'name'; prefix: string | undefined; local: string } // prefix undefined: no prefix; local '*': prefix:*
  | { kind: 'wildcard' } // *
  | { kind: 'anyNs'; local: string } // *:local
  | { kind: 'eqname'; ns: string; local: string } // Q{ns}local
  | { kind: 'node' }
  | { kind: 'text' }
  | { kind: 'element'; name?: QName }
  | { kind: 'attribute'; name?: QName }
  | { kind: 'document' };

/** The axes of the subset (namespace:: is not among them). */
const AXIS_NAMES = [
  'child',
  'descendant',
  'descendant-or-self',
  'self',
  'parent',
  'ancestor',
  'ancestor-or-self',
  'attribute',
  'following-sibling',
  'preceding-sibling',
  'following',
  'preceding',
] as const;
export type Axis = (typeof AXIS_NAMES)[number];

export type Expr =
  | { type: 'StringLiteral'; value: string }
  | { type: 'NumericLiteral'; value: number; numeric: 'integer' | 'decimal' | 'double' }
  | { type: 'VarRef'; name: QName }
  | { type: 'ContextItemExpr' }
  | { type: 'FunctionCall'; name: QName; args: Expr[] }
  | { type: 'SequenceExpr'; items: Expr[] }
  | { type: 'ForExpr' | 'LetExpr'; bindings: { name: QName; expr: Expr }[]; body: Expr }
  | { type: 'QuantifiedExpr'; quantifier: 'some' | 'every'; bindings: { name: QName; expr: Expr }[]; body: Expr }
  | { type: 'IfExpr'; test: Expr; then: Expr; else: Expr }
  | { type: 'OrExpr' | 'AndExpr'; operands: Expr[] }
  | { type: 'ComparisonExpr'; op: string; left: Expr; right: Expr }
  | { type: 'StringConcatExpr'; operands: Expr[] }
  | { type: 'RangeExpr'; from: Expr; to: Expr }
  | { type: 'ArithmeticExpr'; op: '+' | '-' | '*' | 'div' | 'idiv' | 'mod'; left: Expr; right: Expr }
  | { type: 'UnaryExpr'; op: '-' | '+'; operand: Expr }
  | { type: 'UnionExpr' | 'IntersectExceptExpr'; op: 'union' | 'intersect' | 'except'; left: Expr; right: Expr }
  | { type: 'CastExpr' | 'CastableExpr'; operand: Expr; target: QName; optional: boolean }
  | { type: 'SimpleMapExpr'; operands: Expr[] }
  | { type: 'PathExpr'; root: '' | '/' | '//'; steps: Expr[] }
  | { type: 'AxisStep'; axis: Axis; test: NodeTest; predicates: Expr[] }
  | { type: 'FilterExpr'; base: Expr; predicates: Expr[] }
  | { type: 'DynamicFunctionCall'; base: Expr; args: Expr[] }
  | { type: 'MapConstructor'; entries: { key: Expr; value: Expr }[] };

type Token =
  | { t: 'name'; prefix: string | undefined; local: string; pos: number } // local may be '*' (prefix:*)
  | { t: 'anyNs'; local: string; pos: number } // *:local
  | { t: 'eqname'; ns: string; local: string; pos: number }
  | { t: 'string'; value: string; pos: number }
  | { t: 'number'; value: number; numeric: 'integer' | 'decimal' | 'double'; pos: number }
  | { t: 'sym'; value: string; pos: number }
  | { t: 'eof'; pos: number };

const NAME_START = /[A-Za-z_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]/;
const NCNAME = /[A-Za-z_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD][\w.\-\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C\u200D\u203F\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]*/y;
const NUMBER = /(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/y;
const SYMBOLS = ['!=', '<=', '>=', '<<', '>>', '||', '//', '::', ':=', '..', '=>', '(', ')', '[', ']', '{', '}', ',', '/', '@', '.', '=', '<', '>', '|', '!', '+', '-', '*', '$', '?', ':', '#'];

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '(' && src[i + 1] === ':') {
      let depth = 0;
      for (; i < n; i++) {
        if (src[i] === '(' && src[i + 1] === ':') {
          depth++;
          i++;
        } else if (src[i] === ':' && src[i + 1] === ')') {
          depth--;
          i++;
          if (depth === 0) {
            i++;
            break;
          }
        }
      }
      if (depth !== 0) throw new Unsupported('unterminated XPath comment');
      continue;
    }
    if (c === '"' || c === "'") {
      let value = '';
      let j = i + 1;
      for (;;) {
        const close = src.indexOf(c, j);
        if (close < 0) throw new Unsupported('unterminated string literal');
        value += src.slice(j, close);
        if (src[close + 1] === c) {
          value += c;
          j = close + 2;
        } else {
          j = close + 1;
          break;
        }
      }
      tokens.push({ t: 'string', value, pos: i });
      i = j;
      continue;
    }
    if ((c >= '0' && c <= '9') || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(src)!;
      const text = m[0];
      const numeric = /[eE]/.test(text) ? 'double' : text.includes('.') ? 'decimal' : 'integer';
      tokens.push({ t: 'number', value: Number(text), numeric, pos: i });
      i += text.length;
      if (NAME_START.test(src[i] ?? '')) throw new Unsupported(`a name cannot follow the number ${text} directly`);
      continue;
    }
    if (c === 'Q' && src[i + 1] === '{') {
      const close = src.indexOf('}', i);
      if (close < 0) throw new Unsupported('unterminated EQName');
      NCNAME.lastIndex = close + 1;
      const m = NCNAME.exec(src);
      if (!m) throw new Unsupported('EQName without a local name');
      tokens.push({ t: 'eqname', ns: src.slice(i + 2, close).trim(), local: m[0], pos: i });
      i = close + 1 + m[0].length;
      continue;
    }
    if (NAME_START.test(c)) {
      NCNAME.lastIndex = i;
      const first = NCNAME.exec(src)![0];
      let j = i + first.length;
      if (src[j] === ':' && src[j + 1] === '*') {
        tokens.push({ t: 'name', prefix: first, local: '*', pos: i });
        i = j + 2;
        continue;
      }
      if (src[j] === ':' && NAME_START.test(src[j + 1] ?? '')) {
        NCNAME.lastIndex = j + 1;
        const second = NCNAME.exec(src)![0];
        tokens.push({ t: 'name', prefix: first, local: second, pos: i });
        i = j + 1 + second.length;
        continue;
      }
      tokens.push({ t: 'name', prefix: undefined, local: first, pos: i });
      i = j;
      continue;
    }
    if (c === '*' && src[i + 1] === ':' && NAME_START.test(src[i + 2] ?? '')) {
      NCNAME.lastIndex = i + 2;
      const local = NCNAME.exec(src)![0];
      tokens.push({ t: 'anyNs', local, pos: i });
      i += 2 + local.length;
      continue;
    }
    const sym = SYMBOLS.find((s) => src.startsWith(s, i));
    if (!sym) throw new Unsupported(`unexpected character "${c}" in XPath`);
    tokens.push({ t: 'sym', value: sym, pos: i });
    i += sym.length;
  }
  tokens.push({ t: 'eof', pos: n });
  return tokens;
}

const AXES = new Set<string>(AXIS_NAMES);
const KIND_TESTS = new Set(['node', 'text', 'element', 'attribute', 'document-node', 'comment', 'processing-instruction', 'namespace-node', 'schema-element', 'schema-attribute']);
/** Names that cannot be function names (reserved by the grammar). */
const RESERVED_FUNCTION_NAMES = new Set([...KIND_TESTS, 'if', 'switch', 'typeswitch', 'item', 'function', 'map', 'array', 'empty-sequence']);
const GENERAL = new Set(['=', '!=', '<', '<=', '>', '>=']);
const VALUE = new Set(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly src: string,
  ) {}

  private peek(k = 0): Token {
    return this.tokens[Math.min(this.i + k, this.tokens.length - 1)]!;
  }
  private isSym(value: string, k = 0): boolean {
    const t = this.peek(k);
    return t.t === 'sym' && t.value === value;
  }
  private isKeyword(word: string, k = 0): boolean {
    const t = this.peek(k);
    return t.t === 'name' && t.prefix === undefined && t.local === word;
  }
  private expectSym(value: string): void {
    if (!this.isSym(value)) this.fail(`expected "${value}"`);
    this.i++;
  }
  private expectKeyword(word: string): void {
    if (!this.isKeyword(word)) this.fail(`expected "${word}"`);
    this.i++;
  }
  private fail(message: string): never {
    throw new Unsupported(`${message} at offset ${this.peek().pos} of "${this.src}"`);
  }

  parseAll(): Expr {
    const e = this.expr();
    if (this.peek().t !== 'eof') this.fail('unexpected token');
    return e;
  }

  private expr(): Expr {
    const first = this.exprSingle();
    if (!this.isSym(',')) return first;
    const items = [first];
    while (this.isSym(',')) {
      this.i++;
      items.push(this.exprSingle());
    }
    return { type: 'SequenceExpr', items };
  }

  private exprSingle(): Expr {
    if ((this.isKeyword('for') || this.isKeyword('some') || this.isKeyword('every')) && this.isSym('$', 1)) {
      const word = (this.peek() as { local: string }).local;
      this.i++;
      const bindings = this.bindings('in');
      if (word === 'for') {
        this.expectKeyword('return');
        return { type: 'ForExpr', bindings, body: this.exprSingle() };
      }
      this.expectKeyword('satisfies');
      return { type: 'QuantifiedExpr', quantifier: word as 'some' | 'every', bindings, body: this.exprSingle() };
    }
    if (this.isKeyword('let') && this.isSym('$', 1)) {
      this.i++;
      const bindings = this.bindings(':=');
      this.expectKeyword('return');
      return { type: 'LetExpr', bindings, body: this.exprSingle() };
    }
    if (this.isKeyword('if') && this.isSym('(', 1)) {
      this.i += 2;
      const test = this.expr();
      this.expectSym(')');
      this.expectKeyword('then');
      const then = this.exprSingle();
      this.expectKeyword('else');
      return { type: 'IfExpr', test, then, else: this.exprSingle() };
    }
    if ((this.isKeyword('switch') || this.isKeyword('typeswitch') || this.isKeyword('try')) && (this.isSym('(', 1) || this.isSym('{', 1))) {
      this.fail(`${(this.peek() as { local: string }).local} expressions are not supported`);
    }
    return this.orExpr();
  }

  private bindings(separator: 'in' | ':='): { name: QName; expr: Expr }[] {
    const out: { name: QName; expr: Expr }[] = [];
    for (;;) {
      this.expectSym('$');
      const name = this.qname();
      if (separator === 'in') this.expectKeyword('in');
      else this.expectSym(':=');
      out.push({ name, expr: this.exprSingle() });
      if (!this.isSym(',')) return out;
      this.i++;
    }
  }

  private qname(): QName {
    const t = this.peek();
    if (t.t !== 'name' || t.local === '*') this.fail('expected a name');
    this.i++;
    return { prefix: t.prefix ?? '', local: t.local };
  }

  private orExpr(): Expr {
    return this.nary('OrExpr', 'or', () => this.andExpr());
  }
  private andExpr(): Expr {
    return this.nary('AndExpr', 'and', () => this.comparisonExpr());
  }
  private nary(type: 'OrExpr' | 'AndExpr', word: string, next: () => Expr): Expr {
    const first = next();
    if (!this.isKeyword(word)) return first;
    const operands = [first];
    while (this.isKeyword(word)) {
      this.i++;
      operands.push(next());
    }
    return { type, operands };
  }

  private comparisonExpr(): Expr {
    const left = this.stringConcatExpr();
    const t = this.peek();
    let op: string | undefined;
    if (t.t === 'sym' && (GENERAL.has(t.value) || t.value === '<<' || t.value === '>>')) op = t.value;
    else if (t.t === 'name' && t.prefix === undefined && (VALUE.has(t.local) || t.local === 'is')) op = t.local;
    if (!op) return left;
    this.i++;
    return { type: 'ComparisonExpr', op, left, right: this.stringConcatExpr() };
  }

  private stringConcatExpr(): Expr {
    const first = this.rangeExpr();
    if (!this.isSym('||')) return first;
    const operands = [first];
    while (this.isSym('||')) {
      this.i++;
      operands.push(this.rangeExpr());
    }
    return { type: 'StringConcatExpr', operands };
  }

  private rangeExpr(): Expr {
    const from = this.additiveExpr();
    if (!this.isKeyword('to')) return from;
    this.i++;
    return { type: 'RangeExpr', from, to: this.additiveExpr() };
  }

  private additiveExpr(): Expr {
    let left = this.multiplicativeExpr();
    while (this.isSym('+') || this.isSym('-')) {
      const op = (this.peek() as { value: '+' | '-' }).value;
      this.i++;
      left = { type: 'ArithmeticExpr', op, left, right: this.multiplicativeExpr() };
    }
    return left;
  }

  private multiplicativeExpr(): Expr {
    let left = this.unionExpr();
    for (;;) {
      let op: '*' | 'div' | 'idiv' | 'mod' | undefined;
      if (this.isSym('*')) op = '*';
      else if (this.isKeyword('div')) op = 'div';
      else if (this.isKeyword('idiv')) op = 'idiv';
      else if (this.isKeyword('mod')) op = 'mod';
      if (!op) return left;
      this.i++;
      left = { type: 'ArithmeticExpr', op, left, right: this.unionExpr() };
    }
  }

  private unionExpr(): Expr {
    let left = this.intersectExceptExpr();
    while (this.isSym('|') || this.isKeyword('union')) {
      this.i++;
      left = { type: 'UnionExpr', op: 'union', left, right: this.intersectExceptExpr() };
    }
    return left;
  }

  private intersectExceptExpr(): Expr {
    let left = this.instanceofExpr();
    while (this.isKeyword('intersect') || this.isKeyword('except')) {
      const op = (this.peek() as { local: 'intersect' | 'except' }).local;
      this.i++;
      left = { type: 'IntersectExceptExpr', op, left, right: this.instanceofExpr() };
    }
    return left;
  }

  private instanceofExpr(): Expr {
    const e = this.castableExpr();
    if ((this.isKeyword('instance') && this.isKeyword('of', 1)) || (this.isKeyword('treat') && this.isKeyword('as', 1))) {
      this.fail('instance of / treat as are not supported');
    }
    return e;
  }

  private castableExpr(): Expr {
    const operand = this.castExpr();
    if (!(this.isKeyword('castable') && this.isKeyword('as', 1))) return operand;
    this.i += 2;
    const { target, optional } = this.singleType();
    return { type: 'CastableExpr', operand, target, optional };
  }

  private castExpr(): Expr {
    const operand = this.arrowExpr();
    if (!(this.isKeyword('cast') && this.isKeyword('as', 1))) return operand;
    this.i += 2;
    const { target, optional } = this.singleType();
    return { type: 'CastExpr', operand, target, optional };
  }

  private singleType(): { target: QName; optional: boolean } {
    const target = this.qname();
    let optional = false;
    if (this.isSym('?')) {
      this.i++;
      optional = true;
    }
    return { target, optional };
  }

  private arrowExpr(): Expr {
    const e = this.unaryExpr();
    if (this.isSym('=>')) this.fail('the arrow operator is not supported');
    return e;
  }

  private unaryExpr(): Expr {
    if (this.isSym('-') || this.isSym('+')) {
      const op = (this.peek() as { value: '-' | '+' }).value;
      this.i++;
      return { type: 'UnaryExpr', op, operand: this.unaryExpr() };
    }
    return this.simpleMapExpr();
  }

  private simpleMapExpr(): Expr {
    const first = this.pathExpr();
    if (!this.isSym('!')) return first;
    const operands = [first];
    while (this.isSym('!')) {
      this.i++;
      operands.push(this.pathExpr());
    }
    return { type: 'SimpleMapExpr', operands };
  }

  /** Can the current token start a relative path (after a leading `/`)? */
  private startsStep(): boolean {
    const t = this.peek();
    if (t.t === 'name' || t.t === 'anyNs' || t.t === 'eqname' || t.t === 'string' || t.t === 'number') return true;
    return t.t === 'sym' && ['@', '.', '..', '*', '(', '$'].includes(t.value);
  }

  private pathExpr(): Expr {
    if (this.isSym('/')) {
      this.i++;
      if (!this.startsStep()) return { type: 'PathExpr', root: '/', steps: [] };
      return { type: 'PathExpr', root: '/', steps: this.relativeSteps() };
    }
    if (this.isSym('//')) {
      this.i++;
      return { type: 'PathExpr', root: '//', steps: this.relativeSteps() };
    }
    const steps = this.relativeSteps();
    return steps.length === 1 && steps[0]!.type !== 'AxisStep' ? steps[0]! : { type: 'PathExpr', root: '', steps };
  }

  private relativeSteps(): Expr[] {
    const steps = [this.stepExpr()];
    for (;;) {
      if (this.isSym('/')) {
        this.i++;
        steps.push(this.stepExpr());
      } else if (this.isSym('//')) {
        this.i++;
        steps.push({ type: 'AxisStep', axis: 'descendant-or-self', test: { kind: 'node' }, predicates: [] });
        steps.push(this.stepExpr());
      } else return steps;
    }
  }

  private stepExpr(): Expr {
    const t = this.peek();
    if (t.t === 'sym' && t.value === '..') {
      this.i++;
      return { type: 'AxisStep', axis: 'parent', test: { kind: 'node' }, predicates: this.predicates() };
    }
    if (t.t === 'sym' && t.value === '@') {
      this.i++;
      return { type: 'AxisStep', axis: 'attribute', test: this.nodeTest(), predicates: this.predicates() };
    }
    if (t.t === 'name' && t.prefix === undefined && this.isSym('::', 1)) {
      if (!AXES.has(t.local)) this.fail(`the ${t.local} axis is not supported`);
      this.i += 2;
      const axis = t.local as Axis;
      return { type: 'AxisStep', axis, test: this.nodeTest(), predicates: this.predicates() };
    }
    if (t.t === 'sym' && t.value === '*') {
      this.i++;
      return { type: 'AxisStep', axis: 'child', test: { kind: 'wildcard' }, predicates: this.predicates() };
    }
    if (t.t === 'anyNs' || t.t === 'eqname') {
      return { type: 'AxisStep', axis: 'child', test: this.nodeTest(), predicates: this.predicates() };
    }
    if (t.t === 'name') {
      const call = this.isSym('(', 1);
      if (call && t.prefix === undefined && KIND_TESTS.has(t.local)) {
        const test = this.nodeTest();
        return { type: 'AxisStep', axis: test.kind === 'attribute' ? 'attribute' : 'child', test, predicates: this.predicates() };
      }
      const keywordStart = t.prefix === undefined && ((t.local === 'map' && this.isSym('{', 1)) || (t.local === 'array' && (this.isSym('{', 1) || this.isSym('[', 1))));
      if (!call && !keywordStart && !this.isSym('#', 1)) {
        return { type: 'AxisStep', axis: 'child', test: this.nodeTest(), predicates: this.predicates() };
      }
    }
    return this.postfixExpr();
  }

  private nodeTest(): NodeTest {
    const t = this.peek();
    if (t.t === 'sym' && t.value === '*') {
      this.i++;
      return { kind: 'wildcard' };
    }
    if (t.t === 'anyNs') {
      this.i++;
      return { kind: 'anyNs', local: t.local };
    }
    if (t.t === 'eqname') {
      this.i++;
      return { kind: 'eqname', ns: t.ns, local: t.local };
    }
    if (t.t !== 'name') this.fail('expected a node test');
    if (t.prefix === undefined && KIND_TESTS.has(t.local) && this.isSym('(', 1)) {
      this.i += 2;
      let name: QName | undefined;
      if (!this.isSym(')')) {
        if (t.local !== 'element' && t.local !== 'attribute') this.fail(`${t.local}() with an argument is not supported`);
        if (this.isSym('*')) this.i++;
        else name = this.qname();
        if (this.isSym(',')) this.fail('typed element()/attribute() tests are not supported');
      }
      this.expectSym(')');
      switch (t.local) {
        case 'node':
          return { kind: 'node' };
        case 'text':
          return { kind: 'text' };
        case 'element':
          return { kind: 'element', name };
        case 'attribute':
          return { kind: 'attribute', name };
        case 'document-node':
          return { kind: 'document' };
        default:
          return this.fail(`the ${t.local}() test is not supported`);
      }
    }
    this.i++;
    return { kind: 'name', prefix: t.prefix, local: t.local };
  }

  private predicates(): Expr[] {
    const out: Expr[] = [];
    while (this.isSym('[')) {
      this.i++;
      out.push(this.expr());
      this.expectSym(']');
    }
    return out;
  }

  private postfixExpr(): Expr {
    let e = this.primaryExpr();
    for (;;) {
      if (this.isSym('[')) {
        const predicates = this.predicates();
        e = e.type === 'FilterExpr' ? { ...e, predicates: [...e.predicates, ...predicates] } : { type: 'FilterExpr', base: e, predicates };
      } else if (this.isSym('(')) {
        this.i++;
        e = { type: 'DynamicFunctionCall', base: e, args: this.argumentList() };
      } else if (this.isSym('?')) {
        this.fail('the lookup operator is not supported');
      } else return e;
    }
  }

  private argumentList(): Expr[] {
    const args: Expr[] = [];
    if (this.isSym(')')) {
      this.i++;
      return args;
    }
    for (;;) {
      if (this.isSym('?') && (this.isSym(',', 1) || this.isSym(')', 1))) this.fail('partial function application is not supported');
      args.push(this.exprSingle());
      if (this.isSym(')')) {
        this.i++;
        return args;
      }
      this.expectSym(',');
    }
  }

  private primaryExpr(): Expr {
    const t = this.peek();
    switch (t.t) {
      case 'string':
        this.i++;
        return { type: 'StringLiteral', value: t.value };
      case 'number':
        this.i++;
        return { type: 'NumericLiteral', value: t.value, numeric: t.numeric };
      case 'sym':
        if (t.value === '$') {
          this.i++;
          return { type: 'VarRef', name: this.qname() };
        }
        if (t.value === '(') {
          this.i++;
          if (this.isSym(')')) {
            this.i++;
            return { type: 'SequenceExpr', items: [] };
          }
          const e = this.expr();
          this.expectSym(')');
          // A parenthesized expression stays a unit (a predicate after it filters the whole).
          return e.type === 'SequenceExpr' ? e : { type: 'SequenceExpr', items: [e] };
        }
        if (t.value === '.') {
          this.i++;
          return { type: 'ContextItemExpr' };
        }
        return this.fail(`unexpected "${t.value}"`);
      case 'name': {
        if (t.prefix === undefined && t.local === 'map' && this.isSym('{', 1)) return this.mapConstructor();
        if (this.isSym('#', 1)) this.fail('named function references are not supported');
        if (t.prefix === undefined && RESERVED_FUNCTION_NAMES.has(t.local)) this.fail(`${t.local} is not supported here`);
        if (!this.isSym('(', 1)) this.fail('expected a function call');
        this.i += 2;
        return { type: 'FunctionCall', name: { prefix: t.prefix ?? '', local: t.local }, args: this.argumentList() };
      }
      case 'eqname':
        return this.fail('EQName function calls are not supported');
      default:
        return this.fail('unexpected end of expression');
    }
  }

  private mapConstructor(): Expr {
    this.i += 2;
    const entries: { key: Expr; value: Expr }[] = [];
    if (this.isSym('}')) {
      this.i++;
      return { type: 'MapConstructor', entries };
    }
    for (;;) {
      const key = this.exprSingle();
      this.expectSym(':');
      entries.push({ key, value: this.exprSingle() });
      if (this.isSym('}')) {
        this.i++;
        return { type: 'MapConstructor', entries };
      }
      this.expectSym(',');
    }
  }
}

/** Parses an XPath expression of the subset; throws `Unsupported` on anything else. */
export function parseXPath(src: string): Expr {
  return new Parser(tokenize(src), src).parseAll();
}
