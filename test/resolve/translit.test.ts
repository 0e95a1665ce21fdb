import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as T from '../../src/resolve/translit/index.ts';

const check = (table: T.TranslitTable, cases: [string, string][]) => {
  for (const [cyr, latin] of cases) assert.equal(T.transliterate(cyr, table), latin, `${table.name}: ${cyr}`);
};

test('Russian tables give the standard renderings', () => {
  check(T.RU_BGN_PCGN, [['Щукин', 'Shchukin'], ['Юлия', 'Yuliya'], ['Елена', 'Yelena'], ['Хрущёв', 'Khrushchëv']]);
  check(T.RU_ISO9, [['Щукин', 'Ŝukin'], ['Юлия', 'Ûliâ'], ['Жуков', 'Žukov']]);
  check(T.RU_GOST_779B, [['Щукин', 'Shhukin'], ['Цой', 'Czoj'], ['Цирк', 'Cirk']]);
  check(T.RU_ICAO, [['Юлия Навальная', 'Iuliia Navalnaia'], ['Алексей', 'Aleksei']]);
  check(T.RU_GERMAN, [['Хрущёв', 'Chruschtschow'], ['Шойгу', 'Schoigu'], ['Навальный', 'Nawalnyj']]);
  check(T.RU_FRENCH, [['Шойгу', 'Choïgou'], ['Путин', 'Poutin']]);
  check(T.RU_POLISH, [['Шойгу', 'Szojgu'], ['Ельцин', 'Jelcyn'], ['Лавров', 'Ławrow']]);
});

test('Belarusian tables give the standard renderings', () => {
  check(T.BE_NATIONAL_2007, [['Лукашэнка', 'Lukašenka'], ['Аляксандр', 'Aliaksandr'], ['Ціханоўская', 'Cichanoŭskaja']]);
  check(T.BE_PASSPORT, [['Святлана Ціханоўская', 'Sviatlana Tsikhanouskaya']]);
  check(T.BE_BGN_PCGN, [['Аляксандр Лукашэнка', 'Alyaksandr Lukashenka']]);
  check(T.BE_LACINKA, [['Лукашэнка', 'Łukašenka'], ['Бяляцкі', 'Bialacki']]);
});

test('Ukrainian tables give the standard renderings', () => {
  check(T.UK_NATIONAL_2010, [['Зеленський', 'Zelenskyi'], ['Володимир', 'Volodymyr'], ['Юлія', 'Yuliia'], ['Згурський', 'Zghurskyi'], ['Олексій', 'Oleksii']]);
  check(T.UK_BGN_PCGN, [['Зеленський', "Zelens'kyy"], ['Юлія', 'Yuliya']]);
});

test('latinVariants gives several renderings of one Cyrillic name', () => {
  const v = T.latinVariants('Лукашэнка');
  assert.ok(v.includes('Lukashenka') && v.includes('Łukašenka'));
});
