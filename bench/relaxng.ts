/**
 * RELAX NG throughput: loads a schema (first load, then from the on-disk cache) and validates
 * files, single thread, printing docs/s. `benchRelaxng` takes a schema path and file list (the
 * team's `npm run bench` can call it); run directly it validates synthetic TEI letters of ~15 KB
 * against a small TEI-subset schema and, when present, against tei_all.rng.
 *
 *   npm run compile && node lib/bench/relaxng.js [docs=300] [tei_all.rng]
 *
 * tei_all.rng is not in the repository (TEI P5 is not on npm or Debian): fetch a generated copy
 * (e.g. the root of github ldasjp8/tei-example, TEI 4.3.0) outside the repository and pass its path.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadSchema, validate } from '../src/validate/relaxng/index.js';

export interface RelaxngBenchResult {
  firstLoadMs: number;
  cachedLoadMs: number;
  docsPerSecond: number;
  errors: number;
}

/** Loads `schemaPath` twice (cold, cached) and validates every file once; prints and returns the figures. */
export function benchRelaxng(schemaPath: string, files: readonly string[], log: (line: string) => void = console.log): RelaxngBenchResult {
  const cacheDir = mkdtempSync(join(tmpdir(), 'shifr-rng-cache-'));
  try {
    let t = performance.now();
    loadSchema(schemaPath, { cacheDir });
    const firstLoadMs = performance.now() - t;
    t = performance.now();
    const schema = loadSchema(schemaPath, { cacheDir });
    const cachedLoadMs = performance.now() - t;
    const texts = files.map((f) => [f, readFileSync(f, 'utf8')] as const);
    let errors = 0;
    // Warm-up pass (JIT, derivative memo), then the measured pass; CPU time is reported beside wall
    // time because the shared machines are often oversubscribed.
    for (const [file, text] of texts.slice(0, 20)) validate(schema, text, file);
    t = performance.now();
    const cpu = process.cpuUsage();
    for (const [file, text] of texts) errors += validate(schema, text, file).length;
    const seconds = (performance.now() - t) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    const docsPerSecond = texts.length / seconds;
    log(
      `relaxng ${schemaPath}: first load ${firstLoadMs.toFixed(0)} ms, cached load ${cachedLoadMs.toFixed(0)} ms, ` +
        `${texts.length} docs in ${seconds.toFixed(2)} s = ${docsPerSecond.toFixed(0)} docs/s ` +
        `(CPU ${cpuSeconds.toFixed(2)} s = ${(texts.length / cpuSeconds).toFixed(0)} docs/CPU-s; ${errors} diagnostics)`,
    );
    return { firstLoadMs, cachedLoadMs, docsPerSecond, errors };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

const TEI = 'http://www.tei-c.org/ns/1.0';

/** A TEI letter of about 15 KB, valid against tei_all and against TEI_SUBSET below. */
export function syntheticTeiLetter(n: number): string {
  const para = (div: string, i: number) =>
    `      <p xml:id="${div}-p${i}" n="${i}">Сообщаю, что <persName ref="#person${(n + i) % 40}">Молотов</persName> ` +
    `прибыл в <placeName ref="#place${i % 12}">Берлин</placeName> <date when="1948-0${1 + (i % 9)}-1${i % 10}">1${i % 10} числа</date>. ` +
    `Текст телеграммы продолжается <hi rend="italic">важными</hi> подробностями номер ${n * 100 + i}, ` +
    `которые следует передать без задержки.</p>\n`;
  let ru = '';
  let en = '';
  for (let i = 1; i <= 28; i++) ru += para('ru', i);
  for (let i = 1; i <= 14; i++) en += para('en', i);
  return `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="${TEI}" xml:id="telegram-${n}">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>Telegram ${n}</title></titleStmt>
      <publicationStmt><p>Synthetic benchmark document</p></publicationStmt>
      <sourceDesc><p>Generated</p></sourceDesc>
    </fileDesc>
  </teiHeader>
  <text>
    <body>
    <div type="original" xml:lang="ru" xml:id="ru">
      <head>Шифртелеграмма № ${n}</head>
${ru}    </div>
    <div type="translation" xml:lang="en" xml:id="en">
      <head>Ciphered telegram no. ${n}</head>
${en}    </div>
    </body>
  </text>
</TEI>
`;
}

/** A small TEI-like schema (header, divisions, paragraphs, names, dates) in the shape ODD output takes. */
export const TEI_SUBSET = `<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="${TEI}" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <start><ref name="TEI"/></start>
  <define name="att.global">
    <optional><attribute name="xml:id" ns="http://www.w3.org/XML/1998/namespace"><data type="ID"/></attribute></optional>
    <optional><attribute name="xml:lang" ns="http://www.w3.org/XML/1998/namespace"><data type="language"/></attribute></optional>
    <optional><attribute name="n"><data type="token"/></attribute></optional>
    <optional><attribute name="rend"><list><oneOrMore><data type="token"/></oneOrMore></list></attribute></optional>
  </define>
  <define name="phrase"><zeroOrMore><choice><ref name="hi"/><ref name="persName"/><ref name="placeName"/><ref name="date"/><text/></choice></zeroOrMore></define>
  <define name="TEI"><element name="TEI"><ref name="att.global"/><ref name="teiHeader"/><ref name="text"/></element></define>
  <define name="teiHeader"><element name="teiHeader"><element name="fileDesc">
    <element name="titleStmt"><oneOrMore><element name="title"><ref name="phrase"/></element></oneOrMore></element>
    <element name="publicationStmt"><oneOrMore><ref name="p"/></oneOrMore></element>
    <element name="sourceDesc"><oneOrMore><ref name="p"/></oneOrMore></element>
  </element></element></define>
  <define name="text"><element name="text"><ref name="att.global"/><element name="body"><oneOrMore><ref name="div"/></oneOrMore></element></element></define>
  <define name="div"><element name="div"><ref name="att.global"/>
    <optional><attribute name="type"><choice><value>original</value><value>translation</value><value>summary</value></choice></attribute></optional>
    <optional><element name="head"><ref name="phrase"/></element></optional>
    <oneOrMore><choice><ref name="p"/><ref name="div"/></choice></oneOrMore>
  </element></define>
  <define name="p"><element name="p"><ref name="att.global"/><optional><attribute name="corresp"/></optional><ref name="phrase"/></element></define>
  <define name="hi"><element name="hi"><ref name="att.global"/><ref name="phrase"/></element></define>
  <define name="persName"><element name="persName"><ref name="att.global"/><optional><attribute name="ref"><data type="anyURI"/></attribute></optional><ref name="phrase"/></element></define>
  <define name="placeName"><element name="placeName"><ref name="att.global"/><optional><attribute name="ref"><data type="anyURI"/></attribute></optional><ref name="phrase"/></element></define>
  <define name="date"><element name="date"><ref name="att.global"/>
    <optional><attribute name="when"><choice><data type="date"/><data type="gYear"/><data type="gYearMonth"/></choice></attribute></optional>
    <ref name="phrase"/></element></define>
</grammar>
`;

/** Writes `count` synthetic letters into `dir` and returns their paths. */
export function writeSyntheticLetters(dir: string, count: number): string[] {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const f = join(dir, `letter-${String(i).padStart(4, '0')}.xml`);
    writeFileSync(f, syntheticTeiLetter(i));
    files.push(f);
  }
  return files;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const count = Number(process.argv[2] ?? 300);
  const teiAll = process.argv[3] ?? '/work/tei-schema/tei_all.rng';
  const dir = mkdtempSync(join(tmpdir(), 'shifr-rng-bench-'));
  try {
    const files = writeSyntheticLetters(join(dir, 'letters'), count);
    const subset = join(dir, 'tei-subset.rng');
    writeFileSync(subset, TEI_SUBSET);
    benchRelaxng(subset, files);
    if (existsSync(teiAll)) benchRelaxng(teiAll, files);
    else console.log(`relaxng: ${teiAll} not found; pass the path of a tei_all.rng to measure it (see this file's header)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
