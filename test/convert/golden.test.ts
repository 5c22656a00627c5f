/**
 * Golden files: the expected TEI of each seed page, compared byte for byte. `UPDATE=1 npm test`
 * rewrites them — then read the diff as a scholar would: dates, numbers, correspondents,
 * archives, every paragraph in its place, the aligned pairs.
 */
import { expect } from 'chai';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePage } from '../../src/convert.js';
import { ROOT } from '../helpers.js';

const SOURCES = join(ROOT, 'sources');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'encode');

describe('encode: golden TEI of the seed pages', () => {
  for (const seed of readdirSync(SOURCES).filter((f) => f.endsWith('.txt')).sort()) {
    const name = seed.replace(/\.txt$/, '');
    it(`${name} gives test/fixtures/encode/${name}/expected.xml`, () => {
      const r = encodePage(readFileSync(join(SOURCES, seed)), `sources/${seed}`);
      expect(r.xml, JSON.stringify(r.diagnostics)).to.be.a('string');
      const expectedPath = join(FIXTURES, name, 'expected.xml');
      if (process.env.UPDATE === '1' || !existsSync(expectedPath)) {
        mkdirSync(join(FIXTURES, name), { recursive: true });
        writeFileSync(expectedPath, r.xml!);
      }
      expect(r.xml).to.equal(readFileSync(expectedPath, 'utf8'));
    });
  }
});
