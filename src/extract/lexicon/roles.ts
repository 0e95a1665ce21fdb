/**
 * Words about people, as data: the nouns that describe a person ("activist", "журналистка",
 * "праваабаронца"), each with the role it gives; the words that make a capitalised run an
 * organisation or a place ("Court", "Committee", "Street"); titles; kinship. English nouns are
 * listed singular (plurals follow); Russian and Belarusian nouns by stem, so one entry covers every
 * case and gender ("журналист" → журналиста, журналистку, журналисткой).
 */
import type { Role } from '../../schema/taxonomy.ts';

/** English role nouns; plurals are formed from them. A phrase is matched on its last word's position. */
const EN_ROLES: Record<Role, string[]> = {
  journalist: ['journalist', 'reporter', 'correspondent', 'editor', 'editor-in-chief', 'photographer', 'photojournalist', 'cameraman', 'camerawoman', 'columnist', 'publisher', 'broadcaster', 'blogger', 'videoblogger', 'vlogger', 'presenter', 'host', 'anchor', 'freelancer', 'stringer', 'media worker'],
  activist: ['activist', 'campaigner', 'dissident', 'rights defender', 'human rights defender', 'defender', 'politician', 'opposition figure', 'opposition leader', 'opposition politician', 'leader', 'candidate', 'coordinator', 'co-founder', 'founder', 'co-chair', 'co-chairman', 'chairman', 'chairwoman', 'chairperson', 'organiser', 'organizer', 'volunteer', 'protester', 'protestor', 'demonstrator', 'unionist', 'trade unionist', 'anarchist', 'anti-fascist', 'feminist', 'observer', 'election observer', 'member', 'board member', 'deputy chairman', 'deputy head', 'representative', 'advocate'],
  detainee: ['prisoner', 'political prisoner', 'detainee', 'defendant', 'co-defendant', 'suspect', 'convict', 'inmate', 'accused', 'hostage', 'captive'],
  lawyer: ['lawyer', 'attorney', 'barrister', 'solicitor', 'defence lawyer', 'defense lawyer', 'defence attorney', 'defense attorney', 'counsel', 'legal counsel', 'defence counsel'],
  relative: ['wife', 'husband', 'son', 'daughter', 'mother', 'father', 'brother', 'sister', 'partner', 'fiancée', 'fiance', 'fiancé', 'widow', 'widower', 'parent', 'grandmother', 'grandfather', 'grandson', 'granddaughter', 'niece', 'nephew', 'aunt', 'uncle', 'cousin', 'relative', 'mother-in-law', 'father-in-law', 'son-in-law', 'daughter-in-law', 'spouse', 'girlfriend', 'boyfriend'],
  official: ['judge', 'prosecutor', 'investigator', 'president', 'vice-president', 'minister', 'prime minister', 'deputy minister', 'official', 'officer', 'police officer', 'governor', 'mayor', 'ambassador', 'spokesman', 'spokeswoman', 'spokesperson', 'senator', 'commander', 'general', 'colonel', 'major', 'lieutenant', 'captain', 'chief', 'police chief', 'warden', 'guard', 'dictator', 'strongman', 'ruler', 'autocrat', 'head of state', 'prosecutor general', 'attorney general', 'interior minister', 'foreign minister', 'deputy', 'lawmaker', 'mp', 'secretary', 'press secretary', 'diplomat', 'envoy', 'rapporteur', 'special rapporteur', 'commissioner', 'high commissioner', 'chancellor', 'king', 'emperor'],
  other: ['student', 'teacher', 'pensioner', 'retiree', 'doctor', 'nurse', 'worker', 'employee', 'staff member', 'businessman', 'businesswoman', 'entrepreneur', 'tycoon', 'philanthropist', 'priest', 'bishop', 'pastor', 'cleric', 'imam', 'monk', 'nun', 'believer', 'artist', 'musician', 'singer', 'rapper', 'poet', 'writer', 'author', 'actor', 'actress', 'playwright', 'theater director', 'theatre director', 'film director', 'filmmaker', 'scientist', 'scholar', 'academic', 'researcher', 'lecturer', 'professor', 'economist', 'analyst', 'programmer', 'engineer', 'farmer', 'resident', 'man', 'woman', 'boy', 'girl', 'citizen', 'national', 'veteran', 'athlete', 'footballer', 'sportsman', 'coach', 'historian', 'philosopher', 'sociologist', 'psychologist', 'consultant', 'manager', 'accountant', 'chief accountant', 'ceo', 'founder', 'owner', 'head', 'director', 'chief executive', 'manager', 'mechanic', 'driver', 'builder', 'electrician', 'cook', 'soldier', 'serviceman', 'conscript', 'sailor', 'pilot', 'laureate', 'nobel laureate', 'mother of', 'father of'],
};

