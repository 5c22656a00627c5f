/**
 * Words of a text, for the guarantee that ingest loses no word of a page. A word is a run of
 * letters or digits; runs glued by the scrape ("СЕКРЕТНОЭкз", "2Продолжение") are split where
 * letters meet digits or a lowercase letter meets an uppercase one, so gluing and ungluing count
 * the same words. Case is folded.
 */

/** The words of `text`, lowercased, in order. */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  const runs = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  for (const run of runs) {
    const parts = run
      .replace(/(\p{L})(?=\p{N})|(\p{N})(?=\p{L})/gu, '$1$2 ')
      .replace(/(\p{Ll})(?=\p{Lu})/gu, '$1 ')
      .replace(/(\p{Lu})(?=\p{Lu}\p{Ll})/gu, '$1 ')
      .split(' ');
    for (const p of parts) if (p) out.push(p.toLowerCase());
  }
  return out;
}
