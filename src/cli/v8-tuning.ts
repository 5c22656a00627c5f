/**
 * V8 settings for shifr's own processes (the `shifr` command and the benchmarks that measure it),
 * never applied by the library: they are process-wide, and a program that imports shifr keeps
 * its own.
 *
 * A smaller budget for what V8's optimising compiler inlines into one function (920 bytes of
 * bytecode by default). shifr's runs last seconds and its hot code is many small functions
 * (ingest's line classifiers, the encoder, the Schematron engine's compiled XPath): with the
 * default, compiling them was a large part of a run. Counted by callgrind under `node
 * --single-threaded --predictable`, which runs the compiler on the main thread:
 *   - validating 1,003 telegrams: 9.13 → 8.66 G instructions, the steady work per telegram
 *     6.86 → 6.46 M;
 *   - converting 1,000 pages: 9.18 → 8.64 G.
 * A budget of 460 gave about half of that; 920 is V8's default.
 *
 * Regular expressions compiled to machine code at once (`--no-regexp-tier-up`) instead of first to
 * bytecode and again to machine code once they have run: ingest's ~230 patterns all run on every
 * page, so each was compiled twice — and parsed twice, with every \p{L} of them looked up anew in
 * ICU. Converting 1,000 pages: 8.65 → 8.51 G instructions; validation does not change (8.66 G).
 *
 * No loop peeling in the optimising compiler (`--no-turbo-loop-peeling`): peeling copies a loop's
 * first iteration to hoist its checks, which makes every optimised function with a loop bigger to
 * compile. Converting 1,000 pages: 8.51 → 8.21 G (pages 1,000 to 2,000 of a longer run: 5.88 →
 * 5.85 M a page); validating 1,003 telegrams: 8.66 → 8.54 G, though the steady work per telegram
 * grows by 0.3 % (6.44 → 6.46 M). Escape analysis, load elimination, node splitting,
 * array-builtin inlining and the mid-tier register allocator were measured too: each changed
 * converting by under 0.5 %.
 */
import { setFlagsFromString } from 'node:v8';

export const V8_FLAGS = ['--max-inlined-bytecode-size-cumulative=230', '--no-regexp-tier-up', '--no-turbo-loop-peeling'] as const;

/** Applies `V8_FLAGS` to this process (worker threads share them); call before the hot code first runs. */
export function tuneV8(): void {
  for (const flag of V8_FLAGS) setFlagsFromString(flag);
}
