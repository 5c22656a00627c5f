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

/**
 * Renders one telegram and writes `telegrams/<id>.html` and the TEI copy `tei/<name>` (the copy
 * is the text that was rendered, so page and TEI link always agree).
 */
export function writeTelegramOutputs(renderer: TelegramRenderer, outDir: string, job: TelegramJob): TelegramResult {
  try {
    const { html, record } = renderer.render(job.text);
    writeFileAtomic(join(outDir, 'telegrams', `${pageId(job.name)}.html`), html);
    writeFileAtomic(join(outDir, 'tei', job.name), job.text);
    return { name: job.name, ok: true, record };
  } catch (e) {
    const err = e instanceof XsltRunError ? e : new XsltRunError(String((e as Error).message ?? e), '');
    return { name: job.name, ok: false, message: err.message, errorCode: err.errorCode };
  }
}
