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
 * `stamp(xml)` as the text and as the UTF-8 bytes to write. The text is encoded once (through
 * UTF-16LE, see utf8.ts) and hashed in one piece; the stamp line then goes between the prolog's
 * bytes and the rest's in the output buffer.
 */
export function stampBytes(xml: string): { text: string; bytes: Buffer } {
  const at = stampOffset(xml);
  const head = xml.slice(0, at);
  const headBytes = Buffer.byteLength(head, 'utf8');
  const encoded = utf8Bytes(xml);
  const digest = hash('sha256', encoded, 'hex');
  const line = `<?shifr generated="sha256:${digest}"?>\n`;
  const bytes = Buffer.allocUnsafe(encoded.length + STAMP_BYTES);
  encoded.copy(bytes, 0, 0, headBytes);
  bytes.write(line, headBytes, 'latin1');
  encoded.copy(bytes, headBytes + STAMP_BYTES, headBytes);
  return { text: `${head}${line}${xml.slice(at)}`, bytes };
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
