/**
 * Encodes one telegram page (the model) as a TEI P5 document: header, aligned text versions,
 * and the processing instructions that tie it to the edition's schema. Same page, same bytes.
 */
import { alignParagraphs, correspondences, type Bead } from '../align/align.js';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { TelegramPage } from '../model.js';
import { BodyEncoder, type EncodedParagraph } from './body.js';
import { encodeHeader } from './header.js';
import { packedMap } from '../packed.js';
import { documentId, versionIds } from './ids.js';
import { newInlineState } from './inline.js';
import { mentionsOfTelegram, type Mentions } from './mentions.js';
import { el, serialize, teiDocument } from './xml.js';

export interface EncodeOptions {
  /** The source page's base name, for the revision note. */
  sourceName: string;
  sourceSha256: string;
  version: string;
}

export interface EncodedTelegram {
  id: string;
  /** The TEI document, without the generation-hash processing instruction (see convert). */
  xml: string;
  /** Forms as written per reference ("persons.xml#stalin" → {"ФИЛИППОВУ", …}). */
  refs: Map<string, Set<string>>;
  /** The persons and places the document mentions, header included (as `mentionsIn(xml)` would read them). */
  mentions: Mentions;
  /** The alignment of each original version with the translation. */
  alignments: Bead[][];
  /** What the editor should check (paragraphs left unpaired). */
  diagnostics: Diagnostic[];
}

/** The schema processing instructions every edition file starts with. */
export const SCHEMA_PIS: Array<[string, string]> = [
  ['xml-model', 'href="../odd/shifr.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"'],
  ['xml-model', 'href="../odd/shifr.sch" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"'],
];

/**
 * Characters of an English translation per character of the original, for a page cut off in one of them (the two
 * totals then tell nothing): Russian 1.1 (1.08–1.16 over the five seed pages); a Chinese character carries about a
 * word, some three letters of English.
 */
const TRANSLATION_RATIO: Readonly<Record<string, number>> = { ru: 1.1, zh: 3 };

/** A version the page breaks off in (ingest ends it with a gap of reason "truncated"). */
function isTruncated(v: TelegramPage['versions'][number]): boolean {
  const last = v.blocks[v.blocks.length - 1];
  return last !== undefined && last.kind === 'gap' && last.gapReason === 'truncated';
}

/** The first `n` words of a text, joined by single spaces (without splitting the whole text). */
function firstWords(text: string, n: number): string {
  const words: string[] = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m && words.length < n; m = re.exec(text)) words.push(m[0]);
  return words.join(' ');
}

/**
 * Aligns each original version with the translation and writes @corresp on the paired
 * paragraphs, both ways; a translation paragraph paired in two originals (archival copy and
 * transcript) points to both. A paragraph left without a counterpart is reported (info), at its
 * place in the page, for the editor to check.
 */
function alignVersions(page: TelegramPage, paragraphs: EncodedParagraph[][], diagnostics: Diagnostic[]): Bead[][] {
  // Read from the page once: pages come in many hidden classes (their optional fields are set as
  // found), and a read of one inside the loop sent its optimised code back to the interpreter.
  const versions = page.versions;
  const file = page.file;
  const translation = versions.findIndex((v) => v.role === 'translation');
  if (translation < 0) return [];
  const alignments: Bead[][] = [];
  const corresp = new Map<string, string[]>();
  // Only paragraphs left alone are looked up by id (most pages have none or one): the index is made then.
  let byId: Map<string, EncodedParagraph> | undefined;
  const paragraph = (id: string): EncodedParagraph => {
    if (!byId) {
      byId = new Map();
      for (const ps of paragraphs) for (const p of ps) byId.set(p.id, p);
    }
    return byId.get(id)!;
  };
  for (let i = 0; i < versions.length; i++) {
    const v = versions[i]!;
    if (v.role !== 'original') continue;
    const beads = alignParagraphs(paragraphs[i]!, paragraphs[translation]!, {
      sourceTruncated: isTruncated(v),
      targetTruncated: isTruncated(versions[translation]!),
      // (0: not known, the totals decide; a number always, so that the options keep one shape)
      ratio: TRANSLATION_RATIO[v.lang] ?? 0,
    });
    alignments.push(beads);
    for (const [from, to] of correspondences(beads)) {
      // A translation paragraph paired in two originals gets the second's targets after the first's.
      const known = corresp.get(from);
      if (known) known.push(...to);
      else corresp.set(from, to);
    }
    for (const b of beads) {
      if (b.source.length > 0 && b.target.length > 0) continue;
      const alone = b.target.length === 0 ? b.source : b.target;
      const other = b.target.length === 0 ? versions[translation]! : v;
      for (const id of alone) {
        const p = paragraph(id);
        const words = firstWords(p.text, 6);
        diagnostics.push(
          diagnostic('SHF-ENCODE-003', `paragraph ${id} ("${words}…") has no counterpart in the ${other.lang}${other.subtype ? ` ${other.subtype}` : ''} text; left without @corresp`, { file, line: p.span.line, column: p.span.column }),
        );
      }
    }
  }
  for (const ps of paragraphs) {
    for (const p of ps) {
      const targets = corresp.get(p.id);
      if (targets) p.element.att('corresp', packedMap(targets, (t) => `#${t}`).join(' '));
    }
  }
  return alignments;
}

/** Encodes the page; the page must have at least one text version with blocks. */
export function encodeTelegram(page: TelegramPage, opts: EncodeOptions): EncodedTelegram {
  const id = documentId(page);
  const divIds = versionIds(id, page.versions);
  const { doc, root } = teiDocument('TEI', { 'xml:id': id, 'xml:lang': 'en' });
  const header = encodeHeader(root, page, {
    docId: id,
    sourceName: opts.sourceName,
    sourceSha256: opts.sourceSha256,
    version: opts.version,
    languages: packedMap(page.versions, (v) => ({ ident: v.lang, original: v.role === 'original' })),
  });
  const state = newInlineState(page.date?.when);
  const body = el(el(root, 'text'), 'body');
  const encoders = packedMap(page.versions, (v, i) => {
    const div = el(body, 'div', { type: v.role, subtype: v.subtype, 'xml:lang': v.lang, 'xml:id': divIds[i] });
    const encoder = new BodyEncoder(divIds[i]!, state);
    encoder.encode(div, v);
    return encoder;
  });
  const diagnostics: Diagnostic[] = [];
  const alignments = alignVersions(page, packedMap(encoders, (e) => e.paragraphs), diagnostics);
  return { id, xml: serialize(doc, SCHEMA_PIS), refs: state.refs, mentions: mentionsOfTelegram(header, state.refs), alignments, diagnostics };
}
