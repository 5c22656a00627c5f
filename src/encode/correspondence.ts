/**
 * correspDesc: who sent the telegram, from where and when, to whom, and through whom. Names the
 * ingest left unresolved are resolved here against the personography; pseudonyms stay as written
 * and point to the real person.
 */
import { findNames, pseudonymOutlived } from '../authority/match.js';
import type { CorrespAction, NameMention, PlaceMention } from '../model.js';
import { el, type Element } from './xml.js';

interface Resolved {
  ref?: string;
  pseudonym: boolean;
}

/** Initials, and nothing else, may stand beside the name found: "G.M. Malenkov", "Stalin I.V.". */
const INITIALS_ONLY = /^\s*(?:\p{Lu}\.\s*)*$/u;

/** The person a correspondent's name points to in a document dated `when`, if any. */
function resolvePerson(m: NameMention, when: string | undefined): Resolved {
  if (m.ref) return pseudonymOutlived(m.ref, m.pseudonym ?? false, when) ? { pseudonym: false } : { ref: m.ref, pseudonym: m.pseudonym ?? false };
  // The whole mention must be the name: "Mao's Visit to Moscow" is not Mao.
  const found = findNames(m.text).find((n) => n.kind === 'person' && INITIALS_ONLY.test(m.text.slice(0, n.start)) && INITIALS_ONLY.test(m.text.slice(n.end)));
  return found && !pseudonymOutlived(found.ref, found.pseudonym, when) ? { ref: found.ref, pseudonym: found.pseudonym } : { pseudonym: false };
}

function resolvePlace(m: PlaceMention): string | undefined {
  return m.ref ?? findNames(m.text).find((n) => n.kind === 'place')?.ref;
}

/** Writes correspDesc into profileDesc (nothing when the page says nothing of the correspondence); `when`: the document's date. */
export function encodeCorrespDesc(profileDesc: Element, actions: readonly CorrespAction[], when?: string): void {
  if (!actions.some((a) => a.persons.length > 0 || a.place || a.date)) return;
  const desc = el(profileDesc, 'correspDesc');
  for (const a of actions) {
    if (a.persons.length === 0 && !a.place && !a.date) continue;
    const action = el(desc, 'correspAction', { type: a.type });
    for (const p of a.persons) {
      // An institution is named, not looked up: there is no organisation authority for correspondents.
      if (p.org) {
        el(action, 'orgName', {}, p.text);
        continue;
      }
      const r = resolvePerson(p, when);
      el(action, 'persName', { ref: r.ref ? `persons.xml#${r.ref}` : undefined, type: r.pseudonym ? 'pseudonym' : undefined }, p.text);
    }
    if (a.place) {
      const ref = resolvePlace(a.place);
      el(action, 'placeName', { ref: ref ? `places.xml#${ref}` : undefined }, a.place.text);
    }
    if (a.date) el(action, 'date', { when: a.date.when }, a.date.text);
  }
}
