/**
 * Telegram pages built by hand, as ingest would deliver them: the encoder's tests do not depend on
 * ingest's heuristics. `inline` reads the scrape's inline conventions ([supplied], [?], [...], *…*).
 */
import type { Block, BlockKind, Inline, TelegramPage, TextVersion } from '../../src/model.js';

/** Inline content of a line written in the scrape's conventions. */
export function inline(source: string): Inline[] {
  const out: Inline[] = [];
  const re = /\[\?\]|\[\.\.\.\]|\[([^\]]+)\]|\*([^*]+)\*/g;
  let at = 0;
  for (const m of source.matchAll(re)) {
    if (m.index! > at) out.push({ kind: 'text', text: source.slice(at, m.index) });
    if (m[0] === '[?]') out.push({ kind: 'uncertain' });
    else if (m[0] === '[...]') out.push({ kind: 'gap' });
    else if (m[1] !== undefined) out.push({ kind: 'supplied', text: m[1] });
    else out.push({ kind: 'handwritten', content: [{ kind: 'text', text: m[2]! }] });
    at = m.index! + m[0].length;
  }
  if (at < source.length) out.push({ kind: 'text', text: source.slice(at) });
  return out;
}

let line = 1;

/** A block of the given kind from its source text. */
export function block(kind: BlockKind, source: string, extra: Partial<Block> = {}): Block {
  const b: Block = { kind, content: inline(source), source, span: { line, column: 1, endLine: line + source.split('\n').length - 1 }, ...extra };
  line += source.split('\n').length + 1;
  return b;
}

export const p = (s: string, extra: Partial<Block> = {}): Block => block('paragraph', s, extra);

export function version(role: TextVersion['role'], lang: string, blocks: Block[], subtype?: TextVersion['subtype']): TextVersion {
  return subtype ? { role, lang, subtype, blocks } : { role, lang, blocks };
}

/** A page with only what every page has, and the given text versions. */
export function page(versions: TextVersion[], extra: Partial<TelegramPage> = {}): TelegramPage {
  return {
    file: 'sources/test.txt',
    documentType: 'ciphered telegram',
    numbers: [],
    correspondence: [],
    archives: [],
    translators: [],
    funders: [],
    versions,
    dropped: [],
    ...extra,
  };
}

