/**
 * The authority files of the edition — tei/persons.xml, tei/places.xml, tei/archives.xml — as
 * TEI documents written from the authority data: every person with every name form the encoder
 * recognises (main, variant, pseudonym; Russian case forms with subtype="case"), every place with
 * its forms and coordinates, every archive with its full names. Where the edition's files mention
 * an entry, a note lists them and the forms they write (every form used).
 */
import { ARCHIVES } from '../authority/archives.js';
import { expandForms } from '../authority/forms.js';
import { PERSONS } from '../authority/persons.js';
import { PLACES } from '../authority/places.js';
import type { NameForm } from '../authority/types.js';
import { SCHEMA_PIS } from './telegram.js';
import { appendDeferred, appendFragment, detached, el, fragmentOf, serialize, teiDocument, type Element, type Fragment, type XmlDocument } from './xml.js';

/** Which edition files mention each reference, with the forms they write ("persons.xml#stalin" → [{file: "wcda-113732", forms: ["ФИЛИППОВУ", …]}]). */
export type Attestations = ReadonlyMap<string, ReadonlyArray<{ file: string; forms: readonly string[] }>>;

function shell(id: string, title: string, what: string): { doc: ReturnType<typeof teiDocument>['doc']; body: Element } {
  const { doc, root } = teiDocument('TEI', { 'xml:id': id, 'xml:lang': 'en' });
  const header = el(root, 'teiHeader');
  const fileDesc = el(header, 'fileDesc');
  el(el(fileDesc, 'titleStmt'), 'title', { type: 'main' }, title);
  el(el(fileDesc, 'publicationStmt'), 'publisher', {}, 'shifr digital edition');
  el(el(fileDesc, 'sourceDesc'), 'p', {}, what);
  return { doc, body: el(el(root, 'text'), 'body') };
}

function names(parent: Element, element: 'persName' | 'placeName', forms: readonly NameForm[]): void {
  for (const f of expandForms(forms)) {
    el(parent, element, { type: f.type, subtype: f.case ? 'case' : undefined, 'xml:lang': f.lang }, f.text);
  }
}

/**
 * The note listing the files that mention `ref`. Entries and the items of their lists are made
 * only as the document is serialised (`appendDeferred`): the lists grow with the edition, and
 * holding them whole as a tree cost more than writing the pages (garbage collection of tens of
 * MB at 10,000 pages); with `serializeTo` they are written out as they are made. The forms part of
 * an item (": <mentioned>…</mentioned>, …") is the same in every file that writes the same forms —
 * one list shared by them all (see `attestationsIn` in convert.ts) — and is serialised once per
 * list (`formsFragment`), not once per file.
 */
function attested(parent: Element, ref: string, attestations: Attestations, fragments: Map<readonly string[], Fragment>): void {
  const files = attestations.get(ref);
  if (!files || files.length === 0) return;
  const note = el(parent, 'note', { type: 'attestations' });
  const list = el(note, 'list');
  for (const f of files) {
    appendDeferred(list, () => {
      const item = detached('item');
      el(item, 'ref', { target: `${f.file}.xml` }, f.file);
      if (f.forms.length > 0) appendFragment(item, formsFragment(f.forms, fragments));
      return item;
    });
  }
}

/** ": <mentioned>A</mentioned>, <mentioned>B</mentioned>" for the forms, made once per list of forms. */
function formsFragment(forms: readonly string[], fragments: Map<readonly string[], Fragment>): Fragment {
  let fragment = fragments.get(forms);
  if (!fragment) {
    const scratch = detached('item');
    forms.forEach((form, i) => {
      scratch.txt(i === 0 ? ': ' : ', ');
      el(scratch, 'mentioned', {}, form);
    });
    fragments.set(forms, (fragment = fragmentOf(scratch)));
  }
  return fragment;
}

/** tei/persons.xml as a document whose entries are made as it is serialised. */
export function personsDocument(attestations: Attestations = new Map()): XmlDocument {
  const { doc, body } = shell('persons', 'Persons of the shifr edition', 'Compiled by the editors from the telegrams and the literature on Sino-Soviet relations 1947–1953.');
  const list = el(body, 'listPerson');
  const fragments = new Map<readonly string[], Fragment>();
  for (const p of PERSONS) {
    appendDeferred(list, () => {
      const person = detached('person', { 'xml:id': p.id });
      names(person, 'persName', p.names);
      if (p.birth) el(person, 'birth', { when: p.birth });
      if (p.death) el(person, 'death', { when: p.death });
      el(person, 'note', {}, p.note);
      attested(person, `persons.xml#${p.id}`, attestations, fragments);
      return person;
    });
  }
  return doc;
}

/** tei/persons.xml. */
export function encodePersons(attestations: Attestations = new Map()): string {
  return serialize(personsDocument(attestations), SCHEMA_PIS);
}

/** tei/places.xml as a document whose entries are made as it is serialised. */
export function placesDocument(attestations: Attestations = new Map()): XmlDocument {
  const { doc, body } = shell('places', 'Places of the shifr edition', 'Compiled by the editors from the telegrams.');
  const list = el(body, 'listPlace');
  const fragments = new Map<readonly string[], Fragment>();
  for (const p of PLACES) {
    appendDeferred(list, () => {
      const place = detached('place', { 'xml:id': p.id });
      names(place, 'placeName', p.names);
      if (p.geo) el(el(place, 'location'), 'geo', {}, p.geo);
      if (p.note) el(place, 'note', {}, p.note);
      attested(place, `places.xml#${p.id}`, attestations, fragments);
      return place;
    });
  }
  return doc;
}

/** tei/places.xml. */
export function encodePlaces(attestations: Attestations = new Map()): string {
  return serialize(placesDocument(attestations), SCHEMA_PIS);
}

/** tei/archives.xml as a document. */
export function archivesDocument(): XmlDocument {
  const { doc, body } = shell('archives', 'Archives of the shifr edition', 'The archives cited by the Wilson Center Digital Archive for the telegrams.');
  const list = el(body, 'listOrg');
  for (const a of ARCHIVES) {
    const org = el(list, 'org', { 'xml:id': a.id });
    el(org, 'orgName', { type: 'main', 'xml:lang': 'en' }, a.nameEn);
    el(org, 'orgName', { type: 'main', 'xml:lang': 'ru' }, a.nameRu);
    for (const s of a.sigla) el(org, 'orgName', { type: 'abbreviation' }, s);
    el(el(org, 'location'), 'settlement', {}, a.location);
  }
  return doc;
}

/** tei/archives.xml. */
export function encodeArchives(): string {
  return serialize(archivesDocument(), SCHEMA_PIS);
}
