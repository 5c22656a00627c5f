/**
 * The search index: pagefind bundles, one per language and shard (`pagefind/<lang>-<shard>/`).
 *
 * Per language, because pagefind stems each index with its language's stemmer at indexing and at
 * query time: a bilingual page indexed as one language would stem the other badly, so each
 * telegram is added twice, as its Russian text and as its English text. Per shard, because
 * pagefind cannot update an index: a telegram's shard (a stable hash of its id) is rebuilt alone
 * after an edit, which keeps an incremental publish of a 10,000-telegram edition fast. The shard
 * count follows the number of TEI files, so it is known before anything renders.
 * `search/bundles.js` lists the bundles for assets/search.js, which merges them per language.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
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

type Pagefind = typeof import('pagefind');
type PagefindIndex = NonNullable<Awaited<ReturnType<Pagefind['createIndex']>>['index']>;

/**
 * Rebuilds search shards while the telegrams render. Pagefind indexes in a process of its own, so
 * a shard's unchanged telegrams are added while its changed ones still render, and a shard whose
 * telegrams are all in is written while the next shard's render. `add` and `finish` only start
 * work; `close` waits for all of it and returns pagefind's errors.
 */
export class SearchIndexer {
  private pagefind: Promise<Pagefind> | undefined;
  /** Per shard, per language: the index being filled. */
  private readonly indexes = new Map<number, Map<string, Promise<PagefindIndex | undefined>>>();
  /** Per shard: the records being added, to be awaited before the shard is written. */
  private readonly adding = new Map<number, Promise<unknown>[]>();
  private readonly finishing: Promise<void>[] = [];
  private readonly errors: string[] = [];
  /** Shards written so far (finished with `write`). */
  written = 0;

  constructor(private readonly outDir: string) {}

  private index(shard: number, lang: string): Promise<PagefindIndex | undefined> {
    let langs = this.indexes.get(shard);
    if (!langs) this.indexes.set(shard, (langs = new Map()));
    let index = langs.get(lang);
    if (!index) {
      this.pagefind ??= import('pagefind');
      index = this.pagefind
        .then(async (pagefind) => {
          const created = await pagefind.createIndex({});
          this.errors.push(...created.errors);
          return created.index;
        })
        .catch((e: unknown) => this.failed(e));
      langs.set(lang, index);
    }
    return index;
  }

  /** Adds telegrams to the shard's index, one record per language of each. */
  add(shard: number, entries: readonly SearchEntry[]): void {
    let adding = this.adding.get(shard);
    if (!adding) this.adding.set(shard, (adding = []));
    for (const e of entries) {
      for (const [lang, content] of Object.entries(e.text)) {
        if (content.trim() === '') continue;
        adding.push(
          this.index(shard, lang).then(async (index) => {
            const added = await index?.addCustomRecord({
              url: `telegrams/${e.record.id}.html`,
              content,
              language: lang,
              meta: { title: e.record.title, date: e.record.date, page: `telegrams/${e.record.id}.html` },
              filters: { correspondent: correspondents(e.record), ...(e.record.year ? { year: [e.record.year] } : {}) },
              sort: { date: e.record.when },
            });
            this.errors.push(...(added?.errors ?? []));
          }).catch((e: unknown) => this.failed(e)),
        );
      }
    }
  }

  /**
   * Ends a shard: with `write`, its bundles replace the old ones (one per language added; none
   * when it has no telegram left); without, what was added is dropped and the old bundles stay.
   */
  finish(shard: number, write: boolean): void {
    const adding = this.adding.get(shard) ?? [];
    const langs = this.indexes.get(shard) ?? new Map<string, Promise<PagefindIndex | undefined>>();
    this.adding.delete(shard);
    this.indexes.delete(shard);
    if (write) this.written++;
    this.finishing.push(
      (async () => {
        await Promise.all(adding);
        const root = join(this.outDir, 'pagefind');
        if (write) {
          for (const dir of existsSync(root) ? readdirSync(root) : []) {
            if (dir.endsWith(`-${shard}`)) rmSync(join(root, dir), { recursive: true, force: true });
          }
        }
        await Promise.all(
          [...langs].map(async ([lang, pending]) => {
            const index = await pending;
            if (!index) return;
            if (write) {
              const dir = join(root, `${lang}-${shard}`);
              const written = await index.writeFiles({ outputPath: dir });
              this.errors.push(...written.errors);
              for (const f of readdirSync(dir)) if (UNUSED.test(f)) rmSync(join(dir, f), { force: true });
            }
            await index.deleteIndex();
          }),
        );
      })().catch((e: unknown) => void this.failed(e)),
    );
  }

  /**
   * Work started here is awaited only in `close`: a failure is kept as an error message at once,
   * never left as a rejected promise (which would stop the process).
   */
  private failed(e: unknown): undefined {
    this.errors.push(e instanceof Error ? e.message : String(e));
    return undefined;
  }

  /** Waits for every shard started, stops pagefind, and returns its errors. */
  async close(): Promise<string[]> {
    for (const shard of [...this.indexes.keys()]) this.finish(shard, false);
    await Promise.all(this.finishing);
    if (this.pagefind) await this.pagefind.then((pagefind) => pagefind.close()).catch((e: unknown) => this.failed(e));
    return this.errors;
  }
}

/** Writes `search/bundles.js`: the bundle folders that exist, grouped by language. */
export function writeBundleList(outDir: string): void {
  const root = join(outDir, 'pagefind');
  const bundles: Record<string, string[]> = {};
  // no bundle when the folder is missing or not a folder (the index could not be written)
  for (const dir of existsSync(root) && statSync(root).isDirectory() ? readdirSync(root).sort() : []) {
    const m = /^([a-z]{2,3})-(\d+)$/.exec(dir);
    if (m && existsSync(join(root, dir, 'pagefind.js'))) (bundles[m[1]!] ??= []).push(dir);
  }
  writeFileAtomic(join(outDir, 'search', 'bundles.js'), `window.shifrSearchBundles = ${JSON.stringify(bundles)};\n`);
}

/** Removes every bundle (used when the shard count changes). */
export function removeSearchIndex(outDir: string): void {
  rmSync(join(outDir, 'pagefind'), { recursive: true, force: true });
}
