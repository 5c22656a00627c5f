/**
 * Golden tests of the validator's messages: each folder of test/fixtures/relaxng/ holds an
 * instance of letter.rng and the diagnostics expected for it (code, line, column, message).
 * `UPDATE=1` rewrites the expected files; review the diff like code.
 */
import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSchema, SchemaLoadError, validateFile } from '../../src/validate/relaxng/index.js';
import { elementLocator, locateElement } from '../../src/xml/locate.js';
import { ROOT, scratchDir } from '../helpers.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'relaxng');

describe('RELAX NG messages (golden fixtures)', function () {
  const schema = loadSchema(join(FIXTURES, 'letter.rng'));
  const cases = readdirSync(FIXTURES).filter((d) => statSync(join(FIXTURES, d)).isDirectory());

  it('has a fixture for every kind of problem the brief names', function () {
    for (const name of ['wrong-element', 'missing-element', 'wrong-order', 'bad-attribute-value', 'unknown-attribute', 'text-not-allowed', 'duplicate-id', 'dangling-idref', 'not-well-formed', 'bad-date']) {
      expect(cases).to.include(name);
    }
  });

  for (const name of cases) {
    it(name, function () {
      const dir = join(FIXTURES, name);
      const got = validateFile(schema, join(dir, 'instance.xml')).map((d) => ({ ...d, file: 'instance.xml' }));
      const goldenPath = join(dir, 'expected.json');
      if (process.env.UPDATE === '1' || !existsSync(goldenPath)) writeFileSync(goldenPath, JSON.stringify(got, null, 2) + '\n');
      const golden = JSON.parse(readFileSync(goldenPath, 'utf8')) as unknown[];
      expect(golden.length, 'a golden file must expect at least one diagnostic').to.be.greaterThan(0);
      expect(got).to.deep.equal(golden);
    });
  }
});

describe('RELAX NG validator behaviour', function () {
  const schema = loadSchema(join(FIXTURES, 'letter.rng'));

  it('accepts a valid document with no diagnostics', function () {
    const doc = `<telegram xmlns="http://www.tei-c.org/ns/1.0"><head>T</head><date when="1948-03-12"/>\n<p xml:id="a" corresp="b" type="original">x <hi>y</hi></p><p xml:id="b"/></telegram>`;
    const file = join(scratchDir('rng'), 'valid.xml');
    writeFileSync(file, doc);
    expect(validateFile(schema, file)).to.deep.equal([]);
  });

  it('reports an unreadable file as SHF-IO-001', function () {
    expect(validateFile(schema, join(FIXTURES, 'no-such-file.xml'))[0]!.code).to.equal('SHF-IO-001');
  });

  it('rejects an incorrect schema with SHF-RNG-010 placed in the schema', function () {
    const bad = join(scratchDir('rng'), 'bad.rng');
    writeFileSync(bad, '<element xmlns="http://relaxng.org/ns/structure/1.0" name="a">\n  <ref name="missing"/>\n</element>\n');
    try {
      loadSchema(bad);
      expect.fail('loaded');
    } catch (e) {
      expect(e).to.be.instanceOf(SchemaLoadError);
      const d = (e as SchemaLoadError).diagnostic;
      expect([d.code, d.line, d.column]).to.deep.equal(['SHF-RNG-010', 2, 3]);
    }
  });
});

describe('RELAX NG schema restrictions (spec section 7)', function () {
  it('places a duplicate attribute at the element that declares it, naming it', function () {
    const bad = join(scratchDir('rng'), 'dup.rng');
    writeFileSync(bad, '<grammar xmlns="http://relaxng.org/ns/structure/1.0">\n<start>\n  <element name="a">\n    <attribute name="x"/><attribute name="x"/>\n  </element>\n</start>\n</grammar>\n');
    try {
      loadSchema(bad);
      expect.fail('loaded');
    } catch (e) {
      const d = (e as SchemaLoadError).diagnostic;
      expect([d.code, d.line, d.column]).to.deep.equal(['SHF-RNG-010', 3, 3]);
      expect(d.message).to.contain('attribute x');
    }
  });
});

describe('XPath locations back to line and column', function () {
  const doc = `<TEI xmlns="http://www.tei-c.org/ns/1.0">\n <text>\n  <body>\n   <div><p/></div>\n   <div>\n    <p/><p n="2"/>\n   </div>\n  </body>\n </text>\n</TEI>`;

  it('finds the n-th element by local names', function () {
    expect(locateElement(doc, '/TEI[1]/text[1]/body[1]/div[2]/p[2]')).to.deep.equal({ line: 6, column: 9 });
  });

  it('accepts Q{ns}local steps, prefixes and attributes', function () {
    const at = elementLocator(doc);
    expect(at('/Q{http://www.tei-c.org/ns/1.0}TEI[1]/Q{http://www.tei-c.org/ns/1.0}text[1]')).to.deep.equal({ line: 2, column: 2 });
    expect(at('/tei:TEI/tei:text/tei:body/tei:div[2]/tei:p[2]/@n')).to.deep.equal({ line: 6, column: 12 });
    expect(at('/Q{urn:other}TEI[1]')).to.equal(undefined);
    expect(at('/TEI[1]/text[1]/body[1]/div[3]')).to.equal(undefined);
  });
});
