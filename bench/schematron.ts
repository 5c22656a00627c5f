/**
 * Schematron throughput, single thread, in documents per CPU second:
 *   - the XSLT engine: a compiled schema of 10 rules (key lookups into the document and into an
 *     authority list passed as a parameter, lets, value-of, a report) on synthetic TEI letters of
 *     ~15 KB: the one-off cost (validator generation + xslt3, when not cached), parsing,
 *     validation of a parsed document, and both;
 *   - the edition's schema (odd/shifr.sch) on the edition's telegrams (tei/), native engine
 *     against XSLT engine, each with its own parse, same authority files; the findings must agree.
 *
 *   npm run compile && node lib/bench/schematron.js [docs=300]
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AUTHORITY_FILES, authorityExtract } from '../src/validate/index.js';
import { buildTree, nativeSchematron, validateNative, type NativeParam } from '../src/validate/schematron-native/index.js';
import { compileSchematron, validateSchematron } from '../src/validate/schematron.js';
import { projectRoot } from '../src/xslt/build.js';
import { parseXml, type XdmParam, type XmlNode } from '../src/xslt/saxon.js';

const TEI = 'http://www.tei-c.org/ns/1.0';

const SCHEMA = `<schema xmlns="http://purl.oclc.org/dsdl/schematron" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" queryBinding="xslt3">
  <ns prefix="tei" uri="${TEI}"/>
  <xsl:key name="id" match="*[@xml:id]" use="@xml:id"/>
  <xsl:key name="person" match="tei:person" use="@xml:id"/>
  <xsl:key name="place" match="tei:place" use="@xml:id"/>
  <let name="authority" value="/"/>
  <pattern id="references">
    <rule context="tei:persName[@ref]">
      <let name="id" value="substring-after(@ref, '#')"/>
      <assert test="key('person', $id, $authority)" id="BENCH-001">unknown person <value-of select="@ref"/></assert>
    </rule>
    <rule context="tei:placeName[@ref]">
      <assert test="key('place', substring-after(@ref, '#'), $authority)" id="BENCH-002">unknown place <value-of select="@ref"/></assert>
    </rule>
    <rule context="tei:ptr">
      <assert test="key('id', substring-after(@target, '#'))" id="BENCH-003">dangling pointer <value-of select="@target"/></assert>
    </rule>
  </pattern>
  <pattern id="structure">
    <rule context="tei:div">
      <assert test="@type = ('original', 'translation', 'summary')" id="BENCH-004">div type <value-of select="@type"/></assert>
      <assert test="tei:p or tei:div" id="BENCH-005">empty div</assert>
    </rule>
    <rule context="tei:p">
      <report test="normalize-space(.) = ''" id="BENCH-006" role="warning">empty paragraph</report>
    </rule>
  </pattern>
  <pattern id="dates">
    <rule context="tei:date[@when]">
      <assert test="@when castable as xs:date" id="BENCH-007">bad date <value-of select="@when"/></assert>
      <assert test="not(@when castable as xs:date) or xs:date(@when) ge xs:date('1947-01-01')" id="BENCH-008" role="warning">early date</assert>
    </rule>
  </pattern>
  <pattern id="header">
    <rule context="tei:TEI">
      <assert test="tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title" id="BENCH-009">no title</assert>
      <assert test="count(key('id', 'body', root(.))) le 1" id="BENCH-010">duplicate body id</assert>
    </rule>
  </pattern>
</schema>
`;

function authority(): string {
  const persons = Array.from({ length: 60 }, (_, i) => `<person xml:id="p${i}"><persName>Person ${i}</persName></person>`).join('');
  const places = Array.from({ length: 40 }, (_, i) => `<place xml:id="l${i}"><placeName>Place ${i}</placeName></place>`).join('');
  return `<standOff xmlns="${TEI}"><listPerson>${persons}</listPerson><listPlace>${places}</listPlace></standOff>`;
}

/** A TEI-like letter of about 15 KB; every 10th has one dangling person reference. */
export function syntheticLetter(n: number): string {
  const paragraphs: string[] = [];
  for (let i = 0; i < 64; i++) {
    const person = n % 10 === 0 && i === 7 ? 'p999' : `p${(n + i) % 60}`;
    paragraphs.push(
      `      <p xml:id="n${n}-${i}">Telegram text, paragraph ${i}: <persName ref="#${person}">Comrade ${i}</persName> reports from ` +
        `<placeName ref="#l${(n * 3 + i) % 40}">the city</placeName> on <date when="1949-0${(i % 9) + 1}-1${i % 10}">the day</date>, ` +
        `see <ptr target="#n${n}-${(i + 1) % 64}"/>.</p>`,
    );
  }
  const half = paragraphs.length / 2;
  return `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="${TEI}">
  <teiHeader><fileDesc><titleStmt><title>Ciphered telegram ${n}</title></titleStmt><publicationStmt><p>bench</p></publicationStmt><sourceDesc><p>synthetic</p></sourceDesc></fileDesc></teiHeader>
  <text>
    <body xml:id="body">
    <div type="original">
${paragraphs.slice(0, half).join('\n')}
    </div>
    <div type="translation">
${paragraphs.slice(half).join('\n')}
    </div>
    </body>
  </text>
</TEI>
`;
}

