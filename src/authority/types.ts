/** The shapes of the authority data (personography, placeography, archives). */
import type { Paradigm } from './declension.js';

/** One name form as the authority records it. */
export interface NameForm {
  text: string;
  lang: 'ru' | 'en';
  /** main: the form the edition uses; variant: another spelling or transliteration; pseudonym: a cover name. */
  type: 'main' | 'variant' | 'pseudonym';
  /** For Russian forms that decline: the paradigm generating their case forms. */
  paradigm?: Paradigm;
}

export interface Person {
  /** The xml:id in persons.xml. */
  id: string;
  names: NameForm[];
  /** Who the person was, in one line (role in 1947–1953). */
  note: string;
  birth?: string;
  death?: string;
}

export interface Place {
  id: string;
  names: NameForm[];
  /** "lat long" in decimal degrees, for location/geo. */
  geo?: string;
  note?: string;
}

export interface Archive {
  /** The siglum, also the xml:id in archives.xml: APRF, RGASPI … */
  id: string;
  /** Other ways citations write the siglum ("AP RF"). */
  sigla: string[];
  nameEn: string;
  nameRu: string;
  location: string;
}
