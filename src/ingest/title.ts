/**
 * What a published title says: the document type ("Ciphered Telegram", "Draft Reply …"), the
 * telegram number, the place of sending, and who wrote to whom — including intermediaries
 * ("to Krasovsky, for Cde. Mao Zedong", "via Molotov") and possessives ("Reply to Mao Zedong's
 * Telegram from Stalin"). Names are returned as written; the encoder resolves them.
 */
import type { CorrespAction, DocumentType, NameMention, PlaceMention } from '../model.js';
import { NUMBER_SIGN } from './numbers.js';
import { resolveName } from '../authority/match.js';

const TYPE_WORDS: [RegExp, DocumentType][] = [
  [/\bdraft\b/i, 'draft'],
  [/\bcipher(?:ed)? (?:telegram|cable)\b|\bciphertelegram\b/i, 'ciphered telegram'],
  [/\btelegram\b/i, 'telegram'],
  [/\bcable\b/i, 'cable'],
  [/\bletter\b/i, 'letter'],
  [/\bmemorandum\b|\bmemo\b/i, 'memorandum'],
  [/\breport\b/i, 'report'],
  [/\brecord of\b|\bminutes\b|\btranscript of\b/i, 'record'],
];

/** The document type the title names first ("Draft Reply to … Telegram" is a draft). */
export function documentTypeOfTitle(title: string): DocumentType | undefined {
  let best: DocumentType | undefined;
  let bestAt = Infinity;
  for (const [re, type] of TYPE_WORDS) {
    const m = re.exec(title);
    // "Ciphered Telegram" and "Telegram" start at different places; the cipher form wins a tie of words.
    if (m && (m.index < bestAt || (type === 'ciphered telegram' && best === 'telegram'))) {
      best = type;
      bestAt = m.index;
    }
  }
  return best;
}

/** The document type from the text's own heading ("ШИФРТЕЛЕГРАММА", "CIPHERED TELEGRAM"). */
export function documentTypeOfHeading(heading: string): DocumentType | undefined {
  if (/ШИФР(?:О)?ТЕЛЕГРАММ|CIPHER(?:ED)? TELEGRAM/i.test(heading)) return 'ciphered telegram';
  if (/ТЕЛЕГРАММ|TELEGRAM/i.test(heading)) return 'telegram';
  if (/ПИСЬМО|LETTER/i.test(heading)) return 'letter';
  if (/ЗАПИСКА|MEMORANDUM/i.test(heading)) return 'memorandum';
  return undefined;
}

/** "Nos." too: a title may name several telegrams ("Nos. 1, 2"), and the first is taken. */
const TITLE_NUMBER = new RegExp(String.raw`(?:${NUMBER_SIGN}|(?<!\p{L})Nos\.?)\s*(\d[\d/]*)`, 'u');

/** The telegram number a title carries: "Ciphered Telegram No. 0100, …" → "0100". */
export function numberOfTitle(title: string): string | undefined {
  const m = TITLE_NUMBER.exec(title);
  return m ? m[1] : undefined;
}

/**
 * Titles, offices and ranks before a name in a document title ("Soviet Ambassador Roshchin",
 * "Lieutenant General Kuzma Derevyanko"): the name is what follows.
 */
