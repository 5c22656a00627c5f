/**
 * Reading an input file whole — a page for convert, a TEI file for validate — on whichever thread
 * asks (the file thread reads ahead with it, see file-thread.ts). No worker_threads and no
 * node:crypto until a hash is asked for, so that a validation on one thread loads neither.
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { sha256Hasher } from './hash.js';

/**
 * From this many files a run hands its reading (and convert its writing) to the file thread
 * (file-thread.ts): the thread answers its first request 50–80 ms after it is started, the time
 * to convert some 30 pages or validate some 40 files.
 */
export const FILE_THREAD_FROM = 64;

/**
 * Whether a run over `count` files hands its file work to the file thread: from
 * `FILE_THREAD_FROM` files, and only when the process may use more than one core. On one core
 * (a container's quota, `taskset`) the thread's work is not overlapped but added, with its start
 * (its own V8 isolate) and the copying and waking of every batch: converting 1,000 pages pinned
 * to one core took 1.75–1.82 s with the thread and 1.52–1.55 s without.
 */
export function usesFileThread(count: number): boolean {
  return count >= FILE_THREAD_FROM && availableParallelism() > 1;
}

/** How to read files: with their SHA-256 (convert records a page's in its TEI header), and up to what size (validate refuses larger files unread). */
export interface ReadOptions {
  sha256?: boolean;
  maxBytes?: number;
}

/** A file read: its bytes (and SHA-256, when asked), or why it cannot be read (an errno code or message), or its size when that is over `maxBytes`. */
export type FileRead = { file: string; bytes: Uint8Array; sha256?: string } | { file: string; error: string } | { file: string; size: number };

/** Reads one file as `options` say; an unreadable file gives its errno code (or message). */
export function readOne(file: string, options: ReadOptions): FileRead {
  try {
    let bytes: Buffer;
    if (options.maxBytes === undefined) bytes = readFileSync(file);
    else {
      const fd = openSync(file, 'r');
      try {
        const size = fstatSync(fd).size;
        if (size > options.maxBytes) return { file, size };
        bytes = readFileSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    return options.sha256 ? { file, bytes, sha256: sha256Hasher().update(bytes).digest('hex') } : { file, bytes };
  } catch (e) {
    return { file, error: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  }
}
