/**
 * The XPath 3.1 subset of the native Schematron engine, expression by expression: operators,
 * functions, edge cases (empty sequences, general comparison on sequences, numeric predicates,
 * document order and de-duplication of path results), and constructs outside the subset, which
 * must be refused at compile time rather than answered wrongly.
 */
import { expect } from 'chai';
import { buildTree, evaluateNative, Unsupported, Untyped, XDecimal, XInteger, XMap, XPathError, type Item } from '../../src/validate/schematron-native/index.js';

const TEI = 'http://www.tei-c.org/ns/1.0';
const doc = buildTree(
  `<TEI xmlns="${TEI}" xml:id="t"><text><body>` +
    `<div type="original" xml:id="d1" xml:lang="ru"><p xml:id="d1-p1" corresp="#d2-p1">Раз <hi>два</hi> три</p><p xml:id="d1-p2">b</p></div>` +
    `<div type="translation" xml:id="d2" xml:lang="en"><p xml:id="d2-p1" corresp="#d1-p1">One two three</p></div>` +
    `</body></text></TEI>`,
);

/** A readable form of a result: strings, numbers, booleans, and nodes as `<name>` / `@name`. */
function show(item: Item): unknown {
  if (typeof item === 'string' || typeof item === 'boolean' || typeof item === 'number') return item;
  if (item instanceof Untyped) return `untyped:${item.value}`;
  if (item instanceof XInteger || item instanceof XDecimal) return item.value;
  if (item instanceof XMap) return 'map';
  if (item.kind === 2) return `@${item.qname}`;
  if (item.kind === 3) return `text:${item.value}`;
  if (item.kind === 0) return 'document';
  return `<${item.qname}${item.attribute('http://www.w3.org/XML/1998/namespace', 'id') ? '#' + item.attribute('http://www.w3.org/XML/1998/namespace', 'id')!.value : ''}>`;
}

const ev = (expr: string, context: Item | undefined = doc): unknown[] =>
  evaluateNative(expr, context as never, { tei: TEI }).map(show);

function refused(expr: string): string {
  try {
    evaluateNative(expr, doc, { tei: TEI });
  } catch (e) {
    if (e instanceof Unsupported) return 'unsupported';
    if (e instanceof XPathError) return e.code;
    throw e;
  }
  return 'evaluated';
}

