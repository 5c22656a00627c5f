/**
 * Telegrams through the HTML stylesheet: TEI text → page and record, several telegrams per
 * transform. Shared by the worker threads and by the main thread (which renders small
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
 * Base URI of telegram.xsl's secondary results (pages and records). Only resolved, never written
 * to: `deliverResultDocument` hands each serialized result back in memory.
 */
const RESULT_BASE = 'file:///shifr-publish/';

/** The template of telegram.xsl that renders the documents of its `telegrams` parameter. */
const BATCH_TEMPLATE = 'Q{urn:shifr:publish}batch';

/** The template of the HTML stylesheets that returns their lookup tables of the authority files. */
const LOOKUPS_TEMPLATE = 'Q{urn:shifr:publish}authority-lookups';

/** The stylesheet parameters holding those tables, in the order the template returns them. */
const LOOKUP_PARAMS = ['persons-by-id', 'places-by-id', 'orgs-by-id'] as const;

/** A SaxonJS value kept as it is between transforms (opaque here). */
type XdmValue = unknown;

function runError(e: unknown): XsltRunError {
  if (e instanceof XsltRunError) return e;
  const err = e as { message?: string; code?: string; getMessage?: () => string };
  const message = typeof err.getMessage === 'function' ? err.getMessage() : (err.message ?? String(e));
  return new XsltRunError(message, typeof err.code === 'string' ? err.code.replace(/^Q\{[^}]*\}/, '') : '');
}

/** Renders telegrams with the stylesheet loaded once; create one per thread. */
export class TelegramRenderer {
  private readonly telegram: SefStylesheet;
  private readonly params: Record<string, unknown>;

  constructor(setup: RenderSetup) {
    this.telegram = JSON.parse(readFileSync(setup.telegramSef, 'utf8')) as SefStylesheet;
    const params = authorityParams(setup.authority, setup.hasGuidelines);
    this.params = { ...params, ...this.lookups(params) };
  }

  /**
   * The stylesheet's lookup tables of the authority files, built once for this thread: left to
   * the stylesheet, every transform builds them anew (~13 ms of SaxonJS for the edition's files,
   * a tenth of a batch). They stay SaxonJS maps (result form "xdm"), each passed in as a
   * one-item sequence, their nodes those of the documents in `params`.
   */
  private lookups(params: Record<string, XmlNode | boolean>): Record<string, XdmValue> {
    const { principalResult } = saxonJs().transform({
      stylesheetInternal: this.telegram,
      initialTemplate: LOOKUPS_TEMPLATE,
      destination: 'raw',
      resultForm: 'xdm',
      stylesheetParams: params,
    });
    const maps = principalResult as XdmValue[];
    return Object.fromEntries(LOOKUP_PARAMS.map((name, k) => [name, [maps[k]]]));
  }

  /** Parses the TEI text and renders page and record. Throws `XsltRunError`. */
  render(text: string): RenderedTelegram {
    const [result] = this.renderAll([text]);
    if (result instanceof XsltRunError) throw result;
    return result!;
  }

  /**
   * Renders several telegrams in one transform (see pub:batch in telegram.xsl), each result in
   * the place of its text: page and record, or the `XsltRunError` that stopped it. A dynamic error
   * stops a whole transform, so when a batch fails each of its telegrams is rendered alone.
   */
  renderAll(texts: readonly string[]): (RenderedTelegram | XsltRunError)[] {
    const results: (RenderedTelegram | XsltRunError)[] = [];
    const parsed: { slot: number; doc: XmlNode }[] = [];
    texts.forEach((text, slot) => {
      try {
        parsed.push({ slot, doc: parseXml(text) });
      } catch (e) {
        results[slot] = runError(e);
      }
    });
    try {
      this.transform(parsed.map((p) => p.doc)).forEach((r, k) => (results[parsed[k]!.slot] = r));
    } catch (e) {
      if (parsed.length === 1) results[parsed[0]!.slot] = runError(e);
      else {
        for (const { slot, doc } of parsed) {
          try {
            results[slot] = this.transform([doc])[0]!;
          } catch (e1) {
            results[slot] = runError(e1);
          }
        }
      }
    }
    return results;
  }

  private transform(docs: readonly XmlNode[]): RenderedTelegram[] {
    if (docs.length === 0) return [];
    const outputs = new Map<string, string>();
    saxonJs().transform({
      stylesheetInternal: this.telegram,
      initialTemplate: BATCH_TEMPLATE,
      destination: 'serialized',
      stylesheetParams: { ...this.params, telegrams: docs },
      baseOutputURI: RESULT_BASE,
      // `uri` is a URL object: its string is the resolved href
      deliverResultDocument: () => ({ destination: 'serialized', save: (uri: URL, result: string) => void outputs.set(String(uri), result) }),
      deliverMessage: () => undefined,
    });
    return docs.map((_, k) => {
      const html = outputs.get(`${RESULT_BASE}${k + 1}.html`);
      const record = outputs.get(`${RESULT_BASE}${k + 1}.record.json`);
      if (html === undefined || record === undefined) throw new XsltRunError('telegram.xsl wrote no page or no record', '');
      return { html, record: JSON.parse(record) as TelegramRecord };
    });
  }
}
