/**
 * shifr's public API: the pipeline's stages as functions, in the order the data flows —
 * ingest (page text → model) → encode (model → TEI) → validate (TEI → diagnostics) →
 * publish (TEI → static site). Every stage reports problems as `Diagnostic`s.
 * The command line (`shifr …`) is built on exactly these functions.
 */

// --- diagnostics ---------------------------------------------------------------------------------
export { diagnostic, formatDiagnostic, formatDiagnostics, hasErrors, sortDiagnostics } from './diagnostics.js';
export type { Diagnostic, Severity } from './diagnostics.js';
export { CODES, codeInfo } from './codes.js';
export type { CodeInfo } from './codes.js';

// --- ingest and encode ---------------------------------------------------------------------------
export type { TelegramPage, TextVersion, Block, Inline, CorrespAction, ArchivalReference, TelegramNumber } from './model.js';
export { ingestPage } from './ingest/index.js';
export type { IngestResult } from './ingest/index.js';
export { encodeTelegram } from './encode/telegram.js';
export type { EncodeOptions, EncodedTelegram } from './encode/telegram.js';
export { encodePage, convertPages, convertPagesParallel } from './convert.js';
export type { ConvertOptions, ConvertSummary, EncodedPage } from './convert.js';

// --- schema and validation -----------------------------------------------------------------------
export { compileOdd, writeOddSchemas, staleOddSchemas } from './odd/index.js';
export { writeGuidelines } from './odd/guidelines.js';
export { loadSchema, validate as validateRelaxNG, validateFile as validateFileRelaxNG, SchemaLoadError } from './validate/relaxng/index.js';
export type { CompiledSchema } from './validate/relaxng/index.js';
export { compileSchematron, validateSchematron } from './validate/schematron.js';
export { validateFiles, editionSchemas, resolveSchemas, collectFiles } from './validate/index.js';

// --- publish -------------------------------------------------------------------------------------
export { publishEdition } from './publish/publish.js';
export type { PublishOptions, PublishReport } from './publish/publish.js';

// --- command line --------------------------------------------------------------------------------
export { main } from './cli/main.js';
