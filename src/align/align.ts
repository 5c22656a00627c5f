/**
 * Pairs the paragraphs of an original with those of its translation. A Gale–Church dynamic
 * programme over paragraph lengths, with bonuses for shared anchors (numbers, resolved persons and
 * places) and penalties for anchors found on one side only. Beads: 1–1, 1–0, 0–1 (a paragraph
 * with no counterpart, such as an archival service note), 2–1 and 1–2 (a paragraph split in two
 * in one version). Position alone never decides: an extra paragraph on one side shifts nothing.
 */
import { anchorsOf } from './anchors.js';

export interface AlignUnit {
  id: string;
  text: string;
  /** The paragraph's anchors when the caller already knows them (the encoder does); else computed from the text. */
  anchors?: Set<string>;
}

/** One bead of the alignment: the original paragraphs and the translated ones paired together. */
export interface Bead {
  source: string[];
  target: string[];
}

interface Prepared {
  id: string;
  length: number;
  /** The anchors as numbers (see `prepare`), ascending. */
  anchors: Int32Array;
}

/**
 * Prior probabilities of the bead shapes. Gale & Church (1993) measured sentences (1–0: 0.01,
 * 2–1: 0.089); telegram paragraphs are more often unpaired (service notes, a paragraph only in
 * the archival copy) and more rarely split, so 1–0 and 2–1 get the same, moderate prior.
 */
const PRIOR = { '1-1': 0.9, '1-0': 0.02, '0-1': 0.02, '2-1': 0.02, '1-2': 0.02 } as const;
const PRIOR_COST = Object.fromEntries(Object.entries(PRIOR).map(([k, v]) => [k, -Math.log(v)])) as Record<keyof typeof PRIOR, number>;
/** Variance of the length ratio per character (Gale & Church's s²). */
const VARIANCE = 6.8;
/** Cost taken off per anchor both sides share, and added per anchor only one side has. */
const SHARED_BONUS = 2.5;
const UNSHARED_PENALTY = 1.5;

/**
 * The units with their lengths and anchors. Anchors become numbers, the same anchor the same
 * number on both sides (`numbers`), sorted: the programme compares anchor sets thousands of
 * times per document, and merging two short sorted arrays costs far less than probing sets of strings.
 */
function prepare(units: readonly AlignUnit[], numbers: Map<string, number>): Prepared[] {
  const out: Prepared[] = [];
  for (const u of units) {
    const set = u.anchors ?? anchorsOf(u.text);
    const anchors = new Int32Array(set.size);
    let k = 0;
    for (const a of set) {
      let n = numbers.get(a);
      if (n === undefined) numbers.set(a, (n = numbers.size));
      anchors[k++] = n;
    }
    // A length that is always a small integer (Math.max may give a float once optimised, which
    // changes the records' shape and sends the programme back to the interpreter).
    const length = u.text.length > 0 ? u.text.length : 1;
    out.push({ id: u.id, length, anchors: anchors.sort() });
  }
  return out;
}

/** Standard normal cumulative distribution (Abramowitz & Stegun 26.2.17). */
function normalCdf(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const d = 0.3989423 * Math.exp((-z * z) / 2);
  const p = d * t * (0.3193815 + t * (-0.3565638 + t * (1.781478 + t * (-1.821256 + t * 1.330274))));
  return z > 0 ? 1 - p : p;
}

function lengthCost(sourceLength: number, targetLength: number, ratio: number): number {
  if (sourceLength === 0 && targetLength === 0) return 0;
  const mean = (sourceLength + targetLength / ratio) / 2;
  const delta = (targetLength - sourceLength * ratio) / Math.sqrt(mean * VARIANCE);
  const p = 2 * (1 - normalCdf(Math.abs(delta)));
  return -Math.log(Math.max(p, 1e-12));
}

/**
 * The union of two ascending anchor arrays, ascending: written into a typed array made to the
 * larger size, cut when anchors were shared (`Int32Array.from` an array walks it by the iterator
 * protocol, the slowest way to fill one).
 */
function union(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) out[k++] = a[i++]!;
    else if (i >= a.length || b[j]! < a[i]!) out[k++] = b[j++]!;
    else {
      out[k++] = a[i++]!;
      j++;
    }
  }
  return k === out.length ? out : out.slice(0, k);
}

/**
 * The anchors' cost of pairing `a` with `b`. `fragment`: `b` is a paragraph the page breaks off in, so that `a`'s
 * anchors missing from it may stand in its lost part and cost nothing; only its own unshared anchors do.
 */
