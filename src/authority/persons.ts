/**
 * The personography: every person the telegrams name and shifr recognises, with every name form
 * met in the corpus (Russian and English, transliteration variants, pseudonyms). Russian case
 * forms are generated from the paradigm (see declension.ts). A name not listed here stays
 * untagged in the TEI: never guessed.
 */
import type { Person } from './types.js';

export const PERSONS: Person[] = [
  {
    id: 'stalin',
    note: 'Iosif Vissarionovich Stalin, Chairman of the USSR Council of Ministers; signs ciphered telegrams as Filippov, Feng Xi, Kuznetsov or Semenov.',
    birth: '1878-12-18',
    death: '1953-03-05',
    names: [
      { text: 'Stalin', lang: 'en', type: 'main' },
      { text: 'Сталин', lang: 'ru', type: 'main', paradigm: 'surname' },
      { text: 'Iosif Stalin', lang: 'en', type: 'variant' },
      { text: 'Joseph Stalin', lang: 'en', type: 'variant' },
      // Name and patronymic: how his correspondents address him ("Dear Iosif Vissarionovich!").
      { text: 'Iosif Vissarionovich Stalin', lang: 'en', type: 'variant' },
      { text: 'Stalin Iosif Vissarionovich', lang: 'en', type: 'variant' },
      { text: 'Iosif Vissarionovich', lang: 'en', type: 'variant' },
      { text: 'Иосиф Виссарионович', lang: 'ru', type: 'variant' },
      { text: 'Instantsiya', lang: 'en', type: 'pseudonym' },
      { text: 'Филиппов', lang: 'ru', type: 'pseudonym', paradigm: 'surname' },
      { text: 'Filippov', lang: 'en', type: 'pseudonym' },
      { text: 'Filipov', lang: 'en', type: 'pseudonym' },
      { text: 'Fyn Si', lang: 'en', type: 'pseudonym' },
      { text: 'Feng Xi', lang: 'en', type: 'pseudonym' },
      { text: 'Фын Си', lang: 'ru', type: 'pseudonym', paradigm: 'indeclinable' },
      { text: 'Кузнецов', lang: 'ru', type: 'pseudonym', paradigm: 'surname' },
      { text: 'Kuznetsov', lang: 'en', type: 'pseudonym' },
      { text: 'Семенов', lang: 'ru', type: 'pseudonym', paradigm: 'surname' },
      { text: 'Семёнов', lang: 'ru', type: 'pseudonym', paradigm: 'surname' },
      { text: 'Semenov', lang: 'en', type: 'pseudonym' },
    ],
  },
  {
    id: 'lenin',
    note: 'Vladimir Ilyich Lenin, founder of the Bolshevik party and of the Soviet state.',
    birth: '1870-04-22',
    death: '1924-01-21',
    names: [
      { text: 'Lenin', lang: 'en', type: 'main' },
      { text: 'Ленин', lang: 'ru', type: 'main', paradigm: 'surname' },
    ],
  },
  {
    id: 'orlov',
    note: 'Andrei Vladimirovich Orlov, Soviet physician and liaison with Mao Zedong in 1948–1949, cover name Terebin.',
    names: [
      { text: 'Andrei Orlov', lang: 'en', type: 'main' },
      { text: 'Андрей Орлов', lang: 'ru', type: 'main' },
      { text: 'Orlov', lang: 'en', type: 'variant' },
      { text: 'Орлов', lang: 'ru', type: 'variant', paradigm: 'surname' },
      { text: 'Теребин', lang: 'ru', type: 'pseudonym', paradigm: 'surname' },
      { text: 'Terebin', lang: 'en', type: 'pseudonym' },
    ],
  },
  {
    id: 'mao-zedong',
    note: 'Mao Zedong, Chairman of the Communist Party of China and, from October 1949, of the Central People\'s Government of the PRC.',
    birth: '1893-12-26',
    death: '1976-09-09',
    names: [
      { text: 'Mao Zedong', lang: 'en', type: 'main' },
      { text: 'Мао Цзэдун', lang: 'ru', type: 'main', paradigm: 'hard' },
      { text: 'Mao Tse-tung', lang: 'en', type: 'variant' },
      { text: 'Mao Tsetung', lang: 'en', type: 'variant' },
      { text: 'Mao', lang: 'en', type: 'variant' },
      { text: 'Мао Цзе-дун', lang: 'ru', type: 'variant', paradigm: 'hard' },
      { text: 'Мао Цзедун', lang: 'ru', type: 'variant', paradigm: 'hard' },
      { text: 'Мао Цзэ-дун', lang: 'ru', type: 'variant', paradigm: 'hard' },
      { text: 'Мао', lang: 'ru', type: 'variant', paradigm: 'indeclinable' },
    ],
  },
  {
    id: 'zhou-enlai',
    note: 'Zhou Enlai, Premier and Foreign Minister of the PRC.',
    names: [
      { text: 'Zhou Enlai', lang: 'en', type: 'main' },
      { text: 'Чжоу Эньлай', lang: 'ru', type: 'main', paradigm: 'soft-i' },
      { text: 'Chou En-lai', lang: 'en', type: 'variant' },
      { text: 'Чжоу Энь-лай', lang: 'ru', type: 'variant', paradigm: 'soft-i' },
    ],
  },
  {
    id: 'liu-shaoqi',
    note: 'Liu Shaoqi, Vice-Chairman of the Central People\'s Government of the PRC.',
    names: [
      { text: 'Liu Shaoqi', lang: 'en', type: 'main' },
      { text: 'Лю Шаоци', lang: 'ru', type: 'main', paradigm: 'indeclinable' },
      { text: 'Liu Shao-chi', lang: 'en', type: 'variant' },
      { text: 'Лю Шао-ци', lang: 'ru', type: 'variant', paradigm: 'indeclinable' },
    ],
  },
  {
    id: 'lin-biao',
    note: 'Lin Biao, commander of the Chinese Fourth Field Army.',
    names: [
      { text: 'Lin Biao', lang: 'en', type: 'main' },
      { text: 'Линь Бяо', lang: 'ru', type: 'main', paradigm: 'indeclinable' },
    ],
  },
  {
    id: 'peng-dehuai',
    note: 'Peng Dehuai, commander of the Chinese People\'s Volunteers in Korea.',
    names: [
      { text: 'Peng Dehuai', lang: 'en', type: 'main' },
      { text: 'Пэн Дэхуай', lang: 'ru', type: 'main', paradigm: 'soft-i' },
      { text: 'Пэн Дэ-хуай', lang: 'ru', type: 'variant', paradigm: 'soft-i' },
      { text: 'Peng Te-huai', lang: 'en', type: 'variant' },
    ],
  },
  {
    id: 'roshchin',
    note: 'Nikolai Vasilevich Roshchin, Soviet ambassador to China 1948–1952 (and GRU representative).',
    names: [
      { text: 'Roshchin', lang: 'en', type: 'main' },
      { text: 'Рощин', lang: 'ru', type: 'main', paradigm: 'surname' },
      { text: 'N. V. Roshchin', lang: 'en', type: 'variant' },
      { text: 'Roschin', lang: 'en', type: 'variant' },
    ],
  },
  {
    id: 'kovalev',
    note: 'Ivan Vladimirovich Kovalev, Stalin\'s representative to the CC CPC 1948–1950.',
    names: [
      { text: 'Kovalev', lang: 'en', type: 'main' },
      { text: 'Ковалев', lang: 'ru', type: 'main', paradigm: 'surname' },
      { text: 'Ковалёв', lang: 'ru', type: 'variant', paradigm: 'surname' },
    ],
  },
  {
    id: 'krasovsky',
    note: 'Stepan Akimovich Krasovsky, chief Soviet military adviser in China 1951–1953.',
    names: [
      { text: 'Krasovsky', lang: 'en', type: 'main' },
      { text: 'Красовский', lang: 'ru', type: 'main', paradigm: 'adjectival' },
      { text: 'Krasovskii', lang: 'en', type: 'variant' },
    ],
  },
  {
    id: 'lobov',
    note: 'Georgii Ageevich Lobov, Soviet air force general, commander of the 64th Fighter Aviation Corps in Korea 1951–1952.',
    death: '1994-01-06',
    names: [
      { text: 'Lobov', lang: 'en', type: 'main' },
      { text: 'Лобов', lang: 'ru', type: 'main', paradigm: 'surname' },
    ],
  },
  {
    id: 'molotov',
    note: 'Viacheslav Mikhailovich Molotov, Soviet Foreign Minister until March 1949, then Deputy Chairman of the Council of Ministers.',
    names: [
      { text: 'Molotov', lang: 'en', type: 'main' },
      { text: 'Молотов', lang: 'ru', type: 'main', paradigm: 'surname' },
    ],
  },
  {
    id: 'vyshinsky',
    note: 'Andrei Ianuarevich Vyshinsky, Soviet Foreign Minister 1949–1953.',
    names: [
      { text: 'Vyshinsky', lang: 'en', type: 'main' },
      { text: 'Вышинский', lang: 'ru', type: 'main', paradigm: 'adjectival' },
      { text: 'Vyshinskii', lang: 'en', type: 'variant' },
    ],
  },
  {
    id: 'gromyko',
    note: 'Andrei Andreevich Gromyko, Soviet Deputy Foreign Minister.',
    names: [
      { text: 'Gromyko', lang: 'en', type: 'main' },
      { text: 'Громыко', lang: 'ru', type: 'main', paradigm: 'indeclinable' },
    ],
  },
  {
    id: 'malik',
    note: 'Yakov Aleksandrovich Malik, Soviet Deputy Foreign Minister and representative at the UN Security Council 1948–1952.',
    death: '1980-02-11',
    names: [
      { text: 'Malik', lang: 'en', type: 'main' },
      { text: 'Малик', lang: 'ru', type: 'main', paradigm: 'hard' },
      { text: 'Yakov Malik', lang: 'en', type: 'variant' },
      { text: 'Jacob Malik', lang: 'en', type: 'variant' },
    ],
  },
  {
    id: 'tsarapkin',
    note: 'Semyon Konstantinovich Tsarapkin, Soviet diplomat, deputy representative of the USSR at the UN Security Council from 1949.',
    birth: '1906-05-05',
    death: '1984-09-17',
    names: [
      { text: 'Tsarapkin', lang: 'en', type: 'main' },
      { text: 'Царапкин', lang: 'ru', type: 'main', paradigm: 'surname' },
    ],
  },
  {
    id: 'malenkov',
    note: 'Georgii Maksimilianovich Malenkov, Secretary of the CC VKP(b).',
    names: [
      { text: 'Malenkov', lang: 'en', type: 'main' },
      { text: 'Маленков', lang: 'ru', type: 'main', paradigm: 'surname' },
    ],
  },
  {
    id: 'beria',
    note: 'Lavrentii Pavlovich Beria, Deputy Chairman of the USSR Council of Ministers.',
    names: [
      { text: 'Beria', lang: 'en', type: 'main' },
      { text: 'Берия', lang: 'ru', type: 'main', paradigm: 'indeclinable' },
    ],
  },
  {
    id: 'mikoyan',
    note: 'Anastas Ivanovich Mikoyan, Deputy Chairman of the USSR Council of Ministers.',
    names: [
      { text: 'Mikoyan', lang: 'en', type: 'main' },
      { text: 'Anastas Mikoyan', lang: 'en', type: 'variant' },
      { text: 'Микоян', lang: 'ru', type: 'main', paradigm: 'hard' },
    ],
  },
  {
    id: 'kaganovich',
    note: 'Lazar Moiseevich Kaganovich, Deputy Chairman of the USSR Council of Ministers.',
    names: [
      { text: 'Kaganovich', lang: 'en', type: 'main' },
      { text: 'Каганович', lang: 'ru', type: 'main', paradigm: 'sibilant' },
    ],
  },
  {
    id: 'bulganin',
    note: 'Nikolai Aleksandrovich Bulganin, Minister of the Armed Forces of the USSR.',
    names: [
      { text: 'Bulganin', lang: 'en', type: 'main' },
      { text: 'Булганин', lang: 'ru', type: 'main', paradigm: 'surname' },
    ],
  },
  {
    id: 'shvernik',
    note: 'Nikolai Mikhailovich Shvernik, Chairman of the Presidium of the USSR Supreme Soviet 1946–1953.',
    birth: '1888-05-19',
    death: '1970-12-24',
    names: [
      { text: 'Shvernik', lang: 'en', type: 'main' },
      { text: 'Шверник', lang: 'ru', type: 'main', paradigm: 'hard' },
    ],
  },
  {
    id: 'kim-il-sung',
    note: 'Kim Il Sung, Premier of the DPRK and Chairman of the Korean Workers\' Party.',
    names: [
      { text: 'Kim Il Sung', lang: 'en', type: 'main' },
      { text: 'Ким Ир Сен', lang: 'ru', type: 'main', paradigm: 'hard' },
      { text: 'Kim Il-sung', lang: 'en', type: 'variant' },
    ],
  },
  {
    id: 'shtykov',
    note: 'Terentii Fomich Shtykov, Soviet ambassador to the DPRK 1948–1950.',
    names: [
      { text: 'Shtykov', lang: 'en', type: 'main' },
      { text: 'Штыков', lang: 'ru', type: 'main', paradigm: 'surname' },
    ],
  },
  {
    id: 'pak-hon-yong',
    note: 'Pak Hon Yong, Foreign Minister of the DPRK.',
    names: [
      { text: 'Pak Hon Yong', lang: 'en', type: 'main' },
      { text: 'Пак Хен Ен', lang: 'ru', type: 'main', paradigm: 'indeclinable' },
      { text: 'Пак Хон Ен', lang: 'ru', type: 'variant', paradigm: 'indeclinable' },
      { text: 'Pak Heon-yeong', lang: 'en', type: 'variant' },
      { text: 'Pak Hon-yong', lang: 'en', type: 'variant' },
    ],
  },
  {
    id: 'kim-chaek',
    note: 'Kim Chaek, Vice Premier and Minister of Industry of the DPRK, front commander in the Korean War until his death in January 1951.',
    birth: '1903-08-14',
    death: '1951-01-31',
    names: [
      { text: 'Kim Chaek', lang: 'en', type: 'main' },
      { text: 'Ким Чхэк', lang: 'ru', type: 'main', paradigm: 'hard' },
      { text: 'Kim Chak', lang: 'en', type: 'variant' },
    ],
  },
  {
    id: 'jang-si-u',
    note: 'Jang Si U, Minister of Trade of the DPRK.',
    names: [
      { text: 'Jang Si U', lang: 'en', type: 'main' },
      { text: 'Чан Си У', lang: 'ru', type: 'main', paradigm: 'indeclinable' },
      { text: 'Jang Si-woo', lang: 'en', type: 'variant' },
    ],
  },
  {
    id: 'yudin',
    note: 'Pavel Fedorovich Yudin, Soviet philosopher sent to China to edit Mao Zedong\'s works.',
    names: [
      { text: 'Yudin', lang: 'en', type: 'main' },
      { text: 'Юдин', lang: 'ru', type: 'main', paradigm: 'surname' },
    ],
  },
  {
    id: 'kotov',
    note: 'Kotov, Soviet official who held conversations with Mao Zedong before October 1950.',
    names: [
      { text: 'Kotov', lang: 'en', type: 'main' },
      { text: 'Котов', lang: 'ru', type: 'main', paradigm: 'surname' },
    ],
  },
  {
    id: 'konnov',
    note: 'Konnov, Soviet official who held conversations with Mao Zedong before October 1950.',
    names: [
      { text: 'Konnov', lang: 'en', type: 'main' },
      { text: 'Коннов', lang: 'ru', type: 'main', paradigm: 'surname' },
    ],
  },
  {
    id: 'nehru',
    note: 'Jawaharlal Nehru, Prime Minister of India.',
    names: [
      { text: 'Nehru', lang: 'en', type: 'main' },
      { text: 'Jawaharlal Nehru', lang: 'en', type: 'variant' },
      { text: 'Неру', lang: 'ru', type: 'main', paradigm: 'indeclinable' },
    ],
  },
  {
    id: 'panyushkin',
    note: 'Aleksandr Semenovich Panyushkin, Soviet ambassador to China 1952–1953.',
    names: [
      { text: 'Panyushkin', lang: 'en', type: 'main' },
      { text: 'Панюшкин', lang: 'ru', type: 'main', paradigm: 'surname' },
    ],
  },
  {
    id: 'razuvaev',
    note: 'Vladimir Nikolaevich Razuvaev, Soviet ambassador to the DPRK and chief military adviser 1950–1953.',
    names: [
      { text: 'Razuvaev', lang: 'en', type: 'main' },
      { text: 'Разуваев', lang: 'ru', type: 'main', paradigm: 'surname' },
    ],
  },
  {
    id: 'zakharov',
    note: 'Matvei Vasilevich Zakharov, Soviet general sent to Korea in July 1950.',
    names: [
      { text: 'Zakharov', lang: 'en', type: 'main' },
      { text: 'Захаров', lang: 'ru', type: 'main', paradigm: 'surname' },
    ],
  },
  {
    id: 'vasilevsky',
    note: 'Aleksandr Mikhailovich Vasilevsky, Soviet Minister of the Armed Forces (War Minister) 1949–1953.',
    names: [
      { text: 'Vasilevsky', lang: 'en', type: 'main' },
      { text: 'Василевский', lang: 'ru', type: 'main', paradigm: 'adjectival' },
      { text: 'Vasilevskii', lang: 'en', type: 'variant' },
    ],
  },
  {
    id: 'khrushchev',
    birth: '1894-04-15',
    death: '1971-09-11',
    note: 'Nikita Sergeevich Khrushchev, Secretary of the CC VKP(b) and member of its Politburo from 1949.',
    names: [
      { text: 'Khrushchev', lang: 'en', type: 'main' },
      { text: 'Хрущев', lang: 'ru', type: 'main', paradigm: 'surname' },
      { text: 'Хрущёв', lang: 'ru', type: 'variant', paradigm: 'surname' },
    ],
  },
  {
    id: 'shtemenko',
    note: 'Sergei Matveevich Shtemenko, Chief of the General Staff of the Soviet Armed Forces 1948–1952.',
    names: [
      { text: 'Shtemenko', lang: 'en', type: 'main' },
      { text: 'Штеменко', lang: 'ru', type: 'main', paradigm: 'indeclinable' },
    ],
  },
  {
    id: 'sokolovsky',
    note: 'Vasilii Danilovich Sokolovsky, First Deputy Minister of the Armed Forces of the USSR, Chief of the General Staff from 1952.',
    names: [
      { text: 'Sokolovsky', lang: 'en', type: 'main' },
      { text: 'Sokolovskii', lang: 'en', type: 'variant' },
      { text: 'Соколовский', lang: 'ru', type: 'main', paradigm: 'adjectival' },
    ],
  },
  {
    id: 'dong-biwu',
    note: 'Dong Biwu, a founder of the CCP, Vice-Premier of the PRC\'s Government Administration Council from 1949.',
    names: [
      { text: 'Dong Biwu', lang: 'en', type: 'main' },
      { text: 'Дун Биу', lang: 'ru', type: 'main', paradigm: 'indeclinable' },
    ],
  },
  {
    id: 'ren-bishi',
    birth: '1904-04-30',
    death: '1950-10-27',
    note: 'Ren Bishi, member of the Secretariat of the CCP Central Committee.',
    names: [
      { text: 'Ren Bishi', lang: 'en', type: 'main' },
      { text: 'Жэнь Биши', lang: 'ru', type: 'main', paradigm: 'indeclinable' },
    ],
  },
  {
    id: 'li-fuchun',
    note: 'Li Fuchun, vice-chairman of the PRC\'s Financial and Economic Commission, later head of the State Planning Commission.',
    names: [
      { text: 'Li Fuchun', lang: 'en', type: 'main' },
      { text: 'Ли Фучунь', lang: 'ru', type: 'main', paradigm: 'indeclinable' },
    ],
  },
  {
    id: 'su-yu',
    note: 'Su Yu, PLA commander, deputy chief of the General Staff from 1950.',
    names: [
      { text: 'Su Yu', lang: 'en', type: 'main' },
      { text: 'Су Юй', lang: 'ru', type: 'main', paradigm: 'indeclinable' },
    ],
  },
  {
    id: 'fedorenko',
    note: 'Nikolai Trofimovich Fedorenko, Soviet sinologist and diplomat, interpreter at Mao Zedong\'s talks with Stalin.',
    names: [
      { text: 'Fedorenko', lang: 'en', type: 'main' },
      { text: 'Федоренко', lang: 'ru', type: 'main', paradigm: 'indeclinable' },
    ],
  },
  {
    id: 'arkhipov',
    note: 'Ivan Vasilevich Arkhipov, chief Soviet economic adviser in China from 1950.',
    names: [
      { text: 'Arkhipov', lang: 'en', type: 'main' },
      { text: 'Архипов', lang: 'ru', type: 'main', paradigm: 'surname' },
    ],
  },
  {
    id: 'poskrebyshev',
    note: 'Aleksandr Nikolaevich Poskrebyshev, head of Stalin\'s personal secretariat.',
    names: [
      { text: 'Poskrebyshev', lang: 'en', type: 'main' },
      { text: 'Поскребышев', lang: 'ru', type: 'main', paradigm: 'surname' },
      { text: 'Поскрёбышев', lang: 'ru', type: 'variant', paradigm: 'surname' },
    ],
  },
  {
    id: 'gao-gang',
    note: 'Gao Gang, head of the Northeast (Manchuria) administration of the CCP.',
    names: [
      { text: 'Gao Gang', lang: 'en', type: 'main' },
      { text: 'Гао Ган', lang: 'ru', type: 'main', paradigm: 'hard' },
    ],
  },
  {
    id: 'zhu-de',
    note: 'Zhu De, commander-in-chief of the People\'s Liberation Army.',
    names: [
      { text: 'Zhu De', lang: 'en', type: 'main' },
      { text: 'Чжу Дэ', lang: 'ru', type: 'main', paradigm: 'indeclinable' },
    ],
  },
  {
    id: 'chen-yun',
    note: 'Chen Yun, member of the CCP Politburo, in charge of the economy (from 1949 chairman of the PRC\'s Financial and Economic Commission).',
    birth: '1905-06-13',
    death: '1995-04-10',
    names: [
      { text: 'Chen Yun', lang: 'en', type: 'main' },
      { text: 'Чэнь Юнь', lang: 'ru', type: 'main', paradigm: 'indeclinable' },
    ],
  },
  {
    id: 'chen-yi',
    note: 'Chen Yi, commander of the PLA\'s Third Field Army and from 1949 mayor of Shanghai.',
    birth: '1901-08-26',
    death: '1972-01-06',
    names: [
      { text: 'Chen Yi', lang: 'en', type: 'main' },
      { text: 'Чэнь И', lang: 'ru', type: 'main', paradigm: 'indeclinable' },
    ],
  },
  {
    id: 'wang-jiaxiang',
    note: 'Wang Jiaxiang, member of the CCP Central Committee, the PRC\'s first ambassador to the Soviet Union (1949–1951).',
    birth: '1906-08-15',
    death: '1974-01-25',
    names: [
      { text: 'Wang Jiaxiang', lang: 'en', type: 'main' },
      { text: 'Ван Цзясян', lang: 'ru', type: 'main', paradigm: 'hard' },
      { text: 'Ван Цзя-сян', lang: 'ru', type: 'variant', paradigm: 'hard' },
    ],
  },
  {
    id: 'wang-ming',
    note: 'Wang Ming (Chen Shaoyu), leader of the CCP\'s Moscow-trained faction, whose "line" the party condemned.',
    birth: '1904-05-23',
    death: '1974-03-27',
    names: [
      { text: 'Wang Ming', lang: 'en', type: 'main' },
      { text: 'Ван Мин', lang: 'ru', type: 'main', paradigm: 'hard' },
    ],
  },
  {
    id: 'li-kenong',
    note: 'Li Kenong, PRC Vice Minister of Foreign Affairs and head of CCP intelligence, who directed the Chinese and Korean delegation at the Korean armistice talks from July 1951.',
    birth: '1899-09-15',
    death: '1962-02-09',
    names: [
      { text: 'Li Kenong', lang: 'en', type: 'main' },
      // The misspelling of a translated telegram (Mao Zedong to Filippov, 18 October 1951).
      { text: 'Le Kenong', lang: 'en', type: 'variant' },
    ],
  },
  {
    id: 'nie-rongzhen',
    note: 'Nie Rongzhen, PLA commander, acting Chief of the General Staff from 1950.',
    birth: '1899-12-29',
    death: '1992-05-14',
    names: [
      { text: 'Nie Rongzhen', lang: 'en', type: 'main' },
      { text: 'Не Жунчжэнь', lang: 'ru', type: 'main', paradigm: 'indeclinable' },
    ],
  },
  {
    id: 'zhang-wentian',
    note: 'Zhang Wentian (Luo Fu), member of the CCP Politburo, PRC ambassador to the Soviet Union 1951–1955.',
    birth: '1900-08-30',
    death: '1976-07-01',
    names: [
      { text: 'Zhang Wentian', lang: 'en', type: 'main' },
      { text: 'Чжан Вэньтянь', lang: 'ru', type: 'main', paradigm: 'indeclinable' },
    ],
  },
  {
    id: 'wang-bingnan',
    note: 'Wang Bingnan, aide to Zhou Enlai, Director General of the General Office of the PRC Ministry of Foreign Affairs 1949–1955.',
    death: '1988-12-22',
    names: [
      { text: 'Wang Bingnan', lang: 'en', type: 'main' },
      { text: 'Ван Биннань', lang: 'ru', type: 'main', paradigm: 'indeclinable' },
    ],
  },
  {
    id: 'lin-boqu',
    note: 'Lin Boqu (Lin Zuhan), CCP elder, Secretary-General of the Central People\'s Government Council of the PRC from 1949.',
    birth: '1886-03-20',
    death: '1960-05-29',
    names: [
      { text: 'Lin Boqu', lang: 'en', type: 'main' },
      { text: 'Линь Боцюй', lang: 'ru', type: 'main', paradigm: 'indeclinable' },
      { text: 'Lin Boju', lang: 'en', type: 'variant' },
    ],
  },
  {
    id: 'chiang-kai-shek',
    note: 'Chiang Kai-shek, leader of the Guomindang and of the Republic of China.',
    names: [
      { text: 'Chiang Kai-shek', lang: 'en', type: 'main' },
      { text: 'Jiang Jieshi', lang: 'en', type: 'variant' },
      { text: 'Чан Кайши', lang: 'ru', type: 'main', paradigm: 'indeclinable' },
      { text: 'Чан Кай-ши', lang: 'ru', type: 'variant', paradigm: 'indeclinable' },
    ],
  },
  {
    id: 'jiang-tingfu',
    note: 'Jiang Tingfu (T. F. Tsiang), representative of the Republic of China (the Guomindang government) at the UN from 1947.',
    birth: '1895-12-07',
    death: '1965-10-09',
    names: [
      { text: 'Jiang Tingfu', lang: 'en', type: 'main' },
      { text: 'Цзян Тинфу', lang: 'ru', type: 'main', paradigm: 'indeclinable' },
      { text: 'Tsiang Tingfu', lang: 'en', type: 'variant' },
      { text: 'Tsiang', lang: 'en', type: 'variant' },
    ],
  },
  {
    id: 'syngman-rhee',
    note: 'Syngman Rhee, President of the Republic of Korea.',
    names: [
      { text: 'Syngman Rhee', lang: 'en', type: 'main' },
      { text: 'Ли Сын Ман', lang: 'ru', type: 'main', paradigm: 'indeclinable' },
      { text: 'Ли Сын Мана', lang: 'ru', type: 'variant' },
    ],
  },
  {
    id: 'macarthur',
    note: 'Douglas MacArthur, commander of the UN forces in Korea until April 1951.',
    names: [
      { text: 'MacArthur', lang: 'en', type: 'main' },
      { text: 'Макартур', lang: 'ru', type: 'main', paradigm: 'hard' },
    ],
  },
  {
    id: 'truman',
    note: 'Harry S. Truman, President of the United States.',
    names: [
      { text: 'Truman', lang: 'en', type: 'main' },
      { text: 'Трумэн', lang: 'ru', type: 'main', paradigm: 'hard' },
    ],
  },
  {
    id: 'acheson',
    note: 'Dean Gooderham Acheson, US Secretary of State 1949–1953.',
    birth: '1893-04-11',
    death: '1971-10-12',
    names: [
      { text: 'Acheson', lang: 'en', type: 'main' },
      { text: 'Ачесон', lang: 'ru', type: 'main', paradigm: 'hard' },
      { text: 'Dean Acheson', lang: 'en', type: 'variant' },
    ],
  },
];
