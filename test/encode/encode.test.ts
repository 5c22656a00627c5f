import { expect } from 'chai';
import { ARCHIVES } from '../../src/authority/archives.js';
import { PERSONS } from '../../src/authority/persons.js';
import { PLACES } from '../../src/authority/places.js';
import { encodeArchives, encodePersons, encodePlaces } from '../../src/encode/authority.js';
import { stamp, stampState } from '../../src/encode/stamp.js';
import { encodeTelegram } from '../../src/encode/telegram.js';
import type { TelegramPage } from '../../src/model.js';
import { block, p, page, roshchinPage, version } from './pages.js';
import { missingWords, parseTei } from './xmltest.js';

const OPTS = { sourceName: 'test.txt', sourceSha256: '0'.repeat(64), version: '0.1.0' };

function encode(pg: TelegramPage): { xml: string; tei: ReturnType<typeof parseTei> } {
  const { xml } = encodeTelegram(pg, OPTS);
  return { xml, tei: parseTei(xml) };
}

function elements(tei: ReturnType<typeof parseTei>, name: string, attrs: Record<string, string> = {}): Array<Record<string, string>> {
  return tei.elements.filter((e) => e.name === name && Object.entries(attrs).every(([k, v]) => e.attrs[k] === v)).map((e) => e.attrs);
}

