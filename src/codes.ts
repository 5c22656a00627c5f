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
  'SHF-INGEST-013': { severity: 'warning', summary: 'No archival reference was found: none in the citation, or no citation on the page.' },
  'SHF-INGEST-015': { severity: 'warning', summary: 'The telegram\'s own date (its dateline or closing date) differs from the date the page gives it; the page\'s date is kept as the sent date.' },
  'SHF-INGEST-014': { severity: 'info', summary: 'The page gives no Wilson Center record ID (no footer, a cut-off footer, no document URL); the TEI file is named shifr-<hash of its text> instead of wcda-<id>.' },

  // --- encode: model -> TEI ------------------------------------------------------------------
  'SHF-ENCODE-001': { severity: 'error', summary: 'The page has no telegram text to encode; no TEI file is written for it.' },
  'SHF-ENCODE-002': { severity: 'error', summary: 'Two pages give the same edition id (the same Wilson Center record); the second is not written.' },
  'SHF-ENCODE-003': { severity: 'info', summary: 'A paragraph has no counterpart in the other language after alignment; it is left without @corresp (check the alignment).' },
  'SHF-ENCODE-004': { severity: 'error', summary: 'The page contains a character XML 1.0 cannot hold (a control character); no TEI file is written for it.' },
  'SHF-ENCODE-005': { severity: 'error', summary: 'The encoder failed on a page (a defect of shifr); no TEI file is written for it, the other pages are converted.' },

  // --- XML well-formedness and security --------------------------------------------------------
  'SHF-XML-001': { severity: 'error', summary: 'The document is not well-formed XML.' },
  'SHF-XML-002': { severity: 'error', summary: 'The DOCTYPE declares entities; refused (no DTD, no entity expansion).' },
  'SHF-XML-003': { severity: 'error', summary: 'The file is not UTF-8 (or declares another encoding).' },

  // --- RELAX NG ------------------------------------------------------------------------------
  'SHF-RNG-001': { severity: 'error', summary: 'Element not allowed here (the expected elements are listed).' },
  'SHF-RNG-002': { severity: 'error', summary: 'Attribute not allowed here.' },
  'SHF-RNG-003': { severity: 'error', summary: 'Attribute value invalid (the allowed values or datatype are named).' },
  'SHF-RNG-004': { severity: 'error', summary: 'Element incomplete: a required element or attribute is missing.' },
  'SHF-RNG-005': { severity: 'error', summary: 'Text not allowed here.' },
  'SHF-RNG-006': { severity: 'error', summary: 'Duplicate ID.' },
  'SHF-RNG-007': { severity: 'error', summary: 'IDREF refers to no element with that ID.' },
  'SHF-RNG-008': { severity: 'error', summary: 'Character content of an element is not a valid value of its datatype.' },
  'SHF-RNG-010': { severity: 'error', summary: 'The RELAX NG schema itself is incorrect or cannot be read.' },

  // --- Schematron (the edition's rules; ids shared with odd/shifr.odd) ----------------------------
  'SHF-SCH-001': { severity: 'error', summary: 'A Schematron schema is in error and cannot be compiled (placed in the schema).' },
  'SHF-SCH-002': { severity: 'error', summary: 'A Schematron assertion without an id failed (severity from its role).' },
  'SHF-SCH-003': { severity: 'error', summary: 'A Schematron report without an id fired (severity from its role).' },
  'SHF-SCH-004': { severity: 'error', summary: 'A document is not well-formed, so Schematron was not run on it.' },
  'SHF-SCH-005': { severity: 'error', summary: 'A Schematron rule raised a dynamic XPath error on a document.' },
  'SHF-REF-001': { severity: 'error', summary: 'A @ref, @corresp or @target points at no element (no such xml:id in the file it names).' },
  'SHF-REF-002': { severity: 'error', summary: 'A pointer names a file that is not beside the document (expected persons.xml, places.xml, archives.xml…).' },
  'SHF-REF-003': { severity: 'error', summary: 'A name points at the wrong kind of entry (persName at a person, placeName at a place, repository/orgName at an org).' },
  'SHF-ALIGN-001': { severity: 'error', summary: 'A paragraph\'s @corresp points at something other than a paragraph.' },
  'SHF-ALIGN-002': { severity: 'error', summary: 'A paragraph\'s @corresp points at a paragraph of the same version (original to original).' },
  'SHF-ALIGN-003': { severity: 'error', summary: 'Alignment is one-way: the paragraph pointed at does not point back.' },
  'SHF-DATE-001': { severity: 'error', summary: 'The date of sending (correspAction type="sent") has no ISO @when.' },
  'SHF-DATE-002': { severity: 'error', summary: 'The date of sending disagrees with the date the Wilson Center page gives.' },
  'SHF-DIV-001': { severity: 'warning', summary: 'The telegram has no division with its original text (div type="original"): the source page published only a translation.' },
  'SHF-DIV-002': { severity: 'warning', summary: 'The telegram has no English translation (div type="translation").' },
  'SHF-DIV-003': { severity: 'error', summary: 'The translation division is not marked xml:lang="en".' },
  'SHF-DIV-004': { severity: 'error', summary: 'A version (div directly in the body) lacks its xml:id or xml:lang.' },
  'SHF-DIV-005': { severity: 'error', summary: 'A division stands at the wrong level: original/translation directly in the body, parts inside them.' },
  'SHF-LANG-001': { severity: 'warning', summary: 'A division\'s language is not declared in profileDesc/langUsage.' },
  'SHF-ID-001': { severity: 'error', summary: 'An xml:id is used more than once in a file.' },
  'SHF-ID-002': { severity: 'warning', summary: 'A paragraph id does not follow "<division id>-p<N>".' },
  'SHF-ARCH-001': { severity: 'error', summary: 'An msIdentifier/altIdentifier idno is not of type "archival".' },
  'SHF-ARCH-002': { severity: 'warning', summary: 'An archival reference lacks its fond or its delo (some citations do not give them).' },
  'SHF-ARCH-003': { severity: 'error', summary: 'An archival reference holds something other than its parts (fond, opis, delo, papka, folio).' },
  'SHF-ARCH-004': { severity: 'error', summary: 'An archival reference gives a part twice.' },
  'SHF-ARCH-005': { severity: 'error', summary: 'A part of an archival reference (fond, delo…) stands outside idno type="archival".' },
  'SHF-TEL-001': { severity: 'warning', summary: 'The outgoing telegram numbers found in different parts of the page disagree.' },
  'SHF-TEL-002': { severity: 'error', summary: 'A telegram number in msItem lacks type="telegram", @subtype or @source.' },

  // --- ODD and validation ----------------------------------------------------------------------
  'SHF-ODD-001': { severity: 'error', summary: 'The ODD cannot be compiled into RELAX NG / Schematron / HTML.' },
  'SHF-ODD-002': { severity: 'error', summary: 'A schema generated from the ODD is stale: regenerate it with "shifr odd".' },
  'SHF-VAL-001': { severity: 'error', summary: 'A file is too large to validate (the limit protects memory).' },

  // --- XSLT stylesheets -------------------------------------------------------------------------
  'SHF-XSLT-001': { severity: 'error', summary: 'An XSLT stylesheet does not compile (xslt3 error, placed in the stylesheet).' },

  // --- publish ---------------------------------------------------------------------------------
  'SHF-PUB-001': { severity: 'error', summary: 'A TEI file could not be turned into its page (not well-formed, or the stylesheet failed on it); it is left out of the site.' },
  'SHF-PUB-002': { severity: 'warning', summary: 'A telegram\'s xml:id differs from its file name; the page is named after the file.' },
  'SHF-PUB-003': { severity: 'warning', summary: 'An authority file (persons.xml, places.xml, archives.xml) is missing beside the telegrams.' },
  'SHF-PUB-004': { severity: 'error', summary: 'The search index (pagefind) reported an error.' },
  'SHF-PUB-005': { severity: 'info', summary: 'The encoding guidelines are not in the site yet; the navigation does not link them.' },
};

export function codeInfo(code: string): CodeInfo {
  const info = CODES[code];
  if (!info) throw new Error(`diagnostic code ${code} is not in the catalogue (src/codes.ts)`);
  return info;
}
