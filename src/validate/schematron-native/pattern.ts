/**
 * XSLT match patterns (rule contexts, xsl:key/@match) as native matchers. A pattern is a union
 * of path patterns whose steps use the child or attribute axis, separated by `/` or `//`; a node
 * matches when its last step matches it and the steps before match its parent or an ancestor,
 * right to left — no evaluation of the path from the root. Predicates are evaluated with the
 * position the node has among its siblings that pass the step's node test, as XSLT requires.
 * Any other pattern form is `Unsupported`.
 */
import { compile, compileNodeTest, mayBePositional, truth, type Compiled, type Ctx, type Run, Scope, StaticContext } from './compile.js';
import { Unsupported, type Expr } from './parser.js';
import { Kind, XNode } from './tree.js';
import { ebv, isNumeric, numberOf, type Atomic } from './values.js';

interface PatternStep {
  /** A context kept between matches (taken while in use: a predicate may match this pattern again). */
  spare?: Ctx;
  attribute: boolean;
  test: (n: XNode) => boolean;
  predicates: { compiled: Compiled; positional: boolean; holds: (c: Ctx) => boolean }[];
  /** Set when every predicate reads only the node itself (`[@type = 'x']`): tested without a context. */
  onNode?: ((n: XNode) => boolean)[];
  /** How this step relates to the one before it: parent (`/`) or any ancestor (`//`). */
  separator: '/' | '//';
}

interface PathPattern {
  /** '/' : the first step's node is a child of the document node; '//' : anywhere in a document; '' : anywhere. */
  root: '' | '/' | '//';
  /** Matches only the document node (the pattern `/`). */
  documentOnly: boolean;
  steps: PatternStep[];
  /** Expanded names (`ns}local`) the last step can match, or undefined for any. */
  names?: Set<string>;
}

export interface Matcher {
  matches(node: XNode, run: Run, frameSize: number): boolean;
  /** Element names (`ns}local`) that can match, or undefined when any element may. */
  readonly elementNames: Set<string> | undefined;
  readonly mayMatchAttributes: boolean;
  readonly mayMatchText: boolean;
  readonly mayMatchDocument: boolean;
  /** Slots the predicates need in a frame. */
  readonly frameSize: number;
}

function alternatives(e: Expr): Expr[] {
  if (e.type === 'UnionExpr') return [...alternatives(e.left), ...alternatives(e.right)];
  if (e.type === 'SequenceExpr' && e.items.length === 1) return alternatives(e.items[0]!);
  return [e];
}

/** Compiles a pattern; throws `Unsupported` for forms outside the native subset. */
export function compilePattern(src: string, sc: StaticContext): Matcher {
  const frame = { size: 0 };
  const scope = new Scope(frame);
  const paths = alternatives(sc.parse(src)).map((alt) => compilePathPattern(alt, sc, scope, src));
  const names = new Set<string>();
  let anyElement = false;
  for (const p of paths) {
    if (p.documentOnly) continue;
    const last = p.steps[p.steps.length - 1]!;
    if (last.attribute) continue;
    if (p.names) for (const n of p.names) names.add(n);
    else anyElement = true;
  }
  const lastTests = paths.filter((p) => !p.documentOnly).map((p) => p.steps[p.steps.length - 1]!);
  const only = paths.length === 1 ? paths[0]! : undefined;
  return {
    matches: only ? (node, run, frameSize) => matchPath(only, node, run, frameSize) : (node, run, frameSize) => paths.some((p) => matchPath(p, node, run, frameSize)),
    elementNames: anyElement ? undefined : names,
    mayMatchAttributes: lastTests.some((s) => s.attribute),
    mayMatchText: lastTests.some((s) => !s.attribute && s.test(TEXT_PROBE)),
    mayMatchDocument: paths.some((p) => p.documentOnly),
    // Final here: every predicate of the pattern is compiled above.
    frameSize: frame.size,
  };
}

const TEXT_PROBE = new XNode(Kind.Text, null, '', '', '', '', 0);

