/** The small parsers of ingest, each on the spellings real pages use. */
import { expect } from 'chai';
import { findDates, isDateOnly, isoOf, parseLeadingDate } from '../../src/ingest/dates.js';
import { parseArchivalReferences, parseCitation, parseFunders, parseTranslators, parseUnit, recordIdOfUrl } from '../../src/ingest/citation.js';
import { correspondenceOfTitle, documentTypeOfTitle } from '../../src/ingest/title.js';
import { parseInline } from '../../src/ingest/inline.js';
import { scriptOf } from '../../src/ingest/language.js';
import { hasTwoLowerWords, isAddress, isNameLike } from '../../src/ingest/structure.js';
import { wordsOf } from '../../src/ingest/index.js';
import { lostWords, ingestOk, seedText } from './helpers.js';

const iso = (text: string, year?: number): (string | undefined)[] => findDates(text).map((d) => isoOf(d, year));

describe('ingest: dates', () => {
  it('reads every form the pages use', () => {
    expect(iso('January 6, 1949')).to.deep.equal(['1949-01-06']);
    expect(iso('6.1.1949 г.')).to.deep.equal(['1949-01-06']);
    expect(iso('Из Пекина 3 .10.1950')).to.deep.equal(['1950-10-03']);
    expect(iso('N 2270. 3..10.50 г.')).to.deep.equal(['1950-10-03']);
    expect(iso('3 июля 1951')).to.deep.equal(['1951-07-03']);
    expect(iso('26 октября 1949 г.')).to.deep.equal(['1949-10-26']);
    expect(iso('" 22 " июля 1952 г.')).to.deep.equal(['1952-07-22']);
    expect(iso('получена „ 21 “ ч. „ 45 “ м. „ 8 “ 2 1952 г.')).to.deep.equal(['1952-02-08']);
    expect(iso('26 [October] 1949')).to.deep.equal(['1949-10-26']);
    expect(iso('一九五〇年十月二日')).to.deep.equal(['1950-10-02']);
    expect(iso('一九五〇年十二月三十一日')).to.deep.equal(['1950-12-31']);
    // The same with 年, 月 and 日 lost by the scrape: only in parentheses, and the parentheses are no part of the date.
    expect(findDates('(1949 12 18 )').map((d) => [isoOf(d), d.text])).to.deep.equal([['1949-12-18', '1949 12 18']]);
    expect(iso('（1950 2 14）')).to.deep.equal(['1950-02-14']);
    expect(iso('(1949 10 -1951 12 )')).to.deep.equal([]);
    expect(iso('1949 12 18')).to.deep.equal([]);
    expect(iso('28.VIII.50 г.')).to.deep.equal(['1950-08-28']);
    expect(iso('5.XI.1949')).to.deep.equal(['1949-11-05']);
    // Typed with the Cyrillic Х for the Latin X.
    expect(iso('3.Х.50')).to.deep.equal(['1950-10-03']);
    expect(iso('ПХЕНЬЯН, 19 января 1950 года')).to.deep.equal(['1950-01-19']);
  });

  it('takes the page year for dates without one, and skips times and amounts', () => {
    expect(iso('3 July', 1951)).to.deep.equal(['1951-07-03']);
    // A closing date under the signature: "July 26", "十一月十二日" (the year the page's); "July 1950" stays a month.
    expect(iso('July 26', 1952)).to.deep.equal(['1952-07-26']);
    expect(iso('十一月十二日', 1950)).to.deep.equal(['1950-11-12']);
    expect(iso('July 1950')).to.deep.equal(['1950-07']);
    expect(iso('at 10:30 on July 26 1950')).to.deep.equal(['1950-07-26']);
    expect(iso('一九五〇年十一月十二日')).to.deep.equal(['1950-11-12']);
    expect(iso('от 22.1 с.г.', 1952)).to.deep.equal(['1952-01-22']);
    expect(iso('3 July')).to.deep.equal([undefined]);
    expect(iso('Araushkin 12.50 3.10', 1950)).to.deep.equal(['1950-10-03']);
    expect(iso('650.000 тонн, 1.600.000 миллионов')).to.deep.equal([]);
  });

  it('tells a date-only line from text, and a date line from other lines', () => {
    expect(isDateOnly('3 июля".')).to.equal(true);
    expect(isDateOnly('6.1.1949 г.')).to.equal(true);
    expect(isDateOnly('Вашу телеграмму от 3 июля получили.')).to.equal(false);
    expect(isDateOnly('19 января 1950 года')).to.equal(true);
    expect(isDateOnly('28.VIII.50 г.')).to.equal(true);
    expect(isDateOnly('19 января 1950 годовщина')).to.equal(false);
    // A citation's "II." (OCR for "ll.") after a number is no month.
    expect(iso('D. 332, II. 47-48')).to.deep.equal([]);
    expect(parseLeadingDate('October 26, 1949 Draft Reply')).to.deep.equal({ ok: true, value: { when: '1949-10-26', text: 'October 26, 1949', end: 16 } });
    const bad = parseLeadingDate('Draft Reply of October 26, 1949');
    expect(bad.ok).to.equal(false);
    if (!bad.ok) expect(bad.offset).to.equal(0);
  });
});