/**
 * CPU time of this thread for `f`, best of three rounds: wall time on a shared 2-core machine
 * measures the other processes more than this one.
 */
function cpuMs(f: () => void): number {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const start = process.cpuUsage();
    f();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

export interface EngineBench {
  docs: number;
  /** CPU ms per document, parse included (SaxonJS's parse for XSLT, the native tree for native). */
  xsltMsPerDoc: number;
  nativeMsPerDoc: number;
  findings: number;
  /** Both engines gave the same diagnostics on every document. */
  agree: boolean;
}

/** The edition's schema on the edition's telegrams (cycled to `docCount`), both engines. */
export function benchEngines(docCount = 300): EngineBench {
  const root = projectRoot();
  const teiDir = join(root, 'tei');
  const schema = join(root, 'odd', 'shifr.sch');
  const names = readdirSync(teiDir).filter((n) => n.endsWith('.xml'));
  const telegrams = names.filter((n) => !(Object.values(AUTHORITY_FILES) as string[]).includes(n)).map((n) => readFileSync(join(teiDir, n), 'utf8'));
  const texts = Array.from({ length: docCount }, (_, i) => telegrams[i % telegrams.length]!);
  const xsltParams: Record<string, XdmParam> = { files: names };
  const nativeParams: Record<string, NativeParam> = { files: names };
  for (const [param, file] of Object.entries(AUTHORITY_FILES)) {
    const extract = authorityExtract(readFileSync(join(teiDir, file), 'utf8'));
    xsltParams[param] = parseXml(extract);
    nativeParams[param] = buildTree(extract);
  }
  const compiled = compileSchematron(schema);
  const native = nativeSchematron(schema);
  if (!('schema' in native)) throw new Error(`the edition schema is outside the native subset: ${native.unsupported}`);
  const key = (ds: { line: number; column: number; code: string; message: string }[]) => ds.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`).join('\n');
  const xsltFound: string[] = [];
  const nativeFound: string[] = [];
  const xsltMs = cpuMs(() => {
    xsltFound.length = 0;
    texts.forEach((text, i) => xsltFound.push(key(validateSchematron(compiled, { text, node: parseXml(text) }, `t${i}.xml`, { params: xsltParams }))));
  });
  const nativeMs = cpuMs(() => {
    nativeFound.length = 0;
    texts.forEach((text, i) => nativeFound.push(key(validateNative(native.schema, buildTree(text, `t${i}.xml`), `t${i}.xml`, nativeParams))));
  });
  return {
    docs: docCount,
    xsltMsPerDoc: xsltMs / docCount,
    nativeMsPerDoc: nativeMs / docCount,
    findings: nativeFound.reduce((n, f) => n + (f ? f.split('\n').length : 0), 0),
    agree: xsltFound.every((f, i) => f === nativeFound[i]),
  };
}

export interface SchematronBench {
  docs: number;
  averageBytes: number;
  findings: number;
  compileMs: number;
  /** Rates in documents per CPU second of one thread. */
  parseDocsPerSecond: number;
  validateDocsPerSecond: number;
  parseAndValidateDocsPerSecond: number;
}

/** Runs the benchmark (single thread) and returns its figures. */
export function benchSchematron(docCount = 300): SchematronBench {
  const dir = join(projectRoot(), '.cache', 'bench', 'schematron');
  mkdirSync(dir, { recursive: true });
  const schemaPath = join(dir, 'bench.sch');
  writeFileSync(schemaPath, SCHEMA);
  const started = performance.now();
  const compiled = compileSchematron(schemaPath);
  const compileMs = performance.now() - started;
  const params = { authority: parseXml(authority()) };

  const texts = Array.from({ length: docCount }, (_, i) => syntheticLetter(i));
  // Warm-up: SaxonJS compiles patterns and XPath lazily on first use.
  for (const text of texts.slice(0, 20)) validateSchematron(compiled, text, 'warm.xml', { params });

  let parsed: { text: string; node: XmlNode }[] = [];
  const parseMs = cpuMs(() => {
    parsed = texts.map((text) => ({ text, node: parseXml(text) }));
  });
  let findings = 0;
  const validateMs = cpuMs(() => {
    findings = 0;
    parsed.forEach((doc, i) => (findings += validateSchematron(compiled, doc, `letter-${i}.xml`, { params }).length));
  });

  const rate = (ms: number) => Math.round((docCount / ms) * 1000);
  return {
    docs: docCount,
    averageBytes: Math.round(texts.reduce((s, x) => s + x.length, 0) / docCount),
    findings,
    compileMs: Math.round(compileMs),
    parseDocsPerSecond: rate(parseMs),
    validateDocsPerSecond: rate(validateMs),
    parseAndValidateDocsPerSecond: rate(parseMs + validateMs),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const docs = Number(process.argv[2] ?? 300);
  console.log(JSON.stringify({ xsltBenchSchema: benchSchematron(docs), editionSchema: benchEngines(docs) }, null, 2));
}
