/**
 * The model of each seed page, pinned as JSON in test/fixtures/ingest/<seed>.model.json: the
 * encoder's input, reviewed like code. `UPDATE=1` rewrites the files after a deliberate change.
 */
import { expect } from 'chai';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';
import { ingestPage } from '../../src/ingest/index.js';
import { SEEDS, seedText } from './helpers.js';

describe('ingest: golden models of the seed pages', () => {
  for (const s of SEEDS) {
    it(`${s} gives test/fixtures/ingest/${s}.model.json`, () => {
      const r = ingestPage(seedText(s), `sources/${s}.txt`);
      const actual = `${JSON.stringify(r, null, 1)}\n`;
      const path = join(ROOT, 'test', 'fixtures', 'ingest', `${s}.model.json`);
      if (process.env['UPDATE'] === '1') writeFileSync(path, actual);
      expect(existsSync(path), `${path} missing: run with UPDATE=1`).to.equal(true);
      expect(actual).to.equal(readFileSync(path, 'utf8'));
    });
  }
});
