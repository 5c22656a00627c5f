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
];
