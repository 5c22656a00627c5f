/** The fast UTF-8 conversions give exactly what Node's own give, for every kind of text and byte. */
import { expect } from 'chai';
import { textOfUtf8, utf8Bytes } from '../src/utf8.js';
import { seedText } from './ingest/helpers.js';

const TEXTS = [
  'ASCII only, one byte a character',
  'ШИФРТЕЛЕГРАММА ПЕКИН, КРАСОВСКОМУ. «Мао Цзэдун» — № 2950, 6.1.1949 г.',
  '毛泽东 一九五〇年一月 and an astral letter 𝐀 (a surrogate pair)',
  '\ufeffa page that begins with a byte order mark',
  'line ends\r\nof three\rkinds\n',
];

describe('UTF-8 conversions', () => {
  it('decodes UTF-8 exactly as Buffer#toString does, the byte order mark kept', () => {
    for (const t of [...TEXTS, seedText('001')]) {
      const bytes = Buffer.from(t, 'utf8');
      expect(textOfUtf8(bytes), t.slice(0, 30)).to.equal(bytes.toString('utf8'));
      expect(textOfUtf8(new Uint8Array(bytes)), 'from a plain Uint8Array').to.equal(t);
    }
  });

  it('decodes bytes that are not UTF-8 as Buffer#toString does (U+FFFD), instead of failing', () => {
    const bad = Buffer.from([0x61, 0xff, 0x62, 0xd0, 0xed, 0xa0, 0x80, 0xc0, 0x80]);
    expect(textOfUtf8(bad)).to.equal(bad.toString('utf8'));
    expect(textOfUtf8(bad)).to.include('\ufffd');
  });

  it('encodes text exactly as Buffer.from(text, "utf8") does, a lone surrogate included', () => {
    for (const t of [...TEXTS, seedText('002'), 'a lone \ud800 surrogate', 'and a lone \udc00 low one', '']) {
      expect(utf8Bytes(t).equals(Buffer.from(t, 'utf8')), t.slice(0, 30)).to.equal(true);
    }
  });
});
