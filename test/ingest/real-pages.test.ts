/**
 * Pages of the Wilson Center Digital Archive as its current site gives them, none made from the
 * seeds: English only, the summary after the text, "Author(s):" and the site's link lists before
 * the footer, a footer whose "Source" and "Rights" labels the scrape lost, numbers written "Nº"
 * and "#", English service notes, pages cut off inside the footer, one of the 2013–2019 site
 * (bulleted labels, the summary in the citation box, no title line) and one of an older layout (the
 * summary and the citation under the date line, without labels), both cut off in the text; footers
 * with "Original Archive", an empty Source, a Record ID with no number; pages of a mirror that keeps one line break
 * between paragraphs and none blank ("flat"). Each gives a model that loses no word and drops only markup, and a TEI
 * file valid against the edition's schema.
 */
import { expect } from 'chai';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, scratchDir } from '../helpers.js';
import { blocks, DROPPABLE, fixture, ingestOk, lostWords, textOf } from './helpers.js';
import { ingestPage } from '../../src/ingest/index.js';
import { encodePage } from '../../src/convert.js';
import type { TelegramPage } from '../../src/model.js';

const REAL = join(ROOT, 'test', 'fixtures', 'ingest', 'real');
const PAGES = readdirSync(REAL).filter((f) => f.endsWith('.txt')).sort();
const page = (name: string): { page: TelegramPage; codes: string[] } => ingestOk(fixture(join('real', `${name}.txt`)), `${name}.txt`);
const archives = (p: TelegramPage): string[] => p.archives.map((a) => a.archive);
const numbers = (p: TelegramPage): string[] => p.numbers.map((n) => `${n.value} ${n.kind}@${n.source}`);
const kinds = (p: TelegramPage): string[] => blocks(p).map((b) => (b.noteType ? `${b.kind}:${b.noteType}` : b.kind));

