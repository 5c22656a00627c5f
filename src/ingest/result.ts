/**
 * The result shape of ingest's small parsers: what was found, or what was expected and where.
 * Parsers never build diagnostics themselves; the caller knows the line and column and does.
 */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; expected: string[]; offset: number };

/** A successful parse. */
export function found<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}

/** A failed parse: what would have been acceptable, at which offset of the input. */
export function expected<T>(what: string[], offset: number): ParseResult<T> {
  return { ok: false, expected: what, offset };
}
