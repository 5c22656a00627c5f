/**
 * XML's white space — space, tab, carriage return, line feed (XML 1.0 production S) — as the
 * validators need it: XSD's `collapse` facet and XPath's normalize-space() are one operation on
 * these four characters. Both run on every attribute value and many text nodes, nearly all of
 * which need no change: a scan answers those without a regular expression or a new string.
 */

/** Is every character of `s` XML white space (true for '')? */
export function isXmlWhitespace(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** Would collapsing change `s` (a tab, newline or carriage return, two spaces, a space at either end)? */
function needsCollapsing(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  if (s.charCodeAt(0) === 32 || s.charCodeAt(n - 1) === 32) return true;
  let space = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (space) return true;
      space = true;
    } else if (c === 9 || c === 10 || c === 13) return true;
    else space = false;
  }
  return false;
}

/** Runs of white space made one space, and none at either end (XSD collapse, XPath normalize-space). */
export function collapseWhitespace(s: string): string {
  return needsCollapsing(s) ? s.replace(/[ \t\n\r]+/g, ' ').replace(/^ | $/g, '') : s;
}