describe('encode: a telegram page as TEI', () => {
  it('is well-formed, starts with the schema PIs and is named from the record id', () => {
    const { xml, tei } = encode(roshchinPage());
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<?xml-model href="../odd/shifr.rng"')).to.equal(true);
    expect(tei.pis.map((p) => p.target)).to.deep.equal(['xml-model', 'xml-model']);
    expect(tei.ids.has('wcda-113732')).to.equal(true);
    expect(tei.ids.has('wcda-113732-ru')).to.equal(true);
    expect(tei.ids.has('wcda-113732-en')).to.equal(true);
  });

  it('gives the same bytes for the same page, and records no date of the run', () => {
    const a = encodeTelegram(roshchinPage(), OPTS).xml;
    const b = encodeTelegram(roshchinPage(), OPTS).xml;
    expect(a).to.equal(b);
    expect(a).not.to.include(new Date().toISOString().slice(0, 10));
  });

  it('derives a stable content id when the page has no record id', () => {
    const pg = roshchinPage();
    delete pg.recordId;
    const id = encodeTelegram(pg, OPTS).id;
    expect(id).to.match(/^shifr-[0-9a-f]{8}$/);
    // The name earlier versions of shifr gave its file: a new version must not rename it.
    expect(id).to.equal('shifr-f06874c8');
    expect(encodeTelegram({ ...pg, file: 'elsewhere.txt' }, OPTS).id).to.equal(id);
  });

  it('keeps every word of the telegram text', () => {
    const pg = roshchinPage();
    const { tei } = encode(pg);
    const source = pg.versions.flatMap((v) => v.blocks.map((b) => b.source)).join('\n');
    expect(missingWords(source, tei.text)).to.deep.equal([]);
  });

  it('points every @ref at an entry of the authority files, and every #pointer at an id', () => {
    const { tei } = encode(roshchinPage());
    const known = new Set([...PERSONS.map((x) => `persons.xml#${x.id}`), ...PLACES.map((x) => `places.xml#${x.id}`), ...ARCHIVES.map((x) => `archives.xml#${x.id}`)]);
    const refs = tei.refs.filter((r) => r.attr === 'ref');
    expect(refs.length).to.be.greaterThan(20);
    for (const r of refs) expect(known.has(r.value), r.value).to.equal(true);
    for (const r of tei.refs.filter((x) => x.attr === 'corresp' || x.attr === 'who' || x.attr === 'scheme')) {
      for (const ptr of r.value.split(' ').filter((v) => v.startsWith('#'))) expect(tei.ids.has(ptr.slice(1)), ptr).to.equal(true);
    }
  });

  it('encodes the header per the conventions: archives, numbers, correspondents', () => {
    const { tei } = encode(roshchinPage());
    expect(elements(tei, 'repository').map((r) => r.ref)).to.deep.equal(['archives.xml#APRF', 'archives.xml#RGASPI']);
    expect(elements(tei, 'idno', { type: 'fond' })).to.have.length(2);
    expect(elements(tei, 'idno', { type: 'telegram', subtype: 'outgoing', source: '#original' })).to.have.length(1);
    expect(elements(tei, 'correspAction').map((a) => a.type)).to.deep.equal(['sent', 'received']);
    expect(elements(tei, 'persName', { ref: 'persons.xml#stalin', type: 'pseudonym' }).length).to.be.greaterThan(1);
    expect(elements(tei, 'date', { when: '1950-10-03' }).length).to.be.greaterThan(2);
  });

  it('encodes the telegram structure: opener, quoted telegram, closer, notes, editorial marks', () => {
    const { xml } = encode(roshchinPage());
    expect(xml).to.include('<salute><persName ref="persons.xml#stalin" type="pseudonym">ФИЛИППОВУ</persName></salute>');
    expect(xml).to.match(/<floatingText type="telegram">\s*<body>\s*<p xml:id="wcda-113732-ru-p2"/);
    expect(xml).to.include('<dateline><idno type="telegram">N 2270</idno>. <date when="1950-10-03">3..10.50 г.</date></dateline>');
    expect(xml).to.include('<supplied reason="editorial"><persName ref="persons.xml#mao-zedong">Мао Цзэдуном</persName> и другими</supplied>');
    expect(xml).to.include('<note type="deciphering">Dec<supplied reason="editorial">iphered by</supplied> Araushkin 12.50 3.10<lb/>');
    expect(xml).to.match(/<note type="distribution">\s*<list>\s*<item>Экз.N 1-тов. <persName ref="persons.xml#stalin">Сталину<\/persName><\/item>/);
    expect(xml).to.include('<item>N 8-тов,Ьулганину</item>');
    // the closer of the quoted telegram stays inside it; the outer closer follows the last paragraph
    expect(xml.indexOf('МАО ЦЗЭДУН</persName>.</signed>')).to.be.lessThan(xml.indexOf('</floatingText>'));
  });

  it('pairs the paragraphs with @corresp both ways', () => {
    const { tei } = encode(roshchinPage());
    const ps = elements(tei, 'p').filter((x) => x['xml:id']);
    expect(ps).to.have.length(14);
    for (const x of ps) {
      expect(x.corresp, x['xml:id']).to.be.a('string');
      for (const t of x.corresp!.split(' ')) {
        const other = ps.find((y) => y['xml:id'] === t.slice(1))!;
        expect(other.corresp!.split(' ')).to.include(`#${x['xml:id']}`);
      }
    }
    expect(ps.find((x) => x['xml:id'] === 'wcda-113732-ru-p6')!.corresp).to.equal('#wcda-113732-en-p6');
  });

  it('reports a paragraph left without counterpart at its place in the page', () => {
    const extra = p('Снята копия в одном экз. Отп. Сигаева № 1120.');
    const pg = page([
      version('original', 'ru', [p('Передайте Мао Цзе-дуну следующее: мы согласны с Вами.'), extra, p('Исполнение телеграфьте.')]),
      version('translation', 'en', [p('Convey to Mao Zedong the following: we agree with you.'), p('Telegraph the implementation.')]),
    ]);
    const r = encodeTelegram(pg, OPTS);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.line])).to.deep.equal([['SHF-ENCODE-003', 'info', extra.span.line]]);
    expect(r.diagnostics[0]!.message).to.match(/-ru-p2 \("Снята копия в одном экз\. Отп\.…"\) has no counterpart in the en text/);
  });

  it('keeps two Russian versions apart, each aligned with the translation', () => {
    const pg = page([
      version('original', 'ru', [block('salute', 'Тов. МАО ЦЗЕ-ДУНУ.'), p('Вашу телеграмму от 3 июля получили.'), p('Пятый пункт следует предложить.'), block('signature', 'Ф И Л И П П О В.')], 'archival'),
      version('original', 'ru', [p('Вашу телеграмму от 3 июля получили.'), p('Пятый пункт следует предложить.'), block('signature', 'ФИЛИППОВ')], 'transcript'),
      version('translation', 'en', [p('We received your telegram of 3 July.'), p('The fifth point should be proposed.'), block('signature', 'FILIPPOV [Stalin].')]),
    ]);
    const { tei, xml } = encode(pg);
    const id = tei.elements[0]!.attrs['xml:id']!;
    expect(elements(tei, 'div', { type: 'original' }).map((d) => [d.subtype, d['xml:id']])).to.deep.equal([
      ['archival', `${id}-ru-archival`],
      ['transcript', `${id}-ru-transcript`],
    ]);
    const en1 = elements(tei, 'p').find((x) => x['xml:id'] === `${id}-en-p1`)!;
    expect(en1.corresp!.split(' ')).to.have.length(2);
    expect(xml).to.include('<signed><persName ref="persons.xml#stalin" type="pseudonym">Ф И Л И П П О В</persName>.</signed>');
  });

  it('encodes page breaks, continuation headers, catchwords, gaps, handwriting and [?]', () => {
    const pg = page([
      version('original', 'ru', [
        block('salute', '*тов. Сталину*'),
        p('Уходя от меня, министр Пак Хен Ен согласился и сказал,'),
        block('catchword', '/см.сл.лист/'),
        block('continuation', 'Продолжение шифртелеграммы № 16293 Лист „ 2 “', { folio: '2' }),
        p('что его посещение ставило целью простого свидания [...] и мнение.'),
        block('gap', '[...]'),
      ]),
      version('translation', 'en', [p('While departing, Minister Pak Heon-yeong agreed and said that his visit [...] of Beiping [Beijing] [?]')]),
    ]);
    const { xml } = encode(pg);
    expect(xml).to.include('<salute><hi rend="handwritten">тов. <persName ref="persons.xml#stalin">Сталину</persName></hi></salute>');
    expect(xml).to.include('<fw type="catchword">/см.сл.лист/</fw>');
    expect(xml).to.match(/<pb n="2"\/>\s*<fw type="continuation">Продолжение шифртелеграммы № 16293 Лист „ 2 “<\/fw>/);
    expect(xml).to.include('простого свидания <gap reason="omitted"/> и мнение.');
    expect(xml).to.include('<placeName ref="places.xml#beijing">Beiping</placeName> <supplied reason="editorial"><placeName ref="places.xml#beijing">Beijing</placeName></supplied> <note type="editorial" place="inline">?</note>');
    expect(xml).to.include('<persName ref="persons.xml#pak-hon-yong">Pak Heon-yeong</persName>');
  });

  it('keeps a quoted telegram in one floatingText across a page break, with one pb per sheet', () => {
    const q = { quotedGroup: 1 };
    const pg = page([
      version('original', 'ru', [
        p('Телеграмма товарища Пэн Дэ-хуая от 22.1 с.г.'),
        p('"1. 16.1 с.г. министр иностранных дел Кореи был у меня и сказал,', q),
        block('catchword', '/см.сл.лист/'),
        block('pageBreak', '', { folio: '2' }),
        block('continuation', 'Продолжение шифртелеграммы № 16293 Лист „ 2 “', { folio: '2' }),
        p('что его посещение ставило целью простого свидания".', q),
      ]),
    ]);
    const { xml } = encode(pg);
    expect(xml.match(/<floatingText/g)).to.have.length(1);
    expect(xml.match(/<pb n="2"\/>/g)).to.have.length(1);
    expect(xml).to.match(/<floatingText type="telegram">\s*<body>\s*<p [^>]*>"1\.[\s\S]*<fw type="catchword">[\s\S]*<pb n="2"\/>\s*<fw type="continuation">[\s\S]*<\/body>\s*<\/floatingText>/);
  });

  it('starts a new part when the text goes back to an opener after a closer (a covering note and its draft)', () => {
    const pg = page([
      version('original', 'ru', [
        block('salute', 'Товарищам МАЛЕНКОВУ, БЕРИЯ'),
        p('Представляю проект ответа на телеграмму тов. Мао Цзэдуна.'),
        block('signature', 'В.Молотов'),
        block('closingDate', '26 октября 1949 г.'),
        block('salute', 'КОВАЛЕВУ, РОЩИНУ'),
        p('Передайте Мао Цзэдуну следующий ответ Филиппова.'),
        block('signature', 'Громыко'),
      ]),
    ]);
    const { xml } = encode(pg);
    expect(xml).to.match(/<div type="part" n="1">\s*<opener>[\s\S]*<\/closer>\s*<\/div>\s*<div type="part" n="2">/);
    expect(xml).to.include('<dateline><date when="1949-10-26">26 октября 1949 г.</date></dateline>');
  });
});

