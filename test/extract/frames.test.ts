/**
 * The kinds of sentence extractor 0.4 reads, each on FICTIONAL text written for these tests: the
 * people, places and events are invented.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFacts } from '../../src/extract/index.ts';

const run = (mainText: string, published: string | null = '2024-06-14', language = 'en') => extractFacts({ mainText, published, language });
/** "type|person|date" for each event, sorted. */
const brief = (text: string, published?: string | null, language = 'en') => run(text, published, language).events.map((e) => `${e.type}|${e.person}|${e.date ?? '-'}`).sort();
const names = (text: string, language = 'en') => run(text, '2024-06-14', language).persons.map((p) => p.name).sort();

test('persons are found by the shape of their names and the words around them, not by a list of known people', () => {
  // Given names from the lexicons, a role before an unknown one, an age after, a patronymic, a list.
  assert.deepEqual(names('Activist Dauletbek Omirzakov, 45, was detained. Blogger Ruslanbek Tursynbaev was fined.'), ['Dauletbek Omirzakov', 'Ruslanbek Tursynbaev']);
  assert.deepEqual(names('The court heard Ivan Sergeyevich Petrukhin and Nino Beridze on Monday.'), ['Ivan Sergeyevich Petrukhin', 'Nino Beridze']);
  // Organisations, places and headline capitals are not persons.
  assert.deepEqual(names('Riot Police Detain Protesters. The Gomel Regional Court and Human Rights Watch said so in Minsk.'), []);
  // A list's SURNAME in capitals, and a Kyrgyz patronymic.
  assert.deepEqual(names('Those convicted: TAN Wai-kin, ORLOVA Daria and Aibek Sadyrbek uulu.'), ['Aibek Sadyrbek uulu', 'ORLOVA Daria', 'TAN Wai-kin']);
  // A surname that is an everyday English word, after a given name.
  assert.deepEqual(names('Police detained Viktor Young in Brest.'), ['Viktor Young']);
});

test('Russian and Belarusian names in any case are brought back to the nominative', () => {
  const ru = run('Полицейские задержали журналистку Ольгу Петрову и блогера Игоря Ковальчука.', '2024-03-10', 'ru');
  assert.deepEqual(ru.persons.map((p) => p.name).sort(), ['Игорь Ковальчук', 'Ольга Петрова']);
  assert.ok(ru.persons.find((p) => p.name === 'Ольга Петрова')!.variants.includes('Ольгу Петрову'));
  assert.deepEqual(ru.events.map((e) => `${e.type}|${e.person}`).sort(), ['arrest|Игорь Ковальчук', 'arrest|Ольга Петрова']);
  const be = run('Суд над Ягорам Лявонавым і Кацярынай Шыла пачаўся 3 сакавіка. Разам з імі затрымалі Алеся Бяляцкага.', '2024-03-10', 'be');
  assert.deepEqual(be.persons.map((p) => p.name).sort(), ['Алесь Бяляцкі', 'Кацярына Шыла', 'Ягор Лявонаў'].sort());
  // Belarusian month names date the event.
  assert.ok(be.events.some((e) => e.type === 'trial' && e.person === 'Кацярына Шыла' && e.date === '2024-03-03'), JSON.stringify(be.events));
});

