/**
 * The blocks of the page body, grouped into text versions. The body's lines are split into runs
 * by script (the Russian original, the English translation, a Chinese original …); within a run
 * each line is classified as a part of a telegram — letterhead, classification, doctype,
 * dateline, salute, paragraph, signature, closing date, distribution, service note, page break,
 * continuation header, catchword, gap — by a small state machine that knows where in the telegram
 * it is (opener, text, closing, apparatus) and whether it is inside a telegram quoted in it.
 */
import type { Block, BlockKind, ServiceNoteType, TextVersion } from '../model.js';
import { findDates, isDateOnly } from './dates.js';
import { parseInline } from './inline.js';
import { packedMap } from '../packed.js';
import { scriptOf, translatedFrom, type Script } from './language.js';
import { NUMBER_SIGN } from './numbers.js';
import { isMarkupOnly, type PageLine } from './page.js';
import { resolveName } from '../authority/match.js';

type Phase = 'opener' | 'text' | 'closing' | 'apparatus';

interface Item {
  line: PageLine;
  script?: Script;
  /** True when a blank line precedes this line (a new paragraph of the scrape). */
  chunkStart: boolean;
  /** True when a row of asterisks ("* * * * *") precedes it: what follows is another document (an enclosed letter). */
  separated?: boolean;
}

/** What goes with a letter: "Enclosure: …", "Attachment: …", "Приложение: …". */
const ENCLOSURE = /^(?:Enclosures?|Attachments?|Приложение|Приложения)\s*:/i;

/** A row of asterisks between two documents of a page: the telegram and the letter it encloses. */
const SEPARATOR = /^(?:\*\s*){3,}$/;

/** A block under construction: its lines' cleaned texts are joined when it is finished. */
interface Draft {
  kind: BlockKind;
  noteType?: ServiceNoteType;
  folio?: string;
  texts: string[];
  sources: string[];
  line: number;
  column: number;
  endLine: number;
  quotedGroup?: number;
  /** Text for `content` when it differs from the joined texts (a glued continuation header). */
  contentText?: string;
}

/** The text versions of a body, and the markup lines dropped from it. */
export interface StructureResult {
  versions: TextVersion[];
  dropped: PageLine[];
}

// --- line patterns ---------------------------------------------------------------------------

