/** Shared helpers for the test suite: where the project lives, and running the CLI in-process. */
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../src/cli/main.js';

/** The project root (tests run from lib/test/, compiled). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

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
