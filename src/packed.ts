/**
 * `Array#map` whose result has one elements kind however the calling code runs. The built-in gives
 * a packed array, but once TurboFan inlines it into an optimised caller the result is holey — a
 * hidden class of its own. Every hot reader of such an array (the blocks of a version, the lines
 * of a field, the encoders of a page) then met a map it had not seen when it was optimised, and went
 * back to the interpreter to be compiled again: some ten recompilations in a run of 1,000 pages.
 * An array grown by `push` from `[]` stays packed.
 */
export function packedMap<T, U>(items: readonly T[], f: (item: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) out.push(f(items[i]!, i));
  return out;
}
