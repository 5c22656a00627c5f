/**
 * The generation stamp: a processing instruction `<?shifr generated="sha256:…"?>` holding the hash
 * of the file's bytes as generated (the bytes without the stamp line). A file whose bytes no longer
 * hash to its stamp — or that has no stamp — was edited by hand, and convert leaves it alone. A
 * processing instruction rather than a sidecar file, so that the stamp travels with the file.
 */
import { createHash, hash } from 'node:crypto';
import { utf8Bytes } from '../utf8.js';

const STAMP = /^<\?shifr generated="sha256:([0-9a-f]{64})"\?>\n/m;

function sha256(s: string): string {
  return hash('sha256', s, 'hex');
}

/** Where the stamp goes: right before the root element (after the XML declaration and the xml-model PIs). */
function stampOffset(xml: string): number {
  const root = xml.search(/^<[A-Za-z]/m);
  return root < 0 ? xml.length : root;
}

/** Inserts the stamp right before the root element (after the XML declaration and the xml-model PIs). */
export function stamp(xml: string): string {
  const at = stampOffset(xml);
  return `${xml.slice(0, at)}<?shifr generated="sha256:${sha256(xml)}"?>\n${xml.slice(at)}`;
}

/** The stamp line's length in bytes: `<?shifr generated="sha256:` + 64 hex digits + `"?>` and a line end. */
const STAMP_BYTES = 26 + 64 + 4;

/**
 * A generated file before its stamp: its UTF-8 bytes and the byte offset where the stamp goes
 * (right before the root element). What convert hands to its file thread, which hashes and
 * stamps it there (the hash is a tenth of the work of converting a page).
 */
export interface Unstamped {
  bytes: Uint8Array;
  stampAt: number;
}

/** `xml` as an `Unstamped`, encoded once (through UTF-16LE, see utf8.ts); `at`, where the stamp goes in the text, when known. */
export function unstamped(xml: string, at = stampOffset(xml)): Unstamped {
  return { bytes: utf8Bytes(xml), stampAt: Buffer.byteLength(xml.slice(0, at), 'utf8') };
}

/** The stamped bytes of an `Unstamped`: hashed in one piece, the stamp line put between the prolog's bytes and the rest's. */
export function stampedBytes({ bytes, stampAt }: Unstamped): Buffer {
  const line = `<?shifr generated="sha256:${hash('sha256', bytes, 'hex')}"?>\n`;
  const out = Buffer.allocUnsafe(bytes.length + STAMP_BYTES);
  out.set(bytes.subarray(0, stampAt), 0);
  out.write(line, stampAt, 'latin1');
  out.set(bytes.subarray(stampAt), stampAt + STAMP_BYTES);
  return out;
}

/** `stamp(xml)` as the text and as the UTF-8 bytes to write (the bytes of `stampedBytes(unstamped(xml))`). */
export function stampBytes(xml: string): { text: string; bytes: Buffer } {
  const at = stampOffset(xml);
  const u = unstamped(xml, at);
  const bytes = stampedBytes(u);
  return { text: `${xml.slice(0, at)}${bytes.toString('latin1', u.stampAt, u.stampAt + STAMP_BYTES)}${xml.slice(at)}`, bytes };
}

/** 'generated': the file is exactly as shifr wrote it; 'edited': changed since; 'foreign': it has no stamp. */
export function stampState(existing: string): 'generated' | 'edited' | 'foreign' {
  const m = STAMP.exec(existing);
  if (!m) return 'foreign';
  const rest = existing.slice(0, m.index) + existing.slice(m.index + m[0].length);
  return sha256(rest) === m[1] ? 'generated' : 'edited';
}

/**
 * `stampBytes` of a document given in chunks — first its prolog (everything before the root
 * element), then the rest — without ever holding its text whole: each chunk is encoded and hashed
 * as it comes; only the bytes are kept, outside the JavaScript heap.
 */
export class StampedBytes {
  private readonly hash = createHash('sha256');
  private readonly parts: Buffer[] = [];
  private slot = -1;

  add(chunk: string, prolog: boolean): void {
    if (!prolog && this.slot < 0) {
      this.slot = this.parts.length;
      this.parts.push(Buffer.alloc(0));
    }
    const bytes = utf8Bytes(chunk);
    this.hash.update(bytes);
    this.parts.push(bytes);
  }

  /** The stamped bytes (the stamp right before the root element). */
  finish(): Buffer {
    if (this.slot < 0) this.slot = this.parts.push(Buffer.alloc(0)) - 1;
    this.parts[this.slot] = Buffer.from(`<?shifr generated="sha256:${this.hash.digest('hex')}"?>\n`, 'latin1');
    return Buffer.concat(this.parts);
  }
}
