/**
 * The two back ends of the native XPath subset — generated code (codegen.ts) and the closure
 * compiler — give the same values and the same dynamic errors, expression by expression: the
 * forms the generator keeps without sequences (one string, zero or one node, booleans), the
 * loops and filters it writes out, and the places where it hands over to closures.
 */
import { expect } from 'chai';
import { buildTree, evaluateNative, Untyped, XDecimal, XInteger, XMap, XPathError, type Item, type Seq } from '../../src/validate/schematron-native/index.js';

const TEI = 'http://www.tei-c.org/ns/1.0';
const doc = buildTree(
  `<TEI xmlns="${TEI}" xml:id="t"><text><body>` +
    `<div type="original" xml:id="d1" xml:lang="ru"><p xml:id="d1-p1" corresp="#d2-p1 #d2-p2" n=" 2 ">Раз <hi>два</hi> три</p><p xml:id="d1-p2" ref="persons.xml#a x:y">b</p></div>` +
    `<div type="translation" xml:id="d2" xml:lang="en"><p xml:id="d2-p1" corresp="#d1-p1">One two three</p><p n="x"/></div>` +
    `</body></text></TEI>`,
);
const p1 = doc.children[0]!.children[0]!.children[0]!.children[0]!.children[0]!;
const strings = ['a', 'b#c', 'd1-p1'] as Item[];
const map = new XMap(new Map([['', { key: '', value: [doc] as Seq }]]));

function outcome(expr: string, context: Item | undefined, closures: boolean): unknown {
  try {
    return evaluateNative(expr, context as never, { tei: TEI }, { strings, one: ['x'], none: [], map: [map], num: [new XInteger(2)] }, closures).map((x) =>
      x instanceof Untyped ? `untyped:${x.value}` : x instanceof XInteger || x instanceof XDecimal ? x.value : x instanceof XMap ? 'map' : x,
    );
  } catch (e) {
    if (e instanceof XPathError) return e.code;
    return `unsupported`;
  }
}

const EXPRESSIONS = [
  // Strings, attributes, and the string functions on them.
  "normalize-space(@n)", "normalize-space(@missing)", "contains(@corresp, '#')", "substring-before(@corresp || '#', '#')",
  "substring-after(@ref, '#')", "starts-with(@xml:id, 'd1')", "ends-with(., 'три')", "string(@n)", "string(())", "string($strings)",
  "substring(@xml:id, 2)", "substring(@xml:id, 2, 3)", "substring(@xml:id, 0.5)", "tokenize(normalize-space(@corresp), ' ')", "tokenize('', ' ')",
  "contains($strings, 'a')", "contains($one, 'x')", "normalize-space($num)", "'a' || 1 || true()", "$strings || 'x'", "@n || ()",
  // Comparisons.
  "@type = 'original'", "@xml:id = 'd1-p1'", "'d1-p1' = @xml:id", "@missing = 'x'", "@n = 2", "$strings = 'a'", "'a' != 'b'", "$none = 'a'", "@xml:id = $strings",
  // Booleans, emptiness, counts.
  "not(@n)", "exists(@n) and empty(@missing)", "boolean($strings)", "boolean($one)", "not($none)", "count(tei:hi)", "exists(.)", "empty(())",
  "if (@n) then 'yes' else ()", "if (@missing) then 'yes' else @n", "if (@n) then (1, 2) else 'x'",
  // Paths, predicates and filters.
  "ancestor::tei:div[@type = ('original', 'translation')][1]/@type", "ancestor::tei:div[@xml:id]", "ancestor::tei:div[@xml:id][2]", "ancestor-or-self::*[@xml:id][1]",
  "self::tei:p", "parent::tei:div/@xml:lang", "tei:hi", "root()", "(//tei:p)[2]/@xml:id", "$strings[contains(., '#')]", "$strings[2]", "$strings[$num]",
  "$strings[. = 'a'][1]", "//tei:p[not(self::tei:p)]", "(//tei:p)[@n][last()]", "$strings/@x", "$strings[1]/@x", "(//tei:div)/@type", "(//tei:div[2], //tei:div[1])/@type",
  "ancestor::tei:div[1]/tei:p[1]/@xml:id",
  // Binding expressions.
  "for $a in (@ref, @corresp), $p in tokenize(normalize-space($a), ' ') return if (contains($p, ':')) then () else $p",
  "for $p in $strings return substring-after($p, '#')", "for $x in 'one' return $x", "for $n in tei:hi return $n/..",
  "some $s in $strings satisfies $s = 'a'", "every $s in $strings satisfies contains($s, 'a')", "let $x := @xml:id return starts-with($x, 'd')",
  "let $x := @xml:id, $y := $x || '-' return ($y, string-length($y))", "$strings[let $f := substring-before(. || '#', '#') return $f = 'b']",
  "for $a in (1, 2) return $a * 2",
  // Maps, keys, names.
  "map:contains($map, '')", "map:contains($map, 'x')", "$map('')", "$map(substring-before('#x', '#'))", "local-name(ancestor::tei:div[1])", "name(())", "local-name($strings)",
  // Errors: absent focus, atomic focus, sequences where one item is expected.
  "contains($strings, ($strings, 'x'))", "normalize-space(.)", "$strings/tei:p", "'a'/@x",
];

describe('native XPath: generated code against closures', () => {
  for (const [name, context] of [['a paragraph', p1], ['the document', doc], ['no context item', undefined], ['a string', 'd1-p1']] as const) {
    it(`gives the closure compiler's values and errors, with ${name} as context`, () => {
      for (const expr of EXPRESSIONS) expect(outcome(expr, context, false), expr).to.deep.equal(outcome(expr, context, true));
    });
  }

  it('evaluates the forms it keeps without sequences', () => {
    expect(outcome("for $a in (@ref, @corresp), $p in tokenize(normalize-space($a), ' ') return if (contains($p, ':')) then () else $p", doc.children[0]!.children[0]!.children[0]!.children[0]!.children[1]!, false)).to.deep.equal(['persons.xml#a']);
    expect(outcome("ancestor::tei:div[@type = ('original', 'translation')][1]/@type = 'original'", p1, false)).to.deep.equal([true]);
    expect(outcome("$strings[contains(., '#')]", p1, false)).to.deep.equal(['b#c']);
    expect(outcome('normalize-space(.)', undefined, false)).to.equal('XPDY0002');
  });
});