describe('native XPath: paths and axes', () => {
  it('selects children, descendants and attributes in document order', () => {
    expect(ev('//tei:p/@xml:id')).to.deep.equal(['@xml:id', '@xml:id', '@xml:id']);
    expect(ev('string-join(//tei:p/@xml:id, ",")')).to.deep.equal(['d1-p1,d1-p2,d2-p1']);
    expect(ev('/tei:TEI/tei:text/tei:body/tei:div/@type ! string()')).to.deep.equal(['original', 'translation']);
  });

  it('removes duplicates and sorts path results into document order', () => {
    expect(ev('count(//tei:p/ancestor::tei:div)')).to.deep.equal([2]);
    expect(ev('(//tei:p[2], //tei:p[1])/@xml:id ! string()')).to.deep.equal(['d1-p1', 'd1-p2', 'd2-p1']);
    expect(ev('(//tei:div[2] | //tei:div[1]) ! string(@xml:id)')).to.deep.equal(['d1', 'd2']);
  });

  it('counts numeric predicates as positions, forwards on forward axes and backwards on reverse ones', () => {
    expect(ev('//tei:div[1]/tei:p[2]/@xml:id ! string()')).to.deep.equal(['d1-p2']);
    expect(ev('(//tei:p)[last()]/@xml:id ! string()')).to.deep.equal(['d2-p1']);
    expect(ev('//tei:hi/ancestor::*[1]/@xml:id ! string()')).to.deep.equal(['d1-p1']);
    expect(ev('//tei:p[@xml:id = "d1-p2"]/preceding-sibling::tei:p[1]/@xml:id ! string()')).to.deep.equal(['d1-p1']);
    expect(ev('//tei:p[@xml:id = "d1-p1"]/following-sibling::*/@xml:id ! string()')).to.deep.equal(['d1-p2']);
    expect(ev('//tei:p[position() = 2]/@xml:id ! string()')).to.deep.equal(['d1-p2']);
  });

  it('finds the nearest ancestors that pass filters, counting outwards, whichever way the predicates come', () => {
    const hi = evaluateNative('//tei:hi', doc, { tei: TEI })[0];
    const from = (expr: string): unknown[] => ev(expr, hi);
    expect(from('ancestor::*[@xml:id][1]/@xml:id ! string()')).to.deep.equal(['d1-p1']);
    expect(from('ancestor::*[@xml:id][2]/@xml:id ! string()')).to.deep.equal(['d1']);
    expect(from('ancestor::*[@xml:id][@type][1]/@xml:id ! string()')).to.deep.equal(['d1']);
    expect(from('ancestor::*[@xml:id][9]')).to.deep.equal([]);
    // All that pass, in document order.
    expect(from('ancestor::*[@xml:id] ! string(@xml:id)')).to.deep.equal(['t', 'd1', 'd1-p1']);
    expect(from('ancestor-or-self::*[1] ! local-name()')).to.deep.equal(['hi']);
    expect(from('ancestor-or-self::*[not(@xml:id)][2] ! local-name()')).to.deep.equal(['body']);
    // A position first, then a filter: the first ancestor, kept only if it passes.
    expect(from('ancestor::*[1][@type] ! local-name()')).to.deep.equal([]);
    expect(from('ancestor::*[2][@type] ! local-name()')).to.deep.equal(['div']);
    // A let in a predicate keeps its test.
    expect(from('ancestor::*[let $id := @xml:id return starts-with($id, "d1")] ! string(@xml:id)')).to.deep.equal(['d1', 'd1-p1']);
  });

  it('walks the following and preceding axes in document order, descendants and ancestors left out, positions counted from the node', () => {
    const hi = evaluateNative('//tei:hi', doc, { tei: TEI })[0];
    const from = (expr: string): unknown[] => ev(expr, hi);
    expect(from('following::* ! local-name()')).to.deep.equal(['p', 'div', 'p']);
    expect(from('following::text() ! string()')).to.deep.equal([' три', 'b', 'One two three']);
    expect(from('following::tei:p[1]/@xml:id ! string()')).to.deep.equal(['d1-p2']);
    expect(from('preceding::node() ! string()')).to.deep.equal(['Раз ']);
    expect(ev('//tei:p[@xml:id = "d2-p1"]/preceding::tei:p ! string(@xml:id)')).to.deep.equal(['d1-p1', 'd1-p2']);
    expect(ev('//tei:p[@xml:id = "d2-p1"]/preceding::tei:p[1]/@xml:id ! string()')).to.deep.equal(['d1-p2']);
    expect(ev('//tei:p[@xml:id = "d2-p1"]/preceding::*[last()] ! local-name()')).to.deep.equal(['div']);
    // No ancestor precedes a node, no descendant follows it; an attribute's element's children do.
    expect(ev('//tei:p[@xml:id = "d2-p1"]/preceding::tei:div ! string(@xml:id)')).to.deep.equal(['d1']);
    expect(ev('//tei:div[1]/following::* ! local-name()')).to.deep.equal(['div', 'p']);
    expect(ev('//tei:div[1]/@type/following::tei:p ! string(@xml:id)')).to.deep.equal(['d1-p1', 'd1-p2', 'd2-p1']);
    expect(ev('//tei:div[1]/@type/preceding::* ! local-name()')).to.deep.equal([]);
    // From several nodes: one sequence, no duplicates.
    expect(ev('count(//tei:p/following::tei:p)')).to.deep.equal([2]);
  });

  it('finds elements by xml:id with id(): lists of IDREFs, document order, the first of duplicates, non-names ignored', () => {
    expect(ev('id("d2-p1 d1") ! string(@xml:id)')).to.deep.equal(['d1', 'd2-p1']);
    expect(ev('id(("d1-p2", "nothing", "no:name", "  d2  ")) ! string(@xml:id)')).to.deep.equal(['d1-p2', 'd2']);
    expect(ev('id(//tei:p[1]/@corresp ! substring(., 2)) ! string(@xml:id)')).to.deep.equal(['d1-p1', 'd2-p1']);
    expect(ev('id("t", //tei:hi) ! local-name()')).to.deep.equal(['TEI']);
    expect(ev('id(())')).to.deep.equal([]);
    const twice = buildTree(`<a xml:id="x"><b xml:id=" x "/><c xml:id="y"/></a>`);
    expect(evaluateNative('id("x") ! local-name()', twice).map(show)).to.deep.equal(['a']);
    expect(refused('id(1)')).to.equal('XPTY0004');
  });

  it('walks parent, self, ancestor-or-self and descendant-or-self, and tests node kinds', () => {
    expect(ev('//tei:hi/../@xml:id ! string()')).to.deep.equal(['d1-p1']);
    expect(ev('count(//tei:hi/ancestor-or-self::node())')).to.deep.equal([7]);
    expect(ev('//tei:div[self::tei:div/@type = "translation"]/@xml:lang ! string()')).to.deep.equal(['en']);
    expect(ev('count(//tei:div[1]/descendant-or-self::element())')).to.deep.equal([4]);
    expect(ev('//tei:p[1]/text() ! string()')).to.deep.equal(['Раз ', ' три', 'One two three']);
    expect(ev('count(//tei:*)')).to.deep.equal([9]);
    expect(ev('count(//*:p)')).to.deep.equal([3]);
    expect(ev('count(//p)')).to.deep.equal([0]);
  });
});

