/**
 * The generation stamp: a processing instruction `<?shifr generated="sha256:…"?>` holding the hash
 * of the file's bytes as generated (the bytes without the stamp line). A file whose bytes no longer
 * hash to its stamp — or that has no stamp — was edited by hand, and convert leaves it alone. A
 * processing instruction rather than a sidecar file, so that the stamp travels with the file.
 */
import { createHash } from 'node:crypto';

const STAMP = /^<\?shifr generated="sha256:([0-9a-f]{64})"\?>\n/m;

function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

/** Inserts the stamp right before the root element (after the XML declaration and the xml-model PIs). */
export function stamp(xml: string): string {
  const root = xml.search(/^<[A-Za-z]/m);
  const at = root < 0 ? xml.length : root;
  return `${xml.slice(0, at)}<?shifr generated="sha256:${sha256(xml)}"?>\n${xml.slice(at)}`;
}

/** 'generated': the file is exactly as shifr wrote it; 'edited': changed since; 'foreign': it has no stamp. */
export function stampState(existing: string): 'generated' | 'edited' | 'foreign' {
  const m = STAMP.exec(existing);
  if (!m) return 'foreign';
  const rest = existing.slice(0, m.index) + existing.slice(m.index + m[0].length);
  return sha256(rest) === m[1] ? 'generated' : 'edited';
}