/** Russian and Belarusian role nouns by stem; the longest stem that opens a word decides. */
const CYRILLIC_ROLE_STEMS: Record<Role, string[]> = {
  journalist: ['журналист', 'журналіст', 'корреспондент', 'карэспандэнт', 'репортер', 'репортёр', 'рэпарцёр', 'редактор', 'рэдактар', 'фотограф', 'фотакарэспандэнт', 'фотокорреспондент', 'оператор', 'блогер', 'блогер', 'видеоблогер', 'відэаблогер', 'ведущ', 'вядоўц', 'медийщик', 'медыйшчык', 'стример', 'стрымер'],
  activist: ['активист', 'актывіст', 'правозащитни', 'праваабаронц', 'оппозиционер', 'апазіцыянер', 'политик', 'палітык', 'лидер', 'лідар', 'кандидат', 'кандыдат', 'координатор', 'каардынатар', 'основател', 'заснавальні', 'сооснователь', 'председател', 'старшын', 'волонтер', 'волонтёр', 'валанцёр', 'анархист', 'анархіст', 'антифашист', 'антыфашыст', 'феминист', 'фемініст', 'наблюдател', 'назіральні', 'член', 'сябр', 'сяброўк', 'участни', 'удзельні', 'протестующ', 'пратэстоўц', 'демонстрант', 'дэманстрант'],
  detainee: ['политзаключенн', 'политзаключённ', 'палітвязн', 'палітвязень', 'палітвязьн', 'политузни', 'палітычны вязень', 'заключенн', 'заключённ', 'зняволен', 'обвиняем', 'абвінавачван', 'подсудим', 'падсудн', 'фигурант', 'фігурант', 'осужденн', 'осуждённ', 'асуджан', 'подозреваем', 'падазраван', 'задержанн', 'затрыман', 'арестованн', 'арыштаван', 'узни', 'вязн', 'вязень'],
  lawyer: ['адвокат', 'адвакат', 'защитни', 'абаронц', 'юрист'],
  relative: ['жена', 'жене', 'жену', 'женой', 'жёны', 'жонк', 'мужа', 'мужу', 'мужем', 'муж', 'сын', 'дочь', 'дочер', 'дачк', 'дачка', 'мать', 'матер', 'маці', 'отец', 'отца', 'отцу', 'отцом', 'бацьк', 'брат', 'сестр', 'сястр', 'родственни', 'сваяк', 'сваячк', 'родн', 'бабушк', 'бабул', 'дедушк', 'дзядул', 'внук', 'унук', 'племянни', 'пляменні', 'тёт', 'тет', 'цётк', 'дяд', 'дзядзьк', 'супруг', 'сужэн'],
  official: ['судья', 'судьи', 'судье', 'судью', 'судьёй', 'суддз', 'прокурор', 'пракурор', 'гособвинител', 'обвинител', 'дзяржабвінаваўц', 'абвінаваўц', 'следовател', 'следчы', 'следчага', 'президент', 'прэзідэнт', 'министр', 'міністр', 'чиновни', 'чыноўні', 'силовик', 'сілавік', 'милиционер', 'міліцыянер', 'міліцыянт', 'полицейск', 'паліцэйск', 'диктатор', 'дыктатар', 'губернатор', 'замглав', 'замміністр', 'замминистр', 'депутат', 'дэпутат', 'пресс-секретар', 'прэс-сакратар', 'спикер', 'спікер', 'омоновц', 'амапавец', 'амапаўц', 'сотрудник', 'супрацоўні', 'охранни', 'ахоўні', 'конвоир', 'канваір', 'генерал', 'полковни', 'палкоўні', 'майор', 'капитан', 'капітан'],
  other: ['студент', 'студэнт', 'студентк', 'студэнтк', 'пенсионер', 'пенсіянер', 'учител', 'настаўні', 'врач', 'доктар', 'медик', 'медык', 'рабоч', 'рабочы', 'предпринимател', 'прадпрымальні', 'бизнесмен', 'бізнесмен', 'священни', 'святар', 'ксёндз', 'ксендз', 'художни', 'мастак', 'музыкант', 'поэт', 'паэт', 'писател', 'пісьменні', 'женщин', 'жанчын', 'мужчин', 'мужчын', 'житель', 'жителя', 'жительниц', 'жыхар', 'гражданин', 'гражданк', 'грамадзян', 'учен', 'вучон', 'программист', 'праграміст', 'бухгалтер', 'бухгалтар', 'экономист', 'эканаміст', 'инженер', 'інжынер', 'актер', 'актёр', 'актрис', 'акцёр', 'акторк', 'режиссер', 'режиссёр', 'рэжысёр', 'спортсмен', 'спартсмен', 'тренер', 'трэнер', 'лауреат', 'лаўрэат', 'начальни', 'начальні', 'кіраўні', 'руководител', 'заместител', 'намеснік', 'сотрудниц', 'супрацоўніц', 'преподавател', 'выкладчы', 'философ', 'філосаф', 'историк', 'гісторык', 'военн', 'ваенн', 'солдат', 'салдат'],
};

