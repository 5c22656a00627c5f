/**
 * Schematron compiler and validation on fixtures: a small edition schema (test/fixtures/schematron/
 * edition.sch) with lets at every level, an abstract rule and pattern, keys, an authority document
 * passed as a parameter, phases and diagnostics, run on a TEI letter whose problems are known by
 * line and column.
 */
import { expect } from 'chai';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, scratchDir } from '../helpers.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import {
  compileSchematron,
  readXmlFile,
  SchematronCompileError,
  severityOfRole,
  validateSchematron,
} from '../../src/validate/schematron.js';
import { parseXml } from '../../src/xslt/saxon.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'schematron');
const SCHEMA = join(FIXTURES, 'edition.sch');
const LETTER = readFileSync(join(FIXTURES, 'letter.xml'), 'utf8');

/** `line:column severity code` of each diagnostic, sorted, for compact comparison. */
function summary(ds: Diagnostic[]): string[] {
  return ds.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`).sort();
}

function compileErrors(schema: string): Diagnostic[] {
  try {
    compileSchematron(join(FIXTURES, schema));
  } catch (e) {
    if (e instanceof SchematronCompileError) return e.diagnostics;
    throw e;
  }
  return [];
}

describe('Schematron validation', function () {
  this.timeout(60_000);
  const persons = () => ({ persons: readXmlFile(join(FIXTURES, 'persons.xml')) });

  it('reports each finding with its id, role, line and column (default phase)', () => {
    const found = validateSchematron(compileSchematron(SCHEMA), LETTER, 'letter.xml', { params: persons() });
    expect(summary(found)).to.deep.equal(
      [
        '7:12 error SHF-REF-001', // persName ref to a person not in persons.xml
        '8:12 warning SHF-TEST-001', // persName without ref (abstract rule, role warning)
        '8:79 error SHF-REF-002', // ptr to #d9 (key on the document itself)
        '10:7 error SHF-TEST-002', // div without n (abstract pattern instance)
        '11:20 error SHF-DATE-002', // date without when
        '11:53 info SHF-DATE-001', // report with role info
      ].sort(),
    );
    expect(found.every((d) => d.file === 'letter.xml')).to.equal(true);
  });

  it('evaluates value-of, name and diagnostics in the message, whitespace normalised', () => {
    const found = validateSchematron(compileSchematron(SCHEMA), LETTER, 'letter.xml', { params: persons() });
    const message = (code: string) => found.find((d) => d.code === code)?.message;
    expect(message('SHF-REF-001')).to.equal(
      'persName points to persons.xml#terebin, which is not in the persons list — known persons: stalin, molotov',
    );
    expect(message('SHF-TEST-001')).to.equal('persName has no ref attribute');
    expect(message('SHF-DATE-002')).to.equal('date "in winter" has no when attribute');
    expect(message('SHF-REF-002')).to.equal('ptr target #d9 matches no xml:id in this document');
  });

  it('takes authority documents from parameters, and without them reads the default beside the schema', () => {
    const extended = parseXml(
      '<listPerson xmlns="http://www.tei-c.org/ns/1.0"><person xml:id="stalin"/><person xml:id="terebin"/></listPerson>',
    );
    const compiled = compileSchematron(SCHEMA);
    const withTerebin = validateSchematron(compiled, LETTER, 'letter.xml', { params: { persons: extended } });
    expect(withTerebin.map((d) => d.code)).not.to.include('SHF-REF-001');
    const withDefault = validateSchematron(compiled, LETTER, 'letter.xml');
    expect(withDefault.filter((d) => d.code === 'SHF-REF-001').map((d) => d.line)).to.deep.equal([7]);
  });

  it('selects patterns by phase: a named phase, #ALL', () => {
    const refs = validateSchematron(compileSchematron(SCHEMA, { phase: 'references-only' }), LETTER, 'letter.xml', { params: persons() });
    expect(summary(refs)).to.deep.equal(['7:12 error SHF-REF-001', '8:12 warning SHF-TEST-001', '8:79 error SHF-REF-002'].sort());
    const all = validateSchematron(compileSchematron(SCHEMA, { phase: '#ALL' }), LETTER, 'letter.xml', { params: persons() });
    expect(all).to.have.length(6);
  });

  it('fires only the first matching rule of a pattern on a node', () => {
    // dates: the 1946 date matches both rules of the pattern; only the first (the report) fires.
    const found = validateSchematron(compileSchematron(SCHEMA), LETTER, 'letter.xml', { params: persons() });
    expect(found.filter((d) => d.line === 11 && d.column === 53).map((d) => d.code)).to.deep.equal(['SHF-DATE-001']);
  });

  it('gives no finding on a document that satisfies the rules, and parses a document once for several runs', () => {
    const text =
      '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div n="1"><p><persName ref="#stalin">S</persName> <date when="1950-02-14">14 Feb</date></p></div></body></text></TEI>';
    const parsed = { text, node: parseXml(text) };
    const compiled = compileSchematron(SCHEMA);
    expect(validateSchematron(compiled, parsed, 'ok.xml', { params: persons() })).to.deep.equal([]);
    expect(validateSchematron(compiled, parsed, 'ok.xml', { params: persons() })).to.deep.equal([]);
  });

  it('maps roles to severities', () => {
    expect(['error', 'fatal', 'warning', 'warn', 'info', undefined, 'other'].map((r) => severityOfRole(r))).to.deep.equal([
      'error',
      'error',
      'warning',
      'warning',
      'info',
      'error',
      'error',
    ]);
  });

  it('rejects a document that is not well-formed with one diagnostic', () => {
    const found = validateSchematron(compileSchematron(SCHEMA), '<TEI><unclosed></TEI>', 'bad.xml');
    expect(found.map((d) => d.code)).to.deep.equal(['SHF-SCH-004']);
  });
});

describe('Schematron includes', function () {
  this.timeout(60_000);
  const LIST = '<list>\n  <item n="1"/>\n  <item/>\n  <item n="3"/>\n  <item n="4"/>\n</list>\n';

  it('compiles patterns from included files, with let content and rule subjects', () => {
    const found = validateSchematron(compileSchematron(join(FIXTURES, 'with-include.sch')), LIST, 'list.xml');
    expect(found.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`)).to.deep.equal([
      '1:1 error INCLUDED-001 a list holds at most 3 items, not 4',
      // subject="@n" on an item without n: the finding falls back to the rule's context, the item
      '3:3 warning LOCAL-001 item has no n',
    ]);
  });

  it('recompiles when an included file changes', () => {
    const dir = scratchDir('sch');
    try {
      for (const f of ['with-include.sch', 'included-pattern.sch']) copyFileSync(join(FIXTURES, f), join(dir, f));
      const before = validateSchematron(compileSchematron(join(dir, 'with-include.sch')), LIST, 'list.xml');
      expect(before.map((d) => d.code)).to.include('INCLUDED-001');
      const included = join(dir, 'included-pattern.sch');
      writeFileSync(included, readFileSync(included, 'utf8').replace('le $limit', 'le $limit + 1'));
      const after = validateSchematron(compileSchematron(join(dir, 'with-include.sch')), LIST, 'list.xml');
      expect(after.map((d) => d.code)).not.to.include('INCLUDED-001');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Schematron with XSLT modules', function () {
  this.timeout(60_000);

  it('runs functions from an xsl:include of the schema, and recompiles when that module changes', () => {
    const dir = scratchDir('sch');
    try {
      for (const f of ['with-xsl-include.sch', 'functions.xsl']) copyFileSync(join(FIXTURES, f), join(dir, f));
      const doc = '<list><item n="2"/><item n="3"/></list>';
      const odd = validateSchematron(compileSchematron(join(dir, 'with-xsl-include.sch')), doc, 'list.xml');
      expect(odd.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).to.deep.equal(['1:20 EVEN-001 item 3 is odd']);
      const functions = join(dir, 'functions.xsl');
      writeFileSync(functions, readFileSync(functions, 'utf8').replace('mod 2 = 0', 'mod 2 = 1'));
      const even = validateSchematron(compileSchematron(join(dir, 'with-xsl-include.sch')), doc, 'list.xml');
      expect(even.map((d) => `${d.line}:${d.column} ${d.code}`)).to.deep.equal(['1:7 EVEN-001']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Schematron dynamic errors', function () {
  this.timeout(60_000);

  it('reports a rule that raises an XPath error as SHF-SCH-005, naming the test in the schema', () => {
    const compiled = compileSchematron(join(FIXTURES, 'dynamic-error.sch'));
    const found = validateSchematron(compiled, '<list>\n  <item n="3"/>\n  <item n="x"/>\n</list>', 'list.xml');
    expect(found.map((d) => d.code)).to.deep.equal(['SHF-SCH-005']);
    expect(found[0]!.message).to.match(/dynamic-error\.sch:5:7 raised FORG0001/);
    expect(validateSchematron(compiled, '<list><item n="3"/></list>', 'ok.xml')).to.deep.equal([]);
  });
});

describe('Schematron schema errors', function () {
  this.timeout(60_000);

  it('reports dangling extends and diagnostics references at their line in the schema', () => {
    const errors = compileErrors('broken.sch');
    expect(errors.map((d) => `${d.line}:${d.column} ${d.code}`)).to.deep.equal(['5:7 SHF-SCH-001', '6:7 SHF-SCH-001']);
    expect(errors[0]!.message).to.contain("rule='nowhere'");
    expect(errors[1]!.message).to.contain("diagnostic 'missing'");
    expect(errors[0]!.file).to.match(/broken\.sch$/);
  });

  it('reports an XPath syntax error at the rule holding it', () => {
    const errors = compileErrors('bad-xpath.sch');
    expect(errors).to.have.length(1);
    expect(errors[0]!.line).to.equal(8);
    expect(errors[0]!.code).to.equal('SHF-SCH-001');
    expect(errors[0]!.message).to.contain('count(@n) =');
  });

  it('rejects parts of the standard it does not implement instead of ignoring them', () => {
    const errors = compileErrors('unsupported.sch');
    expect(errors.map((d) => `${d.line}:${d.column} ${d.message}`)).to.deep.equal([
      '2:3 sch:group is not supported; use sch:pattern',
      '3:3 sch:pattern/@documents (patterns on other documents) is not supported',
    ]);
  });

  it('reports an unknown phase', () => {
    expect(() => compileSchematron(SCHEMA, { phase: 'nonesuch' })).to.throw(SchematronCompileError, /phase 'nonesuch' is not defined/);
  });
});
