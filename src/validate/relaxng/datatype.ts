/**
 * The datatype interface the matcher relies on (RELAX NG spec section 6: a datatype library
 * says whether a string is allowed and whether two strings denote equal values).
 */
import type { NamespaceContext } from '../../xml/reader.js';

/** Returned by `Datatype.parse` for a string that is not in the lexical space. */
export const INVALID: unique symbol = Symbol('invalid');

export interface Datatype {
  /** Library URI and local name, e.g. `xsd:date`, for messages and the cache. */
  readonly name: string;
  /** The value a string denotes, or `INVALID`. `context` resolves prefixes (QName). */
  parse(lexical: string, context: NamespaceContext | undefined): unknown;
  /** Equality of two values returned by `parse` (spec: datatypeEqual). */
  equal(a: unknown, b: unknown): boolean;
  /** True when validity depends on the namespace context (QName, NOTATION). */
  readonly contextDependent: boolean;
  /** The DTD-compatibility ID type, for ID/IDREF checking. */
  readonly idType?: 'ID' | 'IDREF' | 'IDREFS';
  /** Words for "must be …" in messages, e.g. `a date (YYYY-MM-DD)`. */
  describe(): string;
}

/** A problem with a schema's use of datatypes (unknown type, bad parameter). */
export class DatatypeError extends Error {}
