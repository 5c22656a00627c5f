/**
 * What may be read as a page at all: not empty, not too large, not binary, valid UTF-8. Bytes
 * that are not UTF-8 are never decoded by guessing; the diagnostic says what they look like
 * (windows-1251, UTF-16) and where the first bad byte is.
 */
import { isUtf8 } from 'node:buffer';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { textOfUtf8 } from '../utf8.js';

/** The largest page ingest reads; real pages are under 100 kB. */
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;

/** The decoded text, or the one diagnostic that says why it cannot be read. */
export type TextResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/** Line and column (1-based) of a byte offset. */
function placeOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** Line and column (1-based) of a string offset. */
export function placeOfOffset(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** The offset of the first byte that breaks UTF-8, or -1. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      n = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      min = 0x10000;
    } else return i;
    if (i + n >= b.length) return i;
    let cp = c & (n === 1 ? 0x1f : n === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= n; k++) {
      const x = b[i + k];
      if (x === undefined || (x & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (x & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

/** What non-UTF-8 bytes look like: most high bytes in 0xC0–0xFF are Cyrillic letters in windows-1251. */
function guessEncoding(b: Uint8Array): string | undefined {
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) return 'UTF-16';
  let high = 0;
  let cyr = 0;
  const n = Math.min(b.length, 65536);
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c >= 0x80) {
      high++;
      if (c >= 0xc0 || c === 0xa8 || c === 0xb8) cyr++;
    }
  }
  if (high > 0 && cyr / high >= 0.7) return 'windows-1251';
  return undefined;
}

/**
 * Bytes already checked to be UTF-8 as text, without a leading byte order mark (as TextDecoder
 * gives them); decoded through UTF-16LE (see utf8.ts), five times faster than V8's decoder.
 */
function utf8Text(bytes: Uint8Array): string {
  const text = textOfUtf8(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Checks and decodes the bytes of a page file. */
export function decodePage(bytes: Uint8Array, file: string): TextResult {
  if (bytes.length === 0) return { ok: false, diagnostic: diagnostic('SHF-INGEST-007', 'file is empty; expected a scraped telegram page', { file }, { expected: ['a scraped telegram page'] }) };
  if (bytes.length > MAX_PAGE_BYTES) {
    return {
      ok: false,
      diagnostic: diagnostic('SHF-INGEST-010', `file is ${bytes.length} bytes, more than the ${MAX_PAGE_BYTES} bytes a page may have`, { file }, { expected: [`at most ${MAX_PAGE_BYTES} bytes`] }),
    };
  }
  const utf16 = guessEncoding(bytes.subarray(0, 2)) === 'UTF-16';
  const nul = utf16 ? -1 : bytes.indexOf(0);
  if (nul >= 0) {
    return { ok: false, diagnostic: diagnostic('SHF-INGEST-008', `file is binary: NUL byte at offset ${nul}; expected UTF-8 text`, { file, ...placeOfByte(bytes, nul) }, { expected: ['UTF-8 text'] }) };
  }
  // isUtf8 is native and checks the same rules (no overlong forms, surrogates or code points past
  // U+10FFFF); the scan in JavaScript, ~4 % of a conversion, only runs to find where a bad page breaks.
  const bad = utf16 ? 0 : isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const looks = guessEncoding(bytes);
    const msg = `file is not UTF-8${looks ? `; looks like ${looks}` : ''} (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at offset ${bad}); convert it to UTF-8 first`;
    return { ok: false, diagnostic: diagnostic('SHF-INGEST-009', msg, { file, ...placeOfByte(bytes, bad) }, { expected: ['UTF-8 text'] }) };
  }
  return { ok: true, text: utf8Text(bytes) };
}

/** Checks a page already held as a string (size, NUL characters, U+FFFD from a lossy decode). */
export function checkText(text: string, file: string): Diagnostic | undefined {
  if (text.length === 0) return diagnostic('SHF-INGEST-007', 'file is empty; expected a scraped telegram page', { file }, { expected: ['a scraped telegram page'] });
  if (text.length > MAX_PAGE_BYTES) {
    return diagnostic('SHF-INGEST-010', `page is ${text.length} characters, more than the ${MAX_PAGE_BYTES} a page may have`, { file }, { expected: [`at most ${MAX_PAGE_BYTES} bytes`] });
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return diagnostic('SHF-INGEST-008', `text is binary: NUL character at offset ${nul}; expected UTF-8 text`, { file, ...placeOfOffset(text, nul) }, { expected: ['UTF-8 text'] });
  const bad = text.indexOf('\ufffd');
  if (bad >= 0) {
    return diagnostic('SHF-INGEST-009', 'text contains U+FFFD replacement characters: it was decoded from bytes that were not UTF-8 (windows-1251?); decode the file strictly', { file, ...placeOfOffset(text, bad) }, { expected: ['UTF-8 text'] });
  }
  if (!/[^\s\ufeff\u00a0]/.test(text)) return diagnostic('SHF-INGEST-007', 'file has only white space; expected a scraped telegram page', { file }, { expected: ['a scraped telegram page'] });
  return undefined;
}