function compilePathPattern(e: Expr, sc: StaticContext, scope: Scope, src: string): PathPattern {
  let root: '' | '/' | '//' = '';
  let raw: Expr[];
  if (e.type === 'PathExpr') {
    root = e.root;
    raw = e.steps;
  } else if (e.type === 'AxisStep') raw = [e];
  else throw new Unsupported(`the pattern "${src}"`);
  if (root === '/' && raw.length === 0) return { root, documentOnly: true, steps: [] };
  const steps: PatternStep[] = [];
  let separator: '/' | '//' = '/';
  for (const s of raw) {
    if (s.type !== 'AxisStep') throw new Unsupported(`the pattern "${src}"`);
    if (s.axis === 'descendant-or-self' && s.test.kind === 'node' && s.predicates.length === 0) {
      separator = '//';
      continue;
    }
    if (s.axis !== 'child' && s.axis !== 'attribute') throw new Unsupported(`the ${s.axis} axis in the pattern "${src}"`);
    if (s.test.kind === 'document') throw new Unsupported(`document-node() in the pattern "${src}"`);
    // Each predicate filters what the ones before it kept, renumbering positions: not modelled.
    if (s.predicates.slice(1).some(mayBePositional)) throw new Unsupported(`a positional predicate after another in the pattern "${src}"`);
    const attribute = s.axis === 'attribute';
    const predicates = s.predicates.map((p) => {
      const compiled = compile(p, sc, scope);
      return { compiled, positional: mayBePositional(p), holds: truth(compiled) };
    });
    const onNode = predicates.every((p) => p.compiled.onNode && !p.positional) ? predicates.map((p) => p.compiled.onNode!) : undefined;
    steps.push({
      attribute,
      test: compileNodeTest(s.test, attribute ? Kind.Attribute : Kind.Element, sc),
      predicates,
      onNode: predicates.length > 0 ? onNode : undefined,
      separator,
    });
    separator = '/';
  }
  if (steps.length === 0) throw new Unsupported(`the pattern "${src}"`);
  const lastRaw = raw[raw.length - 1]!;
  let names: Set<string> | undefined;
  if (lastRaw.type === 'AxisStep' && lastRaw.axis === 'child' && lastRaw.test.kind === 'name' && lastRaw.test.local !== '*') {
    const ns = lastRaw.test.prefix === undefined ? '' : sc.resolve({ prefix: lastRaw.test.prefix, local: lastRaw.test.local }, true);
    names = new Set([`${ns}}${lastRaw.test.local}`]);
  }
  return { root, documentOnly: false, steps, names };
}

function matchPath(p: PathPattern, node: XNode, run: Run, frameSize: number): boolean {
  if (p.documentOnly) return node.kind === Kind.Document;
  return matchStep(p, p.steps.length - 1, node, run, frameSize);
}

function matchStep(p: PathPattern, i: number, node: XNode, run: Run, frameSize: number): boolean {
  const step = p.steps[i]!;
  if (node.kind === Kind.Document || (node.kind === Kind.Attribute) !== step.attribute || !step.test(node)) return false;
  const parent = node.parent;
  if (!parent) return false;
  if (step.onNode) {
    for (const holds of step.onNode) if (!holds(node)) return false;
  } else if (step.predicates.length > 0 && !predicatesHold(step, node, parent, run, frameSize)) return false;
  if (i === 0) {
    if (p.root === '/') return parent.kind === Kind.Document;
    if (p.root === '//') return node.root !== null && node.root.kind === Kind.Document;
    return true;
  }
  if (step.separator === '/') return matchStep(p, i - 1, parent, run, frameSize);
  for (let a: XNode | null = parent; a; a = a.parent) if (matchStep(p, i - 1, a, run, frameSize)) return true;
  return false;
}

function predicatesHold(step: PatternStep, node: XNode, parent: XNode, run: Run, frameSize: number): boolean {
  // The node's position among the siblings the step's test selects, computed only if needed.
  let siblings: XNode[] | undefined;
  const c: Ctx = step.spare ?? { item: node, pos: 1, size: 1, frame: new Array(frameSize), run, current: node };
  step.spare = undefined;
  c.item = c.current = node;
  c.pos = c.size = 1;
  c.run = run;
  try {
    return predicatesOn(step, c, node, parent, siblings);
  } finally {
    step.spare = c;
  }
}

function predicatesOn(step: PatternStep, c: Ctx, node: XNode, parent: XNode, siblings: XNode[] | undefined): boolean {
  for (const pred of step.predicates) {
    if (pred.positional) {
      if (!siblings) {
        siblings = (step.attribute ? parent.attributes : parent.children).filter((n) => step.test(n));
        c.pos = siblings.indexOf(node) + 1;
        c.size = siblings.length;
      }
    }
    if (!pred.positional) {
      if (!pred.holds(c)) return false;
      continue;
    }
    const r = pred.compiled.ev(c);
    if (r.length === 1 && !(r[0] instanceof XNode) && typeof r[0] !== 'boolean' && isNumeric(r[0] as Atomic)) {
      if (numberOf(r[0] as number) !== c.pos) return false;
    } else if (!ebv(r)) return false;
  }
  return true;
}
