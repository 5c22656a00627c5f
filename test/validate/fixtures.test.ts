/**
 * One folder per defect kind in test/fixtures/validate/<case>/: the TEI input and the diagnostics
 * `shifr validate --format json` must give (code, line, column, severity). `UPDATE=1` rewrites the
 * expected files — review them like code. The authority files the cases point into are in
 * test/fixtures/validate/_authorities/.
 */
import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../../src/diagnostics.js';
import { ROOT, runCli } from '../helpers.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'validate');
const AUTHORITIES = join(FIXTURES, '_authorities');

interface Expected {
  code: string;
  line: number;
  column: number;
  severity: string;
}

const cases = readdirSync(FIXTURES)
  .filter((name) => !name.startsWith('_') && existsSync(join(FIXTURES, name, 'input.xml')))
  .sort();

describe('shifr validate: one fixture per defect kind', function () {
  this.timeout(120_000);

  it('has at least 15 defect kinds besides the valid file', () => {
    expect(cases.filter((c) => c !== 'valid').length).to.be.at.least(15);
  });

  for (const name of cases) {
    it(name, async () => {
      const input = join(FIXTURES, name, 'input.xml');
      const r = await runCli(['validate', input, '--format', 'json', '--authorities', AUTHORITIES]);
      const got: Expected[] = (JSON.parse(r.stdout) as Diagnostic[]).map((d) => ({ code: d.code, line: d.line, column: d.column, severity: d.severity }));
      const expectedPath = join(FIXTURES, name, 'expected.json');
      if (process.env.UPDATE === '1') writeFileSync(expectedPath, JSON.stringify(got, null, 2) + '\n');
      const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected[];
      expect(got).to.deep.equal(expected);
      expect(r.code, 'exit code').to.equal(expected.some((d) => d.severity === 'error') ? 1 : 0);
    });
  }
});
