/** `shifr <command> …`: dispatches to the subcommands and turns usage errors into exit code 2. */
import { EXIT, UsageError, type Command, type CommandIO, usageDiagnostic, reportDiagnostics } from './command.js';

/**
 * The subcommands, each loaded only when it runs: a command's module graph (the validators, the
 * converter, the publisher) costs tens of milliseconds to load, and `shifr validate` on a folder
 * is timed as a whole process.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  convert: async () => (await import('./commands/convert.js')).convertCommand,
  build: async () => (await import('./commands/build.js')).buildCommand,
  publish: async () => (await import('./commands/publish.js')).publishCommand,
  odd: async () => (await import('./commands/odd.js')).oddCommand,
  validate: async () => (await import('./commands/validate.js')).validateCommand,
};
const NAMES = Object.keys(COMMANDS);

async function mainHelp(): Promise<string> {
  const commands = await Promise.all(NAMES.map((n) => COMMANDS[n]!()));
  const width = Math.max(...NAMES.map((n) => n.length), 8);
  return [
    'shifr — TEI-XML digital editions of archival ciphered telegrams',
    '',
    'Usage: shifr <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "shifr <command> --help" for the options of a command.',
    'Exit codes: 0 success, 1 invalid input or errors found, 2 usage error or unreadable input.',
  ].join('\n');
}

export async function main(argv: string[], io: CommandIO = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write((await mainHelp()) + '\n');
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version') {
    io.stdout.write('shifr 0.1.0\n');
    return EXIT.ok;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    reportDiagnostics(io, [usageDiagnostic('', `unknown command "${name}"; expected one of ${NAMES.map((n) => `"${n}"`).join(', ')}`)]);
    return EXIT.usage;
  }
  const command = await load();
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