test('one sentence, several people: lists, "A to six years and B to five", gapping, "term – name"', () => {
  assert.deepEqual(brief('The court sentenced Pavel Sych to six years and Iryna Brel to five.'), ['sentence|Iryna Brel|-', 'sentence|Pavel Sych|-']);
  assert.deepEqual(brief('Police searched the homes of journalist Raman Lis, activist Hanna Krot and Ales Zhuk.'), ['search|Ales Zhuk|-', 'search|Hanna Krot|-', 'search|Raman Lis|-']);
  assert.deepEqual(brief('Anton Sych was in penal colony No. 3 in Vitsiebsk, and Maksim Lis — in colony No. 9 in Horki.').filter((e) => e.startsWith('detention')), ['detention|Anton Sych|-', 'detention|Maksim Lis|-']);
  assert.deepEqual(brief('Ivan Brel received the longest term – 9 years, 7 years – Pavel Krot, 5 years – Anna Lis.'), ['sentence|Anna Lis|-', 'sentence|Ivan Brel|-', 'sentence|Pavel Krot|-']);
  assert.deepEqual(brief('So far, three people are known to be banned from travelling abroad: editor Hanna Sych, Ales Lis and Raman Krot.', '2012-04-01').map((e) => e.split('|').slice(0, 2).join('|')), ['travel_ban|Ales Lis', 'travel_ban|Hanna Sych', 'travel_ban|Raman Krot']);
});

test('groups, pronouns and descriptions point back to the right people', () => {
  const text = 'Journalists Raman Lis and Hanna Krot were detained in Minsk. All of them were accused of taking part in a protest. The 41-year-old Ivan Sych was released. She says she was beaten.';
  const got = brief(text);
  for (const e of ['arrest|Raman Lis|-', 'arrest|Hanna Krot|-', 'charge|Raman Lis|-', 'charge|Hanna Krot|-', 'release|Ivan Sych|-', 'torture_allegation|Hanna Krot|-']) assert.ok(got.includes(e), `${e} in ${got.join(', ')}`);
  // "they" of a bare plural is people in general.
  assert.deepEqual(brief('Raman Lis and Hanna Krot were detained. Detainees served their sentences in cells where they were forced to sleep on the floor.').filter((e) => e.startsWith('torture')), []);
});

test('what is not an event: negation, plans, demands, reproaches, a time', () => {
  assert.deepEqual(brief('Raman Lis was not detained. Hanna Krot may face up to ten years. Rights groups called for the release of Ivan Sych.'), []);
  assert.deepEqual(brief('Pavel Brel was accused by his colleagues of selling out. Anna Lis was held before trial in SIZO No. 1.').map((e) => e.split('|')[0]), ['detention']);
  assert.deepEqual(brief('Ales Krot was supposed to stand trial, but left the country.').map((e) => e.split('|')[0]), ['flight_abroad']);
});

test('a verb of the same clause shares its subject; attributive "jailed"; a relative named with kinship', () => {
  assert.deepEqual(brief('He took part in a protest. Raman Krot was detained on 3 May and later released.'), ['arrest|Raman Krot|2024-05-03', 'release|Raman Krot|-']);
  assert.deepEqual(brief('Supporters of jailed opposition politician Ales Brel gathered.'), ['detention|Ales Brel|-']);
  const r = run('Blogger Ivan Zhuk was arrested. His wife Marta said she was not allowed to visit him.');
  assert.equal(r.persons.find((p) => p.name === 'Marta')?.role, 'relative');
  assert.ok(r.events.some((e) => e.type === 'denial_of_access' && e.person === 'Ivan Zhuk'), JSON.stringify(r.events));
});

test('a family name written once for two given names gives two persons', () => {
  assert.deepEqual(names('У аўтазаку знаходзяцца Вячаслаў і Віталь Кавалевічы.', 'be'), ['Вячаслаў Кавалевіч', 'Віталь Кавалевіч']);
  assert.deepEqual(names('Their parents Mikhail and Ella Sokolov spoke to reporters.'), ['Ella Sokolov', 'Mikhail Sokolov']);
});

test('dates: a date line opening the text, the present, a weekday that fixes the year, a time phrase', () => {
  assert.deepEqual(brief('Gomel, June 3, 2023 – Activist Raman Lis was detained on Monday.', null), ['arrest|Raman Lis|2023-05-29']);
  assert.deepEqual(brief('Activist Raman Lis remains in custody.', '2024-06-14'), ['detention|Raman Lis|2024-06-14']);
  assert.deepEqual(brief('On 23 May 2019 the court heard it. Raman Lis was released on Tuesday 24th May.', null).filter((e) => e.startsWith('release')), ['release|Raman Lis|2022-05-24']);
  // "after eight days of detention" dates a release, it is no detention of its own.
  assert.deepEqual(brief('Вольгу Крот адпусцілі праз восем сутак утрымлівання.', '2021-07-20', 'be').map((e) => e.split('|')[0]), ['release']);
});

