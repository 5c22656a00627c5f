import { expect } from 'chai';
import { findDate, findTelegramNumber } from '../../src/encode/dates.js';

const when = (t: string): string | undefined => findDate(t)?.when;
const as = (t: string): string | undefined => {
  const d = findDate(t);
  return d ? t.slice(d.start, d.end) : undefined;
};

describe('encode: dates and numbers in datelines and closing lines', () => {
  it('reads the dates as the telegrams write them', () => {
    expect(when('Из Пекина   3 .10.1950')).to.equal('1950-10-03');
    expect(as('N 2270. 3..10.50 г.')).to.equal('3..10.50 г.');
    expect(when('N 2270. 3..10.50 г.')).to.equal('1950-10-03');
    expect(when('26 октября 1949 г.')).to.equal('1949-10-26');
    expect(when('October 3, 1950')).to.equal('1950-10-03');
    expect(when('26 October 1949')).to.equal('1949-10-26');
    expect(when('Из ПЕКИНА получена „ 21 “ ч. „ 45 “ м. „ 8 “ 2 1952 г. Экз. № 2')).to.equal('1952-02-08');
    expect(when('From BEIJING Received 21:45 8.2.1952')).to.equal('1952-02-08');
    expect(as('28.VIII.50 г.')).to.equal('28.VIII.50 г.');
    expect(when('28.VIII.50 г.')).to.equal('1950-08-28');
    expect(as('ПХЕНЬЯН, 19 января 1950 года')).to.equal('19 января 1950 года');
  });

  it('gives a day and month without a year as a month-day, never a guessed year', () => {
    expect(when('No. 2270 3.10')).to.equal('--10-03');
    expect(when('3 июля".')).to.equal('--07-03');
  });

  it('refuses impossible dates', () => {
    expect(findDate('45.13.1950')).to.equal(undefined);
    expect(findDate('Received 12:15')).to.equal(undefined);
  });

  it('finds the telegram number, not a number inside a word', () => {
    expect(findTelegramNumber('ШИФРТЕЛЕГРАММА № 16293')?.value).to.equal('16293');
    expect(findTelegramNumber('№ 340/ш')?.value).to.equal('340/ш');
    expect(findTelegramNumber('No. 340/III')?.value).to.equal('340/III');
    expect(findTelegramNumber('N-6-тов.Микояну')).to.equal(undefined);
  });
});
