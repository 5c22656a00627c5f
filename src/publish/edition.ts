/**
 * The pages built from the whole edition — index.html, persons/, places/, correspondence/,
 * search/ — by xslt/html/site.xsl from the telegrams' records. Runs in the main thread: it is
 * one transform, and after an edit that leaves every record as it was it does not run at all.
 */
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeFileAtomic } from '../fsutil.js';
import { saxonJs, XsltRunError, type SefStylesheet, type XmlNode } from '../xslt/saxon.js';
import type { TelegramRecord } from './render.js';

/** Writes the edition pages; returns the paths written, relative to `outDir`. */
export function writeEditionPages(
  site: SefStylesheet,
  outDir: string,
  records: readonly TelegramRecord[],
  params: Record<string, XmlNode | boolean>,
): string[] {
  const base = pathToFileURL(join(outDir, '/')).href;
  let result: { principalResult: unknown; resultDocuments?: Record<string, unknown> };
  try {
    result = saxonJs().transform({
      stylesheetInternal: site,
      initialTemplate: 'Q{urn:shifr:publish}site',
      destination: 'serialized',
      baseOutputURI: base + 'index.html',
      stylesheetParams: { ...params, 'records-json': JSON.stringify(records) },
    }) as typeof result;
  } catch (e) {
    const err = e as { message?: string; code?: string };
    throw new XsltRunError(err.message ?? String(e), typeof err.code === 'string' ? err.code : '');
  }
  const written: string[] = [];
  writeFileAtomic(join(outDir, 'index.html'), String(result.principalResult));
  written.push('index.html');
  for (const [uri, value] of Object.entries(result.resultDocuments ?? {})) {
    const path = fileURLToPath(uri);
    writeFileAtomic(path, String(Array.isArray(value) ? value.join('') : value));
    written.push(path.slice(outDir.length + 1));
  }
  return written;
}
