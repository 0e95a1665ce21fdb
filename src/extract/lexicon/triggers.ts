/**
 * The words that state an event, as data: per event type, English verbs (their forms follow from
 * the base), English nouns, Russian lemmas (az brings every form back to them) and Belarusian stems.
 * Where the affected person stands is worked out from the form in the sentence (a passive's subject,
 * an active verb's object, the owner of a noun); an entry only says what kind of word it is:
 *   verb   transitive: "police detained A", "A was detained";
 *   intr   the person is the subject whatever the voice: "A fled", "A received six years";
 *   noun   "the arrest of A", "A's arrest", "his arrest".
 * Set phrases ("behind bars", "went on trial", "запрет на выезд") are patterns with their own kind.
 */
import { caseless } from '../caseless.ts';
import type { EventType } from '../../schema/taxonomy.ts';
import { requiredWords } from './prefilter.ts';
import { verbForms } from '../language/english.ts';

export type TriggerKind = 'verb' | 'intr' | 'noun';

export interface TriggerWord {
  type: EventType;
  kind: TriggerKind;
  rule: string;
  confidence: number;
  /** For an English form: past tense or participle ("detained"), as opposed to the base, -s or -ing form. */
  past?: boolean;
  /** Only in the passive. */
  passiveOnly?: boolean;
  /** The person is named anywhere after the trigger in its clause, or anywhere in it (a pronoun will do). */
  where?: 'after' | 'clause';
}

interface Entry {
  type: EventType;
  /** English verbs: "detain", "hold/held", "transfer/transferred". */
  verbs?: string[];
  /** English verbs whose person is their subject in any voice. */
  intransitive?: string[];
  /** English verbs that state the event only in the passive ("was tried", not "tried to"). */
  passiveOnly?: string[];
  /** English nouns, singular (plurals follow). */
  nouns?: string[];
  /** Russian lemmas (verbs, participles and nouns as az gives them). */
  ru?: { verb?: string[]; intr?: string[]; noun?: string[] };
  /** Belarusian stems. */
  be?: { verb?: string[]; intr?: string[]; noun?: string[] };
  confidence: number;
}

const ENTRIES: Entry[] = [
  {
    type: 'arrest', confidence: 0.85,
    verbs: ['arrest', 'detain', 'apprehend', 'abduct', 'kidnap/kidnapped', 'seize', 'grab/grabbed', 'nab/nabbed', 're-arrest', 'rearrest', 're-detain'],
    nouns: ['arrest', 'apprehension', 'abduction', 're-arrest', 'rearrest'],
    ru: { verb: ['задержать', 'задерживать', 'арестовать', 'арестовывать', 'похитить', 'задержанный', 'арестованный'], noun: ['задержание', 'арест'] },
    be: { verb: ['затрыма', 'затрымліва', 'арыштава', 'арыштоўва'], noun: ['затрыманн', 'затрыманне', 'арышт'] },
  },
  {
    type: 'detention', confidence: 0.8,
    verbs: ['hold/held', 'imprison', 'incarcerate', 'remand', 'keep/kept'],
    intransitive: ['serve', 'spend/spent', 'languish'],
    nouns: ['imprisonment', 'incarceration', 'confinement'],
    ru: { verb: ['удерживать', 'поместить', 'помещать'], intr: ['содержаться', 'находиться', 'отбывать', 'провести', 'сидеть', 'оставаться'] },
    be: { verb: ['утрымліва', 'змясці', 'змяшча'], intr: ['утрымлів', 'знаходз', 'адбыва', 'правё', 'правял', 'сядзі', 'сядзя', 'застаецц', 'заставал'], noun: ['зняволенн'] },
  },
  {
    type: 'transfer', confidence: 0.8,
    verbs: ['transfer/transferred', 'move', 'transport', 'relocate', 'convoy', 'escort', 'send/sent'],
    nouns: ['transfer', 'transportation', 'relocation'],
    ru: { verb: ['этапировать', 'перевести', 'переводить', 'перевезти', 'этапированный', 'переведённый'], noun: ['этапирование'] },
    be: { verb: ['этапава', 'этапір', 'перавез', 'перавял', 'перавед', 'перавесці'] },
  },
  {
    type: 'charge', confidence: 0.8,
    verbs: ['charge', 'accuse', 'indict', 'prosecute', 'suspect'],
    nouns: ['charge', 'indictment', 'accusation'],
    ru: { verb: ['обвинить', 'обвинять', 'обвинённый', 'обвиняемый', 'подозревать'], noun: ['обвинение', 'подозрение'] },
    be: { verb: ['абвінава', 'абвінаваці', 'падазрава'], noun: ['абвінавачанн', 'абвінавачван', 'падазрэнн'] },
  },
  {
    type: 'trial', confidence: 0.7,
    passiveOnly: ['try/tried'],
    nouns: ['trial', 'hearing', 'retrial', 'appeal', 'session'],
    ru: { verb: ['судить'], noun: ['апелляция'] },
    be: { verb: ['судзі', 'судзяць', 'судзілі'], noun: ['апеляцы'] },
  },
  {
    type: 'sentence', confidence: 0.85,
    verbs: ['sentence', 'convict', 'fine', 'jail/jailed'],
    nouns: ['sentence', 'conviction', 'verdict', 'fine'],
    ru: { verb: ['приговорить', 'приговаривать', 'осудить', 'оштрафовать', 'приговорённый', 'осуждённый'], noun: ['приговор', 'штраф'] },
    be: { verb: ['асудзі', 'асудж', 'прысудзі', 'пакара', 'аштрафава'], noun: ['прысуд', 'штраф', 'вырак'] },
  },
  {
    type: 'release', confidence: 0.85,
    verbs: ['release', 'free', 'pardon', 'bail/bailed', 'exchange', 'swap/swapped', 'amnesty'],
    nouns: ['release', 'pardon', 'exchange', 'swap', 'amnesty', 'bail'],
    ru: { verb: ['освободить', 'освобождать', 'отпустить', 'выпустить', 'помиловать', 'обменять'], noun: ['освобождение', 'помилование', 'амнистия'] },
    be: { verb: ['вызвалі', 'вызваля', 'адпусці', 'выпусці', 'памілава', 'абмяня'], noun: ['вызваленн', 'памілаванн', 'амністы'] },
  },
  {
    type: 'torture_allegation', confidence: 0.75,
    verbs: ['torture', 'beat/beat/beaten', 'ill-treat', 'mistreat', 'maltreat', 'kick/kicked', 'punch/punched', 'rape', 'electrocute', 'strangle'],
    nouns: ['torture', 'ill-treatment', 'mistreatment', 'beating'],
    ru: { verb: ['пытать', 'избить', 'избивать', 'издеваться'], noun: ['пытка', 'избиение', 'издевательство'] },
    be: { verb: ['катава', 'збілі', 'збіла', 'збіў', 'збіва', 'здзекава'], noun: ['катаванн', 'збіццё', 'здзек'] },
  },
  {
    type: 'search', confidence: 0.75,
    verbs: ['search', 'raid', 'confiscate'],
    nouns: ['search', 'raid'],
    ru: { verb: ['обыскать', 'обыскивать', 'изъять', 'конфисковать'], noun: ['обыск'] },
    be: { verb: ['канфіскава'], noun: ['ператрус', 'вобшук'] },
  },
  {
    type: 'flight_abroad', confidence: 0.8,
    intransitive: ['flee/fled', 'emigrate', 'escape'],
    nouns: ['exile', 'emigration'],
    ru: { intr: ['эмигрировать', 'уехать', 'бежать', 'покинуть', 'выехать'], noun: ['эмиграция'] },
    be: { intr: ['эміграва', 'з\'еха', 'з’еха', 'зʼеха', 'пакінуў', 'пакінула', 'пакінулі', 'выехаў', 'выехала', 'выехалі', 'уцёк', 'уцякла'], noun: ['эміграцы'] },
  },
  {
    type: 'death_in_custody', confidence: 0.85,
    intransitive: ['die/died'],
    nouns: ['death'],
    ru: { intr: ['умереть', 'скончаться', 'погибнуть'], noun: ['смерть', 'гибель'] },
    be: { intr: ['памёр', 'памерла', 'памерлі', 'загінуў', 'загінула'], noun: ['смерць', 'гібел'] },
  },
];

