import { expect } from 'chai';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyLayout, cutOff, readSeeds } from '../bench/corpus.js';
import { convertPages } from '../src/convert.js';
import { editionSchemas, validateFiles } from '../src/validate/index.js';
import { publishEdition } from '../src/publish/publish.js';
import { ROOT, scratchDir } from './helpers.js';

/**
 * The promise of the whole pipeline for pages nobody here has seen: whatever the layout — English
 * first, one language only, cut off mid-word — a page that holds a telegram becomes a TEI file
 * that the edition's own schema (RELAX NG + Schematron) accepts, and what is missing is named in
 * a warning, never silently.
 */
/** The page without its "Citation:" block (the label, the citation, the link under it). */
function withoutCitation(text: string): string {
  return text.replace(/^[#* ]*Citation:[* ]*\n(?:[ \t]*\n)*.*\n(?:<?https?:\/\/\S+>?[ \t]*\n)?/m, '');
}

describe('the edition from varied pages', function () {
  this.timeout(300_000);
  let work: string;
  before(() => {
    work = scratchDir('edition');
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  const variants: Array<[string, (text: string) => string, RegExp]> = [
    ['English first', (t) => applyLayout(t, 'English first'), /./],
    ['English only', (t) => applyLayout(t, 'English only'), /SHF-INGEST-003|SHF-DIV-001/],
    ["in the current site's layout", (t) => applyLayout(t, "the current site's layout"), /./],
    ['Russian only', (t) => applyLayout(t, 'Russian only'), /SHF-INGEST-002|SHF-DIV-002/],
    ...[0.3, 0.45, 0.55, 0.7, 0.85].map((f): [string, (text: string) => string, RegExp] => [`cut off mid-word at ${Math.round(f * 100)}%`, (t) => cutOff(t, f), /SHF-INGEST-00[234]/]),
    // The summary then has no archival description to live in (it goes to profileDesc/abstract);
    // with the footer kept, the record id is known but still names no archive: no msDesc either.
    ['without its citation', (t) => withoutCitation(t), /SHF-INGEST-013/],
    ['without its citation and cut off', (t) => cutOff(withoutCitation(t), 0.85), /SHF-INGEST-00[234]/],
  ];

  for (const [name, vary, missing] of variants) {
    it(`turns every seed page, ${name}, into TEI valid against the edition's schema, naming what is missing`, async () => {
      const pages = join(work, name.replace(/\W+/g, '-'), 'sources');
      const tei = join(work, name.replace(/\W+/g, '-'), 'tei');
      mkdirSync(pages, { recursive: true });
      const files = readSeeds(ROOT).map((s, i) => ({ file: join(pages, `${i}.txt`), text: vary(s.text) }));
      for (const f of files) writeFileSync(f.file, f.text);
      const converted = convertPages(files.map((f) => f.file), { outDir: tei });
      expect(converted.diagnostics.filter((d) => d.severity === 'error'), 'convert errors').to.deep.equal([]);
      expect(converted.written.length).to.be.greaterThanOrEqual(files.length);
      const validated = await validateFiles(readdirSync(tei).map((n) => join(tei, n)), editionSchemas(), { jobs: 1 });
      expect(validated.filter((d) => d.severity === 'error'), 'validation errors').to.deep.equal([]);
      if (name !== 'English first' && !name.includes('current site')) {
        const warned = [...converted.diagnostics, ...validated].filter((d) => d.severity === 'warning').map((d) => d.code).join(' ');
        expect(warned).to.match(missing);
      }
    });
  }

  it('keeps tei/ as convert makes it from sources/ (run npm run build after changing the converter or the authorities)', () => {
    const out = join(work, 'fresh-tei');
    const sources = join(ROOT, 'sources');
    convertPages(readdirSync(sources).filter((f) => f.endsWith('.txt')).map((f) => join(sources, f)), { outDir: out });
    const committed = join(ROOT, 'tei');
    expect(readdirSync(out).sort()).to.deep.equal(readdirSync(committed).filter((f) => f.endsWith('.xml')).sort());
    for (const f of readdirSync(out)) expect(readFileSync(join(committed, f), 'utf8'), `tei/${f} is stale`).to.equal(readFileSync(join(out, f), 'utf8'));
  });

  it('shows the reader of the published edition where a cut-off page breaks off', async () => {
    const tei = join(work, 'cut-off-mid-word-at-55-', 'tei');
    const truncated = readdirSync(tei).filter((n) => readFileSync(join(tei, n), 'utf8').includes('<gap reason="truncated"/>'));
    expect(truncated, 'TEI files with gap[@reason=truncated]').to.not.be.empty;
    const out = join(work, 'site');
    await publishEdition({ teiDir: tei, outDir: out });
    for (const name of truncated) {
      expect(readFileSync(join(out, 'telegrams', name.replace(/\.xml$/, '.html')), 'utf8')).to.include('the source page breaks off here');
    }
  });

  it("shows the archive's summary of a page that lost its citation (kept in profileDesc/abstract)", async () => {
    const tei = join(work, 'without-its-citation-and-cut-off', 'tei');
    const withAbstract = readdirSync(tei).filter((n) => readFileSync(join(tei, n), 'utf8').includes('<abstract>'));
    expect(withAbstract, 'TEI files with profileDesc/abstract').to.not.be.empty;
    const out = join(work, 'site-without-citation');
    await publishEdition({ teiDir: tei, outDir: out });
    for (const name of withAbstract) {
      const summary = /<abstract>\s*<p>([^<]{0,40})/.exec(readFileSync(join(tei, name), 'utf8'))![1]!;
      const page = readFileSync(join(out, 'telegrams', name.replace(/\.xml$/, '.html')), 'utf8');
      expect(page).to.include('<h2 id="summary-heading">Summary</h2>');
      expect(page).to.include(summary);
    }
  });
});
