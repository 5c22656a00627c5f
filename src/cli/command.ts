/** What every `shifr` subcommand provides, and the option parsing they share. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { diagnostic, formatDiagnostic, type Diagnostic } from '../diagnostics.js';

/** Exit codes with one meaning across all commands. */
export const EXIT = {
  ok: 0,
  /** The input was read but is invalid / had errors (some output may still have been written for other inputs). */
  invalid: 1,
  /** Usage error, or input that cannot be read at all. */
  usage: 2,
} as const;

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full `--help` text: usage line, description, options, examples. */
  help: string;
  run(argv: string[], io: CommandIO): Promise<number>;
}

export interface CommandIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command accepts. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  quiet: { type: 'boolean', short: 'q' },
  format: { type: 'string' },
} as const satisfies Options;

/** Parses argv strictly; unknown options become a UsageError naming what was expected. */
export function parseCommandArgs(argv: string[], options: Options): { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] } {
  try {
    return parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function outputFormat(value: string | undefined): 'text' | 'json' {
  if (value === undefined || value === 'text') return 'text';
  if (value === 'json') return 'json';
  throw new UsageError(`value "${value}" of --format is not one of "text", "json"`);
}

/** Writes diagnostics to stderr as compiler-style lines. */
export function reportDiagnostics(io: CommandIO, ds: readonly Diagnostic[]): void {
  for (const d of ds) io.stderr.write(formatDiagnostic(d) + '\n');
}

export function usageDiagnostic(command: string, message: string): Diagnostic {
  return diagnostic('SHF-CLI-001', `${message} (see "${command ? `shifr ${command}` : 'shifr'} --help")`, { file: 'shifr' });
}