/**
 * Set phrases: [type, kind, rule, pattern, where]. Patterns are matched against a sentence,
 * case-insensitively, with "no letter before" as a word start (JavaScript's \b knows only ASCII
 * letters). `where` 'after' says the person is named anywhere after the phrase in its clause
 * ("prosecutors asked the court to sentence A", "суд над A").
 */
const PHRASES: [EventType, TriggerKind, string, string, ('after' | 'clause' | undefined)?][] = [
  ['arrest', 'verb', 'taken-into-custody', String.raw`taken\s+into\s+custody|picked\s+up|rounded\s+up|hauled\s+(?:away|off)|взят\S*\s+под\s+стражу|узят\S*\s+пад\s+варту|(?:заключили|заключил|заключила|заключ[её]н|заключена|заключены|заключылі|заключыў|заключыла|заключаны|заключана|заключаныя)\s+(?:под|пад)\s+(?:стражу|варту)`],
  // "избрали меру пресечения в виде заключения под стражу", "абралі меру стрымання ў выглядзе хатняга арышту": custody ordered for the one the clause names.
  // "отменил меру пресечения", "адмяніў меру стрымання": custody ended. (The English "cancelled for them the measure of
  // restraint" was tried: the rule is right, but "them" too often finds the wrong group, so it is left out.)
  ['release', 'intr', 'restraint-lifted', String.raw`(?:отмени\S*|адмяні\S*|адмян\S*)\s+(?:\S+\s+){0,3}?(?:мер\S*\s+пресечени\S*|мер\S*\s+стрыманн\S*)`, 'clause'],
  ['detention', 'intr', 'measure-of-restraint-en', String.raw`(?:chose|chosen|imposed|selected|applied)\s+(?:\S+\s+){0,3}?(?:a\s+|the\s+)?measure\s+of\s+restraint\s+in\s+the\s+form\s+of\s+(?:detention|custody|arrest|house\s+arrest)`, 'clause'],
  ['detention', 'intr', 'measure-of-restraint', String.raw`(?:избра|избира|абра|абіра|измени|змяні)\S*\s+(?:\S+\s+){0,3}?(?:мер\S*\s+(?:пресечени\S*|стрыманн\S*))\s+(?:\S+\s+){0,2}?(?:в\s+виде|у\s+выглядзе|ў\s+выглядзе)\s+(?:заключени\S*\s+под\s+страж\S*|заключэнн\S*\s+пад\s+варт\S*|домашн\S*\s+арест\S*|хатн\S*\s+арышт\S*|арест\S*|арышт\S*)`, 'clause'],
  ['detention', 'intr', 'behind-bars', String.raw`(?:(?:placed|put|kept|held|remanded|sent|locked\s+up|thrown)\s+)?(?:behind\s+bars|in\s+(?:pre-?trial\s+)?(?:custody|detention|jail|prison)|under\s+(?:house\s+)?arrest|into\s+(?:house\s+arrest|custody))|(?:house\s+arrest)|(?:put|placed|kept|held)\s+(?:in|into)\s+(?:a\s+|the\s+)?(?:pre-?trial\s+|temporary\s+)?detention\s+(?:center|centre|facility)|(?:was|were|is|are|remains?|remained|been)\s+(?:still\s+|already\s+|then\s+)?(?:in|at)\s+(?:the\s+|a\s+)?(?:[\p{L}-]+\s+){0,3}?(?:colony|prison|jail|SIZO|remand\s+prison|detention\s+(?:centre|center|facility)|penitentiary|labou?r\s+camp|cell)(?!\p{L})|за\s+решёткой|за\s+решеткой|за\s+кратамі|под\s+(?:домашним\s+)?арестом|пад\s+(?:хатнім\s+)?арыштам|под\s+стражей|пад\s+вартай|в\s+(?:СИЗО|ИВС|изоляторе|колонии|тюрьме)|у\s+(?:СІЗА|ІЧУ|ізалятары|калоніі|турме)`],
  ['detention', 'intr', 'pending-trial', String.raw`(?:detained|held|kept|remanded)\s+(?:in\s+custody\s+)?(?:before|pending|awaiting)\s+(?:the\s+|a\s+)?trial`],
  // "was taken to the detention centre": a move into custody, unless the arrest itself is being told ("detained and taken to …").
  ['transfer', 'intr', 'taken-to', String.raw`(?:was|were|been|being)\s+(?:later\s+|then\s+|subsequently\s+)?taken\s+(?:back\s+)?to`],
  ['detention', 'intr', 'punishment-cell', String.raw`(?:(?:held|placed|put|kept|locked)\s+(?:up\s+)?in\s+(?:a\s+|the\s+)?(?:[\p{L}’'-]+\s+)?)(?:punishment\s+cell|cell-type\s+premises|solitary\s+confinement|isolation\s+cell)|(?:помещ\S*|водворил\S*|змясцілі|змешчан\S*)\s+(?:в|у)\s+(?:ШИЗО|ПКТ|ШІЗА|ПКТ|карцер)`],
  ['detention', 'intr', 'served-arrest', String.raw`serv(?:ed|ing)\s+(?:a\s+|an\s+|his\s+|her\s+|their\s+)?(?:\d+|one|two|three|five|seven|ten|fifteen|thirty)[- ]days?(?:\s+of\s+(?:administrative\s+)?(?:arrest|detention|jail))?`],
  ['detention', 'intr', 'served-arrest', String.raw`served\s+(?:a\s+|an\s+|his\s+|her\s+|their\s+)?\d+[- ]day|(?:remains?|remained|still)\s+(?:in|behind)|was\s+(?:held|kept)\s+in`],
  ['detention', 'verb', 'extended', String.raw`extended\s+(?:by\s+(?:\S+\s+){1,2})?(?:the\s+|his\s+|her\s+|their\s+)?(?:pre-?trial\s+)?(?:detention|arrest|custody)(?:\s+(?:by\s+(?:\S+\s+){1,2})?(?:of|for))?|продлил\S*\s+(?:срок\s+)?(?:содержани|арест)|падоўжы\S*\s+(?:тэрмін\s+)?(?:утрыманн|арышт)`],
  ['trial', 'intr', 'on-trial', String.raw`(?:went|goes|go|stood|stands|stand|put|placed|be)\s+on\s+trial|(?:stand|stands|stood|standing)\s+trial|предста\S*\s+перед\s+судом|паўста\S*\s+перад\s+судом|trial\s+(?:began|begins|started|starts|opened|opens|resumed|continued|ended)|court\s+(?:hearing|session)s?|судебн\S+\s+(?:заседани\S*|процесс\S*|слушани\S*)|заседани\S*\s+суда|судов\S+\s+(?:пасяджэнн\S*|працэс\S*)|пасяджэнн\S*\s+суда|(?:начался|начинается|пачаўся|пачынаецца|пачнецца|працягваецца|продолжается)\s+(?:судебный\s+)?(?:процесс|працэс)|(?:процесс|працэс)\s+(?:начался|начнется|пачаўся|пачнецца)`],
  // The prosecution's demand is said in the trial: the person is named after it.
  // "Дело рассматривала судья X", "справу разглядала суддзя": the trial, of the case's defendants.
  // "Процесс по делу X начнётся", "заседание по делу X назначено на": the hearing of the one whose case it is.
  ['trial', 'intr', 'hearing-in-case', String.raw`(?:процесс|заседание|слушани[ея]|працэс|пасяджэнне)\s+(?:\S+\s+)?(?:по\s+делу|па\s+справе)`, 'after'],
  ['trial', 'intr', 'case-heard', String.raw`дело\s+рассматрива\S*|рассматрива\S*\s+дело|справу\s+разгляда\S*|разгляда\S*\s+справу|the\s+case\s+(?:was\s+)?(?:heard|considered)\s+by`],
  ['trial', 'verb', 'prosecutor-demand', String.raw`prosecutors?\s+(?:\S+\s+){0,3}?(?:had\s+|have\s+|has\s+)?(?:asked|requested|demanded|sought|seeks|asks|called)|the\s+prosecution\s+(?:asked|requested|demanded|sought)|(?:прокурор|гособвинител|государственный\s+обвинитель)\S*\s+(?:\p{Lu}\S*\s+){0,3}(?:попросил\S*|запросил\S*|потребовал\S*|просил\S*)|(?:пракурор|дзяржабвінаваўц)\S*\s+(?:\p{Lu}\S*\s+){0,3}(?:папрасі\S*|запатрабава\S*|прасіў|прасіла|запрасі\S*)|суд\s+над|суд\s+у\s+справе|суд\s+по\s+делу|(?:начался|пачаўся|начинается|пачынаецца)\s+суд`, 'after'],
  // "просила для Гурьева восемь лет", "прасіў для яго": a demand for the one named after it.
  ['trial', 'verb', 'asked-for', String.raw`(?:попросил\S*|просил\S*|запросил\S*|папрасі\S*|прасіў|прасіла|прасілі|запрасі\S*)\s+(?:для|дла)`, 'after'],
  // "Остальные получили: A — четыре года, B — три", "The others received: A, four years; B, three": the terms listed after the colon.
  ['sentence', 'verb', 'received-list', String.raw`(?:получил\S*|атрымал\S*|атрымаў|received|got)\s*:`, 'after'],
  // An administrative charge: "на них составили протоколы по ст. 20.2", "a report for 'disobeying police' was drawn up", "released with a report".
  ['charge', 'intr', 'offence-report', String.raw`состав\S*\s+(?:(?!более|свыше|около|больше)[^\s\d]+\s+){0,3}?протокол\S*|протокол\S*\s+(?:\S+\s+){0,3}?(?:составил\S*|составлен\S*)|склал\S*\s+(?:\S+\s+){0,3}?пратакол\S*|пратакол\S*\s+(?:\S+\s+){0,3}?(?:склалі|складзены)|(?:an?\s+(?:new\s+|administrative\s+|offence\s+)?)(?:report|protocol)\s+(?:\S+\s+){0,8}?(?:was|were|had\s+been|has\s+been)\s+(?:drawn\s+up|filed|written)|(?:released|let\s+go)\s+with\s+(?:an?\s+)?(?:administrative\s+|offence\s+)?(?:report|protocol)`, 'clause'],
  // "Both are suspected of", "подозревают в", "падазраюць у": a suspicion stated is a charge.
  ['charge', 'intr', 'suspected-of', String.raw`(?:is|are|was|were|been|being)\s+(?:\S+ly\s+)?suspected\s+of|on\s+suspicion\s+of|подозрева\S*\s+в|подозреваем\S*\s+в|по\s+подозрению\s+в|падазраю\S*\s+ў|па\s+падазрэнні\s+ў`],
  // "the court gave him another ten days", "дали ему 10 суток", "назначил ему наказание в виде трёх лет": a term given to the one the phrase names.
  ['sentence', 'verb', 'gave-term', String.raw`gave\s+(?:him|her|them)\s+(?:another\s+|a\s+further\s+|an\s+additional\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)(?:\s+and\s+a\s+half)?\s+(?:more\s+)?(?:days|years|months)|(?<!\p{L})(?:дал|дали|даў|далі|назначил|назначила|назначили|прызначыў|прызначыла|прызначылі)\s+(?:\S+\s+){0,4}?(?:\d{1,2}(?:[.,]5)?|одн\S*|адз\S*|дв\S*|тр\S*|четыр\S*|чатыр\S*|пят\S*|пяц\S*|шест\S*|шэсц\S*|сем\S*|восем\S*|васьм\S*|дев\S*|дзев\S*|десят\S*|дзесяц\S*|полтор\S*|паўтар\S*)\s+(?:\S+\s+)?(?:лет|года?|год|суток|сутак|гады|гадоў|месяц\S*|месяцаў)(?!\p{L})(?!\s+(?:назад|тому|таму|спустя|пасля|после))`],
  // "The court orders two months of pre-trial detention": custody ordered for the one the report is about, or named after it.
  ['detention', 'intr', 'ordered-custody', String.raw`order(?:s|ed)\s+(?:\S+\s+){0,4}?(?:pre-?trial\s+detention|detention|custody|house\s+arrest)`, 'after'],
  // An appeal court upholding a detention or a verdict: the trial of those it concerns.
  ['trial', 'verb', 'upheld', String.raw`(?:upheld|upholds|confirmed|confirms|overturned|quashed)\s+(?:the\s+|both\s+|all\s+)?(?:\S+\s+)?(?:detention\s+orders?|verdicts?|sentences?|convictions?|arrests?)`, 'after'],
  // "found A guilty": the person stands between.
  ['sentence', 'verb', 'found-guilty', String.raw`found(?=\s+(?:[\p{L}.’'-]+\s+){1,4}guilty)|призна\S*(?=\s+(?:\S+\s+){0,3}виновн)|прызна\S*(?=\s+(?:\S+\s+){0,3}вінават)`],
  // "судья назначил A восемь лет", "прызначыў B 3 гады": a term given.
  ['sentence', 'verb', 'assigned-term', String.raw`назначил\S*(?=\s+(?:\S+\s+){0,8}?(?:\d+|од\S+|дв\S+|тр\S+|четыр\S+|пят\S+|шест\S+|сем\S+|восем\S+|девят\S+|десят\S+)\s+(?:лет|года|год|месяц\S*|суток))|прызначыў(?=\s+(?:\S+\s+){0,8}?(?:\d+|адз\S+|дв\S+|тр\S+|чатыр\S+|пяць|шэсць|сем|восем|дзевяць|дзесяць)\s+(?:гадоў|гады|год|месяц\S*|сутак))`, 'clause'],
  ['sentence', 'intr', 'received-term-cyrillic', String.raw`(?:\d+|од\S+|дв\S+|тр\S+|четыр\S+|пят\S+|шест\S+|сем\S+|восем\S+|девят\S+|десят\S+|пятнадцат\S+|адз\S+|чатыр\S+|шэсць|дзевяць|дзесяць)\s+(?:лет|года|год|гадоў|гады|месяц\S*|суток|сутак)\s+(?:\S+\s+){0,6}?(?:получил\S*|атрыма\S*)|получил\S*\s+(?:\S+\s+){0,2}?(?:\d+|од\S+|дв\S+|тр\S+|четыр\S+|пят\S+|шест\S+|сем\S+|восем\S+|девят\S+|десят\S+|пятнадцат\S+)\s+(?:лет|года|год|месяц\S*|суток)|атрыма\S*\s+(?:\S+\s+){0,2}?(?:\d+|адз\S+|дв\S+|тр\S+|чатыр\S+|пяць|шэсць|сем|восем|дзевяць|дзесяць|пятнаццаць)\s+(?:гадоў|гады|год|месяц\S*|сутак)`],
  // A table of defendants: "| A | 10 years |".
  ['sentence', 'intr', 'table-term', String.raw`\|\s*(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:years?|months?|лет|года|год|гадоў|гады|месяц\S*)(?:\s+and\s+\d+\s+months?|\s+и\s+\d+\s+месяц\S*)?\s*\|`, 'clause'],
  ['sentence', 'intr', 'received-sentence', String.raw`(?:received|got|given|handed|was\s+given|were\s+given)\s+(?:a\s+|an\s+|the\s+)?(?:[\p{L}-]+\s+){0,3}(?:term|sentence|prison\s+term|jail\s+term)`],
  ['sentence', 'intr', 'received-term', String.raw`(?:received|got|given|handed(?:\s+down)?)\s+(?:a\s+|an\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)[\s-]+(?:and\s+a\s+half\s+)?(?:years?|months?|days?)|found\s+guilty|pleaded\s+guilty|admitted\s+guilt|признан\S*\s+виновн|прызнан\S*\s+вінават`],
  // An administrative arrest served is a detention: "адбыў 15 сутак арышту", "отбыл 10 суток".
  ['detention', 'intr', 'served-days', String.raw`(?:адбыў|адбыла|адбылі|адбывае|адбыўшы|адседзеў|адседзела|отбыл\S*|отбыв|отбывает|отбывал\S*|отсидел\S*)\s+(?:\S+\s+){0,2}?(?:\d+|\S+)\s+(?:сутак|суток|дзён|дней)(?:\s+(?:административного\s+|адміністрацыйнага\s+)?(?:ареста|арышту))?`],
  // An administrative arrest is a sentence of days: "арестовали на 15 суток", "10 сутак арышту".
  ['sentence', 'verb', 'admin-arrest', String.raw`арестова\S*[\s,]+(?:снова[\s,]+|повторно[\s,]+|уже[\s,]+)*(?:[^\s\d]+\s+){0,3}?на\s+(?:(?:\d+|\S+)\s+)?(?:суток|сутки|дней|дня|месяц\S*)|арыштава\S*[\s,]+(?:зноў[\s,]+|паўторна[\s,]+|ужо[\s,]+)*(?:[^\s\d]+\s+){0,3}?на\s+(?:(?:\d+|\S+)\s+)?(?:сутак|дзён|дні|месяц\S*)|(?:\d+|\S+)\s+(?:суток|сутак)\s+(?:административного\s+|адміністрацыйнага\s+)?(?:ареста|арышту)`],
  ['release', 'intr', 'walked-free', String.raw`walked\s+free|set\s+free|let\s+(?:out|go)|let\s+(?:him|her|them)\s+go|вышл?\S*\s+на\s+свободу|на\s+свободу\s+вы(?:шел|шла|шли)|выйшл?\S*\s+на\s+(?:свабоду|волю)|на\s+(?:свабоду|волю)\s+выйш\S*|на\s+свабодзе|на\s+свободе|отпущен\S*\s+под\s+подписку`],
  // "забрали на Окрестина", "на Акрэсціна забралі": taken away to a police station or a jail.
  ['arrest', 'verb', 'taken-away', String.raw`забрал\S*(?=\s+(?:\S+\s+){0,8}?(?:на|у|в|во)\s+(?:\S+\s+){0,2}?(?:РУУС|РУВД|РОВД|ІЧУ|ИВС|ЦІП|ЦИП|аддзел|отдел|міліцы|милици|полици|паліцы|пастарунак|ізалятар|изолятор|Акрэсціна|Окрестина|СИЗО|СІЗА|автозак|аўтазак))|(?:на|у|в|во)\s+(?:\S+\s+){0,2}?(?:РУУС|РУВД|РОВД|ІЧУ|ИВС|аддзел|отдел|міліцыю|милицию|полицию|пастарунак|ізалятар|изолятор|Акрэсціна|Окрестина|автозак|аўтазак)\S*\s+(?:\S+\s+){0,3}?забрал\S*`],
  ['arrest', 'verb', 'brought-to-police', String.raw`доставил\S*(?=\s+(?:\S+\s+){0,8}?в\s+(?:отдел|ОВД|РУВД|ОМВД|отделение|участок|изолятор|спецприемник))|доставлен\S*\s+в\s+(?:отдел|ОВД|РУВД|ОМВД|отделение|участок)|(?:в|во)\s+(?:отдел|ОВД|РУВД|ОМВД|отделение)\S*\s+(?:\S+\s+){0,6}?доставил\S*|даставіл\S*(?=\s+(?:\S+\s+){0,8}?у\s+(?:аддзел|РУУС|РАУС|пастарунак|ізалятар))|taken\s+to\s+(?:a\s+|the\s+)?police\s+station`],
  ['travel_ban', 'intr', 'travel-ban', String.raw`(?:is|was|were|are)\s+under\s+(?:a\s+|an\s+)?(?:[\p{L}-]+\s+)?(?:travel|exit)\s+ban|(?:banned|barred|prohibited|forbidden|not\s+allowed|prevented|stopped)\s+(?:temporarily\s+)?(?:from\s+|to\s+)(?:leav\w*|travel\w*|cross\w*\s+the\s+(?:\w+\s+)?border|go(?:ing)?\s+abroad|exit\w*|board\w*)|(?:did\s+not|didn[’']t|would\s+not|refused\s+to)\s+let\s+(?:him|her|them)\s+(?:cross|leave|go|travel|board|out)|passports?\s+(?:had\s+been\s+|has\s+been\s+|was\s+|were\s+)?(?:declared\s+invalid|confiscated|seized|annulled|cancell?ed|taken\s+away)|stopped\s+at\s+(?:the\s+)?(?:\p{L}+\s+)?(?:border|airport)|(?:travel|exit)\s+ban|ban\s+on\s+(?:foreign\s+)?travel|blacklist\w*|запрет\S*\s+на\s+выезд|(?:запрети|запреща|забаран)\S*\s+(?:\S+\s+){0,2}?выезд\S*|не\s+выпуст\S*\s+(?:из|за)|забарон\S*\s+на\s+выезд|не\s+выпусці\S*`],
  ['flight_abroad', 'intr', 'left-for', String.raw`(?:left|moved|went|relocated|fled|escaped|emigrated)\s+(?:for|to)(?=\s+(?:the\s+)?[A-ZА-ЯЁІЎ])|crossed\s+(?:the\s+border\s+)?into(?=\s+[A-ZА-ЯЁІЎ])`],
  ['flight_abroad', 'intr', 'left-country', String.raw`left\s+(?:the\s+country|belarus|russia|(?:his|her|their)\s+(?:home\s+)?country)|leave\s+the\s+country|in\s+exile|moved\s+abroad|forced\s+(?:into\s+exile|to\s+(?:leave|flee|emigrate))|went\s+abroad|уехал\S*\s+(?:из|за)|выехал\S*\s+(?:из|за)|покинул\S*\s+(?:страну|Беларусь|Россию)|в\s+эмиграции|у\s+эміграцыі|(?<!выезд\S*\s+)за\s+мяжу|за\s+мяжой|(?<!выезд\S*\s+)за\s+границ`],
  ['denial_of_access', 'intr', 'no-one-allowed', String.raw`(?:no-?one|nobody|no\s+one|none\s+of\s+(?:us|them|the\s+\w+))\s+(?:has\s+|have\s+|had\s+|was\s+|were\s+|is\s+)?(?:yet\s+)?(?:been\s+)?(?:allowed|permitted|able|managed)\s+to\s+(?:see|visit|meet|get\s+a\s+(?:meeting|visit)|talk\s+to|speak\s+(?:to|with)|contact|reach)|(?:never|not)\s+(?:been\s+)?(?:allowed|permitted)\s+to\s+(?:see|visit|meet|call|rec(?:ei|ie)ve|send|write|correspond|hand|pass|give|bring|deliver|buy|use|have|get)|refus\w*\s+to\s+(?:let\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:lawyers?|attorneys?|relatives|family|mother|father|wife|husband)\s+(?:in|see|visit)|pass\s+on|hand\s+over|give)`, 'clause'],
  // Information kept from the family: "was not told where he had been taken", "learned of the transfer only a week later",
  // "whereabouts remain unknown", "не знают, где он", "узнала об этапе только через неделю".
  ['denial_of_access', 'intr', 'no-information', String.raw`(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+)?(?:not|never)\s+(?:been\s+)?(?:told|informed|notified)\s+(?:of\s+|about\s+)?(?:where|whether|his\s+whereabouts|her\s+whereabouts|their\s+whereabouts|of\s+the\s+transfer)|(?:was|were|been)\s+(?:only\s+)?(?:informed|told|notified)\s+(?:of\s+\S+\s+)?only\s+(?:\S+\s+){0,4}?(?:later|after)|(?:learned|learnt|found\s+out|discovered|heard)\s+(?:\S+\s+){0,6}?only\s+(?:\S+\s+){0,4}?(?:later|after|from|when)|whereabouts\s+(?:\S+\s+){0,2}?(?:remain\w*|are|is|were|was)\s+(?:still\s+)?unknown|(?:не\s+знают|не\s+знает|не\s+ведаюць|не\s+ведае|неизвестно|невядома)\s*,?\s+(?:где|дзе|куда|куды)|не\s+(?:сообщ\S*|сказал\S*|говорят|информир\S*|паведамі\S*|паведамля\S*|казалі|кажуць)\s+(?:\S+\s+){0,3}?(?:где|куда|дзе|куды)|(?:узнал\S*|даведал\S*|даведаўся|сообщил\S*|паведамілі)\s+(?:\S+\s+){0,6}?(?:только|толькі)\s+(?:через|праз|спустя|\d+|после|пасля|из|з)`, 'clause'],
  // Care, letters and visits refused: "refused to accept the insulin she brought", "withholds his letters", "refused her a visit",
  // "не давали увидеться", "медчасть отказывалась".
  ['denial_of_access', 'intr', 'care-refused', String.raw`refus\w*\s+to\s+(?:accept|pass\s+on|hand\s+over|give|forward|deliver|treat|examine|hospitali[sz]e)\s+(?:\S+\s+){0,3}?(?:insulin|medic\w*|drugs|pills|parcels?|letters?|packages?|him|her|them)|withh[eo]ld\w*\s+(?:\S+\s+)?(?:letters|mail|correspondence|medic\w*|insulin|parcels?)|refus\w*\s+(?:him|her|them)\s+(?:a\s+|any\s+)?(?:\S+\s+)?(?:visits?|meetings?|treatment|medical|examination|hospital\w*)|не\s+(?:давали|давал|дали|дают|давалі|далі|даюць)\s+(?:\S+\s+)?(?:увидеться|встретиться|пабачыцца|сустрэцца|свидани\S*|спатканн\S*)|(?:отказыва|отказа|адмаўля|адмовіл)\S*\s+(?:\S+\s+){0,2}?(?:принять|передать|передавать|лечить|направить|госпитализ\S*|прыняць|перадаць|перадаваць|лячыць|накіраваць)`, 'clause'],
  ['denial_of_access', 'intr', 'no-access', String.raw`(?:denied|refused|deprived\s+of|no|without|not\s+(?:been\s+)?(?:allowed|permitted|given|granted))\s+(?:any\s+)?(?:(?:to\s+)?(?:see|meet|visit|access|contact|call|receive|send)\s+)?(?:(?:\w+\s+){0,2})(?:access|lawyer|attorney|counsel|visits?|meetings?|parcels?|letters|correspondence|medical\s+(?:care|help|treatment|assistance)|treatment|insulin|medications?|medicines?|drugs|food|water|information|means\s+of\s+communication|phone\s+calls?)|incommunicado|held\s+in\s+isolation|без\s+права\s+переписки|отказ\S*\s+в\s+(?:свидани|встреч|адвокат|медицин|передач)|не\s+(?:пуска|допуска|пусціл|дапуска)\S*\s+(?:к\s+ней\s+|к\s+нему\s+|да\s+яе\s+|да\s+яго\s+)?адвока|без\s+(?:каких-либо\s+|якіх-небудзь\s+)?(?:средств|сродкаў)\s+(?:связи|сувязі)|не\s+(?:даю|даюць|давалі|давали)\S*\s+(?:свидани|спатканн)|адмаўля\S*\s+ў\s+(?:спатканн|медыцын|перадач)|не\s+(?:пустили|пусцілі|допустили|дапусцілі|пускают|пускаюць)(?!\p{L})|не\s+(?:передают|передали|перадаюць|перадалі|отдают|аддаюць|аддавалі|отдавали)(?!\p{L})`, 'clause'],
  ['death_in_custody', 'intr', 'died-in-custody', String.raw`passed\s+away|found\s+dead`],
  ['death_in_custody', 'noun', 'death-in-custody', String.raw`death\s+in\s+(?:custody|prison|detention)`],
  // An appeal heard: "upheld the verdict", "rejected his appeal", "overturned the sentence".
  ['trial', 'noun', 'appeal-ruled', String.raw`(?:upheld|confirmed|overturned|quashed|reduced|rejected|dismissed|considered)\s+(?:the|this|that|his|her|their)\s+(?:verdict|sentence|conviction|appeal|ruling)`],
  // What the body shows: bruises, a broken finger, "следы побоев".
  ['torture_allegation', 'intr', 'injuries', String.raw`bruises|bruising|broken\s+(?:ribs?|fingers?|nose|arms?|legs?|jaw)|marks\s+of\s+(?:beating|torture)|bag\s+over\s+(?:his|her|their)\s+head|следы\s+побоев|синяки|гематом\S*|сінякі|сляды\s+збіцця`, 'clause'],
  ['torture_allegation', 'intr', 'conditions', String.raw`inhuman\w*\s+(?:and\s+degrading\s+)?(?:conditions|treatment)|stress\s+positions?|electric\s+shocks?|sleep\s+deprivation|нечалавечых\s+умовах|нечеловеческих\s+условиях|бесчеловечн\S+`, 'clause'],
  // Methods of ill-treatment as accounts give them.
  ['torture_allegation', 'intr', 'methods', String.raw`stripped(?:\s+naked)?|naked\s+in\s+the\s+cold|(?:out\s+)?into\s+the\s+cold|hung\s+(?:up\s+)?by\s+(?:his|her|their)\s+(?:hands|arms|wrists|legs)|(?:put|placed)\s+on\s+a\s+stretch|forced\s+to\s+(?:stand|kneel|squat|sleep\s+on\s+the\s+floor)|beaten\s+up|beat\s+(?:him|her|them)(?:\s+up)?|suffocat\w+|waterboard\w*|sexual(?:ly)?\s+(?:abuse|violence|assault)\w*|(?:made|forced)\s+(?:him|her|them)\s+(?:stand|kneel|squat)|пытал\S*|пыткам\S*|избил\S*|избит\S*|збілі|збіты|збітая|катавал\S*`, 'clause'],
  ['search', 'verb', 'searched-homes', String.raw`(?:searches|raids)\s+(?:at|of|in)|провел\S*\s+обыск|правял\S*\s+ператрус|прыйшлі\s+з\s+ператрус\S*|пришли\s+с\s+обыск\S*`],
  ['charge', 'verb', 'named-suspect', String.raw`(?:named|declared|listed)\s+(?:a\s+|an\s+|as\s+a\s+)?(?:\w+\s+)?suspect`],
  ['charge', 'intr', 'an-accused', String.raw`(?:is|was|are|were|became|becomes)\s+(?:an?\s+)?(?:accused|defendant|suspect|defendants|suspects)\s+(?:in|under)`],
  ['flight_abroad', 'intr', 'abroad', String.raw`(?:(?:is|was|are|were|now)\s+)?in\s+a\s+safe\s+(?:location|place|country)(?:\s+abroad)?|safe\s+(?:location|place|country)\s+abroad|(?:now\s+)?(?:lives|living|based|staying|stays|resides|residing|is|was|are|were)\s+(?:now\s+|currently\s+)?abroad`],
  ['search', 'intr', 'warrants', String.raw`(?:showed|presented|produced|brandished|had)\s+(?:me\s+|us\s+|him\s+|her\s+|them\s+)?(?:a\s+|the\s+)?(?:\w+\s+)?(?:search\s+)?warrants?`, 'clause'],
  ['charge', 'noun', 'criminal-case', String.raw`(?:criminal\s+)?(?:case|proceedings|charges?)\s+(?:was|were|has\s+been|had\s+been)\s+(?:opened|initiated|instituted|brought|filed|launched)|(?:opened|initiated|instituted|brought|filed|launched)\s+(?:a\s+)?(?:criminal\s+)?(?:case|proceedings|charges?)\s+against|уголовн\S+\s+дел\S*|крымінальн\S+\s+справ\S*|адміністрацыйн\S+\s+справ\S*|административн\S+\s+дел\S*`],
];