describe('ingest: archival references', () => {
  const refs = (t: string): string[] => parseArchivalReferences(t).map((r) => `${r.reference.archive}|${r.reference.units.map((u) => `${u.type}=${u.value}`).join(',')}`);

  it('reads fond, opis, delo, papka, folios in every spelling', () => {
    expect(refs('APRF, F. 39, Op. 1, D. 31, L. 53, and RGASPI, f. 558, op. 11, d. 330, ll. 0091.')).to.deep.equal([
      'APRF|fond=39,opis=1,delo=31,folio=53',
      'RGASPI|fond=558,opis=11,delo=330,folio=0091',
    ]);
    expect(refs('APRF, fond 45, opis 1, delo 334, listy 105-106')).to.deep.equal(['APRF|fond=45,opis=1,delo=334,folio=105-106']);
    expect(refs('TsAMO RF, fond 5, opis 918795, delo 122, listi 712-713')).to.deep.equal(['TsAMO|fond=5,opis=918795,delo=122,folio=712-713']);
    expect(refs('APRF, F. 45, Op. 1, D. 332, II. 47-48, and RGASPI, f. 558, op. 11, d. 333, II.0046-0048.')).to.deep.equal([
      'APRF|fond=45,opis=1,delo=332,folio=47-48',
      'RGASPI|fond=558,opis=11,delo=333,folio=0046-0048',
    ]);
    expect(refs('Архив Президента Российской Федерации, Фонд N 45, Опись N 1,Дело 332,Лист N 47-48')).to.deep.equal(['APRF|fond=45,opis=1,delo=332,folio=47-48']);
    expect(refs('AVP RF, F. 07, Op. 23a, P. 18, D. 234, pp. 12-14')).to.deep.equal(['AVPRF|fond=07,opis=23a,papka=18,delo=234,folio=12-14']);
    // The AVPRF's own abbreviations: "por." (poriadkovyi nomer, the file) and "pap." (papka).
    expect(refs('AVPRF, f. 0100, op. 42, por. 19, pap. 288, ll. 28-31')).to.deep.equal(['AVPRF|fond=0100,opis=42,delo=19,papka=288,folio=28-31']);
    expect(refs('AP RF, f. 3, op. 65, d. 5, l. 1; TsAMO, f. 5, op. 918795, d. 122')).to.deep.equal(['APRF|fond=3,opis=65,delo=5,folio=1', 'TsAMO|fond=5,opis=918795,delo=122']);
    expect(parseArchivalReferences('AP RF, f. 3')[0]!.reference.archiveAsWritten).to.equal('AP RF');
  });

  it('reads an archive followed by a colon, and TsAMO with its country suffix (real citations)', () => {
    expect(refs('APRF: F. 39, Op. 1, D. 31, Ll. 39-40.')).to.deep.equal(['APRF|fond=39,opis=1,delo=31,folio=39-40']);
    expect(parseArchivalReferences('APRF: F. 39, Op. 1')[0]!.problems).to.deep.equal([]);
    expect(refs('TsAMO RF, fond 5, opis 918795, delo 124, list 429.')).to.deep.equal(['TsAMO|fond=5,opis=918795,delo=124,folio=429']);
    expect(parseArchivalReferences('TsAMO RF, fond 5')[0]!.reference.archiveAsWritten).to.equal('TsAMO RF');
    expect(refs('ЦАМО РФ, ф. 5, оп. 918795, д. 124, л. 429')).to.deep.equal(['TsAMO|fond=5,opis=918795,delo=124,folio=429']);
  });

  it('reports the parts it does not understand, with their offset', () => {
    const [r] = parseArchivalReferences('RGANI, f. 5, box 12, d. 30');
    expect(r!.reference.units.map((u) => u.type)).to.deep.equal(['fond', 'delo']);
    expect(r!.problems).to.deep.equal([{ text: 'box 12', offset: 13 }]);
    expect(parseUnit('shelf 7')).to.include({ ok: false, offset: 0 });
    expect(parseUnit('ll.0091')).to.deep.equal({ ok: true, value: { type: 'folio', value: '0091' } });
  });
});