export const HONORIFIC = /^(?:(?:Soviet|Chinese|Korean|North Korean|PRC|USSR|DPRK)\s+)?(?:Cde\.|Cdes\.|Comrade|Comrades|Tov\.|Mr\.|Тов\.|Товарищ[а-яё]*|Marshal|Generalissimo|(?:(?:Lieutenant|Colonel|Major|Army)\s+)?General|Gen\.|Col\.|Colonel|Ambassador|Envoy|Consul(?:\s+General)?|Chargé d'Affaires|(?:Foreign\s+)?Minister|(?:Chief\s+)?Military\s+Advis[eo]r|Representative|Chairman|Premier)(?:\s+|$)/i;

/** Words that make a correspondent an institution, not a person. */
const ORGANISATION = /\b(?:Ministry|Foreign Office|Politburo|Central Committee|CC|CPSU|VKP\(b\)|Government|Council|Committee|Embassy|General Staff|Secretariat|Presidium|Headquarters|Directorate|Administration|Bureau|MID|MFA)(?![\p{L}])/u;

/** A word in lower case inside a name, other than a particle ("van", "de", "bin"). */
const LOWER_WORD = /\s(?!(?:de|da|dos|du|la|le|van|von|der|bin|ibn|al)\s)\p{Ll}/u;

/**
 * A name as written in a title: "Filippov [Stalin]" → text Filippov, supplied Stalin (a cover
 * name and the person behind it). An office with the name supplied ("Soviet Ambassador [Shtykov]")
 * names that person plainly.
 */
export function nameMention(written: string): NameMention | undefined {
  let s = written.trim().replace(/[.,;:]+$/, '');
  // An institution ("USSR Foreign Ministry", "the CC CPSU"): its name whole, "of" and all.
  const institution = s.replace(/^the\s+/i, '');
  if (ORGANISATION.test(institution) && /^\p{Lu}/u.test(institution) && !/\[/.test(institution)) return { text: institution, org: true };
  let supplied: string | undefined;
  const b = /\s*\[([^\]]+)\]\s*$/.exec(s);
  if (b) {
    supplied = b[1]!.trim();
    s = s.slice(0, b.index).trim();
  }
  while (HONORIFIC.test(s)) s = s.replace(HONORIFIC, '');
  if (!s && supplied && /^\p{Lu}/u.test(supplied)) return { text: supplied };
  // Every word of a name is capitalised (but for a particle such as "de"): "Mao's Visit to Moscow" is no name.
  if (!/^\p{Lu}/u.test(s) || LOWER_WORD.test(s)) return undefined;
  const m: NameMention = { text: s };
  if (supplied) {
    m.supplied = supplied;
    m.pseudonym = true;
  }
  return m;
}

/** Several names: "Mao Zedong and Zhou Enlai", "Kovalev, Roshchin". */
function names(written: string): NameMention[] {
  const out: NameMention[] = [];
  for (const part of written.split(/\s*,\s*|\s+and\s+/)) {
    // An office before a known person's name names that person ("DPRK leader Kim Il Sung"); an unknown one is left alone.
    const office = OFFICE_BEFORE_NAME.exec(part.trim());
    const known = office && resolveName(office[1]!.replace(/[.,;:]+$/, ''))?.kind === 'person' ? office[1]! : undefined;
    const m = nameMention(known ?? part);
    if (m) out.push(m);
  }
  return out;
}

function place(text: string | undefined): PlaceMention | undefined {
  if (!text) return undefined;
  const t = text.trim().replace(/[.,;:]+$/, '');
  return t && /^\p{Lu}/u.test(t) ? { text: t } : undefined;
}

/** Splits "X in Place" into the name and the place. */
function nameAndPlace(s: string): { who: string; where?: string } {
  // "Soviet Ambassador in Pyongyang [Shtykov]": the name supplied after the place is still the name's.
  const m = /^(.*?)\s+in\s+(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?)(\s*\[[^\]]+\])?$/u.exec(s.trim());
  return m ? { who: m[1]! + (m[3] ?? ''), where: m[2]! } : { who: s };
}

/**
 * Where a title's subject begins: a preposition of topic ("on", "about", "regarding",
 * "concerning", "in connection with", "in reply to" …), a participle ("…, Conveying",
 * "… transmitting message from …") or a date after a comma ("…, 1 March 1950"). "on" only in lower case: title case writes prepositions so, and a
 * capitalised "On" may be part of a name.
 */
/**
 * The type and number a title opens with: "Ciphered Telegram No. 0100, " / "Telegram from" (what
 * precedes the type goes too, unless it already names who wrote to whom: "Gromyko to G.M.
 * Malenkov, attaching draft telegram to Razuvaev").
 */
