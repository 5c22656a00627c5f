import { expect } from 'chai';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES } from '../../src/codes.js';
import { compileOdd, type OddSchemas } from '../../src/odd/index.js';
import { ROOT, runCli, scratchDir } from '../helpers.js';

const ODD = join(ROOT, 'odd', 'shifr.odd');

describe('shifr odd', function () {
  this.timeout(120_000);
  let tmp: string;
  let compiled: OddSchemas;
  before(() => {
    tmp = scratchDir('odd');
    compiled = compileOdd(ODD);
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('the committed odd/shifr.rng and odd/shifr.sch are what odd/shifr.odd compiles to (run "shifr odd" if not)', () => {
    expect(readFileSync(join(ROOT, 'odd', 'shifr.rng'), 'utf8') === compiled.rng, 'odd/shifr.rng is stale').to.equal(true);
    expect(readFileSync(join(ROOT, 'odd', 'shifr.sch'), 'utf8') === compiled.sch, 'odd/shifr.sch is stale').to.equal(true);
  });

  it('--check exits 1 and names the stale file when a generated schema differs from the ODD', async () => {
    const odd = join(tmp, 'shifr.odd');
    copyFileSync(ODD, odd);
    expect((await runCli(['odd', '--odd', odd, '--quiet'])).code).to.equal(0);
    writeFileSync(join(tmp, 'shifr.sch'), readFileSync(join(tmp, 'shifr.sch'), 'utf8').replace('SHF-REF-001', 'SHF-REF-999'));
    const stale = await runCli(['odd', '--odd', odd, '--check']);
    expect(stale.code).to.equal(1);
    expect(stale.stderr).to.match(/shifr\.sch error SHF-ODD-002 .*shifr\.sch is stale/);
    expect(stale.stderr).not.to.match(/shifr\.rng/);
  });

  it('exits 2 with SHF-ODD-001 naming the dangling key when the ODD refers to an undeclared element', async () => {
    const odd = join(tmp, 'broken.odd');
    writeFileSync(odd, readFileSync(ODD, 'utf8').replace('<elementRef key="teiHeader"/>', '<elementRef key="teiHeadr"/>'));
    const r = await runCli(['odd', '--odd', odd]);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/error SHF-ODD-001 ODD error: elementRef key="teiHeadr" names no specification/);
  });

  it('gives the grammar closed value lists with their glosses, and XSD datatypes', () => {
    expect(compiled.rng).to.include('datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes"');
    expect(compiled.rng).to.match(/<value>sent<\/value>\s*<a:documentation>the sender, place and date of sending<\/a:documentation>/);
    expect(compiled.rng).to.match(/<data type="date"\/>/);
  });

  it('gives every Schematron assert an id that is a catalogued code, and the code\'s severity as role', () => {
    const asserts = [...compiled.sch.matchAll(/<sch:assert ([^>]*)>/g)].map((m) => m[1]!);
    expect(asserts.length).to.be.at.least(20);
    for (const a of asserts) {
      const id = /id="([^"]+)"/.exec(a)?.[1] ?? '';
      const role = /role="([^"]+)"/.exec(a)?.[1];
      expect(CODES[id], `assert ${id} is in src/codes.ts`).to.not.equal(undefined);
      expect(role, id).to.equal(CODES[id]!.severity);
    }
  });

  it('writes encoding guidelines with every element, value lists and examples from the edition\'s files (--html)', async () => {
    const r = await runCli(['odd', '--odd', ODD, '--html', tmp, '--tei', join(ROOT, 'test', 'fixtures', 'validate', 'valid'), '--quiet']);
    expect(r.code).to.equal(0);
    const html = readFileSync(join(tmp, 'site', 'guidelines', 'index.html'), 'utf8');
    expect(html).to.match(/^<!DOCTYPE html>/i);
    const elements = [...readFileSync(ODD, 'utf8').matchAll(/<elementSpec ident="([^"]+)"/g)].map((m) => m[1]!);
    for (const e of elements) expect(html, e).to.include(`id="${e}"`);
    expect(html).to.include('<dt><code>"translation"</code></dt>');
    expect(html).to.match(/<figcaption>Example from <code>input\.xml<\/code><\/figcaption><pre><code>&lt;correspAction type="sent"&gt;/);
  });
});
