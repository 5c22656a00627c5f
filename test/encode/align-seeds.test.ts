/**
 * Alignment of the real seed pages: the pairs a reader of the two texts makes, including the
 * paragraphs the Russian page breaks cut in two and the English paragraphs the translators merged.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bead } from '../../src/align/align.js';
import { encodeTelegram } from '../../src/encode/telegram.js';
import { ingestPage } from '../../src/ingest/index.js';
import { ROOT } from '../helpers.js';

function beadsOf(seed: string): string[][] {
  const file = join(ROOT, 'sources', seed);
  const { page } = ingestPage(readFileSync(file), file);
  const r = encodeTelegram(page!, { sourceName: seed, sourceSha256: '', version: '0' });
  const short = (id: string): string => id.replace(/^wcda-\d+-/, '');
  return r.alignments.map((beads: Bead[]) => beads.map((b) => `${b.source.map(short).join('+')}=${b.target.map(short).join('+')}`));
}

describe('align: the seed pages', () => {
  it('pairs Roshchin\'s telegram of 3 October 1950 paragraph for paragraph (14 pairs)', () => {
    const [beads] = beadsOf('001_e42eb21aee4c9899.txt');
    expect(beads).to.deep.equal(Array.from({ length: 14 }, (_, i) => `ru-p${i + 1}=en-p${i + 1}`));
  });

  it('joins the two Russian paragraphs the translation of 6 January 1949 renders as one', () => {
    const [beads] = beadsOf('000_73965fe85d4ea595.txt');
    expect(beads).to.deep.equal(['ru-p1=en-p1', 'ru-p2+ru-p3=en-p2', 'ru-p4=en-p3', 'ru-p5=en-p4', 'ru-p6=en-p5']);
  });

  it('rejoins the paragraphs the sheets of 8 February 1952 cut in two, and the English one split in two', () => {
    const [beads] = beadsOf('004_5fdadd00f0032383.txt');
    expect(beads).to.include.members(['ru-p6+ru-p7=en-p6', 'ru-p11=en-p10+en-p11', 'ru-p15+ru-p16=en-p15', 'ru-p22=en-p21']);
    expect(beads).to.have.length(20);
  });

  it('aligns both Russian versions of 3 July 1951 with the one translation', () => {
    expect(beadsOf('002_1913699800420464.txt')).to.deep.equal([
      ['ru-archival-p1=en-p1', 'ru-archival-p2=en-p2'],
      ['ru-transcript-p1=en-p1', 'ru-transcript-p2=en-p2'],
    ]);
  });
});
