/**
 * Content hashes for the caches of compiled schemas and stylesheets, and how a cache tells that a
 * file is unchanged without hashing it.
 *
 * node:crypto is loaded on first use: loading it costs a process ~50 M instructions (~20 ms on
 * this project's 2.5 GHz machine), which `shifr validate` on fresh caches never needs to pay. The
 * converter, which hashes every page, imports node:crypto itself.
 */
import { createRequire } from 'node:module';
import { statSync } from 'node:fs';

const require = createRequire(import.meta.url);
let crypto: typeof import('node:crypto') | undefined;

/** A SHA-256 hash to feed. */
export function sha256Hasher(): import('node:crypto').Hash {
  crypto ??= require('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha256');
}

/** SHA-256 (hex) of the parts, each followed by a NUL so that ("ab", "c") and ("a", "bc") differ. */
export function sha256(...parts: readonly (string | Uint8Array)[]): string {
  const h = sha256Hasher();
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
}

/**
 * A file's size, inode, modification and status-change times: if they are the same as when a
 * cache entry was written, the file's content is too. The status-change time (ctime) cannot be
 * set back by any program — writing the file, or restoring its mtime (`touch -r`, `cp -p`),
 * moves it — so a cache keyed by this never takes an edited file for the one it compiled. A
 * file copied or checked out anew gets a new signature; its cache then falls back on the
 * content hash. Undefined when the file cannot be read.
 */
export function fileSignature(path: string): string | undefined {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.size}:${s.ino}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return undefined;
  }
}