test('a table row of a defendant and a term is a sentence', () => {
  const text = 'The court announced the sentences.\n| D1 | LAU Ka-ming | 10 years |\n| D2 | CHOI Wai-lun | 6 years and 9 months |';
  assert.deepEqual(brief(text).map((e) => e.split('|').slice(0, 2).join('|')), ['sentence|CHOI Wai-lun', 'sentence|LAU Ka-ming']);
});

test('a testimony: "I" is its narrator when the report names whose relative the one it is about is', () => {
  const text = 'Marta Lis’s husband is a political prisoner. This is her account.\nWhen I came home, officers showed me the search warrants. Then they told me: “you are hereby prohibited to cross the border”. My husband Ivan Lis was arrested the same night. I have not been allowed to visit him since.';
  const got = brief(text, '2024-02-01');
  for (const e of ['search|Marta Lis', 'travel_ban|Marta Lis', 'arrest|Ivan Lis', 'denial_of_access|Ivan Lis']) assert.ok(got.some((g) => g.startsWith(e)), `${e} in ${got.join(', ')}`);
});

test('extraction is linear: a report of repeated paragraphs costs what its length does', () => {
  // Correctness at scale, not time: every repeated paragraph is the same one event per person.
  const para = 'Journalist Ivan Petrov, 45, was detained on 3 May in Minsk. His wife Anna Petrova said he was beaten. ';
  const r = run(para.repeat(3000), '2024-06-01');
  assert.deepEqual(r.events.map((e) => `${e.type}|${e.person}`).sort(), ['arrest|Ivan Petrov', 'torture_allegation|Ivan Petrov']);
  assert.equal(r.events.find((e) => e.type === 'arrest')!.also!.length, 2999);
});

test('Belarusian in Łacinka is read through Cyrillic, with evidence, offsets and names of the original', () => {
  const text = '3 sakavika ŭ Hrodnie zatrymali žurnalistku Hannu Łysiuk. Jaje asudzili na 15 sutak aryštu. Sud nad Iharam Kaściukom pačaŭsia 5 sakavika.';
  const r = run(text, '2024-03-10', 'be');
  for (const e of r.events) assert.equal(text.slice(e.start, e.end), e.evidence);
  const arrest = r.events.find((e) => e.type === 'arrest');
  assert.ok(arrest && /^Hann/.test(arrest.person) && arrest.date === '2024-03-03', JSON.stringify(r.events));
  assert.ok(r.persons.some((p) => [p.name, ...p.variants].includes('Hannu Łysiuk')), JSON.stringify(r.persons));
  assert.ok(r.events.some((e) => e.type === 'trial' && /Kaściuk/.test(e.person) && e.date === '2024-03-05'), JSON.stringify(r.events));
});

test('English: a phrase in the passive, coordinated participles, the one a phrase names, the one an injury is on', () => {
  // "taken into custody" is listed as it stands after "was"; "questioned and released" are both passive.
  assert.deepEqual(brief('Hleb Varonka was taken into custody in the courtroom.'), ['arrest|Hleb Varonka|-']);
  assert.deepEqual(brief('Zoya Kastsiuk and Lev Padalka were questioned and released in the evening.'), ['release|Lev Padalka|-', 'release|Zoya Kastsiuk|-']);
  // "did not let her cross": the pronoun inside the phrase, not the guards before it.
  assert.deepEqual(brief('Activist Dana Lutsevich was fined. Border guards did not let her cross into Lithuania.').filter((e) => e.startsWith('travel_ban')), ['travel_ban|Dana Lutsevich|-']);
  // "His wife says she saw bruises on his face": the one the bruises are on, not the one who tells it.
  assert.deepEqual(brief('Fiodar Mazol was sentenced in May. His wife Nadzeya says she saw bruises on his face.').filter((e) => e.startsWith('torture')), ['torture_allegation|Fiodar Mazol|-']);
  // "his deputy X" is someone's subordinate, sentenced with him, not an official.
  assert.deepEqual(brief('Judge Ivan Sokal sentenced the chat administrator, Kiryl Babko, to six years and his deputy Yury Hlod to five.'), ['sentence|Kiryl Babko|-', 'sentence|Yury Hlod|-']);
});

