import { expect } from 'chai';
import { mentionsIn, mentionsOf } from '../../src/encode/mentions.js';
import { el, serialize, teiDocument } from '../../src/encode/xml.js';

const plain = (m: Map<string, Set<string>>): Array<[string, string[]]> => [...m].map(([ref, forms]) => [ref, [...forms]]);

describe('encode: mentions of persons and places', () => {
  const { doc, root } = teiDocument('TEI');
  const p = el(el(root, 'text'), 'p');
  el(p, 'persName', { ref: 'persons.xml#stalin' });
  const mao = el(p, 'persName', { ref: 'persons.xml#mao-zedong', type: 'pseudonym' }, 'Мао & ');
  el(mao, 'lb');
  mao.txt('Цзэдун');
  el(p, 'placeName', { ref: 'places.xml#beijing' }, 'Пекин');
  el(p, 'placeName', { ref: 'places.xml#beijing' }, 'Пекина');
  el(p, 'persName', {}, 'Рощин');
  el(p, 'orgName', { ref: 'persons.xml#x' }, 'not a person');
  const xml = serialize(doc, []);

  it('reads every persName/placeName pointing into persons.xml or places.xml, forms unescaped, tags as spaces, empty names without a form', () => {
    expect(plain(mentionsIn(xml))).to.deep.equal([
      ['persons.xml#stalin', []],
      ['persons.xml#mao-zedong', ['Мао & Цзэдун']],
      ['places.xml#beijing', ['Пекин', 'Пекина']],
    ]);
  });

  it('finds the same in the element tree as in its serialisation', () => {
    expect(plain(mentionsOf(root))).to.deep.equal(plain(mentionsIn(xml)));
  });
});
