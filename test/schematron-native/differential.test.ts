/**
 * The native Schematron engine against the XSLT one (the reference): for the edition's schema,
 * every finding — code, severity, line, column and message — must be the same on the defect
 * fixtures of test/fixtures/validate/, on the edition's files in tei/, and on telegrams mutated
 * to break each kind of rule. A schema outside the native subset must fall back to the XSLT
 * engine and still give its findings.
 */
import { expect } from 'chai';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, scratchDir } from '../helpers.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { AUTHORITY_FILES, editionSchemas, FileValidator } from '../../src/validate/index.js';
import { buildTree, nativeSchematron, validateNative } from '../../src/validate/schematron-native/index.js';
import { compileSchematron, validateSchematron } from '../../src/validate/schematron.js';
import { parseXml } from '../../src/xslt/saxon.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'validate');
const TEI_DIR = join(ROOT, 'tei');

const line = (d: Diagnostic): string => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`;

/** Mutations of a telegram, each breaking one rule of the edition (or several). */
const MUTATIONS: Record<string, (text: string) => string> = {
  'dangling person': (t) => t.replace('persons.xml#krasovsky', 'persons.xml#nobody'),
  'unknown file': (t) => t.replace('persons.xml#stalin', 'people.xml#stalin'),
  'wrong kind': (t) => t.replace('places.xml#beijing', 'persons.xml#stalin'),
  'duplicate id': (t) => t.replace('xml:id="wcda-112147-ru-archival-p2"', 'xml:id="wcda-112147-ru-archival-p1"'),
  'paragraph id pattern': (t) => t.replace('xml:id="wcda-112147-ru-archival-p2"', 'xml:id="wcda-112147-ru-archival-x2"'),
  'bad date': (t) => t.replace(/(<correspAction type="sent">\s*<persName[^>]*>[^<]*<\/persName>\s*<date when=")1951-07-03/, '$1July'),
  'date disagrees': (t) => t.replace(/(<correspAction type="sent">\s*<persName[^>]*>[^<]*<\/persName>\s*<date when=")1951-07-03/, '$11950-01-01'),
  'one-way alignment': (t) => t.replace('corresp="#wcda-112147-en-p1"', 'corresp="#wcda-112147-en-p2"'),
  'same-version alignment': (t) => t.replace('corresp="#wcda-112147-en-p1"', 'corresp="#wcda-112147-ru-archival-p2"'),
  'translation language': (t) => t.replace(/<div type="translation"([^>]*)xml:lang="en"/, '<div type="translation"$1xml:lang="de"'),
  'archival parts': (t) => t.replace('<idno type="fond">', '<idno type="fund">'),
  'telegram number': (t) => t.replace(/<idno type="telegram" subtype="outgoing"([^>]*)>/, '<idno type="telegram"$1>'),
  'no translation': (t) => t.replace(/<div type="translation"/, '<div type="part"'),
};

describe('native Schematron engine = XSLT engine (edition schema)', function () {
  this.timeout(120_000);
  const schemas = editionSchemas();
  let native: FileValidator;
  let xslt: FileValidator;
  let work: string;

  before(() => {
    native = new FileValidator(schemas, { authorities: join(FIXTURES, '_authorities') });
    xslt = new FileValidator(schemas, { authorities: join(FIXTURES, '_authorities'), schematronEngine: 'xslt' });
    work = scratchDir('native');
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  /** Writes a schema of these patterns (the tei prefix declared) into the work folder; returns its path. */
  const writeSchema = (name: string, patterns: string): string => {
    const sch = join(work, `${name}.sch`);
    writeFileSync(sch, `<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt3">\n  <ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>\n  ${patterns}\n</schema>`);
    return sch;
  };

  it('runs the edition schema natively', () => {
    expect(nativeSchematron(schemas.sch!)).to.have.property('schema');
    expect(native.nativeSchematron).to.equal(true);
    expect(xslt.nativeSchematron).to.equal(false);
  });

  it('gives the same findings on every defect fixture', () => {
    const cases = readdirSync(FIXTURES).filter((c) => existsSync(join(FIXTURES, c, 'input.xml')));
    let findings = 0;
    for (const c of cases) {
      const file = join(FIXTURES, c, 'input.xml');
      const got = native.validate(file).map(line);
      expect(got, c).to.deep.equal(xslt.validate(file).map(line));
      findings += got.filter((l) => / SHF-(REF|ALIGN|DATE|DIV|LANG|ID|ARCH|TEL)-/.test(l)).length;
    }
    // The comparison means something only if the rules fire.
    expect(findings).to.be.at.least(15);
  });

  it('gives the same findings on the edition files and on mutated telegrams', () => {
    const editionNative = new FileValidator(schemas);
    const editionXslt = new FileValidator(schemas, { schematronEngine: 'xslt' });
    for (const name of readdirSync(TEI_DIR).filter((n) => n.endsWith('.xml'))) {
      const file = join(TEI_DIR, name);
      expect(editionNative.validate(file).map(line), name).to.deep.equal(editionXslt.validate(file).map(line));
    }
    for (const a of Object.values(AUTHORITY_FILES)) copyFileSync(join(TEI_DIR, a), join(work, a));
    const original = readFileSync(join(TEI_DIR, 'wcda-112147.xml'), 'utf8');
    const codes = new Set<string>();
    for (const [name, mutate] of Object.entries(MUTATIONS)) {
      const text = mutate(original);
      expect(text, `mutation "${name}" applies`).to.not.equal(original);
      const file = join(work, `wcda-112147.xml`);
      writeFileSync(file, text);
      const got = editionNative.validate(file);
      expect(got.map(line), name).to.deep.equal(editionXslt.validate(file).map(line));
      for (const d of got) codes.add(d.code);
    }
    for (const code of ['SHF-REF-001', 'SHF-REF-002', 'SHF-REF-003', 'SHF-ID-001', 'SHF-ID-002', 'SHF-DATE-001', 'SHF-DATE-002', 'SHF-ALIGN-002', 'SHF-ALIGN-003', 'SHF-DIV-003', 'SHF-DIV-002']) {
      expect([...codes], code).to.include(code);
    }
  });

  it('gives the same findings for phases, abstract rules, diagnostics, functions, keys and lets at every level', () => {
    // The compiler's own fixture schema, with its abstract pattern and xs:date casts (outside the
    // subset) replaced by constructs within it.
    const fixtures = join(ROOT, 'test', 'fixtures', 'schematron');
    const sch = join(work, 'layers.sch');
    const source = readFileSync(join(fixtures, 'edition.sch'), 'utf8')
      .replace(/<pattern abstract="true"[\s\S]*?<\/pattern>\s*<pattern id="required-n"[\s\S]*?<\/pattern>/, '<pattern id="required-n"><let name="where" value="\'div\'"/><rule context="tei:div"><assert test="@n" id="SHF-TEST-002" role="{$where}">a <value-of select="$where"/> needs @n; <name path=".."/> holds it</assert></rule></pattern>')
      .replace("xs:date(@when) lt xs:date('1947-01-01')", "@when lt '1947-01-01'");
    expect(source).to.not.include('is-a=');
    writeFileSync(sch, source);
    copyFileSync(join(fixtures, 'persons.xml'), join(work, 'persons.xml'));
    const compiled = nativeSchematron(sch);
    expect(compiled, 'native').to.have.property('schema');
    const letter = readFileSync(join(fixtures, 'letter.xml'), 'utf8');
    for (const phase of ['#DEFAULT', '#ALL', 'references-only']) {
      const nativePhase = nativeSchematron(sch, phase);
      if (!('schema' in nativePhase)) throw new Error(nativePhase.unsupported);
      const persons = readFileSync(join(fixtures, 'persons.xml'), 'utf8');
      const native = validateNative(nativePhase.schema, buildTree(letter), 'letter.xml', { persons: buildTree(persons) });
      const reference = validateSchematron(compileSchematron(sch, { phase }), letter, 'letter.xml', { params: { persons: parseXml(persons) } });
      expect(native.map(line), phase).to.deep.equal(reference.map(line));
      expect(native.length, phase).to.be.greaterThan(0);
      // Trees whose builder listed the keyed attributes' carriers (a key restricted to tei:person
      // among them) index from those lists, with the same findings.
      const watched = nativePhase.schema.keyAttributes;
      expect(watched.map((a) => a.local), phase).to.include('id');
      const listed = validateNative(nativePhase.schema, buildTree(letter, '', '', watched), 'letter.xml', { persons: buildTree(persons, '', '', watched) });
      expect(listed.map(line), phase).to.deep.equal(reference.map(line));
    }
  });

  it('falls back to the XSLT engine for a schema outside the subset, with the same findings', () => {
    // An abstract pattern (is-a) is outside the native subset.
    const sch = writeSchema('abstract', `<pattern abstract="true" id="needs"><rule context="$element"><assert test="$attribute" id="T-001">$element lacks it</assert></rule></pattern>
  <pattern id="div-n" is-a="needs"><param name="element" value="tei:div"/><param name="attribute" value="@n"/></pattern>`);
    const outside = nativeSchematron(sch);
    expect(outside).to.have.property('unsupported').that.matches(/abstract/);
    const validator = new FileValidator({ rng: schemas.rng, sch });
    expect(validator.nativeSchematron).to.equal(false);
    const found = validator.validate(join(TEI_DIR, 'wcda-112147.xml')).filter((d) => d.code === 'T-001');
    expect(found.length).to.be.greaterThan(0);
    expect(found[0]!.line).to.be.greaterThan(0);
  });

  it('answers the following and preceding axes and id() as the XSLT engine does', () => {
    const sch = writeSchema('axes', `<pattern><rule context="tei:p | tei:hi | tei:div/@type | tei:pb">
    <report test="true()" id="T-AXES">following: <value-of select="string-join(following::*/local-name(), ',')"/>;
      first following p: <value-of select="following::tei:p[1]/@xml:id"/>; last following: <value-of select="local-name(following::*[last()])"/>;
      preceding: <value-of select="string-join(preceding::*/local-name(), ',')"/>; nearest preceding p: <value-of select="preceding::tei:p[1]/@xml:id"/>;
      furthest preceding: <value-of select="local-name(preceding::*[last()])"/>; texts before: <value-of select="count(preceding::text())"/>;
      texts after: <value-of select="count(following::text())"/>;
      by id: <value-of select="string-join(id(tokenize(string(@corresp), '\\s+') ! substring(., 2))/@xml:id, ',')"/>;
      in context: <value-of select="string-join(id(('x', ancestor::tei:div[1]/@xml:id, 'no:name'), .)/local-name(), ',')"/></report>
  </rule></pattern>`);
    const viaNative = new FileValidator({ rng: schemas.rng, sch });
    expect(viaNative.nativeSchematron).to.equal(true);
    const viaXslt = new FileValidator({ rng: schemas.rng, sch }, { schematronEngine: 'xslt' });
    for (const name of ['wcda-112147.xml', 'wcda-113022.xml']) {
      const file = join(TEI_DIR, name);
      const got = viaNative.validate(file).filter((d) => d.code === 'T-AXES');
      expect(got.length, name).to.be.greaterThan(10);
      expect(got.some((d) => /by id: [^;]+-p\d/.test(d.message)), name).to.equal(true);
      expect(got.map(line), name).to.deep.equal(viaXslt.validate(file).filter((d) => d.code === 'T-AXES').map(line));
    }
  });

  it('hands a document the native engine declines (a dynamic error) to the XSLT engine', () => {
    const sch = writeSchema('dynamic', `<pattern><rule context="tei:TEI"><assert test="xs:integer(@xml:id) gt 0" id="T-002">not a number</assert></rule></pattern>`);
    const validator = new FileValidator({ rng: schemas.rng, sch });
    expect(validator.nativeSchematron).to.equal(true);
    const found = validator.validate(join(TEI_DIR, 'wcda-112147.xml'));
    // The XSLT engine's answer to an expression that raises an error on this document.
    expect(found.map((d) => d.code)).to.include('SHF-SCH-005');
  });
});
