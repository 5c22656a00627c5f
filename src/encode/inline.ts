/**
 * Inline content → TEI phrase-level markup: persons and places tagged from the authority
 * (persName/placeName[@ref], pseudonyms typed), `*…*` → hi[@rend=handwritten], translators'
 * brackets → supplied[@reason=editorial], "[?]" → note[@type=editorial] (see README of encode),
 * "[3]" where the version has a footnote 3 → ref[@type=footnote] to it,
 * "[...]" → gap[@reason=omitted], line breaks inside a block → lb. In datelines and closing lines
 * the date (date[@when]) and the telegram number (idno[@type=telegram]) are tagged too.
 */
import { nameAnchor } from '../align/anchors.js';
import { findNames, pseudonymOutlived } from '../authority/match.js';
import type { Inline } from '../model.js';
import { findDate, findTelegramNumber } from './dates.js';
import { footnoteId } from './ids.js';
import { el, elWith, text, type Element } from './xml.js';

export interface InlineOptions {
  /** Tag the first date (dateline, closing line). */
  dates?: boolean;
  /** Tag the first telegram number (doctype line, closing line). */
  numbers?: boolean;
}

/** What the inline encoder found, for the header and the authority statistics. */
export interface InlineState {
  /** ref ("persons.xml#stalin") → forms as written. */
  refs: Map<string, Set<string>>;
  /** Dates and numbers found in the block just rendered. */
  dates: string[];
  numbers: string[];
  /** The page's date (ISO): a day and month written without a year take its year when they are its day and month. */
  pageDate?: string;
  /** While a paragraph is rendered: the persons and places it names, as alignment anchors. */
  paragraphNames?: Set<string>;
  /** The id of the version's div being rendered, into which its footnotes' anchors point, and the numbers of its footnotes. */
  versionId?: string;
  footnotes?: ReadonlySet<string>;
}

export function newInlineState(pageDate?: string): InlineState {
  const state: InlineState = { refs: new Map(), dates: [], numbers: [] };
  if (pageDate && /^\d{4}-\d{2}-\d{2}$/.test(pageDate)) state.pageDate = pageDate;
  return state;
}

/** A part of a text to tag: a name (with its ref), a date (with @when) or a telegram number. */
interface Span {
  start: number;
  end: number;
  /** The element it becomes. */
  tag: 'persName' | 'placeName' | 'date' | 'idno';
  /** @ref of a name, @when of a date. */
  value: string;
  pseudonym: boolean;
}

function lines(parent: Element, value: string): void {
  if (!value.includes('\n')) {
    text(parent, value);
    return;
  }
  const parts = value.split(/[ \t]*\r?\n[ \t]*/);
  parts.forEach((part, i) => {
    if (i > 0) el(parent, 'lb');
    text(parent, part);
  });
}

function overlaps(spans: readonly Span[], start: number, end: number): boolean {
  for (const x of spans) if (start < x.end && end > x.start) return true;
  return false;
}

/** Writes the text `v` of a span as its element; a name's form is counted in the state's refs. */
function renderSpan(parent: Element, s: Span, v: string, state: InlineState): void {
  switch (s.tag) {
    case 'persName':
    case 'placeName': {
      const forms = state.refs.get(s.value);
      if (forms) forms.add(v);
      else state.refs.set(s.value, new Set([v]));
      const name = elWith(parent, s.tag, 'ref', s.value);
      if (s.pseudonym) name.att('type', 'pseudonym');
      lines(name, v);
      break;
    }
    case 'date':
      lines(elWith(parent, 'date', 'when', s.value), v);
      break;
    case 'idno':
      lines(elWith(parent, 'idno', 'type', 'telegram'), v);
      break;
  }
}

/**
 * A person's or place's @ref ("persons.xml#stalin") and alignment anchor ("person:stalin"), made
 * once per id rather than concatenated for every mention (and hashed again as a new string).
 */
interface Pointer {
  ref: string;
  anchor: string;
}
const personPointers = new Map<string, Pointer>();
const placePointers = new Map<string, Pointer>();

function pointerOf(kind: 'person' | 'place', id: string): Pointer {
  const pointers = kind === 'person' ? personPointers : placePointers;
  let p = pointers.get(id);
  if (p === undefined) {
    p = { ref: `${kind === 'person' ? 'persons' : 'places'}.xml#${id}`, anchor: nameAnchor(kind, id) };
    pointers.set(id, p);
  }
  return p;
}

