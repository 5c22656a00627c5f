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

  // --- encode: model -> TEI ------------------------------------------------------------------

  // --- XML well-formedness and security --------------------------------------------------------

  // --- RELAX NG ------------------------------------------------------------------------------

  // --- Schematron (the edition's rules; ids shared with odd/shifr.odd) ----------------------------

  // --- publish ---------------------------------------------------------------------------------
};

export function codeInfo(code: string): CodeInfo {
  const info = CODES[code];
  if (!info) throw new Error(`diagnostic code ${code} is not in the catalogue (src/codes.ts)`);
  return info;
}