const TYPE_AND_NUMBER = new RegExp(String.raw`^(?:(?! to ).)*?\b(?:Telegram|Cable|Letter|Message|Memorandum|Report|Note|Reply|Draft)(?:\s+(?:Telegram|Cable|Letter|Message|Report|Note))*(?:\s+${NUMBER_SIGN}\s*[\d/]+)?\s*,?\s*`, 'iu');
/** "Kovalev Report to Stalin": the writer's name before the type, then whom it went to. */
const NAME_THEN_TYPE = /^(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})\s+(?:Report|Letter|Note|Memorandum|Telegram|Cable|Message)\s+(?=to\s)/u;
/** Words of a document's type or form, which no writer's name has. */
const FORM_WORD = /\b(?:Ciphered|Cipher|Coded|Telegram|Cable|Letter|Report|Draft|Memorandum|Message|Note|Reply|Soviet|Urgent|Top|Secret|Special|Excerpt|Record|Copy)\b/i;
/** An office before a name in a title: "DPRK leader Kim Il Sung", "South Korean Communist Leader Pak Heon-yeong". */
const OFFICE_BEFORE_NAME = /^.*\b(?:[Ll]eader|Chairman|Premier|Ambassador|Minister|Secretary|General|Marshal|President|Commander)\s+(\p{Lu}.*)$/u;
const TOPIC = /\s+(?:on|[Aa]bout|[Rr]egarding|[Cc]oncerning|[Ww]ith [Rr]egard to|[Ii]n [Cc]onnection [Ww]ith|[Ii]n [Rr]e(?:ply|sponse) to|[Ww]ith (?:a|an|the))\s+|\s+[Rr]e:\s*|,\s*(?=\p{Lu}\p{Ll}+ing\b)|\s+(?=\p{Ll}{2,}ing\b)|,\s*(?=\d|(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d)|,\s*(?=\p{Lu}\p{Ll}+\s+(?:for|of|on|about|from|with|to)\s)/u;

export interface TitleCorrespondence {
  actions: CorrespAction[];
  /** The place the telegram was sent from, when the title says. */
  place?: PlaceMention;
}

/**
 * Who sent, received and passed on the document, as the title says. Unknown shapes give no
 * actions (never a guess).
 */
export function correspondenceOfTitle(title: string): TitleCorrespondence {
  // Parentheses as brackets: "Fyn Si (Stalin)" supplies a name, "(via Shtykov)" names an intermediary.
  let t = title
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*[([]via ([^)\]]+)[)\]]/gi, ' via $1')
    .replace(/\s*\((\p{Lu}[\p{L} .'’-]*)\)/gu, ' [$1]');
  let from: string | undefined;
  let to: string | undefined;
  let via: string | undefined;
  let forWhom: string | undefined;
  let where: string | undefined;

  // "Reply to Mao Zedong's Telegram from Stalin": the possessive names the receiver of the reply.
  const possessive = /\bto ([\p{L} .\-]+?)'s (?:Ciphered )?(?:Telegram|Cable|Letter|Message)\b/iu.exec(t);
  if (possessive) {
    to = possessive[1];
    t = t.slice(possessive.index + possessive[0].length).trim();
  } else {
    const named = NAME_THEN_TYPE.exec(t);
    // Drop the type and number: "Ciphered Telegram No. 0100, " / "Telegram from" — but not the writer's name before it.
    if (named && !FORM_WORD.test(named[1]!)) t = `${named[1]} ${t.slice(named[0].length)}`;
    else t = t.replace(TYPE_AND_NUMBER, '');
  }
  // "… to Vyshinsky on a Luncheon at the Ministry", "…, Conveying Mao's Request": what the
  // document is about follows the names and is none of them.
  const topic = TOPIC.exec(t);
  if (topic) t = t.slice(0, topic.index);
  // "from Beijing, Mao Zedong to …": a place before the comma.
  const fromPlace = /^from ([\p{Lu}][\p{L}-]*(?: [\p{Lu}][\p{L}-]*)?),\s*/u.exec(t);
  if (fromPlace) {
    where = fromPlace[1];
    t = t.slice(fromPlace[0].length);
  }
  const viaM = /\s*,?\s+via\s+(.+?)(?=,|$| to )/i.exec(t);
  if (viaM) {
    via = viaM[1];
    t = t.slice(0, viaM.index) + t.slice(viaM.index + viaM[0].length);
  }
  const forM = /,?\s+for\s+(.+)$/i.exec(t);
  if (forM) {
    forWhom = forM[1];
    t = t.slice(0, forM.index);
  }
  const saysFrom = /^from\s+/i.test(t) || fromPlace !== null;
  t = t.replace(/^from\s+/i, '');
  const toAt = t.search(/\s+to\s+/i);
  if (toAt >= 0) {
    from = t.slice(0, toAt);
    to = t.slice(toAt).replace(/^\s+to\s+/i, '');
  } else if (t && (saysFrom || possessive || via)) {
    // Without "to", only an explicit "from" (or a reply's possessive) names the sender.
    from = t;
  }

  const out: TitleCorrespondence = { actions: [] };
  if (from) {
    const np = nameAndPlace(from);
    where ??= np.where;
    const persons = names(np.who);
    if (persons.length > 0) out.actions.push({ type: 'sent', persons });
  }
  let received = to;
  if (forWhom && to) {
    const persons = names(nameAndPlace(to).who);
    if (persons.length > 0) out.actions.push({ type: 'transmitted', persons });
    received = forWhom;
  }
  if (via) {
    const persons = names(via);
    if (persons.length > 0) out.actions.push({ type: 'transmitted', persons });
  }
  if (received) {
    const np = nameAndPlace(received);
    const persons = names(np.who);
    // "to Ministry of Foreign Affairs, Moscow": a known place after the addressee is where it was, not a second addressee.
    const last = persons.length > 1 ? persons[persons.length - 1]! : undefined;
    if (!np.where && last && !last.supplied && resolveName(last.text)?.kind === 'place') {
      persons.pop();
      np.where = last.text;
    }
    const action: CorrespAction = { type: 'received', persons };
    const p = place(np.where);
    if (p) action.place = p;
    if (persons.length > 0) out.actions.push(action);
  }
  const p = place(where);
  if (p) {
    out.place = p;
    const sent = out.actions.find((a) => a.type === 'sent');
    if (sent) sent.place = p;
  }
  return out;
}
