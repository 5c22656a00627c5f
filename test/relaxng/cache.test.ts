/**
 * The on-disk cache of compiled schemas: a cached schema validates exactly like a fresh one, and
 * a change to any schema file (an included one too) makes the next load recompile.
 */
import { expect } from 'chai';
import { copyFileSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSchema, validateFile } from '../../src/validate/relaxng/index.js';
import { ROOT, scratchDir } from '../helpers.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'relaxng');

describe('RELAX NG compiled-schema cache', function () {
  it('gives the same diagnostics from the cache as from a fresh compile', function () {
    const dir = scratchDir('rng-cache');
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
    const dir = scratchDir('rng-cache');
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

  it('sees an edit that keeps the size and restores the modification time', function () {
    const dir = scratchDir('rng-cache');
    const main = join(dir, 'main.rng');
    writeFileSync(main, '<element name="a" xmlns="http://relaxng.org/ns/structure/1.0"><empty/></element>');
    const doc = join(dir, 'doc.xml');
    writeFileSync(doc, '<b/>');
    const cacheDir = join(dir, 'cache');
    expect(validateFile(loadSchema(main, { cacheDir }), doc).map((d) => d.code)).to.deep.equal(['SHF-RNG-001']);
    const before = statSync(main);
    writeFileSync(main, readFileSync(main, 'utf8').replace('name="a"', 'name="b"'));
    utimesSync(main, before.atime, before.mtime);
    expect(statSync(main).size).to.equal(before.size);
    expect(validateFile(loadSchema(main, { cacheDir }), doc)).to.deep.equal([]);
  });

  it('keeps using the entry when a schema file is rewritten with the same content', function () {
    const dir = scratchDir('rng-cache');
    const main = join(dir, 'main.rng');
    const text = '<element name="a" xmlns="http://relaxng.org/ns/structure/1.0"><empty/></element>';
    writeFileSync(main, text);
    const cacheDir = join(dir, 'cache');
    loadSchema(main, { cacheDir });
    const [entry] = readdirSync(cacheDir);
    const written = statSync(join(cacheDir, entry!)).ino;
    writeFileSync(main, text);
    const doc = join(dir, 'doc.xml');
    writeFileSync(doc, '<a/>');
    expect(validateFile(loadSchema(main, { cacheDir }), doc)).to.deep.equal([]);
    // Hashed, found unchanged, not compiled again (a new entry would be a new file: written, then renamed).
    expect(readdirSync(cacheDir)).to.deep.equal([entry]);
    expect(statSync(join(cacheDir, entry!)).ino, "the entry was written again").to.equal(written);
  });
});
