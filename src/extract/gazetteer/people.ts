/**
 * Words about people, as data: given names that open a person's name, public figures known by
 * surname alone, titles, kinship and role nouns.
 */
import { GIVEN_NAME_GROUPS } from '../../resolve/given-names.ts';
import { ALIAS_WORDS, ALIAS_WORDS_ALONE, BIRTH_NAME_WORDS } from '../../resolve/aliases.ts';

/** Common given names beyond the East Slavic equivalence table (the press names many others). */
const MORE_GIVEN = [
  'Milana', 'Alexa', 'Artyom', 'Artem', 'Artsiom', 'Mike', 'Hillary', 'Joe', 'John', 'James', 'Robert', 'Mary', 'Emmanuel', 'Angela', 'Olaf', 'Boris', 'Donald', 'Josep', 'Ursula', 'Antonio',
  'Ilya', 'Ilia', 'Kirill', 'Kiryl', 'Denis', 'Dzianis', 'Artur', 'Arkady', 'Vadim', 'Vadzim', 'Timofei', 'Tsimafei', 'Gleb', 'Hleb', 'Lev', 'Leu', 'Yaroslav', 'Zmitser', 'Uladzislau', 'Vladislav', 'Stanislav', 'Stanislau', 'Rostislav',
  'Daria', 'Darya', 'Daryia', 'Ksenia', 'Ksenija', 'Kseniya', 'Sofia', 'Sofya', 'Anastasia', 'Nastassia', 'Veronika', 'Viktoryia', 'Viktoria', 'Alina', 'Polina', 'Palina', 'Ekaterina', 'Liliya', 'Lilia', 'Nina', 'Vera', 'Lyubov', 'Nadezhda', 'Nadzeya', 'Raisa', 'Zinaida', 'Larisa', 'Larysa', 'Oksana', 'Kristina', 'Maryna', 'Ala', 'Alla', 'Inna', 'Taisa', 'Iryna', 'Volha', 'Alena', 'Marfa', 'Milena',
  'Ales', 'Eduard', 'Emil', 'Ruslan', 'Rustam', 'Timur', 'Aleksander', 'Ramzan', 'Alexei', 'Navalny', 'Ilham', 'Nursultan', 'Kassym-Jomart', 'Shavkat', 'Emomali', 'Sadyr', 'Nikol', 'Irakli', 'Mikheil', 'Salome', 'Bidzina',
  'Siarhei', 'Ihar', 'Raman', 'Pavel', 'Dzmitry', 'Yury', 'Uladzimir', 'Aliaksandr', 'Alyaksandr', 'Mikalai', 'Zianon', 'Valery', 'Valeriy', 'Valer', 'Anatol', 'Andrzej', 'Marek', 'Tomasz', 'Piotr', 'Jan', 'Karol',
];

export const GIVEN_NAMES: Set<string> = new Set([...GIVEN_NAME_GROUPS.flat(), ...MORE_GIVEN].map((n) => n.toLowerCase()));

/** Public figures the press names by surname alone; role official. */
export const PUBLIC_FIGURES: Record<string, string> = {
  lukashenka: 'official', lukashenko: 'official', лукашенко: 'official', лукашэнка: 'official', putin: 'official', путин: 'official', пуцін: 'official',
  medvedev: 'official', lavrov: 'official', peskov: 'official', makei: 'official', makey: 'official', golovchenko: 'official', halouchanka: 'official',
};

export const TITLE_WORDS = /^(?:Mr|Mrs|Ms|Miss|Dr|Prof|President|Minister|Judge|Prosecutor|General|Colonel|Major|Lieutenant|Captain|Ambassador|Senator|Governor|Mayor|Sir|Madam)\.?$/u;
/** An office written right before a name: "President Alexander Lukashenko", "strongman Lukashenko". */
export const OFFICIAL_BEFORE = /\b(?:president|minister|judge|prosecutor|ambassador|governor|mayor|senator|secretary\s+of\s+state|officer|official|investigator|spokes(?:man|woman|person)|dictator|strongman|ruler|leader)\s+(?:of\s+\p{Lu}\p{L}+\s+)?$/iu;
export const JOURNALIST_WORDS = /\b(?:journalist|reporter|correspondent|editor|columnist|analyst|commentator|political\s+scientist|spoke\s+to|told\s+(?:the\s+)?\w+|of\s+Radio\s+Free\s+Europe|RFE\/RL)\b/iu;
export const ACTIVIST_WORDS = /\b(?:activist|human\s+rights\s+(?:defender|activist|watch|centre|center)|director\s+of|opposition\s+leader|leader\s+of\s+the\s+opposition|campaigner|dissident|co-?chair|NGO)\b/iu;
/** "his lawyer, Pavel Sidarenka", "defence attorney Jane Roe": a lawyer named right after the word. */
export const LAWYER_BEFORE = /\b(?:lawyer|attorney|advocate|defen[cs]e\s+counsel|counsel|адвокат\S*)[\s,]+$/iu;

export const KINSHIP_WORDS = 'wife|husband|son|daughter|mother|father|brother|sister|partner|fiancée?|widow|parents?|grandmother|grandfather|niece|nephew|aunt|uncle|cousin';
/** "his wife Milana", "her son, Raman,": a kinship word right before a name. */
export const KINSHIP_BEFORE = new RegExp(
  `(?<!\\p{L})(?:(?:his|her|my|their|whose|the\\s+\\S+['’]s)\\s+(${KINSHIP_WORDS})|(?:его|её|ее|мой|моя|их|яго|яе)\\s+(жена|муж|сын|дочь|мать|отец|брат|сестра|жонка|маці|бацька))(?:,\\s*\\p{Ll}+)?,?\\s+$`,
  'iu',
);

/**
 * Words between a name and another name of the same person, as reports write them: "Igor Girkin,
 * also known as Igor Strelkov", "Zakhar Prilepin (real name Yevgeny Prilepin)", "Angela Merkel, née
 * Kasner", "Юрий Дудь, он же ...". A comma or bracket must open them (aka alone need not), so
 * "Tsikhanouskaya called Lukashenka" links no one; "born" needs a capital after it, so "born in
 * Minsk" is no name. "X's real name is Y" needs no comma. The words are declared in
 * resolve/aliases.ts, which reads them inside names too.
 */
export const ALIAS_AFTER = new RegExp(
  `^\\s*(?:,|\\()\\s*(?:${ALIAS_WORDS}|${BIRTH_NAME_WORDS}):?\\s+|^\\s*(?:,|\\()?\\s*(?:${ALIAS_WORDS_ALONE}):?\\s+`
  // "Lev Orlov's real name is …", "Лев Орлов — настоящее имя …".
  + '|^[’\']s?\\s+(?:real|birth|legal)\\s+name\\s+(?:is|was)\\s+|^\\s*[—–-]\\s*(?:настоящее|сапраўднае)\\s+(?:имя|імя)\\s+',
  'iu',
);

