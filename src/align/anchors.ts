/**
 * Anchors: the things a paragraph and its translation share whatever the language — numbers
 * (650.000 = 650,000; 22.1 = 22, 1) and the persons and places named (Мао Цзэдуна = MAO ZEDONG,
 * both resolved to mao-zedong by the authority matcher).
 */
import { findNames } from '../authority/match.js';

const DIGIT = /\d/g;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The number anchors of a text ("n:2270"), added to `into`. */
export function numberAnchors(text: string, into: Set<string> = new Set()): Set<string> {
  // Thousands grouped by "." (Russian) or "," (English) are one number; other dots separate numbers (dates).
  const grouped = text.replace(/(?<![\d.,])\d{1,3}(?:[.,\u00a0 ]\d{3})+(?![\d])/g, (m) => m.replace(/[.,\u00a0 ]/g, ''));
  // Each run of digits is a number (what /\d+/g finds): the regular expression skips to the next
  // digit, the run is read by hand — no match object per number.
  const digit = DIGIT;
  digit.lastIndex = 0;
  while (digit.test(grouped)) {
    const start = digit.lastIndex - 1;
    let end = start + 1;
    while (end < grouped.length && isDigit(grouped.charCodeAt(end))) end++;
    into.add(`n:${String(Number(grouped.slice(start, end)))}`);
    digit.lastIndex = end;
  }
  return into;
}

/** The name anchor of a resolved person or place ("person:stalin"). */
export function nameAnchor(kind: 'person' | 'place', ref: string): string {
  return `${kind}:${ref}`;
}

/** The anchors of a paragraph's text, as a set of strings ("n:2270", "person:stalin"). */
export function anchorsOf(text: string): Set<string> {
  const anchors = numberAnchors(text);
  for (const name of findNames(text)) anchors.add(nameAnchor(name.kind, name.ref));
  return anchors;
}