describe('native tree: nodes it leaves out', () => {
  it('knows when comments or processing instructions from the root element on are missing from it, and not for the prolog', () => {
    const hidden = (text: string) => buildTree(text).hasHiddenNodes;
    expect(hidden(`<?xml-model href="a.rng"?><!-- prolog --><TEI xmlns="${TEI}"><p>a</p></TEI>`)).to.equal(false);
    expect(hidden(`<TEI xmlns="${TEI}"><p>a<!-- note --></p></TEI>`)).to.equal(true);
    expect(hidden(`<TEI xmlns="${TEI}"><p>a<?pi x?></p></TEI>`)).to.equal(true);
    expect(hidden(`<TEI xmlns="${TEI}"><p>a</p></TEI><!-- after -->`)).to.equal(true);
    expect(hidden(`<TEI xmlns="${TEI}"><p><![CDATA[<!-- not a comment --><?not a pi?>]]></p></TEI>`)).to.equal(false);
  });
});

describe('native XPath: comparisons and arithmetic', () => {
  it('general comparisons are existential over sequences and false on an empty one', () => {
    expect(ev('//tei:div/@type = "translation"')).to.deep.equal([true]);
    expect(ev('//tei:div/@type != "translation"')).to.deep.equal([true]);
    expect(ev('() = ()')).to.deep.equal([false]);
    expect(ev('() != 1')).to.deep.equal([false]);
    expect(ev('(1, 2) = (2, 3)')).to.deep.equal([true]);
    expect(ev('count(//tei:p) = 3')).to.deep.equal([true]);
  });

  it('compares untypedAtomic as a number against a number, as a string against a string', () => {
    expect(ev('count(//tei:p) > 2.5')).to.deep.equal([true]);
    const n = buildTree('<a n="10"/>');
    expect(ev('/a/@n > 9', n)).to.deep.equal([true]);
    expect(ev('/a/@n > "9"', n)).to.deep.equal([false]);
  });

  it('value comparisons give () on an empty operand and refuse sequences', () => {
    expect(ev('() eq 1')).to.deep.equal([]);
    expect(ev('2 gt 1')).to.deep.equal([true]);
    expect(ev('"a" lt "b"')).to.deep.equal([true]);
    expect(refused('(1, 2) eq 1')).to.equal('XPTY0004');
    expect(refused('"a" eq 1')).to.equal('XPTY0004');
  });

  it('does arithmetic with XPath types: integer, decimal and double', () => {
    expect(ev('1 + 2')).to.deep.equal([3]);
    expect(ev('7 idiv 2, 7 mod 2, -3')).to.deep.equal([3, 1, -3]);
    expect(ev('string(1 div 4)')).to.deep.equal(['0.25']);
    expect(ev('string(1e0 div 0)')).to.deep.equal(['INF']);
    expect(ev('string(1e7)')).to.deep.equal(['1.0E7']);
    expect(ev('() + 1')).to.deep.equal([]);
    expect(refused('1 div 0')).to.equal('FOAR0001');
    expect(ev('1 to 3')).to.deep.equal([1, 2, 3]);
    expect(ev('"a" || 1 || ()')).to.deep.equal(['a1']);
  });

  it('computes effective boolean values and refuses them for several atomic values', () => {
    expect(ev('boolean(""), boolean("x"), boolean(0), boolean(//tei:p), not(())')).to.deep.equal([false, true, false, true, true]);
    expect(refused('boolean((1, 2))')).to.equal('FORG0006');
  });

  it('casts and tests castability for the xs types it knows, and refuses the others', () => {
    expect(ev('"12" castable as xs:positiveInteger, "0" castable as xs:positiveInteger, "" castable as xs:integer')).to.deep.equal([true, false, false]);
    expect(ev('"1950-02-29" castable as xs:date, "1952-02-29" castable as xs:date')).to.deep.equal([false, true]);
    expect(ev('() castable as xs:integer?, xs:integer(" 42 ") + 1')).to.deep.equal([true, 43]);
    expect(refused('"x" cast as xs:integer')).to.equal('FORG0001');
    expect(refused('"1950-01-01" cast as xs:date')).to.equal('unsupported');
  });
});

