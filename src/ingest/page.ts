/**
 * The scraped page as lines. Normalises what the scrape adds around the text — a BOM, CRLF or CR
 * line ends, NBSP-only spacer lines, markdown headings and bold — while keeping each line's raw
 * text and number, so that every block can carry its exact source and diagnostics their place.
 */

/** One line of the page. `raw` is the line as in the file (without its line end). */
export interface PageLine {
  /** 1-based line number in the file. */
  no: number;
  /** 1-based column where `raw` starts (greater than 1 when a line was split, e.g. after a contents list). */
  column: number;
  raw: string;
  /** `raw` without markdown heading marks and bold, NBSP as space, runs of spaces collapsed, trimmed. */
  clean: string;
  /** The markdown heading level (`#` count) the line had, 0 for none. */
  heading: number;
  /** True for an empty line or one of only spaces / NBSPs. */
  blank: boolean;
}

const NBSP = /\u00a0/g;
const SPACES = /[ \t\u00a0\u2007\u202f]+/g;

/** Splits a page into lines; the BOM goes, any line end (CRLF, LF, CR) ends a line. */
export function splitLines(text: string): PageLine[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const raws = body.indexOf('\r') >= 0 ? body.split(/\r\n|\n|\r/) : body.split('\n');
  const lines: PageLine[] = [];
  for (let i = 0; i < raws.length; i++) lines.push(makeLine(raws[i]!, i + 1, 1));
  return lines;
}

/** Builds a line record from raw text (also used for the rest of a split line). */
export function makeLine(raw: string, no: number, column: number): PageLine {
  let heading = 0;
  let s = raw;
  const hash = raw.indexOf('#');
  const m = hash >= 0 && hash < 4 ? /^\s{0,3}(#{1,6})(?:\s+|$)/.exec(s) : null;
  if (m) {
    heading = m[1]!.length;
    s = s.slice(m[0].length);
  }
  const clean = cleanText(s);
  return { no, column, raw, clean, heading, blank: clean.length === 0 && !/\S/.test(raw.replace(NBSP, ' ')) };
}

/**
 * Text without scrape markup: bold `**` removed (single `*` kept — it marks handwriting and is
 * parsed inline), NBSP as space, runs of spaces collapsed, trimmed.
 */
export function cleanText(s: string): string {
  let out = s.indexOf('**') >= 0 ? s.replace(/\*\*/g, '') : s;
  // Most lines have single spaces only: test before rewriting (two plain searches, faster than
  // one alternation tried at every position).
  if (out.indexOf('  ') >= 0 || ODD_SPACE.test(out)) out = out.replace(SPACES, ' ');
  return out.trim();
}

const ODD_SPACE = /[\t\u00a0\u2007\u202f]/;

/** Cleans text further for metadata values: also drops the single `*` of emphasis. */
export function plainText(s: string): string {
  return cleanText(s.indexOf('*') >= 0 ? s.replace(/\*/g, '') : s);
}

/** True for a line that holds only markup and no text: "###", "**", "---", "___". */
export function isMarkupOnly(line: PageLine): boolean {
  if (line.blank) return false;
  return /^[\s\u00a0#*_=~`>|-]+$/.test(line.raw);
}