function anchorCost(a: Int32Array, b: Int32Array, fragment: boolean): number {
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (b[j]! < a[i]!) j++;
    else {
      shared++;
      i++;
      j++;
    }
  }
  const unshared = fragment ? b.length - shared : a.length + b.length - 2 * shared;
  return -SHARED_BONUS * shared + UNSHARED_PENALTY * unshared;
}

const NO_ANCHORS = new Int32Array(0);

/**
 * The length and anchors of the paragraphs [i, i+n) of one side (n = 0, 1 or 2), pairs precomputed.
 * `pairAnchors` has one entry per paragraph (the last one's is empty, never read), so that every
 * side's arrays have the same shape: a side of one paragraph gave an empty array, whose different
 * map sent the optimised programme back to the interpreter (and to another compilation).
 */
class Side {
  private readonly pairAnchors: Int32Array[] = [];

  /** `cutLast`: the page breaks off inside this side's last paragraph, whose length is then only a lower bound. */
  constructor(
    readonly ps: readonly Prepared[],
    readonly cutLast: boolean,
  ) {
    for (let i = 0; i < ps.length; i++) this.pairAnchors.push(i + 1 < ps.length ? union(ps[i]!.anchors, ps[i + 1]!.anchors) : NO_ANCHORS);
  }

  length(i: number, n: number): number {
    return n === 0 ? 0 : n === 1 ? this.ps[i]!.length : this.ps[i]!.length + this.ps[i + 1]!.length;
  }

  anchors(i: number, n: number): Int32Array {
    return n === 1 ? this.ps[i]!.anchors : this.pairAnchors[i]!;
  }
}

function beadCost(s: Side, i: number, di: number, t: Side, j: number, dj: number, ratio: number, prior: number): number {
  // An unpaired paragraph costs its prior only: a service note full of numbers must not be
  // pulled into a neighbour's bead.
  if (di === 0 || dj === 0) return prior;
  let sl = s.length(i, di);
  let tl = t.length(j, dj);
  // A paragraph the page breaks off in is as long as its counterpart says, or longer, and its lost part may hold the
  // counterpart's anchors.
  const targetCut = t.cutLast && j + dj === t.ps.length;
  const sourceCut = s.cutLast && i + di === s.ps.length;
  if (targetCut) tl = Math.max(tl, sl * ratio);
  if (sourceCut) sl = Math.max(sl, tl / ratio);
  const anchors = sourceCut ? anchorCost(t.anchors(j, dj), s.anchors(i, di), true) : anchorCost(s.anchors(i, di), t.anchors(j, dj), targetCut);
  return prior + lengthCost(sl, tl, ratio) + anchors;
}

/** The bead shapes: paragraphs taken from the source (`SHAPE_DI`), from the target (`SHAPE_DJ`), and the prior cost. */
const SHAPES: Array<[number, number, keyof typeof PRIOR]> = [
  [1, 1, '1-1'],
  [1, 0, '1-0'],
  [0, 1, '0-1'],
  [2, 1, '2-1'],
  [1, 2, '1-2'],
];
const SHAPE_DI = Int32Array.from(SHAPES, (x) => x[0]);
const SHAPE_DJ = Int32Array.from(SHAPES, (x) => x[1]);
const SHAPE_PRIOR = Float64Array.from(SHAPES, (x) => PRIOR_COST[x[2]]);

/**
 * A bead, made here and nowhere else: beads from three object literals had three hidden classes,
 * and the rare one (a version with no paragraphs) sent the optimised readers of beads back to the
 * interpreter when it came.
 */
function bead(source: string[], target: string[]): Bead {
  return { source, target };
}

/** Beads of one paragraph each, for a side with nothing to pair with. */
function unpaired(units: readonly AlignUnit[], asSource: boolean): Bead[] {
  const beads: Bead[] = [];
  for (const u of units) beads.push(asSource ? bead([u.id], noIds()) : bead(noIds(), [u.id]));
  return beads;
}

/** The ids of the paragraphs [from, to) of one side. */
function ids(ps: readonly Prepared[], from: number, to: number): string[] {
  const out: string[] = [];
  for (let x = from; x < to; x++) out.push(ps[x]!.id);
  return out.length > 0 ? out : noIds();
}

/**
 * An empty list of ids with the hidden class of a full one. To V8 an array literal `[]` holds small
 * integers until something else is put in it — another class than a list of strings — and the
 * readers of beads, optimised on full lists, were sent back to the interpreter by the first empty side.
 */
function noIds(): string[] {
  const none = [''];
  none.pop();
  return none;
}

function totalLength(ps: readonly Prepared[]): number {
  let n = 0;
  for (const p of ps) n += p.length;
  return n;
}

