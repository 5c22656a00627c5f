/** Input that is not a telegram page: each gets its diagnostic code, a place, and no throw. */
import { expect } from 'chai';
import { ingestPage, MAX_PAGE_BYTES } from '../../src/ingest/index.js';
import { seedText } from './helpers.js';

const codes = (r: ReturnType<typeof ingestPage>): string[] => r.diagnostics.map((d) => d.code);

/** Seed 001's Russian text encoded as windows-1251 (Cyrillic А–я at 0xC0–0xFF, Ё/ё at 0xA8/0xB8). */
function cp1251(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c >= 0x410 && c <= 0x44f) out.push(c - 0x410 + 0xc0);
    else if (c === 0x401) out.push(0xa8);
    else if (c === 0x451) out.push(0xb8);
    else out.push(0x3f);
  }
  return Uint8Array.from(out);
}

describe('ingest: bad input', () => {
  it('SHF-INGEST-007: an empty file, or one of only white space and NBSPs', () => {
    expect(codes(ingestPage('', 'e.txt'))).to.deep.equal(['SHF-INGEST-007']);
    expect(codes(ingestPage(new Uint8Array(0), 'e.txt'))).to.deep.equal(['SHF-INGEST-007']);
    const r = ingestPage('\ufeff \n\u00a0\r\n\t\n', 'e.txt');
    expect(codes(r)).to.deep.equal(['SHF-INGEST-007']);
    expect(r.page).to.equal(undefined);
  });

  it('SHF-INGEST-008: binary content (NUL bytes), with the place of the first one', () => {
    const bytes = Buffer.concat([Buffer.from('January 6, 1949\nTitle\n\u0410\u0411'), Buffer.from([0, 1, 2, 0xff])]);
    const r = ingestPage(bytes, 'scan.pdf');
    expect(codes(r)).to.deep.equal(['SHF-INGEST-008']);
    expect(r.diagnostics[0]).to.include({ file: 'scan.pdf', line: 3, column: 5, severity: 'error' });
    expect(codes(ingestPage('abc\u0000def', 'x.txt'))).to.deep.equal(['SHF-INGEST-008']);
  });

  it('SHF-INGEST-009: windows-1251 bytes are named, not decoded by guessing', () => {
    const r = ingestPage(cp1251(seedText('001')), 'cp1251.txt');
    expect(r.page).to.equal(undefined);
    expect(codes(r)).to.deep.equal(['SHF-INGEST-009']);
    const d = r.diagnostics[0]!;
    expect(d.message).to.match(/not UTF-8; looks like windows-1251/);
    // The first Cyrillic byte is on line 7 (the letterhead), column 1.
    expect([d.line, d.column]).to.deep.equal([7, 1]);
    expect(d.expected).to.deep.equal(['UTF-8 text']);
  });

  it('SHF-INGEST-009: UTF-16, and text already decoded lossily (U+FFFD)', () => {
    const utf16 = Buffer.from(`\ufeff${seedText('000')}`, 'utf16le');
    expect(ingestPage(utf16, 'u16.txt').diagnostics[0]!.message).to.match(/looks like UTF-16/);
    const r = ingestPage('January 6, 1949\n\n\ufffd\ufffd\ufffd', 'lossy.txt');
    expect(codes(r)).to.deep.equal(['SHF-INGEST-009']);
    expect(r.diagnostics[0]).to.include({ line: 3, column: 1 });
  });

  it('SHF-INGEST-010: a 20 MB file is refused at once', () => {
    const big = Buffer.alloc(20 * 1024 * 1024, 0x61);
    const t0 = Date.now();
    const r = ingestPage(big, 'big.txt');
    expect(Date.now() - t0).to.be.lessThan(500);
    expect(codes(r)).to.deep.equal(['SHF-INGEST-010']);
    expect(r.diagnostics[0]!.expected).to.deep.equal([`at most ${MAX_PAGE_BYTES} bytes`]);
    expect(codes(ingestPage('x'.repeat(MAX_PAGE_BYTES + 1), 'big.txt'))).to.deep.equal(['SHF-INGEST-010']);
  });

  it('reads a page just under the limit in bounded time, whatever its lines hold', () => {
    const seed = seedText('001');
    const hostile = [
      seed + '\n' + 'Мы согласны с тем, что вопрос стал актуальным. '.repeat(60000),
      seed + '\n' + '[['.repeat(1_500_000),
      seed + '\n' + '*a '.repeat(1_000_000),
      seed + '\n' + ('N ' + ' '.repeat(5000) + '1 ').repeat(300),
      seed + '\n' + '.'.repeat(3_000_000),
      seed + '\n' + '3 \u00a0'.repeat(900_000),
      seed + '\n' + 'ФИЛИППОВ\n224\n'.repeat(150_000),
      `${'APRF, '.repeat(400_000)}\n${seed}`,
    ];
    for (const text of hostile) {
      expect(text.length).to.be.lessThan(MAX_PAGE_BYTES);
      const t0 = Date.now();
      const r = ingestPage(text, 'hostile.txt');
      expect(Date.now() - t0, text.slice(-20)).to.be.lessThan(8000);
      expect(r.diagnostics.every((d) => d.file === 'hostile.txt')).to.equal(true);
    }
  });

  it('SHF-INGEST-001: an HTML error page, a search results page, random prose', () => {
    const html = '<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>\n';
    const r1 = ingestPage(html, '404.html');
    expect(codes(r1)).to.deep.equal(['SHF-INGEST-001']);
    expect(r1.page).to.equal(undefined);
    expect(r1.diagnostics[0]!.message).to.match(/HTML/);

    const search = [
      'Skip to content',
      '',
      'January 6, 1949',
      '',
      'Ciphered Telegram No. 0100, Stalin to Terebin',
      '',
      'October 3, 1950',
      '',
      'Ciphered Telegram from Roshchin in Beijing to Filippov [Stalin]',
      '',
      'July 3, 1951',
      '',
      'Ciphered Telegram No. 2950, Filippov [Stalin] to Krasovsky, for Cde. Mao Zedong',
      '',
      'Showing 1 - 3 of 3 results',
    ].join('\n');
    const r2 = ingestPage(search, 'search.txt');
    expect(codes(r2)).to.deep.equal(['SHF-INGEST-001']);
    expect(r2.diagnostics[0]!.message).to.match(/several documents/);

    const prose = 'The weather in the valley was mild that spring.\n\nFarmers planted early, and the river stayed low until June.\n';
    const r3 = ingestPage(prose, 'prose.txt');
    expect(codes(r3)).to.deep.equal(['SHF-INGEST-001']);
    expect(r3.diagnostics[0]).to.include({ line: 1, column: 1, severity: 'error' });
  });

  it('SHF-INGEST-005: a part of an archival reference not understood, with what was expected', () => {
    const text = seedText('002').replace('APRF, f. 45, op. 1, d. 339, l. 11.', 'APRF, f. 45, op. 1, shelf 7, d. 339, l. 11.');
    const r = ingestPage(text, 'p.txt');
    const d = r.diagnostics.find((x) => x.code === 'SHF-INGEST-005')!;
    expect(d.message).to.match(/"shelf 7"/);
    expect([d.line, d.column]).to.deep.equal([9, 149]);
    expect(d.expected).to.include('fond');
    expect(r.page!.archives[0]!.units.map((u) => u.type)).to.deep.equal(['fond', 'opis', 'delo', 'folio']);
  });

  it('SHF-INGEST-006: no date line and no dated citation: the date comes from the telegram, with a warning', () => {
    const text = seedText('001').replace('October 3, 1950\n', '');
    const r = ingestPage(text, 'nodate.txt');
    expect(codes(r)).to.include('SHF-INGEST-006');
    expect(r.page!.date).to.deep.equal({ when: '1950-10-03', text: '3 .10.1950' });
  });

  it('SHF-INGEST-006: a date line whose date is impossible is named, and the title still read', () => {
    const r = ingestPage(seedText('001').replace('October 3, 1950', 'October 33, 1950'), 'baddate.txt');
    const d = r.diagnostics.find((x) => x.code === 'SHF-INGEST-006')!;
    expect([d.line, d.column]).to.deep.equal([3, 1]);
    expect(d.message).to.match(/"October 33, 1950" not understood/);
    expect(r.page!.title).to.equal('Ciphered Telegram from Roshchin in Beijing to Filippov [Stalin]');
    expect(r.page!.date).to.equal(undefined);
  });

  it('SHF-INGEST-011 and -013: no title, no archive in the citation', () => {
    const text = seedText('002')
      .replace('**Ciphered Telegram No. 2950, Filippov [Stalin] to\nKrasovsky, for Cde. Mao Zedong**\n', '')
      .replace('"Ciphered Telegram No. 2950, Filippov [Stalin] to Krasovsky, for Cde. Mao Zedong", ', '')
      .replace('APRF, f. 45, op. 1, d. 339, l. 11.', 'private collection.');
    const r = ingestPage(text, 'p.txt');
    expect(codes(r)).to.include.members(['SHF-INGEST-011', 'SHF-INGEST-013']);
    expect(r.page!.title).to.equal(undefined);
    expect(r.page!.versions).to.have.length(3);
  });

  it('never throws, whatever the bytes', () => {
    let x = 12345;
    for (let k = 0; k < 200; k++) {
      const n = 1 + (k * 37) % 700;
      const b = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        x = (x * 1103515245 + 12345) & 0x7fffffff;
        b[i] = x % 3 === 0 ? 0x20 + (x % 90) : x & 0xff;
      }
      expect(() => ingestPage(b, 'fuzz.bin')).to.not.throw();
    }
    const seed = seedText('004');
    for (let cut = 0; cut < seed.length; cut += 97) {
      const r = ingestPage(seed.slice(0, cut) + seed.slice(cut + 211), 'mangled.txt');
      expect(r.diagnostics.every((d) => !/ingest failed/.test(d.message)), `cut ${cut}`).to.equal(true);
    }
  });
});

describe('ingest: diagnostics say what was expected', () => {
  it('names what would have been acceptable for every refusal', () => {
    const refusals = [
      ingestPage('', 'a.txt'),
      ingestPage(Buffer.from([0x41, 0, 0x42]), 'b.txt'),
      ingestPage(Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]), 'c.txt'),
      ingestPage('x'.repeat(MAX_PAGE_BYTES + 1), 'd.txt'),
      ingestPage('<html><body>gone</body></html>', 'e.html'),
    ];
    for (const r of refusals) {
      expect(r.page).to.equal(undefined);
      expect(r.diagnostics).to.have.length(1);
      expect(r.diagnostics[0]!.severity).to.equal('error');
      expect(r.diagnostics[0]!.expected, r.diagnostics[0]!.code).to.be.an('array').that.is.not.empty;
    }
  });
});
