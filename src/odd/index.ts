/**
 * The edition's schema from its ODD: `odd/shifr.odd` is compiled by the XSLT 3.0 stylesheets of
 * `xslt/odd/` (run by SaxonJS from their SEF) into RELAX NG (`shifr.rng`) and ISO Schematron
 * (`shifr.sch`), written beside the ODD. The generated files are committed so that XML editors
 * validate without building; `staleOddOutputs` tells when they no longer match the ODD.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { writeFileAtomic } from '../fsutil.js';
import { loadStylesheet, projectRoot, XsltCompileError } from '../xslt/build.js';
import { parseXml, transform, XsltRunError, type XdmParam, type XmlNode } from '../xslt/saxon.js';

/** The edition's ODD, relative to the project root. */
export const DEFAULT_ODD = join('odd', 'shifr.odd');

/** Thrown when the ODD cannot be read or compiled; carries `SHF-ODD-001` / `SHF-IO-001` diagnostics. */
export class OddError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${d.file}: ${d.message}`).join('\n'));
    this.name = 'OddError';
  }
}

export interface OddSchemas {
  /** The RELAX NG grammar, XML syntax. */
  rng: string;
  /** The ISO Schematron schema. */
  sch: string;
}

/** Where the schemas generated from an ODD live: beside it, with the same base name. */
export function oddOutputPaths(oddPath: string): { rng: string; sch: string } {
  const base = oddPath.replace(/\.odd$/i, '');
  return { rng: `${base}.rng`, sch: `${base}.sch` };
}

/** The ODD's path as the generated files name it: relative to the project, with forward slashes. */
function sourceName(oddPath: string): string {
  const rel = relative(projectRoot(), resolve(oddPath));
  return (rel.startsWith('..') ? resolve(oddPath) : rel).split(sep).join('/');
}

/** Reads and parses an ODD, or throws `OddError`. */
export function readOdd(oddPath: string): XmlNode {
  let text: string;
  try {
    text = readFileSync(oddPath, 'utf8');
  } catch (e) {
    throw new OddError([diagnostic('SHF-IO-001', `cannot read ODD: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { file: oddPath })]);
  }
  try {
    return parseXml(text);
  } catch (e) {
    throw new OddError([diagnostic('SHF-ODD-001', `the ODD is not well-formed: ${(e as Error).message}`, { file: oddPath })]);
  }
}

/** Runs one compiler of `xslt/odd/` on a parsed ODD; ODD errors become `OddError`. */
export function runOddStylesheet(entry: string, odd: XmlNode, oddPath: string, params: Record<string, XdmParam> = {}): string {
  try {
    return transform({ stylesheet: loadStylesheet(entry), source: odd, params: { 'source-name': sourceName(oddPath), ...params } }, 'serialized');
  } catch (e) {
    if (e instanceof XsltRunError) throw new OddError([diagnostic('SHF-ODD-001', oddErrorMessage(e.message), { file: oddPath })]);
    if (e instanceof XsltCompileError) throw new OddError(e.diagnostics);
    throw e;
  }
}

/**
 * The compilers stop on an ODD error with `fn:error` ("ODD error: …"); SaxonJS wraps that text in
 * its own message with the place in the stylesheet, which says nothing to an ODD author.
 */
function oddErrorMessage(message: string): string {
  const odd = /ODD error: .*/.exec(message)?.[0];
  return (odd ?? message.split('\n')[0]!).trim();
}

/** Compiles an ODD into its RELAX NG grammar and its Schematron schema (in memory). */
export function compileOdd(oddPath: string): OddSchemas {
  const odd = readOdd(oddPath);
  return {
    rng: finish(runOddStylesheet('odd/odd2rng.xsl', odd, oddPath)),
    sch: finish(runOddStylesheet('odd/odd2sch.xsl', odd, oddPath)),
  };
}

/** Generated files end with a newline, like every text file of the repository. */
function finish(text: string): string {
  return text.endsWith('\n') ? text : text + '\n';
}

/**
 * Regenerates the schemas of an ODD beside it (or at `outputs`), atomically; files whose content is
 * unchanged are not rewritten. Returns the paths written.
 */
export function writeOddSchemas(oddPath: string, outputs = oddOutputPaths(oddPath)): string[] {
  const schemas = compileOdd(oddPath);
  const written: string[] = [];
  for (const kind of ['rng', 'sch'] as const) {
    const path = outputs[kind];
    if (existsSync(path) && readFileSync(path, 'utf8') === schemas[kind]) continue;
    writeFileAtomic(path, schemas[kind]);
    written.push(path);
  }
  return written;
}

/** The generated schemas that differ from what the ODD compiles to now (missing ones included). */
export function staleOddSchemas(oddPath: string, outputs = oddOutputPaths(oddPath)): string[] {
  const schemas = compileOdd(oddPath);
  return (['rng', 'sch'] as const)
    .filter((kind) => !existsSync(outputs[kind]) || readFileSync(outputs[kind], 'utf8') !== schemas[kind])
    .map((kind) => outputs[kind]);
}