/** Forms of an English word that head a trigger → what they state. */
export const ENGLISH_TRIGGERS = new Map<string, TriggerWord[]>();
/** The bare base of each English verb ("detain", "search"), read only in the historical present after its agent ("Police detain A"). */
export const ENGLISH_BASES = new Map<string, TriggerWord[]>();
/** Russian lemmas → what they state. */
export const RUSSIAN_TRIGGERS = new Map<string, TriggerWord[]>();
/** Belarusian stems (matched at the start of a word), longest first. */
export const BELARUSIAN_TRIGGERS: [string, TriggerWord][] = [];
/** Set phrases with the scripts they are written in, so that a sentence is tried only against its own. */
export const PHRASE_TRIGGERS: { pattern: RegExp; word: TriggerWord; latin: boolean; cyrillic: boolean; needs: string[] | null }[] = [];

function put(map: Map<string, TriggerWord[]>, key: string, w: TriggerWord): void {
  const list = map.get(key) ?? [];
  if (!list.some((x) => x.type === w.type && x.kind === w.kind && x.past === w.past)) list.push(w);
  map.set(key, list);
}

const plural = (n: string) => (/(?:s|x|ch|sh)$/.test(n) ? `${n}es` : `${n}s`);

for (const e of ENTRIES) {
  const t = (kind: TriggerKind, rule: string, past?: boolean): TriggerWord => ({ type: e.type, kind, rule: `${e.type}.${rule}`, confidence: e.confidence, ...(past === undefined ? {} : { past }) });
  const nouns = new Set((e.nouns ?? []).flatMap((n) => [n, plural(n)]));
  for (const w of nouns) put(ENGLISH_TRIGGERS, w, t('noun', `noun-${w.replace(/s$/, '')}`));
  for (const [list, kind, passiveOnly] of [[e.verbs ?? [], 'verb', false], [e.intransitive ?? [], 'intr', false], [e.passiveOnly ?? [], 'verb', true]] as const) {
    for (const spec of list) {
      const f = verbForms(spec);
      const name = spec.split('/')[0]!;
      for (const w of f.past) put(ENGLISH_TRIGGERS, w, { ...t(kind, `${kind}-${name}`, true), ...(passiveOnly ? { passiveOnly } : {}) });
      // "charges", "arrests", "releases": where a noun is spelt the same, the noun reading wins.
      for (const w of f.base) if (!nouns.has(w) && !passiveOnly) put(ENGLISH_TRIGGERS, w, t(kind, `${kind}-${name}`, false));
      if (!passiveOnly && kind === 'verb') put(ENGLISH_BASES, name, t(kind, `${kind}-${name}`, false));
    }
  }
  for (const [kind, lemmas] of Object.entries(e.ru ?? {}) as [TriggerKind, string[]][]) for (const l of lemmas) put(RUSSIAN_TRIGGERS, l, t(kind, `ru-${l}`));
  for (const [kind, stems] of Object.entries(e.be ?? {}) as [TriggerKind, string[]][]) for (const s of stems) BELARUSIAN_TRIGGERS.push([s, t(kind, `be-${s}`)]);
}
BELARUSIAN_TRIGGERS.sort((a, b) => b[0].length - a[0].length);
for (const [type, kind, rule, source, where] of PHRASES) {
  PHRASE_TRIGGERS.push({
    // Literal letters in either case, classes and \\p{Lu} as written: "moved to (?=[A-Z])" wants a capital after it.
    pattern: caseless(`(?<![\\p{L}\\d])(?:${source})(?![\\p{L}])`, 'gu'),
    word: { type, kind, rule: `${type}.${rule}`, confidence: 0.8, ...(where ? { where } : {}) },
    latin: /[a-z]/i.test(source.replace(/\\[a-z]/gi, '')),
    cyrillic: /\p{Script=Cyrillic}/u.test(source),
    needs: requiredWords(source),
  });
}

