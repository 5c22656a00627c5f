/**
 * The typed model of one telegram page, between ingest (scraped text → model) and encode
 * (model → TEI). Only these two stages see it: every later stage reads the TEI files, so that
 * hand edits in `tei/` flow through to validation, publishing and export.
 *
 * Every piece of text keeps the place it came from (`SourceSpan`), so that the encoder can
 * prove that no word of the source was lost and diagnostics can point into the page.
 */

/** Where a piece of the model was read from in the source page (1-based lines). */
export interface SourceSpan {
  line: number;
  column: number;
  endLine: number;
}

/** Inline content of a paragraph-like block, as a sequence of typed segments. */
export type Inline =
  | { kind: 'text'; text: string }
  /** `*…*` in the scrape: handwritten in the original (or italic in a translation). */
  | { kind: 'handwritten'; content: Inline[] }
  /** A translator's or editor's square-bracket addition: "[Stalin]", "[telegram]". */
  | { kind: 'supplied'; text: string }
  /**
   * The translators' or editors' remark in brackets, no text of the telegram: "[Translator's note: …]", "[signature]",
   * "[stamp: …]", "[codename for Stalin]".
   */
  | { kind: 'note'; text: string }
  /** "[3]" where a footnote of the same version has that number: the note's anchor. */
  | { kind: 'noteRef'; n: string }
  /** "[?]" — the editor's doubt about the preceding reading. */
  | { kind: 'uncertain' }
  /** "[...]" inside a line: omitted text; or, at the end of a numbered note, where the page breaks off in it. */
  | { kind: 'gap'; reason?: 'truncated' };

/** The kinds of block that make up a telegram's text, named as the telegram's own parts. */
export type BlockKind =
  | 'letterhead' // "ВТОРОЕ ГЛАВНОЕ УПРАВЛЕНИЕ …", "SECOND MAIN ADMINISTRATION …"
  | 'heading' // a title over the text, as its editors printed it: "毛泽东就同斯大林第一次会谈情况致刘少奇的电报"
  | 'classification' // "Совершенно секретно", "TOP SECRET"
  | 'doctype' // "ШИФРТЕЛЕГРАММА № …", "CIPHERED TELEGRAM No. …"
  | 'priority' // "ВНЕОЧЕРЕДНАЯ", "TOP PRIORITY"
  | 'series' // 'СЕРИЯ "Г"'
  | 'dateline' // "Из Пекина 3.10.1950"
  | 'salute' // addressee line: "ФИЛИППОВУ", "TO FILIPPOV [STALIN]"
  | 'paragraph'
  | 'signature' // "РОЩИН", "FILIPPOV [Stalin]."
  | 'closingDate' // "3.10.50 г.", "№ 431 8.2.52 г."
  | 'distribution' // copy lists: "Экз. № 1 тов. Сталину", "Copies: Stalin (2), …"
  | 'serviceNote' // deciphering / typing / dispatch / registration / certification notes
  | 'pageBreak' // a new sheet begins (folio n)
  | 'continuation' // "Продолжение шифртелеграммы № 16293 Лист 2"
  | 'catchword' // "/см.сл.лист/"
  | 'gap' // a whole "[...]" line
  | 'footnote'; // "[1] 柴,指柴军武…", "[2] On July 26, 1952, …": the editors' numbered notes, at the end of a version

export type ServiceNoteType = 'deciphering' | 'typing' | 'dispatch' | 'registration' | 'certification' | 'service';

export interface Block {
  kind: BlockKind;
  content: Inline[];
  /** Exact source text of the block, for the no-word-lost guarantee. */
  source: string;
  span: SourceSpan;
  /** For serviceNote. */
  noteType?: ServiceNoteType;
  /** For pageBreak / continuation: the sheet number. */
  folio?: string;
  /**
   * For gap: why text is missing — "omitted" by the publisher ("[...]" on the page), or
   * "truncated" where the scraped page breaks off mid-text (default: omitted).
   */
  gapReason?: 'omitted' | 'truncated';
  /** True when the block belongs to a telegram quoted inside this one (see `quotedGroup`). */
  quotedGroup?: number;
  /** For footnote: its number as printed ("1" of "[1]"), which the anchors in the text carry too. */
  n?: string;
}

