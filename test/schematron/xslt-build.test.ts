/**
 * The XSLT build step (src/xslt/build.ts): entries found by the `_` convention, SEFs rebuilt only
 * when a source in the include closure changes, a hand-edited SEF never used, compile errors as
 * placed diagnostics. Runs on a throw-away project folder so the real cache is left alone.
 */
import { expect } from 'chai';
import { readFileSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  compileStylesheets,
  findEntryStylesheets,
  isSefFresh,
  loadSef,
  parseXslt3Errors,
  sefPathFor,
  stylesheetClosure,
} from '../../src/xslt/build.js';
import { parseXml, transform } from '../../src/xslt/saxon.js';
import { scratchDir } from '../helpers.js';

const XSL = 'xmlns:xsl="http://www.w3.org/1999/XSL/Transform"';

describe('XSLT build (SEF cache)', function () {
  this.timeout(60_000);
  let root: string;
  let entry: string;
  let module: string;

  before(() => {
    root = scratchDir('xslt');
    mkdirSync(join(root, 'xslt', 'sub'), { recursive: true });
    entry = join(root, 'xslt', 'sub', 'hello.xsl');
    module = join(root, 'xslt', 'sub', '_greeting.xsl');
    writeFileSync(entry, `<xsl:stylesheet version="3.0" ${XSL}>\n  <xsl:include href="_greeting.xsl"/>\n  <xsl:template match="/"><out><xsl:call-template name="greet"/></out></xsl:template>\n</xsl:stylesheet>\n`);
    writeFileSync(module, `<xsl:stylesheet version="3.0" ${XSL}>\n  <xsl:template name="greet">hello</xsl:template>\n</xsl:stylesheet>\n`);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const run = (sefPath: string): string =>
    transform({ stylesheet: loadSef(entry, sefPath), source: parseXml('<in/>') }, 'serialized').replace(/^<\?xml[^>]*\?>/, '');

  it('finds entries (not _modules) and their include closure', () => {
    expect(findEntryStylesheets(root)).to.deep.equal([entry]);
    expect(stylesheetClosure(entry)).to.deep.equal([entry, module]);
  });

  it('compiles stale entries once, then leaves fresh ones alone', async () => {
    const first = await compileStylesheets({ root });
    expect(first.diagnostics).to.deep.equal([]);
    expect(first.compiled).to.deep.equal([entry]);
    expect(sefPathFor(entry, root)).to.equal(join(root, '.cache', 'sef', 'xslt', 'sub', 'hello.sef.json'));
    const second = await compileStylesheets({ root });
    expect(second.compiled).to.deep.equal([]);
    expect(second.upToDate).to.deep.equal([entry]);
    expect(run(sefPathFor(entry, root))).to.equal('<out>hello</out>');
  });

  it('does not rebuild when a source is only touched, rebuilds when an included module changes', async () => {
    utimesSync(module, new Date(), new Date());
    expect(isSefFresh(entry, sefPathFor(entry, root))).to.equal(true);
    writeFileSync(module, readFileSync(module, 'utf8').replace('hello', 'good day'));
    expect(isSefFresh(entry, sefPathFor(entry, root))).to.equal(false);
    const report = await compileStylesheets({ root });
    expect(report.compiled).to.deep.equal([entry]);
    expect(run(sefPathFor(entry, root))).to.equal('<out>good day</out>');
  });

  it('never uses a SEF edited by hand: it is rebuilt from the sources', async () => {
    const sefPath = sefPathFor(entry, root);
    writeFileSync(sefPath, readFileSync(sefPath, 'utf8').replace('good day', 'tampered'));
    expect(isSefFresh(entry, sefPath)).to.equal(false);
    expect(run(sefPath)).to.equal('<out>good day</out>');
    expect(readFileSync(sefPath, 'utf8')).not.to.contain('tampered');
  });

  it('reports compile errors as SHF-XSLT-001 diagnostics with file and line', async () => {
    const broken = join(root, 'xslt', 'broken.xsl');
    writeFileSync(broken, `<xsl:stylesheet version="3.0" ${XSL}>\n  <xsl:template match="/">\n    <xsl:valu-of select="1"/>\n  </xsl:template>\n</xsl:stylesheet>\n`);
    try {
      const report = await compileStylesheets({ root });
      expect(report.diagnostics).to.have.length(1);
      const [d] = report.diagnostics;
      expect(d!.code).to.equal('SHF-XSLT-001');
      expect(d!.file).to.match(/broken\.xsl$/);
      expect(d!.line).to.equal(3);
      expect(d!.message).to.contain('xsl:valu-of');
    } finally {
      rmSync(broken);
    }
  });

  it('reads the places of the three kinds of xslt3 error message', () => {
    const xpath = parseXslt3Errors('Error XPST0003:\n  Static error in XPath on line 3 {foo bar}: Found name "bar"\nFailed to compile stylesheet\n', entry, root);
    expect(xpath.map((d) => [d.line, d.message])).to.deep.equal([[3, 'XPST0003: Static error in XPath on line 3 {foo bar}: Found name "bar"']]);
    const xml = parseXslt3Errors(`Error FODC0002:\n  Failed parsing XML in file://${entry}: Unexpected close tag at line 1 column 31\n`, entry, root);
    expect(xml.map((d) => [d.file, d.line, d.column])).to.deep.equal([['xslt/sub/hello.xsl', 2, 31]]);
  });
});

describe('SaxonJS wrapper', function () {
  this.timeout(60_000);

  it('leaves no key index behind on documents that outlive a transform (no leak across 50 runs)', () => {
    const dir = scratchDir('key');
    try {
      const xsl = join(dir, 'lookup.xsl');
      writeFileSync(
        xsl,
        `<xsl:stylesheet version="3.0" ${XSL}><xsl:param name="list"/><xsl:key name="k" match="item" use="@id"/>` +
          `<xsl:template match="/"><out><xsl:value-of select="count(key('k', 'b', $list))"/></out></xsl:template></xsl:stylesheet>`,
      );
      const stylesheet = loadSef(xsl, join(dir, 'lookup.sef.json'));
      const list = parseXml('<list><item id="a"/><item id="b"/></list>');
      const source = parseXml('<x/>');
      for (let i = 0; i < 50; i++) {
        expect(transform({ stylesheet, source, params: { list } }, 'serialized')).to.contain('<out>1</out>');
      }
      expect(Object.keys(list).filter((k) => k.startsWith('_saxonIndexes'))).to.deep.equal([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