describe('encode: authority files', () => {
  it('lists every person with every form, case forms marked, and every place and archive', () => {
    const persons = parseTei(encodePersons());
    expect(persons.ids.has('stalin') && persons.ids.has('mao-zedong') && persons.ids.has('orlov')).to.equal(true);
    const forms = persons.elements.filter((e) => e.name === 'persName');
    expect(forms.find((f) => f.attrs.subtype === 'case' && persons.text.includes('Мао Цзэдуном'))).not.to.equal(undefined);
    expect(persons.text).to.include('Филиппову');
    expect(persons.text).to.include('Теребин');
    const places = parseTei(encodePlaces());
    expect(places.ids.has('beijing')).to.equal(true);
    expect(places.text).to.include('Peking');
    expect(parseTei(encodeArchives()).ids.has('APRF')).to.equal(true);
  });

  it('notes the files and forms that attest a person', () => {
    const xml = encodePersons(new Map([['persons.xml#stalin', [{ file: 'wcda-113732', forms: ['ФИЛИППОВУ', 'Сталину'] }]]]));
    expect(xml).to.include('<item><ref target="wcda-113732.xml">wcda-113732</ref>: <mentioned>ФИЛИППОВУ</mentioned>, <mentioned>Сталину</mentioned></item>');
  });
});

describe('encode: the generation stamp', () => {
  it('recognises a file as generated, edited, or foreign', () => {
    const xml = stamp(encodeArchives());
    expect(xml).to.match(/^<\?shifr generated="sha256:[0-9a-f]{64}"\?>\n<TEI /m);
    expect(stampState(xml)).to.equal('generated');
    expect(stampState(xml.replace('Podolsk', 'Moscow'))).to.equal('edited');
    expect(stampState(encodeArchives())).to.equal('foreign');
  });
});