test('Russian and Belarusian: collective numerals, a court that assigns a term, kinship in the genitive, instrumental given names', () => {
  // "Усе чацвёра": a counted group of the four named before; "Таццянай" is read as Таццяна by its ending.
  const be = run('Суд над Паўлам Марозам, Таццянай Вайцюкевіч, Рыгорам Лабанам і Ігарам Сцяцко скончыўся 2 сакавіка. Усе чацвёра былі затрыманыя 5 мая 2023 года.', '2024-03-05', 'be');
  const arrests = be.events.filter((e) => e.type === 'arrest');
  assert.equal(arrests.length, 4, JSON.stringify(be.events));
  assert.ok(arrests.some((e) => e.person === 'Таццяна Вайцюкевіч' && e.date === '2023-05-05'), JSON.stringify(arrests));
  // "Жонку Ягора, Ганну" names Ганна as the relative; Ягор, the one she could not see, is not.
  const kin = run('Суд над Ягорам Лявонавым скончыўся ўчора. Ягора Лявонава асудзілі на 5 гадоў. Жонку Ягора, Ганну Лявонаву, не пусцілі на абвяшчэнне прысуду.', '2024-03-05', 'be');
  assert.equal(kin.persons.find((p) => p.name === 'Ганна Лявонава')?.role, 'relative', JSON.stringify(kin.persons));
  assert.notEqual(kin.persons.find((p) => p.name === 'Ягор Лявонаў')?.role, 'relative', JSON.stringify(kin.persons));
  assert.ok(kin.events.some((e) => e.type === 'denial_of_access' && e.person === 'Ягор Лявонаў'), JSON.stringify(kin.events));
  // "назначил … лет колонии" is a sentence; "Пятерых задержали" counts the five named before.
  const ru = run('Судья назначил Олегу Кравцову шесть лет колонии. Дело рассматривала судья Нина Грач.', '2024-03-05', 'ru');
  assert.ok(ru.events.some((e) => e.type === 'sentence' && e.person === 'Олег Кравцов'), JSON.stringify(ru.events));
  assert.ok(ru.events.some((e) => e.type === 'trial' && e.person === 'Олег Кравцов'), JSON.stringify(ru.events));
  assert.ok(!ru.events.some((e) => e.person === 'Нина Грач'), JSON.stringify(ru.events));
});

