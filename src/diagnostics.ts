/**
 * The one diagnostic shape of shifr. Every stage — ingest, encode, RELAX NG, Schematron, XSLT,
 * publish — reports problems as `Diagnostic`s, so that the CLI can print them like a compiler
 * (`file:line:column severity code message`) or as JSON, and tests can assert codes and places.
 */
import { codeInfo } from './codes.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Path of the file concerned, as the user gave it (or relative to the working directory). */
  file: string;
  /** 1-based line; 0 when the problem concerns the whole file. */
  line: number;
  /** 1-based column; 0 when unknown or the whole line. */
  column: number;
  severity: Severity;
  /** A stable code from the catalogue in `codes.ts`, e.g. `SHF-INGEST-001`. */
  code: string;
  message: string;
  /** What would have been acceptable at this place (element names, values, a format). */
  expected?: string[];
}

/** Builds a diagnostic whose severity defaults to the one catalogued for its code. */
export function diagnostic(
  code: string,
  message: string,
  place: { file: string; line?: number; column?: number },
  extra: { severity?: Severity; expected?: string[] } = {},
): Diagnostic {
  const d: Diagnostic = {
    file: place.file,
    line: place.line ?? 0,
    column: place.column ?? 0,
    severity: extra.severity ?? codeInfo(code).severity,
    code,
    message,
  };
  if (extra.expected && extra.expected.length > 0) d.expected = extra.expected;
  return d;
}

/** Quotes a list of expected things the way jing does: "a", "b" or "c". */
export function listExpected(items: readonly string[]): string {
  const q = items.map((i) => `"${i}"`);
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

/** One line per diagnostic, compiler style: `tei/x.xml:34:12 error SHF-REF-001 message`. */
export function formatDiagnostic(d: Diagnostic): string {
  const place = d.line > 0 ? `${d.file}:${d.line}:${d.column > 0 ? d.column : 1}` : d.file;
  const expected = d.expected && !d.message.includes('expected') ? `; expected ${listExpected(d.expected)}` : '';
  return `${place} ${d.severity} ${d.code} ${d.message}${expected}`;
}

export function formatDiagnostics(ds: readonly Diagnostic[], format: 'text' | 'json'): string {
  if (format === 'json') return JSON.stringify(ds, null, 2);
  return ds.map(formatDiagnostic).join('\n');
}

export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === 'error');
}

/** Orders diagnostics by file, then place, so output is deterministic whatever the work order. */
export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return ds.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}
