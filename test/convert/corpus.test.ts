/**
 * The guarantees on a varied corpus (bench/corpus.ts: the seeds with their layout and facts
 * changed, cut off, English or Russian only, CRLF and BOM): every page that gives a file gives a
 * well-formed one whose pointers all resolve, with no word of the page lost, the same bytes twice.
 */
import { expect } from 'chai';
import { generateCorpus, readSeeds } from '../../bench/corpus.js';
import { ARCHIVES } from '../../src/authority/archives.js';
import { PERSONS } from '../../src/authority/persons.js';
import { PLACES } from '../../src/authority/places.js';
import { encodePage } from '../../src/convert.js';
import { mentionsIn } from '../../src/encode/mentions.js';
import { stamp, stampState } from '../../src/encode/stamp.js';
import { ingestPage, wordsOf } from '../../src/ingest/index.js';
import { ROOT } from '../helpers.js';
import { parseTei } from '../encode/xmltest.js';

const KNOWN = new Set([...PERSONS.map((x) => `persons.xml#${x.id}`), ...PLACES.map((x) => `places.xml#${x.id}`), ...ARCHIVES.map((x) => `archives.xml#${x.id}`)]);

function counts(words: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of words) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

describe('convert: guarantees on a varied corpus of 100 pages', () => {
  const pages = generateCorpus(readSeeds(ROOT), 100, 20261122);

  it('gives a well-formed file for every page, with every pointer resolved, no word lost, the same bytes twice', () => {
    let files = 0;
    for (const p of pages) {
      const bytes = Buffer.from(p.text);
      const r = encodePage(bytes, p.file);
      const where = `${p.file} (${p.variations.join(', ')})`;
      expect(r.xml, `${where}: ${JSON.stringify(r.diagnostics)}`).to.be.a('string');
      files++;
      expect(encodePage(bytes, p.file).xml, where).to.equal(r.xml);
      const tei = parseTei(r.xml!);
      for (const ref of tei.refs) {
        if (ref.attr === 'ref') expect(KNOWN.has(ref.value), `${where}: ${ref.value}`).to.equal(true);
        if (ref.attr === 'corresp') for (const t of ref.value.split(' ')) expect(tei.ids.has(t.slice(1)), `${where}: ${t}`).to.equal(true);
      }
      const { page } = ingestPage(bytes, p.file);
      const urls = tei.refs.filter((x) => x.attr === 'target' && x.element === 'ptr').map((x) => x.value);
      const have = counts(wordsOf([tei.text, ...urls].join(' ')));
      const need = counts(wordsOf(p.text));
      for (const w of wordsOf(page!.dropped.join('\n'))) need.set(w, (need.get(w) ?? 0) - 1);
      const lost = [...need].filter(([w, n]) => (have.get(w) ?? 0) < n).map(([w]) => w);
      expect(lost, where).to.deep.equal([]);
    }
    expect(files).to.equal(pages.length);
  });

  it('writes the bytes of its text, stamped as generated, and keeps the mentions a reader of the file finds', () => {
    for (const p of pages.slice(0, 40)) {
      const r = encodePage(Buffer.from(p.text), p.file);
      expect(Buffer.from(r.bytes!).toString('utf8'), p.file).to.equal(r.xml);
      expect(stampState(r.xml!), p.file).to.equal('generated');
      expect(stamp(r.xml!.replace(/<\?shifr generated="[^"]*"\?>\n/, '')), p.file).to.equal(r.xml);
      const read = [...mentionsIn(r.xml!)].map(([ref, forms]) => [ref, [...forms]]);
      expect([...r.mentions!].map(([ref, forms]) => [ref, [...forms]]), p.file).to.deep.equal(read);
      expect(read.length, p.file).to.be.greaterThan(0);
    }
  });
});
