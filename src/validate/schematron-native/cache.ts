/**
 * On-disk cache of what compiling a schema's expressions produces (`.cache/schematron-native/`):
 * the code generated for each expression, in the order the schema compiler asks for them. A run
 * that finds the entry makes all those functions with one JavaScript compilation, instead of
 * parsing every XPath, generating its code and compiling that code expression by expression —
 * most of the start-up of `shifr validate`, although the schema changes only when the ODD does.
 *
 * An entry is used only for the same schema path, text and phase, and the same engine: it records
 * the signature of every compiled file of this folder, so any change to the parser, the
 * generators or the compilers makes it stale. An entry that is unreadable, foreign or does not fit
 * the compilation replaying it is ignored, and the schema is compiled again (and the entry
 * rewritten). The code comes from our generator, run on the schema; nothing of a document ever
 * reaches it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../../fsutil.js';
import { fileSignature } from '../../hash.js';
import { generatedCompiled, generateXPathCode, makeGenerated, type ConstantRecipe, type GeneratedCompiled, type GeneratedXPath } from './codegen.js';
import { compile, Scope, type ExpressionCache, type StaticContext } from './compile.js';
import { parseXPath, Unsupported, type Expr } from './parser.js';

/** Raised when an entry does not fit the compilation that replays it. */
class StaleEntry extends Error {}

/** One `compileXPath` call of a schema's compilation: the expression, the frame size before and after, its code. */
interface CachedCall {
  src: string;
  before: number;
  after: number;
  code: GeneratedXPath;
}

interface Entry {
  format: number;
  /** What the code was generated from: the engine's version, the schema's path, phase and text. */
  engine: string;
  path: string;
  phase: string;
  schema: string;
  calls: CachedCall[];
  /** The match patterns parsed, in order, with their syntax trees. */
  parses: [string, Expr][];
}

/** Changes when the entry's layout does (the engine's own changes are in `engine`). */
const FORMAT = 2;

let engineStamp: string | undefined;

/**
 * The version of the engine: the signature (size, inode, modification and status-change times)
 * of each of its compiled files, on which the generated code depends. Any build or edit of one
 * gives a new version (a build rewrites them all) and costs one recompilation; hashing their
 * content instead would load node:crypto and cost about as much as reading the cache saves.
 */
function engineVersion(): string {
  if (engineStamp === undefined) {
    const dir = dirname(fileURLToPath(import.meta.url));
    engineStamp = readdirSync(dir)
      .filter((n) => n.endsWith('.js'))
      .sort()
      .map((name) => `${name}:${fileSignature(join(dir, name)) ?? 'unreadable'}`)
      .join(' ');
  }
  return engineStamp;
}

/**
 * The entry's file, named after the schema file and phase: one file per schema (replaced when it
 * changes). Two schemas of one name in different folders take turns in it, each check failing
 * for the other's entry — a lost start-up, never a wrong schema.
 */
const entryPath = (dir: string, schemaPath: string, phase: string): string => join(dir, `${basename(schemaPath)}.${phase.replace(/[^\w.-]/g, '_')}.json`);

/** Compiles expressions as usual and records their generated code, for `writeCachedCode`. */
export class CodeRecorder implements ExpressionCache {
  readonly calls: CachedCall[] = [];
  readonly parses: [string, Expr][] = [];

  parse(src: string): Expr {
    const e = parseXPath(src);
    this.parses.push([src, e]);
    return e;
  }

  expression(src: string, sc: StaticContext, scope: Scope): GeneratedCompiled {
    const before = scope.frame.size;
    const { compiled, code } = generateXPathCode(parseXPath(src), sc, scope);
    this.calls.push({ src, before, after: scope.frame.size, code });
    return compiled;
  }
}

/** Gives the expressions of a cached compilation back, in order, checking that each is the one asked for. */
export class CodeReplayer implements ExpressionCache {
  private next = 0;
  private nextParse = 0;
  private readonly factories: ReturnType<typeof makeGenerated>;

  constructor(
    private readonly calls: readonly CachedCall[],
    private readonly parses: readonly [string, Expr][],
  ) {
    this.factories = makeGenerated(calls.map((c) => c.code.body));
  }

  /** Every recorded expression and pattern was asked for: the compilation was the recorded one. */
  get finished(): boolean {
    return this.next === this.calls.length && this.nextParse === this.parses.length;
  }