/** English titles written right before a name. */
export const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam', 'dame', 'lord', 'lady', 'fr', 'rev', 'sheikh', 'gospodin', 'пан', 'пані', 'господин', 'госпожа']);
/** Ranks and offices that are titles when capitalised before a name ("Judge Ivanova", "Lt Col Petrov"). */
export const OFFICE_TITLES = new Set(['president', 'minister', 'judge', 'prosecutor', 'general', 'colonel', 'col', 'lt', 'major', 'maj', 'lieutenant', 'captain', 'capt', 'sergeant', 'sgt', 'governor', 'mayor', 'ambassador', 'senator', 'bishop', 'archbishop', 'cardinal', 'patriarch', 'metropolitan', 'father', 'pastor', 'imam', 'ayatollah', 'chairman', 'chairwoman', 'king', 'queen', 'prince', 'princess', 'deputy', 'commissioner', 'chancellor', 'premier', 'secretary', 'director', 'chief', 'officer']);

/**
 * Words that make a capitalised run an organisation, a body, a place or a title of a work, not a
 * person ("Minsk City Court", "United Civic Party", "Sovetsky District", "Nobel Peace Prize").
 */
export const ORG_HEADS = new Set([
  'court', 'courts', 'tribunal', 'committee', 'commission', 'council', 'centre', 'center', 'party', 'movement', 'union', 'association', 'organisation', 'organization', 'service', 'services', 'agency', 'ministry', 'office', 'department', 'directorate', 'administration', 'government', 'parliament', 'assembly', 'duma', 'senate', 'congress', 'region', 'regional', 'oblast', 'district', 'province', 'republic', 'federation', 'kingdom', 'state', 'states', 'city', 'town', 'village', 'street', 'avenue', 'square', 'prospekt', 'prospect', 'boulevard', 'lane', 'road', 'highway', 'bridge', 'park', 'university', 'institute', 'academy', 'school', 'college', 'lyceum', 'gymnasium', 'prison', 'colony', 'jail', 'hospital', 'clinic', 'church', 'cathedral', 'mosque', 'monastery', 'foundation', 'fund', 'network', 'group', 'company', 'bank', 'corporation', 'holding', 'holdings', 'inc', 'ltd', 'llc', 'news', 'times', 'post', 'press', 'radio', 'tv', 'television', 'channel', 'media', 'magazine', 'journal', 'gazette', 'daily', 'herald', 'review', 'watch', 'international', 'initiative', 'coalition', 'front', 'bloc', 'alliance', 'army', 'police', 'militia', 'guard', 'guards', 'forces', 'navy', 'battalion', 'regiment', 'brigade', 'prize', 'award', 'day', 'week', 'cup', 'olympics', 'championship', 'festival', 'conference', 'summit', 'forum', 'declaration', 'code', 'law', 'act', 'article', 'constitution', 'decree', 'project', 'program', 'programme', 'bureau', 'chamber', 'house', 'palace', 'hall', 'museum', 'theatre', 'theater', 'library', 'airport', 'station', 'railway', 'metro', 'river', 'lake', 'sea', 'mountain', 'mountains', 'island', 'islands', 'peninsula', 'europe', 'asia', 'africa', 'america', 'east', 'west', 'north', 'south', 'central', 'eastern', 'western', 'northern', 'southern', 'national', 'federal', 'supreme', 'constitutional', 'high', 'appeals', 'appeal', 'military', 'criminal', 'civil', 'human', 'rights', 'freedom', 'liberty', 'democracy', 'democratic', 'people', "people's", 'popular', 'social', 'socialist', 'communist', 'liberal', 'conservative', 'green', 'labour', 'labor', 'civic', 'christian', 'islamic', 'orthodox', 'catholic', 'protestant', 'jewish', 'witnesses', 'amnesty', 'memorial', 'kremlin', 'white', 'black', 'red', 'blue', 'gold', 'golden', 'new', 'old', 'great', 'holy', 'saint', 'st', 'facebook', 'telegram', 'twitter', 'youtube', 'instagram', 'tiktok', 'vkontakte', 'whatsapp', 'signal', 'google', 'apple', 'microsoft', 'euro', 'ruble', 'rouble', 'dollar', 'covid', 'coronavirus', 'internet', 'web', 'online', 'live', 'update', 'breaking', 'exclusive', 'interview', 'opinion', 'analysis', 'photo', 'video', 'audio', 'source', 'sources', 'reuters', 'afp', 'ap', 'interfax', 'tass', 'ria', 'belta', 'cnn', 'bbc', 'dw', 'rfe', 'rferl', 'kgb', 'fsb', 'gru', 'omon', 'gubopik', 'sizo', 'ik', 'nkvd', 'mvd', 'ovd', 'ngo', 'un', 'eu', 'osce', 'nato', 'usa', 'uk',
]);