describe('native XPath: binding expressions and maps', () => {
  it('evaluates for, let, some, every and if', () => {
    expect(ev('for $p in //tei:p, $c in tokenize($p/@corresp) return $c')).to.deep.equal(['#d2-p1', '#d1-p1']);
    expect(ev('let $x := 2, $y := $x * 3 return $y')).to.deep.equal([6]);
    expect(ev('some $d in //tei:div satisfies $d/@type = "original"')).to.deep.equal([true]);
    expect(ev('every $d in //tei:div satisfies $d/@type = "original"')).to.deep.equal([false]);
    expect(ev('every $d in () satisfies false()')).to.deep.equal([true]);
    expect(ev('if (//tei:hi) then "yes" else "no"')).to.deep.equal(['yes']);
  });

  it('builds, merges and looks up maps', () => {
    expect(ev('map { "a": 1, "b": (2, 3) }("b")')).to.deep.equal([2, 3]);
    expect(ev('map { "a": 1 }("z")')).to.deep.equal([]);
    expect(ev('map:contains(map:merge((map { "a": 1 }, map { "b": 2 })), "b")')).to.deep.equal([true]);
    expect(ev('map:merge((map { "a": 1 }, map { "a": 2 }))("a")')).to.deep.equal([1]);
    expect(ev('let $m := map { "": / } return count($m("")//tei:p)')).to.deep.equal([3]);
  });
});

describe('native XPath: functions', () => {
  it('string functions', () => {
    expect(ev('normalize-space("  a \n b  ")')).to.deep.equal(['a b']);
    expect(ev('normalize-space((//tei:p)[1])')).to.deep.equal(['Раз два три']);
    expect(ev('substring-before("a#b", "#"), substring-after("a#b", "#"), substring-after("ab", "#")')).to.deep.equal(['a', 'b', '']);
    expect(ev('substring("12345", 2, 3), substring("12345", 1.5, 2.6), substring("12345", 0, 3)')).to.deep.equal(['234', '234', '12']);
    expect(ev('starts-with("abc", "ab"), ends-with("abc", "bc"), contains("abc", ""), string-length("Раз")')).to.deep.equal([true, true, true, 3]);
    expect(ev('string-join((1, "b", ()), "-"), concat("a", (), 1)')).to.deep.equal(['1-b', 'a1']);
    expect(ev('upper-case("ab"), translate("abc", "ab", "B")')).to.deep.equal(['AB', 'Bc']);
    expect(refused('contains(1, "1")')).to.equal('XPTY0004');
  });

  it('regular expressions with XPath semantics', () => {
    expect(ev('tokenize(" a  b ")')).to.deep.equal(['a', 'b']);
    expect(ev('tokenize("a, b,c", ",\\s*")')).to.deep.equal(['a', 'b', 'c']);
    expect(ev('tokenize("", ",")')).to.deep.equal([]);
    expect(ev('matches("1950-10-03", "^[0-9]{4}"), matches("x", "^[0-9]{4}")')).to.deep.equal([true, false]);
    expect(ev('replace("№ 123", "^(N|No\\.?|№)\\s*", ""), replace("abc", "(b)", "[$1]")')).to.deep.equal(['123', 'a[b]c']);
    expect(ev('matches("ABC", "b", "i")')).to.deep.equal([true]);
    expect(refused('replace("abc", "x*", "y")')).to.equal('FORX0003');
    expect(refused('matches("a", "\\i")')).to.equal('unsupported');
  });

  it('sequence functions', () => {
    expect(ev('distinct-values(("a", "b", "a", //tei:div/@type))')).to.deep.equal(['a', 'b', 'untyped:original', 'untyped:translation']);
    expect(ev('index-of(("a", "b", "a"), "a")')).to.deep.equal([1, 3]);
    expect(ev('exists(()), empty(()), count((1, (), 2))')).to.deep.equal([false, true, 2]);
    expect(ev('head((1, 2)), tail((1, 2, 3)), reverse((1, 2))')).to.deep.equal([1, 2, 3, 2, 1]);
  });

  it('node functions', () => {
    expect(ev('name(//tei:hi), local-name(//tei:hi), namespace-uri(//tei:hi) = "' + TEI + '"')).to.deep.equal(['hi', 'hi', true]);
    expect(ev('name((//tei:p)[1]/@xml:id), name(())')).to.deep.equal(['xml:id', '']);
    expect(ev('root(//tei:hi) is /')).to.deep.equal([true]);
    expect(ev('string(base-uri(/))')).to.deep.equal(['']);
    expect(ev('resolve-uri("b.xml", "file:///x/a.xml")')).to.deep.equal(['file:///x/b.xml']);
  });
});

describe('native XPath: outside the subset', () => {
  for (const expr of ['//tei:p instance of element()', 'function($x) { $x }', '[1, 2]', '$undeclared', 'unknown-function(1)', 'tei:p => count()', 'foo:bar()', '//tei:p/comment()']) {
    it(`refuses ${expr} at compile time`, () => {
      expect(refused(expr)).to.equal('unsupported');
    });
  }
});
