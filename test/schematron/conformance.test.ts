/**
 * The Schematron cases of jing-trang's test suite (test/conformance/schematron-test.xml), run
 * through shifr's compiler. A `correct` schema must compile and an `incorrect` one be rejected;
 * a `valid` instance must give no finding and an `invalid` one at least one (failed assert or
 * successful report, as jing counts them). Case ids: `N` for the schema of the N-th testCase,
 * `N.K` for its K-th instance. Cases listed in schematron-known-failures.csv must fail (so that
 * the list is kept honest); any other case must pass.
 */
import { expect } from 'chai';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { ROOT } from '../helpers.js';
import { children, contentText } from './suite.js';
import {
  compileSchematron,
  prepareSchematron,
  SchematronCompileError,
  validateSchematron,
  type CompiledSchematron,
} from '../../src/validate/schematron.js';

interface Outcome {
  id: string;
  passed: boolean;
  detail: string;
}

const SUITE = join(ROOT, 'test', 'conformance', 'schematron-test.xml');
const KNOWN = join(ROOT, 'test', 'conformance', 'schematron-known-failures.csv');
// Stable folders, so that validators compiled by an earlier run are reused from .cache/.
const WORK = join(ROOT, '.cache', 'test', 'schematron-conformance');

function knownFailures(): Map<string, string> {
  const rows = readFileSync(KNOWN, 'utf8').split('\n').slice(1).filter((l) => l.trim());
  return new Map(rows.map((r) => [r.slice(0, r.indexOf(',')), r.slice(r.indexOf(',') + 1)]));
}


async function runSuite(): Promise<Outcome[]> {
  const suite = new DOMParser().parseFromString(readFileSync(SUITE, 'utf8'), 'text/xml');
  const cases = Array.from(suite.getElementsByTagName('testCase'));
  const schemaPath = (index: number): string => join(WORK, String(index + 1), 'schema.sch');
  cases.forEach((testCase, index) => {
    const dir = join(WORK, String(index + 1));
    mkdirSync(dir, { recursive: true });
    for (const resource of children(testCase, 'resource')) writeFileSync(join(dir, resource.getAttribute('name')!), contentText(resource));
    const schemaHolder = children(testCase, 'correct')[0] ?? children(testCase, 'incorrect')[0]!;
    writeFileSync(schemaPath(index), new XMLSerializer().serializeToString(children(schemaHolder)[0]!));
  });
  // Compile the validators in parallel first; compileSchematron below then loads them.
  await prepareSchematron(cases.map((_, index) => schemaPath(index)));
  const outcomes: Outcome[] = [];
  cases.forEach((testCase, index) => {
    const id = String(index + 1);
    const correct = children(testCase, 'correct')[0];
    let compiled: CompiledSchematron | undefined;
    let problem = '';
    try {
      compiled = compileSchematron(schemaPath(index));
    } catch (e) {
      if (!(e instanceof SchematronCompileError)) throw e;
      problem = e.message;
    }
    outcomes.push({
      id,
      passed: correct ? compiled !== undefined : compiled === undefined,
      detail: correct ? `correct schema rejected: ${problem}` : 'incorrect schema accepted',
    });
    if (!compiled) return;
    children(testCase)
      .filter((e) => e.localName === 'valid' || e.localName === 'invalid')
      .forEach((instance, k) => {
        const text = (instance.getAttribute('dtd') ?? '') + contentText(instance);
        const findings = validateSchematron(compiled, text, `${id}.${k + 1}.xml`);
        const valid = instance.localName === 'valid';
        // A rule that raised an error (SHF-SCH-005) or a document that did not parse proves nothing.
        const broken = findings.some((f) => f.code === 'SHF-SCH-004' || f.code === 'SHF-SCH-005');
        outcomes.push({
          id: `${id}.${k + 1}`,
          passed: !broken && (valid ? findings.length === 0 : findings.length > 0),
          detail: `${instance.localName} instance: ${findings.map((f) => f.message).join(' | ') || 'no finding'}`,
        });
      });
  });
  return outcomes;
}

describe('Schematron conformance (jing-trang suite)', function () {
  this.timeout(180_000);
  let outcomes: Outcome[];
  before(async () => {
    outcomes = await runSuite();
  });

  it('runs every case of the suite', () => {
    expect(outcomes.filter((o) => !o.id.includes('.'))).to.have.length(20);
    expect(outcomes.length).to.be.greaterThan(40);
  });

  it('passes every case not listed as a known failure', () => {
    const known = knownFailures();
    const unexpected = outcomes.filter((o) => !o.passed && !known.has(o.id)).map((o) => `${o.id}: ${o.detail}`);
    expect(unexpected).to.deep.equal([]);
  });

  it('fails every case listed as a known failure (the list is not stale)', () => {
    const known = knownFailures();
    const nowPassing = outcomes.filter((o) => o.passed && known.has(o.id)).map((o) => o.id);
    const unknownIds = [...known.keys()].filter((id) => !outcomes.some((o) => o.id === id));
    expect(nowPassing).to.deep.equal([]);
    expect(unknownIds).to.deep.equal([]);
  });
});
