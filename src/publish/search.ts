/**
 * The search index: pagefind bundles, one per language and shard (`pagefind/<lang>-<shard>/`).
 *
 * Per language, because pagefind stems each index with its language's stemmer at indexing and at
 * query time: a bilingual page indexed as one language would stem the other badly, so each
 * telegram is added twice, as its Russian text and as its English text. Per shard, because
 * pagefind cannot update an index: a telegram's shard (a stable hash of its id) is rebuilt alone
 * after an edit, which keeps an incremental publish of a 10,000-telegram edition fast.
 * `search/bundles.js` lists the bundles for assets/search.js, which merges them per language.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../fsutil.js';
import type { SearchEntry } from './manifest.js';
import type { TelegramRecord } from './render.js';

/** Telegrams per shard the shard count aims at: ~150 × 2 languages index in well under a second. */
export const SHARD_TARGET = 150;

/** A power of two, so that shard membership changes rarely as an edition grows. */
export function shardCount(telegrams: number): number {
  let k = 1;
  while (telegrams / k > SHARD_TARGET) k *= 2;
  return k;
}

/** FNV-1a of the id: stable across runs and machines. */
export function shardOf(id: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % shards;
}

/** Only these pagefind outputs are used by assets/search.js; the bundled UIs are removed. */
const UNUSED = /^pagefind-(ui|component-ui|modular-ui|highlight)\./;

/** Correspondent names for the search filter: the person behind a pseudonym, as in the index. */
function correspondents(r: TelegramRecord): string[] {
  return [...new Set([...r.from, ...r.to, ...r.via].map((p) => p.label.replace(/^.*\((.*)\)$/, '$1')))];
}

/**
 * Rebuilds the given shards for every language present. `entriesOf(shard)` gives the telegrams
 * of a shard with their search texts. Returns pagefind's errors as strings.
 */
export async function buildSearchShards(
  outDir: string,
  shards: readonly number[],
  entriesOf: (shard: number) => SearchEntry[],
): Promise<string[]> {
  if (shards.length === 0) return [];
  const pagefind = await import('pagefind');
  const errors: string[] = [];
  const root = join(outDir, 'pagefind');
  try {
    for (const shard of shards) {
      const entries = entriesOf(shard);
      const languages = new Set(entries.flatMap((e) => Object.keys(e.text)));
      for (const dir of existsSync(root) ? readdirSync(root) : []) {
        if (dir.endsWith(`-${shard}`)) rmSync(join(root, dir), { recursive: true, force: true });
      }
      await Promise.all(
        [...languages].map(async (lang) => {
          const created = await pagefind.createIndex({});
          errors.push(...created.errors);
          const index = created.index;
          if (!index) return;
          const added = await Promise.all(
            entries
              .filter((e) => (e.text[lang] ?? '').trim() !== '')
              .map((e) =>
                index.addCustomRecord({
                  url: `telegrams/${e.record.id}.html`,
                  content: e.text[lang]!,
                  language: lang,
                  meta: { title: e.record.title, date: e.record.date, page: `telegrams/${e.record.id}.html` },
                  filters: { correspondent: correspondents(e.record), ...(e.record.year ? { year: [e.record.year] } : {}) },
                  sort: { date: e.record.when },
                }),
              ),
          );
          for (const a of added) errors.push(...a.errors);
          const dir = join(root, `${lang}-${shard}`);
          const written = await index.writeFiles({ outputPath: dir });
          errors.push(...written.errors);
          for (const f of readdirSync(dir)) if (UNUSED.test(f)) rmSync(join(dir, f), { force: true });
          await index.deleteIndex();
        }),
      );
    }
  } finally {
    await pagefind.close();
  }
  return errors;
}

/** Writes `search/bundles.js`: the bundle folders that exist, grouped by language. */
export function writeBundleList(outDir: string): void {
  const root = join(outDir, 'pagefind');
  const bundles: Record<string, string[]> = {};
  for (const dir of existsSync(root) ? readdirSync(root).sort() : []) {
    const m = /^([a-z]{2,3})-(\d+)$/.exec(dir);
    if (m && existsSync(join(root, dir, 'pagefind.js'))) (bundles[m[1]!] ??= []).push(dir);
  }
  writeFileAtomic(join(outDir, 'search', 'bundles.js'), `window.shifrSearchBundles = ${JSON.stringify(bundles)};\n`);
}

/** Removes every bundle (used when the shard count changes). */
export function removeSearchIndex(outDir: string): void {
  rmSync(join(outDir, 'pagefind'), { recursive: true, force: true });
}
