/**
 * The on-disk cache of compiled schemas: a cached schema validates exactly like a fresh one, and
 * a change to any schema file (an included one too) makes the next load recompile.
 */
import { expect } from 'chai';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSchema, validateFile } from '../../src/validate/relaxng/index.js';
import { ROOT } from '../helpers.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'relaxng');

describe('RELAX NG compiled-schema cache', function () {
  it('gives the same diagnostics from the cache as from a fresh compile', function () {
    const dir = mkdtempSync(join(tmpdir(), 'shifr-rng-cache-'));
    const schemaPath = join(FIXTURES, 'letter.rng');
    const fresh = loadSchema(schemaPath);
    loadSchema(schemaPath, { cacheDir: dir });
    expect(readdirSync(dir).filter((f) => f.endsWith('.json'))).to.have.length(1);
    const cached = loadSchema(schemaPath, { cacheDir: dir });
    for (const c of ['several-errors', 'bad-date', 'duplicate-id', 'dangling-idref', 'wrong-order']) {
      const instance = join(FIXTURES, c, 'instance.xml');
      expect(validateFile(cached, instance), c).to.deep.equal(validateFile(fresh, instance));
    }
  });

  it('recompiles when an included schema file changes', function () {
    const dir = mkdtempSync(join(tmpdir(), 'shifr-rng-cache-'));
    const main = join(dir, 'main.rng');
    const part = join(dir, 'part.rng');
    writeFileSync(main, '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><include href="part.rng"/><start><ref name="root"/></start></grammar>');
    writeFileSync(part, '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><define name="root"><element name="a"><empty/></element></define></grammar>');
    const doc = join(dir, 'doc.xml');
    writeFileSync(doc, '<b/>');
    const cacheDir = join(dir, 'cache');
    expect(validateFile(loadSchema(main, { cacheDir }), doc).map((d) => d.code)).to.deep.equal(['SHF-RNG-001']);
    writeFileSync(part, readFileSync(part, 'utf8').replace('name="a"', 'name="b"'));
    expect(validateFile(loadSchema(main, { cacheDir }), doc)).to.deep.equal([]);
    copyFileSync(join(FIXTURES, 'letter.rng'), main);
    expect(validateFile(loadSchema(main, { cacheDir }), doc).map((d) => d.code)).to.deep.equal(['SHF-RNG-001']);
  });
});