/** One language version of the telegram's text: the Russian original, a transcript, the translation. */
export interface TextVersion {
  role: 'original' | 'translation';
  /** BCP 47 / ISO 639-1: "ru", "en", "zh". */
  lang: string;
  /** For a page with two Russian versions: the archival copy and the published transcript. */
  subtype?: 'archival' | 'transcript';
  blocks: Block[];
}

/** A person as named in the page, resolved (or not) against the personography. */
export interface NameMention {
  /** As written: "Filippov", "ФИЛИППОВУ". */
  text: string;
  /** Personography id ("stalin") or undefined when unknown — never guessed. */
  ref?: string;
  /** True when `text` is a pseudonym of the person `ref` points to. */
  pseudonym?: boolean;
  /** The editor's bracketed identification written after the name: "Stalin" in "Filippov [Stalin]". */
  supplied?: string;
  /** True when the name is an institution's ("USSR Foreign Ministry"), not a person's: never looked up in the personography. */
  org?: boolean;
}

export interface PlaceMention {
  text: string;
  ref?: string;
}

export interface CorrespAction {
  type: 'sent' | 'received' | 'transmitted';
  persons: NameMention[];
  place?: PlaceMention;
  /** ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD) and the date as written. */
  date?: { when: string; text: string };
}

/** A typed part of an archival reference: fond 45, opis 1, delo 334, folios 105-106. */
export interface ArchivalUnit {
  type: 'fond' | 'opis' | 'delo' | 'papka' | 'folio';
  value: string;
}

export interface ArchivalReference {
  /** Normalised archive siglum: "APRF", "RGASPI", "AVPRF", "TsAMO" … */
  archive: string;
  /** As written in the citation: "AP RF", "APRF". */
  archiveAsWritten: string;
  units: ArchivalUnit[];
  /** The reference exactly as published. */
  text: string;
}

export interface TelegramNumber {
  value: string;
  /** outgoing: the sender's cipher number; incoming: the receiving office's; reference: another telegram referred to. */
  kind: 'outgoing' | 'incoming' | 'reference' | 'unknown';
  /** Which part of the page it was read from. */
  source: 'title' | 'original' | 'translation';
}

export type DocumentType = 'ciphered telegram' | 'telegram' | 'cable' | 'letter' | 'draft' | 'memorandum' | 'report' | 'record' | 'document';

/** Everything ingest learned from one page. */
export interface TelegramPage {
  /** Path of the source page, as given. */
  file: string;
  /** Wilson Center record ID, when the page shows one (footer or URL). */
  recordId?: string;
  /**
   * Without a record ID: the SHA-256 (hex) of the page's title and text lines as the page writes them (spaces
   * collapsed, blank lines left out), which names the file — the same whatever ingest makes of the lines.
   */
  textDigest?: string;
  title?: string;
  /** The date line as published ("October 3, 1950") and its ISO form. */
  date?: { when: string; text: string };
  documentType: DocumentType;
  numbers: TelegramNumber[];
  correspondence: CorrespAction[];
  citation?: string;
  archives: ArchivalReference[];
  /** The publication reprinted from, as written. */
  reprint?: string;
  /** The title inside `reprint` (italic in the page): "Sovetsko-Kitaiskie Otnosheniia". */
  reprintTitle?: string;
  translators: string[];
  funders: string[];
  /** The page's "Credits" statement as written ("This document was made possible with support from …"). */
  credits?: string;
  /** The footer's "Source" when the page also has a labelled citation (otherwise it is `citation`). */
  footerSource?: string;
  sourceUrl?: string;
  rights?: string[];
  /** Paragraphs of the footer that stand without a label and are neither the citation nor the rights text. */
  footerNotes?: string[];
  uploaded?: string;
  /** Wilson Center's type ("Telegram"). */
  archiveType?: string;
  summary?: string;
  originalLanguage?: string;
  versions: TextVersion[];
  /** Every line of the source that ingest dropped as scrape markup ("Skip to content", headings' "##"), for audit. */
  dropped: string[];
}
