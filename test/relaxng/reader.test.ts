/**
 * The positioned XML reader: well-formedness errors with their place, security refusals, and the
 * constructs a well-formed document may contain (namespaces, references, CDATA, comments, PIs).
 */
import { expect } from 'chai';
import { decodeXml } from '../../src/xml/decode.js';
import { readXml, readXmlTree, XmlSource, type XmlElement } from '../../src/xml/reader.js';
import { collapseWhitespace, isXmlWhitespace } from '../../src/xml/whitespace.js';

function errorsOf(text: string): string[] {
  return readXml(new XmlSource(text, 'x.xml'), { startElement() {}, endElement() {}, text() {} }).map((d) => `${d.line}:${d.column} ${d.code}`);
}

describe('XML reader', function () {
  const malformed: [string, string, string][] = [
    ['mismatched end tag', '<a>\n  <b></c></a>', '2:6 SHF-XML-001'],
    ['unclosed element', '<a><b></b>', '1:11 SHF-XML-001'],
    ['two roots', '<a/><b/>', '1:5 SHF-XML-001'],
    ['text before the root', 'hello <a/>', '1:1 SHF-XML-001'],
    ['bare ampersand', '<a>fish & chips</a>', '1:9 SHF-XML-001'],
    ['undefined entity', '<a>&nbsp;</a>', '1:4 SHF-XML-001'],
    ['unquoted attribute', '<a b=c/>', '1:6 SHF-XML-001'],
    ['duplicate attribute', '<a b="1" b="2"/>', '1:10 SHF-XML-001'],
    ['same expanded attribute name', '<a xmlns:p="u" xmlns:q="u" p:b="1" q:b="2"/>', '1:36 SHF-XML-001'],
    ['undeclared prefix', '<p:a/>', '1:2 SHF-XML-001'],
    ['namespace declared twice', '<a xmlns:p="u" xmlns:p="v"/>', '1:16 SHF-XML-001'],
    ['declaration of an empty prefix', '<a xmlns:="u"/>', '1:4 SHF-XML-001'],
    ['"xml:" without a local name', '<a xml:="1"/>', '1:4 SHF-XML-001'],
    ['the xml prefix bound elsewhere', '<a xmlns:xml="urn:x"/>', '1:4 SHF-XML-001'],
    ['"<" in attribute value', '<a b="x<y"/>', '1:8 SHF-XML-001'],
    ['control character', '<a>\u0001</a>', '1:4 SHF-XML-001'],
    ['lone high surrogate', '<a>x\ud83d</a>', '1:5 SHF-XML-001'],
    ['lone low surrogate in an attribute', '<a b="\ude00"/>', '1:7 SHF-XML-001'],
    ['U+FFFE', '<a>\ufffe</a>', '1:4 SHF-XML-001'],
    ['"]]>" in text', '<a>]]></a>', '1:4 SHF-XML-001'],
    ['"--" in comment', '<a><!-- a -- b --></a>', '1:4 SHF-XML-001'],
    ['illegal character reference', '<a>&#0;</a>', '1:4 SHF-XML-001'],
    ['XML declaration not at start', '\n<?xml version="1.0"?><a/>', '2:1 SHF-XML-001'],
    ['empty document', '', '1:1 SHF-XML-001'],
    ['processing-instruction target run into its data', '<a><?xmhref="x"?></a>', '1:12 SHF-XML-001'],
    ['billion laughs', '<!DOCTYPE a [<!ENTITY x "xx"><!ENTITY y "&x;&x;">]><a>&y;</a>', '1:1 SHF-XML-002'],
  ];
  it('accepts every character XML allows, astral ones included', function () {
    expect(errorsOf('<a b="\t\u00a0\ud7ff\ue000\ufffd">\r\n\u{1F600}\u{10FFFF}</a>')).to.deep.equal([]);
  });
  for (const [what, text, expected] of malformed) {
    it(`reports ${what} at its place`, function () {
      expect(errorsOf(text)).to.deep.equal([expected]);
    });
  }

  it('reads namespaces, references, CDATA, comments, PIs, CRLF and a DOCTYPE without entities', function () {
    const text =
      '<?xml version="1.0" encoding="UTF-8"?>\r\n<!DOCTYPE TEI>\r\n<!-- c --><?pi x?>' +
      '<TEI xmlns="urn:t" xmlns:x="urn:x" x:a="1&#10;2\t3" xml:lang="ru">a&lt;&#x416;<![CDATA[<b>&amp;]]><!-- c -->z\r\nq<x:e/></TEI>\n';
    const { root, diagnostics } = readXmlTree(new XmlSource(text, 'x.xml'));
    expect(diagnostics).to.deep.equal([]);
    expect([root!.ns, root!.local]).to.deep.equal(['urn:t', 'TEI']);
    expect(root!.attributes.map((a) => [a.ns, a.local, a.value])).to.deep.equal([
      ['urn:x', 'a', '1\n2 3'],
      ['http://www.w3.org/XML/1998/namespace', 'lang', 'ru'],
    ]);
    expect(root!.children[0]).to.equal('a<Ж<b>&amp;z\nq');
    const child = root!.children[1] as XmlElement;
    expect([child.ns, child.local, child.bindings['x']]).to.deep.equal(['urn:x', 'e', 'urn:x']);
  });

  it('resolves a prefixed attribute declared later in the same tag, and xml: attributes without a declaration', function () {
    const { root, diagnostics } = readXmlTree(new XmlSource('<a p:b="1" xml:id="i" c="2" xmlns:p="urn:p"/>', 'x.xml'));
    expect(diagnostics).to.deep.equal([]);
    expect(root!.attributes.map((a) => [a.qname, a.ns, a.local, a.value])).to.deep.equal([
      ['p:b', 'urn:p', 'b', '1'],
      ['xml:id', 'http://www.w3.org/XML/1998/namespace', 'id', 'i'],
      ['c', '', 'c', '2'],
    ]);
  });

  it('strips a UTF-8 byte-order mark and refuses windows-1251 bytes with their place', function () {
    expect(decodeXml(Buffer.from('\uFEFF<a/>', 'utf8'), 'x.xml').text).to.equal('<a/>');
    const d = decodeXml(Buffer.from([0x3c, 0x61, 0x3e, 0x0a, 0xd2, 0xe5, 0x3c, 0x2f, 0x61, 0x3e]), 'x.xml').diagnostic!;
    expect([d.code, d.line, d.column]).to.deep.equal(['SHF-XML-003', 2, 1]);
    expect(decodeXml(Buffer.from('<?xml version="1.0" encoding="windows-1251"?><a/>'), 'x.xml').diagnostic!.code).to.equal('SHF-XML-003');
  });

  it('checks the characters on the bytes when decoding UTF-8, and still reports a forbidden one at its place', function () {
    const clean = '<a b="\t\u00a0\ud7ff\ue000\ufffd">\r\nЖ\u{1F600}\u{10FFFF}\u0085</a>';
    expect(decodeXml(Buffer.from(clean, 'utf8'), 'x.xml').allowedCharsOnly).to.equal(true);
    // UTF-16 input is left to the reader's own check.
    expect(decodeXml(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(clean, 'utf16le')]), 'x.xml').allowedCharsOnly).to.equal(false);
    for (const [bad, column] of [['\u0001', 4], ['\u001f', 4], ['\ufffe', 4], ['\uffff', 4]] as const) {
      const text = `<a>${bad}</a>`;
      const decoded = decodeXml(Buffer.from(text, 'utf8'), 'x.xml');
      expect(decoded.allowedCharsOnly, JSON.stringify(bad)).to.equal(false);
      const found = readXml(new XmlSource(decoded.text!, 'x.xml', decoded.allowedCharsOnly), { startElement() {}, endElement() {}, text() {} });
      expect(found.map((d) => `${d.line}:${d.column} ${d.code}`), JSON.stringify(bad)).to.deep.equal([`1:${column} SHF-XML-001`]);
    }
    expect(decodeXml(Buffer.from('<a b="\u0008"/>', 'utf8'), 'x.xml').allowedCharsOnly).to.equal(false);
  });

  it('collapses XML white space (space, tab, CR, LF) and nothing else, as XSD collapse and normalize-space() do', function () {
    const reference = (s: string) => s.replace(/[ \t\r\n]+/g, ' ').replace(/^ | $/g, '');
    const alphabet = [' ', '\t', '\r', '\n', 'a', 'я', '\u00a0', '\u2003'];
    // Every string of up to four of these characters.
    let strings = [''];
    for (let n = 0; n < 4; n++) strings = strings.concat(strings.filter((s) => s.length === n).flatMap((s) => alphabet.map((c) => s + c)));
    for (const s of strings) {
      expect(collapseWhitespace(s), JSON.stringify(s)).to.equal(reference(s));
      expect(isXmlWhitespace(s), JSON.stringify(s)).to.equal(/^[ \t\r\n]*$/.test(s));
    }
    // A no-break space is not white space: it stays at either end.
    expect(collapseWhitespace('\u00a0 id \u00a0')).to.equal('\u00a0 id \u00a0');
  });

  it('reads a large document in time proportional to its size', function () {
    this.timeout(30_000);
    const para = '<p n="1">Текст &amp; <hi>важный</hi> абзац.</p>\n';
    const text = `<body>${para.repeat(100_000)}</body>`;
    let elements = 0;
    const t = performance.now();
    const ds = readXml(new XmlSource(text, 'big.xml'), { startElement: () => void elements++, endElement() {}, text() {} });
    expect(ds).to.deep.equal([]);
    expect(elements).to.equal(200_001);
    // Generous: the shared machines are often oversubscribed; a quadratic reader would take minutes.
    expect(performance.now() - t, 'ms for 5 MB').to.be.lessThan(15_000);
  });
});
