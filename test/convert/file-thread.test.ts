import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stamp, unstamped } from '../../src/encode/stamp.js';
import { FileThread } from '../../src/file-thread.js';
import { scratchDir } from '../helpers.js';

describe('convert: the file thread', () => {
  it('answers every file in the order sent, stamps and writes it atomically, and keeps a hand edit unless forced', async () => {
    const dir = scratchDir('writer');
    const tei = (n: number): string => `<?xml version="1.0"?>\n<TEI n="${n}">Шифртелеграмма № ${n}</TEI>\n`;
    // What the writer must write: the file stamped as `stamp` stamps it.
    const generated = (n: number): Buffer => Buffer.from(stamp(tei(n)));
    writeFileSync(join(dir, 'f3.xml'), 'edited by hand\n');
    writeFileSync(join(dir, 'f4.xml'), generated(4));
    const writer = new FileThread();
    // More files than one batch, so that the writer answers several.
    const pending = Array.from({ length: 20 }, (_, n) => writer.write({ path: join(dir, `f${n}.xml`), tei: unstamped(tei(n)), force: false, from: `page-${n}.txt` }));
    writer.flush();
    const answers = await Promise.all(pending);
    await writer.close();
    expect(answers.map((a) => a.outcome)).to.deep.equal(Array.from({ length: 20 }, (_, n) => (n === 3 ? 'kept-edited' : n === 4 ? 'unchanged' : 'written')));
    expect(answers[3]!.diagnostics.map((d) => [d.code, d.file])).to.deep.equal([['SHF-IO-003', join(dir, 'f3.xml')]]);
    expect(answers[3]!.diagnostics[0]!.message).to.include('page-3.txt');
    expect(readFileSync(join(dir, 'f3.xml'), 'utf8')).to.equal('edited by hand\n');
    expect(readFileSync(join(dir, 'f7.xml'))).to.deep.equal(generated(7));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).to.deep.equal([]);

    const forced = new FileThread();
    const r = forced.write({ path: join(dir, 'f3.xml'), tei: unstamped(tei(3)), force: true });
    forced.flush();
    expect((await r).outcome).to.equal('written');
    await forced.close();
    expect(readFileSync(join(dir, 'f3.xml'))).to.deep.equal(generated(3));
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives every file in order, read ahead, with its SHA-256 or only up to a size, and a file it cannot read with the reason', async () => {
    const dir = scratchDir('reader');
    // More pages than the caller reads itself and than one batch of the thread.
    const files = Array.from({ length: 75 }, (_, n) => join(dir, `p${n}.txt`));
    files.forEach((f, n) => n !== 50 && writeFileSync(f, `Шифртелеграмма № ${n}\n`.repeat(n + 1)));
    const thread = new FileThread();
    const pages = [];
    for await (const p of thread.reads(files, { sha256: true })) pages.push(p);
    // With a size limit, a larger file is not read: its size is given instead.
    const limited = [];
    for await (const p of thread.reads(files, { maxBytes: 1000 })) limited.push(p);
    await thread.close();
    expect(pages.map((p) => p.file)).to.deep.equal(files);
    expect(pages[50]).to.deep.equal({ file: files[50], error: 'ENOENT' });
    for (const [n, p] of pages.entries()) {
      if (n === 50) continue;
      expect('bytes' in p, files[n]).to.equal(true);
      if (!('bytes' in p)) continue;
      const bytes = readFileSync(files[n]!);
      expect(Buffer.from(p.bytes).equals(bytes), files[n]).to.equal(true);
      expect(p.sha256).to.equal(createHash('sha256').update(bytes).digest('hex'));
      expect(limited[n], files[n]).to.deep.equal(bytes.length > 1000 ? { file: files[n], size: bytes.length } : { file: files[n], bytes: new Uint8Array(bytes) });
    }
    expect(limited[50]).to.deep.equal({ file: files[50], error: 'ENOENT' });
    rmSync(dir, { recursive: true, force: true });
  });

  it('fails a file it was closed before sending, with SHF-IO-002, and writes nothing', async () => {
    const dir = scratchDir('writer');
    const writer = new FileThread();
    const r = writer.write({ path: join(dir, 'never.xml'), tei: unstamped('<x/>'), force: false });
    await writer.close();
    const answer = await r;
    expect(answer.outcome).to.equal('failed');
    expect(answer.diagnostics.map((d) => d.code)).to.deep.equal(['SHF-IO-002']);
    expect(readdirSync(dir)).to.deep.equal([]);
    rmSync(dir, { recursive: true, force: true });
  });
});
