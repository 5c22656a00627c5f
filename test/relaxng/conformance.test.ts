/**
 * Runs every case of James Clark's RELAX NG test suite and of the XML Schema datatype suite.
 * Cases in test/conformance/known-failures.csv must fail (so that fixed cases leave the list);
 * every other case must pass.
 */
import { expect } from 'chai';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INVALID } from '../../src/validate/relaxng/datatype.js';
import { compareValues, createDatatype, XSD_LIBRARY } from '../../src/validate/relaxng/datatypes.js';
import { loadSchema, SchemaLoadError, validate } from '../../src/validate/relaxng/index.js';
import { readXmlTree, XmlSource, type XmlElement } from '../../src/xml/reader.js';
import { ROOT, scratchDir } from '../helpers.js';

const DIR = join(ROOT, 'test', 'conformance');

function knownFailures(): Map<string, string> {
  const lines = readFileSync(join(DIR, 'known-failures.csv'), 'utf8').split('\n').slice(1);
  const known = new Map<string, string>();
  for (const line of lines) {
    if (line.trim() === '') continue;
    const comma = line.indexOf(',');
    known.set(line.slice(0, comma), line.slice(comma + 1));
  }
  return known;
}
const KNOWN = knownFailures();

/** Registers a case: it must pass, or fail if it is a known failure. */
function conformanceCase(id: string, run: () => void): void {
  const reason = KNOWN.get(id);
  it(reason ? `${id} (known failure: ${reason})` : id, () => {
    let error: unknown;
    try {
      run();
    } catch (e) {
      error = e;
    }
    if (reason) expect(error, `${id} passes now: remove it from known-failures.csv`).to.not.equal(undefined);
    else if (error) throw error;
  });
}

