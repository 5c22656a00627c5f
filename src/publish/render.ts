/**
 * One telegram through the HTML stylesheets: TEI text → its page and its record. Shared by the
 * worker threads and by the main thread (which renders small batches itself, since starting
 * workers costs more than a handful of telegrams). Each stylesheet is parsed once per thread.
 */
import { readFileSync } from 'node:fs';
import { parseXml, transform, type SefStylesheet, type XmlNode } from '../xslt/saxon.js';

/** The per-telegram summary the edition pages are built from (made by xslt/html/record.xsl). */
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
  /** The telegram's row of the index table, as HTML (rendered by record.xsl). */
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

/** What a renderer needs: the compiled stylesheets (as SEF file paths) and the authorities. */
export interface RenderSetup {
  telegramSef: string;
  recordSef: string;
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

/** Renders telegrams with stylesheets loaded once; create one per thread. */
export class TelegramRenderer {
  private readonly telegram: SefStylesheet;
  private readonly record: SefStylesheet;
  private readonly params: Record<string, XmlNode | boolean>;

  constructor(setup: RenderSetup) {
    this.telegram = JSON.parse(readFileSync(setup.telegramSef, 'utf8')) as SefStylesheet;
    this.record = JSON.parse(readFileSync(setup.recordSef, 'utf8')) as SefStylesheet;
    this.params = authorityParams(setup.authority, setup.hasGuidelines);
  }

  /** Parses the TEI text once and runs both stylesheets on it. Throws `XsltRunError`. */
  render(text: string): RenderedTelegram {
    const source = parseXml(text);
    const html = transform({ stylesheet: this.telegram, source, params: this.params }, 'serialized');
    const record = JSON.parse(transform({ stylesheet: this.record, source, params: this.params }, 'serialized')) as TelegramRecord;
    return { html, record };
  }
}