/** A trigger preceded by these is not an event of its type. */
export const NEGATION = /(?:(?<!\p{L})(?:not|never|no\s+longer|neither|nor|не|ни|ня)|n[’']t)\s+(?:[\p{L}’'-]+\s+){0,2}$/iu;
/** A future or a mere possibility: "faces up to 15 years", "could be arrested", "может быть задержан". */
export const IRREALIS = /(?<!\p{L})(?:faces?|facing|could|might|would|will|shall|supposed\s+to|due\s+to|scheduled\s+to|set\s+to|slated\s+to|threaten(?:ed|s)?\s+(?:with|to)|risks?|expected\s+to|going\s+to|plans?\s+to|if|unless|whether|in\s+case|to\s+avoid|грозит|грозіць|пагражае|может|могут|можа|могуць|будет|будут|будзе|будуць|планиру\S*|плануе|намерен\S*|если|калі|чтобы|каб|угрожа\S*|пагража\S*)\s+(?:[\p{L}’'-]+\s+){0,3}["“”«»']?$/iu;
/** The modal "may", told from the month by its case. */
export const IRREALIS_MAY = /\bmay\s+(?:\w+\s+){0,3}$/u;
/** A denial by an authority: the claim is kept, but as a denial, not as the event. */
export const DENIAL = /\b(?:denied|deny|denies|rejected\s+(?:claims|allegations))\b/iu;

/**
 * What makes a torture allegation an account of its own rather than a passing mention ("his claim
 * of torture", "after his torture"): a method, an agent ("by masked men") or a date. Handcuffs
 * alone are restraint, not ill-treatment, so they are no trigger, but they count as a method.
 */
export const TORTURE_SPECIFIC = /\b(?:beaten|beat\s+(?:him|her|them)|stripped|naked|hung\s+by|stress\s+positions?|(?:in|into)\s+the\s+cold|on\s+a\s+stretch|handcuff\w*|electric\s+shocks?|suffocat\w*|kicked|punched|(?:tortured|beaten|abused)\s+by|pulled\s+\w+\s+arms|forced\s+to\s+(?:stand|sleep|kneel|squat)|sleep\s+deprivation|cold\s+cell|overcrowded|inhuman\w*)\b|пытал\S*\s+электро|избива\S*|нечалавечых|нечеловеческих/iu;