function readSuite(file: string): XmlElement {
  // The suite's internal subset declares one entity; expand it here (trusted test data) since
  // shifr's reader refuses entity declarations by design.
  let text = readFileSync(join(DIR, file), 'utf8');
  const dtd = /<!DOCTYPE[^[]*\[([\s\S]*?)\]>/.exec(text);
  if (dtd) {
    for (const m of dtd[1]!.matchAll(/<!ENTITY\s+(\w+)\s+"([^"]*)">/g)) {
      // Character references in an entity value are expanded when the entity is declared.
      const value = m[2]!.replace(/&#x([0-9A-Fa-f]+);/g, (_r, h: string) => String.fromCodePoint(parseInt(h, 16)));
      text = text.split(`&${m[1]};`).join(value);
    }
    text = text.replace(dtd[0], '');
  }
  const { root, diagnostics } = readXmlTree(new XmlSource(text, file));
  if (!root) throw new Error(JSON.stringify(diagnostics));
  return root;
}

const elements = (el: XmlElement, local?: string) =>
  el.children.filter((c): c is XmlElement => typeof c !== 'string' && (local === undefined || c.local === local));
const textOf = (el: XmlElement): string => el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');

const escape = (s: string, attr: boolean) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;').replace(attr ? /["\t\n]/g : /$^/, (c) => `&#${c.charCodeAt(0)};`);

/** Writes an element subtree back as XML, declaring the namespaces it needs. */
function serialize(el: XmlElement, parent?: XmlElement): string {
  let s = `<${el.qname}`;
  for (const prefix in el.bindings) {
    if (prefix === 'xml' || prefix === 'xmlns') continue;
    const uri = el.bindings[prefix]!;
    if (parent && parent.bindings[prefix] === uri) continue;
    s += prefix === '' ? ` xmlns="${escape(uri, true)}"` : ` xmlns:${prefix}="${escape(uri, true)}"`;
  }
  for (const a of el.attributes) s += ` ${a.qname}="${escape(a.value, true)}"`;
  s += '>';
  for (const c of el.children) s += typeof c === 'string' ? escape(c, false) : serialize(c, el);
  return s + `</${el.qname}>`;
}

/** The content of a `correct`/`valid`/`resource` element as a document. */
function documentOf(holder: XmlElement): string {
  const root = elements(holder)[0];
  if (!root) return textOf(holder);
  return serialize(root);
}

function writeResources(holder: XmlElement, dir: string): void {
  for (const c of elements(holder)) {
    const name = c.attributes.find((a) => a.local === 'name')?.value;
    if (c.local === 'resource') writeFileSync(join(dir, name!), documentOf(c));
    else if (c.local === 'dir') {
      mkdirSync(join(dir, name!), { recursive: true });
      writeResources(c, join(dir, name!));
    }
  }
}

describe('RELAX NG spec test suite', function () {
  const cases: XmlElement[] = [];
  const collect = (el: XmlElement) => {
    for (const c of elements(el)) {
      if (c.local === 'testCase') cases.push(c);
      else if (c.local === 'testSuite') collect(c);
    }
  };
  collect(readSuite('relaxng-spectest.xml'));
  const work = scratchDir('spectest');
  after(() => rmSync(work, { recursive: true, force: true }));

  cases.forEach((tc, index) => {
    const id = `rng-${index + 1}`;
    const dir = join(work, id);
    const incorrect = elements(tc, 'incorrect')[0];
    const correct = elements(tc, 'correct')[0];
    const prepare = (holder: XmlElement) => {
      mkdirSync(dir, { recursive: true });
      writeResources(tc, dir);
      writeFileSync(join(dir, 'schema.rng'), documentOf(holder));
      return join(dir, 'schema.rng');
    };
    if (incorrect) {
      conformanceCase(id, () => {
        const path = prepare(incorrect);
        expect(() => loadSchema(path), 'incorrect schema accepted').to.throw(SchemaLoadError);
      });
      return;
    }
    let schema: ReturnType<typeof loadSchema> | undefined;
    conformanceCase(id, () => {
      schema = loadSchema(prepare(correct!));
    });
    elements(tc, 'valid').forEach((v, k) => {
      conformanceCase(`${id}-valid-${k + 1}`, () => {
        expect(schema, 'schema did not load').to.not.equal(undefined);
        const ds = validate(schema!, documentOf(v), 'instance.xml');
        expect(ds, 'valid instance rejected').to.deep.equal([]);
      });
    });
    elements(tc, 'invalid').forEach((v, k) => {
      conformanceCase(`${id}-invalid-${k + 1}`, () => {
        expect(schema, 'schema did not load').to.not.equal(undefined);
        const ds = validate(schema!, documentOf(v), 'instance.xml');
        expect(ds.length, 'invalid instance accepted').to.be.greaterThan(0);
      });
    });
  });
});

describe('XML Schema datatype suite', function () {
  const suite = readSuite('xsd-datatype-test.xml');
  for (const dt of elements(suite, 'datatype')) {
    const type = dt.attributes.find((a) => a.local === 'name')!.value;
    const counters = new Map<string, number>();
    const next = (kind: string) => {
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      return `xsd-${type}-${kind}-${n}`;
    };
    const parse = (el: XmlElement, params: [string, string][] = []) =>
      createDatatype(XSD_LIBRARY, type, params).parse(textOf(el), { ...flat(el.bindings) });
    for (const c of elements(dt)) {
      switch (c.local) {
        case 'valid':
          conformanceCase(next('valid'), () => expect(parse(c), `"${textOf(c)}" rejected`).to.not.equal(INVALID));
          break;
        case 'invalid':
          conformanceCase(next('invalid'), () => expect(parse(c), `"${textOf(c)}" accepted`).to.equal(INVALID));
          break;
        case 'length': {
          const n = c.attributes.find((a) => a.local === 'value')!.value;
          conformanceCase(next('length'), () => expect(parse(c, [['length', n]]), `length of "${textOf(c)}" is not ${n}`).to.not.equal(INVALID));
          break;
        }
        case 'equiv':
          conformanceCase(next('equiv'), () => {
            const dtype = createDatatype(XSD_LIBRARY, type, []);
            const classes = elements(c, 'class').map((cl) => elements(cl, 'value').map((v) => dtype.parse(textOf(v), flat(v.bindings))));
            classes.forEach((values, i) => {
              for (const v of values) expect(v, 'value rejected').to.not.equal(INVALID);
              classes.forEach((others, j) => {
                for (const a of values) for (const b of others) expect(dtype.equal(a, b), `class ${i + 1} vs ${j + 1}`).to.equal(i === j);
              });
            });
          });
          break;
        case 'lessThan':
        case 'incomparable': {
          const kind = c.local;
          conformanceCase(next(kind), () => {
            const [a, b] = elements(c, 'value').map(textOf);
            const cmp = compareValues(XSD_LIBRARY, type, a!, b!);
            if (kind === 'lessThan') expect(cmp, `${a} < ${b}`).to.equal(-1);
            else expect(cmp !== -1 && cmp !== 1, `${a} and ${b} incomparable (neither is less)`).to.equal(true);
          });
          break;
        }
      }
    }
  }
});

function flat(bindings: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k in bindings) out[k] = bindings[k]!;
  return out;
}
