/**
 * The edition's encoding guidelines as one HTML page, compiled from the ODD by
 * `xslt/odd/odd2html.xsl`, with examples taken from the edition's own TEI files. The publish step
 * links it from the site at `guidelines/index.html`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../fsutil.js';
import { parseXml, type XmlNode } from '../xslt/saxon.js';
import { readOdd, runOddStylesheet } from './index.js';

/** How many of the edition's files are searched for examples (the first ones, by name). */
const EXAMPLE_FILES = 60;
/** Larger files are skipped as example sources: the guidelines quote short fragments. */
const EXAMPLE_MAX_BYTES = 512 * 1024;

/** The edition's files used as example sources: telegrams first (sorted), then the authority files. */
function exampleSources(teiDir: string): { names: string[]; docs: XmlNode[] } {
  const names: string[] = [];
  const docs: XmlNode[] = [];
  if (!existsSync(teiDir)) return { names, docs };
  const files = readdirSync(teiDir)
    .filter((f) => f.endsWith('.xml'))
    .sort((a, b) => Number(isAuthority(a)) - Number(isAuthority(b)) || a.localeCompare(b));
  for (const name of files) {
    if (docs.length >= EXAMPLE_FILES) break;
    const bytes = readFileSync(join(teiDir, name));
    if (bytes.length > EXAMPLE_MAX_BYTES) continue;
    try {
      docs.push(parseXml(bytes.toString('utf8')));
      names.push(name);
    } catch {
      // A file that does not parse gives no examples; `shifr validate` reports it.
    }
  }
  return { names, docs };
}

function isAuthority(name: string): boolean {
  return name === 'persons.xml' || name === 'places.xml' || name === 'archives.xml';
}

/**
 * Renders the encoding guidelines of an ODD as an HTML page (text), with examples from the TEI
 * files of `teiDir` (none when the folder is missing or empty).
 */
export function renderGuidelines(oddPath: string, teiDir: string): string {
  const { names, docs } = exampleSources(teiDir);
  return runOddStylesheet('odd/odd2html.xsl', readOdd(oddPath), oddPath, { examples: docs, 'example-names': names });
}

/** Renders the guidelines and writes them (atomically) to `outFile`, e.g. `dist/site/guidelines/index.html`. */
export function writeGuidelines(oddPath: string, teiDir: string, outFile: string): void {
  writeFileAtomic(outFile, renderGuidelines(oddPath, teiDir));
}