describe('ingest: real pages of the current site', () => {
  it('loses no word of any page, and drops only markup and the site\'s labels', () => {
    expect(PAGES).to.have.length.greaterThan(3);
    for (const f of PAGES) {
      const text = fixture(join('real', f));
      const { page: p, codes } = ingestOk(text, f);
      expect(lostWords(text, p), f).to.deep.equal([]);
      // Another document's summary above the date line is set aside, and said (SHF-INGEST-012).
      const preface = codes.includes('SHF-INGEST-012') ? text.split('\n').slice(0, text.split('\n').findIndex((l) => /^[A-Z][a-z]+ \d{1,2}, \d{4}$/.test(l.trim()))) : [];
      // A page cut off inside a label ("Document Inf") ends with the label's beginning.
      const cutLabel = (d: string): boolean => text.trimEnd().endsWith(d) && d.length >= 4 && 'Document Information'.startsWith(d);
      // The site's "Related Documents" list (other records' dates, titles and summaries) is its navigation, not this page's.
      const lines = text.split('\n').map((l) => l.trim());
      const from = lines.indexOf('Related Documents');
      const related = from < 0 ? [] : lines.slice(from, lines.indexOf('Document Information', from) >>> 0);
      for (const d of p.dropped) if (!preface.includes(d) && !cutLabel(d) && !related.includes(d.trim())) expect(d, `${f} dropped`).to.match(DROPPABLE);
    }
  });

  it('reads a footer whose Source and Rights labels are missing by what its paragraphs say', () => {
    const { page: p, codes } = page('ciphered-telegram-25553-roshchin-filippov');
    expect(archives(p)).to.deep.equal(['APRF', 'RGASPI']);
    expect(p.citation).to.equal('AP RF, f. 45, op. 1, d. 334, l. 141; and RGASPI, f. 558, op. 11, d. 334, ll. 0141. Translated by Gary Goldberg.');
    expect(p.translators).to.deep.equal(['Gary Goldberg']);
    expect(p.rights).to.have.length(2);
    expect(p.rights![0]).to.match(/^The History and Public Policy Program welcomes reuse/);
    expect(p.footerNotes).to.equal(undefined);
    expect(codes).to.not.include('SHF-INGEST-013');
  });

  it('keeps a footer paragraph that is neither citation nor rights as a note of the page', () => {
    const text = fixture(join('real', 'ciphered-telegram-25553-roshchin-filippov.txt')).replace('Document Information\n', 'Document Information\n\nScanned from the microfilm copy.\n');
    const { page: p } = ingestOk(text);
    expect(p.footerNotes).to.deep.equal(['Scanned from the microfilm copy.']);
    expect(archives(p)).to.deep.equal(['APRF', 'RGASPI']);
    expect(lostWords(text, p)).to.deep.equal([]);
  });

  it('reads the 2013–2019 site: title and summary from the citation box, its buttons and tabs dropped', () => {
    const { page: p, codes } = page('ciphered-telegram-53517-kovalev-filippov-2013-site-cut-off');
    expect(p.title).to.equal('Ciphered Telegram No. 53517 from Kovalev to Filippov [Stalin]');
    expect(p.summary).to.match(/^Kovalev reports to Filippov \(Stalin\) about the conversation/);
    expect(p.citation).to.match(/^"Ciphered Telegram No\. 53517 from Kovalev to Filippov \[Stalin\]," April 13, 1949/);
    expect(archives(p)).to.deep.equal(['APRF', 'RGASPI']);
    expect(p.translators).to.deep.equal(['Sergey Radchenko']);
    expect(p.reprint).to.match(/^Andrei Ledovskii, Raisa Mirovitskaia and Vladimir Miasnikov, Sovetsko-Kitaiskie Otnosheniia/);
    expect(p.correspondence.map((a) => `${a.type} ${a.persons.map((x) => x.text).join()}`)).to.deep.equal(['sent Kovalev', 'received Filippov']);
    expect(kinds(p).slice(0, 2)).to.deep.equal(['salute', 'paragraph']);
    expect(blocks(p).map(textOf).join('\n')).to.not.match(/get citation|share document|English HTML|Search in/);
    expect(codes).to.deep.equal(['SHF-INGEST-014', 'SHF-INGEST-003', 'SHF-INGEST-004']);
  });

  it('reads an archive cited with a colon after its name, and TsAMO with "RF"', () => {
    const colon = page('cable-stalin-kuznetsov-mao-terebin-archive-colon');
    expect(colon.page.archives.map((a) => `${a.archive} ${a.units.map((u) => `${u.type}=${u.value}`).join(' ')}`)).to.deep.equal(['APRF fond=39 opis=1 delo=31 folio=25']);
    expect(colon.codes).to.not.include('SHF-INGEST-005');
    const tsamo = page('telegram-shtykov-first-deputy-tsamo-rf');
    expect(tsamo.page.archives.map((a) => `${a.archive} (${a.archiveAsWritten}) ${a.units.map((u) => `${u.type}=${u.value}`).join(' ')}`)).to.deep.equal(['TsAMO (TsAMO RF) fond=5 opis=918795 delo=124 folio=429']);
    expect(tsamo.page.translators).to.deep.equal(['James F. Person']);
    expect(tsamo.codes).to.not.include('SHF-INGEST-005');
  });

  it('knows the "Original Archive" label: an empty Source is said at its label, and rights text under the label is the Rights', () => {
    const empty = ingestPage(fixture(join('real', 'cable-terebin-stalin-empty-source-cut-off.txt')), 'p.txt');
    const d = empty.diagnostics.find((x) => x.code === 'SHF-INGEST-013')!;
    expect(`${d.line}:${d.column} ${d.message}`).to.equal('15:1 the page\'s "Source" is empty (the scrape kept the label without its text), so no archival reference');
    expect(empty.page!.citation).to.equal(undefined);
    expect(empty.page!.footerSource).to.equal(undefined);
    const moved = page('note-grigoryan-stalin-original-archive');
    expect(moved.page.rights).to.have.length(2);
    expect(moved.page.rights![0]).to.match(/^The History and Public Policy Program welcomes reuse/);
    expect(moved.page.footerNotes).to.equal(undefined);
    // The cover note's registry number and copy note close it; the draft it attaches follows.
    const closing = blocks(moved.page).filter((b) => b.kind === 'closingDate' || b.kind === 'distribution').map((b) => `${b.kind}: ${textOf(b)}`);
    expect(closing.slice(0, 2)).to.deep.equal(['closingDate: 1 November 1949\nNº 15-G-1952', 'distribution: Copies distributed to Cdes.']);
    // A name under the label is kept, as a note of the page.
    const text = fixture(join('real', 'note-grigoryan-stalin-original-archive.txt')).replace('Original Archive\n', 'Original Archive\nArchive of the President of the Russian Federation\nRights\n');
    const named = ingestOk(text).page;
    expect(named.footerNotes).to.deep.equal(['Original Archive: Archive of the President of the Russian Federation']);
    expect(named.rights).to.have.length(2);
  });

  it('reads "From Cde. Terebin" as the sender\'s line, not a place, and a title\'s subject after a comma as no correspondent', () => {
    const { page: p } = page('cable-terebin-stalin-plans-from-cde-cut-off');
    expect(p.correspondence.map((a) => `${a.type} ${a.persons.map((x) => x.text).join('+')}${a.place ? ` @${a.place.text}` : ''}`)).to.deep.equal(['sent Terebin', 'received Stalin']);
  });

  it('reads an older layout: under the date line, without labels, the summary and then the citation, whose title is the title', () => {
    const { page: p, codes } = page('gromyko-malenkov-older-site-unlabeled-citation-cut-off');
    expect(p.title).to.equal('Gromyko to G.M. Malenkov, attaching draft telegram to Razuvaev');
    expect(p.summary).to.match(/^Telegram from from Gromkyo to Malenkov asking for a review/);
    expect(p.citation).to.match(/^"Gromyko to G\.M\. Malenkov, attaching draft telegram to Razuvaev," November 20, 1951/);
    expect(archives(p)).to.deep.equal(['APRF', 'AVPRF']);
    expect(p.correspondence.map((a) => `${a.type} ${a.persons.map((x) => x.text).join('+')}`)).to.deep.equal(['sent Gromyko', 'received G.M. Malenkov']);
    expect(blocks(p).map(textOf).join('\n')).to.not.include('Digital Archive');
    expect(codes).to.not.include('SHF-INGEST-005');
  });

  it('reads a cable form in translation: the described handwritten mark, the copy list and the arrival stamp open one telegram', () => {
    const { page: p } = page('cable-58986-kovalev-filippov-form-cut-off');
    expect(kinds(p).slice(0, 8)).to.deep.equal(['serviceNote:service', 'doctype', 'distribution', 'serviceNote:service', 'distribution', 'distribution', 'serviceNote:registration', 'paragraph']);
    expect(blocks(p).filter((b) => b.kind === 'doctype')).to.have.length(1);
    // The editor's "[Stamp at the end of the first page:" never closes its bracket: the text after it stays text.
    const please = blocks(p).find((b) => textOf(b).startsWith('Please inform us whether this plan'))!;
    expect(please.kind).to.equal('paragraph');
  });

  it('reads the Foreign Ministry\'s form: letterhead, number, times of receipt and dispatch open the telegram; the "Spravka" after it is a service note', () => {
    const mid = page('ciphered-telegram-26044-gromyko-razuvaev-mid-form-cut-off');
    expect(kinds(mid.page).slice(0, 8)).to.deep.equal(['letterhead', 'serviceNote:service', 'serviceNote:registration', 'serviceNote:dispatch', 'doctype', 'salute', 'classification', 'paragraph']);
    const spravka = page('ciphered-telegram-roshchin-foreign-ministry-spravka');
    const k = kinds(spravka.page);
    expect(k[k.length - 1]).to.equal('serviceNote:service');
    expect(blocks(spravka.page).filter((b) => b.kind === 'signature')).to.have.length(1);
    // The addressee, a ministry, is an orgName, not a person left without a ref.
    const xml = encodePage(Buffer.from(fixture(join('real', 'ciphered-telegram-roshchin-foreign-ministry-spravka.txt'))), 'p.txt').xml!;
    expect(xml).to.include('<correspAction type="received">\n          <orgName>USSR Foreign Ministry</orgName>');
  });

  it('reads a flat page (no blank lines): the form\'s stamps, "By telegraph", the addressee, "To No. 483/sh." open the telegram; a copy list broken after a comma goes on', () => {
    const { page: p } = page('ciphered-telegram-shtykov-feng-xi-8th-department-flat');
    expect(kinds(p).slice(0, 7)).to.deep.equal(['dateline', 'dateline', 'serviceNote:registration', 'serviceNote:dispatch', 'salute', 'serviceNote:service', 'paragraph']);
    expect(blocks(p).filter((b) => b.kind === 'distribution').map(textOf)).to.deep.equal(['Copies: Stalin (2), Malenkov, Beria,\nBulganin, Mikoyan, Khrushchev, File of 8th']);
  });

  it('takes the credit line above the text, without its label, as the credits: its funders are recorded', () => {
    const { page: p } = page('telegram-shtykov-vyshinsky-luncheon-credit-line-cut-off');
    expect(p.credits).to.equal('This document was made possible with support from Leon Levy Foundation');
    expect(p.funders).to.deep.equal(['Leon Levy Foundation']);
    expect(blocks(p).map(textOf).join('\n')).to.not.include('made possible');
  });

  it('keeps an address block with its addressee and an office with its signer, and reads the form\'s notes after the closer', () => {
    const { page: p } = page('telephone-message-stalin-kim-il-sung-address-block');
    const salute = blocks(p).find((b) => b.kind === 'salute')!;
    expect(textOf(salute)).to.equal('to Mr. Kim Il Sung\nChairman of the Cabinet of Ministers of\nthe Democratic People’s Republic of Korea');
    const signature = blocks(p).find((b) => b.kind === 'signature')!;
    expect(textOf(signature)).to.equal('I. STALIN\nChairman of the USSR Council of Ministers');
    // "[date left blank] October 1948": a date with the editor's remark for the missing day.
    expect(kinds(p).slice(-4)).to.deep.equal(['closingDate', 'serviceNote:dispatch', 'serviceNote:registration', 'serviceNote:service']);
  });

  it('reads a flat telephone message as one telegram: its heading above the addressee, a paragraph a line, the summary after a closed mark', () => {
    const { page: p } = page('telephone-message-stalin-kim-il-sung-address-block');
    // "Corrected text of a / telegram to Kim Il Sung" stands between the form's type and the addressee: a heading, not
    // text that a second telegram would follow.
    expect(kinds(p).slice(0, 6)).to.deep.equal(['doctype', 'heading', 'salute', 'salute', 'paragraph', 'paragraph']);
    expect(p.versions).to.have.length(1);
    // The page has no blank lines: each long line that ends a sentence is a paragraph of its own.
    expect(blocks(p).filter((b) => b.kind === 'paragraph').map((b) => textOf(b).slice(0, 24))).to.deep.equal(['I confirm receipt of you', 'The Soviet Government, i']);
    // The handwritten mark ends at its bracket: the archive's summary after it is the abstract, not the mark's.
    expect(p.summary).to.match(/^Telegram from Stalin to Kim Il Sung acknowledging/);
    expect(textOf(blocks(p).at(-1)!)).to.match(/14 October 1948\]$/);
    const xml = encodePage(Buffer.from(fixture(join('real', 'telephone-message-stalin-kim-il-sung-address-block.txt'))), 'p.txt').xml!;
    expect(xml).not.to.include('type="part"');
  });

  it('reads a flat page\'s lines as paragraphs: a "Received" stamp takes no text after it, a quoted telegram is one again', () => {
    const { page: p } = page('ciphered-telegram-20772-roshchin-filippov-flat-quoted-mao');
    // The whole telegram had gone into the stamp's note: now the stamp is one line, and the text is text.
    expect(kinds(p).slice(0, 9)).to.deep.equal(['letterhead', 'doctype', 'distribution', 'dateline', 'serviceNote:registration', 'series', 'salute', 'serviceNote:service', 'paragraph']);
    // "To my [telegram] No. 2967 (vkh. No. 20757).": the telegram this one follows, noted on the form.
    expect(textOf(blocks(p)[7]!)).to.equal('To my [telegram] No. 2967 (vkh. No. 20757).');
    // Mao's telegram, quoted from its opening quotation mark to its signature, is the text's quoted document.
    expect(new Set(blocks(p).filter((b) => b.quotedGroup !== undefined).map((b) => b.kind))).to.deep.equal(new Set(['salute', 'paragraph', 'signature', 'closingDate']));
    const xml = encodePage(Buffer.from(fixture(join('real', 'ciphered-telegram-20772-roshchin-filippov-flat-quoted-mao.txt'))), 'p.txt').xml!;
    expect(xml).not.to.include('type="part"');
    expect(xml).to.include('<floatingText type="telegram">');
  });

  it('reads a flat copy of an outgoing cable: its form, the text under "Pass the following", the translator\'s note as a note', () => {
    const { page: p } = page('cable-2220-filippov-mao-outgoing-copy-flat-cut-off');
    expect(kinds(p).slice(0, 6)).to.deep.equal(['serviceNote:service', 'doctype', 'serviceNote:service', 'doctype', 'serviceNote:dispatch', 'serviceNote:dispatch']);
    expect(kinds(p).slice(-3)).to.deep.equal(['signature', 'serviceNote:service', 'serviceNote:typing']);
    const xml = encodePage(Buffer.from(fixture(join('real', 'cable-2220-filippov-mao-outgoing-copy-flat-cut-off.txt'))), 'p.txt').xml!;
    expect(xml).not.to.include('type="part"');
    // The translator's remark is no word of the telegram supplied by the editors; the handwritten mark keeps its brackets.
    expect(xml).to.include('<note type="editorial" place="inline">Translator’s note: the following paragraph was highlighted in the left margin</note>');
    expect(xml).to.include('<note type="service">[handwritten: to Cde. <persName ref="persons.xml#poskrebyshev">Poskrebyshev</persName>]</note>');
  });

  it('reads a flat telegram to a ministry: the addressee after a place and a dash, the place of the title\'s addressee, "of this year"', () => {
    const { page: p, codes } = page('ciphered-telegram-shtykov-mfa-moscow-flat-cut-off');
    expect(kinds(p).slice(0, 6)).to.deep.equal(['dateline', 'serviceNote:registration', 'serviceNote:dispatch', 'priority', 'salute', 'paragraph']);
    // "From Pyongyang Sent 13.9.50 Received" goes on in "13.9. 13:15" (a line that stops at a label).
    expect(textOf(blocks(p)[0]!)).to.equal('From Pyongyang Sent 13.9.50 Received\n13.9. 13:15');
    expect(textOf(blocks(p)[4]!)).to.equal('Moscow—Ministry of Foreign Affairs of the USSR.');
    expect(kinds(p).slice(-2)).to.deep.equal(['closingDate', 'distribution']);
    expect(textOf(blocks(p).at(-2)!)).to.equal('No. 1154/sh.\n13 September of this year');
    const received = p.correspondence.find((a) => a.type === 'received')!;
    expect(received.persons.map((x) => x.text)).to.deep.equal(['Ministry of Foreign Affairs']);
    expect(received.place?.text).to.equal('Moscow');
    expect(codes).not.to.include('SHF-ENCODE-005');
  });

  it('reads a cover telegram and the letter it encloses after "* * * * *" as two documents of the page', () => {
    const { page: p } = page('ciphered-telegram-kim-pak-stalin-enclosed-letter-flat-cut-off');
    const k = kinds(p);
    // The copy list's heading takes the names under it; the address block is the addressee's.
    expect(k.slice(0, 9)).to.deep.equal(['dateline', 'serviceNote:registration', 'serviceNote:registration', 'serviceNote:deciphering', 'distribution', 'priority', 'salute', 'salute', 'salute']);
    expect(textOf(blocks(p)[4]!)).to.match(/^Distribution list - 12 copies:\nStalin - 2, /);
    // After the signature: the enclosure, how it went on, who typed it — then the letter, opening anew.
    const sig = k.indexOf('signature');
    expect(k.slice(sig, sig + 8)).to.deep.equal(['signature', 'closingDate', 'serviceNote:service', 'serviceNote:dispatch', 'serviceNote:typing', 'salute', 'salute', 'salute']);
    const xml = encodePage(Buffer.from(fixture(join('real', 'ciphered-telegram-kim-pak-stalin-enclosed-letter-flat-cut-off.txt'))), 'p.txt').xml!;
    expect(xml.match(/<div type="part"/g)).to.have.length(2);
  });

  it('reads the Foreign Ministry\'s cipher form: its department, stamped numbers and times, address fields, a numbered copy list', () => {
    const { page: p } = page('ciphered-telegram-8600-vyshinsky-mao-tenth-department-form');
    expect(kinds(p).slice(0, 10)).to.deep.equal([
      'letterhead',
      'classification',
      'serviceNote:service',
      'serviceNote:registration',
      'serviceNote:registration',
      'serviceNote:registration',
      'serviceNote:dispatch',
      'salute',
      'salute',
      'salute',
    ]);
    // "Issuing No. 8600": the sending office's number, so the title's number is the outgoing one.
    expect(numbers(p)).to.deep.equal(['8600 outgoing@title', '8600 outgoing@translation']);
    expect(kinds(p).slice(-2)).to.deep.equal(['serviceNote:typing', 'distribution']);
    expect(textOf(blocks(p).at(-1)!).split('\n')).to.have.length(5);
    // The archive's summary after the copy list is the abstract, not a paragraph.
    expect(p.summary).to.match(/^The cable contains Stalin’s personal response/);
    const xml = encodePage(Buffer.from(fixture(join('real', 'ciphered-telegram-8600-vyshinsky-mao-tenth-department-form.txt'))), 'p.txt').xml!;
    expect(xml).not.to.include('type="part"');
  });

  it('opens a quoted telegram with its exclaimed salutation ("Comrade Mao Zedong!"), not a paragraph', () => {
    const { page: p } = page('cable-filippov-mao-1951-zakharov-inner-salutation');
    const quoted = blocks(p).filter((b) => b.quotedGroup !== undefined);
    expect(quoted[0]!.kind).to.equal('salute');
    expect(textOf(quoted[0]!)).to.equal('“Comrade Mao Zedong!');
  });

  it('reads the editors\' descriptions of marks: several brackets on a line, brackets inside brackets, a stamp\'s incoming number', () => {
    const { page: p } = page('cable-59363-kovalev-stalin-letterhead-stamp-described-cut-off');
    const marks = blocks(p).filter((b) => b.kind === 'serviceNote' && textOf(b).startsWith('['));
    expect(marks.map((b) => textOf(b))).to.deep.equal([
      '[handwritten at the top: to Cde. Stalin]',
      '[letterhead of the Second Main Directorate of the USSR Armed Forces General Staff] [Translator’s note: which is the GRU]',
      // The stamp's bracket closes only on its second line; the addressee after it is no part of it.
      '[stamp: 4th unit of the VKP(b) CC OS [[special sector]]\nincoming Nº 36261/shs of 24 October 1949]',
    ]);
    // (the copy lines are one list in TEI: consecutive kinds counted once)
    const runs = kinds(p).filter((k, i, all) => k !== all[i - 1]);
    expect(runs.slice(0, 7)).to.deep.equal(['serviceNote:service', 'doctype', 'distribution', 'serviceNote:registration', 'serviceNote:service', 'salute', 'paragraph']);
    expect(numbers(p)).to.include('36261/shs incoming@translation');
    expect(p.correspondence.find((a) => a.type === 'sent')?.persons.map((x) => x.text)).to.deep.equal(['Kovalev']);
  });

  it('reads a date above the text as its dateline, in the Russian original and in the translation', () => {
    const { page: p } = page('ciphered-telegram-17318-zhou-enlai-filippov-russian-first-cut-off');
    expect(p.versions.map((v) => `${v.lang} ${v.role} ${v.blocks[0]!.kind}`)).to.deep.equal(['ru original dateline', 'en translation dateline']);
    const xml = encodePage(Buffer.from(fixture(join('real', 'ciphered-telegram-17318-zhou-enlai-filippov-russian-first-cut-off.txt'))), 'p.txt').xml!;
    expect(xml).to.include('<dateline><date when="1952-03-10">10 марта 1952 г.</date></dateline>');
    expect(xml).to.include('<dateline><date when="1952-03-10">10 March 1952</date></dateline>');
  });

  it('warns where the telegram\'s own date differs from the page\'s, and keeps the page\'s as the sent date', () => {
    const f = 'telegram-stalin-mikoyan-instantsiya-date-differs.txt';
    const r = ingestPage(fixture(join('real', f)), f);
    const d = r.diagnostics.filter((x) => x.code === 'SHF-INGEST-015');
    expect(d.map((x) => `${x.severity} ${x.line}:${x.column} ${x.message}`)).to.deep.equal([
      'warning 29:1 the page dates the telegram 1949-02-04 ("February 4, 1949"), but its text is dated 1949-02-06 ("6. II. 1949"); the sent date is the page\'s',
    ]);
    expect(r.page!.date?.when).to.equal('1949-02-04');
    // The code name, with the editors' remark after it, points to Stalin.
    const xml = encodePage(Buffer.from(fixture(join('real', f))), 'p.txt').xml!;
    expect(xml).to.include('<persName ref="persons.xml#stalin" type="pseudonym">Instantsiya</persName> <note type="editorial" place="inline">codename for <persName ref="persons.xml#stalin">Stalin</persName></note>');
    // No other page of the set says so: their dates agree (or give no day).
    const others = PAGES.filter((x) => x !== f && ingestPage(fixture(join('real', x)), x).diagnostics.some((y) => y.code === 'SHF-INGEST-015'));
    expect(others).to.deep.equal([]);
  });

  it('reads the 2013–2019 site\'s credit line where the title stands as the credits; the title is then the citation\'s', () => {
    const { page: p, codes } = page('telegram-matveev-council-of-ministers-2013-site-credit-line-cut-off');
    expect(p.title).to.equal('Telegram from Matveev to Council of Ministers');
    expect(p.funders).to.deep.equal(['Leon Levy Foundation']);
    expect(p.documentType).to.equal('telegram');
    expect(p.correspondence.map((a) => `${a.type}:${a.persons.map((x) => x.text).join('+')}`)).to.deep.equal(['sent:Matveev', 'received:Council of Ministers']);
    // "listi 712-713": the folios, in one more spelling.
    expect(p.archives.map((a) => a.units.map((u) => `${u.type}=${u.value}`).join(','))).to.deep.equal(['fond=5,opis=918795,delo=121,folio=712-713']);
    expect(codes).not.to.include('SHF-INGEST-005');
  });

  it('reads a numbered copy list in its spellings ("1 - cde. Stalin", "6. - cde Mikoyan", "8 .- cde. Bulganin") under "Copies to:", and "NO." in capitals', () => {
    const { page: p } = page('ciphered-telegram-25348-roshchin-filippov-numbered-copies-cut-off');
    const lists = blocks(p).filter((b) => b.kind === 'distribution');
    expect(lists.map((b) => textOf(b).split('\n').length)).to.deep.equal([9]);
    // The form says "Received": its number is the incoming one, in the text and so in the title.
    expect(numbers(p).slice(0, 2)).to.deep.equal(['25348 incoming@title', '25348 incoming@translation']);
    // The page cites no archive (it is cut off): the numbers still go into the header, the document named as published.
    expect(p.archives).to.deep.equal([]);
    const xml = encodePage(Buffer.from(fixture(join('real', 'ciphered-telegram-25348-roshchin-filippov-numbered-copies-cut-off.txt'))), 'p.txt').xml!;
    expect(xml).to.match(/<msDesc>\n\s*<msIdentifier>\n\s*<msName>Ciphered Telegram No\. 25348, Roshchin to Filippov \[Stalin\]<\/msName>\n\s*<\/msIdentifier>\n\s*<msContents>\n\s*<msItem>\n\s*<idno type="telegram" subtype="incoming" source="#title">25348<\/idno>/);
  });

  it('keeps a quoted telegram that the page cuts off as the quoted document, and its numbered points as text', () => {
    const { page: p } = page('telegram-mao-stalin-conveying-peng-dehuai-quote-cut-off');
    const quoted = blocks(p).filter((b) => b.quotedGroup !== undefined);
    expect(textOf(quoted[0]!)).to.equal('"To Comrade MAO ZEDONG.');
    // "1. Comrade KIM IL SUNG and his comrades think …": a point of the text, however it begins.
    const point = blocks(p).find((b) => textOf(b).startsWith('1. Comrade KIM IL SUNG'))!;
    expect(point.kind).to.equal('paragraph');
    expect(point.quotedGroup).to.equal(quoted[0]!.quotedGroup);
    const xml = encodePage(Buffer.from(fixture(join('real', 'telegram-mao-stalin-conveying-peng-dehuai-quote-cut-off.txt'))), 'p.txt').xml!;
    expect(xml).not.to.include('type="part"');
    expect(xml).to.include('<floatingText type="telegram">');
  });

  it('reads a short flat page: the quoted answer as the quoted document, the summary after the last instruction', () => {
    const { page: p } = page('ciphered-telegram-filippov-mao-1952-short-flat-summary-after-instruction');
    expect(kinds(p)).to.deep.equal(['paragraph', 'salute', 'paragraph', 'paragraph', 'closingDate', 'paragraph']);
    expect(blocks(p).filter((b) => b.quotedGroup !== undefined).map((b) => b.kind)).to.deep.equal(['salute', 'paragraph', 'paragraph', 'closingDate']);
    expect(textOf(blocks(p).at(-1)!)).to.equal('Telegraph the fulfillment.');
    expect(p.summary).to.match(/^Telegram from Stalin to Mao expressing/);
  });

  it('reads a stamp whose opening bracket the scrape lost, "Verified by", and the summary after the stamp', () => {
    const { page: p } = page('cable-4159-filipov-kovalev-stamp-open-bracket-lost');
    const k = kinds(p);
    expect(k.slice(-3)).to.deep.equal(['serviceNote:certification', 'serviceNote:service', 'serviceNote:registration']);
    expect(textOf(blocks(p).at(-1)!)).to.equal('Incoming Nº 3462/shs 14 October 1949]');
    expect(numbers(p)).to.include('3462/shs incoming@translation');
    expect(p.summary).to.match(/^Stalin agrees to send one division/);
    // "Filipov [Stalin]": a misspelt pseudonym still points to Stalin.
    const xml = encodePage(Buffer.from(fixture(join('real', 'cable-4159-filipov-kovalev-stamp-open-bracket-lost.txt'))), 'p.txt').xml!;
    expect(xml).to.match(/<correspAction type="sent">\n\s*<persName ref="persons\.xml#stalin"[^>]*>Filipov<\/persName>/);
  });

  it('reads "Translation from Chinese" as the original\'s language, and a department\'s letterhead "of the …"', () => {
    const { page: p } = page('report-liu-shaoqi-stalin-2013-site-translation-from-chinese-cut-off');
    expect(p.originalLanguage).to.equal('Chinese');
    expect(p.title).to.equal('Report from the Head of the Delegation of the Chinese Communist Party CC to Stalin');
    expect(p.documentType).to.equal('report');
    expect(blocks(p).find((b) => textOf(b) === 'Translation from Chinese')?.kind).to.equal('serviceNote');
    const { page: q } = page('ciphered-telegram-100319-feng-xi-razuvaev-8th-administration');
    expect(kinds(q).slice(0, 2)).to.deep.equal(['letterhead', 'salute']);
  });

  it('reads a cover letter and the letter it attaches: the attachment note above the signature, a signature in parentheses, the writer\'s office and place', () => {
    const { page: p } = page('telegram-gromyko-stalin-attaching-kim-letter-flat');
    const k = kinds(p);
    // "Attachment: …" comes above the signature: "(A. Gromyko)" and the date are still the letter's closer.
    const at = k.indexOf('serviceNote:service');
    expect(k.slice(at, at + 3)).to.deep.equal(['serviceNote:service', 'signature', 'closingDate']);
    expect(textOf(blocks(p)[at + 1]!)).to.equal('(A. Gromyko)');
    // "Nº [handwritten: 328/ag] [signature]": the number, written by hand, under the date.
    expect(textOf(blocks(p)[at + 2]!)).to.equal('28 September 1950\nNº [handwritten: 328/ag] [signature]');
    // Kim Il Sung's letter: its signature with the line under it, and "Pyongyang" over the date as its dateline.
    const sig = blocks(p).filter((b) => b.kind === 'signature').at(-1)!;
    expect(textOf(sig)).to.equal('Kim Il Sung\nat the instruction of the Political Council of the CC of the Korean Worker’s Party');
    expect(textOf(blocks(p).at(-1)!)).to.equal('Pyongyang\n31 August 1950');
    const xml = encodePage(Buffer.from(fixture(join('real', 'telegram-gromyko-stalin-attaching-kim-letter-flat.txt'))), 'p.txt').xml!;
    expect(xml.match(/<div type="part"/g)).to.have.length(2);
  });

  it('reads a Russian form: "Шифртелеграмма No." as its type, "Из пекина" as the place of sending, "В[есьма] срочно" as its priority', () => {
    const { page: p } = page('ciphered-telegram-22591-roschin-filippov-russian-form-cut-off');
    expect(p.versions.map((v) => v.lang)).to.deep.equal(['ru']);
    expect(kinds(p).filter((k, i, all) => k !== all[i - 1]).slice(0, 6)).to.deep.equal(['letterhead', 'classification', 'doctype', 'distribution', 'dateline', 'priority']);
    const xml = encodePage(Buffer.from(fixture(join('real', 'ciphered-telegram-22591-roschin-filippov-russian-form-cut-off.txt'))), 'p.txt').xml!;
    // The place in lower case, as the scrape has it, is still Beijing (found in the placeography, not guessed).
    expect(xml).to.match(/<correspAction type="sent">\n\s*<persName ref="persons\.xml#roshchin">Roschin<\/persName>\n\s*<placeName ref="places\.xml#beijing">пекина<\/placeName>/);
    expect(xml).to.include('<seg type="doctype">Шифртелеграмма <idno type="telegram">No. 22591</idno></seg>');
  });

  it('reads a copy list laid out as a table and flattened with "|": a copy a line, no "|" left', () => {
    const { page: p } = page('cable-59976-kovalev-filippov-copy-table-flat-cut-off');
    const list = blocks(p).filter((b) => b.kind === 'distribution').map((b) => textOf(b)).join('\n').split('\n');
    expect(list.slice(0, 3)).to.deep.equal(['Copy Nº 1 to Cde. Stalin', 'Copy Nº 7 to Cde. Bulganin', 'Copy Nº 2 to Cde. Stalin']);
    expect(list.filter((l) => l.includes('|'))).to.deep.equal([]);
  });

  it('reads the top of a Chinese original as its compilation prints it: source note, the editors\' title as the head, date, salutation', () => {
    const { page: p } = page('telegram-mao-liu-shaoqi-chinese-original-cut-off');
    expect(p.versions.map((v) => v.lang)).to.deep.equal(['zh']);
    expect(kinds(p).slice(0, 5)).to.deep.equal(['serviceNote:service', 'heading', 'dateline', 'salute', 'paragraph']);
    const xml = encodePage(Buffer.from(fixture(join('real', 'telegram-mao-liu-shaoqi-chinese-original-cut-off.txt'))), 'p.txt').xml!;
    // TEI's head is the division's, before its opener, never inside it.
    expect(xml).to.match(/<\/note>\n {8}<head>毛泽东就同斯大林第一次会谈情况致刘少奇的电报<\/head>\n {8}<opener>\n {10}<dateline>\(<date when="1949-12-18">1949 12 18<\/date> \)<\/dateline>\n {10}<salute>少奇同志:<\/salute>/);
  });

  it('reads the editors\' numbered notes at the end of a version as footnotes, and their "[n]" in the text as anchors pointing at them', () => {
    const notes = (p: TelegramPage, lang: string): string[] =>
      p.versions.find((v) => v.lang === lang)!.blocks.filter((b) => b.kind === 'footnote').map((b) => `${b.n} ${textOf(b).slice(0, 12).trimEnd()}`);
    const anchors = (p: TelegramPage, lang: string): string[] =>
      p.versions.find((v) => v.lang === lang)!.blocks.flatMap((b) => b.content.filter((c) => c.kind === 'noteRef').map((c) => (c as { n: string }).n));
    // The Chinese documentary edition's five notes; "[1]" and "[2]" pointed from the address line, which the scrape lost.
    const chai = page('cable-zhou-enlai-chai-junwu-chinese-footnotes-cut-off').page;
    expect(notes(chai, 'zh')).to.deep.equal(['1 柴,指柴军武,即柴成文,', '2 彭寓,指彭德怀和高岗.彭', '3 真日, 即十一日。', '4 金首相,指朝鲜民主主义人', '5 指一九五0年十一月四日中']);
    expect(anchors(chai, 'zh')).to.deep.equal(['3', '4', '5']);
    // The date under the signature, without its year, closes the telegram instead of opening a second document.
    expect(kinds(chai).slice(3, 6)).to.deep.equal(['signature', 'closingDate', 'footnote']);
    // The translators' notes after the English, the site's summary after them; the Chinese cut down to one of its notes.
    const zhou = page('cable-zhou-enlai-chairman-footnotes-chinese-note-only').page;
    expect(notes(zhou, 'en')).to.deep.equal(['1 The editors', '2 On July 26,']);
    expect(anchors(zhou, 'en')).to.deep.equal(['1', '2']);
    expect(notes(zhou, 'zh')).to.deep.equal(['2 一九五二年七月二十六日,']);
    expect(zhou.summary).to.equal('Zhou Enlai shares a draft telegram with Mao Zedong.');
    // In TEI each anchor points at its note, in its own division, and the notes stand after the closer.
    for (const name of ['cable-zhou-enlai-chai-junwu-chinese-footnotes-cut-off', 'cable-zhou-enlai-chairman-footnotes-chinese-note-only']) {
      const xml = encodePage(Buffer.from(fixture(join('real', `${name}.txt`))), 'p.txt').xml!;
      const targets = [...xml.matchAll(/<ref type="footnote" target="#([^"]+)">(\d+)<\/ref>/g)];
      expect(targets.length, name).to.be.greaterThan(1);
      for (const [, id, n] of targets) expect(xml, name).to.include(`<note type="editorial" place="foot" n="${n}" xml:id="${id}">`);
      expect(xml, name).to.not.include('<div type="part"');
      expect(xml, name).to.match(/<\/closer>\n\s*<note type="editorial" place="foot" n="1"/);
    }
  });

  it('keeps a single "[1] …" line that nothing points at where it is: a note only in a run, at the end, or when anchored', () => {
    const text = fixture(join('real', 'cable-zhou-enlai-chairman-footnotes-chinese-note-only.txt'));
    // Without anchors and without its second note, the last "[1] …" paragraph of a version with text is no footnote.
    const alone = ingestOk(text.replace('Su Yu:[1]', 'Su Yu:').replace('attached.[2]', 'attached.').replace(/\n\[2\] On July 26[^\n]*\n/, '\n'));
    expect(blocks(alone.page).filter((b) => b.kind === 'footnote' && b.n === '1')).to.deep.equal([]);
    // Numbers that do not follow one another: only the consecutive end of the run is read as notes (the "[1] …" before stays).
    const skipped = ingestOk(text.replace('\n[2] On July 26', '\n[3] On July 26').replace('attached.[2]', 'attached.[3]'));
    const en = skipped.page.versions.find((v) => v.lang === 'en')!.blocks;
    expect(en.filter((b) => b.kind === 'footnote').map((b) => b.n)).to.deep.equal(['3']);
    expect(en.some((b) => b.kind === 'paragraph' && b.source.startsWith('[1] The editors'))).to.equal(true);
  });

  it('reads "[n]" set against a word as a note\'s anchor also where the page lost the note: the anchor alone, never a supplied number', () => {
    // The Chinese original cut off before its nine notes.
    const liu = encodePage(Buffer.from(fixture(join('real', 'cable-liu-shaoqi-mao-chinese-anchors-notes-lost-cut-off.txt'))), 'p.txt').xml!;
    expect([...liu.matchAll(/<note type="editorial" place="foot" n="(\d+)"\/>/g)].map((m) => m[1])).to.deep.equal(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(liu).to.not.match(/<supplied reason="editorial">\d+<\/supplied>/);
    // Cut off inside the notes: "[1]" and "[2]" point at theirs, "[3]" has none.
    const zhou = encodePage(Buffer.from(fixture(join('real', 'report-zhou-enlai-mao-footnotes-cut-off-in-notes.txt'))), 'p.txt').xml!;
    expect([...zhou.matchAll(/<ref type="footnote" target="#[^"]+-en-fn(\d)">\d<\/ref>|<note type="editorial" place="foot" n="(\d)"\/>/g)].map((m) => m[1] ?? `lost ${m[2]}`)).to.deep.equal(['1', '2', 'lost 3']);
    // A digit the translators supply inside a number, or after "No.", stays supplied.
    const text = fixture(join('real', 'report-zhou-enlai-mao-footnotes-cut-off-in-notes.txt')).replace('at 2200 hours.[2]', 'in telegram N66[1]6 and No.[4]');
    const supplied = blocks(ingestOk(text).page).flatMap((b) => b.content.filter((c) => c.kind === 'supplied').map((c) => (c as { text: string }).text));
    expect(supplied).to.include.members(['1', '4']);
  });

  it('reads a copy list of "Copies to Cde. X" and "to Cde. Y" lines as one list, and "Dear Iosif Vissarionovich!" as the salutation', () => {
    const { page: cable } = page('cable-25025-mao-filippov-copies-to-lines-li-kenong-cut-off');
    const lists = blocks(cable).filter((b) => b.kind === 'distribution').map((b) => textOf(b).split('\n'));
    expect(lists).to.deep.equal([['Copies to Cde. Stalin', 'to Cde. Stalin', 'to Cde. Molotov', 'to Cde. Beria', 'to Cde. Kaganovich', 'to Cde. Bulganin']]);
    const { page: phone } = page('telephone-message-kim-il-sung-stalin-dear-salutation-cut-off');
    expect(blocks(phone).filter((b) => b.kind === 'salute').map((b) => textOf(b)).pop()).to.equal('Dear Iosif Vissarionovich!');
    expect(blocks(phone).find((b) => b.kind === 'paragraph')!.source).to.match(/^Having received a message/);
    // Addressed by rank, name and patronymic, the addressee is still Stalin.
    const received = phone.correspondence.find((c) => c.type === 'received')!;
    expect(encodePage(Buffer.from(fixture(join('real', 'telephone-message-kim-il-sung-stalin-dear-salutation-cut-off.txt'))), 'p.txt').xml).to.include(
      `<correspAction type="received">\n          <persName ref="persons.xml#stalin">${received.persons[0]!.text}</persName>`,
    );
  });

  it('reads the editors\' title and its date over the text as head and dateline, and keeps a long last paragraph of a cut-off page as text, not as the summary', () => {
    const { page: memo } = page('memorandum-liu-shaoqi-stalin-title-date-long-paragraph-cut-off');
    expect(memo.summary).to.equal(undefined);
    expect(kinds(memo)).to.deep.equal(['heading', 'dateline', 'paragraph', 'gap']);
    expect(blocks(memo)[2]!.source).to.match(/^We said: During the first cooperation/);
    const { page: liu } = page('cable-liu-shaoqi-mao-chinese-anchors-notes-lost-cut-off');
    expect(kinds(liu).slice(0, 3)).to.deep.equal(['heading', 'dateline', 'paragraph']);
    // Cut off inside a note that quotes a telegram: the quotation is the note's, and the note ends where the page does.
    const zhou = encodePage(Buffer.from(fixture(join('real', 'report-zhou-enlai-mao-footnotes-cut-off-in-notes.txt'))), 'p.txt').xml!;
    expect(zhou).to.not.include('<abstract>');
    expect(zhou).to.match(/n="2" xml:id="[^"]+-en-fn2">Telegram of September 13 [^\n]*The telegram text includes:<lb\/>“The soon to be convened meeting of the United Nat<gap reason="truncated"\/><\/note>/);
  });

  it('leaves a pseudonym unresolved in a document dated after its bearer\'s death: "Kuznetsov" in March 1953 is not Stalin', () => {
    const name = 'telegram-kuznetsov-fedorenko-1953-after-stalins-death-cut-off.txt';
    const xml = encodePage(Buffer.from(fixture(join('real', name))), 'p.txt').xml!;
    expect(xml).to.include('<persName>Kuznetsov</persName>');
    expect(xml).to.not.include('type="pseudonym">Kuznetsov');
    // The same page dated before 5 March 1953 (Stalin's cover name of 1948–1949) points to Stalin, as a pseudonym.
    const before = encodePage(Buffer.from(fixture(join('real', name)).replace(/March 29, 1953/g, 'March 4, 1953')), 'p.txt').xml!;
    expect(before).to.include('<persName ref="persons.xml#stalin" type="pseudonym">Kuznetsov</persName>');
  });

  it('reads a closing line of number, signer and date ("Nº 274 KOVALEV, 11 November") as the closer, its number the outgoing one', () => {
    const { page: p } = page('cable-59976-kovalev-filippov-copy-table-flat-cut-off');
    expect(blocks(p).find((b) => b.source === 'Nº 274 KOVALEV, 11 November')!.kind).to.equal('closingDate');
    expect(numbers(p)).to.include('274 outgoing@translation');
  });

  it('reads the form\'s top as one opener: a unit\'s letterhead ("3RD UNIT"), a mistyped "[...[" gap; and "No. 18 - TEREBIN - 14 January" as the closer', () => {
    const { page: molotov } = page('ciphered-telegram-molotov-stalin-3rd-unit-cut-off');
    expect(kinds(molotov).slice(0, 2)).to.deep.equal(['letterhead', 'classification']);
    const { page: terebin } = page('ciphered-telegram-50513-terebin-kuznetsov-mistyped-gap-closing-line');
    expect(kinds(terebin).slice(0, 4)).to.deep.equal(['gap', 'doctype', 'gap', 'salute']);
    expect(blocks(terebin).find((b) => b.source.startsWith('No. 18'))!.kind).to.equal('closingDate');
    expect(numbers(terebin)).to.include('18 outgoing@translation');
    // With the closer read, the site's summary after it is the summary again, not a paragraph of the telegram.
    expect(terebin.summary).to.match(/^Mao informs Stalin that they published a list of conditions/);
  });

  it('names a page without a record ID from its text as written, not from what ingest makes of it: the same id whatever its blank lines', () => {
    const text = fixture(join('real', 'cable-zhou-enlai-chai-junwu-chinese-footnotes-cut-off.txt'));
    const id = (t: string): string => encodePage(Buffer.from(t), 'p.txt').id!;
    expect(id(text)).to.match(/^shifr-[0-9a-f]{8}$/);
    expect(id(text.replace(/\n/g, '\n\n').replace(/ {2,}/g, ' '))).to.equal(id(text));
    expect(id(text.replace('数电悉', '数电已悉'))).to.not.equal(id(text));
  });

  it('says when the page gives no record ID (the file is then named from its text), at the footer when it has one', () => {
    const ids = new Map(
      PAGES.map((f) => {
        const r = ingestPage(fixture(join('real', f)), f);
        const d = r.diagnostics.find((x) => x.code === 'SHF-INGEST-014');
        return [f.replace(/\.txt$/, ''), `${r.page!.recordId ?? '-'} ${d ? `${d.severity} ${d.line}:${d.column}` : 'none'}`] as const;
      }),
    );
    // Every page says it exactly when it has no ID.
    for (const [f, v] of ids) expect(v.startsWith('-'), f).to.equal(v.endsWith('none') === false);
    // Where: the "Record ID" label when it gives no number, else the footer's first line, else 1:1 (no footer).
    expect(ids.get('ciphered-telegram-709-filippov-krasovsky')).to.equal('113636 none');
    expect(ids.get('cable-stalin-kuznetsov-mao-terebin-archive-colon')).to.equal('110296 none');
    expect(ids.get('ciphered-telegram-25553-roshchin-filippov')).to.equal('- info 62:1');
    expect(ids.get('telegram-shtykov-first-deputy-tsamo-rf')).to.equal('- info 39:1');
    expect(ids.get('ciphered-telegram-shtykov-feng-xi-cut-off')).to.equal('- info 47:1');
    expect(ids.get('ciphered-telegram-53517-kovalev-filippov-2013-site-cut-off')).to.equal('- info 1:1');
  });

  it('reads numbers written "Nº" and "#", and says whose they are', () => {
    expect(numbers(page('ciphered-telegram-25553-roshchin-filippov').page)).to.deep.equal(['25553 unknown@title', '2390 reference@translation', '2395 outgoing@translation']);
    expect(numbers(page('ciphered-telegram-shtykov-feng-xi-cut-off').page)).to.deep.equal(['600428/sh unknown@translation', '1476/sh outgoing@translation']);
  });

  it('takes the summary the site puts after the text, also after "[...]" and before "Author(s):"', () => {
    const summaries = {
      'ciphered-telegram-709-filippov-krasovsky': /^Telegram to Mao from Stalin approving/,
      'ciphered-telegram-25553-roshchin-filippov': /^Mao Zedong has already given orders/,
      'telegram-shtykov-vyshinsky-cut-off': /^Shtykov informs Vyshinsky/,
      'ciphered-telegram-shtykov-feng-xi-cut-off': /^Shtykov describes the reactions/,
    };
    for (const [name, summary] of Object.entries(summaries)) {
      const { page: p } = page(name);
      expect(p.summary, name).to.match(summary);
      expect(blocks(p).some((b) => summary.test(textOf(b))), `${name}: the summary is also in the text`).to.equal(false);
      expect(blocks(p).some((b) => /Author\(s\)/.test(textOf(b))), name).to.equal(false);
    }
  });

  it('reads the English stamps of a received telegram as its opener, and its addressee as a salute', () => {
    const p = page('ciphered-telegram-shtykov-feng-xi-cut-off').page;
    expect(kinds(p)).to.deep.equal([
      'doctype', 'dateline',
      'serviceNote:dispatch', 'serviceNote:registration', 'serviceNote:registration', 'serviceNote:deciphering', 'distribution',
      'salute',
      'paragraph', 'paragraph', 'paragraph', 'paragraph',
      'signature', 'closingDate', 'serviceNote:typing',
    ]);
    expect(p.correspondence.find((a) => a.type === 'received')!.persons.map((x) => x.text)).to.deep.equal(['Feng Xi']);
  });

  it('ends a telegram with its English copy note, so that one telegram stays one', () => {
    const p = page('ciphered-telegram-25553-roshchin-filippov').page;
    expect(kinds(p).slice(-2)).to.deep.equal(['closingDate', 'serviceNote:typing']);
    expect(textOf(blocks(p).at(-1)!)).to.equal('Two copies printed. Nº 2 to file.');
  });

  it('refuses a page with a summary but no text: an error at 1:1, no file, exit code 1', async () => {
    // The 25553 page without its telegram: the date line, the title, the summary and the footer.
    const whole = fixture(join('real', 'ciphered-telegram-25553-roshchin-filippov.txt'));
    const text = whole.slice(0, whole.indexOf('Top Secret')) + whole.slice(whole.indexOf('Mao Zedong has already given orders'));
    const { page: p, codes } = ingestOk(text);
    expect(p.versions).to.deep.equal([]);
    expect(p.summary).to.match(/^Mao Zedong has already given orders/);
    expect(codes).to.deep.equal(['SHF-INGEST-014']);
    const dir = scratchDir('summary-only');
    const file = join(dir, 'summary-only.txt');
    writeFileSync(file, text);
    const r = await runCli(['convert', file, '--out', join(dir, 'tei'), '--format', 'json']);
    expect(r.code).to.equal(1);
    const json = JSON.parse(r.stdout) as { written: string[]; diagnostics: { code: string; line: number; column: number }[] };
    expect(json.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).to.deep.equal(['SHF-ENCODE-001 1:1', 'SHF-INGEST-014 27:1']);
    expect(json.written.filter((f) => !/(?:persons|places|archives)\.xml$/.test(f))).to.deep.equal([]);
  });

  it('converts every page to TEI valid against the edition\'s schema', async function () {
    this.timeout(120000);
    const out = scratchDir('real-pages');
    const converted = await runCli(['convert', REAL, '--out', out, '--format', 'json']);
    expect(converted.code, converted.stderr).to.equal(0);
    const validated = await runCli(['validate', out, '--format', 'json']);
    const errors = (JSON.parse(validated.stdout) as { severity: string }[]).filter((d) => d.severity === 'error');
    expect(errors).to.deep.equal([]);
    expect(validated.code).to.equal(0);
  });
});