test('Russian: a court\'s arrest for days is a sentence, days served are a detention, lists after "получили:", demands "для" someone', () => {
  const brief3 = (text: string) => brief(text, '2024-12-06', 'ru');
  assert.deepEqual(brief3('Ленинский районный суд арестовал Тараса Мельника на 14 суток по ст. 20.1 КоАП.'), ['sentence|Тарас Мельник|-']);
  // "Отбыв 15 суток ареста": a detention that ended, with the release, and no second sentence.
  assert.deepEqual(brief3('Нину Валюк задержали 15 июня. Отбыв 15 суток ареста, она вышла на свободу 1 июля.'), ['arrest|Нина Валюк|2024-06-15', 'detention|Нина Валюк|2024-07-01', 'release|Нина Валюк|2024-07-01']);
  assert.deepEqual(brief3('Остальные получили: Ян Литвинов и Кира Осадчая — по четыре года, Тимур Бакиров — три года условно.'), ['sentence|Кира Осадчая|-', 'sentence|Тимур Бакиров|-', 'sentence|Ян Литвинов|-']);
  assert.deepEqual(brief3('Прокурор Нина Звягина просила для Максима Гурина восемь лет.'), ['trial|Максим Гурин|-']);
  // "а его заместительнице Софье Карапетян — шесть": a gapped clause with a role before the name.
  assert.deepEqual(brief3('Судья назначил Максиму Гурину семь лет колонии, а его заместительнице Софье Карапетян — шесть.'), ['sentence|Максим Гурин|-', 'sentence|Софья Карапетян|-']);
  // "После приговора Бакирова освободили": the name after a time phrase is the verb's object.
  assert.deepEqual(brief3('Суд над Тимуром Бакировым завершился. После приговора Бакирова освободили в зале суда.'), ['release|Тимур Бакиров|-', 'trial|Тимур Бакиров|-']);
  // A surname built on the stem of an organisation word ("Литвинов", "Судаков") is a surname.
  assert.deepEqual(names('Задержан Игорь Литвинов. Оштрафован Олег Судаков.', 'ru'), ['Игорь Литвинов', 'Олег Судаков']);
});

/** "type|person" for each event of one type, sorted: for rules that say who, not when. */
const who = (type: string, text: string, language = 'en') => run(text, '2024-06-14', language).events.filter((e) => e.type === type).map((e) => `${e.type}|${e.person}`).sort();

test('denials of information, care and visits; suspicions and offence reports as charges; appeals upheld; demands for "him"', () => {
  // Information kept from the family, care refused: each a denial of access of the one held.
  assert.deepEqual(who('denial_of_access', 'Ivan Sych was transferred to a colony in May. His family was informed only two weeks later.'), ['denial_of_access|Ivan Sych']);
  assert.deepEqual(who('denial_of_access', 'Ivan Sych was detained in May. His daughter said the SIZO had refused to accept the insulin she brought.'), ['denial_of_access|Ivan Sych']);
  assert.deepEqual(who('denial_of_access', 'Никиту Лиса задержали 5 мая. Родственники до сих пор не знают, где он находится.', 'ru'), ['denial_of_access|Никита Лис']);
  // "Both are suspected of", a report drawn up for an offence.
  assert.deepEqual(who('charge', 'Police detained Vera Lis and Oleg Sych on Monday. Both are suspected of "facilitating extremist activity".'), ['charge|Oleg Sych', 'charge|Vera Lis']);
  assert.deepEqual(who('charge', 'Нину Лис задержали у суда. На неё составили протокол по статье 20.2 КоАП.', 'ru'), ['charge|Нина Лис']);
  // An appeal court upholding the orders is the trial of those last named; "asked for 17 years for him".
  assert.deepEqual(who('trial', 'Vera Lis and Oleg Sych were remanded in custody. The appeal court upheld the detention orders.'), ['trial|Oleg Sych', 'trial|Vera Lis']);
  assert.deepEqual(who('trial', 'Oleg Sych and Vera Lis were detained in May. Ivan Bahun was sentenced in June. At the hearing the prosecutor had asked for 17 years for him.'), ['trial|Ivan Bahun']);
  // "the court gave him another ten days"; "police let him go".
  const text = 'Musician Ivan Bahun was detained again. The court gave him another ten days. On Friday police let him go.';
  assert.deepEqual([...who('sentence', text), ...who('release', text)], ['sentence|Ivan Bahun', 'release|Ivan Bahun']);
});

