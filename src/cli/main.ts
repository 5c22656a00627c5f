/** `shifr <command> …`: dispatches to the subcommands and turns usage errors into exit code 2. */
import { EXIT, UsageError, type Command, type CommandIO, usageDiagnostic, reportDiagnostics } from './command.js';
import { publishCommand } from './commands/publish.js';
import { convertCommand } from './commands/convert.js';
import { buildCommand } from './commands/build.js';
import { oddCommand } from './commands/odd.js';
import { validateCommand } from './commands/validate.js';

const COMMANDS: Command[] = [convertCommand, buildCommand, publishCommand, oddCommand, validateCommand];

/** Registered by each command module; keeps the list in one place for `--help`. */
export function commands(): readonly Command[] {
  return COMMANDS;
}

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), 8);
  return [
    'shifr — TEI-XML digital editions of archival ciphered telegrams',
    '',
    'Usage: shifr <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "shifr <command> --help" for the options of a command.',
    'Exit codes: 0 success, 1 invalid input or errors found, 2 usage error or unreadable input.',
  ].join('\n');
}

export async function main(argv: string[], io: CommandIO = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(mainHelp() + '\n');
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version') {
    io.stdout.write('shifr 0.1.0\n');
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    reportDiagnostics(io, [usageDiagnostic('', `unknown command "${name}"; expected one of ${COMMANDS.map((c) => `"${c.name}"`).join(', ')}`)]);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.help.trimEnd() + '\n');
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      reportDiagnostics(io, [usageDiagnostic(command.name, e.message)]);
      return EXIT.usage;
    }
    throw e;
  }
}