  parse(src: string): Expr {
    const parsed = this.parses[this.nextParse++];
    if (!parsed || parsed[0] !== src) throw new StaleEntry(`the cached pattern does not fit ${src}`);
    return parsed[1];
  }

  expression(src: string, sc: StaticContext, scope: Scope, rarelyUsed = false): GeneratedCompiled {
    const call = this.calls[this.next];
    if (!call || call.src !== src || call.before !== scope.frame.size) throw new StaleEntry(`the cached code does not fit ${src}`);
    const factory = this.factories[this.next++]!;
    const code = call.code;
    // The names in scope here: what the scope declares later must not change what closures see.
    const names = code.constants.some((r) => 'closure' in r) ? scope.bindingsSince() : [];
    scope.frame.size = call.after;
    const make = (): GeneratedCompiled => generatedCompiled(code, factory(code.constants.map((r) => this.constant(r, sc, names))));
    if (!rarelyUsed) return make();
    // Made on first use, often never. (Not so the others: a stand-in replaced on first use would
    // leave two targets at the calls of generated code, and V8 would optimise them less.)
    let made: GeneratedCompiled | undefined;
    const real = (): GeneratedCompiled => {
      try {
        return (made ??= make());
      } catch (e) {
        // Found while validating (a damaged entry): the document goes to the XSLT engine.
        throw e instanceof StaleEntry ? new Unsupported(e.message) : e;
      }
    };
    return {
      ev: (c) => real().ev(c),
      test: (c) => real().test(c),
      str: code.form?.t === 'str' ? (c) => real().str!(c) : undefined,
      nodesOnly: code.nodesOnly,
      numeric: true,
      positional: false,
      form: code.form,
    };
  }

  private constant(recipe: ConstantRecipe, sc: StaticContext, names: readonly [string, number][]): unknown {
    if ('closure' in recipe) {
      // The closure compiler sees the names in scope and those the generated code had bound, and
      // numbers its own variables from the frame size it had then: the slots it had then.
      const inner = new Scope({ size: recipe.frameAt });
      for (const [key, slot] of names) inner.bindAt(key, slot);
      for (const [key, slot] of recipe.bindings) inner.bindAt(key, slot);
      return compile(recipe.closure, sc, inner);
    }
    if ('strings' in recipe) return recipe.strings;
    if ('set' in recipe) return new Set(recipe.set);
    const f = sc.functions(...recipe.function);
    if (!f) throw new StaleEntry(`the cached code calls an unknown function ${recipe.function[1]}`);
    return f;
  }
}

/** The cached code of a schema, or undefined when there is none for this text, phase and engine. */
export function readCachedCode(dir: string, schemaPath: string, phase: string, schemaText: string): CodeReplayer | undefined {
  try {
    const entry = JSON.parse(readFileSync(entryPath(dir, schemaPath, phase), 'utf8')) as Entry;
    const fits = entry.format === FORMAT && entry.engine === engineVersion() && entry.path === resolve(schemaPath) && entry.phase === phase && entry.schema === schemaText;
    if (!fits || !Array.isArray(entry.calls) || !Array.isArray(entry.parses)) return undefined;
    return new CodeReplayer(entry.calls, entry.parses);
  } catch {
    // Missing, unreadable, not JSON, or code that does not compile: compiled again.
    return undefined;
  }
}

/** Writes the recorded code of a schema; failures cost only the next start-up. */
export function writeCachedCode(dir: string, schemaPath: string, phase: string, schemaText: string, recorder: CodeRecorder): void {
  let json: string;
  try {
    const entry: Entry = { format: FORMAT, engine: engineVersion(), path: resolve(schemaPath), phase, schema: schemaText, calls: recorder.calls, parses: recorder.parses };
    json = JSON.stringify(entry, (_, v: unknown) => {
      // A literal JSON cannot keep (1e400): the entry would read back wrong, so none is written.
      if (typeof v === 'number' && !Number.isFinite(v)) throw new StaleEntry('a number JSON cannot hold');
      return v;
    });
  } catch {
    return;
  }
  try {
    writeFileAtomic(entryPath(dir, schemaPath, phase), json);
  } catch {
    // A read-only or full disk leaves the cache empty; validation does not depend on it.
  }
}