/** The same for Russian and Belarusian, by stem. */
export const CYRILLIC_ORG_STEMS = ['суд', 'трибунал', 'комитет', 'камітэт', 'комисси', 'камісі', 'совет', 'савет', 'центр', 'цэнтр', 'парти', 'партыі', 'партыя', 'движени', 'рух', 'союз', 'саюз', 'ассоциаци', 'асацыяц', 'организаци', 'арганізац', 'служб', 'агентств', 'агенцтв', 'министерств', 'міністэрств', 'управлени', 'упраўленн', 'департамент', 'дэпартамент', 'администраци', 'адміністрац', 'правительств', 'урад', 'парламент', 'собрани', 'дума', 'област', 'вобласц', 'район', 'раён', 'республик', 'рэспублік', 'федераци', 'федэрац', 'город', 'горад', 'улиц', 'вуліц', 'площад', 'плошч', 'проспект', 'праспект', 'университет', 'універсітэт', 'институт', 'інстытут', 'академи', 'акадэмі', 'школ', 'тюрьм', 'турм', 'колони', 'калоні', 'больниц', 'бальніц', 'церкв', 'царкв', 'фонд', 'банк', 'компани', 'кампані', 'радио', 'радыё', 'телеканал', 'тэлеканал', 'газет', 'газэт', 'журнал', 'издани', 'выданн', 'редакци', 'рэдакцы', 'сайт', 'канал', 'премия', 'премии', 'прэмі', 'кодекс', 'закон', 'стать', 'артыкул', 'конституц', 'канстытуц', 'указ', 'свобод', 'свабод', 'вясна', 'мемориал', 'мемарыял', 'кгб', 'фсб', 'омон', 'амап', 'губопик', 'гупапік', 'сизо', 'сізо', 'ивс', 'ізалятар', 'изолятор', 'мвд', 'овд', 'рувд', 'ровд', 'фсин', 'ук', 'коап', 'какап', 'оон', 'аан', 'ес', 'обсе', 'европ', 'еўроп', 'россия', 'россии', 'беларус', 'белорусс', 'украин', 'украін', 'польш', 'літв', 'литв', 'москв', 'мінск', 'минск', 'менск'];

