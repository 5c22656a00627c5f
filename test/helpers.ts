/**
 * Shared helpers for the test suite: where the project lives, scratch folders, and running the CLI
 * in-process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../src/cli/main.js';

/** The project root (tests run from lib/test/, compiled). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

let runScratch: string | undefined;

/**
 * A new empty folder for a test's files. All of them live in one folder per test run, removed when
 * the process exits, passed or failed, so that neither a failing assertion nor a test that forgets
 * its cleanup leaves files behind in the system's temporary folder.
 */
export function scratchDir(purpose: string): string {
  if (runScratch === undefined) {
    const run = mkdtempSync(join(tmpdir(), 'shifr-test-'));
    process.once('exit', () => rmSync(run, { recursive: true, force: true }));
    runScratch = run;
  }
  return mkdtempSync(join(runScratch, `${purpose}-`));
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

/** Runs `shifr …` in this process and captures its output. */
export async function runCli(argv: string[]): Promise<CliResult> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(argv, { stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
