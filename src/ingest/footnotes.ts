/**
 * The editors' numbered notes of a text version: the lines "[1] 柴,指柴军武…" or "[2] On July 26,
 * 1952, Mao Zedong gave instructions …" that close a version (a Chinese documentary edition's
 * notes, the translators' notes to the English), each pointed at by "[1]" in the text. Read as
 * words in brackets they were the editors' additions to the telegram ("[3]" supplied after 真日)
 * and the notes its last paragraphs; they are footnote blocks, and their anchors `noteRef`s.
 *
 * A run of such lines counts only at the end of a version (after anything the page cut off) and
 * numbered one by one, and only when it is more than one note, or an anchor in the text points at
 * it, or it is all the version holds (a Chinese original cut down to one of its notes): a single
 * "[1] …" line elsewhere stays what it was.
 */
import type { Block, Inline } from '../model.js';
import { inlineText, parseInline } from './inline.js';
import { newBlock } from './structure.js';

/** A note's number at the start of its line, and the space after it. */
const NOTE_START = /^\s*\[(\d{1,3})\]\s*(?=\S)/;

/** Blocks that are page furniture, never a note. */
const NOT_A_NOTE = new Set<Block['kind']>(['pageBreak', 'continuation', 'catchword', 'gap', 'footnote']);

/** True when the block begins as a numbered note does ("[2] On July 26, …"): what may close a telegram's version. */
export function looksLikeNote(b: Block): boolean {
  return !NOT_A_NOTE.has(b.kind) && NOTE_START.test(b.source);
}

/** The version's blocks with its closing notes as footnotes and their anchors as `noteRef`s (the same array when it has none). */
export function readFootnotes(blocks: Block[]): Block[] {
  let end = blocks.length;
  while (end > 0 && blocks[end - 1]!.kind === 'gap' && blocks[end - 1]!.gapReason === 'truncated') end--;
  let start = end;
  let numbers: string[] = [];
  for (; start > 0; start--) {
    const b = blocks[start - 1]!;
    const m = looksLikeNote(b) ? NOTE_START.exec(b.source) : null;
    if (!m) break;
    numbers.unshift(m[1]!);
  }
  if (numbers.length === 0) return blocks;
  // Numbered one by one: a run that is not is cut to its consecutive end.
  let first = numbers.length - 1;
  while (first > 0 && Number(numbers[first - 1]) === Number(numbers[first]) - 1) first--;
  start += first;
  numbers = numbers.slice(first);
  const notes = new Set(numbers);
  const text = blocks.slice(0, start);
  let anchored = false;
  const withAnchors = text.map((b) => {
    const content = anchorsIn(b.content, notes);
    if (content === b.content) return b;
    anchored = true;
    return newBlock(b.kind, content, b.source, b.span, b.noteType, b.folio, b.quotedGroup, b.gapReason, b.n);
  });
  if (!anchored && numbers.length < 2 && start > 0) return blocks;
  const footnotes = blocks.slice(start, end).map((b, i) => {
    const content = parseInline(inlineText(b.content).replace(NOTE_START, ''));
    return newBlock('footnote', content, b.source, b.span, undefined, undefined, undefined, undefined, numbers[i]);
  });
  return [...withAnchors, ...footnotes, ...blocks.slice(end)];
}

/** `content` with each "[n]" of a note's number as its anchor (the same array when there is none). */
function anchorsIn(content: Inline[], notes: ReadonlySet<string>): Inline[] {
  let out: Inline[] | undefined;
  for (let i = 0; i < content.length; i++) {
    const c = content[i]!;
    let replaced: Inline | undefined;
    if (c.kind === 'supplied' && notes.has(c.text)) replaced = { kind: 'noteRef', n: c.text };
    else if (c.kind === 'handwritten') {
      const inner = anchorsIn(c.content, notes);
      if (inner !== c.content) replaced = { kind: 'handwritten', content: inner };
    }
    if (replaced === undefined) continue;
    out ??= content.slice();
    out[i] = replaced;
  }
  return out ?? content;
}