/** "[...]" on a line of its own ("[...[" as one page mistypes it). */
const GAP_LINE = /^\[\s*(?:\.{3,}|…)\s*[\]\[]$/;
const CATCHWORD = /^\/?\s*(?:см\.?\s*сл(?:ед)?\.?\s*лист|see next (?:page|sheet))\s*\/?$/i;
const CONTINUATION = /Продолжение\s+(?:шифр)?телеграммы|Continuation of (?:the )?(?:ciphered )?telegram/i;
const FOLIO = /(?:Лист|Sheet|Page|List)\s*[„"“]?\s*(\d+)/i;
const LETTERHEAD = /^(?:ВТОРОЕ ГЛАВНОЕ УПРАВЛЕНИЕ|ГЛАВНОЕ РАЗВЕДЫВАТЕЛЬНОЕ|МИНИСТЕРСТВО|ГЕНЕРАЛЬНЫЙ ШТАБ|SECOND (?:MAIN|CHIEF) (?:ADMINISTRATION|DIRECTORATE)|MINISTRY OF|MAIN INTELLIGENCE|GENERAL STAFF)|^(?:МИД|MID|MFA)\s+(?:СССР|USSR)\.?$|^(?:(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|\d{1,2}(?:st|nd|rd|th))\s+(?:Main\s+|Chief\s+)?(?:Department|Directorate|Administration|Unit|Section)(?:\s+of\s+the\s+[^.!?]{3,100})?|(?:Первый|Второй|Восьмой|Десятый)\s+отдел)$/i;
/** "Special" (особая: the special file's regime) only as a line of its own: as a first word it begins sentences. */
const CLASSIFICATION = /^(?:СОВЕРШЕННО СЕКРЕТНО|СТРОГО СЕКРЕТНО|СЕКРЕТНО|ПЕРСОНАЛЬНО|ЛИЧНО|TOP SECRET|STRICTLY SECRET|SECRET|STRICTLY PERSONAL|PERSONAL)(?![\p{L}])|^(?:ОСОБАЯ|ОСОБАЯ ПАПКА|SPECIAL|SPECIAL FILE)\.?$/iu;
const PRIORITY = /^(?:ВНЕОЧЕРЕДНАЯ|ВНЕОЧЕРЕДНО|(?:ВЕСЬМА |ОЧЕНЬ )?СРОЧНАЯ|(?:ВЕСЬМА |ОЧЕНЬ )?СРОЧНО|МОЛНИЯ|TOP PRIORITY|(?:EXTREMELY |VERY )?URGENT|IMMEDIATE|PRIORITY)(?![\p{L}])/iu;
const SERIES = /^(?:СЕРИЯ|SERIES)\s/i;
/** Uppercase document headings; a Russian "Телеграмма товарища …" inside the text is not one. */
const DOCTYPE_UPPER = /^(?:ШИФР(?:О)?ТЕЛЕГРАММА|ТЕЛЕГРАММА|КОПИЯ ИСХ|КОПИЯ ВХ|ЗАПИСКА|ПИСЬМО|ПРОЕКТ|CIPHER(?:ED)? TELEGRAM|TELEGRAM|CABLE|COPY OF (?:AN? )?(?:OUTGOING|INCOMING)|MEMORANDUM)/;
const DOCTYPE_OPENER = /^(?:Ciphered Telegram|Telegram|Cable|Letter|Memorandum|Draft|Telephone message|Telephonogram|Шифртелеграмма|Шифротелеграмма|Телеграмма|Телефонограмма)(?![\p{L}])/iu;
const DATELINE = /^(?:Из|From:?|Отправлена|Sent from|Received|Получена)\s+\S/i;
/** A form of address and a name, exclaimed: "Comrade MAO ZEDONG!", "Дорогой товарищ Сталин!". */
const ADDRESS_WORDS = 'Dear|Deeply respected|Respected|Esteemed|Дорогой|Уважаемый|Глубокоуважаемый';
const SALUTATION = new RegExp(`^(?:(?:${ADDRESS_WORDS})\\s+)?(?:Comrades?|Cdes?\\.|Товарищи?|Тов\\.)\\s+[^!?.]{1,60}!$|^(?:${ADDRESS_WORDS})\\s+\\p{Lu}[^!?.]{1,60}!$`, 'iu');
/** A word, a dash and more: "Moscow—Ministry of Foreign Affairs", when the word is a known place. */
const PLACE_DASH = /^(\p{Lu}[\p{L}-]*?)\s*(?:—|–|-{1,2})\s*\p{Lu}/u;
/** "ПХЕНЬЯН, 19 января 1950 года", "PYONGYANG, 19 January 1950": a place and a date heading the text. */
const PLACE_COMMA = /^\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*){0,2},\s*/u;
/** A copy list, or one line of it: "Копии: …", "Экз. № 1 - тов. Сталину", and in translation "Copy No. 1 to Cde. Stalin". */
const DISTRIBUTION = /^(?:Copies(?: to)?:|Copies to (?:Cdes?\.|Comrades?|Comr\.)\s|Разослано|Distribution(?:\s+list)?\s*[-–:]|Рассылка)|^(?:Экз\.?\s*)?(?:N|№)\s*-?\s*\d+\s*[-–—]?\s*тов|^Экз\.?\s*(?:N|№)\s*[\d,\s]+\s*[-–]\s*\S|^Copy\s+(?:№|N[º°]|No\.?|N)\s*:?\s*\d+\s+to\s+\S|^Copies (?:distributed|sent) to\b/i;
/** A copy list's line that names only the next recipient: "to Cde. Molotov". */
const COPY_TO = /^to\s+(?:Cdes?\.|Comrades?|Comr\.|тов\.|товарищу)\s*\p{Lu}[\p{L}.\s-]*$/iu;
/** An item of a numbered copy list: "1. Comr. Stalin", "2. Тов. Молотову", "1 - cde. Stalin", "1 – to Cde. Stalin". */
const COPY_ITEM = /^\d{1,2}\s*\.?\s*(?:[-–—]\s*)?(?:to\s+)?(?:Comr\.?|Comrade|Cde\.?|Тов\.|Товарищу)\s*\S/i;
/** The number of this copy, alone on its line: "Экз. № 2", "Copy Nº: 2". */
const COPY_NUMBER = /^(?:Экз\.?|Copy)\s*(?:№|N[º°]|No\.?|N)\s*:?\s*\d+\.?$/i;
/** An office before or under a name in an address: "Chairman of …", "Председателю Совета Министров". */
const OFFICE = /^(?:Chairman|Deputy|Minister|Secretary|Ambassador|Envoy|Premier|President|Председател|Заместител|Министр|Секретар|Посл[уо])/u;
/**
 * A Chinese editors' title: a line in Han characters, no sentence in it, naming the kind of document at its end
 * ("…致刘少奇的电报", the telegram to Liu Shaoqi on …).
 */
const CHINESE_HEADING = /^[\u4e00-\u9fff《》、“”·]{4,60}(?:电报|复电|电|信|函|报告|指示|批语|谈话)$/;
/** A date alone in parentheses, as Chinese compilations print it under the title: "(1949年12月18日)", "(1949 12 18 )". */
const PARENTHESISED_DATE = /^[（(]\s*(?:19|20)\d\d\s*年?\s*\d{1,2}\s*月?\s*\d{1,2}\s*日?\s*[)）]$/;
/** The editors' note of where a text was printed: "[来源:中国与苏联关系文献汇编 …]", "[Source: …]". */
const SOURCE_NOTE = /^\[(?:来源|出处|Source)\s*[:：][^\]]*\]$/;
/** A line in square brackets describing a handwritten mark or a stamp on the document (the bracket may close lines later). */
const MARK_WORD = /^\[(?:hand-?written|stamp(?:ed)?|seal|resolution|in the margins?|marginal|letterhead|signature|illegible)\b/i;

/**
 * A line of bracketed descriptions of marks on the document: "[handwritten at the top: to Cde. Stalin]", "[letterhead of
 * …] [Translator's note: …]", "[stamp: … OS [[special sector]]" (brackets inside, the outer one closed lines later).
 * Nothing stands outside the brackets.
 */
function isMarkDescribed(t: string): boolean {
  if (!MARK_WORD.test(t)) return false;
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x5b) depth++;
    else if (c === 0x5d) depth--;
    else if (depth <= 0 && c !== 0x20) return false;
  }
  return true;
}

/** Opening brackets `t` leaves unclosed (negative when it closes more than it opens), counting from `depth`. */
function openBrackets(t: string, depth = 0): number {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x5b) depth++;
    else if (c === 0x5d) depth--;
  }
  return depth;
}

/**
 * The brackets a described mark (see isMarkDescribed) leaves open after its lines: above 0 it goes on, at 0 or below
 * its closing bracket has come; undefined for a block that is no described mark.
 */
function markDepth(d: Draft): number | undefined {
  if (d.kind !== 'serviceNote' || !isMarkDescribed(d.texts[0]!)) return undefined;
  let depth = 0;
  for (const t of d.texts) depth = openBrackets(t, depth);
  return depth;
}
const ARCHIVE_STAMP = /^(?:Архив Президента|АП РФ|РГАСПИ|АВП РФ|ЦАМО)/;

