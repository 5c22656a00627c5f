/**
 * The Schematron cases of jing-trang's test suite (test/conformance/schematron-test.xml) run
 * through the native engine, for the schemas it claims to support: every instance of such a
 * schema must get the expected verdict (a valid instance no finding, an invalid one at least
 * one), or be declined (then the XSLT engine answers, as in test/schematron/conformance.test.ts).
 * Incorrect schemas must not be taken by the native engine.
 */
import { expect } from 'chai';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { ROOT } from '../helpers.js';
import { children, contentText } from '../schematron/suite.js';
import { buildTree, NativeRefusal, nativeSchematron, validateNative } from '../../src/validate/schematron-native/index.js';

const SUITE = join(ROOT, 'test', 'conformance', 'schematron-test.xml');
const WORK = join(ROOT, '.cache', 'test', 'schematron-native-conformance');


interface Outcome {
  id: string;
  claimed: boolean;
  passed: boolean;
  detail: string;
}

function runSuite(): Outcome[] {
  const suite = new DOMParser().parseFromString(readFileSync(SUITE, 'utf8'), 'text/xml');
  const outcomes: Outcome[] = [];
  Array.from(suite.getElementsByTagName('testCase')).forEach((testCase, index) => {
    const id = String(index + 1);
    const dir = join(WORK, id);
    mkdirSync(dir, { recursive: true });
    for (const resource of children(testCase, 'resource')) writeFileSync(join(dir, resource.getAttribute('name')!), contentText(resource));
    const correct = children(testCase, 'correct')[0];
    const holder = correct ?? children(testCase, 'incorrect')[0]!;
    const schemaPath = join(dir, 'schema.sch');
    writeFileSync(schemaPath, new XMLSerializer().serializeToString(children(holder)[0]!));
    const compiled = nativeSchematron(schemaPath);
    if (!('schema' in compiled)) {
      outcomes.push({ id, claimed: false, passed: true, detail: compiled.unsupported });
      return;
    }
    outcomes.push({ id, claimed: true, passed: correct !== undefined, detail: 'incorrect schema taken by the native engine' });
    children(testCase)
      .filter((e) => e.localName === 'valid' || e.localName === 'invalid')
      .forEach((instance, k) => {
        const text = (instance.getAttribute('dtd') ?? '') + contentText(instance);
        const caseId = `${id}.${k + 1}`;
        try {
          const findings = validateNative(compiled.schema, buildTree(text, `${caseId}.xml`), `${caseId}.xml`);
          const valid = instance.localName === 'valid';
          outcomes.push({
            id: caseId,
            claimed: true,
            passed: valid ? findings.length === 0 : findings.length > 0,
            detail: `${instance.localName} instance: ${findings.map((f) => f.message).join(' | ') || 'no finding'}`,
          });
        } catch (e) {
          if (!(e instanceof NativeRefusal)) throw e;
          outcomes.push({ id: caseId, claimed: false, passed: true, detail: `declined: ${e.message}` });
        }
      });
  });
  return outcomes;
}

describe('Schematron conformance through the native engine', function () {
  this.timeout(60_000);
  let outcomes: Outcome[];
  before(() => {
    outcomes = runSuite();
  });

  it('takes most schemas of the suite', () => {
    expect(outcomes.filter((o) => !o.id.includes('.') && o.claimed).length).to.be.at.least(15);
  });

  it('gives the expected verdict on every case it takes', () => {
    const wrong = outcomes.filter((o) => o.claimed && !o.passed).map((o) => `${o.id}: ${o.detail}`);
    expect(wrong).to.deep.equal([]);
    expect(outcomes.filter((o) => o.id.includes('.') && o.claimed).length).to.be.at.least(25);
  });
});
