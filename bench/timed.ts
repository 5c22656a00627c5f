/**
 * A whole process, timed: wall seconds, and CPU seconds (user + system) of it and of every
 * process it waited for (pagefind's binary under a publish, the JVM's threads), from
 * /proc/self/stat. On a shared machine wall time measures the other processes too; CPU time
 * measures the work.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { nodeChildEnv } from '../src/childenv.js';

export interface TimedRun {
  seconds: number;
  /** Undefined where the system does not tell (no /proc). */
  cpuSeconds?: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** CPU seconds used so far by this process's finished (waited-for) children, or undefined. */
function childrenCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of stat(5) (cutime, cstime), counted from field 3 here, in clock ticks (100/s).
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

/**
 * Runs `command` to its end and says how long it took. Node children start without
 * NODE_EXTRA_CA_CERTS (see `nodeChildEnv`): set on some machines, it would add the parsing of a
 * certificate bundle, which shifr never uses, to every figure.
 */
export function runTimed(command: string, args: readonly string[]): TimedRun {
  const cpu0 = childrenCpuSeconds();
  const started = performance.now();
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 << 20, env: nodeChildEnv() });
  const seconds = (performance.now() - started) / 1000;
  const cpu1 = childrenCpuSeconds();
  return {
    seconds,
    ...(cpu0 !== undefined && cpu1 !== undefined ? { cpuSeconds: cpu1 - cpu0 } : {}),
    status: r.status,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
  };
}

/** The middle item of `items` (the upper middle of an even number) by `value`: the figure a benchmark reports of several runs. */
export function medianBy<T>(items: readonly T[], value: (item: T) => number): T {
  if (items.length === 0) throw new Error('the median of no runs');
  return [...items].sort((a, b) => value(a) - value(b))[Math.floor(items.length / 2)]!;
}
