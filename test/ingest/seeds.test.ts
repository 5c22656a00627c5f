/** The five seed pages: the scholarly facts ingest must read from each. */
import { expect } from 'chai';
import { blocks, ingestOk, lostWords, seedText, SEEDS, textOf, DROPPABLE } from './helpers.js';
import type { TelegramPage } from '../../src/model.js';

const seed = (n: string): { page: TelegramPage; codes: string[] } => ingestOk(seedText(n), `sources/${n}.txt`);
const kinds = (p: TelegramPage, lang: string, subtype?: string): string[] =>
  p.versions.filter((v) => v.lang === lang && (subtype === undefined || v.subtype === subtype)).flatMap((v) => v.blocks.map((b) => b.kind));
const person = (p: TelegramPage, type: string): string[] => p.correspondence.filter((a) => a.type === type).flatMap((a) => a.persons.map((x) => x.text));
const number = (p: TelegramPage, value: string): string[] => p.numbers.filter((n) => n.value === value).map((n) => `${n.kind}@${n.source}`);

describe('ingest: seed pages', () => {
  it('000: Stalin to Terebin, outgoing copy No. 0100, two archives, reprint, translator', () => {
    const { page, codes } = seed('000_73965fe85d4ea595');
    expect(codes).to.deep.equal([]);
    expect(page.recordId).to.equal('112223');
    expect(page.title).to.equal('Ciphered Telegram No. 0100, Stalin to Terebin');
    expect(page.date).to.deep.equal({ when: '1949-01-06', text: 'January 6, 1949' });
    expect(page.documentType).to.equal('ciphered telegram');
    expect(person(page, 'sent')).to.deep.equal(['Stalin']);
    expect(person(page, 'received')).to.deep.equal(['Terebin']);
    expect(page.correspondence.find((a) => a.type === 'sent')!.date?.when).to.equal('1949-01-06');
    expect(number(page, '0100')).to.have.members(['outgoing@title', 'outgoing@original']);
    expect(page.archives.map((a) => a.archive)).to.deep.equal(['APRF', 'RGASPI']);
    expect(page.archives[0]!.units).to.deep.equal([
      { type: 'fond', value: '39' },
      { type: 'opis', value: '1' },
      { type: 'delo', value: '31' },
      { type: 'folio', value: '53' },
    ]);
    expect(page.archives[1]!.units.at(-1)).to.deep.equal({ type: 'folio', value: '0091' });
    expect(page.reprint).to.match(/^Andrei Ledovskii, Raisa Mirovitskaia and Vladimir Miasnikov, Sovetsko-Kitaiskie Otnosheniia, Vol\. 5.*pp\. 7-8$/);
    expect(page.reprintTitle).to.equal('Sovetsko-Kitaiskie Otnosheniia');
    expect(page.translators).to.deep.equal(['Sergey Radchenko']);
    expect(page.sourceUrl).to.equal('https://wilson-center.drivingcreative.com/document/112223');
    expect(page.originalLanguage).to.equal('Russian');
    expect(page.versions.map((v) => `${v.role}:${v.lang}`)).to.deep.equal(['original:ru', 'translation:en']);
    expect(kinds(page, 'ru').slice(0, 6)).to.deep.equal(['doctype', 'classification', 'serviceNote', 'doctype', 'salute', 'salute']);
    const ru = page.versions[0]!.blocks;
    expect(ru.find((b) => b.kind === 'signature')!.source).to.equal('ФИЛИППОВ');
    expect(ru.find((b) => b.kind === 'closingDate')!.source).to.equal('6.1.1949 г.');
    expect(ru.filter((b) => b.kind === 'serviceNote').map((b) => b.noteType)).to.deep.equal(['service', 'service', 'typing', 'certification', 'service']);
    // The English closer "6.1.1949 Filippov [Stalin]" is a date and a signature on one line.
    const en = page.versions[1]!.blocks;
    const sig = en.find((b) => b.kind === 'signature')!;
    expect(sig.source).to.equal('Filippov [Stalin]');
    expect(sig.span).to.deep.equal({ line: 79, column: 10, endLine: 79 });
    expect(en.at(-1)!.kind).to.equal('gap');
  });

  it('001: Roshchin in Beijing to Filippov [Stalin]; footer; Mao quoted; numbers 2270 and 25199', () => {
    const { page, codes } = seed('001_e42eb21aee4c9899');
    expect(codes).to.deep.equal([]);
    expect(page.recordId).to.equal('113732');
    expect(page.date?.when).to.equal('1950-10-03');
    const sent = page.correspondence.find((a) => a.type === 'sent')!;
    expect(sent.persons.map((p) => p.text)).to.deep.equal(['Roshchin']);
    expect(sent.place?.text).to.equal('Beijing');
    const received = page.correspondence.find((a) => a.type === 'received')!;
    expect(received.persons[0]).to.deep.equal({ text: 'Filippov', supplied: 'Stalin', pseudonym: true });
    expect(received.persons[0]!.ref).to.equal(undefined);
    expect(number(page, '2270')).to.have.members(['outgoing@original', 'outgoing@translation']);
    expect(number(page, '25199')).to.deep.equal(['incoming@translation']);
    expect(number(page, '4581')).to.have.members(['reference@original', 'reference@translation']);
    expect(page.citation).to.equal('APRF, fond 45, opis 1, delo 334, listy 105-106, and RGASPI, f. 558, op. 11, d. 334, ll. 105-106. Translated by Kathryn Weathersby and Alexandre Mansourov.');
    expect(page.archives.map((a) => `${a.archive} ${a.units.map((u) => `${u.type}=${u.value}`).join(' ')}`)).to.deep.equal([
      'APRF fond=45 opis=1 delo=334 folio=105-106',
      'RGASPI fond=558 opis=11 delo=334 folio=105-106',
    ]);
    expect(page.translators).to.deep.equal(['Kathryn Weathersby', 'Alexandre Mansourov']);
    expect(page.uploaded).to.equal('2011-11-20');
    expect(page.archiveType).to.equal('Telegram');
    expect(page.rights).to.have.length(2);
    expect(page.summary).to.equal('Telegram from Mao to Stalin on whether or not to move several divisions of Chinese volunteers into North Korea.');
    expect(page.dropped).to.include('Skip to content');
    const ru = page.versions[0]!.blocks;
    expect(ru.slice(0, 6).map((b) => b.kind)).to.deep.equal(['letterhead', 'classification', 'doctype', 'dateline', 'priority', 'salute']);
    expect(textOf(ru[3]!)).to.equal('Из Пекина 3 .10.1950');
    // Mao's answer is a telegram quoted in Roshchin's: its paragraphs, signature and date are one group.
    const quoted = ru.filter((b) => b.quotedGroup === 1);
    expect(textOf(quoted[0]!)).to.match(/^“Ваша телеграмма/);
    expect(quoted.at(-2)!.kind).to.equal('signature');
    expect(quoted.at(-1)!.kind).to.equal('closingDate');
    expect(ru.filter((b) => b.kind === 'distribution')).to.have.length(8);
    const en = page.versions[1]!.blocks;
    expect(en.filter((b) => b.kind === 'serviceNote').map((b) => b.noteType)).to.deep.equal(['deciphering', 'typing', 'typing']);
    expect(en.find((b) => b.kind === 'dateline')!.source).to.equal('From BEIJING Received 12:15\n3.10.1950');
    expect(en.filter((b) => b.quotedGroup === 1).length).to.equal(quoted.length);
  });

  it('002: two Russian versions (archival, transcript), numbers 2950 / 39 / 3950, Krasovsky transmits to Mao', () => {
    const { page, codes } = seed('002_1913699800420464');
    expect(codes).to.deep.equal([]);
    expect(page.versions.map((v) => `${v.role}:${v.lang}:${v.subtype ?? ''}`)).to.deep.equal(['original:ru:archival', 'original:ru:transcript', 'translation:en:']);
    expect(number(page, '2950')).to.deep.equal(['unknown@title']);
    expect(number(page, '39')).to.deep.equal(['outgoing@original']);
    expect(number(page, '3950')).to.deep.equal(['outgoing@translation']);
    expect(number(page, '2048')).to.deep.equal(['incoming@original']);
    expect(person(page, 'sent')).to.deep.equal(['Filippov']);
    expect(person(page, 'transmitted')).to.deep.equal(['Krasovsky']);
    expect(person(page, 'received')).to.deep.equal(['Mao Zedong']);
    expect(page.archives).to.have.length(1);
    expect(page.archives[0]!.units.map((u) => u.value)).to.deep.equal(['45', '1', '339', '11']);
    const archival = page.versions[0]!.blocks;
    expect(archival.find((b) => b.kind === 'signature')!.source).to.equal('Ф И Л И П П О В.');
    expect(archival.find((b) => b.noteType === 'registration')!.source).to.match(/^Вх\. № 2048/);
    expect(archival.filter((b) => b.quotedGroup === 1).map((b) => b.kind)).to.deep.equal(['salute', 'paragraph', 'paragraph', 'signature', 'closingDate']);
    expect(page.versions[1]!.blocks[0]!.kind).to.equal('salute');
    expect(page.dropped).to.include('###');
  });

  it('003: date and title on one line, contents running into the Russian, draft via Molotov, funder', () => {
    const { page, codes } = seed('003_ffabd6351bb41875');
    expect(codes).to.deep.equal([]);
    expect(page.title).to.equal("Draft Reply to Mao Zedong's Telegram from Stalin via Molotov");
    expect(page.date?.when).to.equal('1949-10-26');
    expect(page.documentType).to.equal('draft');
    expect(person(page, 'sent')).to.deep.equal(['Stalin']);
    expect(person(page, 'transmitted')).to.deep.equal(['Molotov']);
    expect(person(page, 'received')).to.deep.equal(['Mao Zedong']);
    expect(page.funders).to.deep.equal(['Leon Levy Foundation']);
    expect(page.recordId).to.equal('114899');
    // OCR's "II." is "ll." (folios).
    expect(page.archives.map((a) => a.units.find((u) => u.type === 'folio')!.value)).to.deep.equal(['47-48', '0046-0048']);
    const first = page.versions[0]!.blocks[0]!;
    expect(first.kind).to.equal('doctype');
    expect(first.span).to.deep.equal({ line: 21, column: 44, endLine: 21 });
    expect(first.source).to.match(/^ТЕЛЕГРАММА Сталина/);
    expect(kinds(page, 'ru').slice(0, 7)).to.deep.equal(['doctype', 'classification', 'salute', 'paragraph', 'signature', 'closingDate', 'salute']);
    // The Russian quote is never closed: the quoted telegram ends with its signature.
    const q = page.versions[0]!.blocks.filter((b) => b.quotedGroup === 1);
    expect(q.at(-1)!.source).to.equal('ФИЛИППОВ.');
    expect(page.versions[1]!.blocks.filter((b) => b.quotedGroup === 1).at(-1)!.source).to.equal('FILIPPOV["]');
    expect(number(page, '234')).to.have.members(['reference@original', 'reference@translation']);
  });

  it('004: multi-page original with continuation headers (folios 2, 3), copy table, two quoted telegrams', () => {
    const { page, codes } = seed('004_5fdadd00f0032383');
    expect(codes).to.deep.equal([]);
    expect(page.title).to.equal('Ciphered Telegram No. 16293 from Beijing, Mao Zedong to Filippov [Stalin]');
    expect(page.date?.when).to.equal('1952-02-08');
    expect(page.correspondence.find((a) => a.type === 'sent')!.place?.text).to.equal('Beijing');
    expect(number(page, '16293')).to.have.members(['incoming@title', 'incoming@original', 'incoming@translation']);
    expect(number(page, '431')).to.have.members(['outgoing@original', 'outgoing@translation']);
    expect(number(page, '48/ис')).to.deep.equal(['incoming@original']);
    const ru = page.versions[0]!.blocks;
    expect(ru.filter((b) => b.kind === 'pageBreak').map((b) => b.folio)).to.deep.equal(['2', '3']);
    expect(ru.filter((b) => b.kind === 'catchword')).to.have.length(2);
    const cont = ru.filter((b) => b.kind === 'continuation');
    expect(cont.map((b) => b.folio)).to.deep.equal(['2', '3']);
    expect(textOf(cont[1]!)).to.equal('СОВЕРШЕННО СЕКРЕТНО Экз. № 2 Продолжение шифртелеграммы № 16293 Лист „ 3 “');
    expect(cont[1]!.source).to.equal('СОВЕРШЕННО СЕКРЕТНОЭкз. № 2Продолжение шифртелеграммы № 16293Лист „ 3 “');
    expect(ru.filter((b) => b.kind === 'distribution' && b.source.includes('\t'))).to.have.length(6);
    expect(ru.find((b) => b.kind === 'letterhead')!.source).to.equal('# ВТОРОЕ ГЛАВНОЕ УПРАВЛЕНИЕ ГЕНШТАБА СОВЕТСКОЙ АРМИИ');
    expect(ru[0]!.content[0]!.kind).to.equal('handwritten');
    expect(new Set(ru.filter((b) => b.quotedGroup !== undefined).map((b) => b.quotedGroup))).to.deep.equal(new Set([1, 2]));
    expect(ru.find((b) => b.kind === 'signature')!.source).to.equal('М А О Ц З Е - Д У Н');
    expect(ru.filter((b) => b.kind === 'serviceNote').map((b) => b.noteType)).to.include.members(['deciphering', 'typing', 'certification', 'registration']);
    const en = page.versions[1]!.blocks;
    expect(new Set(en.filter((b) => b.quotedGroup !== undefined).map((b) => b.quotedGroup))).to.deep.equal(new Set([1, 2]));
    expect(en.some((b) => b.content.some((c) => c.kind === 'supplied' && c.text === 'North'))).to.equal(true);
  });

  it('loses no word of any seed, and drops only markup', () => {
    for (const s of SEEDS) {
      const text = seedText(s);
      const { page } = ingestOk(text, s);
      expect(lostWords(text, page), s).to.deep.equal([]);
      for (const d of page.dropped) expect(d, `${s} dropped`).to.match(DROPPABLE);
      for (const b of blocks(page)) {
        if (b.kind !== 'pageBreak') expect(b.source.trim(), `${s}:${b.span.line}`).to.not.equal('');
      }
    }
  });
});
