/**
 * Inline content of a block: `*…*` spans (handwritten in the original), the translators' and
 * editors' square brackets — "[Stalin]" supplied, "[?]" doubt, "[...]" omitted text. One pass
 * over the text; an unbalanced mark stays literal text, so nothing is lost.
 */
import type { Inline } from '../model.js';

const GAP = /^\[\s*(?:\.\.\.|…)\s*\]$/;

/** Parses the inline marks of one block's text. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let buf = '';
  const flush = (): void => {
    if (buf) out.push({ kind: 'text', text: buf });
    buf = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '*') {
      const close = text.indexOf('*', i + 1);
      const lineEnd = text.indexOf('\n', i);
      const sameLine = close > 0 && (lineEnd < 0 || close < lineEnd);
      if (sameLine && close > i + 1 && text[i + 1] !== ' ' && text[close - 1] !== ' ') {
        flush();
        out.push({ kind: 'handwritten', content: parseInline(text.slice(i + 1, close)) });
        i = close + 1;
        continue;
      }
      buf += c;
      i++;
      continue;
    }
    if (c === '[') {
      const close = text.indexOf(']', i + 1);
      const nested = text.indexOf('[', i + 1);
      if (close > i && (nested < 0 || nested > close)) {
        const whole = text.slice(i, close + 1);
        const inner = text.slice(i + 1, close);
        flush();
        if (GAP.test(whole)) out.push({ kind: 'gap' });
        else if (inner.trim() === '?') out.push({ kind: 'uncertain' });
        else out.push({ kind: 'supplied', text: inner.replace(/\*/g, '').trim() || inner });
        i = close + 1;
        continue;
      }
    }
    buf += c;
    i++;
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
        s += `[${part.text}]`;
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
