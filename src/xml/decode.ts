/**
 * Turns the bytes of an XML file into text. shifr reads UTF-8 (with or without a byte-order
 * mark) and UTF-16 with a byte-order mark; anything else — typically windows-1251 files saved by
 * old Russian editors — is reported with the place of the first byte that is not UTF-8, rather
 * than being decoded into mojibake that would then "validate".
 */
import { isUtf8 } from 'node:buffer';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { textOfUtf8 } from '../utf8.js';

export type Decoded =
  | {
      text: string;
      /**
       * Every character of the text is one XML allows, as checked on the bytes: the reader then
       * skips its own scan of the text for forbidden characters (see `XmlSource`).
       */
      allowedCharsOnly: boolean;
      diagnostic?: undefined;
    }
  | { text?: undefined; allowedCharsOnly?: undefined; diagnostic: Diagnostic };

/** Decodes XML bytes to a string, stripping a byte-order mark; reports non-UTF-8 input as `SHF-XML-003`. */
export function decodeXml(bytes: Uint8Array, file: string): Decoded {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    try {
      return { text: new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes), allowedCharsOnly: false };
    } catch {
      return { diagnostic: diagnostic('SHF-XML-003', 'file starts with a UTF-16 byte-order mark but is not valid UTF-16', { file }) };
    }
  }
  // Checked first (a fast scan), then converted by way of UTF-16LE: V8's UTF-8 decoder is ~5×
  // slower on Cyrillic text (see textOfUtf8).
  if (!isUtf8(bytes)) return { diagnostic: invalidUtf8(bytes, file) };
  let text = textOfUtf8(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const declared = /^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(text)?.[1];
  if (declared && !/^utf-?8$/i.test(declared)) {
    return {
      diagnostic: diagnostic(
        'SHF-XML-003',
        `the XML declaration says encoding "${declared}"; shifr reads UTF-8 only (convert the file, e.g. iconv -f ${declared} -t UTF-8)`,
        { file, line: 1, column: 1 },
        { expected: ['UTF-8'] },
      ),
    };
  }
  return { text, allowedCharsOnly: !hasForbiddenUtf8Char(bytes) };
}

/** U+FFFE and U+FFFF in UTF-8: XML forbids both. */
const NONCHARACTERS = [Buffer.from([0xef, 0xbf, 0xbe]), Buffer.from([0xef, 0xbf, 0xbf])];

/**
 * Does valid UTF-8 hold a character XML forbids? Such bytes can only be a C0 control other than
 * tab, LF and CR, or U+FFFE / U+FFFF (a surrogate is not valid UTF-8). Searched with Buffer#indexOf,
 * a native scan per byte value: ~10× faster than a regular expression over the decoded text.
 */
function hasForbiddenUtf8Char(bytes: Uint8Array): boolean {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let c = 0; c < 0x20; c++) if (c !== 0x09 && c !== 0x0a && c !== 0x0d && b.indexOf(c) >= 0) return true;
  return NONCHARACTERS.some((n) => b.indexOf(n) >= 0);
}

/** Finds the first byte that breaks UTF-8 and reports its line and column. */
function invalidUtf8(bytes: Uint8Array, file: string): Diagnostic {
  let line = 1;
  let column = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    let ok = need >= 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (!ok) {
      const hex = bytes[i]!.toString(16).toUpperCase().padStart(2, '0');
      return diagnostic(
        'SHF-XML-003',
        `byte 0x${hex} is not valid UTF-8 (is the file in windows-1251 or another legacy encoding? convert it to UTF-8)`,
        { file, line, column },
        { expected: ['UTF-8'] },
      );
    }
    if (b === 0x0a) {
      line++;
      column = 1;
    } else column++;
    i += need + 1;
  }
  return diagnostic('SHF-XML-003', 'the file is not valid UTF-8', { file });
}