describe('ingest: citation parts', () => {
  it('splits a citation into archives, reprint, translators and URL', () => {
    const c = parseCitation(
      '"Ciphered Telegram No. 0100, Stalin to Terebin", January 6, 1949, Wilson Center Digital Archive, APRF, F. 39, Op. 1, D. 31, L. 53. Reprinted in A. Ledovskii, *Sovetsko-Kitaiskie Otnosheniia*, Vol. 5 (Moscow, 2005), pp. 7-8. Translated by Sergey S. Radchenko and Gary Goldberg. <https://digitalarchive.wilsoncenter.org/document/112223>',
    );
    expect(c.url).to.equal('https://digitalarchive.wilsoncenter.org/document/112223');
    expect(c.reprint).to.equal('A. Ledovskii, Sovetsko-Kitaiskie Otnosheniia, Vol. 5 (Moscow, 2005), pp. 7-8');
    expect(c.reprintTitle).to.equal('Sovetsko-Kitaiskie Otnosheniia');
    expect(c.translators).to.deep.equal(['Sergey S. Radchenko', 'Gary Goldberg']);
    expect(c.archivalText).to.include('APRF, F. 39, Op. 1, D. 31, L. 53.').and.not.include('Reprinted');
    expect(c.text).to.not.include('https://');
  });

  it('reads translators, funders and record ids', () => {
    expect(parseTranslators('Translated for CWIHP by Kathryn Weathersby, Alexandre Mansourov, and Sergey Radchenko.')).to.deep.equal(['Kathryn Weathersby', 'Alexandre Mansourov', 'Sergey Radchenko']);
    expect(parseFunders('This document was made possible with support from Leon Levy Foundation')).to.deep.equal(['Leon Levy Foundation']);
    expect(parseFunders('Made possible with support from the Henry Luce Foundation and the MacArthur Foundation.')).to.deep.equal(['Henry Luce Foundation', 'MacArthur Foundation']);
    expect(recordIdOfUrl('https://wilson-center.drivingcreative.com/document/112223')).to.equal('112223');
    expect(recordIdOfUrl('https://digitalarchive.wilsoncenter.org/document/ciphered-telegram-roshchin-113732')).to.equal('113732');
    expect(recordIdOfUrl('https://example.org/archive/item/5/')).to.equal('5');
    expect(recordIdOfUrl('https://example.org/archive/')).to.equal(undefined);
  });
});

