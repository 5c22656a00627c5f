/** The archives whose references the Wilson Center citations give, by siglum. */
import type { Archive } from './types.js';

export const ARCHIVES: Archive[] = [
  {
    id: 'APRF',
    sigla: ['AP RF', 'APRF', 'Архив Президента Российской Федерации'],
    nameEn: 'Archive of the President of the Russian Federation',
    nameRu: 'Архив Президента Российской Федерации',
    location: 'Moscow',
  },
  {
    id: 'RGASPI',
    sigla: ['RGASPI'],
    nameEn: 'Russian State Archive of Socio-Political History',
    nameRu: 'Российский государственный архив социально-политической истории',
    location: 'Moscow',
  },
  {
    id: 'AVPRF',
    sigla: ['AVP RF', 'AVPRF'],
    nameEn: 'Archive of Foreign Policy of the Russian Federation',
    nameRu: 'Архив внешней политики Российской Федерации',
    location: 'Moscow',
  },
  {
    id: 'TsAMO',
    sigla: ['TsAMO', 'TsAMO RF'],
    nameEn: 'Central Archive of the Ministry of Defence of the Russian Federation',
    nameRu: 'Центральный архив Министерства обороны Российской Федерации',
    location: 'Podolsk',
  },
  {
    id: 'RGANI',
    sigla: ['RGANI'],
    nameEn: 'Russian State Archive of Contemporary History',
    nameRu: 'Российский государственный архив новейшей истории',
    location: 'Moscow',
  },
];

/** The archive with this siglum (as normalised by ingest or as written), or undefined. */
export function findArchive(siglum: string): Archive | undefined {
  const key = siglum.replace(/\s+/g, '').toUpperCase();
  return ARCHIVES.find((a) => a.id.toUpperCase() === key || a.sigla.some((s) => s.replace(/\s+/g, '').toUpperCase() === key));
}
