/**
 * XML Schema facets and regular expressions as RELAX NG `<param>`s: the parts of the datatype
 * library the conformance suites do not reach (the suites test lexical spaces and ordering).
 */
import { expect } from 'chai';
import { INVALID } from '../../src/validate/relaxng/datatype.js';
import { createDatatype, XSD_LIBRARY } from '../../src/validate/relaxng/datatypes.js';
import { xsdRegExp } from '../../src/validate/relaxng/xsd-regex.js';

const allows = (type: string, params: [string, string][], value: string) => createDatatype(XSD_LIBRARY, type, params).parse(value, undefined) !== INVALID;

describe('XML Schema regular expressions', function () {
  it('anchors the pattern and treats ^ and $ as characters', function () {
    expect(xsdRegExp('ab').test('xaby')).to.equal(false);
    expect(xsdRegExp('a$b').test('a$b')).to.equal(true);
  });

  it('supports class subtraction, name escapes, categories and blocks', function () {
    expect(xsdRegExp('[a-z-[aeiou]]+').test('bcd')).to.equal(true);
    expect(xsdRegExp('[a-z-[aeiou]]+').test('bad')).to.equal(false);
    expect(xsdRegExp('\\i\\c*').test('tei:div')).to.equal(true);
    expect(xsdRegExp('\\p{Lu}\\p{Ll}+').test('Молотов')).to.equal(true);
    expect(xsdRegExp('\\p{IsCyrillic}+').test('шифр')).to.equal(true);
    expect(xsdRegExp('.').test('\n')).to.equal(false);
  });

  it('refuses a malformed pattern with the place of the problem', function () {
    expect(() => xsdRegExp('a(b')).to.throw(/missing \)/);
    expect(() => xsdRegExp('\\q')).to.throw(/unknown escape/);
  });
});

describe('XML Schema facets', function () {
  it('checks pattern, length and bounds', function () {
    expect(allows('token', [['pattern', '\\d{4}-\\d{2}']], '1948-03')).to.equal(true);
    expect(allows('token', [['pattern', '\\d{4}-\\d{2}']], '1948-3')).to.equal(false);
    expect(allows('string', [['maxLength', '3']], 'абв')).to.equal(true);
    expect(allows('string', [['maxLength', '3']], 'абвг')).to.equal(false);
    expect(allows('integer', [['minInclusive', '1'], ['maxExclusive', '13']], '12')).to.equal(true);
    expect(allows('integer', [['minInclusive', '1'], ['maxExclusive', '13']], '13')).to.equal(false);
    expect(allows('date', [['minInclusive', '1947-01-01']], '1946-12-31')).to.equal(false);
    expect(allows('decimal', [['totalDigits', '4'], ['fractionDigits', '1']], '123.4')).to.equal(true);
    expect(allows('decimal', [['totalDigits', '4'], ['fractionDigits', '1']], '12.34')).to.equal(false);
  });

  it('refuses facets the type does not have, and unknown types', function () {
    expect(() => createDatatype(XSD_LIBRARY, 'boolean', [['maxLength', '2']])).to.throw(/not allowed/);
    expect(() => createDatatype(XSD_LIBRARY, 'dateish', [])).to.throw(/not in the XML Schema/);
    expect(() => createDatatype('', 'token', [['length', '2']])).to.throw(/no parameters/);
  });
});
