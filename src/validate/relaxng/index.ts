/**
 * shifr's RELAX NG validator: public API.
 *
 * ```ts
 * const schema = loadSchema('odd/shifr.rng');            // throws SchemaLoadError on a bad schema
 * const diagnostics = validateFile(schema, 'tei/x.xml'); // well-formedness + RELAX NG + ID/IDREF
 * ```
 *
 * Schemas are read in XML syntax, simplified and compiled once; with `cacheDir` the compiled
 * form is kept on disk, keyed by the content of every schema file, so the next load is fast.
 */
import { readFileSync } from 'node:fs';
import { diagnostic, type Diagnostic } from '../../diagnostics.js';
import { decodeXml } from '../../xml/decode.js';
import type { XmlHandler } from '../../xml/reader.js';
import { readCachedSchema, writeCachedSchema } from './cache.js';
import { checkRestrictions, reachableElements } from './restrictions.js';
import { CompiledSchema } from './schema.js';
import { SchemaError, Simplifier } from './simplify.js';
import { validateText } from './validator.js';

export { CompiledSchema } from './schema.js';

/** A schema that cannot be used; `diagnostic` is an `SHF-RNG-010` pointing into the schema file. */
export class SchemaLoadError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(`${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.message}`);
  }
}

export interface LoadOptions {
  /** Directory of the on-disk compiled-schema cache (e.g. `.cache/relaxng`); no cache when absent. */
  cacheDir?: string;
}

/**
 * Loads a RELAX NG schema (XML syntax) from a local file, resolving include/externalRef against
 * it, and checks it (spec sections 4 and 7). Throws `SchemaLoadError` when the schema is incorrect.
 */
export function loadSchema(path: string, options: LoadOptions = {}): CompiledSchema {
  if (options.cacheDir) {
    const cached = readCachedSchema(options.cacheDir, path);
    if (cached) return cached;
  }
  let simplified;
  try {
    simplified = new Simplifier().simplify(path);
  } catch (e) {
    if (e instanceof SchemaError) {
      throw new SchemaLoadError(diagnostic('SHF-RNG-010', `incorrect schema: ${e.message}`, { file: e.file, line: e.line, column: e.column }));
    }
    throw e;
  }
  const elements = reachableElements(simplified.start);
  const problem = checkRestrictions(simplified.start, elements);
  if (problem) {
    const at = (problem.element && simplified.locations.get(problem.element)) ?? { file: path };
    const where = problem.element ? ' (in the content of this element)' : '';
    throw new SchemaLoadError(diagnostic('SHF-RNG-010', `incorrect schema: ${problem.message}${where}`, at));
  }
  const schema = new CompiledSchema(simplified.start, elements);
  if (options.cacheDir) writeCachedSchema(options.cacheDir, path, { ...simplified, elements });
  return schema;
}

/**
 * Validates XML text against a schema: well-formedness (`SHF-XML-…`), RELAX NG (`SHF-RNG-001…005`,
 * `-008`) and ID/IDREF (`SHF-RNG-006`, `-007`). Diagnostics are in document order, each with
 * line and column; an empty array means valid. `observer` receives the reader's events too (one
 * scan serves the caller's own use of the document, such as building its tree). `allowedCharsOnly`:
 * the caller checked every character already (`decodeXml` tells).
 */
export function validate(schema: CompiledSchema, xmlText: string, fileName: string, observer?: XmlHandler, allowedCharsOnly = false): Diagnostic[] {
  return validateText(schema, xmlText.charCodeAt(0) === 0xfeff ? xmlText.slice(1) : xmlText, fileName, observer, allowedCharsOnly);
}

/** Like `validate`, from bytes: also reports files that are not UTF-8 (`SHF-XML-003`). */
export function validateBytes(schema: CompiledSchema, bytes: Uint8Array, fileName: string): Diagnostic[] {
  const decoded = decodeXml(bytes, fileName);
  if (decoded.diagnostic) return [decoded.diagnostic];
  return validateText(schema, decoded.text, fileName, undefined, decoded.allowedCharsOnly);
}

/** Reads and validates a file; an unreadable file gives `SHF-IO-001`. */
export function validateFile(schema: CompiledSchema, path: string): Diagnostic[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return [diagnostic('SHF-IO-001', `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { file: path })];
  }
  return validateBytes(schema, bytes, path);
}