test('owners, relatives of relatives, possessives and agents', () => {
  // "his home was searched", "whose flat was searched": the owner.
  assert.deepEqual(who('search', 'Pavel Sych was released after questioning, but his home was searched the same day.'), ['search|Pavel Sych']);
  assert.deepEqual(who('search', "Ivan Sych's brother Rinat Sych, whose flat was searched the same morning, was questioned."), ['search|Rinat Sych']);
  // "His wife said her husband had been beaten": the wife's husband is the one held.
  assert.deepEqual(who('torture_allegation', 'Ivan Bahun was detained in May. His wife, Alena, said her husband had been beaten.'), ['torture_allegation|Ivan Bahun']);
  // "officers seized her phone": a possessive, no arrest.
  assert.deepEqual(brief('Iryna Sych was questioned as a witness in July, and officers seized her phone.'), []);
  // A court sending someone to the SIZO is custody ordered; a release "due" in 2029 is to come.
  assert.deepEqual(brief('In March a court sent Vera Lis to the SIZO for breaking its conditions.'), ['detention|Vera Lis|2024-03']);
  assert.deepEqual(who('release', "Ivan Sych was sentenced in 2022. Ivan Sych's release is due in January 2029."), []);
  // "судья Елена Рябова арестовала Михаила Ерёмина": the judge in the nominative is the agent.
  assert.deepEqual(brief('В понедельник судья районного суда Елена Рябова арестовала Михаила Ерёмина на 10 суток.', '2024-12-06', 'ru'), ['sentence|Михаил Ерёмин|2024-12-02']);
});

test('a timeline in the present: "Police detain A", "the court orders two months of detention for A"', () => {
  assert.deepEqual(brief('10 May: Police detain teacher Marat Ospan at his flat in Almaty.'), ['arrest|Marat Ospan|2024-05-10']);
  assert.deepEqual(brief('12 May: The district court orders two months of pre-trial detention for Marat Ospan.'), ['detention|Marat Ospan|2024-05-12']);
  // The bare verb is read only after the ones who act: a question or an infinitive states nothing.
  assert.deepEqual(brief('Why detain Marat Ospan at all, his lawyer asks.'), []);
});

test('common Belarusian given names and surnames in -оў and -іч come back to the nominative; Russian "Дину" is Дина', () => {
  const be = (t: string) => run(t, '2024-06-14', 'be');
  assert.deepEqual(be('У Гродне затрымалі Арцёма Ляўкова і Дзяніса Мароза.').events.map((e) => `${e.type}|${e.person}`).sort(), ['arrest|Арцём Ляўкоў', 'arrest|Дзяніс Мароз']);
  assert.deepEqual(be('Ягор Ляўкоў затрыманы ў Мінску.').persons.map((p) => p.name), ['Ягор Ляўкоў']);
  // A last word in -іча is a surname; a patronymic sits between the given name and the surname.
  assert.deepEqual(be('Суд асудзіў Мацвея Грышкевіча.').persons.map((p) => p.name), ['Мацвей Грышкевіч']);
  assert.deepEqual(be('Суд асудзіў Алеся Іванавіча Грышкевіча.').persons.map((p) => p.name), ['Алесь Іванавіч Грышкевіч']);
  // Of "Дину" (Дина, accusative; Дин, dative) the reading whose name is the more common.
  assert.deepEqual(run('Полиция задержала Марата Гилязова и Дину Сабирову.', '2024-06-14', 'ru').persons.map((p) => p.name).sort(), ['Дина Сабирова', 'Марат Гилязов']);
});

test('a term given in Russian and Belarusian: "дали три года", "назначил наказание в виде трёх лет", not "три года назад"', () => {
  assert.deepEqual(brief('Вадиму Сидоренко дали три года колонии.', '2024-06-14', 'ru'), ['sentence|Вадим Сидоренко|-']);
  assert.deepEqual(brief('Суд назначил Вадиму Сидоренко наказание в виде трех лет лишения свободы.', '2024-06-14', 'ru'), ['sentence|Вадим Сидоренко|-']);
  assert.deepEqual(brief('Вадзіму Сідарэнку прызначылі тры гады калоніі.', '2024-06-14', 'be'), ['sentence|Вадзім Сідарэнка|-']);
  assert.deepEqual(brief('Вадим Сидоренко дал показания три года назад.', '2024-06-14', 'ru'), []);
  // A hearing set for a day is a trial, not a term.
  assert.deepEqual(brief('Суд назначил заседание по делу Вадима Сидоренко на 12 августа 2024 года.', '2024-06-14', 'ru'), ['trial|Вадим Сидоренко|2024-08-12']);
});

