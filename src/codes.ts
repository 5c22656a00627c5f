/**
 * The catalogue of diagnostic codes. A code is stable once published: tests and the ODD's
 * Schematron asserts refer to it; wording may change, codes do not. Each area keeps its own
 * block, ordered by number. `SHF-…` codes are shifr's own; RELAX NG and XML codes describe
 * failures of the standards themselves.
 */
import type { Severity } from './diagnostics.js';

export interface CodeInfo {
  severity: Severity;
  /** One line saying what the code means, for documentation and `--help`. */
  summary: string;
}

export const CODES: Record<string, CodeInfo> = {
  // --- command line and files -------------------------------------------------------------
  'SHF-CLI-001': { severity: 'error', summary: 'Unknown command or option, or a missing argument.' },
  'SHF-IO-001': { severity: 'error', summary: 'A file or directory cannot be read.' },
  'SHF-IO-002': { severity: 'error', summary: 'A file cannot be written.' },
  'SHF-IO-003': { severity: 'error', summary: 'A generated file was edited by hand since it was written; not overwritten without --force.' },

  // --- ingest: scraped page -> model ---------------------------------------------------------
  'SHF-INGEST-001': { severity: 'error', summary: 'No telegram found in the page (an HTML page, search results, or unrelated text); no model is made.' },
  'SHF-INGEST-002': { severity: 'warning', summary: 'The page has no English translation of the telegram.' },
  'SHF-INGEST-003': { severity: 'warning', summary: 'The page has no text in the original language (only the translation).' },
  'SHF-INGEST-004': { severity: 'warning', summary: 'The page seems cut off: it ends mid-text and has no "Document Information" footer.' },
  'SHF-INGEST-005': { severity: 'warning', summary: 'A part of an archival reference was not understood (expected fond, opis, delo, papka or folios).' },
  'SHF-INGEST-006': { severity: 'warning', summary: 'The date of the telegram was not found or not understood.' },
  'SHF-INGEST-007': { severity: 'error', summary: 'The file is empty.' },
  'SHF-INGEST-008': { severity: 'error', summary: 'The file is binary (contains NUL bytes), not a text page.' },
  'SHF-INGEST-009': { severity: 'error', summary: 'The file is not valid UTF-8 (e.g. windows-1251 or UTF-16); it is not decoded by guessing.' },
  'SHF-INGEST-010': { severity: 'error', summary: 'The file is larger than the maximum page size ingest accepts.' },
  'SHF-INGEST-011': { severity: 'warning', summary: 'The page has no title line; the title was taken from the citation or is missing.' },
  'SHF-INGEST-012': { severity: 'info', summary: 'Text before the page\'s date line (another document\'s summary or teaser) was set aside.' },
  'SHF-INGEST-013': { severity: 'warning', summary: 'No archival reference was found in the citation.' },

  // --- encode: model -> TEI ------------------------------------------------------------------

  // --- XML well-formedness and security --------------------------------------------------------

  // --- RELAX NG ------------------------------------------------------------------------------

  // --- Schematron (the edition's rules; ids shared with odd/shifr.odd) ----------------------------
  'SHF-SCH-001': { severity: 'error', summary: 'A Schematron schema is in error and cannot be compiled (placed in the schema).' },
  'SHF-SCH-002': { severity: 'error', summary: 'A Schematron assertion without an id failed (severity from its role).' },
  'SHF-SCH-003': { severity: 'error', summary: 'A Schematron report without an id fired (severity from its role).' },
  'SHF-SCH-004': { severity: 'error', summary: 'A document is not well-formed, so Schematron was not run on it.' },
  'SHF-SCH-005': { severity: 'error', summary: 'A Schematron rule raised a dynamic XPath error on a document.' },

  // --- XSLT stylesheets -------------------------------------------------------------------------
  'SHF-XSLT-001': { severity: 'error', summary: 'An XSLT stylesheet does not compile (xslt3 error, placed in the stylesheet).' },

  // --- publish ---------------------------------------------------------------------------------
};

export function codeInfo(code: string): CodeInfo {
  const info = CODES[code];
  if (!info) throw new Error(`diagnostic code ${code} is not in the catalogue (src/codes.ts)`);
  return info;
}
