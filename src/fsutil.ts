/** File-system helpers shared by every stage that writes output. */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { diagnostic, type Diagnostic } from './diagnostics.js';

/** A temporary name beside `path`, unique to this process and call: readers never take it for the file. */
function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
}

/**
 * Writes a file so that readers never see it half-written: the content goes to a temporary file
 * in the same directory (same file system, so the rename is atomic) and is then renamed. The
 * directory is created only when the first attempt finds it missing: one system call less per
 * file when thousands go into one folder.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const dir = dirname(path);
  const tmp = temporaryPath(path);
  try {
    try {
      writeFileSync(tmp, content);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      mkdirSync(dir, { recursive: true });
      writeFileSync(tmp, content);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** SHF-IO-002: the file could not be written. */
export function writeFailure(path: string, e: unknown): Diagnostic {
  return diagnostic('SHF-IO-002', `cannot write: ${(e as Error).message}`, { file: path });
}