function renderText(parent: Element, value: string, opts: InlineOptions, state: InlineState): void {
  const spans: Span[] = [];
  for (const name of findNames(value)) {
    if (pseudonymOutlived(name.ref, name.pseudonym, state.pageDate)) continue;
    const pointer = pointerOf(name.kind, name.ref);
    state.paragraphNames?.add(pointer.anchor);
    spans.push({ start: name.start, end: name.end, tag: name.kind === 'person' ? 'persName' : 'placeName', value: pointer.ref, pseudonym: name.pseudonym });
  }
  if (opts.dates && state.dates.length === 0) {
    const d = findDate(value);
    if (d && !overlaps(spans, d.start, d.end)) {
      const when = d.when.startsWith('--') && state.pageDate?.endsWith(d.when.slice(1)) ? state.pageDate : d.when;
      state.dates.push(when);
      spans.push({ start: d.start, end: d.end, tag: 'date', value: when, pseudonym: false });
    }
  }
  if (opts.numbers && state.numbers.length === 0) {
    const n = findTelegramNumber(value);
    if (n && !overlaps(spans, n.start, n.end)) {
      state.numbers.push(n.value);
      spans.push({ start: n.start, end: n.end, tag: 'idno', value: n.value, pseudonym: false });
    }
  }
  if (spans.length > 1) spans.sort((a, b) => a.start - b.start);
  let at = 0;
  for (const s of spans) {
    lines(parent, value.slice(at, s.start));
    renderSpan(parent, s, value.slice(s.start, s.end), state);
    at = s.end;
  }
  lines(parent, value.slice(at));
}

/**
 * Trims the whitespace at the two ends of a block's content, keeping everything inside as written
 * (empty texts left out). The parts are shared, not copied: only a trimmed end is a new part.
 */
export function trimContent(content: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  const last = content.length - 1;
  for (let i = 0; i <= last; i++) {
    let c = content[i]!;
    if (c.kind === 'text') {
      // trimStart/trimEnd strip exactly what /^\s+/ and /\s+$/ match, without a regular
      // expression's scan of every run of spaces in a long paragraph.
      let t = i === 0 ? c.text.trimStart() : c.text;
      if (i === last) t = t.trimEnd();
      if (t === '') continue;
      if (t !== c.text) c = { kind: 'text', text: t };
    }
    out.push(c);
  }
  return out;
}

/** Renders inline content into `parent`. */
export function renderInline(parent: Element, content: readonly Inline[], state: InlineState, opts: InlineOptions = {}): void {
  for (const c of content) {
    switch (c.kind) {
      case 'text':
        renderText(parent, c.text, opts, state);
        break;
      case 'handwritten':
        renderInline(elWith(parent, 'hi', 'rend', 'handwritten'), c.content, state, opts);
        break;
      case 'supplied':
        renderText(elWith(parent, 'supplied', 'reason', 'editorial'), c.text, {}, state);
        break;
      case 'note':
        renderText(el(parent, 'note', { type: 'editorial', place: 'inline' }), c.text, {}, state);
        break;
      case 'noteRef':
        // The note's number as printed, pointing at the note (its text stays where the page prints it, at the version's
        // end); where the page lost the note, the anchor is the note, empty.
        if (state.footnotes?.has(c.n)) el(parent, 'ref', { type: 'footnote', target: `#${footnoteId(state.versionId ?? '', c.n)}` }, c.n);
        else el(parent, 'note', { type: 'editorial', place: 'foot', n: c.n });
        break;
      case 'uncertain':
        el(parent, 'note', { type: 'editorial', place: 'inline' }, '?');
        break;
      case 'gap':
        elWith(parent, 'gap', 'reason', c.reason ?? 'omitted');
        break;
    }
  }
}

/** The plain text of inline content (supplied text included), for alignment and word checks. */
export function plainText(content: readonly Inline[]): string {
  let s = '';
  for (const c of content) {
    switch (c.kind) {
      case 'text':
      case 'supplied':
        s += c.text;
        break;
      case 'handwritten':
        s += plainText(c.content);
        break;
      default:
        s += ' ';
    }
  }
  return s;
}