describe('ingest: titles', () => {
  const who = (title: string): string[] =>
    correspondenceOfTitle(title).actions.map((a) => `${a.type}:${a.persons.map((p) => p.text + (p.supplied ? `[${p.supplied}]` : '')).join('+')}${a.place ? `@${a.place.text}` : ''}`);

  it('reads who sent, passed on and received', () => {
    expect(who('Ciphered Telegram No. 0100, Stalin to Terebin')).to.deep.equal(['sent:Stalin', 'received:Terebin']);
    expect(who('Ciphered Telegram from Roshchin in Beijing to Filippov [Stalin]')).to.deep.equal(['sent:Roshchin@Beijing', 'received:Filippov[Stalin]']);
    expect(who('Ciphered Telegram No. 2950, Filippov [Stalin] to Krasovsky, for Cde. Mao Zedong')).to.deep.equal(['sent:Filippov[Stalin]', 'transmitted:Krasovsky', 'received:Mao Zedong']);
    expect(who("Draft Reply to Mao Zedong's Telegram from Stalin via Molotov")).to.deep.equal(['sent:Stalin', 'transmitted:Molotov', 'received:Mao Zedong']);
    expect(who('Ciphered Telegram No. 16293 from Beijing, Mao Zedong to Filippov [Stalin]')).to.deep.equal(['sent:Mao Zedong@Beijing', 'received:Filippov[Stalin]']);
    expect(who('Telegram from Zhou Enlai and Mao Zedong to Stalin')).to.deep.equal(['sent:Zhou Enlai+Mao Zedong', 'received:Stalin']);
    expect(who('Minutes of the Politburo meeting')).to.deep.equal([]);
  });

  it('reads parentheses as the titles use them: a name supplied, an intermediary, a name after an office', () => {
    expect(who('Ciphered Telegram from Fyn Si (Stalin) to Kim Il Sung (via Shtykov)')).to.deep.equal(['sent:Fyn Si[Stalin]', 'transmitted:Shtykov', 'received:Kim Il Sung']);
    expect(who('Ciphered Telegram from Gromyko to Soviet Ambassador in Pyongyang (Shtykov)')).to.deep.equal(['sent:Gromyko', 'received:Shtykov@Pyongyang']);
    // An office with no name is no correspondent: nothing is guessed.
    expect(who('Telegram from Gromyko to the Soviet Ambassador in Pyongyang')).to.deep.equal(['sent:Gromyko']);
    // The intermediary in square brackets too.
    expect(who('Cable, Stalin to Mao Zedong [via Kovalev]')).to.deep.equal(['sent:Stalin', 'transmitted:Kovalev', 'received:Mao Zedong']);
  });

  it('reads the writer before the type, two type words, offices before known names, and a place after the addressee', () => {
    expect(who('Kovalev Report to Stalin on a Conversation with Mao')).to.deep.equal(['sent:Kovalev', 'received:Stalin']);
    expect(who('Cable Telegram no. 59363 from Kovalev to Stalin, containing a message from Mao Zedong')).to.deep.equal(['sent:Kovalev', 'received:Stalin']);
    // A form word before the type is no writer.
    expect(who('Ciphered Telegram to Stalin')).to.deep.equal([]);
    expect(who('Ciphered Telegram from DPRK leader Kim Il Sung and South Korean Communist Leader Pak Heon-yeong to Stalin (via Shtykov)')).to.deep.equal([
      'sent:Kim Il Sung+Pak Heon-yeong',
      'transmitted:Shtykov',
      'received:Stalin',
    ]);
    // An office before a name the personography does not know keeps the whole: nothing is guessed.
    expect(who('Telegram from Party Leader Ivan Unknownov to Stalin')).to.deep.equal(['sent:Party Leader Ivan Unknownov', 'received:Stalin']);
    expect(who('Ciphered telegram, Shtykov to Ministry of Foreign Affairs, Moscow')).to.deep.equal(['sent:Shtykov', 'received:Ministry of Foreign Affairs@Moscow']);
  });

  it('stops the names where the subject of the title begins', () => {
    expect(who('Telegram from Shtykov to Vyshinsky on a Luncheon at the Ministry of Foreign Affairs of the DPRK')).to.deep.equal(['sent:Shtykov', 'received:Vyshinsky']);
    expect(who('Cable from Roshchin to Filippov [Stalin], Relaying a Message from Mao Zedong')).to.deep.equal(['sent:Roshchin', 'received:Filippov[Stalin]']);
    expect(who('Letter from Kim Il Sung to Stalin regarding the Situation in the South')).to.deep.equal(['sent:Kim Il Sung', 'received:Stalin']);
    expect(who('Telegram from Stalin to Mao Zedong via Kovalev about the Talks in Moscow')).to.deep.equal(['sent:Stalin', 'transmitted:Kovalev', 'received:Mao Zedong']);
    expect(who('Ciphered Telegram, Zhou Enlai to Filippov [Stalin] in Reply to the Telegram of 5 July')).to.deep.equal(['sent:Zhou Enlai', 'received:Filippov[Stalin]']);
    expect(who('Telegram from Mao Zedong in Beijing to Stalin Concerning Korea')).to.deep.equal(['sent:Mao Zedong@Beijing', 'received:Stalin']);
    expect(who('Ciphered Telegram No. 4581 from Feng Xi [Stalin] to Soviet Ambassador Roshchin in Beijing, for Zhou Enlai')).to.deep.equal(['sent:Feng Xi[Stalin]', 'transmitted:Roshchin', 'received:Zhou Enlai']);
    expect(who('Telegram from Lieutenant General Kuzma Derevyanko to Marshal Vasilevsky')).to.deep.equal(['sent:Kuzma Derevyanko', 'received:Vasilevsky']);
    expect(who('Ciphered telegram No. 75021, Roshchin to Filippov (Stalin) transmitting message from Mao Zedong to Stalin')).to.deep.equal(['sent:Roshchin', 'received:Filippov[Stalin]']);
    expect(who('Telegram, Mao Zedong to Stalin, 1 March 1950')).to.deep.equal(['sent:Mao Zedong', 'received:Stalin']);
    // Names that are only names keep every word.
    expect(who('Telegram from Kovalev to Filippov [Stalin] and Molotov')).to.deep.equal(['sent:Kovalev', 'received:Filippov[Stalin]+Molotov']);
    // A subject after a comma, in title case (a real title): no "Plans" as a person, no "Mao's Visit to Moscow" as Mao.
    expect(who("Cable, Terebin to Stalin, Plans for Mao's Visit to Moscow")).to.deep.equal(['sent:Terebin', 'received:Stalin']);
    expect(who('Telegram, Shtykov to Vyshinsky, Report on the Situation in Pyongyang')).to.deep.equal(['sent:Shtykov', 'received:Vyshinsky']);
    // Words in lower case make no name, whatever precedes them; a particle does not count.
    expect(who("Letter from Stalin to Mao's Visit to Moscow")).to.deep.equal(['sent:Stalin']);
    expect(who('Letter from Charles de Gaulle to Stalin')).to.deep.equal(['sent:Charles de Gaulle', 'received:Stalin']);
    // A title that opens with the names and names a document type only in its subject (an older layout's citation).
    expect(who('Gromyko to G.M. Malenkov, attaching draft telegram to Razuvaev')).to.deep.equal(['sent:Gromyko', 'received:G.M. Malenkov']);
    // An institution is a correspondent too, named whole.
    expect(correspondenceOfTitle('Ciphered telegram, Roshchin to USSR Foreign Ministry').actions.map((a) => `${a.type}:${a.persons.map((p) => `${p.text}${p.org ? ' (org)' : ''}`).join('+')}`)).to.deep.equal(['sent:Roshchin', 'received:USSR Foreign Ministry (org)']);
    expect(correspondenceOfTitle('Telegram from Mao Zedong to the CC VKP(b)').actions.map((a) => `${a.type}:${a.persons.map((p) => `${p.text}${p.org ? ' (org)' : ''}`).join('+')}`)).to.deep.equal(['sent:Mao Zedong', 'received:CC VKP(b) (org)']);
  });

  it('names the document type the title gives first', () => {
    expect(documentTypeOfTitle('Ciphered Telegram No. 0100, Stalin to Terebin')).to.equal('ciphered telegram');
    expect(documentTypeOfTitle("Draft Reply to Mao Zedong's Telegram from Stalin via Molotov")).to.equal('draft');
    expect(documentTypeOfTitle('Cable from Zhou Enlai to Filippov')).to.equal('cable');
    expect(documentTypeOfTitle('Letter from Kim Il Sung to Stalin')).to.equal('letter');
    expect(documentTypeOfTitle('Memorandum of Conversation')).to.equal('memorandum');
    expect(documentTypeOfTitle('Soviet views')).to.equal(undefined);
  });
});

