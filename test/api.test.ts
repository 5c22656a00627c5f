import { expect } from 'chai';
import * as shifr from '../src/index.js';

/**
 * The public API is a promise to other projects: a change to this list is a change of version,
 * made on purpose — this test makes sure it never happens by accident.
 */
describe('public API (src/index.ts)', () => {
  it('exports exactly the pipeline functions, each callable', () => {
    const names = Object.keys(shifr).sort();
    expect(names).to.deep.equal([
      'CODES',
      'SchemaLoadError',
      'codeInfo',
      'collectFiles',
      'compileOdd',
      'compileSchematron',
      'convertPages',
      'convertPagesParallel',
      'diagnostic',
      'editionSchemas',
      'encodePage',
      'encodeTelegram',
      'formatDiagnostic',
      'formatDiagnostics',
      'hasErrors',
      'ingestPage',
      'loadSchema',
      'main',
      'publishEdition',
      'resolveSchemas',
      'sortDiagnostics',
      'staleOddSchemas',
      'validateFileRelaxNG',
      'validateFiles',
      'validateRelaxNG',
      'validateSchematron',
      'writeGuidelines',
      'writeOddSchemas',
    ]);
    for (const name of names.filter((n) => n !== 'CODES')) expect(shifr[name as keyof typeof shifr], name).to.be.a('function');
  });

  it('catalogues every code with a severity and a summary', () => {
    for (const [code, info] of Object.entries(shifr.CODES)) {
      expect(code).to.match(/^SHF-[A-Z]+-\d{3}$/);
      expect(['error', 'warning', 'info']).to.include(info.severity);
      expect(info.summary.length, code).to.be.greaterThan(10);
    }
  });

  it('turns a page into TEI through the public functions alone', () => {
    const page = `## January 6, 1949\n\n### Ciphered Telegram, Stalin to Terebin\n\n#### Original Language:\n\nRussian\n\nТЕРЕБИНУ\n\nПередайте Мао Цзэдуну следующее.\n\nФИЛИППОВ\n\nTo Terebin\n\nConvey to Mao Zedong the following.\n\nFilippov [Stalin]\n`;
    const r = shifr.encodePage(new TextEncoder().encode(page), 'api-test.txt');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
    expect(r.xml).to.contain('<div type="original" xml:lang="ru"');
    expect(r.xml).to.contain('<div type="translation" xml:lang="en"');
    expect(r.xml).to.contain('<persName ref="persons.xml#stalin" type="pseudonym">');
  });
});
