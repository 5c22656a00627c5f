import { expect } from 'chai';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { attestationsIn, convertPages, convertPagesParallel, convertPagesWritingBehind, encodePage } from '../../src/convert.js';
import { formatDiagnostic, type Diagnostic } from '../../src/diagnostics.js';
import { encodePersons, encodePlaces } from '../../src/encode/authority.js';
import { stamp } from '../../src/encode/stamp.js';
import { wordsOf } from '../../src/ingest/index.js';
import { ingestPage } from '../../src/ingest/index.js';
import { ROOT, runCli, scratchDir } from '../helpers.js';
import { parseTei } from '../encode/xmltest.js';

const SOURCES = join(ROOT, 'sources');
const SEEDS = readdirSync(SOURCES).filter((f) => f.endsWith('.txt')).sort();

function tmp(): string {
  return scratchDir('convert');
}

function teiFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.xml')).sort();
}

/** The TEI without what legitimately differs between two sources of the same page (source hash, stamp). */
function comparable(xml: string): string {
  return xml.replace(/<\?shifr generated="[^"]*"\?>/, '').replace(/\(sha256 [0-9a-f]{64}\)/, '');
}

describe('convert: the seed pages', function () {
  let out: string;
  before(async () => {
    out = tmp();
    const r = await runCli(['convert', SOURCES, '--out', out, '--quiet']);
    expect(r.code, r.stderr).to.equal(0);
  });
  after(() => rmSync(out, { recursive: true, force: true }));

  it('writes one file per telegram, named from the record id, and the three authority files', () => {
    expect(teiFiles(out)).to.deep.equal(['archives.xml', 'persons.xml', 'places.xml', 'wcda-112147.xml', 'wcda-112223.xml', 'wcda-113022.xml', 'wcda-113732.xml', 'wcda-114899.xml']);
  });

  it('writes well-formed files whose every @ref resolves in the authority files', () => {
    const ids = new Map<string, Set<string>>();
    for (const f of ['persons.xml', 'places.xml', 'archives.xml']) ids.set(f, parseTei(readFileSync(join(out, f), 'utf8')).ids);
    let refs = 0;
    for (const f of teiFiles(out)) {
      const tei = parseTei(readFileSync(join(out, f), 'utf8'));
      for (const r of tei.refs) {
        if (r.attr === 'ref') {
          const [file, id] = r.value.split('#');
          expect(ids.get(file!)?.has(id!), `${f}: ${r.value}`).to.equal(true);
          refs++;
        }
        if (r.attr === 'corresp') for (const t of r.value.split(' ')) expect(tei.ids.has(t.slice(1)), `${f}: ${t}`).to.equal(true);
      }
    }
    expect(refs).to.be.greaterThan(100);
  });

  it('loses no word of any page: every word of the page (but scrape markup) is in the TEI text or header (URLs in ptr/@target)', () => {
    for (const seed of SEEDS) {
      const bytes = readFileSync(join(SOURCES, seed));
      const { page } = ingestPage(bytes, seed);
      const id = page!.recordId!;
      const tei = parseTei(readFileSync(join(out, `wcda-${id}.xml`), 'utf8'));
      const have = new Map<string, number>();
      // A URL's place in TEI is ptr/@target.
      const urls = tei.refs.filter((r) => r.attr === 'target' && r.element === 'ptr').map((r) => r.value);
      for (const w of wordsOf([tei.text, ...urls].join(' '))) have.set(w, (have.get(w) ?? 0) + 1);
      // The page's words less those of what ingest set aside as scrape markup (lines or parts of lines).
      const need = new Map<string, number>();
      for (const w of wordsOf(bytes.toString('utf8'))) need.set(w, (need.get(w) ?? 0) + 1);
      for (const w of wordsOf(page!.dropped.join('\n'))) need.set(w, (need.get(w) ?? 0) - 1);
      const lost = [...need].filter(([w, n]) => (have.get(w) ?? 0) < n).map(([w, n]) => `${w}×${n - (have.get(w) ?? 0)}`);
      expect(lost, seed).to.deep.equal([]);
    }
  });

  it('is deterministic: a second run writes nothing and leaves identical bytes', async () => {
    const before = teiFiles(out).map((f) => readFileSync(join(out, f), 'utf8'));
    const r = await runCli(['convert', SOURCES, '--out', out, '--format', 'json']);
    expect(r.code).to.equal(0);
    const json = JSON.parse(r.stdout) as { written: string[]; unchanged: string[] };
    expect(json.written).to.deep.equal([]);
    expect(json.unchanged).to.have.length(8);
    expect(teiFiles(out).map((f) => readFileSync(join(out, f), 'utf8'))).to.deep.equal(before);
  });
});

