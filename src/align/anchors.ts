/**
 * Anchors: the things a paragraph and its translation share whatever the language — numbers
 * (650.000 = 650,000; 22.1 = 22, 1) and the persons and places named (Мао Цзэдуна = MAO ZEDONG,
 * both resolved to mao-zedong by the authority matcher).
 */
import { findNames } from '../authority/match.js';

/** The anchors of a paragraph's text, as a set of strings ("n:2270", "person:stalin"). */
export function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  // Thousands grouped by "." (Russian) or "," (English) are one number; other dots separate numbers (dates).
  const grouped = text.replace(/(?<![\d.,])\d{1,3}(?:[.,\u00a0 ]\d{3})+(?![\d])/g, (m) => m.replace(/[.,\u00a0 ]/g, ''));
  for (const m of grouped.matchAll(/\d+/g)) anchors.add(`n:${String(Number(m[0]))}`);
  for (const name of findNames(text)) anchors.add(`${name.kind}:${name.ref}`);
  return anchors;
}
