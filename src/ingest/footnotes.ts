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
 *
 * An anchor is "[n]" with the number of one of these notes — or, where the page lost the notes (cut
 * off before them), a number in brackets set against the word or sign before it ("alliance.[3]",
 * "书面报告[1]", "Central Committee:[1]"): no translator supplies a bare number so, while a digit
 * they supply stands inside a number ("N66[1]6") or after "No.".
 */
import type { Block, Inline } from '../model.js';
import { newBlock } from './structure.js';
import { packedMap } from '../packed.js';

/** A note's number at the start of its line, and the space after it. */
const NOTE_START = /^\s*\[(\d{1,3})\]\s*(?=\S)/;

/** Paragraphs that may go on with a note after its first. */
const MAX_CONTINUATION = 3;

/** Blocks that are page furniture, never a note. */
const NOT_A_NOTE = new Set<Block['kind']>(['pageBreak', 'continuation', 'catchword', 'gap', 'footnote']);

/** The number of the note the block begins ("2" of "[2] On July 26, …"), if it begins as a note does. */
function noteNumber(b: Block): string | undefined {
  return NOT_A_NOTE.has(b.kind) ? undefined : NOTE_START.exec(b.source)?.[1];
}

/** True when the block begins as a numbered note does: what may close a telegram's version. */
export function looksLikeNote(b: Block): boolean {
  return noteNumber(b) !== undefined;
}

/** The version's blocks with its closing notes as footnotes and their anchors as `noteRef`s (the same array when it has none). */
export function readFootnotes(blocks: Block[]): Block[] {
  let end = blocks.length;
  while (end > 0 && blocks[end - 1]!.kind === 'gap' && blocks[end - 1]!.gapReason === 'truncated') end--;
  // Back from the end: note lines, each with the paragraphs that go on with it (a note quoting a telegram, "The
  // telegram text includes:" / "“The soon to be convened …"), up to MAX_CONTINUATION of them.
  let start = end;
  let numbers: string[] = [];
  /** How many blocks each note spans: its line and the paragraphs that go on with it. */
  let lengths: number[] = [];
  let pending = 0;
  for (let k = end - 1; k >= 0; k--) {
    const b = blocks[k]!;
    const n = noteNumber(b);
    if (n !== undefined) {
      numbers.unshift(n);
      lengths.unshift(pending + 1);
      pending = 0;
      start = k;
    } else if (b.kind === 'paragraph' && pending < MAX_CONTINUATION) pending++;
    else break;
  }
  // Numbered one by one: a run that is not is cut to its consecutive end.
  let first = Math.max(0, numbers.length - 1);
  while (first > 0 && Number(numbers[first - 1]) === Number(numbers[first]) - 1) first--;
  for (let i = 0; i < first; i++) start += lengths[i]!;
  numbers = numbers.slice(first);
  lengths = lengths.slice(first);
  // The anchors in the text before the notes; a block is copied only when it has one (most pages have none).
  const notes = new Set(numbers);
  const anchored = new Set<string>();
  let out: Block[] | undefined;
  for (let k = 0; k < start; k++) {
    const b = blocks[k]!;
    const content = anchorsIn(b.content, notes, anchored);
    if (content === b.content) continue;
    out ??= blocks.slice();
    out[k] = newBlock(b.kind, content, b.source, b.span, b.noteType, b.folio, b.quotedGroup, b.gapReason, b.n);
  }
  const isNotes = numbers.length > 0 && (numbers.length > 1 || start === 0 || anchored.has(numbers[0]!));
  // No notes (or a lone "[1] …" line): the text keeps only the anchors that stand on their own, set against a word.
  if (!isNotes) return out ?? blocks;
  const footnotes: Block[] = [];
  for (let i = 0, k = start; i < numbers.length; k += lengths[i++]!) {
    const parts = blocks.slice(k, k + lengths[i]!);
    let content = withoutNumber(parts[0]!.content, numbers[i]!);
    for (let j = 1; j < parts.length; j++) content = joinLines(content, parts[j]!.content);
    const last = parts[parts.length - 1]!;
    const span = { line: parts[0]!.span.line, column: parts[0]!.span.column, endLine: last.span.endLine };
    footnotes.push(newBlock('footnote', content, packedMap(parts, (b) => b.source).join('\n'), span, undefined, undefined, undefined, undefined, numbers[i]));
  }
  return [...(out ?? blocks).slice(0, start), ...footnotes, ...blocks.slice(end)];
}

/** A note line's content without its number: "[n]" read as a supplied word, or left in the text of a line kept whole. */
function withoutNumber(content: Inline[], n: string): Inline[] {
  const [head, next] = content;
  if (head?.kind === 'supplied' && head.text === n) {
    const rest = content.slice(1);
    if (next?.kind === 'text') rest[0] = { kind: 'text', text: next.text.trimStart() };
    return rest;
  }
  if (head?.kind === 'text') return [{ kind: 'text', text: head.text.replace(NOTE_START, '') }, ...content.slice(1)];
  return content;
}

/** Two paragraphs of one note as one content, a line break between them (the text around it joined, as a block's lines are). */
function joinLines(a: Inline[], b: Inline[]): Inline[] {
  const last = a[a.length - 1];
  const [head] = b;
  if (last?.kind === 'text' && head?.kind === 'text') return [...a.slice(0, -1), { kind: 'text', text: `${last.text}\n${head.text}` }, ...b.slice(1)];
  return [...a, { kind: 'text', text: '\n' }, ...b];
}

/** A number in brackets, as an anchor writes it. */
const NOTE_NUMBER = /^\d{1,2}$/;
/** What the text before a supplied digit ends with when the digit is part of a number: a digit, "No.", "№", "N". */
const NUMBER_BEFORE = /(?:\d|(?<![\p{L}])(?:No\.?|№|N)\s*)$/u;

/** True when a supplied digit between `before` and `after` is part of a number: "N66[1]6", "No.[4]". */
function inNumber(before: Inline | undefined, after: Inline | undefined): boolean {
  return (before?.kind === 'text' && NUMBER_BEFORE.test(before.text)) || (after?.kind === 'text' && /^\d/.test(after.text));
}

/** True when "[n]" stands against the word or sign before it, with no space between. */
function setAgainstWord(before: Inline | undefined): boolean {
  return before?.kind === 'text' && before.text !== '' && !/\s$/.test(before.text);
}

/**
 * `content` with each "[n]" that is a note's anchor as a `noteRef` (the same array when there is none); the numbers of
 * the notes pointed at are added to `anchored`.
 */
function anchorsIn(content: Inline[], notes: ReadonlySet<string>, anchored: Set<string>): Inline[] {
  let out: Inline[] | undefined;
  for (let i = 0; i < content.length; i++) {
    const c = content[i]!;
    let replaced: Inline | undefined;
    const before = content[i - 1];
    if (c.kind === 'supplied' && NOTE_NUMBER.test(c.text) && !inNumber(before, content[i + 1]) && (notes.has(c.text) || setAgainstWord(before))) {
      replaced = { kind: 'noteRef', n: c.text };
      anchored.add(c.text);
    } else if (c.kind === 'handwritten') {
      const inner = anchorsIn(c.content, notes, anchored);
      if (inner !== c.content) replaced = { kind: 'handwritten', content: inner };
    }
    if (replaced === undefined) continue;
    out ??= content.slice();
    out[i] = replaced;
  }
  return out ?? content;
}
