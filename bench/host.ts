/**
 * How fast the host runs at the moment: a fixed piece of work that is not shifr's (sorting numbers,
 * building strings and looking them up in a map), timed after a warm-up, so that its time moves
 * only with the machine. On a machine shared with other work the same shifr run was measured at
 * anything from 1.7 to 3 s within an hour; printed beside each benchmark, the probe tells a slow
 * figure of shifr from a slow moment of the machine (a probe well above its usual time means the
 * figures beside it are the machine's as much as shifr's).
 */
import { medianBy } from './timed.js';

/** The fixed work: 47–60 ms on the project's 2-vCPU Xeon (2.5 GHz) when it is quiet, 70–85 ms on a busy moment. */
function work(): number {
  let seed = 20261123;
  const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  const numbers = new Float64Array(200_000);
  for (let i = 0; i < numbers.length; i++) numbers[i] = next();
  numbers.sort();
  const seen = new Map<string, number>();
  let sum = 0;
  for (let i = 0; i < 60_000; i++) {
    const key = `k${next() % 20_000}-${i & 7}`;
    sum += (seen.get(key) ?? 0) + key.length;
    seen.set(key, i);
  }
  return sum + numbers[numbers.length >> 1]!;
}

/** Milliseconds of the fixed work: the median of `runs` timings, after one untimed run. */
export function hostProbe(runs = 5): number {
  work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return medianBy(times, (t) => t);
}