describe('convert: in worker threads', () => {
  it('writes the same files as one thread', async () => {
    const a = tmp();
    const b = tmp();
    const files = SEEDS.map((f) => join(SOURCES, f));
    const one = await convertPagesParallel(files, { outDir: a, threads: 0 });
    const two = await convertPagesParallel(files, { outDir: b, threads: 2 });
    expect(two.failedPages).to.deep.equal(one.failedPages);
    expect(teiFiles(b)).to.deep.equal(teiFiles(a));
    for (const f of teiFiles(a)) expect(readFileSync(join(b, f), 'utf8'), f).to.equal(readFileSync(join(a, f), 'utf8'));
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  });
});

describe('convert: files written in the background', () => {
  /** The seeds, a page with no telegram, a page read twice (one id from two pages) and a missing page. */
  function mixedInput(dir: string): string[] {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, 'Skip to content\n\nnothing here\n');
    const seeds = SEEDS.map((f) => join(SOURCES, f));
    return [seeds[0]!, empty, ...seeds.slice(1), seeds[2]!, join(dir, 'missing.txt')];
  }

  it('gives the summary, diagnostics and files that writing each page at once gives, hand edits kept', async () => {
    const dir = tmp();
    const files = mixedInput(dir);
    const [now, behind] = [join(dir, 'now'), join(dir, 'behind')];
    for (const out of [now, behind]) {
      mkdirSync(out);
      writeFileSync(join(out, 'wcda-112223.xml'), '<TEI>edited by hand</TEI>\n');
    }
    // Diagnostics and pages done, as a progress display sees them come.
    const seenNow: string[] = [];
    const seenBehind: string[] = [];
    const a = convertPages(files, { outDir: now, onDiagnostic: (d) => seenNow.push(d.code), onPage: () => seenNow.push('page') });
    const b = await convertPagesWritingBehind(files, { outDir: behind, onDiagnostic: (d) => seenBehind.push(d.code), onPage: () => seenBehind.push('page') });
    const relative = (s: typeof a, out: string) => ({ ...s, written: s.written.map((p) => p.slice(out.length)), unchanged: s.unchanged.map((p) => p.slice(out.length)), kept: s.kept.map((p) => p.slice(out.length)) });
    expect(relative(b, behind)).to.deep.equal(relative(a, now));
    expect(a.kept).to.have.length(1);
    expect(a.failedPages).to.deep.equal([files[1], files[files.length - 2], files[files.length - 1]]);
    expect(seenBehind).to.deep.equal(seenNow);
    expect(seenNow.filter((e) => e === 'page')).to.have.length(files.length);
    expect(seenNow).to.include.members(['SHF-IO-001', 'SHF-IO-003', 'SHF-ENCODE-002']);
    expect(teiFiles(behind)).to.deep.equal(teiFiles(now));
    for (const f of teiFiles(now)) expect(readFileSync(join(behind, f), 'utf8'), f).to.equal(readFileSync(join(now, f), 'utf8'));
    expect(readdirSync(behind).filter((f) => f.endsWith('.tmp'))).to.deep.equal([]);
    // Stamped by the file thread, each file is what the API's encodePage gives for its page.
    for (const seed of SEEDS.map((f) => join(SOURCES, f))) {
      const r = encodePage(readFileSync(seed), seed);
      if (r.id !== 'wcda-112223') expect(readFileSync(join(behind, `${r.id}.xml`)), seed).to.deep.equal(Buffer.from(r.bytes!));
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports a file it cannot create (SHF-IO-002) and counts its page as failed, leaving no temporary file', async () => {
    const dir = tmp();
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, '');
    const seen: Diagnostic[] = [];
    const files = SEEDS.map((f) => join(SOURCES, f));
    const r = await convertPagesWritingBehind(files, { outDir: join(blocker, 'tei'), onDiagnostic: (d) => seen.push(d) });
    expect(r.written).to.deep.equal([]);
    expect(r.failedPages).to.deep.equal(files);
    expect(seen.filter((d) => d.code === 'SHF-IO-002')).to.have.length(files.length + 3);
    expect(readdirSync(dir)).to.deep.equal(['not-a-folder']);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('convert: the authority files when only some pages are converted', () => {
  /** persons.xml and places.xml as they would be written from the TEI files now on disk, all read back. */
  function fromDisk(dir: string): string[] {
    const attestations = attestationsIn(dir);
    return [stamp(encodePersons(attestations)), stamp(encodePlaces(attestations))];
  }
  const written = (dir: string): string[] => ['persons.xml', 'places.xml'].map((f) => readFileSync(join(dir, f), 'utf8'));

  it('list the mentions of every file in the folder, hand edits included, not only of the pages just converted', async () => {
    const out = tmp();
    const files = SEEDS.map((f) => join(SOURCES, f));
    await convertPagesParallel(files, { outDir: out, threads: 0 });
    const all = written(out);
    expect(all[0]).to.include('type="attestations"');
    await convertPagesParallel([files[0]!], { outDir: out, threads: 0 });
    expect(written(out)).to.deep.equal(all);
    // A hand edit that removes every tagged name from one file, which is then converted again (and kept).
    const edited = join(out, 'wcda-113732.xml');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace(/<(persName|placeName)\b[^>]*>([\s\S]*?)<\/\1>/g, '$2'));
    const r = await convertPagesParallel([files[0]!, join(SOURCES, '001_e42eb21aee4c9899.txt')], { outDir: out, threads: 0 });
    expect(r.kept).to.have.length(1);
    expect(written(out)).to.deep.equal(fromDisk(out));
    expect(written(out)).not.to.deep.equal(all);
    expect(written(out)[0]).not.to.include('target="wcda-113732.xml"');
    rmSync(out, { recursive: true, force: true });
  });
});

describe('convert: never overwriting a hand edit', () => {
  let out: string;
  const seed = join(SOURCES, '001_e42eb21aee4c9899.txt');
  beforeEach(async () => {
    out = tmp();
    expect((await runCli(['convert', seed, '--out', out, '--quiet'])).code).to.equal(0);
  });
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  it('keeps an edited file, reports SHF-IO-003 and exits 1; --force replaces it', async () => {
    const path = join(out, 'wcda-113732.xml');
    const edited = readFileSync(path, 'utf8').replace('Araushkin', 'Araushkin (corrected)');
    writeFileSync(path, edited);
    const r = await runCli(['convert', seed, '--out', out]);
    expect(r.code).to.equal(1);
    expect(r.stderr).to.match(/wcda-113732\.xml error SHF-IO-003 .*edited/);
    expect(readFileSync(path, 'utf8')).to.equal(edited);
    const forced = await runCli(['convert', seed, '--out', out, '--force', '--quiet']);
    expect(forced.code).to.equal(0);
    expect(readFileSync(path, 'utf8')).not.to.include('(corrected)');
  });

  it('keeps an edited authority file too', async () => {
    const path = join(out, 'persons.xml');
    const edited = readFileSync(path, 'utf8').replace('Soviet ambassador to China 1948–1952', 'Soviet ambassador to the PRC 1948–1952');
    writeFileSync(path, edited);
    const r = await runCli(['convert', seed, '--out', out]);
    expect(r.code).to.equal(1);
    expect(r.stderr).to.match(/persons\.xml error SHF-IO-003/);
    expect(readFileSync(path, 'utf8')).to.equal(edited);
  });

  it('keeps a file that shifr did not generate (no stamp)', async () => {
    const path = join(out, 'wcda-113732.xml');
    writeFileSync(path, '<TEI xmlns="http://www.tei-c.org/ns/1.0"/>\n');
    const r = await runCli(['convert', seed, '--out', out]);
    expect(r.code).to.equal(1);
    expect(r.stderr).to.match(/SHF-IO-003 .*no generation stamp/);
    expect(readFileSync(path, 'utf8')).to.equal('<TEI xmlns="http://www.tei-c.org/ns/1.0"/>\n');
  });
});

describe('convert: bad input', () => {
  let dir: string;
  let out: string;
  before(() => {
    dir = tmp();
    out = join(dir, 'out');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const bad: Array<[string, () => Buffer, string]> = [
    ['empty', () => Buffer.alloc(0), 'SHF-INGEST-007'],
    ['binary', () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'SHF-INGEST-008'],
    ['windows-1251', () => Buffer.from(readFileSync(join(SOURCES, '003_ffabd6351bb41875.txt'), 'utf8').replace(/[^\u0000-\u007f]/g, '').slice(0, 200) + '\xd2\xc5\xcb\xc5\xc3\xd0\xc0\xcc\xcc\xc0', 'latin1'), 'SHF-INGEST-009'],
    ['20 MB', () => Buffer.alloc(20 * 1024 * 1024, 'Текст телеграммы. '), 'SHF-INGEST-010'],
    ['no telegram', () => Buffer.from('Skip to content\n\nSearch results\n\nNothing found.\n'), 'SHF-INGEST-001'],
    ['holding a control character', () => Buffer.from('October 3, 1950\n\nCiphered Telegram from Roshchin to Filippov\n\nФИЛИППОВУ\n\nДокладываю \u0007 ответ.\n\nРОЩИН\n'), 'SHF-ENCODE-004'],
  ];

  for (const [name, bytes, code] of bad) {
    it(`reports a page that is ${name} (${code}), writes nothing for it, and converts the others`, async () => {
      const page = join(dir, `${name.replace(/\W+/g, '-')}.txt`);
      writeFileSync(page, bytes());
      const good = join(SOURCES, '000_73965fe85d4ea595.txt');
      const r = await runCli(['convert', page, good, '--out', out, '--format', 'json']);
      expect(r.code).to.equal(1);
      const json = JSON.parse(r.stdout) as { failed: string[]; written: string[]; diagnostics: Array<{ code: string; file: string }> };
      expect(json.diagnostics.filter((d) => d.file === page).map((d) => d.code)).to.include(code);
      expect(json.failed).to.deep.equal([page]);
      expect(existsSync(join(out, 'wcda-112223.xml'))).to.equal(true);
      expect(teiFiles(out).filter((f) => f.startsWith('shifr-'))).to.deep.equal([]);
    });
  }

  it('exits 2 for a page that cannot be read, still converting the others', async () => {
    const r = await runCli(['convert', join(dir, 'missing.txt'), join(SOURCES, '000_73965fe85d4ea595.txt'), '--out', out]);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/missing\.txt error SHF-IO-001/);
    expect(existsSync(join(out, 'wcda-112223.xml'))).to.equal(true);
  });

  it('reads a page with a BOM and CRLF line ends as the same telegram', async () => {
    const seed = readFileSync(join(SOURCES, '001_e42eb21aee4c9899.txt'), 'utf8');
    mkdirSync(join(dir, 'windows'), { recursive: true });
    const page = join(dir, 'windows', '001_e42eb21aee4c9899.txt');
    writeFileSync(page, '\ufeff' + seed.replace(/\n/g, '\r\n'));
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    expect((await runCli(['convert', page, '--out', a, '--quiet'])).code).to.equal(0);
    expect((await runCli(['convert', join(SOURCES, '001_e42eb21aee4c9899.txt'), '--out', b, '--quiet'])).code).to.equal(0);
    expect(comparable(readFileSync(join(a, 'wcda-113732.xml'), 'utf8'))).to.equal(comparable(readFileSync(join(b, 'wcda-113732.xml'), 'utf8')));
  });

  it('rejects a bad --threads as a usage error', async () => {
    const r = await runCli(['convert', join(SOURCES, '000_73965fe85d4ea595.txt'), '--out', out, '--threads', 'many']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/SHF-CLI-001 value "many" of --threads/);
  });

  it('rejects a call without pages as a usage error', async () => {
    const r = await runCli(['convert', '--out', out]);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/SHF-CLI-001/);
  });
});

describe('convert: diagnostics taken as they come', () => {
  it('hands every diagnostic to onDiagnostic, keeps none in the summary, and still counts the errors', () => {
    const dir = tmp();
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const files = [empty, ...SEEDS.map((f) => join(SOURCES, f))];
    const collected = convertPages(files, { outDir: join(dir, 'a') });
    const streamed: Diagnostic[] = [];
    const summary = convertPages(files, { outDir: join(dir, 'b'), onDiagnostic: (d) => streamed.push(d) });
    expect(summary.diagnostics).to.deep.equal([]);
    expect(streamed).to.deep.equal(collected.diagnostics);
    expect(summary.errors).to.equal(collected.diagnostics.filter((d) => d.severity === 'error').length).and.to.be.greaterThan(0);
    expect(teiFiles(join(dir, 'b'))).to.deep.equal(teiFiles(join(dir, 'a')));
    rmSync(dir, { recursive: true, force: true });
  });

  it('shifr convert prints each page\'s diagnostics once the page is done, pages in the order given, the same ones as JSON lists, and exits 1 on an error', async () => {
    const dir = tmp();
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    // Seeds cut off halfway: each page gives warnings (cut off, no translation …).
    const cut = [3, 0, 2].map((k) => {
      const page = join(dir, `cut-${SEEDS[k]!}`);
      const seed = readFileSync(join(SOURCES, SEEDS[k]!), 'utf8');
      writeFileSync(page, seed.slice(0, Math.floor(seed.length / 2)));
      return page;
    });
    const pages = [cut[0]!, empty, cut[1]!, cut[2]!];
    const text = await runCli(['convert', ...pages, '--out', join(dir, 'a')]);
    const json = await runCli(['convert', ...pages, '--out', join(dir, 'b'), '--format', 'json']);
    rmSync(dir, { recursive: true, force: true });
    expect([text.code, json.code]).to.deep.equal([1, 1]);
    const printed = text.stderr.split('\n').filter((l) => / (?:error|warning|info) SHF-/.test(l));
    const listed = (JSON.parse(json.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
    expect(printed.length).to.be.greaterThan(pages.length);
    expect([...printed].sort()).to.deep.equal(listed.map(formatDiagnostic).sort());
    // Grouped by page, in the order of the pages (not sorted by file name over the whole run).
    const order = printed.map((l) => pages.findIndex((p) => l.startsWith(`${p}:`) || l.startsWith(`${p} `)));
    expect(order.filter((k, i) => i === 0 || k !== order[i - 1])).to.deep.equal([0, 1, 2, 3]);
  });
});