const EN_ROLE_INDEX = new Map<string, Role>();
for (const [role, nouns] of Object.entries(EN_ROLES) as [Role, string[]][]) {
  for (const n of nouns) {
    if (!EN_ROLE_INDEX.has(n)) EN_ROLE_INDEX.set(n, role);
    const plural = /(?:s|x|ch|sh)$/.test(n) ? `${n}es` : n.endsWith('man') ? `${n.slice(0, -3)}men` : /[^aeiou]y$/.test(n) ? `${n.slice(0, -1)}ies` : n.endsWith('wife') ? `${n.slice(0, -2)}ves` : n === 'child' ? 'children' : `${n}s`;
    if (!EN_ROLE_INDEX.has(plural)) EN_ROLE_INDEX.set(plural, role);
  }
}
/** Longest first, so "мужчин" wins over "муж". */
const CYRILLIC_ROLE_INDEX: [string, Role][] = (Object.entries(CYRILLIC_ROLE_STEMS) as [Role, string[]][])
  .flatMap(([role, stems]) => stems.map((s) => [s, role] as [string, Role]))
  .sort((a, b) => b[0].length - a[0].length);

/** How many letters of ending may follow a Cyrillic stem. */
const MAX_ENDING = 4;

/** The role an English noun or noun phrase gives ("journalists" → journalist), or null. */
export function englishRole(phrase: string): Role | null {
  return EN_ROLE_INDEX.get(phrase.toLowerCase()) ?? null;
}

/** Whether an English role noun is plural ("journalists", "defendants"). */
export function englishRolePlural(word: string): boolean {
  const w = word.toLowerCase();
  return EN_ROLE_INDEX.has(w) && (/(?:s|men|ies|ves)$/.test(w) && !/(?:ss|us)$/.test(w)) && !['boss', 'press', 'witness'].includes(w);
}

/** The role a Russian or Belarusian word gives by its stem ("журналистку" → journalist), or null. */
export function cyrillicRole(word: string): Role | null {
  const w = word.toLowerCase();
  for (const [stem, role] of CYRILLIC_ROLE_INDEX) if (w.startsWith(stem) && w.length - stem.length <= MAX_ENDING) return role;
  return null;
}

/** A word that names an organisation, a body or a place rather than a person. */
export function isOrgWord(word: string): boolean {
  const w = word.toLowerCase().replace(/[’']s$/u, '');
  if (ORG_HEADS.has(w)) return true;
  if (!/\p{Script=Cyrillic}/u.test(w)) return false;
  // "Литвинов", "Судаков": a surname built on the stem, not the body it names.
  return CYRILLIC_ORG_STEMS.some((s) => w.startsWith(s) && w.length - s.length <= MAX_ENDING && !(w.length - s.length >= 3 && SURNAME_END.test(w)));
}
const SURNAME_END = /(?:ов|ев|ёв|ин|ын|аў|еў|ова|ева|ина|ына|ава|ева|ич|іч)$/u;

export function roleOfWord(word: string): Role | null {
  return /\p{Script=Cyrillic}/u.test(word) ? cyrillicRole(word) : englishRole(word);
}

export const KINSHIP_EN = new Set(EN_ROLES.relative);