test('custody, travel bans and flight in Russian and Belarusian: measures of restraint, "запретили выезд", СІЗА, "з’ехаць"', () => {
  assert.deepEqual(brief('Вадиму Сидоренко избрали меру пресечения в виде заключения под стражу.', '2024-06-14', 'ru'), ['detention|Вадим Сидоренко|-']);
  assert.deepEqual(brief('Вадима Сидоренко заключили под стражу.', '2024-06-14', 'ru'), ['arrest|Вадим Сидоренко|-']);
  assert.deepEqual(brief('Вадиму Сидоренко запретили выезд из страны.', '2024-06-14', 'ru'), ['travel_ban|Вадим Сидоренко|-']);
  // A ban on going abroad is not going abroad.
  assert.deepEqual(brief('Вадзіму Сідарэнку забаранілі выезд за мяжу.', '2024-06-14', 'be'), ['travel_ban|Вадзім Сідарэнка|-']);
  assert.deepEqual(brief('Вадзім Сідарэнка знаходзіцца ў СІЗА-1.', '2024-06-14', 'be'), ['detention|Вадзім Сідарэнка|2024-06-14']);
  assert.deepEqual(brief('Вадзім Сідарэнка быў вымушаны з’ехаць з краіны.', '2024-06-14', 'be'), ['flight_abroad|Вадзім Сідарэнка|-']);
});

test('"moved to the colony" is a transfer; "moved to Vilnius" is a flight: a phrase\'s capital letter is a capital', () => {
  assert.deepEqual(brief('Vadzim Sidarenka was moved to penal colony No. 3 in Vitsiebsk.'), ['transfer|Vadzim Sidarenka|-']);
  assert.deepEqual(brief('In 2021 Vadzim Sidarenka moved to Vilnius.'), ['flight_abroad|Vadzim Sidarenka|2021']);
});

test('Russian references: a surname opening a sentence, "её" inside a phrase, "Дина" a woman, a former official a victim', () => {
  const ru = (t: string) => brief(t, '2024-06-14', 'ru');
  // A surname that is also a word ("коваль"), opening a sentence, after the full name in another case.
  assert.deepEqual(ru('Игоря Коваля задержали. Коваль находится в СИЗО.'), ['arrest|Игорь Коваль|-', 'detention|Игорь Коваль|2024-06-14']);
  // The pronoun inside "арестовал её на 15 суток" is the one sentenced, and "Дину" is a woman's name.
  assert.deepEqual(ru('Дину Сабирову задержали в понедельник. Во вторник суд арестовал ее на 15 суток.'), ['arrest|Дина Сабирова|2024-06-10', 'sentence|Дина Сабирова|2024-06-11']);
  // "бывшего депутата": an office held once does not make the defendant an official.
  assert.deepEqual(ru('Бывшего депутата Игоря Коваля приговорили к четырем годам колонии.'), ['sentence|Игорь Коваль|-']);
  // In English a sentence's first word is a surname only when a person's verb follows.
  assert.deepEqual(brief('Police detained Anna Frost in Brest. Frost was released two days later.'), ['arrest|Anna Frost|-', 'release|Anna Frost|-']);
  // "Frost covered the roads": no person's verb after it, so the word is not her mention.
  const frost = run('Police detained Anna Frost in Brest. Frost covered the roads that morning.').persons;
  assert.deepEqual(frost.map((p) => [p.name, p.variants]), [['Anna Frost', []]]);
});

