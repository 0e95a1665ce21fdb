import { test } from 'node:test';
import assert from 'node:assert/strict';
import { samePerson } from '../../src/resolve/index.ts';
import { nameAlternatives } from '../../src/resolve/aliases.ts';

// Fictional names throughout.

test('nameAlternatives: a name, then each other name it gives after an alias word or in quotes', () => {
  assert.deepEqual(nameAlternatives('Tomas Verhoven'), ['Tomas Verhoven']);
  assert.deepEqual(nameAlternatives("ORTIZ BRAVO, Rufino (a.k.a. 'EL GALLO'; a.k.a. BRAVO, Rufo)"), ['ORTIZ BRAVO, Rufino', 'EL GALLO', 'BRAVO, Rufo']);
  assert.deepEqual(nameAlternatives('Rufino "El Gallo" Ortiz'), ['Rufino "El Gallo" Ortiz', 'El Gallo']);
  assert.deepEqual(nameAlternatives('Ihar Lasitski, aka Igor Lositsky'), ['Ihar Lasitski', 'Igor Lositsky']);
  assert.deepEqual(nameAlternatives('Abu Salim Harun @ Salim Harun'), ['Abu Salim Harun', 'Salim Harun']);
  assert.deepEqual(nameAlternatives('Лейла Гасанова, урождённая Алиева'), ['Лейла Гасанова', 'Лейла Алиева']);
  // A maiden surname comes with the given names: alone it would be her father's name as much as hers.
  assert.deepEqual(nameAlternatives('Nour al-Hakim (née al-Rifai)'), ['Nour al-Hakim', 'Nour al-Rifai']);
  assert.deepEqual(nameAlternatives('Nour Samir al-Hakim (née Nour Samir al-Rifai)'), ['Nour Samir al-Hakim', 'Nour Samir al-Rifai']);
  assert.deepEqual(nameAlternatives('ORTIZ BRAVO, Maria Elena (née Ruiz)'), ['ORTIZ BRAVO, Maria Elena', 'Maria Elena Ruiz']);
  assert.deepEqual(nameAlternatives('SOKOLOVA Anna Petrovna (née Vetrova)'), ['SOKOLOVA Anna Petrovna', 'Anna Petrovna Vetrova']);
  // A date or a place after "born" is no name, and Born with a capital is a surname.
  assert.deepEqual(nameAlternatives('Tomas Verhoven (born 1961)'), ['Tomas Verhoven']);
  assert.deepEqual(nameAlternatives('Tomas Verhoven, born in Ghent'), ['Tomas Verhoven']);
  assert.deepEqual(nameAlternatives('Karl Born Reuter'), ['Karl Born Reuter']);
});

test('samePerson: a name that gives an alias is the person of the alias, and of no one else', () => {
  assert.ok(samePerson("ORTIZ BRAVO, Rufino (a.k.a. 'EL GALLO')", 'El Gallo').same);
  assert.ok(samePerson('Rufino "El Gallo" Ortiz', 'EL GALLO').same);
  assert.ok(samePerson('Nour al-Hakim (née al-Rifai)', 'Nour Samir al-Rifai').same);
  assert.ok(samePerson('Лейла Гасанова, урождённая Алиева', 'Leyla Aliyeva').same);
  assert.ok(!samePerson('Nour al-Hakim (née al-Rifai)', 'Samir al-Rifai').same);
  assert.ok(!samePerson("ORTIZ BRAVO, Rufino (a.k.a. 'EL GALLO')", 'El Gato').same);
  assert.ok(!samePerson('Tomas Verhoven (born 1961)', 'Tomas Verhagen').same);
});
