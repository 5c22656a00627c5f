import { expect } from 'chai';
import { closeSync, copyFileSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { convertPages } from '../../src/convert.js';
import { sortDiagnostics, type Diagnostic } from '../../src/diagnostics.js';
import { collectFiles, editionSchemas, validateFiles } from '../../src/validate/index.js';
import { spawnSync } from 'node:child_process';
import { ROOT, runCli, scratchDir } from '../helpers.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'validate');
const AUTHORITIES = join(FIXTURES, '_authorities');

describe('shifr validate', function () {
  this.timeout(120_000);
  let tmp: string;
  before(() => {
    tmp = scratchDir('validate');
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('finds no error in the TEI the encoder makes from the seed pages (against odd/shifr.rng + shifr.sch)', async () => {
    const out = join(tmp, 'tei');
    const sources = readdirSync(join(ROOT, 'sources')).filter((f) => f.endsWith('.txt')).map((f) => join(ROOT, 'sources', f));
    const summary = convertPages(sources, { outDir: out });
    expect(summary.written.length).to.be.greaterThan(sources.length);
    const r = await runCli(['validate', out, '--format', 'json']);
    const errors = (JSON.parse(r.stdout) as Diagnostic[]).filter((d) => d.severity === 'error');
    expect(errors, JSON.stringify(errors, null, 1)).to.deep.equal([]);
    expect(r.code).to.equal(0);
  });

  it('finds no error in the edition\'s own files in tei/', async () => {
    const { files } = collectFiles([join(ROOT, 'tei')]);
    const ds = await validateFiles(files, editionSchemas(), { jobs: 1 });
    expect(ds.filter((d) => d.severity === 'error')).to.deep.equal([]);
  });

  it('gives the same diagnostics from worker threads as from one thread', async () => {
    const many = join(tmp, 'many');
    mkdirSync(many);
    const inputs = ['valid', 'dangling-reference', 'bad-date', 'not-well-formed', 'translation-missing', 'duplicate-id'];
    for (let i = 0; i < 50; i++) {
      copyFileSync(join(FIXTURES, inputs[i % inputs.length]!, 'input.xml'), join(many, `t${String(i).padStart(2, '0')}.xml`));
    }
    const { files } = collectFiles([many]);
    const single = await validateFiles(files, editionSchemas(), { jobs: 1, authorities: AUTHORITIES });
    let progress = 0;
    const parallel = await validateFiles(files, editionSchemas(), { jobs: 2, authorities: AUTHORITIES, onProgress: (n) => (progress = n) });
    expect(single.length).to.be.greaterThan(20);
    expect(parallel).to.deep.equal(single);
    expect(progress).to.equal(50);
    // All of them in the workers (this thread validating none), so the workers are surely tested.
    progress = 0;
    const workers = await validateFiles(files, editionSchemas(), { jobs: 2, offThread: true, authorities: AUTHORITIES, onProgress: (n) => (progress = n) });
    expect(workers).to.deep.equal(single);
    expect(progress).to.equal(50);
  });

  it('gives the same diagnostics with the files read ahead on the file thread (64 files or more, one thread) as read one by one', async () => {
    const ahead = join(tmp, 'ahead');
    mkdirSync(ahead);
    const inputs = ['valid', 'dangling-reference', 'bad-date', 'not-well-formed', 'translation-missing', 'duplicate-id'];
    for (let i = 0; i < 71; i++) copyFileSync(join(FIXTURES, inputs[i % inputs.length]!, 'input.xml'), join(ahead, `t${String(i).padStart(2, '0')}.xml`));
    // Refused unread: over the size limit (a sparse file), and a file that cannot be read (a folder).
    const big = openSync(join(ahead, 't71.xml'), 'w');
    ftruncateSync(big, 17 * 1024 * 1024);
    closeSync(big);
    const { files } = collectFiles([ahead]);
    const unreadable = join(tmp, 'ahead-folder.xml');
    mkdirSync(unreadable);
    const all = [...files, unreadable];
    let progress = 0;
    const together = await validateFiles(all, editionSchemas(), { jobs: 1, authorities: AUTHORITIES, onProgress: (n) => (progress = n) });
    // Below 64 files each, so read on this thread.
    const halves = [...(await validateFiles(all.slice(0, 36), editionSchemas(), { jobs: 1, authorities: AUTHORITIES })), ...(await validateFiles(all.slice(36), editionSchemas(), { jobs: 1, authorities: AUTHORITIES }))];
    expect(together).to.deep.equal(sortDiagnostics(halves));
    expect(progress).to.equal(all.length);
    expect(together.map((d) => d.code)).to.include.members(['SHF-VAL-001', 'SHF-IO-001', 'SHF-XML-001']);
  });

  it('gives the same diagnostics from workers running the XSLT Schematron engine (built by the main thread while they start)', async () => {
    const few = join(tmp, 'few-xslt');
    mkdirSync(few);
    const inputs = ['valid', 'dangling-reference', 'bad-date', 'duplicate-id'];
    for (let i = 0; i < 16; i++) copyFileSync(join(FIXTURES, inputs[i % inputs.length]!, 'input.xml'), join(few, `t${String(i).padStart(2, '0')}.xml`));
    const { files } = collectFiles([few]);
    const options = { authorities: AUTHORITIES, schematronEngine: 'xslt' as const };
    const single = await validateFiles(files, editionSchemas(), { ...options, jobs: 1 });
    const parallel = await validateFiles(files, editionSchemas(), { ...options, jobs: 2, offThread: true });
    expect(single.some((d) => d.code === 'SHF-REF-001')).to.equal(true);
    expect(parallel).to.deep.equal(single);
  });

  it('refuses a 50 MB file unread, with a diagnostic and exit code 1', async () => {
    const big = join(tmp, 'big.xml');
    const fd = openSync(big, 'w');
    writeSync(fd, '<TEI xmlns="http://www.tei-c.org/ns/1.0">');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    const started = Date.now();
    const r = await runCli(['validate', big, '--format', 'json']);
    expect(r.code).to.equal(1);
    expect((JSON.parse(r.stdout) as Diagnostic[]).map((d) => d.code)).to.deep.equal(['SHF-VAL-001']);
    expect(Date.now() - started).to.be.lessThan(10_000);
  });

  it('reports a file nested too deeply for SaxonJS as an error of that file, without crashing', async () => {
    const deep = join(tmp, 'deep.xml');
    const valid = readFileSync(join(FIXTURES, 'valid', 'input.xml'), 'utf8');
    const open = '<p xml:id="wcda-113732-en-p3" corresp="#wcda-113732-ru-p3">';
    writeFileSync(deep, valid.replace(open, open + '<hi rend="underline">'.repeat(20_000) + 'x' + '</hi>'.repeat(20_000)));
    const r = await runCli(['validate', deep, join(FIXTURES, 'valid', 'input.xml'), '--authorities', AUTHORITIES, '--format', 'json']);
    expect((JSON.parse(r.stdout) as Diagnostic[]).map((d) => [d.file, d.code])).to.deep.equal([[deep, 'SHF-SCH-005']]);
    expect(r.code).to.equal(1);
  });

  it('checks any TEI file against another RELAX NG schema with --schema, without the edition\'s rules', async () => {
    const rng = join(tmp, 'tiny.rng');
    writeFileSync(
      rng,
      '<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="http://www.tei-c.org/ns/1.0"><start><element name="TEI"><text/></element></start></grammar>',
    );
    const r = await runCli(['validate', join(FIXTURES, 'dangling-reference', 'input.xml'), '--schema', rng, '--format', 'json']);
    const codes = (JSON.parse(r.stdout) as Diagnostic[]).map((d) => d.code);
    expect(codes).to.include('SHF-RNG-001');
    expect(codes).not.to.include('SHF-REF-001');
    expect(r.code).to.equal(1);
  });

  it('compiles an ODD given with --schema and applies its grammar and rules', async () => {
    const r = await runCli(['validate', join(FIXTURES, 'alignment-one-way', 'input.xml'), '--schema', join(ROOT, 'odd', 'shifr.odd'), '--authorities', AUTHORITIES, '--format', 'json']);
    expect((JSON.parse(r.stdout) as Diagnostic[]).map((d) => d.code)).to.deep.equal(['SHF-ALIGN-003']);
    expect(r.code).to.equal(1);
  });

  it('exits 2 on a missing file, a missing schema and an unknown option', async () => {
    expect((await runCli(['validate', join(tmp, 'nope.xml')])).code).to.equal(2);
    expect((await runCli(['validate', join(FIXTURES, 'valid', 'input.xml'), '--schema', join(tmp, 'nope.rng')])).code).to.equal(2);
    const r = await runCli(['validate', '--frobnicate']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/SHF-CLI-001/);
  });

  it('prints compiler-style lines and a summary in text format', async () => {
    const r = await runCli(['validate', join(FIXTURES, 'bad-date', 'input.xml'), '--authorities', AUTHORITIES]);
    expect(r.stderr).to.match(/input\.xml:84:31 error SHF-RNG-003 value "1950-13-02" of attribute "when" is invalid/);
    expect(r.stderr).to.match(/1 file checked: 1 error, 0 warnings/);
  });

  it('starts without loading the modules a run on fresh caches does not use (crypto, child processes, worker threads)', () => {
    // Each of these costs a process 20–50 M instructions to load: a tenth of the start-up.
    const report = 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\n"+JSON.stringify(process.moduleLoadList)))';
    const file = join(ROOT, 'tei', readdirSync(join(ROOT, 'tei')).find((n) => n.startsWith('wcda-'))!);
    const run = () => spawnSync(process.execPath, ['--import', report, join(ROOT, 'bin', 'shifr.js'), 'validate', file, '--quiet'], { encoding: 'utf8' });
    run(); // writes the caches, if this checkout has none yet
    const second = run();
    expect(second.status, second.stderr).to.equal(0);
    const loaded = JSON.parse(second.stderr.trim().split('\n').pop()!) as string[];
    for (const m of ['crypto', 'child_process', 'worker_threads']) expect(loaded, m).not.to.include(`NativeModule ${m}`);
    expect(loaded).to.include('NativeModule fs');
  });
});