/** Seed 001 (Roshchin to Filippov, 3 October 1950), abridged: every kind of block it has. */
export function roshchinPage(): TelegramPage {
  const q = { quotedGroup: 1 };
  return page(
    [
      version('original', 'ru', [
        block('letterhead', 'ВТОРОЕ ГЛАВНОЕ УПРАВЛЕНИЕ ГЕНЕРАЛЬНОГО ШТАБА СОВЕТСКОЙ АРМИИ'),
        block('classification', 'Совершенно секретно'),
        block('doctype', 'ШИФРТЕЛЕГРАММА'),
        block('dateline', 'Из Пекина                                              3 .10.1950'),
        block('priority', 'ВНЕОЧЕРЕДНАЯ'),
        block('salute', 'ФИЛИППОВУ'),
        p('Докладываю ответ Мао Цзэдуна на Ваш N  4581:'),
        p('“Ваша телеграмма от 1.10.50 г.получена.Мы первоначально планировали двинуть несколько добровольческих дивизий  в Северную Корею для оказания помощи корейским товарищам, когда противник выступит севернее 38 параллели.', q),
        p('Однако , тщательно продумав . считаем теперь, что такого рода действия  могут вызвать очень серьезные последствия.', q),
        p('Мы созываем  совещание ЦК , на котором будут присутствовать ответственные товарищи  различных [ региональных, краевых] бюро ЦК. Если Вы согласны, то мы готовы немедленно направить самолетом  товарищей Чжоу Эньлая и Линь Бяо к месту Вашего отдыха.', q),
        p('Ждем ответа.', q),
        block('signature', 'МАО ЦЗЭДУН.', q),
        block('closingDate', '2.10.50 г.”.', q),
        p('1.Ответ Мао Цзэдуна на мой взгляд свидетельствует об изменении первоначальной позиции китайского руководства. В этих беседах ими [Мао Цзэдуном и другими] отмечалось ,что [китайский] народ и НОА готовы помочь корейскому народу.'),
        p('2.Китайское правительство несомненно могло бы послать в Корею не только пять-шесть боеспособных дивизий, но и более.'),
        block('signature', 'РОЩИН'),
        block('closingDate', 'N 2270. 3..10.50 г.'),
        block('distribution', 'Экз.N 1-тов. Сталину\nN 2-тов,Сталину\nN 3-тов.Молотову\nN 8-тов,Ьулганину'),
      ]),
      version('translation', 'en', [
        block('letterhead', 'SECOND MAIN ADMINISTRATION OF THE GENERAL STAFF OF THE SOVIET SOVIET ARMY'),
        block('doctype', 'CIPHERED TELEGRAM No. 25199'),
        block('distribution', 'Copies: Stalin (2), Molotov, Malenkov, Beria, Mikoyan, Kaganovich, Bulganin'),
        block('dateline', 'From BEIJING Received 12:15\n3.10.1950'),
        block('priority', 'TOP PRIORITY T'),
        block('salute', 'TO FILIPPOV [STALIN]'),
        p('I report the answer of MAO ZEDONG to your [telegram] No. 4581:'),
        p('“I received your telegram of 1.10.50 [1 October 1950]. We originally planned to move several volunteer divisions to North Korea to render assistance to the Korean comrades when the enemy advanced north of the 38th parallel.', q),
        p('However, having thought this over thoroughly, we now consider that such actions may entail extremely serious consequences.', q),
        p('We will convene a meeting of the CC, at which will be present the main comrades of various bureaus of the CC. If you agree, then we are ready immediately to send by plane Comrades ZHOU ENLAI and LIN BIAO to your vacation place.', q),
        p('We await your reply.', q),
        block('signature', 'MAO ZEDONG 2.10.50”', q),
        p('1. In our view MAO ZEDONG\'s answer is indicative of a change in the original position of the Chinese leadership on the Korean question. In these conversations, it was noted by them that the people and the PLA [People\'s Liberation Army] are ready to help the Korean people.'),
        p('2. The Chinese government undoubtedly could send to Korea not only five-six battle ready divisions, but even more.'),
        block('signature', 'ROSHCHIN'),
        block('closingDate', 'No. 2270 3.10'),
        block('serviceNote', 'Dec[iphered by] Araushkin 12.50 3.10\n[12.50 p.m. 3 October]', { noteType: 'deciphering' }),
        block('serviceNote', 'Typ[ed by] Doronchenkova 13.20 3.10', { noteType: 'typing' }),
      ]),
    ],
    {
      file: 'sources/001_e42eb21aee4c9899.txt',
      recordId: '113732',
      title: 'Ciphered Telegram from Roshchin in Beijing to Filippov [Stalin]',
      date: { when: '1950-10-03', text: 'October 3, 1950' },
      numbers: [
        { value: '2270', kind: 'outgoing', source: 'original' },
        { value: '25199', kind: 'incoming', source: 'translation' },
      ],
      correspondence: [
        { type: 'sent', persons: [{ text: 'Roshchin' }], place: { text: 'Beijing' }, date: { when: '1950-10-03', text: 'October 3, 1950' } },
        { type: 'received', persons: [{ text: 'Filippov' }] },
      ],
      citation: 'APRF, fond 45, opis 1, delo 334, listy 105-106, and RGASPI, f. 558, op. 11, d. 334, ll. 105-106. Translated by Kathryn Weathersby and Alexandre Mansourov.',
      archives: [
        { archive: 'APRF', archiveAsWritten: 'APRF', text: 'APRF, fond 45, opis 1, delo 334, listy 105-106', units: [{ type: 'fond', value: '45' }, { type: 'opis', value: '1' }, { type: 'delo', value: '334' }, { type: 'folio', value: '105-106' }] },
        { archive: 'RGASPI', archiveAsWritten: 'RGASPI', text: 'RGASPI, f. 558, op. 11, d. 334, ll. 105-106', units: [{ type: 'fond', value: '558' }, { type: 'opis', value: '11' }, { type: 'delo', value: '334' }, { type: 'folio', value: '105-106' }] },
      ],
      translators: ['Kathryn Weathersby', 'Alexandre Mansourov'],
      rights: ['The History and Public Policy Program welcomes reuse of Digital Archive materials for research and educational purposes.', 'To enquire about this document\'s rights status, please contact the History and Public Policy Program at HAPP@wilsoncenter.org.'],
      uploaded: '2011-11-20',
      archiveType: 'Telegram',
      summary: 'Telegram from Mao to Stalin on whether or not to move several divisions of Chinese volunteers into North Korea.',
      originalLanguage: 'Russian',
    },
  );
}
