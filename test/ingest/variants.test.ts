/**
 * Pages transformed from the seeds the way real pages differ: label styles, English first,
 * another document's summary before the title, cut off mid-word, English only, Russian only,
 * CRLF and BOM, NBSP spacer lines, a Chinese original — and a generated corpus of such pages.
 * Each still yields a model, warns about what is missing, and loses no word.
 */
import { expect } from 'chai';
import { applyLayout, cutOff, generateCorpus, partsOf, readSeeds, windowsLineEnds } from '../../bench/corpus.js';
import { ROOT } from '../helpers.js';
import { ingestPage } from '../../src/ingest/index.js';
import { blocks, fixture, ingestOk, lostWords, seedText, SEEDS, textOf } from './helpers.js';
import type { TelegramPage } from '../../src/model.js';

/** The facts a reader cares about, to compare a variant with its seed. */
function facts(p: TelegramPage): unknown {
  return {
    title: p.title,
    date: p.date,
    recordId: p.recordId,
    type: p.documentType,
    archives: p.archives,
    correspondence: p.correspondence,
    translators: p.translators,
  };
}
const shape = (p: TelegramPage): string[] => p.versions.map((v) => `${v.role}:${v.lang}:${v.blocks.map((b) => b.kind).join(',')}`);

describe('ingest: variants of the seeds', () => {
  for (const style of ['plain labels', 'bold labels', 'markdown headings']) {
    it(`reads the same facts with ${style}`, () => {
      for (const s of ['000', '002', '003', '004']) {
        const seed = ingestOk(seedText(s)).page;
        const text = applyLayout(seedText(s), style);
        const { page, codes } = ingestOk(text);
        expect(facts(page), s).to.deep.equal(facts(seed));
        expect(shape(page), s).to.deep.equal(shape(seed));
        expect(codes, s).to.deep.equal([]);
        expect(lostWords(text, page), s).to.deep.equal([]);
      }
    });
  }

  it('reads CRLF line ends and a BOM exactly like LF', () => {
    for (const s of SEEDS) {
      const lf = ingestOk(seedText(s), 'x.txt').page;
      const crlf = ingestOk(windowsLineEnds(seedText(s)), 'x.txt').page;
      expect(crlf, s).to.deep.equal(lf);
    }
  });

  it('ignores NBSP-only spacer lines', () => {
    for (const s of ['000', '004']) {
      const text = applyLayout(seedText(s), 'NBSP spacer lines', 7);
      expect(text).to.include('\n\u00a0\n');
      const { page } = ingestOk(text);
      expect(shape(page), s).to.deep.equal(shape(ingestOk(seedText(s)).page));
    }
  });

  it('takes English before Russian: the translation is still the translation', () => {
    for (const s of ['000', '001', '004']) {
      const text = applyLayout(seedText(s), 'English first');
      const { page, codes } = ingestOk(text);
      expect(page.versions.map((v) => `${v.role}:${v.lang}`), s).to.deep.equal(['translation:en', 'original:ru']);
      expect(codes.filter((c) => c !== 'SHF-INGEST-004'), s).to.deep.equal([]);
      expect(facts(page), s).to.deep.equal(facts(ingestOk(seedText(s)).page));
      expect(lostWords(text, page), s).to.deep.equal([]);
    }
  });

  it('drops the headings the site puts over each version ("English Translation", "### Russian Transcription"), in either order', () => {
    const headings: [string, string][] = [
      ['Russian Transcription', 'English Translation'],
      ['### Transcript - Russian', '### **Translation - English**'],
      ['Original (Russian):', 'Translation: English'],
    ];
    for (const s of ['000', '001', '004']) {
      const seed = ingestOk(seedText(s)).page;
      const p = partsOf(seedText(s));
      for (const [ru, en] of headings) {
        for (const englishFirst of [false, true]) {
          const versions = englishFirst ? [en, '', ...p.translation, '', ru, '', ...p.original] : [ru, '', ...p.original, '', en, '', ...p.translation];
          const text = [...p.header, '', ...versions, ...p.footer].join('\n');
          const { page, codes } = ingestOk(text);
          const what = `${s} ${ru} / ${en}${englishFirst ? ', English first' : ''}`;
          expect(facts(page), what).to.deep.equal(facts(seed));
          expect(page.versions.map((v) => `${v.role}:${v.lang}`), what).to.deep.equal(englishFirst ? ['translation:en', 'original:ru'] : seed.versions.map((v) => `${v.role}:${v.lang}`));
          // The headings are navigation: in no block of the text, set aside with the scrape's markup.
          const words = page.versions.flatMap((v) => v.blocks.map(textOf)).join(' ');
          expect(words, what).to.not.match(/Transcription|Russian Transcript|Translation - English|Translation: English|English Translation/);
          expect(page.dropped.join('\n'), what).to.include(ru.replace(/^#+ /, ''));
          expect(codes.filter((c) => c !== 'SHF-INGEST-004'), what).to.deep.equal([]);
          expect(lostWords(text, page), what).to.deep.equal([]);
        }
      }
    }
  });

  it("reads the current site's layout (summary after the text, footer without Source and Rights labels) as the seed", () => {
    for (const s of SEEDS) {
      const seed = ingestOk(seedText(s)).page;
      const text = applyLayout(seedText(s), "the current site's layout");
      const { page, codes } = ingestOk(text);
      expect(text, s).to.match(/\nDocument Information\n/);
      expect(facts(page), s).to.deep.equal(facts(seed));
      expect(shape(page), s).to.deep.equal(shape(seed));
      expect([page.summary, page.originalLanguage, page.credits, page.sourceUrl], s).to.deep.equal([seed.summary, seed.originalLanguage, seed.credits, seed.sourceUrl]);
      expect(page.footerNotes, s).to.equal(undefined);
      expect(codes, s).to.deep.equal([]);
      expect(lostWords(text, page), s).to.deep.equal([]);
    }
  });

  it("sets aside another document's summary before the title, with a note", () => {
    for (const s of ['000', '001', '003', '004']) {
      const text = applyLayout(seedText(s), "another document's summary before the title", 3);
      const r = ingestPage(text, 'teaser.txt');
      expect(r.page, s).to.not.equal(undefined);
      const note = r.diagnostics.find((d) => d.code === 'SHF-INGEST-012')!;
      expect(note, s).to.not.equal(undefined);
      expect(note.line, s).to.equal(1);
      expect(facts(r.page!), s).to.deep.equal(facts(ingestOk(seedText(s)).page));
      expect(r.page!.summary, s).to.equal(ingestOk(seedText(s)).page.summary);
      expect(lostWords(text, r.page!), s).to.deep.equal([]);
    }
  });

  it('warns when the page is cut off mid-word, and still gives a model', () => {
    // Points inside a paragraph of the Russian text and of the English one.
    const cases: [string, number][] = [
      ['000', 0.45],
      ['000', 0.85],
      ['001', 0.35],
      ['001', 0.8],
      ['004', 0.5],
      ['004', 0.9],
    ];
    for (const [s, at] of cases) {
      const text = cutOff(seedText(s), at);
      const r = ingestPage(text, 'cut.txt');
      expect(r.page, `${s}@${at}`).to.not.equal(undefined);
      const cut = r.diagnostics.find((d) => d.code === 'SHF-INGEST-004');
      expect(cut, `${s}@${at}`).to.not.equal(undefined);
      expect(cut!.line, `${s}@${at}`).to.equal(text.split('\n').length);
      expect(lostWords(text, r.page!), `${s}@${at}`).to.deep.equal([]);
    }
    // Cut off inside a copy-list line ("N-6-тов.Микояну"): what is left is no telegram number, and the page is cut off.
    const seed = seedText('001');
    const text = seed.slice(0, seed.indexOf('N-6-тов') + 'N-6-то'.length);
    expect(ingestPage(text, 'cut.txt').diagnostics.map((d) => d.code)).to.include('SHF-INGEST-004');
  });

  it('warns about a missing original on an English-only page', () => {
    for (const s of ['000', '002', '004']) {
      const text = applyLayout(seedText(s), 'English only');
      const { page, codes } = ingestOk(text);
      expect(page.versions.map((v) => `${v.role}:${v.lang}`), s).to.deep.equal(['translation:en']);
      expect(codes, s).to.include('SHF-INGEST-003');
      expect(codes, s).to.not.include('SHF-INGEST-002');
      expect(page.title, s).to.equal(ingestOk(seedText(s)).page.title);
    }
  });

  it('warns about a missing translation on a Russian-only page', () => {
    for (const s of ['000', '002', '003', '004']) {
      const text = applyLayout(seedText(s), 'Russian only');
      const { page, codes } = ingestOk(text);
      expect(page.versions.every((v) => v.role === 'original' && v.lang === 'ru'), s).to.equal(true);
      expect(codes, s).to.include('SHF-INGEST-002');
      expect(codes, s).to.not.include('SHF-INGEST-003');
      // Complete (it ends with its archival notes or a gap): missing, not cut off.
      expect(codes, s).to.not.include('SHF-INGEST-004');
    }
  });

  it("reads an envoy's report laid out otherwise: headings over the versions, English first, place and date heading the text", () => {
    // A page constructed in the shape of the archive's reports from Pyongyang (not a real record).
    const text = fixture('envoy-report.txt');
    const { page, codes } = ingestOk(text);
    expect(codes).to.deep.equal([]);
    expect(page.versions.map((v) => `${v.role}:${v.lang}`)).to.deep.equal(['translation:en', 'original:ru']);
    expect(page.correspondence.map((a) => `${a.type}:${a.persons.map((p) => p.text).join('+')}`)).to.deep.equal(['sent:Shtykov', 'received:Vyshinsky']);
    for (const v of page.versions) {
      expect(v.blocks.slice(0, 5).map((b) => b.kind), v.lang).to.deep.equal(['doctype', 'classification', 'serviceNote', 'dateline', 'salute']);
      expect(textOf(v.blocks[3]!), v.lang).to.match(v.lang === 'ru' ? /^ПХЕНЬЯН, 19 января 1950 года$/ : /^PYONGYANG, 19 January 1950$/);
    }
    expect(page.archives[0]).to.deep.include({ archive: 'AVPRF' });
    expect(lostWords(text, page)).to.deep.equal([]);
  });

  it('reads a Chinese original and its translation', () => {
    const text = fixture('chinese-original.txt');
    const { page, codes } = ingestOk(text);
    expect(page.originalLanguage).to.equal('Chinese');
    expect(page.versions.map((v) => `${v.role}:${v.lang}`)).to.deep.equal(['original:zh', 'translation:en']);
    const zh = page.versions[0]!.blocks;
    expect(zh.map((b) => b.kind)).to.deep.equal(['salute', 'paragraph', 'paragraph', 'signature', 'closingDate', 'gap']);
    expect(textOf(zh[3]!)).to.equal('毛泽东');
    expect(page.date?.when).to.equal('1950-10-02');
    expect(page.correspondence.find((a) => a.type === 'sent')!.persons[0]!.text).to.equal('Mao Zedong');
    // A published Chinese source: no archive to cite, and ingest says so.
    expect(codes).to.deep.equal(['SHF-INGEST-013']);
    expect(lostWords(text, page)).to.deep.equal([]);
  });

  it('gives a model for every page of a generated corpus, losing no word', () => {
    const corpus = generateCorpus(readSeeds(ROOT), 150, 42);
    expect(new Set(corpus.map((c) => c.variations.at(-1))).size).to.be.greaterThan(4);
    for (const c of corpus) {
      const r = ingestPage(c.text, c.file);
      const what = `${c.file} (${c.variations.join(', ')})`;
      expect(r.page, what).to.not.equal(undefined);
      expect(r.diagnostics.filter((d) => d.severity === 'error'), what).to.deep.equal([]);
      expect(lostWords(c.text, r.page!), what).to.deep.equal([]);
      expect(blocks(r.page!).length, what).to.be.greaterThan(0);
      expect(r.page!.title, what).to.be.a('string');
      expect(r.page!.date?.when, what).to.match(/^19[45]\d-\d\d-\d\d$/);
      // Seed 001 cites its archives only in the footer, which a cut page loses.
      if (!c.variations.includes('cut off')) {
        expect(r.page!.archives.length, what).to.be.greaterThan(0);
        expect(r.page!.recordId, what).to.match(/^\d+$/);
      }
      expect(r.page!.correspondence.some((a) => a.type === 'sent' && a.persons.length > 0), what).to.equal(true);
    }
  });

  it('generates the same corpus from the same seed number', () => {
    const seeds = readSeeds(ROOT);
    expect(generateCorpus(seeds, 20, 7)).to.deep.equal(generateCorpus(seeds, 20, 7));
    expect(generateCorpus(seeds, 20, 7)).to.not.deep.equal(generateCorpus(seeds, 20, 8));
  });
});

describe('ingest: what real pages add around the telegram', () => {
  it("keeps the site's link lists after the text out of the translation", () => {
    const text = seedText('000').replace(/\[\.\.\.\]$/, '[...]\n\nAssociated People & Organizations\n\nStalin, Joseph, 1879-1953\n\nMao, Zedong, 1893-1976\n\nAssociated Places\n\nChina\n');
    const { page } = ingestOk(text);
    expect(shape(page)).to.deep.equal(shape(ingestOk(seedText('000')).page));
    expect(page.dropped).to.include.members(['Associated People & Organizations', 'Stalin, Joseph, 1879-1953', 'China']);
  });

  it('takes a date line that gives only a month or a year', () => {
    expect(ingestOk(seedText('001').replace('October 3, 1950', 'October 1950')).page.date).to.deep.equal({ when: '1950-10', text: 'October 1950' });
    expect(ingestOk(seedText('001').replace('October 3, 1950', '1950')).page.date).to.deep.equal({ when: '1950', text: '1950' });
  });
});

describe('ingest: roles of the versions', () => {
  it('makes a Russian version a translation when the original is Chinese', () => {
    const zh = fixture('chinese-original.txt');
    const withRussian = zh.replace('[...]\n', '[...]\n\nТоварищу Филиппову.\n\nМы решили послать часть войск в Корею под именем добровольцев.\n\nМао Цзэдун\n\n[...]\n');
    const { page } = ingestOk(withRussian);
    expect(page.versions.map((v) => `${v.role}:${v.lang}`)).to.deep.equal(['original:zh', 'translation:ru', 'translation:en']);
  });
});

describe('ingest: pages cut off in the original', () => {
  it('warns when the contents promise a translation that a cut page never reaches', () => {
    // Cut inside the signature "М А О Ц З Е - Д У Н" of seed 004: the last block is a name, not a sentence.
    const seed = seedText('004');
    const text = seed.slice(0, seed.indexOf('М А О Ц З Е') + 7);
    const r = ingestPage(text, 'cut.txt');
    expect(r.diagnostics.map((d) => d.code)).to.include.members(['SHF-INGEST-002', 'SHF-INGEST-004']);
    const d = r.diagnostics.find((x) => x.code === 'SHF-INGEST-004')!;
    expect([d.line, d.column]).to.deep.equal([112, 8]);
  });
});
