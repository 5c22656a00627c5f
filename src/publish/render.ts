/**
 * One telegram through the HTML stylesheet: TEI text → its page and its record, from one parse
 * and one transform. Shared by the worker threads and by the main thread (which renders small
 * batches itself, since starting workers costs more than a handful of telegrams). The stylesheet
 * is parsed once per thread.
 */
import { readFileSync } from 'node:fs';
import { parseXml, saxonJs, XsltRunError, type SefStylesheet, type XmlNode } from '../xslt/saxon.js';

/** The per-telegram summary the edition pages are built from (made by xslt/html/_record.xsl). */
export interface TelegramRecord {
  id: string;
  title: string;
  when: string;
  year: string;
  date: string;
  doctype: string;
  from: Party[];
  to: Party[];
  via: Party[];
  fromPlace: string;
  archive: string;
  summary: string;
  persons: string[];
  places: string[];
  /** Full text per language code, for the search index only. */
  text?: Record<string, string>;
  /** The telegram's row of the index table, as HTML (rendered by _record.xsl). */
  row?: string;
  /** The telegram's line in a person's or place's list, as HTML. */
  line?: string;
}

export interface Party {
  ref: string;
  label: string;
}

/** Texts of the authority files beside the telegrams; absent files are undefined. */
export interface AuthorityTexts {
  persons?: string;
  places?: string;
  archives?: string;
}

/** What a renderer needs: the compiled stylesheet (as a SEF file path) and the authorities. */
export interface RenderSetup {
  telegramSef: string;
  authority: AuthorityTexts;
  hasGuidelines: boolean;
}

export interface RenderedTelegram {
  html: string;
  record: TelegramRecord;
}

/** Stylesheet parameters derived from the authority files, parsed once. */
export function authorityParams(authority: AuthorityTexts, hasGuidelines: boolean): Record<string, XmlNode | boolean> {
  const params: Record<string, XmlNode | boolean> = { 'has-guidelines': hasGuidelines };
  for (const name of ['persons', 'places', 'archives'] as const) {
    const text = authority[name];
    if (text !== undefined) params[name] = parseXml(text);
  }
  return params;
}

/**
 * Base URI of telegram.xsl's secondary result (the record). Only resolved, never written to:
 * `deliverResultDocument` hands the serialized record back in memory.
 */
const RESULT_BASE = 'file:///shifr-publish/';

/** Renders telegrams with the stylesheet loaded once; create one per thread. */
export class TelegramRenderer {
  private readonly telegram: SefStylesheet;
  private readonly params: Record<string, XmlNode | boolean>;

  constructor(setup: RenderSetup) {
    this.telegram = JSON.parse(readFileSync(setup.telegramSef, 'utf8')) as SefStylesheet;
    this.params = authorityParams(setup.authority, setup.hasGuidelines);
  }

  /** Parses the TEI text and renders page and record in one transform. Throws `XsltRunError`. */
  render(text: string): RenderedTelegram {
    const source = parseXml(text);
    let recordJson: string | undefined;
    let html: string;
    const options: Record<string, unknown> = {
      stylesheetInternal: this.telegram,
      destination: 'serialized',
      stylesheetParams: this.params,
      baseOutputURI: RESULT_BASE,
      deliverResultDocument: () => ({ destination: 'serialized', save: (_uri: string, result: string) => void (recordJson = result) }),
      deliverMessage: () => undefined,
    };
    // SaxonJS builds a log line of every enumerable option's toString() on each call, and a
    // document's toString() serializes it (~4 ms for a telegram): not enumerable, not logged.
    Object.defineProperty(options, 'sourceNode', { value: source, enumerable: false });
    try {
      html = saxonJs().transform(options).principalResult as string;
    } catch (e) {
      const err = e as { message?: string; code?: string; getMessage?: () => string };
      const message = typeof err.getMessage === 'function' ? err.getMessage() : (err.message ?? String(e));
      throw new XsltRunError(message, typeof err.code === 'string' ? err.code.replace(/^Q\{[^}]*\}/, '') : '');
    }
    if (recordJson === undefined) throw new XsltRunError('telegram.xsl wrote no record', '');
    return { html, record: JSON.parse(recordJson) as TelegramRecord };
  }
}
