import { expect } from 'chai';
import { alignParagraphs, correspondences, type AlignUnit } from '../../src/align/align.js';

const ru = (texts: string[]): AlignUnit[] => texts.map((text, i) => ({ id: `ru${i + 1}`, text }));
const en = (texts: string[]): AlignUnit[] => texts.map((text, i) => ({ id: `en${i + 1}`, text }));

const RU = [
  'Докладываю ответ Мао Цзэдуна на Ваш N 4581:',
  'Ваша телеграмма от 1.10.50 г. получена. Мы первоначально планировали двинуть несколько добровольческих дивизий в Северную Корею, когда противник выступит севернее 38 параллели.',
  'Во-вторых, наиболее вероятно, что это вызовет открытое столкновение США и Китая, вследствие чего Советский Союз может быть втянут в войну.',
  'В 1951 г. Корейское правительство взимало сельскохозяйственные налоги натуральным зерном в 650.000 тонн, что составляло слишком большие проценты всего урожая. В настоящее время 10 процентов населения терпят голод.',
  'Ждем ответа.',
];
const EN = [
  'I report the answer of MAO ZEDONG to your [telegram] No. 4581:',
  'I received your telegram of 1.10.50. We originally planned to move several volunteer divisions to North Korea when the enemy advanced north of the 38th parallel.',
  'In the second place, it is most likely that this will provoke an open conflict between the USA and China, as a consequence of which the Soviet Union can also be dragged into war.',
  'In 1951 the Korean government collected agricultural taxes in kind in grain in the amount of 650,000 tons, which constituted too large a percentage of the entire yield. At the present time 10 percent of the population is suffering from hunger.',
  'We await your reply.',
];

function pairs(beads: ReturnType<typeof alignParagraphs>): string[] {
  return beads.map((b) => `${b.source.join('+')}=${b.target.join('+')}`);
}

describe('align: pairing paragraphs', () => {
  it('pairs a translation paragraph for paragraph', () => {
    expect(pairs(alignParagraphs(ru(RU), en(EN)))).to.deep.equal(['ru1=en1', 'ru2=en2', 'ru3=en3', 'ru4=en4', 'ru5=en5']);
  });

  it('leaves an extra service paragraph of the Russian unpaired instead of shifting every pair', () => {
    const withNote = [RU[0]!, 'Снята копия в одном экз. Отп. Сигаева № 1120.', ...RU.slice(1)];
    expect(pairs(alignParagraphs(ru(withNote), en(EN)))).to.deep.equal(['ru1=en1', 'ru2=', 'ru3=en2', 'ru4=en3', 'ru5=en4', 'ru6=en5']);
  });

  it('joins two English paragraphs that split one Russian paragraph (1–2)', () => {
    const split = [
      ...EN.slice(0, 3),
      'In 1951 the Korean government collected agricultural taxes in kind in grain in the amount of 650,000 tons, which constituted too large a percentage of the entire yield.',
      'At the present time 10 percent of the population is suffering from hunger.',
      EN[4]!,
    ];
    expect(pairs(alignParagraphs(ru(RU), en(split)))).to.deep.equal(['ru1=en1', 'ru2=en2', 'ru3=en3', 'ru4=en4+en5', 'ru5=en6']);
  });

  it('pairs a translation the page cuts off: its last paragraph a fragment, the original\'s last paragraphs alone', () => {
    // The page breaks off inside the third English paragraph.
    const cut = [EN[0]!, EN[1]!, 'In the second place, it is most likely that this will'];
    // Without knowing it, the totals misjudge the languages' ratio and the pairs drift.
    expect(pairs(alignParagraphs(ru(RU), en(cut)))).not.to.deep.equal(['ru1=en1', 'ru2=en2', 'ru3=en3', 'ru4=', 'ru5=']);
    expect(pairs(alignParagraphs(ru(RU), en(cut), { targetTruncated: true, ratio: 1.1 }))).to.deep.equal(['ru1=en1', 'ru2=en2', 'ru3=en3', 'ru4=', 'ru5=']);
    // And the other way round: an original cut off.
    const ruCut = [RU[0]!, RU[1]!, 'Во-вторых, наиболее вероятно'];
    expect(pairs(alignParagraphs(ru(ruCut), en(EN), { sourceTruncated: true, ratio: 1.1 }))).to.deep.equal(['ru1=en1', 'ru2=en2', 'ru3=en3', '=en4', '=en5']);
  });

  it('uses anchors where lengths mislead: a missing translation paragraph is found by its numbers', () => {
    const missing = [EN[0]!, EN[1]!, EN[3]!, EN[4]!];
    expect(pairs(alignParagraphs(ru(RU), en(missing)))).to.deep.equal(['ru1=en1', 'ru2=en2', 'ru3=', 'ru4=en3', 'ru5=en4']);
  });

  it('gives @corresp both ways, with two targets on the single side of a 2–1 bead', () => {
    const c = correspondences([{ source: ['ru1', 'ru2'], target: ['en1'] }, { source: ['ru3'], target: [] }]);
    expect(c.get('en1')).to.deep.equal(['ru1', 'ru2']);
    expect(c.get('ru1')).to.deep.equal(['en1']);
    expect(c.has('ru3')).to.equal(false);
  });

  it('aligns empty sides', () => {
    expect(pairs(alignParagraphs(ru(RU.slice(0, 2)), []))).to.deep.equal(['ru1=', 'ru2=']);
    expect(alignParagraphs([], [])).to.deep.equal([]);
  });
});
