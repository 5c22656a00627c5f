/** The unit of work of a publish: one TEI file → its page, its TEI copy and its record. */
import { join } from 'node:path';
import { writeFileAtomic } from '../fsutil.js';
import { XsltRunError } from '../xslt/saxon.js';
import type { TelegramRecord, TelegramRenderer } from './render.js';

export interface TelegramJob {
  /** File name in the TEI folder, e.g. `wcda-113732.xml`. */
  name: string;
  text: string;
}

export type TelegramResult =
  | { name: string; ok: true; record: TelegramRecord }
  | { name: string; ok: false; message: string; errorCode: string };

/** The page id of a TEI file: its name without `.xml` (the convention makes it the xml:id). */
export function pageId(name: string): string {
  return name.replace(/\.xml$/, '');
}

/** Telegrams rendered together in one transform (see TelegramRenderer.renderAll). */
export const BATCH_SIZE = 8;

/**
 * Renders a batch of telegrams and writes for each `telegrams/<id>.html` and the TEI copy
 * `tei/<name>` (the copy is the text that was rendered, so page and TEI link always agree).
 */
export function writeTelegramOutputs(renderer: TelegramRenderer, outDir: string, jobs: readonly TelegramJob[]): TelegramResult[] {
  return renderer.renderAll(jobs.map((j) => j.text)).map((result, k) => {
    const job = jobs[k]!;
    if (result instanceof XsltRunError) return { name: job.name, ok: false, message: result.message, errorCode: result.errorCode };
    try {
      writeFileAtomic(join(outDir, 'telegrams', `${pageId(job.name)}.html`), result.html);
      writeFileAtomic(join(outDir, 'tei', job.name), job.text);
      return { name: job.name, ok: true, record: result.record };
    } catch (e) {
      return { name: job.name, ok: false, message: String((e as Error).message ?? e), errorCode: '' };
    }
  });
}