/** What is known of the two sides beyond their paragraphs. */
export interface AlignOptions {
  /**
   * The page breaks off inside this side: its last paragraphs are missing, so the other side's last
   * paragraphs may stay unpaired at no cost, and its length says nothing of the ratio of the languages.
   */
  sourceTruncated?: boolean;
  targetTruncated?: boolean;
  /** Characters of the target per character of the source, when the two sides' totals cannot tell (a side cut off). */
  ratio?: number;
}

/**
 * Aligns two sequences of paragraphs; returns the beads in order, covering every paragraph of
 * both sides exactly once (unpaired ones in beads with an empty side).
 */
export function alignParagraphs(source: readonly AlignUnit[], target: readonly AlignUnit[], options: AlignOptions = {}): Bead[] {
  // One side empty: every paragraph of the other is alone (what the programme finds, without it).
  if (source.length === 0 || target.length === 0) return source.length === 0 ? unpaired(target, false) : unpaired(source, true);
  const numbers = new Map<string, number>();
  const s = prepare(source, numbers);
  const t = prepare(target, numbers);
  const totalS = totalLength(s);
  const totalT = totalLength(t);
  // The ratio of the two languages' lengths, taken from this document itself — unless a side is cut off.
  const truncated = options.sourceTruncated === true || options.targetTruncated === true;
  const ratio = truncated && options.ratio !== undefined && options.ratio > 0 ? options.ratio : totalS > 0 && totalT > 0 ? totalT / totalS : 1;
  const n = s.length;
  const m = t.length;
  const sourceSide = new Side(s, options.sourceTruncated === true);
  const targetSide = new Side(t, options.targetTruncated === true);
  // Row-major (n+1)×(m+1) tables: the cost of the best alignment up to each cell, and the shape
  // (index into SHAPES) of the bead ending there.
  const width = m + 1;
  const cost = new Float64Array((n + 1) * width).fill(Infinity);
  const back = new Int8Array((n + 1) * width).fill(-1);
  cost[0] = 0;
  // A band around the diagonal: no alignment drifts further than this from it (a run of more
  // unpaired paragraphs than the band is wide would be cut short), and it halves the work.
  // A side cut off covers only the other's first paragraphs: the path then keeps near j = i (about a paragraph for a
  // paragraph), not near the diagonal of the whole table.
  const band = Math.max(8, truncated ? 4 : Math.abs(n - m) + 4);
  for (let i = 0; i <= n; i++) {
    const centre = truncated ? i : Math.round((i * m) / n);
    const last = Math.min(m, centre + band);
    for (let j = Math.max(0, centre - band); j <= last; j++) {
      const here = cost[i * width + j]!;
      if (here === Infinity) continue;
      for (let k = 0; k < SHAPE_DI.length; k++) {
        const di = SHAPE_DI[k]!;
        const dj = SHAPE_DJ[k]!;
        if (i + di > n || j + dj > m) continue;
        const c = here + beadCost(sourceSide, i, di, targetSide, j, dj, ratio, SHAPE_PRIOR[k]!);
        const at = (i + di) * width + j + dj;
        if (c < cost[at]!) {
          cost[at] = c;
          back[at] = k;
        }
      }
    }
  }
  const beads: Bead[] = [];
  let i = n;
  let j = m;
  // A side cut off ends the alignment where its last paragraph is paired: the other side's paragraphs after that
  // have no counterpart on the page, and cost nothing.
  if (options.targetTruncated) {
    for (let x = 0; x <= n; x++) if (cost[x * width + m]! < cost[i * width + m]!) i = x;
    for (let x = n; x > i; x--) beads.push(bead([s[x - 1]!.id], noIds()));
  } else if (options.sourceTruncated) {
    for (let y = 0; y <= m; y++) if (cost[n * width + y]! < cost[n * width + j]!) j = y;
    for (let y = m; y > j; y--) beads.push(bead(noIds(), [t[y - 1]!.id]));
  }
  while (i > 0 || j > 0) {
    const k = back[i * width + j]!;
    const di = SHAPE_DI[k]!;
    const dj = SHAPE_DJ[k]!;
    beads.push(bead(ids(s, i - di, i), ids(t, j - dj, j)));
    i -= di;
    j -= dj;
  }
  return beads.reverse();
}

/** The `@corresp` targets of each paragraph id, both ways, from the beads (a 2–1 bead gives the single side two targets). */
export function correspondences(beads: readonly Bead[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const add = (from: string, to: string): void => {
    const list = map.get(from) ?? [];
    if (!list.includes(to)) list.push(to);
    map.set(from, list);
  };
  for (const b of beads) {
    for (const a of b.source) for (const c of b.target) {
      add(a, c);
      add(c, a);
    }
  }
  return map;
}
