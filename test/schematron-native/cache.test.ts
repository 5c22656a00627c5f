/**
 * The on-disk cache of the native engine's generated code (cache.ts): a second compilation of an
 * unchanged schema reads it, and gives exactly the findings of a compilation without it; a
 * changed schema, a damaged or foreign entry, or a cache folder that cannot be written never
 * gives wrong findings — the schema is compiled again.
 */
import { expect } from 'chai';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, scratchDir } from '../helpers.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { buildTree, nativeSchematron, validateNative, type NativeSchema } from '../../src/validate/schematron-native/index.js';

const TEI_DIR = join(ROOT, 'tei');
const EDITION_SCH = join(ROOT, 'odd', 'shifr.sch');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'validate');

const line = (d: Diagnostic): string => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`;

function compiled(sch: string, cacheDir?: string, phase = '#DEFAULT'): NativeSchema {
  const result = nativeSchematron(sch, phase, { cacheDir });
  if (!('schema' in result)) throw new Error(result.unsupported);
  return result.schema;
}

/** Every finding of a schema on these files, as text lines. */
function findings(schema: NativeSchema, files: string[]): string[] {
  return files.flatMap((file) => validateNative(schema, buildTree(readFileSync(file, 'utf8'), file, pathToFileURL(file).href), file).map(line));
}

describe('native Schematron: cache of generated code', function () {
  this.timeout(60_000);
  let work: string;
  let files: string[];

  before(() => {
    work = scratchDir('sch-cache');
    // The edition's files, and defect fixtures that make every kind of rule fire.
    files = readdirSync(TEI_DIR)
      .filter((n) => /^wcda-.*\.xml$/.test(n))
      .map((n) => join(TEI_DIR, n));
    for (const c of readdirSync(FIXTURES)) {
      const file = join(FIXTURES, c, 'input.xml');
      if (!existsSync(file)) continue;
      try {
        buildTree(readFileSync(file, 'utf8'));
        files.push(file);
      } catch {
        // Not well-formed (a defect of its own): no tree for Schematron rules.
      }
    }
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  const entries = (dir: string): string[] => readdirSync(dir).filter((n) => n.endsWith('.json'));

  it('compiles the edition schema once: a second compilation reads the cache and finds exactly the same', () => {
    const dir = join(work, 'edition');
    const reference = findings(compiled(EDITION_SCH), files);
    expect(reference.length, 'the rules fire').to.be.at.least(15);

    const first = compiled(EDITION_SCH, dir);
    expect(first.fromCache).to.equal(false);
    expect(entries(dir)).to.have.length(1);
    expect(findings(first, files)).to.deep.equal(reference);

    const second = compiled(EDITION_SCH, dir);
    expect(second.fromCache).to.equal(true);
    expect(findings(second, files)).to.deep.equal(reference);
  });

  it('compiles again when the schema changes, and keeps one entry per schema', () => {
    const dir = join(work, 'changed');
    const sch = join(work, 'changed.sch');
    const original = readFileSync(EDITION_SCH, 'utf8');
    writeFileSync(sch, original);
    expect(compiled(sch, dir).fromCache).to.equal(false);
    expect(compiled(sch, dir).fromCache).to.equal(true);

    // Same shape, another expression and message: a stale entry would keep the old ones.
    const edited = original.replace('test="$uses = 1"', 'test="$uses = 2"');
    expect(edited).to.not.equal(original);
    writeFileSync(sch, edited);
    const recompiled = compiled(sch, dir);
    expect(recompiled.fromCache).to.equal(false);
    const expected = findings(compiled(sch), files);
    expect(findings(recompiled, files)).to.deep.equal(expected);
    expect(expected.filter((l) => l.includes(' SHF-ID-001 ')).length, 'every id now counts as a duplicate').to.be.greaterThan(files.length);
    expect(compiled(sch, dir).fromCache).to.equal(true);
    expect(entries(dir)).to.have.length(1);
  });

  it('keeps phases apart', () => {
    const dir = join(work, 'phases');
    const sch = join(work, 'layers.sch');
    const fixtures = join(ROOT, 'test', 'fixtures', 'schematron');
    // The compiler's fixture schema, within the subset (as in differential.test.ts).
    const source = readFileSync(join(fixtures, 'edition.sch'), 'utf8')
      .replace(/<pattern abstract="true"[\s\S]*?<\/pattern>\s*<pattern id="required-n"[\s\S]*?<\/pattern>/, '<pattern id="required-n"><rule context="tei:div"><assert test="@n" id="SHF-TEST-002">a div needs @n</assert></rule></pattern>')
      .replace("xs:date(@when) lt xs:date('1947-01-01')", "@when lt '1947-01-01'");
    writeFileSync(sch, source);
    copyFileSync(join(fixtures, 'persons.xml'), join(work, 'persons.xml'));
    const letter = join(fixtures, 'letter.xml');
    for (const phase of ['#ALL', 'references-only']) {
      const reference = findings(compiled(sch, undefined, phase), [letter]);
      expect(compiled(sch, dir, phase).fromCache, phase).to.equal(false);
      const again = compiled(sch, dir, phase);
      expect(again.fromCache, phase).to.equal(true);
      expect(findings(again, [letter]), phase).to.deep.equal(reference);
    }
    expect(findings(compiled(sch, dir, '#ALL'), [letter])).to.not.deep.equal(findings(compiled(sch, dir, 'references-only'), [letter]));
  });

  it('gives a message read back from the cache the variables in scope where it stands', () => {
    // The second let shadows the first after the first assert: its message must still see 'one'
    // when its code is made (on first use), after the whole rule is compiled.
    const dir = join(work, 'shadow');
    const sch = join(work, 'shadow.sch');
    writeFileSync(
      sch,
      `<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt3"><pattern><rule context="/*">` +
        `<let name="a" value="'one'"/><assert test="false()" id="A">first <value-of select="string-join(($a, 'x'), '-')"/></assert>` +
        `<let name="a" value="'two'"/><assert test="false()" id="B">second <value-of select="string-join(($a, 'y'), '-')"/></assert>` +
        `</rule></pattern></schema>`,
    );
    const doc = join(work, 'shadow.xml');
    writeFileSync(doc, '<doc/>');
    const messages = (schema: NativeSchema): string[] => validateNative(schema, buildTree('<doc/>'), doc).map((d) => d.message);
    expect(messages(compiled(sch))).to.deep.equal(['first one-x', 'second two-y']);
    expect(messages(compiled(sch, dir))).to.deep.equal(['first one-x', 'second two-y']);
    const warm = compiled(sch, dir);
    expect(warm.fromCache).to.equal(true);
    expect(messages(warm)).to.deep.equal(['first one-x', 'second two-y']);
  });

  it('ignores a damaged or foreign entry, finds the same, and writes a good one', () => {
    const dir = join(work, 'damaged');
    const reference = findings(compiled(EDITION_SCH), files);
    compiled(EDITION_SCH, dir);
    const [name] = entries(dir);
    const path = join(dir, name!);
    const good = readFileSync(path, 'utf8');
    const entry = JSON.parse(good) as { schema: string; calls: { src: string; code: { body: string } }[] };
    const damaged = [
      good.slice(0, good.length / 2),
      'null',
      JSON.stringify({ ...entry, schema: `${entry.schema} ` }),
      JSON.stringify({ ...entry, engine: 'another version' }),
      JSON.stringify({ ...entry, calls: entry.calls.slice(1) }),
      JSON.stringify({ ...entry, calls: entry.calls.map((c, i) => (i === 3 ? { ...c, code: { ...c.code, body: 'return {' } } : c)) }),
      JSON.stringify({ ...entry, calls: entry.calls.map((c, i) => (i === 3 ? { ...c, src: `${c.src} ` } : c)) }),
    ];
    for (const [i, text] of damaged.entries()) {
      writeFileSync(path, text);
      const schema = compiled(EDITION_SCH, dir);
      expect(schema.fromCache, `damage ${i}`).to.equal(false);
      expect(findings(schema, files), `damage ${i}`).to.deep.equal(reference);
      expect(readFileSync(path, 'utf8'), `damage ${i} repaired`).to.equal(good);
    }
  });

  it('works when the cache folder cannot be written', () => {
    const blocker = join(work, 'a-file');
    writeFileSync(blocker, '');
    const dir = join(blocker, 'cache');
    const schema = compiled(EDITION_SCH, dir);
    expect(schema.fromCache).to.equal(false);
    expect(findings(schema, files)).to.deep.equal(findings(compiled(EDITION_SCH), files));
  });
});
