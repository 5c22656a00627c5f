/**
 * The pages built from the whole edition — index.html, persons/, places/, correspondence/,
 * search/. site.xsl renders them as shells from the edition's figures (computed here from every
 * telegram's record); the lists in them are slots, filled here with the rows and lines that
 * _record.xsl rendered per telegram (cached in the manifest). So no transform walks 10,000
 * telegrams after an edit: the cost of the edition pages hardly grows with the edition.
 */
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeFileAtomic } from '../fsutil.js';
import { saxonJs, XsltRunError, type SefStylesheet, type XdmParam } from '../xslt/saxon.js';
import type { Party, TelegramRecord } from './render.js';

/** The slots of the shells (see xslt/html/_records.xsl). */
const ROWS_SLOT = '<!--shifr:rows-->';
const LINES_SLOT = '<!--shifr:lines-->';

/** Chronological, undated telegrams last, ties broken by id so the order is stable. */
export function chronological(records: readonly TelegramRecord[]): TelegramRecord[] {
  const key = (r: TelegramRecord): string => `${r.when || '9999'}\0${r.id}`;
  return [...records].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

const partyKey = (p: Party): string => p.ref || p.label;

/** What site.xsl needs to know about the whole edition (the `edition-json` parameter). */
export function editionFigures(records: readonly TelegramRecord[]): Record<string, unknown> {
  const correspondents = new Map<string, Party>();
  const years = new Set<string>();
  const persons: Record<string, number> = {};
  const places: Record<string, number> = {};
  const sent: Record<string, number> = {};
  const received: Record<string, number> = {};
  const pairs = new Map<string, { from: Party; to: Party; count: number; first: string; last: string; months: Record<string, number> }>();
  for (const r of records) {
    for (const p of [...r.from, ...r.to, ...r.via]) if (p.ref && !correspondents.has(p.ref)) correspondents.set(p.ref, p);
    if (r.year) years.add(r.year);
    for (const id of r.persons) persons[id] = (persons[id] ?? 0) + 1;
    for (const id of r.places) places[id] = (places[id] ?? 0) + 1;
    for (const ref of new Set(r.from.map((p) => p.ref).filter(Boolean))) sent[ref] = (sent[ref] ?? 0) + 1;
    for (const ref of new Set(r.to.map((p) => p.ref).filter(Boolean))) received[ref] = (received[ref] ?? 0) + 1;
    for (const from of r.from) {
      for (const to of r.to) {
        const key = `${partyKey(from)}→${partyKey(to)}`;
        const pair = pairs.get(key) ?? { from, to, count: 0, first: '', last: '', months: {} };
        pair.count++;
        if (r.when && (pair.first === '' || r.when < pair.first)) pair.first = r.when;
        if (r.when && r.when > pair.last) pair.last = r.when;
        if (/^\d{4}-\d{2}/.test(r.when)) pair.months[r.when.slice(0, 7)] = (pair.months[r.when.slice(0, 7)] ?? 0) + 1;
        pairs.set(key, pair);
      }
    }
  }
  return {
    count: records.length,
    correspondents: [...correspondents.values()],
    years: [...years].sort(),
    persons,
    places,
    sent,
    received,
    pairs: [...pairs.entries()].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1)).map(([, p]) => p),
  };
}

/** Lines of the telegrams naming each id, in date order. */
function linesBy(records: readonly TelegramRecord[], ids: (r: TelegramRecord) => readonly string[]): Map<string, string[]> {
  const lines = new Map<string, string[]>();
  for (const r of records) {
    for (const id of ids(r)) {
      const list = lines.get(id);
      if (list) list.push(r.line ?? '');
      else lines.set(id, [r.line ?? '']);
    }
  }
  return lines;
}

/** Writes the edition pages; returns the paths written, relative to `outDir`. */
export function writeEditionPages(site: SefStylesheet, outDir: string, records: readonly TelegramRecord[], params: Record<string, XdmParam>): string[] {
  const ordered = chronological(records);
  const pages = new Map<string, string>();
  let principal: string;
  try {
    const result = saxonJs().transform({
      stylesheetInternal: site,
      initialTemplate: 'Q{urn:shifr:publish}site',
      destination: 'serialized',
      baseOutputURI: pathToFileURL(join(outDir, 'index.html')).href,
      stylesheetParams: { ...params, 'edition-json': JSON.stringify(editionFigures(ordered)) },
      // keep the result documents in memory: their slots are filled before they are written
      deliverResultDocument: () => ({ destination: 'serialized', save: (uri: string, text: string) => pages.set(fileURLToPath(uri), text) }),
    }) as { principalResult: unknown };
    principal = String(result.principalResult);
  } catch (e) {
    const err = e as { message?: string; code?: string };
    throw new XsltRunError(err.message ?? String(e), typeof err.code === 'string' ? err.code : '');
  }
  const byPerson = linesBy(ordered, (r) => r.persons);
  const byPlace = linesBy(ordered, (r) => r.places);
  writeFileAtomic(join(outDir, 'index.html'), principal.replace(ROWS_SLOT, ordered.map((r) => r.row ?? '').join('\n')));
  const written = ['index.html'];
  for (const [path, text] of pages) {
    const rel = path.slice(outDir.length + 1);
    const entity = /^(persons|places)\/(.+)\.html$/.exec(rel.split('\\').join('/'));
    let filled = text;
    if (entity && entity[2] !== 'index') {
      const id = entity[2]!;
      const lines = (entity[1] === 'persons' ? byPerson : byPlace).get(id) ?? [];
      filled = text.replace(LINES_SLOT, lines.join('\n'));
    }
    writeFileAtomic(path, filled);
    written.push(rel);
  }
  return written;
}