const SERVICE: [RegExp, ServiceNoteType][] = [
  // "Sent by wire on 10/14/50 at 03:15": the translation of a dispatch stamp ("Sent from BEIJING" heads the text: a dateline).
  // "This letter was cabled to Comrade Stalin on 10.01.50 at 12:50 p.m.": the office's note of how it went on.
  [/^(?:(?:Отправлено|Отправлена|Передано|Dispatched)\s|(?:This|The) (?:letter|telegram|cable|text|message) was (?:cabled|sent|transmitted|telegraphed|wired)\b|Sent\s+(?:by\s+[a-z]+\s+)?(?:on|at)\s+\d|Sent\s+\d{1,2}[:.]\d{2}\b|By (?:telegraph|telegram|wire|radio|courier|VCh|cipher)\.?$|Sent by \S+$|Cabled by\s)/i, 'dispatch'],
  [/^(?:Расш\.?|Расшифровал|Расшифровала|Dec\[?iphered|Deciphered)/i, 'deciphering'],
  [/^(?:Отп\.?|Отпечатано|Отпечатал|Typ\[?ed|Typed|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+cop(?:y|ies)\s+(?:printed|typed|made)\b|(?:sent|printed|typed)\s+in\s+(?:\d+|one|two|three|four|five)\s+cop(?:y|ies)\b|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+cop(?:y|ies)\.?$|Number of copies\b)/i, 'typing'],
  // "Received in Moscow on 10/14/50 at 6:36", "Arrived at the 8D/GS on …": stamps of arrival, made by the receiving office.
  // "from PEKING received at 0810 12 October 1949": the arrival stamp of a cable form, in translation.
  // "Issuing No. 8600", "Special no. 550", "Received on 4:10 am, 14 May 1950": the numbers and times a form is stamped with.
  [/^(?:Вх\.|Вк\.|Вход\.|Исх\.|Incoming (?:No|Nº|N°|№|#)|Registered|(?:Issuing|Outgoing|Special)\s+no\.?\s*\d|Received\s+on\s+\d|(?:Received|Arrived)\s+(?:in|at)\s+.{1,40}?\s(?:on|at)\s+\d|(?:from\s+\S+\s+)?received\s+at\s+\d|(?:[a-z]+\s+Department\s+)?Received\s+\d{1,2}[:.]\d{2}\b|Received\s+\d{1,2}\.\d{1,2}\.\d{2,4}\s+\d{1,2}[:.]\d{2}\b|Sent to the\s.{1,80}?\d{1,2}[.:]\d{1,2}\s+\d{1,2}[.:]\d{2}\.?$|Received by \S+$)/i, 'registration'],
  [/^(?:Верно|True copy|Correct:|Certified|Verified\b|Сверено|Проверил)/i, 'certification'],
  // "Spravka: no. 48 (from no. 837) …": the office's reference note on the telegram it answers.
  // "To No. 483/sh." (К № 483/ш), "To my [telegram] No. 2967 (vkh. No. 20757).": the telegram this one answers or
  // follows, noted on the form (with its incoming number in parentheses).
  [/^(?:(?:Spravka|Справка)\s*:|(?:To|К|На)\s+(?:(?:my|your|our|моей|вашей|нашей|моему|вашему|нашему|мою|вашу|нашу)\s+)?(?:\[?(?:telegram|cable|телеграмме|телеграмму|тел\.)\]?\s+)?(?:No\.?|№|N)\s*\d[\w/]*(?:\s*\([^)]{1,40}\))?\.?$|ПОДЛЕЖИТ ВОЗВРАТУ|ПОДАЕЖИТ ВОЗВРАТУ|Подлежит возврату|Снятие копий|Снятые копии|Снята копия|Для заметок|Subject to return|Copying (?:is )?prohibited|Making (?:of )?copies (?:is )?prohibited|Copy made)/i, 'service'],
];

/**
 * A number alone on its line: "№ 3950", "No. 72/III", and registry numbers joined by hyphens ("Nº 15-G-1952") — digits or
 * one capital after each hyphen, so that a copy-list line cut off mid-word ("N-6-то…") is no number.
 */
const NUMBER_ONLY = new RegExp(String.raw`^${NUMBER_SIGN}\s*-?\s*[\d*][\p{L}\p{N}/*]*(?:-(?:\d+|\p{Lu}))*\.?$|^[\d\s,IVX№]+$`, 'u');
/** A number sign and the editors' brackets only: "Nº [handwritten: 328/ag] [signature]" (the number written by hand). */
const NUMBER_BRACKETED = new RegExp(String.raw`^${NUMBER_SIGN}\s*(?:\[[^\]]*\]\s*)+$`, 'u');
/** A telegram number before a closing date: "N 2270. 3..10.50 г.", "No. 2270 3.10". */
/** The signer between the number and the date of a closing line: "No. 18 - TEREBIN - 14 January", "Nº 274 KOVALEV, 11 November". */
const SIGNER_BEFORE_DATE = /^[-–—,\s]*\p{Lu}[\p{Lu}'’-]+(?:\s+\p{Lu}[\p{Lu}'’-]+)?\s*[-–—,]\s*/u;
const NUMBERED = new RegExp(String.raw`^${NUMBER_SIGN}\s*\d[\p{L}\p{N}/]*\.?\s+`, 'u');
/** Quotation marks that open a quoted telegram or line. */
const OPENING_QUOTE_MARKS = '"“„«';
const QUOTE_OPEN = new RegExp(`^[${OPENING_QUOTE_MARKS}]`);
const LEADING_QUOTE = new RegExp(`^[${OPENING_QUOTE_MARKS}]\\s*`);
const OPENING_QUOTES = new Set(Array.from(OPENING_QUOTE_MARKS, (q) => q.charCodeAt(0)));
const QUOTE_CLOSE = /(?:["”»]|\["\])[.,]?$/;
const PREFIX_WORDS = new Set(['to', 'for', 'and', 'и', 'тов.', 'тов', 'товарищу', 'товарищам', 'cde.', 'cdes.', 'comrade', 'comrades', 'для', 'of']);
const NAME_TOKEN = /^(?:\p{Lu}[\p{L}'’-]*\.?|(?:\p{Lu}\.)+(?:\p{Lu}[\p{L}-]*)?|-)$/u;

/** Two lowercase words in a row: text, never a name ("Telegraph the implementation"). */
const TWO_LOWER_WORDS = /\p{Ll}{3,}\s+\p{Ll}{3,}/u;

/**
 * `TWO_LOWER_WORDS.test(t)`, scanned by code where the line holds only ASCII, Cyrillic and common
 * punctuation (the Unicode-property expression, tried on most lines of a page, cost ~1 % of a
 * conversion on Cyrillic text); any other character hands the line to the expression.
 */
export function hasTwoLowerWords(t: string): boolean {
  // Lower-case letters in a row up to here; and whether a run of three or more, then white space, came just before this run.
  let run = 0;
  let armed = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x430 && c <= 0x45f)) {
      if (++run >= 3 && armed) return true;
    } else if (c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0) {
      // White space: arms after a long enough run, keeps the state through a run of spaces.
      if (run > 0) armed = run >= 3;
      run = 0;
    } else if (c < 0x80 || (c >= 0x400 && c < 0x430) || c === 0xab || c === 0xbb || (c >= 0x2010 && c <= 0x2027) || c === 0x2116) {
      // Neither a lower-case letter nor white space: ASCII, Cyrillic capitals, quotes, dashes, №.
      run = 0;
      armed = false;
    } else return TWO_LOWER_WORDS.test(t);
  }
  return false;
}
const ONE_LETTER_WORD = /(?:^|\s)\S\s/;
/** Letters spaced out for emphasis: "Ф И Л И П П О В". */
const SPACED_LETTERS = /(?<![\p{L}])(\p{Lu}) (?=\p{Lu}(?![\p{L}]))/gu;

/** The line without quotes, brackets, handwriting marks and end punctuation — what a name test sees. */
function bare(t: string): string {
  let b = t;
  if (b.indexOf('[') >= 0) b = b.replace(/\[[^\]]*\]/g, ' ');
  if (b.indexOf('/') >= 0) b = b.replace(/\/[^/]*\//g, ' ');
  if (QUOTES_OR_STARS.test(b)) b = b.replace(/[*"“”„«»]/g, ' ');
  return b
    .replace(/[.,;:]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const QUOTES_OR_STARS = /[*"“”„«»]/;

/** A short line of names: a signature or an address ("РОЩИН", "В.Молотов", "ПЕКИН, КРАСОВСКОМУ."). */
export function isNameLike(t: string): boolean {
  // Quick refusals first: the test is made on most lines of a page.
  if (t.length > 120 || /\d/.test(t) || hasTwoLowerWords(t)) return false;
  // A Chinese signature: the name alone, two to four characters.
  if (/^[\u4e00-\u9fff]{2,4}[。.]?$/.test(t)) return true;
  // Letters spaced out for emphasis ("Ф И Л И П П О В") are one word.
  let b = bare(t);
  // "(A. Gromyko)", "(A. Vasilevsky) (A. Gromyko)": signatures typed in parentheses under the text.
  if (b.charCodeAt(0) === 0x28 && /^\([^()]+\)(?:\s*\([^()]+\))*$/.test(b)) b = b.replace(/[()]/g, ' ').trim();
  if (ONE_LETTER_WORD.test(b)) b = b.replace(SPACED_LETTERS, '$1');
  if (!b || /\d/.test(b)) return false;
  const tokens = b.split(/[\s,]+/).filter((x) => x.length > 0);
  if (tokens.length === 0 || tokens.length > 9) return false;
  let names = 0;
  for (const tok of tokens) {
    if (PREFIX_WORDS.has(tok.toLowerCase())) continue;
    if (!NAME_TOKEN.test(tok)) return false;
    if (tok !== '-') names++;
  }
  return names > 0 && names <= 6;
}

/** An address rather than a signature: "To …", "Для тов. …", or a Russian dative ("ФИЛИППОВУ"). */
export function isAddress(t: string): boolean {
  if (t.length > 120) return false;
  const b = bare(t);
  if (/^(?:to|for|для|тов\.?|товарищ\p{L}*|dear)\s/iu.test(b) || /\bTO\s/.test(b)) return true;
  const tokens = b.replace(SPACED_LETTERS, '$1').split(/[\s,]+/).filter((x) => /\p{L}{2,}/u.test(x));
  // Not `tokens[tokens.length - 1] ?? ''`: a read past the end sends optimised code back to the interpreter.
  const last = tokens.length > 0 ? tokens[tokens.length - 1]! : '';
  return /[\u0400-\u04ff]/.test(last) && /(?:У|Ю|ЫМ|ИМ|АМ|ЯМ)$/iu.test(last);
}

/**
 * The service-note patterns as one expression, each in a group of its own (so they are written
 * without inner "^" or the u flag): one test of a line
 * instead of six (every line is tested). At the start of a line the alternatives are tried in
 * order, so the group that matches is that of the first pattern that matches on its own.
 */
const ANY_SERVICE = new RegExp(`^(?:${SERVICE.map(([re]) => `(${re.source.replace(/^\^/, '')})`).join('|')})`, 'i');

function serviceType(t: string): ServiceNoteType | undefined {
  const m = ANY_SERVICE.exec(t);
  if (!m) return undefined;
  for (let k = 0; k < SERVICE.length; k++) if (m[k + 1] !== undefined) return SERVICE[k]![1];
  return undefined;
}

// --- runs by script --------------------------------------------------------------------------

interface Run {
  script: Script;
  items: Item[];
}

/** Splits the body into runs of one script; neutral lines ("[...]", "224") join the run before them. */
function runsOf(items: Item[]): Run[] {
  const runs: Run[] = [];
  let pending: Item[] = [];
  for (const it of items) {
    if (!it.script) {
      if (runs.length > 0) runs[runs.length - 1]!.items.push(it);
      else pending.push(it);
      continue;
    }
    const last = runs[runs.length - 1];
    if (last && last.script === it.script) last.items.push(it);
    else {
      runs.push({ script: it.script, items: [...pending, it] });
      pending = [];
    }
  }
  if (pending.length > 0) runs.push({ script: 'en', items: pending });
  // A one-line run between two runs of the same script is a stray word, not a version.
  const merged: Run[] = [];
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i]!;
    const last = merged[merged.length - 1];
    const next = runs[i + 1];
    if (last && next && r.items.length === 1 && last.script === next.script) {
      last.items.push(...r.items, ...next.items);
      i++;
    } else if (last && last.script === r.script) {
      last.items.push(...r.items);
    } else merged.push(r);
  }
  return merged;
}

// --- the state machine -----------------------------------------------------------------------

interface State {
  phase: Phase;
  seenSignature: boolean;
  quote?: { group: number; outer: Phase; start: number };
  groups: number;
  /** True while the version has only service notes (folio stamps above the text are numbers). */
  onlyServiceSoFar: boolean;
}

/** Builds the text versions of a page body. */
export function buildVersions(body: PageLine[]): StructureResult {
  const dropped: PageLine[] = [];
  const items: Item[] = [];
  const flat = isFlat(body);
  let blankBefore = true;
  let separated = false;
  let before: PageLine | undefined;
  for (const line of body) {
    if (line.blank) {
      blankBefore = true;
      continue;
    }
    if (isMarkupOnly(line)) {
      dropped.push(line);
      blankBefore = true;
      if (SEPARATOR.test(line.raw.trim())) separated = true;
      continue;
    }
    const it: Item = { line, chunkStart: blankBefore || (flat && before !== undefined && !continuesLine(before.clean, line.clean)) };
    if (separated) it.separated = true;
    separated = false;
    before = line;
    const sc = scriptOf(line.clean);
    if (sc) it.script = sc;
    items.push(it);
    blankBefore = false;
  }
  const versions: TextVersion[] = [];
  for (const run of runsOf(items)) versions.push(...versionsOfRun(run));
  return { versions, dropped };
}

/**
 * A body scraped without the blank lines between its paragraphs (some mirrors of the site give one line break
 * between paragraphs, as between the lines of one): fewer blank lines than one in ten lines of text. Its lines are
 * then read as paragraphs of their own unless one continues the line before (`continuesLine`).
 */
function isFlat(body: readonly PageLine[]): boolean {
  let text = 0;
  let blank = 0;
  for (const l of body) {
    if (l.blank) blank++;
    else text++;
  }
  return text >= 3 && blank * 10 < text;
}

/**
 * On a flat page, a line that goes on with the line before rather than beginning a paragraph: it begins in lower
 * case ("telegram to Kim Il Sung" under "Corrected text of a"), or the line before breaks off after a comma, a
 * hyphen, a label, a preposition or an opening bracket not yet closed.
 */
function continuesLine(before: string, line: string): boolean {
  if (/^\p{Ll}/u.test(line)) return true;
  // "From Pyongyang Sent 13.9.50 Received" / "13.9. 13:15": a line that stops at a label or a preposition.
  if (/[,\-–(]$|(?<!\p{L})(?:received|sent|from|to|of|and|by|at|on|in|the|for|with|получена|отправлена|из|в|на|и)$/iu.test(before)) return true;
  return openBrackets(before) > 0;
}

function versionsOfRun(run: Run): TextVersion[] {
  const out: TextVersion[] = [];
  let drafts: Draft[] = [];
  let st: State = { phase: 'opener', seenSignature: false, groups: 0, onlyServiceSoFar: true };
  const finish = (): void => {
    if (drafts.length === 0) return;
    closeOpenQuote(drafts, st);
    out.push({ role: 'original', lang: run.script, blocks: packedMap(drafts, toBlock) });
    drafts = [];
  };
  const its = run.items;
  for (let i = 0; i < its.length; i++) {
    const it = its[i]!;
    const t = it.line.clean;
    // Two versions of one language (an archival copy and a published transcript) are separated by
    // "[...]" after the first one has been signed.
    if (GAP_LINE.test(t) && st.seenSignature) {
      push(drafts, simple('gap', it));
      let k = i + 1;
      while (k < its.length && GAP_LINE.test(its[k]!.line.clean)) push(drafts, simple('gap', its[k++]!));
      i = k - 1;
      if (k < its.length) {
        finish();
        st = { phase: 'opener', seenSignature: false, groups: 0, onlyServiceSoFar: true };
      }
      continue;
    }
    classifyInto(drafts, it, st);
  }
  finish();
  if (out.length > 1) {
    out[0]!.subtype = 'archival';
    for (let i = 1; i < out.length; i++) out[i]!.subtype = 'transcript';
  }
  return out;
}

/**
 * A draft with every field present, in one order: all drafts (and the blocks made from them, see
 * `toBlock`) then share one hidden class, and the state machine's and the encoder's reads of them
 * stay monomorphic instead of meeting a shape per combination of optional fields.
 */
function draft(kind: BlockKind, texts: string[], sources: string[], line: number, column: number, endLine: number): Draft {
  return { kind, noteType: undefined, folio: undefined, texts, sources, line, column, endLine, quotedGroup: undefined, contentText: undefined };
}

function simple(kind: BlockKind, it: Item, noteType?: ServiceNoteType): Draft {
  const d = draft(kind, [it.line.clean], [it.line.raw], it.line.no, it.line.column, it.line.no);
  d.noteType = noteType;
  return d;
}

function push(drafts: Draft[], d: Draft): void {
  drafts.push(d);
}

function append(d: Draft, it: Item): void {
  d.texts.push(it.line.clean);
  // A block that runs over blank lines keeps them in its source, so the source stays exact in its lines.
  for (let n = d.endLine + 1; n < it.line.no; n++) d.sources.push('');
  d.sources.push(it.line.raw);
  d.endLine = it.line.no;
}

/** Splits a line into two blocks at a raw offset (a signature and its date on one line). */
function splitAt(it: Item, at: number, first: BlockKind, second: BlockKind): [Draft, Draft] {
  const raw = it.line.raw;
  const a = raw.slice(0, at);
  const b = raw.slice(at);
  const lead = /^[\s\u00a0]*/.exec(b)![0].length;
  const clean = (s: string): string => s.replace(/[\s\u00a0]+/g, ' ').trim();
  return [
    draft(first, [clean(a)], [a.replace(/[\s\u00a0]+$/, '')], it.line.no, it.line.column, it.line.no),
    draft(second, [clean(b)], [b.slice(lead)], it.line.no, it.line.column + at + lead, it.line.no),
  ];
}

/** A date at one end of the line and a name at the other: where to split, and which part is the date. */
function dateNameSplit(raw: string): { at: number; dateFirst: boolean } | undefined {
  if (raw.length > 80 || !/[\d年]/.test(raw)) return undefined;
  const text = raw.replace(/\u00a0/g, ' ');
  const ds = findDates(text);
  if (ds.length !== 1) return undefined;
  const d = ds[0]!;
  const before = text.slice(0, d.start);
  const after = text.slice(d.end);
  if (!before.trim()) {
    // "6.1.1949 Filippov [Stalin]", "26 October 1949 to KOVALEV and ROSHCHIN"
    const endOfDate = d.end + (/^\s*г\./.exec(after)?.[0].length ?? 0);
    if (isNameLike(text.slice(endOfDate))) return { at: endOfDate, dateFirst: true };
    return undefined;
  }
  if (isNameLike(before) && isDateOnly(text.slice(d.start))) return { at: d.start, dateFirst: false };
  return undefined;
}

function classifyInto(drafts: Draft[], it: Item, st: State): void {
  const prev = drafts[drafts.length - 1];
  if (it.separated) {
    st.phase = 'opener';
    st.seenSignature = false;
  }
  const t = it.line.clean;
  const plain = t.indexOf('*') >= 0 ? t.replace(/\*/g, '') : t;
  const sameChunk = !it.chunkStart;

  if (GAP_LINE.test(t)) return push(drafts, simple('gap', it));
  if (CATCHWORD.test(plain)) return push(drafts, simple('catchword', it));
  if (plain.length < 200 && CONTINUATION.test(plain)) {
    const folio = FOLIO.exec(plain)?.[1];
    const pb = draft('pageBreak', [], [''], it.line.no, it.line.column, it.line.no);
    const cont = simple('continuation', it);
    if (folio) pb.folio = cont.folio = folio;
    cont.contentText = unglue(it.line.raw);
    push(drafts, pb);
    return push(drafts, cont);
  }

  // A quoted telegram opens with a quotation mark at the start of a paragraph and no close on the same line.
  let opened = false;
  if (!st.quote && it.chunkStart && QUOTE_OPEN.test(plain) && !QUOTE_CLOSE.test(plain) && st.phase !== 'apparatus') {
    st.groups++;
    st.quote = { group: st.groups, outer: st.phase === 'opener' ? 'text' : st.phase, start: drafts.length };
    st.phase = 'opener';
    opened = true;
  }
  const before = drafts.length;
  classifyLine(drafts, prev, it, st, plain, sameChunk);
  // A letterhead ("MID USSR") is the form's, like its service notes: a number after it is still the form's.
  if (drafts.length > before && drafts[drafts.length - 1]!.kind !== 'serviceNote' && drafts[drafts.length - 1]!.kind !== 'letterhead') st.onlyServiceSoFar = false;
  if (st.quote) {
    for (let k = Math.max(before, st.quote.start); k < drafts.length; k++) drafts[k]!.quotedGroup = st.quote.group;
    // A joined line extends the previous block, which is already in the group.
    if (!opened && QUOTE_CLOSE.test(plain)) {
      if (prev && drafts.length === before) prev.quotedGroup = st.quote.group;
      st.phase = st.quote.outer === 'opener' ? 'text' : st.quote.outer;
      st.quote = undefined;
    }
  }
}

function classifyLine(drafts: Draft[], prev: Draft | undefined, it: Item, st: State, t: string, sameChunk: boolean): void {
  // Most lines start with no quotation mark: a look at the first character spares the expression.
  const unquoted = OPENING_QUOTES.has(t.charCodeAt(0)) ? t.replace(LEADING_QUOTE, '') : t;

  // A described mark whose bracket is still open takes the next line, whatever it says — but only a line that follows
  // without a blank one: a bracket never closed must not take the text after it. After a blank line, only a short
  // line that closes it ("incoming Nº 36261/shs of 24 October 1949]").
  const mark = prev ? markDepth(prev) : undefined;
  if (mark !== undefined && mark > 0 && (sameChunk || (t.length <= 100 && openBrackets(t, mark) <= 0))) return append(prev!, it);

  // "Enclosure: 4-page letter.", "Attachment: the original of a letter …" (Приложение: …): what goes with the letter,
  // noted above its signature — the signature and date under it are still the letter's.
  if (ENCLOSURE.test(unquoted)) return push(drafts, simple('serviceNote', it, 'service'));
  // "Translation from Chinese": the translator's note over the text (ingest reads the original's language from it).
  if (translatedFrom(unquoted)) return push(drafts, simple('serviceNote', it, 'service'));
  // Service notes and copy lists may stand anywhere (on a form, above the text, after it).
  const service = serviceType(unquoted);
  if (service) {
    push(drafts, simple('serviceNote', it, service));
    if (st.phase !== 'opener') st.phase = 'apparatus';
    return;
  }
  if (ARCHIVE_STAMP.test(unquoted)) {
    push(drafts, simple('serviceNote', it, 'service'));
    if (st.phase !== 'opener') st.phase = 'apparatus';
    return;
  }
  // A numbered copy list goes on item by item; an item is a name or two ("1. Comrade KIM IL SUNG and his comrades
  // think …" is the text's first point).
  if (unquoted.length <= 60 && !/[.!?:;]$/.test(unquoted.replace(/\s*\(\d+\)$/, '')) && COPY_ITEM.test(unquoted)) {
    if (prev && prev.kind === 'distribution') return append(prev, it);
    push(drafts, simple('distribution', it));
    if (st.phase !== 'opener') st.phase = 'apparatus';
    return;
  }
  if (DISTRIBUTION.test(unquoted) || it.line.raw.includes('\t')) {
    const d = simple('distribution', it);
    // A copy list laid out as a table, flattened with "|" between its cells ("Copy Nº 1 to Cde. Stalin | Copy Nº 7 to
    // Cde. Bulganin |"): a copy a cell.
    if (t.includes('|')) d.texts = t.split('|').map((c) => c.trim()).filter((c) => c !== '');
    push(drafts, d);
    if (st.phase !== 'opener') st.phase = 'apparatus';
    return;
  }
  if (COPY_NUMBER.test(unquoted)) return push(drafts, simple('serviceNote', it, 'service'));
  if (SOURCE_NOTE.test(unquoted)) return push(drafts, simple('serviceNote', it, 'service'));
  // "[handwritten at the top: to Cde. Stalin]", "[Stamp: …]": the editor's description of a mark on the form, not its
  // text. The phase stays: the text may go on after it.
  if (isMarkDescribed(unquoted)) return push(drafts, simple('serviceNote', it, 'service'));

  // A copy list broken after a comma goes on in the next line ("Copies: Stalin (2), Malenkov, Beria," / "Bulganin, …"),
  // and a list's heading in the names under it ("Distribution list - 12 copies:" / "Stalin - 2, Molotov - 1, …").
  if (prev && prev.kind === 'distribution' && /[,:]$/.test(prev.texts[prev.texts.length - 1]!) && unquoted.length <= 240) return append(prev, it);
  // "Copies to Cde. Stalin" / "to Cde. Molotov" / "to Cde. Beria": the list goes on a copy a line.
  if (prev && prev.kind === 'distribution' && unquoted.length <= 60 && COPY_TO.test(unquoted)) return append(prev, it);

  // Continuations of a service note: the rest of a form's line, a bracketed gloss, the certifier's name.
  // A described mark takes no other line (closed, it has ended; still open, the line above did not close it): only
  // another bracketed remark may join it.
  if (mark !== undefined) {
    if (/^\[[^\]]*\]$/.test(unquoted)) return append(prev!, it);
  } else if (prev && prev.kind === 'serviceNote') {
    const lower = /^[\p{Ll}]/u.test(unquoted);
    const bracket = /^\[[^\]]*\]$/.test(unquoted);
    const trailing = (): boolean => isNameLike(unquoted) || isDateOnly(unquoted) || NUMBER_ONLY.test(unquoted);
    // The next line of the same paragraph goes on with the note only when it may be the rest of a form's line: a
    // short one, no sentence, no addressee. On a page scraped without blank lines every line is "the same paragraph",
    // and the addressee and the whole telegram under a "Received …" stamp went into it.
    const more = sameChunk && st.phase !== 'text' && mayContinueForm(unquoted);
    if (bracket || more || (lower && st.phase === 'opener') || (st.phase === 'apparatus' && trailing())) {
      return append(prev, it);
    }
  }

  // A long line is text: the parts below (headings, addresses, signatures, dates) are short.
  if (unquoted.length > 240) return paragraph(drafts, prev, it, st, sameChunk);

  if (LETTERHEAD.test(unquoted) || (it.line.heading === 1 && st.phase === 'opener')) return push(drafts, simple('letterhead', it));
  if (CLASSIFICATION.test(unquoted)) return push(drafts, simple('classification', it));
  // (the editors' completion of an abbreviation read as written out: "В[есьма] срочно")
  if (PRIORITY.test(unquoted) || (unquoted.includes('[') && PRIORITY.test(unquoted.replace(/\[([^\]]*)\]/g, '$1')))) return push(drafts, simple('priority', it));
  if (SERIES.test(unquoted)) return push(drafts, simple('series', it));
  if (DOCTYPE_UPPER.test(unquoted) || (st.phase === 'opener' && DOCTYPE_OPENER.test(unquoted) && !/[.:]$/.test(unquoted))) {
    return push(drafts, simple('doctype', it));
  }
  if (st.phase === 'opener') {
    if (DATELINE.test(unquoted) && unquoted.length < 100) return push(drafts, simple('dateline', it));
    const placed = PLACE_COMMA.exec(unquoted);
    if (placed && isDateOnly(unquoted.slice(placed[0].length))) return push(drafts, simple('dateline', it));
    if (prev && prev.kind === 'dateline' && isDateOnly(unquoted)) return append(prev, it);
    // "10 марта 1952 г." above the text: the date heads it (under a signature it closes the telegram before, below).
    if (prev?.kind !== 'signature' && isDateOnly(unquoted)) return push(drafts, simple('dateline', it));
    if (NUMBER_ONLY.test(unquoted) && st.onlyServiceSoFar) {
      return push(drafts, simple('serviceNote', it, 'service'));
    }
  }

  // The end of a telegram: a closing date, a number, a signature — or both on one line.
  if (st.phase !== 'opener' || prev?.kind === 'signature') {
    if (isDateOnly(unquoted) || NUMBER_ONLY.test(unquoted) || NUMBER_BRACKETED.test(unquoted) || (NUMBERED.test(unquoted) && isDateOnly(unquoted.replace(NUMBERED, '').replace(SIGNER_BEFORE_DATE, '')))) {
      // A date under the first line of all, which ends no sentence: the editors' title over the text and its date
      // ("Comments on the Discovery of Insects …" / "(4 March 1952)"), not a telegram of one line closed by its date.
      if (prev && isDateOnly(unquoted) && isEditorsTitle(prev) && drafts.every((d) => d === prev || d.kind === 'serviceNote')) {
        prev.kind = 'heading';
        push(drafts, simple('dateline', it));
        st.phase = 'opener';
        return;
      }
      if (prev && prev.kind === 'closingDate' && (sameChunk || st.phase === 'closing')) return append(prev, it);
      push(drafts, simple('closingDate', it));
      st.phase = 'closing';
      return;
    }
  }
  if (st.phase !== 'opener') {
    const split = dateNameSplit(it.line.raw);
    if (split) {
      const nameIsAddress = isAddress(split.dateFirst ? it.line.raw.slice(split.at) : it.line.raw.slice(0, split.at));
      const nameKind: BlockKind = nameIsAddress ? 'salute' : 'signature';
      const [a, b] = splitAt(it, split.at, split.dateFirst ? 'closingDate' : nameKind, split.dateFirst ? nameKind : 'closingDate');
      push(drafts, a);
      push(drafts, b);
      if (nameIsAddress) st.phase = 'opener';
      else {
        st.phase = 'closing';
        st.seenSignature = true;
      }
      return;
    }
  }
  // The signer's office under the signature ("Chairman of the USSR Council of Ministers"), and the rest of an address
  // under the addressee's name: office and state ("Chairman of the Cabinet of Ministers of", "the Democratic People's
  // Republic of Korea").
  // A line in lower case under a signature goes on with it too ("at the instruction of the Political Council of …").
  if (prev && (prev.kind === 'signature' || (prev.kind === 'salute' && st.phase === 'opener')) && isTitleLine(unquoted)) return append(prev, it);
  // "Pyongyang" under the signature, the date under it: where the letter was written, the closing dateline.
  if (prev?.kind === 'signature' && unquoted.length < 40 && resolveName(unquoted.replace(/[.,]$/, ''))?.kind === 'place') {
    push(drafts, simple('closingDate', it));
    st.phase = 'closing';
    return;
  }
  // "Comrade MAO ZEDONG!", "“Cde. Mao Zedong!": the salutation that opens the text (a name-like line ending in "!").
  if (st.phase === 'opener' && SALUTATION.test(unquoted)) return push(drafts, simple('salute', it));
  if (isNameLike(unquoted)) {
    if (st.phase === 'opener' || isAddress(unquoted)) {
      // Text never comes between a form's heading and the addressee: a short line there that is no sentence is the
      // document's heading ("Telephone message via VCh" / "Corrected text of a telegram to Kim Il Sung" / "to Mr. …").
      if (st.phase === 'text' && prev && isHeadingBeforeAddressee(prev, drafts[drafts.length - 2])) prev.kind = 'heading';
      st.phase = 'opener';
      return push(drafts, simple('salute', it));
    }
    push(drafts, simple('signature', it));
    st.phase = 'closing';
    st.seenSignature = true;
    return;
  }
  if (st.phase === 'opener' && /^[\u4e00-\u9fff]{2,12}[：:]$/.test(unquoted)) return push(drafts, simple('salute', it));
  // The top of a Chinese text as its compilations print it: the editors' title, its date in parentheses.
  if (st.phase === 'opener' && CHINESE_HEADING.test(unquoted)) return push(drafts, simple('heading', it));
  if (st.phase === 'opener' && PARENTHESISED_DATE.test(unquoted)) return push(drafts, simple('dateline', it));
  if (st.phase === 'opener' && /^(?:to|for|для|тов\.)\s/i.test(unquoted) && unquoted.length < 80 && !/[:]$/.test(unquoted)) {
    return push(drafts, simple('salute', it));
  }
  // "Destination: PEKING To Whom: SovAmbassador" (Куда: … Кому: …): the form's address fields.
  if (st.phase === 'opener' && /^(?:Destination|To whom|Куда|Кому)\s*:/i.test(unquoted)) return push(drafts, simple('salute', it));
  // "Moscow—Ministry of Foreign Affairs of the USSR." (Москва — МИД СССР): the place the telegram goes to, a dash, the addressee.
  if (st.phase === 'opener' && unquoted.length < 100) {
    const m = PLACE_DASH.exec(unquoted);
    if (m && resolveName(m[1]!)?.kind === 'place') return push(drafts, simple('salute', it));
  }

  paragraph(drafts, prev, it, st, sameChunk);
}

/** A line that may be the rest of a form's line above it: short, no sentence, no quotation, no addressee. */
function mayContinueForm(t: string): boolean {
  return t.length <= 60 && !/[.!?:;]$/.test(t) && !OPENING_QUOTES.has(t.charCodeAt(0)) && !/^(?:to|for|для|тов\.)\s/i.test(t);
}

/** Blocks of a form's top, above its addressee. */
const FORM_TOP = new Set<BlockKind>(['doctype', 'letterhead', 'classification', 'priority', 'series']);

/**
 * A paragraph that is a heading: short (one or two lines), no sentence, right under the form's top (`before`). Asked
 * when the addressee follows it.
 */
function isHeadingBeforeAddressee(prev: Draft, before: Draft | undefined): boolean {
  if (prev.kind !== 'paragraph' || prev.texts.length > 2 || !before || !FORM_TOP.has(before.kind)) return false;
  const text = prev.texts.join(' ');
  return text.length <= 100 && /^\p{Lu}/u.test(text) && !/[.!?:;,]$/.test(text);
}

/** A short line, no sentence, naming an office or going on in lower case: part of a name's block (an address, a signature). */
/** A title the editors set over a text: one short line that ends no sentence and is no name ("关于…给中央的电报"). */
function isEditorsTitle(d: Draft): boolean {
  if (d.kind !== 'paragraph' || d.texts.length !== 1) return false;
  const t = d.texts[0]!.trim();
  return t.length <= 160 && !/[.!?。:：;,]$/.test(t) && !/^\p{Ll}/u.test(t) && (/[\u4e00-\u9fff]/.test(t) || t.split(/\s+/).length >= 3);
}

function isTitleLine(t: string): boolean {
  return t.length < 120 && !/[.!?:;]$/.test(t) && (OFFICE.test(t) || /^\p{Ll}/u.test(t));
}

function paragraph(drafts: Draft[], prev: Draft | undefined, it: Item, st: State, sameChunk: boolean): void {
  if (st.phase !== 'apparatus') st.phase = 'text';
  if (prev && prev.kind === 'paragraph' && sameChunk && !endsParagraph(prev.texts[prev.texts.length - 1]!)) return append(prev, it);
  push(drafts, simple('paragraph', it));
}

/**
 * A line that is a whole paragraph of the page: long and ending a sentence. A page scraped without blank lines
 * ("flat") gives each paragraph as one line, and the next line begins another paragraph, not a new line of this one;
 * the lines a typescript breaks inside a paragraph are short.
 */
function endsParagraph(line: string): boolean {
  return line.length >= 200 && /[.!?»"”)]$/.test(line);
}

/** A quote never closed (the Russian of seed 003 omits the closing mark): it ends with its signature, or where the version stops. */
function closeOpenQuote(drafts: Draft[], st: State): void {
  if (!st.quote) return;
  const { group, start } = st.quote;
  let end = -1;
  for (let k = start; k < drafts.length; k++) {
    if (drafts[k]!.kind === 'signature') {
      end = k;
      while (end + 1 < drafts.length && drafts[end + 1]!.kind === 'closingDate') end++;
      break;
    }
  }
  // No signature after it at all: the quoted telegram runs to where the version stops (a page cut off inside it).
  if (end < 0) end = drafts.length - 1;
  for (let k = start; k < drafts.length; k++) {
    if (k > end) drafts[k]!.quotedGroup = undefined;
    else drafts[k]!.quotedGroup = group;
  }
  st.quote = undefined;
}

/** A continuation header glued together by the scrape gets spaces back at its parts' seams. */
function unglue(raw: string): string {
  return raw
    .replace(/\*\*/g, ' ')
    .replace(/(\S)(?=Экз\.|Продолжение|Лист\s*[„"“]|Copy No|Continuation|Sheet)/g, '$1 ')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** A block with every field present, in the one order of `newBlock`. */
function toBlock(d: Draft): Block {
  const text = d.contentText ?? d.texts.join('\n');
  // A described mark is the editors' note as a whole: its brackets are kept as written, not read as a remark inside it.
  const content: Block['content'] = d.kind === 'pageBreak' ? [] : d.kind === 'serviceNote' && isMarkDescribed(d.texts[0]!) ? [{ kind: 'text', text }] : parseInline(text);
  return newBlock(d.kind, content, d.sources.join('\n'), { line: d.line, column: d.column, endLine: d.endLine }, d.noteType, d.folio, d.quotedGroup);
}

/**
 * A block of the model with all its fields present (absent ones undefined), in one order, so that
 * every block has the same hidden class: the many loops over blocks (numbers, dates, the body
 * encoder) then read `kind` and `quotedGroup` from one shape, not from up to seven.
 */
export function newBlock(
  kind: BlockKind,
  content: Block['content'],
  source: string,
  span: Block['span'],
  noteType?: ServiceNoteType,
  folio?: string,
  quotedGroup?: number,
  gapReason?: Block['gapReason'],
  n?: string,
): Block {
  return { kind, content, source, span, noteType, folio, gapReason, quotedGroup, n };
}
