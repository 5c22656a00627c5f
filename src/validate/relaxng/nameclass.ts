/**
 * RELAX NG name classes (spec section 4.10 onwards): a name, any name, any name in a namespace,
 * each with an optional `except`, and choices of these. Every name class gets a numeric id so
 * that patterns holding one can be hash-consed.
 */
export type NameClass =
  | { readonly kind: 'name'; readonly id: number; readonly ns: string; readonly local: string }
  | { readonly kind: 'anyName'; readonly id: number; readonly except?: NameClass }
  | { readonly kind: 'nsName'; readonly id: number; readonly ns: string; readonly except?: NameClass }
  | { readonly kind: 'choice'; readonly id: number; readonly a: NameClass; readonly b: NameClass };

let nextId = 1;
const names = new Map<string, NameClass>();

export function nameNc(ns: string, local: string): NameClass {
  const key = `{${ns}}${local}`;
  let nc = names.get(key);
  if (!nc) names.set(key, (nc = { kind: 'name', id: nextId++, ns, local }));
  return nc;
}
export function anyNameNc(except?: NameClass): NameClass {
  return { kind: 'anyName', id: nextId++, except };
}
export function nsNameNc(ns: string, except?: NameClass): NameClass {
  return { kind: 'nsName', id: nextId++, ns, except };
}
export function choiceNc(a: NameClass, b: NameClass): NameClass {
  return { kind: 'choice', id: nextId++, a, b };
}

/** Whether the name class matches the expanded name {ns}local. */
export function containsName(nc: NameClass, ns: string, local: string): boolean {
  switch (nc.kind) {
    case 'name':
      return nc.local === local && nc.ns === ns;
    case 'anyName':
      return !nc.except || !containsName(nc.except, ns, local);
    case 'nsName':
      return nc.ns === ns && (!nc.except || !containsName(nc.except, ns, local));
    case 'choice':
      return containsName(nc.a, ns, local) || containsName(nc.b, ns, local);
  }
}

/** A name no schema can spell, standing for "any other local name / namespace" in overlap tests. */
const ILLEGAL = '\u0000';

function representatives(nc: NameClass, out: [string, string][]): void {
  switch (nc.kind) {
    case 'name':
      out.push([nc.ns, nc.local]);
      break;
    case 'anyName':
      out.push([ILLEGAL, ILLEGAL]);
      if (nc.except) representatives(nc.except, out);
      break;
    case 'nsName':
      out.push([nc.ns, ILLEGAL]);
      if (nc.except) representatives(nc.except, out);
      break;
    case 'choice':
      representatives(nc.a, out);
      representatives(nc.b, out);
  }
}

/** Whether some name belongs to both name classes (used by the restrictions of spec 7.3 and 7.4). */
export function overlaps(a: NameClass, b: NameClass): boolean {
  const reps: [string, string][] = [];
  representatives(a, reps);
  representatives(b, reps);
  return reps.some(([ns, local]) => containsName(a, ns, local) && containsName(b, ns, local));
}

/** Whether the name class matches infinitely many names (has anyName or nsName). */
export function isInfinite(nc: NameClass): boolean {
  return nc.kind === 'anyName' || nc.kind === 'nsName' || (nc.kind === 'choice' && (isInfinite(nc.a) || isInfinite(nc.b)));
}

/** The names a name class lists, rendered for messages: `p`, `xml:id`, `{ns}x`, `any element`. */
export function describeNameClass(nc: NameClass, defaultNs: string, what: string): string[] {
  switch (nc.kind) {
    case 'name':
      return [renderName(nc.ns, nc.local, defaultNs)];
    case 'anyName':
      return [`any ${what}`];
    case 'nsName':
      return [nc.ns === '' ? `any ${what} without namespace` : `any ${what} in namespace ${nc.ns}`];
    case 'choice':
      return [...describeNameClass(nc.a, defaultNs, what), ...describeNameClass(nc.b, defaultNs, what)];
  }
}

/** `local` in the default namespace, `xml:local` in the XML namespace, `{ns}local` otherwise. */
export function renderName(ns: string, local: string, defaultNs: string): string {
  if (ns === defaultNs) return local;
  if (ns === 'http://www.w3.org/XML/1998/namespace') return `xml:${local}`;
  if (ns === '') return local;
  return `{${ns}}${local}`;
}
