import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockingKeys, blocksMeet, clusterNames, normaliseName, parseName, samePerson } from '../../src/resolve/index.ts';

test('parseName: comma order, official order, titles, possessives, initials', () => {
  const p = parseName('PUTIN, Vladimir');
  assert.equal(p.surname, 'PUTIN');
  assert.equal(p.given, 'Vladimir');
  const q = parseName('Putin Vladimir Vladimirovich');
  assert.equal(q.surname, 'Putin');
  assert.equal(q.patronymic, 'Vladimirovich');
  const r = parseName("Mr. Mikhalevich's");
  assert.deepEqual(r.tokens, ['Mikhalevich']);
  assert.equal(r.gender, 'm');
  assert.equal(parseName('A. Mikhalevich').initial, 'a');
  const s = parseName('IVANOV Petr Sergeevich');
  assert.equal(s.surname, 'IVANOV');
  assert.equal(s.given, 'Petr');
});

test('normaliseName folds script, case, titles and diacritics', () => {
  assert.equal(normaliseName('Mr. Mikhalevich’s'), 'mikhalevich');
  assert.equal(normaliseName('Алесь Міхалевіч'), 'ales mikhalevich');
  assert.equal(normaliseName('Łukašenka'), 'lukashenka');
});

test('samePerson: matches across scripts, transliterations, order and case endings', () => {
  for (const [a, b] of [
    ['Ales Mikhalevich', 'Алесь Міхалевіч'],
    ['Alexander Lukashenko', 'Лукашэнка'],
    ['Alexander Lukashenko', 'Alexandre Loukachenko'],
    ['Svetlana Tikhanovskaya', 'Sviatlana Tsikhanouskaya'],
    ['Vladimir Putin', 'PUTIN, Vladimir'],
    ['Михалевича', 'Ales Mikhalevich'],
    ['Mr Mikhalevich', 'Aleksei Anatolievich Mikhalevich'],
   
  ]) assert.equal(samePerson(a!, b!).same, true, `${a} = ${b}`);
});

test('samePerson: different given names, initials, surname gender, near-miss surnames differ', () => {
  for (const [a, b] of [
    ['Milana Mikhalevich', 'Ales Mikhalevich'],
    ['A. Mikhalevich', 'M. Mikhalevich'],
    ['Alexander Ivanov', 'Aleksei Ivanov'],
    ['Valya Ivanova', 'Valya Ivanov'],
    ['Igor Losik', 'Igor Lisik'],
    ['Mr Mikhalevich', 'Milana Mikhalevich'],
    ['Vladimir Kara-Murza Jr.', 'Vladimir Kara-Murza Sr.'],
    ['Kim Jong Un', 'Kim Yo Jong'],
    ['Bashar al-Assad', 'Hafez al-Assad'],
  ]) assert.equal(samePerson(a!, b!).same, false, `${a} ≠ ${b}`);
});

test('samePerson: a different birth year or country vetoes; score stays in [0, 1]', () => {
  assert.equal(samePerson('Ales Mikhalevich', 'Ales Mikhalevich', { birthYear: 1975 }, { birthYear: 1990 }).same, false);
  assert.equal(samePerson('Ales Mikhalevich', 'Ales Mikhalevich', { country: 'Belarus' }, { country: 'Russia' }).same, false);
  assert.equal(samePerson('Mr Mikhalevich', 'Ales Mikhalevich', { role: 'president' }, { role: 'political prisoner' }).same, false);
  assert.equal(samePerson('Ales Mikhalevich', 'Ales Mikhalevich', { role: 'lawyer' }, { role: 'presidential candidate' }).same, true);
  const d = samePerson('Ales Mikhalevich', 'Ales Mikhalevich', { role: 'lawyer' }, { role: 'lawyer' });
  assert.ok(d.same && d.score >= 0 && d.score <= 1);
});

