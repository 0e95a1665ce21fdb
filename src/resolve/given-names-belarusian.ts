/**
 * Common Belarusian given names the other rows reach only by their Russian or Ukrainian forms, or not
 * at all: each row holds the Belarusian spelling (Cyrillic and its official Latin form) with the
 * Russian and Ukrainian names it is the same as. Rows in the convention of given-names.ts (a woman's
 * row opens with a spelling in -a, a man's does not). General knowledge of the language, not read
 * from any report.
 */
export const BELARUSIAN_GIVEN_NAME_GROUPS: string[][] = [
  ['Yahor', 'Ягор', 'Jahor', 'Yegor', 'Egor', 'Егор', 'Jegor', 'Yehor', 'Єгор'],
  ['Artsiom', 'Арцём', 'Artsem', 'Artiom', 'Artyom', 'Artem', 'Артём', 'Артем'],
  ['Vadzim', 'Вадзім', 'Vadim', 'Вадим', 'Vadym'],
  ['Dzianis', 'Дзяніс', 'Dzyanis', 'Denis', 'Денис', 'Denys'],
  ['Kanstantsin', 'Канстанцін', 'Kastus', 'Кастусь', 'Konstantin', 'Константин', 'Kostiantyn', 'Kostya'],
  ['Matsvei', 'Мацвей', 'Matvei', 'Matvey', 'Матвей', 'Matviy'],
  ['Siamion', 'Сямён', 'Semyon', 'Semen', 'Семён', 'Семен', 'Semion'],
  ['Fiodar', 'Фёдар', 'Fedar'],
  ['Frantsishak', 'Францішак', 'Franciszek', 'Frantsisk'],
  ['Lizaveta', 'Лізавета', 'Elizaveta', 'Yelizaveta', 'Елизавета', 'Liza', 'Ліза', 'Лиза'],
  ['Krystsina', 'Крысціна', 'Kristina', 'Кристина', 'Khrystyna', 'Krystyna'],
  ['Lidziya', 'Лідзія', 'Lidia', 'Lidiya', 'Лидия', 'Lidiia'],
  ['Nastsia', 'Насця', 'Nastassia', 'Anastasia', 'Nastya'],
];
