/**
 * Every form of every authority name, expanded: the listed forms plus the Russian case forms
 * their paradigms generate. Both the name matcher and the authority files read this expansion,
 * so that persons.xml lists exactly the forms the encoder recognises.
 */
import { caseForms } from './declension.js';
import { PERSONS } from './persons.js';
import { PLACES } from './places.js';
import type { NameForm } from './types.js';

export interface ExpandedForm {
  text: string;
  lang: 'ru' | 'en';
  type: NameForm['type'];
  /** True for a generated oblique case form (Сталину). */
  case: boolean;
}

export interface AuthorityEntry {
  kind: 'person' | 'place';
  id: string;
  forms: ExpandedForm[];
}

/** Expands an entry's listed forms with their case forms, keeping the listed order and no duplicates. */
export function expandForms(names: readonly NameForm[]): ExpandedForm[] {
  const seen = new Set<string>();
  const out: ExpandedForm[] = [];
  const add = (f: ExpandedForm): void => {
    if (seen.has(f.text)) return;
    seen.add(f.text);
    out.push(f);
  };
  for (const n of names) add({ text: n.text, lang: n.lang, type: n.type, case: false });
  for (const n of names) {
    if (!n.paradigm) continue;
    for (const c of caseForms(n.text, n.paradigm)) add({ text: c, lang: n.lang, type: n.type, case: true });
  }
  return out;
}

let entries: AuthorityEntry[] | undefined;

/** All persons and places with their expanded forms (computed once). */
export function authorityEntries(): readonly AuthorityEntry[] {
  entries ??= [
    ...PERSONS.map((p) => ({ kind: 'person' as const, id: p.id, forms: expandForms(p.names) })),
    ...PLACES.map((p) => ({ kind: 'place' as const, id: p.id, forms: expandForms(p.names) })),
  ];
  return entries;
}
