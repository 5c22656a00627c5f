/**
 * Russian case forms of proper names, generated from a stem and a paradigm. A paradigm is chosen
 * by hand for each name in the authority data, so that only forms Russian really uses are emitted
 * (Сталину, Мао Цзэдуном — but never *Берии for the indeclinable "Берия" of the telegrams).
 */

/** How a Russian name declines. Only the last word of a multi-word name declines (Мао Цзэдуна). */
export type Paradigm =
  /** Surnames in -ов/-ев/-ин/-ын: Сталин, Сталина, Сталину, Сталиным, Сталине. */
  | 'surname'
  /** Nouns in a hard consonant: Цзэдун, Цзэдуна, Цзэдуну, Цзэдуном, Цзэдуне; Пекин, Пекина … */
  | 'hard'
  /** Nouns in -ч/-ш/-щ/-ж (stress on the stem): Каганович, Кагановича, Кагановичу, Кагановичем. */
  | 'sibilant'
  /** Nouns in -й: Эньлай, Эньлая, Эньлаю, Эньлаем, Эньлае. */
  | 'soft-i'
  /** Adjectival surnames in -ский/-цкий: Красовский, Красовского, Красовскому, Красовским, Красовском. */
  | 'adjectival'
  /** Feminine nouns in -а: Москва, Москвы, Москве, Москву, Москвой; Америка, Америки. */
  | 'fem-a'
  /** Feminine nouns in -ия: Маньчжурия, Маньчжурии, Маньчжурию, Маньчжурией. */
  | 'fem-iia'
  /** Feminine nouns in -ея: Корея, Кореи, Корее, Корею, Кореей. */
  | 'fem-eia'
  /** Names Russian does not decline: Берия (in these telegrams), Громыко, Линь Бяо, Мао. */
  | 'indeclinable';

/** The oblique case forms (genitive, dative, accusative, instrumental, prepositional) of `name`. */
export function caseForms(name: string, paradigm: Paradigm): string[] {
  const cut = name.lastIndexOf(' ');
  const head = name.slice(0, cut + 1);
  const last = name.slice(cut + 1);
  const endings = inflect(last, paradigm);
  const forms = endings.map((w) => head + w).filter((f) => f !== name);
  return [...new Set(forms)];
}

function inflect(word: string, paradigm: Paradigm): string[] {
  switch (paradigm) {
    case 'surname':
      return [word + 'а', word + 'у', word + 'ым', word + 'е'];
    case 'hard':
      return [word + 'а', word + 'у', word + 'ом', word + 'е'];
    case 'sibilant':
      return [word + 'а', word + 'у', word + 'ем', word + 'е'];
    case 'soft-i': {
      const stem = word.slice(0, -1);
      return [stem + 'я', stem + 'ю', stem + 'ем', stem + 'е'];
    }
    case 'adjectival': {
      const stem = word.slice(0, -2);
      return [stem + 'ого', stem + 'ому', stem + 'им', stem + 'ом'];
    }
    case 'fem-a': {
      const stem = word.slice(0, -1);
      // After к, г, х and the hushing consonants Russian spelling writes и, not ы: Америки.
      const genitive = /[кгхжчшщ]$/.test(stem) ? 'и' : 'ы';
      return [stem + genitive, stem + 'е', stem + 'у', stem + 'ой'];
    }
    case 'fem-iia': {
      const stem = word.slice(0, -1);
      return [stem + 'и', stem + 'ю', stem + 'ей'];
    }
    case 'fem-eia': {
      const stem = word.slice(0, -1);
      return [stem + 'и', stem + 'е', stem + 'ю', stem + 'ей'];
    }
    case 'indeclinable':
      return [];
  }
}