test('blockingKeys: names that can be one person share a key', () => {
  for (const [a, b] of [['Ales Mikhalevich', 'Міхалевіча'], ['Alexander Lukashenko', 'Alaksandr Łukašenka'], ['Svetlana Tikhanovskaya', 'Swiatłana Cichanouska'],
    // A second surname, Chinese and Korean family names first or last and in the script, Arabic script.
    ['Rosario María Murillo Zambrana', 'MURILLO, Rosario'], ['习近平', 'Xi Jinping'], ['김정은', 'Kim Jong Un'], ['Chris Tang Ping-keung', '鄧炳強'], ['بشار الأسد', 'Bashar al-Assad']]) {
    const kb = blockingKeys(b!);
    assert.ok(blockingKeys(a!).some((k) => kb.includes(k)), `${a} / ${b}`);
  }
});

test('clusterNames: a surname-only mention does not glue two different people', () => {
  const names = ['Ales Mikhalevich', 'Aliaksei Mikhalevich', 'Milana Mikhalevich', 'Mikhalevich', 'Milana', 'Лукашэнка', 'Alexander Lukashenko'];
  const groups = clusterNames(names.map((name, i) => ({ id: String(i), name })));
  const groupOf = (i: number) => groups.find((g) => g.includes(String(i)))!;
  assert.ok(groupOf(0).includes('1'));
  assert.ok(!groupOf(0).includes('2'));
  assert.ok(groupOf(2).includes('4'));
  assert.ok(!groupOf(3).includes('0') && !groupOf(3).includes('2'));
  assert.ok(groupOf(5).includes('6'));
});

test('clusterNames: names in Hebrew, Indic, Thai, katakana, kanji and Han script meet their Latin spellings; so do other spellings of a surname', () => {
  const pairs = [
    ['Yair Lapid', 'יאיר לפיד'], ['Arvind Kejriwal', 'अरविंद केजरीवाल'], ['Thaksin Shinawatra', 'ทักษิณ ชินวัตร'], ['Sergei Lavrov', 'セルゲイ・ラブロフ'],
    ['Yoshihide Suga', '菅義偉'], ['Carrie Lam Cheng Yuet-ngor', '林鄭月娥'], ['Robert Fico', 'Fico Robert'], ['Mikalai Statkevich', 'Мікалая Статкевіча'],
    // Fictional names, one rule each: a hyphenated surname, an Arabic article, a silent final h, a Russified -ov, Western Armenian.
    ['Reza SALEHI-AMIRI', 'SALEHI AMIRI, Reza'], ['Nasser Badr al-Din', 'Nasser Badreddine'], ['Karim Darwisheh', 'Karim Darwisha'], ['Farrukh Nazarov', 'Farrukh Nazar'], ['Vazgen Bedrossian', 'Vazgen Petrosyan'],
  ];
  const groups = clusterNames(pairs.flat().map((name, i) => ({ id: String(i), name })));
  for (let i = 0; i < pairs.length; i++) assert.ok(groups.some((g) => g.includes(String(2 * i)) && g.includes(String(2 * i + 1))), pairs[i]!.join(' / '));
  assert.equal(groups.length, pairs.length);
  // Latin names meet through a script's reading only when such a script name is there: no coarse blocks among Latin names alone.
  assert.ok(blocksMeet('Thaksin Shinawatra', 'ทักษิณ ชินวัตร') && !blocksMeet('David Barkat', 'David Varkat'));
});

test('clusterNames: a name written as initials joins the full name whose words they begin, and no other (fictional names)', () => {
  const names = ['Juan Ramón Bermúdez', 'JRB', 'Juan Carlos Bermúdez', 'Ana Lucía Prieto Saldaña', 'ALPS', 'Tomás Ibarra'];
  const groups = clusterNames(names.map((name, i) => ({ id: String(i), name })));
  assert.deepEqual(groups.map((g) => g.sort()).sort(), [['0', '1'], ['2'], ['3', '4'], ['5']]);
  assert.ok(blocksMeet('JRB', 'Juan Ramón Bermúdez') && !blocksMeet('JRB', 'Juan Carlos Bermúdez'));
});

test('clusterNames: names in Arabic and Han script join the Latin spellings of the same person', () => {
  const groups = clusterNames(['Bashar al-Assad', 'بشار الأسد', 'Xi Jinping', '习近平', 'Rosario María Murillo Zambrana', 'MURILLO, Rosario'].map((name, i) => ({ id: String(i), name })));
  assert.deepEqual(groups.map((g) => g.sort()).sort(), [['0', '1'], ['2', '3'], ['4', '5']]);
});
