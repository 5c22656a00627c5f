/** Helpers of the ingest tests: the seeds, and the no-word-lost check. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';
import { ingestPage, wordsOf } from '../../src/ingest/index.js';
import { inlineText } from '../../src/ingest/inline.js';
import type { Block, TelegramPage } from '../../src/model.js';

export const SEEDS = ['000_73965fe85d4ea595', '001_e42eb21aee4c9899', '002_1913699800420464', '003_ffabd6351bb41875', '004_5fdadd00f0032383'];

export function seedText(name: string): string {
  const file = SEEDS.find((s) => s.startsWith(name)) ?? name;
  return readFileSync(join(ROOT, 'sources', `${file}.txt`), 'utf8');
}

export function fixture(name: string): string {
  return readFileSync(join(ROOT, 'test', 'fixtures', 'ingest', name), 'utf8');
}

/** Ingests a text and fails loudly when no model comes back. */
export function ingestOk(text: string, file = 'page.txt'): { page: TelegramPage; codes: string[] } {
  const r = ingestPage(text, file);
  if (!r.page) throw new Error(`no model for ${file}: ${r.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  return { page: r.page, codes: r.diagnostics.map((d) => d.code) };
}

export const blocks = (p: TelegramPage): Block[] => p.versions.flatMap((v) => v.blocks);
export const textOf = (b: Block): string => inlineText(b.content);

/** Every string the model holds: block contents, metadata, and the dropped markup lines. */
export function modelStrings(p: TelegramPage): string[] {
  const out: string[] = [];
  for (const b of blocks(p)) {
    out.push(textOf(b));
    // A footnote's number ("[1]" on the page) is the block's n, no longer part of its text.
    if (b.n !== undefined) out.push(b.n);
  }
  const meta = [p.title, p.date?.text, p.citation, p.footerSource, p.reprint, p.summary, p.originalLanguage, p.sourceUrl, p.recordId, p.uploaded, p.archiveType, p.credits, ...(p.rights ?? []), ...(p.footerNotes ?? [])];
  for (const m of meta) if (m) out.push(m);
  out.push(...p.dropped);
  return out;
}

/**
 * The words of `text` that the model does not hold (as a multiset: a word that occurs three times
 * in the page must occur at least three times in the model).
 */
export function lostWords(text: string, p: TelegramPage): string[] {
  const have = new Map<string, number>();
  for (const s of modelStrings(p)) for (const w of wordsOf(s)) have.set(w, (have.get(w) ?? 0) + 1);
  const lost: string[] = [];
  for (const w of wordsOf(text)) {
    const n = have.get(w) ?? 0;
    if (n === 0) lost.push(w);
    else have.set(w, n - 1);
  }
  return lost;
}

/** Dropped lines must be scrape markup, labels (the site's too), navigation or contents items — no telegram words. */
export const DROPPABLE = /^(?:[\s\u00a0#*_=~`>|-]*|\s*(?:#{1,6}\s*)?(?:\*\*)?(?:•\s*)?(?:Citation|Summary|Credits|Original Language|Contents|Source|Original Archive|Rights|Original Uploaded Date|Type|Language|Record ID|Document Information|Skip to content|Author\(s\)|Associated People & Organizations|Associated Places|Associated Topics|Subjects Discussed|Related Documents|Search in|get citation|share document|Digital Archive International History Declassified):?(?:\*\*)?:?\s*|(?:\s*(?:Original Scan|Transcript|Translation)(?:\s*-\s*[A-Z][a-z]+)?)+\s*|(?:English|Russian|Chinese) (?:HTML|PDF))$/;