test('Belarusian: the vowel that falls out (Паўла → Павел, Змітра → Зміцер); "арыштаваў жанчыну на 15 сутак" is her sentence', () => {
  const be = (t: string) => run(t, '2024-06-14', 'be');
  assert.deepEqual(be('У кватэры журналіста Паўла Жука прайшоў ператрус.').persons.map((p) => p.name), ['Павел Жук']);
  assert.deepEqual(be('Суд асудзіў Змітра Каваля.').persons.map((p) => p.name), ['Зміцер Каваль']);
  assert.deepEqual(brief('У Гомелі затрымалі актывістку Вольгу Мароз. Пазней суд арыштаваў жанчыну на 15 сутак.', '2024-06-14', 'be'), ['arrest|Вольга Мароз|-', 'sentence|Вольга Мароз|-']);
});

test('the next paragraph carries the story\'s date only for an event the story dated', () => {
  const text = 'On the morning of 6 May, officers searched the homes of at least five people in Hrodna.\n\nThe searches took place at the homes of Anton Kruk and Olga Lis. Anton Kruk was later sentenced to two years.';
  assert.deepEqual(brief(text), ['search|Anton Kruk|2024-05-06', 'search|Olga Lis|2024-05-06', 'sentence|Anton Kruk|-']);
  // A paragraph that turns to the background does not carry it.
  assert.deepEqual(brief('On 6 May, officers searched the homes of at least five people in Hrodna.\n\nEarlier, police searched the flat of Anton Kruk.'), ['search|Anton Kruk|-']);
});

test('"arrested on charges of treason" states the charge too; "sentenced on spying charges" only the sentence', () => {
  assert.deepEqual(brief('Anton Kruk was arrested in May on charges of treason.'), ['arrest|Anton Kruk|2024-05', 'charge|Anton Kruk|2024-05']);
  assert.deepEqual(brief('Anton Kruk was detained on suspicion of "insulting the president".'), ['arrest|Anton Kruk|-', 'charge|Anton Kruk|-']);
  assert.deepEqual(brief('Anton Kruk was sentenced to 16 years on spying charges.'), ['sentence|Anton Kruk|-']);
});

test('"задержанных отпустили", "the detainees were released": everyone the report has told was detained', () => {
  assert.deepEqual(brief('В Москве задержали Анну Белову. Также задержали студента Олега Лиса. Примерно через час задержанных отпустили.', '2024-06-14', 'ru'), ['arrest|Анна Белова|-', 'arrest|Олег Лис|-', 'release|Анна Белова|-', 'release|Олег Лис|-']);
  assert.deepEqual(brief('Police detained Anna Belova. Student Oleg Lis was also detained. About an hour later the detainees were released.'), ['arrest|Anna Belova|-', 'arrest|Oleg Lis|-', 'release|Anna Belova|-', 'release|Oleg Lis|-']);
});

test('a trial scheduled for a day to come is a trial on that day; a promise of one without a day is not', () => {
  assert.deepEqual(brief('Anton Kruk will stand trial on 20 June.'), ['trial|Anton Kruk|2024-06-20']);
  assert.deepEqual(brief('Заседание по делу Антона Крука назначено на 20 июня.', '2024-06-14', 'ru'), ['trial|Антон Крук|2024-06-20']);
  assert.deepEqual(brief('Суд над Антонам Круком пачнецца 20 чэрвеня.', '2024-06-14', 'be'), ['trial|Антон Крук|2024-06-20']);
  assert.deepEqual(brief('У КДБ паабяцалі, што Антона Крука будуць судзіць завочна.', '2024-06-14', 'be'), []);
  // A date before "will" still looks back from the publication.
  assert.deepEqual(brief('Anton Kruk, who was detained on 20 June, will stand trial next month.'), ['arrest|Anton Kruk|2023-06-20', 'trial|Anton Kruk|-']);
});

test('measures of restraint lifted or chosen; "Анне" is Анна\'s dative', () => {
  assert.deepEqual(brief('Суд отменил Анне Беловой меру пресечения в виде заключения под стражу.', '2024-06-14', 'ru'), ['release|Анна Белова|-']);
  assert.deepEqual(brief('The court chose a measure of restraint in the form of detention for Anna Belova.'), ['detention|Anna Belova|-']);
});
