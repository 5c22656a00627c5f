import { expect } from 'chai';
import { caseForms } from '../../src/authority/declension.js';
import { authorityEntries } from '../../src/authority/forms.js';
import { findNames, resolveName } from '../../src/authority/match.js';

function tagged(text: string): Array<[string, string, boolean]> {
  return findNames(text).map((m) => [text.slice(m.start, m.end), m.ref, m.pseudonym]);
}

describe('authority: name forms', () => {
  it('generates the real Russian case forms from a stem and a paradigm', () => {
    expect(caseForms('Сталин', 'surname')).to.deep.equal(['Сталина', 'Сталину', 'Сталиным', 'Сталине']);
    expect(caseForms('Мао Цзэдун', 'hard')).to.include.members(['Мао Цзэдуна', 'Мао Цзэдуну', 'Мао Цзэдуном']);
    expect(caseForms('Чжоу Эньлай', 'soft-i')).to.include('Чжоу Эньлая');
    expect(caseForms('Красовский', 'adjectival')).to.include('Красовскому');
    expect(caseForms('Корея', 'fem-eia')).to.include.members(['Кореи', 'Корее', 'Корею']);
    expect(caseForms('Маньчжурия', 'fem-iia')).to.deep.equal(['Маньчжурии', 'Маньчжурию', 'Маньчжурией']);
    expect(caseForms('Берия', 'indeclinable')).to.deep.equal([]);
    expect(caseForms('Москва', 'fem-a')).to.deep.equal(['Москвы', 'Москве', 'Москву', 'Москвой']);
    expect(caseForms('Америка', 'fem-a')).to.deep.equal(['Америки', 'Америке', 'Америку', 'Америкой']);
  });

  it('has unique ids and no form shared by two entries', () => {
    const ids = authorityEntries().map((e) => e.id);
    expect(new Set(ids).size).to.equal(ids.length);
    expect(() => findNames('Сталин')).not.to.throw();
  });
});

describe('authority: finding names in text', () => {
  it('matches case forms, transliteration variants, upper case and spaced letters', () => {
    expect(tagged('ответ Мао Цзэдуна на Ваш')).to.deep.equal([['Мао Цзэдуна', 'mao-zedong', false]]);
    expect(tagged('Передайте Мао Цзе-дуну следующее')).to.deep.equal([['Мао Цзе-дуну', 'mao-zedong', false]]);
    expect(tagged('МАО ЦЗЕ-ДУН')[0]?.[1]).to.equal('mao-zedong');
    expect(tagged('М А О Ц З Е - Д У Н')).to.deep.equal([['М А О Ц З Е - Д У Н', 'mao-zedong', false]]);
    expect(tagged('Mao Tse-tung and MAO ZEDONG\'s answer').map((t) => t[0])).to.deep.equal(['Mao Tse-tung', 'MAO ZEDONG']);
    expect(tagged('Т Е Р Е Б И Н У.')).to.deep.equal([['Т Е Р Е Б И Н У', 'orlov', true]]);
  });

  it('types pseudonyms and points them to the real person', () => {
    expect(tagged('ФИЛИППОВУ')).to.deep.equal([['ФИЛИППОВУ', 'stalin', true]]);
    expect(tagged('Filippov [Stalin]')).to.deep.equal([['Filippov', 'stalin', true], ['Stalin', 'stalin', false]]);
    expect(tagged('Фын Си')).to.deep.equal([['Фын Си', 'stalin', true]]);
  });

  it('tags places in every form', () => {
    for (const form of ['Пекин', 'Пекина', 'ПЕКИН', 'Beijing', 'Beiping', 'Peking', 'Бейпина']) expect(tagged(`в ${form} и`)[0]?.[1], form).to.equal('beijing');
    expect(tagged('в Северную Корею для')).to.deep.equal([['Северную Корею', 'north-korea', false]]);
    expect(tagged('корейских граждан, находящихся в Маньчжурии.')).to.deep.equal([['Маньчжурии', 'manchuria', false]]);
  });

  it('matches whole words only, never lower-case words, and leaves unknown names untagged', () => {
    expect(tagged('Сталинград')).to.deep.equal([]);
    expect(tagged('Китайское правительство и корейский народ')).to.deep.equal([]);
    expect(tagged('N 8-тов,Ьулганину')).to.deep.equal([]);
    expect(tagged('тов. Будганину')).to.deep.equal([]);
    expect(tagged('котов и мао')).to.deep.equal([]);
    expect(tagged('на Дальнем Востоке')).to.deep.equal([]);
  });

  it('resolves a correspondent as written', () => {
    expect(resolveName('Filippov')).to.include({ ref: 'stalin', pseudonym: true });
    expect(resolveName('Krasovsky')).to.include({ ref: 'krasovsky' });
    expect(resolveName('Araushkin')).to.equal(undefined);
  });
});
