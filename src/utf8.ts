/**
 * Text ↔ UTF-8 bytes by way of UTF-16LE, for the pages ingest reads, the TEI files encode writes
 * and the files validate reads. V8's own UTF-8 conversion (Buffer#toString, TextDecoder,
 * Buffer#write) is slow on text that is not ASCII: on the telegrams' mostly Cyrillic text, Node's
 * ICU `transcode` to or from UTF-16LE, whose conversion to or from a JavaScript string is a copy,
 * decodes a 7 kB page in 14 µs instead of 73 µs and encodes a 12 kB TEI file in 13 µs instead of
 * 35 µs. Each function gives exactly what V8's conversion gives: where ICU refuses the input (bytes
 * that are not UTF-8, a lone surrogate) or is missing (a Node built without intl), V8's is used.
 */
import * as nodeBuffer from 'node:buffer';

/** Absent from a Node built without ICU. */
const transcode: typeof nodeBuffer.transcode | undefined = nodeBuffer.transcode;

/** The text of UTF-8 bytes, as `Buffer#toString('utf8')` gives it (a leading BOM kept, bytes that are not UTF-8 as U+FFFD). */
export function textOfUtf8(bytes: Uint8Array): string {
  if (transcode) {
    try {
      return transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
    } catch {
      // Not UTF-8: ICU refuses what V8 replaces with U+FFFD.
    }
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** The UTF-8 bytes of `text`: the same bytes as `Buffer.from(text, 'utf8')`. */
export function utf8Bytes(text: string): Buffer {
  if (transcode) {
    try {
      return transcode(Buffer.from(text, 'utf16le'), 'utf16le', 'utf8');
    } catch {
      // A lone surrogate: ICU refuses what V8 writes as U+FFFD.
    }
  }
  return Buffer.from(text, 'utf8');
}
