/**
 * Inline content of a block: `*…*` spans (handwritten in the original), the translators' and
 * editors' square brackets — "[Stalin]" supplied, "[signature]" or "[Translator's note: …]" their
 * remark, "[?]" doubt, "[...]" omitted text. One pass
 * over the text (the next `]`, `*` and line end are looked up once each, so the pass stays linear
 * even on a line of a million brackets); an unbalanced mark stays literal text, so nothing is lost.
 */
import type { Inline } from '../model.js';

const GAP = /^\[\s*(?:\.{3,}|…)\s*\]$/;

/**
 * What begins a remark of the translators or editors rather than a word they supply: their notes, and their
 * descriptions of what is on the document but is no text of it (a signature, a stamp, a handwritten mark, a code name).
 */
const REMARK = /^(?:(?:translator|editor)['’]?s?\s+note|(?:ed|tr|trans)\.\s*note|note\b|hand-?written|stamp(?:ed)?\b|seal\b|signature|illegible|resolution\b|in the margins?|marginal|inserted by hand|crossed out|underlined|code ?name|pseudonym|sic\b)/i;

/** The next position of `ch` at or after `from`, remembered while the scan has not passed it. */
class NextOf {
  private at = -2;
  constructor(
    private readonly text: string,
    private readonly ch: string,
  ) {}
  after(from: number): number {
    // Positions only grow: once the remembered one is passed, look again; once none is left, none ever is.
    if (this.at !== -1 && this.at < from) this.at = this.text.indexOf(this.ch, from);
    return this.at;
  }
}

/** Parses the inline marks of one block's text. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let buf = '';
  const flush = (): void => {
    if (buf) out.push({ kind: 'text', text: buf });
    buf = '';
  };
  const star = new NextOf(text, '*');
  const close = new NextOf(text, ']');
  const open = new NextOf(text, '[');
  const newline = new NextOf(text, '\n');
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '*') {
      const end = star.after(i + 1);
      const lineEnd = newline.after(i);
      const sameLine = end > 0 && (lineEnd < 0 || end < lineEnd);
      if (sameLine && end > i + 1 && text[i + 1] !== ' ' && text[end - 1] !== ' ') {
        flush();
        out.push({ kind: 'handwritten', content: parseInline(text.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    } else if (c === '[') {
      const end = close.after(i + 1);
      const nested = open.after(i + 1);
      if (end > i && (nested < 0 || nested > end)) {
        const whole = text.slice(i, end + 1);
        const inner = text.slice(i + 1, end);
        flush();
        if (GAP.test(whole)) out.push({ kind: 'gap' });
        else if (inner.trim() === '?') out.push({ kind: 'uncertain' });
        else if (REMARK.test(inner.trimStart())) out.push({ kind: 'note', text: inner });
        else out.push({ kind: 'supplied', text: inner.replace(/\*/g, '').trim() || inner });
        i = end + 1;
        continue;
      }
    }
    // Copy the plain run up to the next mark in one piece.
    const s1 = star.after(i + 1);
    const s2 = open.after(i + 1);
    const next = s1 < 0 ? s2 : s2 < 0 ? s1 : Math.min(s1, s2);
    const stop = next < 0 ? text.length : next;
    buf += text.slice(i, stop);
    i = stop;
  }
  flush();
  return out;
}

/** The plain text of inline content (supplied text in brackets), for matching and word counts. */
export function inlineText(content: readonly Inline[]): string {
  let s = '';
  for (const part of content) {
    switch (part.kind) {
      case 'text':
        s += part.text;
        break;
      case 'handwritten':
        s += inlineText(part.content);
        break;
      case 'supplied':
      case 'note':
        s += `[${part.text}]`;
        break;
      case 'noteRef':
        s += `[${part.n}]`;
        break;
      case 'uncertain':
        s += '[?]';
        break;
      case 'gap':
        s += '[...]';
        break;
    }
  }
  return s;
}