describe('ingest: lines and inline marks', () => {
  it('decides the script of a line by its letters; numbers and Roman numerals are neutral', () => {
    expect(scriptOf('ШИФРТЕЛЕГРАММА № 0100')).to.equal('ru');
    expect(scriptOf('Dec[iphered by] Araushkin 12.50 3.10')).to.equal('en');
    expect(scriptOf('毛泽东')).to.equal('zh');
    expect(scriptOf('№ 40, II')).to.equal(undefined);
    expect(scriptOf('[...]')).to.equal(undefined);
  });

  it('tells signatures from addresses', () => {
    for (const s of ['РОЩИН', 'Ф И Л И П П О В.', 'М А О Ц З Е - Д У Н', 'В.Молотов', 'FILIPPOV [Stalin].', 'Gromyko', '*Герасимов* /Герасимов/']) {
      expect(isNameLike(s), s).to.equal(true);
      expect(isAddress(s), s).to.equal(false);
    }
    for (const s of ['ФИЛИППОВУ', 'Т Е Р Е Б И Н У.', 'ПЕКИН, КРАСОВСКОМУ.', 'TO FILIPPOV [STALIN]', 'Для тов. МАО ЦЗЕ-ДУНА.', 'Товарищам МАЛЕНКОВУ, БЕРИЯ, КАГАНОВИЧУ, БУЛГАНИНУ']) {
      expect(isNameLike(s), s).to.equal(true);
      expect(isAddress(s), s).to.equal(true);
    }
    for (const s of ['Ждем ответа.', 'Telegraph the implementation.', 'N 2270. 3..10.50 г.']) expect(isNameLike(s), s).to.equal(false);
  });

  it('finds two lower-case words in a row by code exactly where the Unicode expression does', () => {
    const TWO_LOWER_WORDS = /\p{Ll}{3,}\s+\p{Ll}{3,}/u;
    // Lower- and upper-case letters of several scripts, every kind of white space, punctuation, a surrogate pair.
    const alphabet = ['a', 'z', 'A', 'а', 'я', 'ё', 'Ж', 'ß', 'é', 'ω', ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '.', '-', '«', '—', '№', '1', '𝐚', '\u0301'];
    let seed = 7;
    const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let k = 0; k < 3000; k++) {
      let s = '';
      for (let i = next(14); i > 0; i--) s += alphabet[next(alphabet.length)]!.repeat(1 + next(4));
      expect(hasTwoLowerWords(s), JSON.stringify(s)).to.equal(TWO_LOWER_WORDS.test(s));
    }
    expect(hasTwoLowerWords('Ждем  ответа')).to.equal(true);
    expect(hasTwoLowerWords('ab cde fg')).to.equal(false);
  });

  it('parses handwriting, supplied words, doubt and gaps, and keeps unbalanced marks as text', () => {
    expect(parseInline('Верно нап. смены - *Трансмиттер*')).to.deep.equal([
      { kind: 'text', text: 'Верно нап. смены - ' },
      { kind: 'handwritten', content: [{ kind: 'text', text: 'Трансмиттер' }] },
    ]);
    expect(parseInline('Beiping [Beijing] [?] This [...] end')).to.deep.equal([
      { kind: 'text', text: 'Beiping ' },
      { kind: 'supplied', text: 'Beijing' },
      { kind: 'text', text: ' ' },
      { kind: 'uncertain' },
      { kind: 'text', text: ' This ' },
      { kind: 'gap' },
      { kind: 'text', text: ' end' },
    ]);
    expect(parseInline('a * b [c')).to.deep.equal([{ kind: 'text', text: 'a * b [c' }]);
  });

  it('tells the translators\' and editors\' remarks in brackets from words they supply', () => {
    const kinds = (t: string): string[] => parseInline(t).filter((c) => c.kind !== 'text').map((c) => `${c.kind} ${'text' in c ? c.text : ''}`.trim());
    expect(kinds('[Translator’s note: the following paragraph was highlighted] 3. There were')).to.deep.equal(['note Translator’s note: the following paragraph was highlighted']);
    expect(kinds('Terebin [trans. note-- real name unknown] and [Ed. note: see above]')).to.deep.equal(['note trans. note-- real name unknown', 'note Ed. note: see above']);
    expect(kinds('[signature] (V. Grigor’yan)')).to.deep.equal(['note signature']);
    expect(kinds('Instantsiya [codename for Stalin] agrees [sic]')).to.deep.equal(['note codename for Stalin', 'note sic']);
    // Words the translator supplies stay supplied, whatever they begin with.
    expect(kinds('close [inserted by hand: appropriate] and [Stalin], [telegram], [we], [Noted]')).to.deep.equal([
      'note inserted by hand: appropriate',
      'supplied Stalin',
      'supplied telegram',
      'supplied we',
      'supplied Noted',
    ]);
  });
});

describe('ingest: the no-word-lost check', () => {
  it('splits glued words the way the scrape glues them', () => {
    expect(wordsOf('СЕКРЕТНОЭкз. № 2Продолжение')).to.deep.equal(['секретно', 'экз', '2', 'продолжение']);
    expect(wordsOf('FILIPPOV["]')).to.deep.equal(['filippov']);
  });

  it('finds a word the model lost', () => {
    const text = seedText('000');
    const { page } = ingestOk(text);
    const para = page.versions[0]!.blocks.find((b) => b.kind === 'paragraph')!;
    para.content = [{ kind: 'text', text: 'На № 1.' }];
    expect(lostWords(text, page)).to.include.members(['передайте', 'мао', 'следующее']);
  });
});
