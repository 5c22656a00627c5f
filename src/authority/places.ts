/**
 * The placeography: places the telegrams name, with Russian and English forms (old
 * transliterations too: Peking, Beiping) and coordinates for location/geo.
 */
import type { Place } from './types.js';

export const PLACES: Place[] = [
  {
    id: 'beijing',
    geo: '39.9042 116.4074',
    note: 'Called Beiping (Бейпин) from 1928 until September 1949.',
    names: [
      { text: 'Beijing', lang: 'en', type: 'main' },
      { text: 'Пекин', lang: 'ru', type: 'main', paradigm: 'hard' },
      { text: 'Beiping', lang: 'en', type: 'variant' },
      { text: 'Peking', lang: 'en', type: 'variant' },
      { text: 'Peiping', lang: 'en', type: 'variant' },
      { text: 'Бейпин', lang: 'ru', type: 'variant', paradigm: 'hard' },
    ],
  },
  {
    id: 'moscow',
    geo: '55.7558 37.6173',
    names: [
      { text: 'Moscow', lang: 'en', type: 'main' },
      { text: 'Москва', lang: 'ru', type: 'main', paradigm: 'fem-a' },
    ],
  },
  {
    id: 'pyongyang',
    geo: '39.0392 125.7625',
    names: [
      { text: 'Pyongyang', lang: 'en', type: 'main' },
      { text: 'Пхеньян', lang: 'ru', type: 'main', paradigm: 'hard' },
      { text: 'Phenian', lang: 'en', type: 'variant' },
    ],
  },
  {
    id: 'seoul',
    geo: '37.5665 126.9780',
    names: [
      { text: 'Seoul', lang: 'en', type: 'main' },
      { text: 'Сеул', lang: 'ru', type: 'main', paradigm: 'hard' },
    ],
  },
  {
    id: 'shanghai',
    geo: '31.2304 121.4737',
    names: [
      { text: 'Shanghai', lang: 'en', type: 'main' },
      { text: 'Шанхай', lang: 'ru', type: 'main', paradigm: 'soft-i' },
    ],
  },
  {
    id: 'korea',
    note: 'The Korean peninsula as a whole.',
    names: [
      { text: 'Korea', lang: 'en', type: 'main' },
      { text: 'Корея', lang: 'ru', type: 'main', paradigm: 'fem-eia' },
    ],
  },
  {
    id: 'north-korea',
    note: 'The Democratic People\'s Republic of Korea.',
    names: [
      { text: 'North Korea', lang: 'en', type: 'main' },
      { text: 'Северная Корея', lang: 'ru', type: 'main' },
      { text: 'Северной Кореи', lang: 'ru', type: 'variant' },
      { text: 'Северной Корее', lang: 'ru', type: 'variant' },
      { text: 'Северную Корею', lang: 'ru', type: 'variant' },
      { text: 'Северной Кореей', lang: 'ru', type: 'variant' },
    ],
  },
  {
    id: 'south-korea',
    note: 'The Republic of Korea.',
    names: [
      { text: 'South Korea', lang: 'en', type: 'main' },
      { text: 'Южная Корея', lang: 'ru', type: 'main' },
      { text: 'Южной Кореи', lang: 'ru', type: 'variant' },
      { text: 'Южной Корее', lang: 'ru', type: 'variant' },
      { text: 'Южную Корею', lang: 'ru', type: 'variant' },
      { text: 'Южной Кореей', lang: 'ru', type: 'variant' },
    ],
  },
  {
    id: 'china',
    names: [
      { text: 'China', lang: 'en', type: 'main' },
      { text: 'Китай', lang: 'ru', type: 'main', paradigm: 'soft-i' },
    ],
  },
  {
    id: 'manchuria',
    geo: '45.0 126.0',
    names: [
      { text: 'Manchuria', lang: 'en', type: 'main' },
      { text: 'Маньчжурия', lang: 'ru', type: 'main', paradigm: 'fem-iia' },
    ],
  },
  {
    id: 'ussr',
    names: [
      { text: 'Soviet Union', lang: 'en', type: 'main' },
      { text: 'USSR', lang: 'en', type: 'variant' },
      { text: 'Советский Союз', lang: 'ru', type: 'main' },
      { text: 'Советского Союза', lang: 'ru', type: 'variant' },
      { text: 'Советскому Союзу', lang: 'ru', type: 'variant' },
      { text: 'Советским Союзом', lang: 'ru', type: 'variant' },
      { text: 'Советском Союзе', lang: 'ru', type: 'variant' },
      { text: 'СССР', lang: 'ru', type: 'variant' },
    ],
  },
  {
    id: 'usa',
    names: [
      { text: 'United States', lang: 'en', type: 'main' },
      { text: 'USA', lang: 'en', type: 'variant' },
      { text: 'America', lang: 'en', type: 'variant' },
      { text: 'США', lang: 'ru', type: 'main' },
      { text: 'Америка', lang: 'ru', type: 'variant', paradigm: 'fem-a' },
    ],
  },
  {
    id: 'india',
    names: [
      { text: 'India', lang: 'en', type: 'main' },
      { text: 'Индия', lang: 'ru', type: 'main', paradigm: 'fem-iia' },
    ],
  },
  {
    id: 'japan',
    names: [
      { text: 'Japan', lang: 'en', type: 'main' },
      { text: 'Япония', lang: 'ru', type: 'main', paradigm: 'fem-iia' },
    ],
  },
  {
    id: 'taiwan',
    names: [
      { text: 'Taiwan', lang: 'en', type: 'main' },
      { text: 'Formosa', lang: 'en', type: 'variant' },
      { text: 'Тайвань', lang: 'ru', type: 'main' },
      { text: 'Тайваня', lang: 'ru', type: 'variant' },
      { text: 'Тайваню', lang: 'ru', type: 'variant' },
      { text: 'Тайванем', lang: 'ru', type: 'variant' },
      { text: 'Тайване', lang: 'ru', type: 'variant' },
    ],
  },
  {
    id: 'port-arthur',
    geo: '38.8122 121.2617',
    names: [
      { text: 'Port Arthur', lang: 'en', type: 'main' },
      { text: 'Lüshun', lang: 'en', type: 'variant' },
      { text: 'Порт-Артур', lang: 'ru', type: 'main', paradigm: 'hard' },
    ],
  },
  {
    // The Russian name, Дальний, is also the adjective "far" (Дальний Восток): not matched.
    id: 'dalian',
    geo: '38.9140 121.6147',
    names: [
      { text: 'Dalian', lang: 'en', type: 'main' },
      { text: 'Dalny', lang: 'en', type: 'variant' },
      { text: 'Dairen', lang: 'en', type: 'variant' },
    ],
  },
  {
    id: 'harbin',
    geo: '45.8038 126.5350',
    names: [
      { text: 'Harbin', lang: 'en', type: 'main' },
      { text: 'Харбин', lang: 'ru', type: 'main', paradigm: 'hard' },
    ],
  },
  {
    id: 'mukden',
    geo: '41.8057 123.4315',
    names: [
      { text: 'Mukden', lang: 'en', type: 'main' },
      { text: 'Shenyang', lang: 'en', type: 'variant' },
      { text: 'Мукден', lang: 'ru', type: 'main', paradigm: 'hard' },
      { text: 'Шэньян', lang: 'ru', type: 'variant', paradigm: 'hard' },
    ],
  },
  {
    id: 'vladivostok',
    geo: '43.1198 131.8869',
    names: [
      { text: 'Vladivostok', lang: 'en', type: 'main' },
      { text: 'Владивосток', lang: 'ru', type: 'main', paradigm: 'hard' },
    ],
  },
  {
    id: 'kaesong',
    geo: '37.9708 126.5544',
    names: [
      { text: 'Kaesong', lang: 'en', type: 'main' },
      { text: 'Кэсон', lang: 'ru', type: 'main', paradigm: 'hard' },
    ],
  },
  {
    id: 'xinjiang',
    geo: '41.0 85.0',
    names: [
      { text: 'Xinjiang', lang: 'en', type: 'main' },
      { text: 'Sinkiang', lang: 'en', type: 'variant' },
      { text: 'Синьцзян', lang: 'ru', type: 'main', paradigm: 'hard' },
    ],
  },
  {
    id: 'urumqi',
    geo: '43.8256 87.6168',
    names: [
      { text: 'Urumqi', lang: 'en', type: 'main' },
      { text: 'Urumchi', lang: 'en', type: 'variant' },
      { text: 'Урумчи', lang: 'ru', type: 'main', paradigm: 'indeclinable' },
    ],
  },
  {
    id: 'lanzhou',
    geo: '36.0611 103.8343',
    names: [
      { text: 'Lanzhou', lang: 'en', type: 'main' },
      { text: 'Ланьчжоу', lang: 'ru', type: 'main', paradigm: 'indeclinable' },
    ],
  },
  {
    id: 'tianjin',
    geo: '39.1422 117.1767',
    names: [
      { text: 'Tianjin', lang: 'en', type: 'main' },
      { text: 'Tientsin', lang: 'en', type: 'variant' },
      { text: 'Тяньцзинь', lang: 'ru', type: 'main', paradigm: 'indeclinable' },
    ],
  },
  {
    id: 'nanjing',
    geo: '32.0603 118.7969',
    names: [
      { text: 'Nanjing', lang: 'en', type: 'main' },
      { text: 'Nanking', lang: 'en', type: 'variant' },
      { text: 'Нанкин', lang: 'ru', type: 'main', paradigm: 'hard' },
    ],
  },
  {
    id: 'guangzhou',
    geo: '23.1291 113.2644',
    names: [
      { text: 'Guangzhou', lang: 'en', type: 'main' },
      { text: 'Canton', lang: 'en', type: 'variant' },
      { text: 'Гуанчжоу', lang: 'ru', type: 'main', paradigm: 'indeclinable' },
      { text: 'Кантон', lang: 'ru', type: 'variant', paradigm: 'hard' },
    ],
  },
];
