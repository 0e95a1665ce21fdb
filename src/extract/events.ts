/**
 * Events as kinds of sentence. A trigger (a verb, a noun or a set phrase of the lexicon, in any of
 * its forms) states an event; the persons it happens to stand where the form says: the subject of a
 * passive or of an intransitive ("A, 45, was detained", "A and B fled"), the object of an active
 * verb ("police searched the homes of A, B and C", "the court sentenced A to six years and B to
 * five"), the owner of a noun ("the arrest of A", "A's detention", "his release"). A subject may be
 * a pronoun, a description ("the activist", "the 41-year-old") or a group ("they", "the journalists",
 * "all of them"), resolved by ./reference.ts. In Russian and Belarusian, whose word order is free,
 * the persons are those named in the trigger's clause. Negated, planned and possible events are
 * not events.
 */
import type { ContractEvent } from './contract.ts';
import { caseless } from './caseless.ts';
import { ENGLISH_TRIGGERS, ENGLISH_BASES, RUSSIAN_TRIGGERS, BELARUSIAN_TRIGGERS, PHRASE_TRIGGERS, NEGATION, IRREALIS, IRREALIS_MAY, DENIAL, type TriggerWord } from './lexicon/triggers.ts';
import type { Sentence } from './sentences.ts';
import type { ReportPerson } from './persons.ts';
import { tokenize, isCyrillic, type Token } from './tokens.ts';
import { ruLemmas, ruParses } from './language/russian.ts';
import { isBelarusianWord } from './language/belarusian.ts';
import { References, canBeVictim, pronounKind, LIST_GAP, type Placed } from './reference.ts';
import { englishRole, englishRolePlural, cyrillicRole } from './lexicon/roles.ts';
import { StoryClock } from './event-dates.ts';
import type { Reference } from './dates.ts';
import { findPlace } from './gazetteer/facilities.ts';
import { findArticles, TERM } from './gazetteer/articles.ts';
import { isPlace } from './lexicon/places.ts';

export interface Ctx {
  text: string;
  persons: ReportPerson[];
  ref: Reference | null;
  focus: ReportPerson | null;
  firstPerson: boolean;
  /** In a first-person testimony, who speaks when known ("Milana's husband … I"), else null: then "I" is the focus. */
  narrator?: ReportPerson | null;
  country: 'BY' | 'RU' | null;
  language: string | null;
}

interface Found extends TriggerWord {
  /** Absolute offsets of the trigger. */
  start: number;
  end: number;
  lang: 'en' | 'cyr';
  phrase: boolean;
}

type How = 'named' | 'list' | 'object' | 'owner' | 'pronoun' | 'group' | 'description' | 'relative' | 'including' | 'clause' | 'inherited' | 'focus' | 'testimony' | 'none';

const HOW_FACTOR: Record<How, number> = { named: 1, list: 0.95, object: 0.9, owner: 0.9, clause: 0.85, including: 0.9, pronoun: 0.85, group: 0.85, description: 0.85, relative: 0.85, inherited: 0.8, focus: 0.6, testimony: 0.6, none: 0 };

/** Events a relative can be the subject of; the rest are the detainee's. */
const RELATIVE_EVENTS = new Set(['arrest', 'search', 'travel_ban', 'flight_abroad', 'detention', 'release', 'charge', 'sentence', 'trial']);

/** Some words state their event only in a fitting sentence: a death must be in custody, a flight abroad. */
const CUSTODY_CONTEXT = /custod|prison|jail|colony|swap|captiv|hostage|detention|cell|sizo|behind\s+bars|penal|police\s+station|колони|сизо|тюрьм|изолятор|заключени|под\s+стражей|камер|автозак|спецприемник|ИВС|сіза|калоні|турм|ізалятар|зняволенн|сізо|пад\s+вартай|аўтазак|Акрэсцін|Окрестин|ІЧУ|ЦІП|отдел\S*\s+полиции|в\s+отделе|[РО]ОВД|РУВД|аддзел\S*\s+міліцыі|пастарунк|police\s+(?:station|department)/iu;
const ABROAD_CONTEXT = /abroad|the\s+country|exile|border|за\s+границ|за\s+рубеж|из\s+страны|из\s+Беларуси|из\s+России|в\s+эмиграц|за\s+мяжу|з\s+краіны|з\s+Беларусі|у\s+эміграц/iu;

/** Verbs of being somewhere hold a person only in a place of custody: "находится в СИЗО", not "находится в Вильнюсе". */
const NEEDS_CUSTODY = /^(?:detention\.(?:ru-(?:находиться|оставаться|сидеть|провести|поместить|помещать|удерживать)|be-(?:знаходз|застаецц|заставал|сядзі|сядзя|правё|правял|змясці|змяшча)|intr-(?:spend|remain|languish)|verb-(?:hold|keep))|transfer\.(?:taken-to|verb-(?:move|transport|relocate|convoy|escort|take|send)|ru-(?:перевести|переводить|перевезти|переведённый)|be-(?:перавез|перавял|перавед|перавесці))|release\.(?:verb-exchange|noun-exchange))$/u;

function contextFits(type: string, sentence: string, rule = ''): boolean {
  const custody = () => CUSTODY_CONTEXT.test(sentence) || findPlace(sentence, 0, false, false) !== null;
  if (NEEDS_CUSTODY.test(rule)) return custody();
  if (type === 'death_in_custody') return custody();
  if (type === 'flight_abroad') return ABROAD_CONTEXT.test(sentence) || [...sentence.matchAll(/\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+){0,2}/gu)].some((m) => isPlace(m[0]) || m[0].split(/\s+/u).some(isPlace));
  return true;
}

/** Nouns that a trigger noun may modify: "arrest warrant", "detention centre", "release date". */
const COMPOUND_HEAD = /^\s+(?:warrants?|orders?|dates?|centres?|centers?|facilit(?:y|ies)|camps?|chambers?|threats?|requests?|campaigns?|decrees?|procedures?|records?|period|rates?|statistics|figures|papers?|documents?|lists?|hearing\s+date|conditions|regime|chamber)(?!\p{L})/iu;

/** A demand or a plan for an event is not the event: "calls for the release of", "secure his release", "asked the court to convict". */
const DEMAND = /(?<!\p{L})(?:calls?\s+for|called\s+for|calling\s+for|demand(?:s|ed|ing)?|seek(?:s|ing)?|sought|to\s+secure|push(?:es|ed|ing)?\s+for|fight(?:s|ing)?\s+for|campaign(?:s|ed|ing)?\s+for|urg(?:e|es|ed|ing)|appeal(?:s|ed|ing)?\s+for|press(?:es|ed|ing)?\s+for|negotiat(?:e|es|ed|ing)|ask(?:s|ed|ing)?(?:\s+for)?|request(?:s|ed|ing)?|want(?:s|ed)?|tried\s+to|try\s+to|attempt(?:s|ed)?\s+to|plan(?:s|ned)?\s+to|intend(?:s|ed)?\s+to|требу\S*|потребова\S*|призыва\S*|призвал\S*|добива\S*|патрабу\S*|заклікал\S*|заклікаю\S*)\s+(?:[\p{L}’'-]+\s+){0,6}?(?:to\s+(?:[\p{L}-]+\s+){0,3})?$/iu;

/** A verb followed by an object of its own ("seized an old laptop", "transferred 2,000 rubles") is about that object. */
const OWN_OBJECT = /^\s+(?:a|an|the|his|her|their|its|some|several|\d[\d,.]*|two|three|four|five)\s/iu;

/** Words that make a sentence a habit, not a happening. */
const HABITUAL = /(?<!\p{L})(?:usually|typically|normally|generally|as\s+a\s+rule|обычно|как\s+правило|звычайна|як\s+правіла)(?!\p{L})/iu;

/** A verb of wanting, planning or refusing before an infinitive. */
const WILL_TO = /(?<!\p{L})(?:want(?:s|ed)?|supposed|due|scheduled|set|slated|expected|prepared|plan(?:s|ned)?|intend(?:s|ed)?|tr(?:y|ies|ied)|hop(?:e|es|ed|ing)|going|(?:un)?able|decid(?:e|es|ed)|agree(?:s|d)?|refus(?:e|es|ed)|ask(?:s|ed)?|urg(?:e|es|ed)|call(?:s|ed)?\s+on|right|chance|threaten(?:s|ed)?|about|ready|willing|allowed|permitted)\s+to\s+$/iu;

/** First three letters of every Russian trigger lemma and Belarusian stem: most words are no trigger, and need no dictionary. */
const CYRILLIC_PREFIXES = new Set([...RUSSIAN_TRIGGERS.keys(), ...BELARUSIAN_TRIGGERS.map(([s]) => s)].map((w) => w.slice(0, 3)));

function triggersIn(ctx: Ctx, s: Sentence, tokens: Token[]): Found[] {
  const out: Found[] = [];
  const covered: [number, number][] = [];
  const latin = /[A-Za-z]/.test(s.text);
  const cyrillic = /\p{Script=Cyrillic}/u.test(s.text);
  const lower = s.text.toLowerCase();
  for (const { pattern, word, latin: forLatin, cyrillic: forCyrillic, needs } of PHRASE_TRIGGERS) {
    if (!((latin && forLatin) || (cyrillic && forCyrillic))) continue;
    if (needs && !needs.some((w) => lower.includes(w))) continue;
    pattern.lastIndex = 0;
    for (const m of s.text.matchAll(pattern)) {
      // "was not prepared to leave the country", "decided to leave": a plan, not the event.
      if (WILL_TO.test(s.text.slice(Math.max(0, m.index! - 40), m.index!))) continue;
      const start = s.start + m.index!;
      const end = start + m[0].length;
      out.push({ ...word, start, end, lang: isCyrillic(m[0]) ? 'cyr' : 'en', phrase: true });
      covered.push([start, end]);
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word' || covered.some(([a, b]) => t.start >= a && t.start < b)) continue;
    if (isCyrillic(t.text)) {
      const lower = t.text.toLowerCase();
      if (!CYRILLIC_PREFIXES.has(lower.slice(0, 3))) continue;
      const words: TriggerWord[] = [];
      if (isBelarusianWord(t.text) || ctx.language === 'be') {
        const hit = BELARUSIAN_TRIGGERS.find(([stem]) => lower.startsWith(stem) && lower.length - stem.length <= 6);
        if (hit) words.push(hit[1]);
      }
      if (!words.length) for (const l of ruLemmas(t.text)) for (const w of RUSSIAN_TRIGGERS.get(l) ?? []) if (!words.some((x) => x.type === w.type)) words.push(w);
      // "суд арестовал A", "суд арыштаваў A": a court's arrest is a remand in custody, a detention.
      const byCourt = /(?<!\p{L})(?:суд|суддзя|судья)\S*\s+(?:\S+\s+){0,4}$/iu.test(s.text.slice(Math.max(0, t.start - s.start - 60), t.start - s.start));
      if (byCourt) for (let k = 0; k < words.length; k++) if (words[k]!.type === 'arrest' && words[k]!.kind !== 'noun') words[k] = { ...words[k]!, type: 'detention', rule: `detention.remand-${words[k]!.rule}` };
      // "до освобождения", "перад судом", "праз восем сутак утрымлівання": a time, not an event.
      const beforeWord = s.text.slice(Math.max(0, t.start - s.start - 40), t.start - s.start);
      const timeOf = /(?<!\p{L})(?:до|перед|да|перад|в\s+ожидании|у\s+чаканні|после|пасля|при|падчас|во\s+время|в\s+момент|у\s+момант|с\s+момента|з\s+моманту)\s+$/iu.test(beforeWord) || /(?<!\p{L})(?:праз|через|после|пасля|за)\s+\S+\s+(?:сутак|суток|дзён|дней|тыдняў|недель|месяцаў|месяцев|гадоў|лет)\s+$/iu.test(beforeWord);
      // "отбывает арест", "адбывае тэрмін": a term being served, said by the verb before it.
      const servedTerm = /(?<!\p{L})(?:отбыва\S*|отбыл\S*|адбыва\S*|адбыў\S*|адбыл\S*)\s+$/iu.test(beforeWord);
      for (const w of words) if (!((timeOf || servedTerm) && (w.kind === 'noun' || /(?:ння|нне|нні|ния|ние)$/u.test(lower)))) out.push({ ...w, start: t.start, end: t.end, lang: 'cyr', phrase: false });
      continue;
    }
    // "Police detain A at his flat; officers search the flat": a timeline's present, after the ones who act.
    const agentBefore = i > 0 && /^(?:police|officers|agents|authorities|investigators|guards|troops|forces|militia|officials|they)$/u.test(tokens[i - 1]!.lower);
    const words = agentBefore && ENGLISH_BASES.has(t.lower) ? ENGLISH_BASES.get(t.lower) : ENGLISH_TRIGGERS.get(t.lower);
    if (!words) continue;
    // A trigger word inside a name is no event: "the Committee Against Torture", "Radio Liberty".
    if (i > 0 && /^\p{Lu}/u.test(t.text) && tokens[i - 1]!.kind === 'word' && /^\p{Lu}/u.test(tokens[i - 1]!.text)) continue;
    // An infinitive is a plan or a demand ("called to release", "tried to arrest"), not an event.
    if (tokens[i - 1]?.lower === 'to' && !words.some((w) => w.kind === 'noun')) continue;
    const before = s.text.slice(Math.max(0, t.start - s.start - 24), t.start - s.start);
    const after = s.text.slice(t.end - s.start, t.end - s.start + 16);
    // "before trial", "pending appeal": a time, not an event.
    const timeOf = /(?<!\p{L})(?:before|pending|awaiting|ahead\s+of|prior\s+to|until|without)\s+(?:the\s+|a\s+|his\s+|her\s+|their\s+)?$/iu.test(before);
    // "arrest warrant", "detention centre", "trial date": a noun that names something else.
    const modifier = COMPOUND_HEAD.test(after);
    // "during sentencing", "after questioning": a gerund after a preposition is a noun.
    const gerund = /ing$/u.test(t.lower) && /(?<!\p{L})(?:during|after|before|at|for|of|upon|on|since|without)\s+$/iu.test(before);
    // "jailed opposition politician A", "the imprisoned journalist A": the state of being held.
    const attributive = /^(?:jailed|imprisoned|incarcerated)$/u.test(t.lower) && /(?:^|(?<!\p{L})(?:the|a|an|his|her|their|of|currently|now|still|already|long|recently|and|by|with|for)\s+|,\s*)$/iu.test(before);
    // "those detained", "the arrested": a group named by what happened to it; the clause's own verb says the event.
    // "Among those pardoned are A and B" names them, though.
    const substantive = /(?<!\p{L})(?:those|the)\s+$/iu.test(before) && !/(?<!\p{L})among\s+(?:those|the)\s+$/iu.test(before) && !/^\s+(?:of|in|at|on|by)\s/iu.test(after) && words.some((w) => w.past);
    // "the right to appeal", "a chance to appeal": a verb, and a possibility at that.
    const infinitive = /(?<!\p{L})to\s+$/iu.test(before);
    // "served their sentences": the sentence is being served, a detention said by "served".
    const served = /(?<!\p{L})(?:serv(?:e|es|ed|ing)|complet(?:e|ed|ing))\s+(?:(?:his|her|their|the|a|an|out)\s+)?(?:[\p{L}\d-]+\s+){0,2}$/iu.test(before) && /^(?:sentence|arrest|term|detention)/u.test(t.lower);
    // "accused by colleagues of selling out": a reproach, not a charge; "by investigators" is one.
    const reproach = /^\s+by\s+(?!(?:the\s+)?(?:police|prosecutor|investigator|authorit|court|state|kgb|fsb|sk\b|investigative|interior|security))/iu.test(after);
    // "in charge of", "press release", "appeal to the world": the everyday sense.
    const everyday = (/(?<!\p{L})in\s+$/iu.test(before) && /^charge/u.test(t.lower)) || (/(?<!\p{L})press\s+$/iu.test(before) && /^release/u.test(t.lower)) || (/^(?:appeal|session)/u.test(t.lower) && !/court|judge|verdict|sentence|ruling|upheld|rejected|dismissed|overturned|trial|суд/iu.test(s.text));
    // "denied bail", "refused his release": the release did not happen.
    const refused = /(?<!\p{L})(?:denied|refused|rejected|without)\s+(?:(?:the|his|her|their|a)\s+)?$/iu.test(before);
    if (everyday) continue;
    // "the suspects", "its released figures": a verb form after a determiner is a noun or an adjective.
    const determined = /(?<!\p{L})(?:the|a|an|these|those|his|her|their|its|our|my|some|other|all|of)\s+$/iu.test(before) && !attributive && !substantive;
    for (const w0 of words) {
      if (determined && w0.kind !== 'noun' && !/^among\s/iu.test(before.slice(-12).trimStart())) continue;
      let w = attributive ? { ...w0, type: 'detention' as const, rule: `detention.attributive-${t.lower}` } : w0;
      // "a court sent her to the SIZO": custody ordered, not a move between places.
      if (w.type === 'transfer' && /^sen[dt]/u.test(t.lower) && /(?<!\p{L})(?:court|judge)(?!\p{L})/iu.test(s.text.slice(0, t.start - s.start))) w = { ...w, type: 'detention', rule: `detention.court-${t.lower}` };
      // "Her release is due in 2029": what is to come.
      if (w.kind === 'noun' && /^\s+(?:is|was|are|were)\s+(?:due|expected|scheduled|set|planned)(?!\p{L})/iu.test(after)) continue;
      if (refused && w.type === 'release') continue;
      if (w.kind === 'noun' && (timeOf || modifier || infinitive || served)) continue;
      if (substantive && w.kind !== 'noun') continue;
      if (reproach && w.type === 'charge') continue;
      out.push({ ...w, ...(gerund && w.kind !== 'noun' ? { kind: 'noun' as const } : {}), start: t.start, end: t.end, lang: 'en', phrase: false });
    }
  }
  // "Отбыв 15 суток ареста": days served are a detention, not a new sentence.
  const served = out.filter((f) => f.rule === 'detention.served-days');
  const kept = out.filter((f) => !(f.rule === 'sentence.admin-arrest' && served.some((d) => d.start < f.end && f.start < d.end)));
  return kept.filter((f) => contextFits(f.type, s.text, f.rule) && !partOfTerm(ctx.text, f)).sort((a, b) => a.start - b.start);
}

/**
 * "received 16 years in prison" is a sentence, not a stay in prison; "serving as a witness" is no
 * detention: "serve" holds someone only with a term, a sentence or a place.
 */
function partOfTerm(text: string, f: Found): boolean {
  if (f.type !== 'detention') return false;
  if (f.phrase && /(?:years?|months?|days?|term|sentence|sentenced|лет|года|месяц\S*|суток|гадоў|сутак)\s+(?:[\p{L}-]+\s+){0,2}$/iu.test(text.slice(Math.max(0, f.start - 40), f.start))) return true;
  if (f.rule === 'detention.intr-serve') return !/^\s+(?:(?:his|her|their|a|an|the|out)\s+)?(?:[\p{L}\d-]+\s+){0,3}(?:sentences?|terms?|time|years?|months?|days?|arrest|in\s)/iu.test(text.slice(f.end, f.end + 60));
  return false;
}

/** Where clauses of a sentence begin: after a semicolon, a dash, or before a conjunction that opens a new clause. */
const CLAUSE_BREAK = /;|:\s|,\s+(?=(?:but|while|whereas|although|though|when|where|after|before|because|since|until|as|who|whom|whose|which|and\s+(?:then\s+)?(?:he|she|they|police|the\s+court|officers|authorities))\b)|\s(?=(?:but|while|whereas|although|because)\s)|,\s*(?=(?:но|а|когда|где|после|пока|хотя|потому|который|которая|которое|которые|которого|которой|которых|кому|але|калі|дзе|пасля|пакуль|хаця|таму|які|якая|якое|якія|якога|якой|якіх|чтобы|каб)(?!\p{L}))/giu;

function clauses(s: Sentence): [number, number][] {
  const cuts = [0];
  for (const m of s.text.matchAll(CLAUSE_BREAK)) cuts.push(m.index! + m[0].length);
  cuts.push(s.text.length);
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < cuts.length; i++) out.push([s.start + cuts[i]!, s.start + cuts[i + 1]!]);
  return out;
}

function clauseAt(cls: [number, number][], pos: number): [number, number] {
  return cls.find(([a, b]) => pos >= a && pos < b) ?? cls[cls.length - 1]!;
}

const AUX_TAIL = /(?:(?<=^|\s)["“”«»']?(?:\p{L}+ly|hereby|even|just|already|thus|therefore|managed\s+to|forced\s+to|made\s+to|compelled\s+to|obliged\s+to|able\s+to|had\s+to|was|were|is|are|be|been|being|has|have|had|got|get|gets|getting|also|later|then|reportedly|allegedly|subsequently|eventually|finally|again|already|soon|recently|previously|initially|first|briefly|once|still|all|both|each|only|just|even|ultimately|repeatedly|illegally|arbitrarily|forcibly|violently|brutally|temporarily|immediately|officially|formally|subsequently|not|never|who|to|and|but|then|will|shall|ordered|forced|made|said|reported|known|believed|thought|expected)\s+)+$/iu;
const BE_BEFORE = caseless(String.raw`(?<![\p{L}])(?:was|were|is|are|be|been|being|get|got|gets|getting|remain|remains|remained)\s+["“”«»']?(?:[\p{Ll}]+ly\s+|not\s+|never\s+|also\s+|later\s+|then\s+|again\s+|already\s+|still\s+|all\s+|both\s+|each\s+|reportedly\s+|allegedly\s+)*$`);

/** "A, 45,", "A (45)", "A, an activist from B,", "A -- the only woman --": what may stand between a subject and its verb. */
const APPOSITION = /^(?:[’']s)?(?:\s*,(?=\s*$)|\s*(?:[—–]|--)(?=\s*$)|\s*,\s*\d{1,3}\s*,|\s*\(\s*[^()]{0,80}\)|\s*,\s*[^;,]{1,120}?,|\s*,\s*(?:a|an|the|who|whose)\s[^;]{0,120}?,|\s*--\s*[^-]{0,120}--|\s*[—–]\s*[^—–]{0,120}[—–])*\s*$/u;

/** Group words: "they", "all of them", "both", "the two", "the eight", "the journalists", "these people". */
const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, both: 2 };
const GROUP_END = caseless(String.raw`(?<!\p{L})(?:(?:all|both|each|most|many|some|several|none)\s+of\s+(?:them|these|those|the\s+[\p{L}-]+)|they|them|both(?:\s+[\p{Ll}-]+)?|all\s+(?:the\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)?\s*[\p{Ll}-]+|the\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\s+[\p{Ll}-]+){0,2}|(?:the|these|those|all)\s+(?:[\p{L}.-]+\s+){0,2}[\p{Ll}-]+s|these\s+people)\s*$`);
/** Singular descriptions: "the activist", "the 41-year-old", "the political prisoner", "the woman". */
const COORDINATED_PASSIVE = caseless(String.raw`(?<!\p{L})(?:was|were|is|are|been|being)\s+(?:[\p{Ll}]+ly\s+)?(?:[\p{Ll}]+ed|taken|held|beaten|brought|kept|sent|caught|seized|driven|thrown)(?:\s+[^\s,;]+){0,4}?\s+and\s+(?:[\p{Ll}]+ly\s+|then\s+|later\s+|also\s+)*$`);
const DESCRIPTION_END = caseless(String.raw`(?<!\p{L})the\s+(?:(?:[\p{Ll}-]+|\d+-year-old)\s+){0,3}?([\p{Ll}-]+|\d+-year-old)\s*$`);

function groupSize(words: string): number | null {
  const m = /(?<!\p{L})(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|both)(?!\p{L})/iu.exec(words);
  if (!m) return null;
  return NUMBER_WORDS[m[1]!.toLowerCase()] ?? Number(m[1]);
}

interface Patients {
  persons: ReportPerson[];
  how: How;
}
const NONE: Patients = { persons: [], how: 'none' };

/** Plural endings of Russian and Belarusian nouns and substantivised participles ("задержанных", "журналістаў", "активистов"). */
/** Collective numerals, which only count people: "двоих", "пятеро", "чацвёра". */
const CYRILLIC_COUNTS = new Map<string, number>(
  (
    [
      [2, 'двое двоих двоим двоими абодвух абодвое обоих'],
      [3, 'трое троих троим траіх'],
      [4, 'четверо четверых чацвёра'],
      [5, 'пятеро пятерых пяцёра пяцярых'],
      [6, 'шестеро шестерых шасцёра'],
      [7, 'семеро семерых сямёра'],
    ] as const
  ).flatMap(([n, words]) => words.split(' ').map((w) => [w, n] as [string, number])),
);
const CYRILLIC_PLURAL = /(?:ых|их|ые|ие|ов|ёв|ев|ей|ам|ями|ами|аў|яў|ы)$/iu;

/** Whether a position of a clause lies inside «…» or “…” quotation marks opened in that clause. */
function insideQuote(text: string, clause: [number, number], pos: number): boolean {
  let depth = 0;
  for (let i = clause[0]; i < pos; i++) {
    const c = text[i];
    if (c === '«' || c === '“' || c === '„') depth++;
    else if ((c === '»' || c === '”' || c === '“') && depth > 0) depth--;
  }
  return depth > 0;
}

/** A common noun (not a verb, a preposition or a role) that a following name in the genitive would own. */
function isPossessedNoun(word: string): boolean {
  if (cyrillicRole(word)) return false;
  // Only what the dictionary knows: az guesses Belarusian words from their endings, often as nouns.
  const best = ruParses(word)[0];
  return !!best && best.known && best.pos === 'NOUN' && !best.grammemes.has('Name') && !best.grammemes.has('Surn');
}

class Frames {
  /** The sentence being read: a list may run past a clause break ("A, who was held in B, C and D"). */
  sentenceStart = 0;
  sentenceEnd = 0;

  constructor(
    readonly ctx: Ctx,
    readonly refs: References,
  ) {}

  /** Who an event can be of; a lawyer named as its subject or object is ("lawyer A was detained"), never by reference alone. */
  private eligible(p: ReportPerson, type: string, named = false): boolean {
    if (p.role === 'official') return false;
    if (p.role === 'lawyer' && !named) return false;
    return !(p.role === 'relative' && !RELATIVE_EVENTS.has(type));
  }

  /** A mention and the persons listed before it in the same list ("A, B and C" read from C back). */
  private listBack(ms: Placed[], last: number, type: string): ReportPerson[] {
    const out = [ms[last]!.p];
    for (let i = last - 1; i >= 0 && LIST_GAP.test(this.ctx.text.slice(ms[i]!.end, ms[i + 1]!.start)); i--) out.unshift(ms[i]!.p);
    return [...new Set(out)].filter((p) => this.eligible(p, type, true));
  }

  /** Persons named from `from` on, joined in a list ("A, B and C"; "A to six years and B to five"). */
  private listForward(from: number, to: number, type: string, maxLead = 80): ReportPerson[] {
    const ms = this.refs.within(from, Math.max(to, this.sentenceEnd));
    if (!ms.length || ms[0]!.start >= to) return [];
    const lead = this.ctx.text.slice(from, ms[0]!.start);
    // What may stand before the first name: articles, descriptions, "the homes of", "opposition figure".
    if (lead.length > maxLead || /[;.!?]/u.test(lead) || !/^[\s,:]*(?:(?:[\p{Ll}’'-]+|\p{Lu}[\p{L}.-]*|\d+|[,:“”"«»-])\s*){0,10}$/u.test(lead)) return [];
    if (caseless(String.raw`(?<!\p{L})(?:by|from|to|with|according|said|says|told|whose|which|that|who|по\s+словам|паводле)\s*$|(?<!\p{L})(?:,\s*)?(?:and|but)\s+(?:[\p{Ll}]+\s+){0,2}$`).test(lead)) return [];
    // Only "of" may lead to the person ("the homes of A"); "since A", "in A's case" lead elsewhere.
    if (/(?<!\p{L})(?:since|in|on|at|during|after|before|from|to|with|by|about|while|when|where|because|until|over|under|into|than|as|like|near|outside|inside|against|for|via|per)(?!\p{L})/iu.test(lead)) return [];
    const out = [ms[0]!.p];
    for (let i = 1; i < ms.length; i++) {
      const gap = this.ctx.text.slice(ms[i - 1]!.end, ms[i]!.start);
      // "A to six years and B to five", "A received four years; B three".
      if (!LIST_GAP.test(gap) && !/^,?\s+(?:to|for)\s+[^,;.]{1,60}?(?:,\s*(?:and\s+)?|\s+and\s+|;\s*)(?:[\p{Ll}-]+\s+){0,4}$/u.test(gap)) break;
      out.push(ms[i]!.p);
    }
    return [...new Set(out)].filter((p) => this.eligible(p, type, true));
  }

  /** The subject of a passive or intransitive trigger: what ends the clause's text before it. */
  subject(clause: [number, number], at: number, type: string, depth = 0): Patients {
    const text = this.ctx.text;
    const before = text.slice(clause[0], at);
    const trimmed = before.replace(AUX_TAIL, '');
    const end = clause[0] + trimmed.length;
    // A named person (or a list) whose mention ends there, an apposition aside.
    const ms = this.refs.within(clause[0], end);
    for (let k = ms.length - 1; k >= 0; k--) {
      const m = ms[k]!;
      if (!APPOSITION.test(text.slice(m.end, end))) continue;
      // "the wife of A", "a lawyer for A", "supporters of A": A is not the one it happens to.
      // A name inside an apposition of an earlier one ("A, known by his pen name B, was detained") gives way to it.
      if (caseless(String.raw`(?<!\p{L})(?:of|for|to|with|by|from|against|about|on|at|in|like|whose)\s+(?:[\p{Ll}-]+\s+){0,3}$`).test(text.slice(clause[0], m.start))) continue;
      const persons = this.listBack(ms, k, type);
      if (persons.length) return { persons, how: persons.length > 1 ? 'list' : 'named' };
      break;
    }
    const tail = trimmed.slice(-80);
    const word = /(?<!\p{L})([\p{L}]+)\s*$/u.exec(tail)?.[1] ?? '';
    // "A, who was detained": the relative pronoun's antecedent.
    if (/(?<!\p{L})(?:who|which)\s+$/iu.test(before) || /^\s*(?:who|whom)\s/iu.test(text.slice(clause[0], at))) {
      const ante = this.refs.within(Math.max(0, clause[0] - 200), clause[0]).at(-1);
      if (ante && /^[\s,]*$/u.test(text.slice(ante.end, clause[0]).replace(/^(?:[’']s)?\s*(?:,\s*\d{1,3}\s*)?/u, '')) && this.eligible(ante.p, type)) {
        const before2 = this.refs.within(Math.max(0, ante.start - 300), ante.end);
        return { persons: this.listBack(before2, before2.length - 1, type), how: 'named' };
      }
    }
    const kind = pronounKind(word);
    if (kind === 'pl' && /(?<!\p{L})(?:they|them)\s*$/iu.test(tail) && !genericBefore(text, end)) {
      const g = this.refs.group(at);
      return g ? { persons: g.filter((p) => this.eligible(p, type)), how: 'group' } : NONE;
    }
    if (kind === 'm' || kind === 'f') {
      if (!/(?<!\p{L})(?:he|she)\s*$/iu.test(tail)) return NONE;
      const p = this.refs.pronoun(kind, end, this.ctx.focus);
      return p && this.eligible(p, type) ? { persons: [p], how: 'pronoun' } : NONE;
    }
    if (/(?<!\p{L})(?:i|we)\s*$/iu.test(tail) && this.ctx.firstPerson && (this.ctx.narrator ?? this.ctx.focus)) return { persons: [(this.ctx.narrator ?? this.ctx.focus)!], how: 'testimony' };
    // "you are hereby prohibited": said to the one who tells it.
    if (/(?<!\p{L})you\s*$/iu.test(tail) && this.ctx.firstPerson && (this.ctx.narrator ?? this.ctx.focus)) return { persons: [(this.ctx.narrator ?? this.ctx.focus)!], how: 'testimony' };
    // "his home was searched", "her passport was confiscated": the owner of what it was done to.
    const owned = caseless(String.raw`(?<!\p{L})(his|her|their|whose)\s+(?:[\p{Ll}-]+\s+){0,2}?(?:homes?|house|apartment|flat|office|dacha|room|workshop|garage|car|premises|studio|passports?|phones?|laptops?|computers?)\s*$`).exec(tail);
    if (owned && type !== 'arrest' && type !== 'detention') {
      const w = owned[1]!.toLowerCase();
      if (w === 'whose') {
        const whoseAt = end - tail.length + owned.index;
        const ante = this.refs.within(Math.max(0, whoseAt - 200), whoseAt).at(-1);
        return ante && this.eligible(ante.p, type) ? { persons: [ante.p], how: 'named' } : NONE;
      }
      if (w === 'their') {
        const g = this.refs.group(at);
        return g ? { persons: g.filter((p) => this.eligible(p, type)), how: 'group' } : NONE;
      }
      const p = this.refs.pronoun(w === 'his' ? 'm' : 'f', end, this.ctx.focus);
      return p && this.eligible(p, type) ? { persons: [p], how: 'pronoun' } : NONE;
    }
    const kin = caseless(String.raw`(?<!\p{L})(his|her|their|my|our|your)\s+([\p{Ll}-]+)\s*$`).exec(tail);
    if (kin && englishRole(kin[2]!) === 'relative') {
      // In a testimony "my husband" and "your son" are the one it is about; "his wife" is someone else.
      if (/^(?:my|our|your)$/iu.test(kin[1]!) && this.ctx.firstPerson && this.ctx.focus) return { persons: [this.ctx.focus], how: 'description' };
      // "A's mother said her son had been beaten", "his wife said her husband …": the relative's relative is A.
      const holder = this.kinHolder(end - tail.length + kin.index);
      if (holder && this.eligible(holder, type)) return { persons: [holder], how: 'description' };
      return { persons: [], how: 'relative' };
    }
    // "Both are suspected": "both" and "all" are also adverbs the tail has shed ("were all detained").
    const group = GROUP_END.exec(tail) ?? (/^\s*(?:both|all)\s*$/iu.test(before) ? GROUP_END.exec(before.trimEnd()) : null);
    if (group && (/\b(?:them|they|both|all)\b|\d|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve/iu.test(group[0]) || englishRolePlural(group[0].trim().split(/\s+/).at(-1)!))) {
      const noun = group[0].trim().split(/\s+/).at(-1)!;
      const role = englishRole(noun);
      if (role !== 'official' && role !== 'lawyer' && role !== 'relative') {
        const g = this.refs.group(at, role, groupSize(group[0])) ?? this.refs.group(at, role);
        if (g) return { persons: g.filter((p) => this.eligible(p, type)), how: 'group' };
      }
      return NONE;
    }
    // "A was supposed to stand trial, but left the country": a clause that opens with "but" or "and" has the sentence's subject.
    if (/^[\s,]*(?:but|and|yet|then|or|and\s+then|but\s+then|а|но|і|и|але)(?:\s+\p{L}+ly)?\s*$/iu.test(before) && clause[0] > this.sentenceStart) {
      const opening = this.openingSubject(type);
      if (opening) return opening;
    }
    // "He took part in the protest and served ten days for it": the subject that opens the clause, across "and".
    const opening = /^\s*(?:(?:on|in|at|after|before|later|then|however|meanwhile)\b[^,]{0,40},\s*)?(he|she)\s/iu.exec(text.slice(clause[0], end));
    if (opening && /(?<!\p{L})and(?!\p{L})/iu.test(text.slice(clause[0] + opening[0].length, end))) {
      const k = pronounKind(opening[1]!);
      if (k === 'm' || k === 'f') {
        const p = this.refs.pronoun(k, clause[0] + opening.index, this.ctx.focus);
        if (p && this.eligible(p, type)) return { persons: [p], how: 'pronoun' };
      }
    }
    // "Both were taken to the police and later placed in the detention centre", "A was released after serving 30 days":
    // a second verb of the clause, joined by "and" or "after", has the subject of its first.
    const first = /(?<!\p{L})(?:was|were|is|are|has|have|had)(?!\p{L})/iu.exec(text.slice(clause[0], end));
    if (first && clause[0] + first.index < end - 1 && depth < 1 && /(?<!\p{L})(?:and|after|before|while|then)(?!\p{L})/iu.test(text.slice(clause[0] + first.index, at))) {
      const res = this.subject(clause, clause[0] + first.index, type, depth + 1);
      if (res.persons.length) return res;
    }
    const desc = DESCRIPTION_END.exec(tail);
    if (desc) {
      const noun = desc[1]!;
      if (/year-old$/u.test(desc[0].trim()) || englishRole(noun)) {
        const p = this.refs.described(/year-old$/u.test(desc[0].trim()) ? 'year-old' : noun, end, this.ctx.focus);
        if (p && this.eligible(p, type)) return { persons: [p], how: 'description' };
      }
    }
    return NONE;
  }

  /** "A's mother", "the wife of A", "his wife" at the sentence's start: A, whose relative speaks. */
  private kinHolder(before: number): ReportPerson | null {
    const text = this.ctx.text;
    const head = text.slice(this.sentenceStart, before);
    const kinWord = String.raw`(?:mother|father|wife|husband|son|daughter|sister|brother|parents|partner|fianc[ée]e?|family|relatives)`;
    const possessed = caseless(String.raw`^\s*(?:[^,]{0,40},\s*)?([\p{L}’'.\s-]+?)[’']s?\s+${kinWord}(?!\p{L})`).exec(head);
    if (possessed) {
      const at = this.sentenceStart + possessed.index + possessed[0].indexOf(possessed[1]!);
      const m = this.refs.within(at, at + possessed[1]!.length + 1).at(-1);
      if (m && canBeVictim(m.p) && m.p.role !== 'relative') return m.p;
    }
    const pron = caseless(String.raw`^\s*(?:[^,]{0,40},\s*)?(his|her)\s+${kinWord}(?!\p{L})`).exec(head);
    if (pron) {
      const p = this.refs.pronoun(pron[1]!.toLowerCase() === 'his' ? 'm' : 'f', this.sentenceStart + pron.index, this.ctx.focus);
      if (p && p.role !== 'relative') return p;
    }
    return null;
  }

  /** Who opens the sentence: a name or a list at its start (after an opening adverbial), or "he"/"she". */
  openingSubject(type: string): Patients | null {
    const text = this.ctx.text;
    const head = /^\s*(?:(?:on|in|at|after|before|later|then|however|meanwhile|earlier|yesterday|today)\b[^,]{0,40},\s*)?/iu.exec(text.slice(this.sentenceStart, this.sentenceEnd))![0];
    const at = this.sentenceStart + head.length;
    const first = this.refs.within(at, this.sentenceEnd)[0];
    if (first && first.start === at) {
      const persons = this.listForward(at, this.sentenceEnd, type);
      if (persons.length) return { persons, how: persons.length > 1 ? 'list' : 'named' };
    }
    const pron = /^(he|she)(?!\p{L})/iu.exec(text.slice(at, at + 4));
    const kind = pron ? pronounKind(pron[1]!) : null;
    if (kind === 'm' || kind === 'f') {
      const p = this.refs.pronoun(kind, at, this.ctx.focus);
      if (p && this.eligible(p, type)) return { persons: [p], how: 'pronoun' };
    }
    return null;
  }

  /** The object of an active trigger: named right after it, or a pronoun, a description, a group. */
  object(from: number, to: number, type: string): Patients {
    const text = this.ctx.text;
    const after = text.slice(from, Math.min(to, from + 120));
    // "searched his parents' home", "a search of her office": the owner of the place.
    const owned = /^\s+(his|her|their)\s+(?:(?:parents|family|mother|father|relatives)[’']?s?\s+)?(?:homes?|house|apartment|flat|office|dacha|car|premises|studio|workplace)(?!\p{L})/iu.exec(after);
    if (owned && (type === 'search' || type === 'arrest')) {
      if (owned[1]!.toLowerCase() === 'their') {
        const g = this.refs.group(from);
        if (g) return { persons: g.filter((p) => this.eligible(p, type)), how: 'group' };
      } else {
        const p = this.refs.pronoun(owned[1]!.toLowerCase() === 'his' ? 'm' : 'f', from, this.ctx.focus);
        if (p && this.eligible(p, type)) return { persons: [p], how: 'pronoun' };
      }
    }
    const pron = /^\s+(him|her|them)(?!\p{L})/iu.exec(after);
    // "seized her phone": "her" before a noun owns it; it is not the one the verb is done to.
    if (pron && pron[1]!.toLowerCase() === 'her' && /^\s+her\s+(?!(?:on|in|at|and|for|to|after|before|with|from|again|last|yesterday|today|during|because|as|outside|near|while|when|by|since|until|without|over|into|of|or|but|twice|once|too|also|then|later|home)(?!\p{L}))\p{Ll}/u.test(after)) return NONE;
    if (pron) {
      if (pron[1]!.toLowerCase() === 'them') {
        const g = this.refs.group(from);
        return g ? { persons: g.filter((p) => this.eligible(p, type)), how: 'group' } : NONE;
      }
      const p = this.refs.pronoun(pron[1]!.toLowerCase() === 'him' ? 'm' : 'f', from, this.ctx.focus);
      return p && this.eligible(p, type) ? { persons: [p], how: 'pronoun' } : NONE;
    }
    // "at least 230 protesters, including A, B and C".
    const including = /^[^;.]{0,100}?(?:,\s*|\s+)(?:including|among\s+them|among\s+whom)\s+/iu.exec(after);
    const named = this.listForward(from, to, type);
    if (named.length && !(including && this.refs.within(from, from + including.index!).length === 0 && including.index! < 100 && /\d|people|protesters|activists|journalists|others|demonstrators|students|members/iu.test(after.slice(0, including.index!)))) return { persons: named, how: named.length > 1 ? 'list' : 'object' };
    if (including) {
      const listed = this.listForward(from + including[0].length, to, type);
      if (listed.length) return { persons: listed, how: 'including' };
    }
    // "detained 11 current and former employees": a group of that many.
    const counted = caseless(String.raw`^\s+(?:all\s+|the\s+)?(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:[\p{Ll}-]+\s+){0,4}?(?:employees|staff|journalists|activists|members|people|persons|defendants|suspects|men|women|students|workers|protesters|reporters|editors)(?!\p{L})`).exec(after);
    if (counted) {
      const g = this.refs.group(from, null, groupSize(counted[0]));
      if (g) return { persons: g.filter((p) => this.eligible(p, type)), how: 'group' };
    }
    const desc = caseless(String.raw`^\s+the\s+(?:[\p{Ll}-]+\s+){0,2}?([\p{Ll}-]+)(?!\p{L})`).exec(after);
    if (desc && englishRole(desc[1]!) && englishRole(desc[1]!) !== 'official' && englishRole(desc[1]!) !== 'lawyer') {
      if (englishRolePlural(desc[1]!)) {
        const g = this.refs.group(from, englishRole(desc[1]!));
        if (g) return { persons: g.filter((p) => this.eligible(p, type)), how: 'group' };
      } else {
        const p = this.refs.described(desc[1]!, from, this.ctx.focus);
        if (p && this.eligible(p, type)) return { persons: [p], how: 'description' };
      }
    }
    return NONE;
  }

  /** The owner of a noun: "A's arrest", "his release", "the arrest of A", "charges against A". */
  owner(trigger: Found, clause: [number, number], type: string): Patients {
    const text = this.ctx.text;
    const before = text.slice(Math.max(clause[0], trigger.start - 60), trigger.start);
    const poss = /([’']s?)\s+(?:[\p{Ll}-]+\s+){0,2}$/u.exec(before);
    if (poss) {
      const ms = this.refs.within(clause[0], trigger.start);
      const m = ms.at(-1);
      // "A's arrest"; "A and B's imprisonment" is both.
      if (m && /^(?:[’']s?)\s+(?:[\p{Ll}-]+\s+){0,2}$/u.test(text.slice(m.end, trigger.start))) {
        const persons = this.listBack(ms, ms.length - 1, type);
        if (persons.length) return { persons, how: 'owner' };
      }
    }
    const pron = caseless(String.raw`(?<!\p{L})(his|her|their)\s+(?:[\p{Ll}-]+\s+){0,2}$`).exec(before);
    if (pron) {
      if (pron[1]!.toLowerCase() === 'their') {
        // "detainees served their sentences": their own, of people in general, when a bare plural is the subject.
        if (/^\s*(?:[\p{Ll}-]+\s+){0,2}?[\p{Ll}-]+s\s+(?:[\p{Ll}-]+\s+){0,3}$/u.test(text.slice(clause[0], trigger.start).replace(/^\s*(?:it|he|she|they|police|officials?)\s+(?:said|says|reported|claimed)\s+(?:that\s+)?/iu, '')) || /^\s*(?:some|many|several|most|other|few|all)\s+/iu.test(text.slice(clause[0], trigger.start))) return NONE;
        const g = this.refs.group(trigger.start);
        return g ? { persons: g.filter((p) => this.eligible(p, type)), how: 'group' } : NONE;
      }
      const p = this.refs.pronoun(pron[1]!.toLowerCase() === 'his' ? 'm' : 'f', trigger.start, this.ctx.focus);
      return p && this.eligible(p, type) ? { persons: [p], how: 'pronoun' } : NONE;
    }
    // "the arrest of A", "charges against A", "the search at the apartment of A".
    const of = /^\s+(?:(?:at|in|of)\s+(?:the\s+)?(?:apartments?|homes?|house|flat|offices?|premises|dacha|workplace|studio)\s+of|of|against|for|over)\s+/iu.exec(text.slice(trigger.end, trigger.end + 40));
    if (of) {
      const res = this.object(trigger.end + of[0].length - 1, clause[1], type);
      if (res.persons.length) return { ...res, how: res.how === 'object' ? 'owner' : res.how };
    }
    // "The searches took place at the homes of A, B and C".
    const took = /^\s+(?:took\s+place|were\s+(?:carried\s+out|conducted|held))\s+(?:at|in)\s+(?:the\s+)?(?:homes?|houses?|apartments?|flats?|offices?)\s+of\s+/iu.exec(text.slice(trigger.end, trigger.end + 60));
    if (took) {
      const res = this.object(trigger.end + took[0].length - 1, clause[1], type);
      if (res.persons.length) return res;
    }
    // "The criminal case against A was opened": the owner inside or after a set phrase.
    if (trigger.phrase) {
      const against = /(?<!\p{L})(?:against|of|над|против|супраць)\s+/iu.exec(text.slice(trigger.start, clause[1]));
      if (against) {
        const res = this.object(trigger.start + against.index + against[0].length - 1, clause[1], type);
        if (res.persons.length) return { ...res, how: res.how === 'object' ? 'owner' : res.how };
      }
    }
    // "A received a suspended sentence", "B faces charges": the noun is what the subject got.
    const governing = caseless(String.raw`(?<!\p{L})(?:received|got|given|handed|faced|faces|facing|serving|served|began|begins|started|starts|attended|attends|attending|lost|won|appealed)\s+(?:[\p{Ll}’'-]+\s+){0,3}$`).exec(before);
    if (governing) {
      const verbAt = trigger.start - governing[0].length;
      return this.subject(clause, verbAt, type);
    }
    return NONE;
  }

  /** Russian and Belarusian: the persons named in the trigger's clause, else a pronoun, a description or a group there. */
  cyrillic(trigger: Found, clause: [number, number], type: string): Patients {
    const text = this.ctx.text;
    const clauseText = text.slice(clause[0], clause[1]);
    // "Кроме Ивановой и Позднякова, были арестованы A и B": the names after "кроме" up to the comma are the others.
    const except = /(?<!\p{L})(?:кроме|акрамя|помимо|апроч|except|apart\s+from|besides)\s[^,;]*/iu.exec(clauseText);
    const afterTime: Placed[] = [];
    const ms = this.refs.within(clause[0], clause[1]).filter((m) => {
      if (except && m.start >= clause[0] + except.index && m.start < clause[0] + except.index + except[0].length) return false;
      // "по словам X", "паведаміў X", "рассказал X": the one who speaks, not the one it happens to.
      const before = text.slice(Math.max(clause[0], m.start - 25), m.start);
      if (caseless(String.raw`(?:по\s+словам|паводле|сообщил\S*|сообщает|рассказал\S*|паведаміл\S*|паведаміў|паведамляе|расказал\S*|расказаў|заявил\S*|заявіў|адзначыл\S*|адзначыў|отметил\S*|пишет|піша)\s+(?:\p{Ll}+\s+){0,2}$`).test(before)) return false;
      // "A заявил, что …", "— говорит A": the one who speaks.
      if (/^\s*(?:заявил\S*|сообщил\S*|рассказал\S*|сказал\S*|говорит|отметил\S*|добавил\S*|пишет|заявіў|заявіла|паведаміў|паведаміла|расказаў|расказала|сказаў|сказала|кажа|адзначыў|адзначыла|дадаў|дадала|піша)(?!\p{L})/iu.test(text.slice(m.end, m.end + 16)) && trigger.start > m.end) return false;
      if (/[—–]\s*(?:говорит|сказал\S*|рассказ\S*|отметил\S*|кажа|сказаў|сказала|расказ\S*)\s+(?:\p{Ll}+\s+){0,3}$/iu.test(text.slice(Math.max(clause[0], m.start - 40), m.start))) return false;
      // A trigger inside a quotation is about someone in it, not about the one quoted.
      if (insideQuote(text, clause, trigger.start) !== insideQuote(text, clause, m.start)) return false;
      // "сотрудник штаба Сергея Тихановского": a name after a noun owns the noun; it is not the one the verb is about.
      const prevWord = /(?<!\p{L})(\p{Ll}+)\s+$/u.exec(before)?.[1];
      if (trigger.kind !== 'noun' && prevWord && isPossessedNoun(prevWord)) {
        // "После приговора Бакирова освободили": after a preposition the noun is a time, and the name the verb's object.
        if (/(?<!\p{L})(?:после|до|перед|пасля|да|перад|во\s+время|падчас)\s+\p{Ll}+\s+$/iu.test(before)) afterTime.push(m);
        return false;
      }
      return true;
    });
    if (!ms.length && afterTime.length) ms.push(...afterTime);
    // "судья Елена Рябова арестовала Ерёмина": beside a name in another case, the one in the nominative
    // before an active verb in the singular past is who did it.
    const verb = text.slice(trigger.start, trigger.end).toLowerCase();
    if (trigger.kind === 'verb' && !trigger.phrase && /(?:л|ла|ло|ў)$/u.test(verb) && ms.length > 1) {
      const nominative = (m: Placed) => m.start < trigger.start && ruNominativeOnly(text.slice(m.start, m.end).split(/\s+/)[0]!);
      if (ms.some((m) => !nominative(m))) ms.splice(0, ms.length, ...ms.filter((m) => !nominative(m)));
    }
    const named = [...new Set(ms.map((m) => m.p))];
    // A lawyer named alone in the clause is the one it happens to ("осудил адвоката A"); beside others, the others.
    const persons = named.filter((p) => this.eligible(p, type, named.length === 1));
    if (persons.length) return { persons, how: persons.length > 1 ? 'list' : 'clause' };
    // "кто-то из них", "некоторые", "хтосьці": some of them, unnamed.
    if (/(?<!\p{L})(?:кто-то|кто-нибудь|некоторые|некоторых|одни|многие|хтосьці|некаторыя|некаторых|шмат\s+хто)(?!\p{L})/iu.test(clauseText)) return NONE;
    const words = tokenize(text, clause[0], clause[1]).filter((t) => t.kind === 'word');
    // The nearest pronoun or description before the trigger, else after it.
    // A phrase may hold its own pronoun or description ("арестовал её на 15 суток", "арыштаваў жанчыну на 15 сутак"): then that one first.
    const inside = trigger.phrase ? words.filter((t) => t.start >= trigger.start && t.start < trigger.end && (pronounKind(t.text) || cyrillicRole(t.text))) : [];
    const ordered = [...inside, ...words.filter((t) => t.start < trigger.start).reverse(), ...words.filter((t) => t.start >= trigger.end)];
    for (const t of ordered) {
      // "задержали двоих", "затрымалі чацвёра актывістаў": a group of that many.
      const count = CYRILLIC_COUNTS.get(t.text.toLowerCase());
      if (count) {
        const g = this.refs.group(trigger.start, null, count);
        if (g) return { persons: g.filter((p) => this.eligible(p, type)), how: 'group' };
        continue;
      }
      const kind = pronounKind(t.text);
      if (kind === 'pl') {
        const g = this.refs.group(trigger.start);
        if (g) return { persons: g.filter((p) => this.eligible(p, type)), how: 'group' };
        continue;
      }
      if (kind) {
        const p = this.refs.pronoun(kind, t.start, this.ctx.focus);
        if (p && this.eligible(p, type)) return { persons: [p], how: 'pronoun' };
        continue;
      }
      const role = cyrillicRole(t.text);
      if (role && role !== 'official' && role !== 'lawyer' && role !== 'relative' && CYRILLIC_PLURAL.test(t.text)) {
        const g = this.refs.group(trigger.start, role === 'other' || role === 'detainee' ? null : role) ?? (role === 'detainee' ? this.refs.group(trigger.start, 'detainee') : null);
        if (g) return { persons: g.filter((p) => this.eligible(p, type)), how: 'group' };
        continue;
      }
      // "как сообщает корреспондент": the one who reports.
      if (role && /(?:сообща\S*|сообщил\S*|пишет|рассказ\S*|паведам\S*|піша|расказ\S*|по\s+словам|паводле)\s+$/iu.test(text.slice(Math.max(clause[0], t.start - 25), t.start))) continue;
      if (role && role !== 'official' && role !== 'lawyer' && role !== 'relative') {
        const p = this.refs.described(t.text, t.start, this.ctx.focus);
        if (p && this.eligible(p, type)) return { persons: [p], how: 'description' };
      }
    }
    return NONE;
  }

  /**
   * Accounts of ill-treatment name the one it was done to anywhere around the method ("guards beat
   * him and made him stand naked in the cold"): the persons of the clause, else its pronoun.
   */
  anywhere(trigger: Found, clause: [number, number], type: string): Patients {
    // "lawyers were not allowed to see the detainees", "не пускают к ней": the one not seen, when the phrase says whom.
    if (type === 'denial_of_access') {
      const seen = this.object(trigger.end, clause[1], type);
      if (seen.persons.length) return seen;
      const whom = caseless(String.raw`(?<!\p{L})(?:see|visit|meet|contact|reach|to)\s+(?:the\s+)?((?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+s)(?!\p{L})`).exec(this.ctx.text.slice(trigger.start, clause[1]));
      if (whom && englishRolePlural(whom[1]!.trim().split(/\s+/).at(-1)!)) {
        const g = this.refs.group(trigger.start, englishRole(whom[1]!.trim().split(/\s+/).at(-1)!));
        if (g) return { persons: g.filter((p) => this.eligible(p, type)), how: 'group' };
      }
    }
    // "His wife said that at the hearing he looked exhausted": a relative named anywhere in the clause is the one who tells it.
    const named = [...new Set(this.refs.within(clause[0], clause[1]).map((m) => m.p))].filter((p) => this.eligible(p, type) && !(p.role === 'relative' && (type === 'trial' || type === 'sentence')));
    if (named.length) return { persons: named, how: named.length > 1 ? 'list' : 'clause' };
    // "She says she saw bruises on his face": the one the method or the injury is on, named after it, before the one who tells it.
    const pronouns = [...this.ctx.text.slice(clause[0], clause[1]).matchAll(/(?<!\p{L})(he|him|his|she|her|they|them|their)(?!\p{L})/giu)];
    const isBefore = (m: RegExpMatchArray) => clause[0] + m.index! < trigger.end;
    const possessive = (m: RegExpMatchArray) => /^(?:his|their)$/iu.test(m[1]!);
    // "His family learned of it only later": a possessive before, the last resort.
    // "Many said their cells were cold": "their" before is of people in general, never a last resort.
    const ordered = [...pronouns.filter((m) => !isBefore(m)), ...pronouns.filter((m) => isBefore(m) && !possessive(m)), ...pronouns.filter((m) => isBefore(m) && /^his$/iu.test(m[1]!))];
    for (const m of ordered) {
      const kind = pronounKind(m[1]!);
      if (kind === 'pl' && genericBefore(this.ctx.text, clause[0] + m.index!)) return NONE;
      if (kind === 'pl') {
        const g = this.refs.group(trigger.start);
        if (g) return { persons: g.filter((p) => this.eligible(p, type)), how: 'group' };
      } else if (kind) {
        const p = this.refs.pronoun(kind, clause[0] + m.index!, this.ctx.focus);
        if (p && this.eligible(p, type)) return { persons: [p], how: 'pronoun' };
      }
    }
    if (this.ctx.firstPerson && (this.ctx.narrator ?? this.ctx.focus) && /(?<!\p{L})(?:I|me|my)(?!\p{L})/u.test(this.ctx.text.slice(clause[0], clause[1]))) return { persons: [(this.ctx.narrator ?? this.ctx.focus)!], how: 'testimony' };
    return NONE;
  }

  /** The first list of persons named after the trigger in its clause ("prosecutors asked the court to sentence A"). */
  after(trigger: Found, clause: [number, number], type: string): Patients {
    const first = this.refs.within(trigger.end, clause[1])[0];
    // "asked for 17 years for him", "прасіў для яго": a pronoun after it.
    const pron = first ? null : /(?<!\p{L})(him|her|them|него|неё|нее|них|яго|яе|іх)(?!\p{L})/iu.exec(this.ctx.text.slice(trigger.end, clause[1]));
    if (pron) {
      const kind = pronounKind(pron[1]!);
      const at = trigger.end + pron.index;
      if (kind === 'pl') {
        const g = this.refs.group(at);
        return g ? { persons: g.filter((p) => this.eligible(p, type)), how: 'group' } : NONE;
      }
      const p = kind ? this.refs.pronoun(kind, at, this.ctx.focus) : null;
      return p && this.eligible(p, type) ? { persons: [p], how: 'pronoun' } : NONE;
    }
    // "The prosecutor had demanded between four and seven years": the defendants the report has named, or the one it is about.
    if (!first) {
      // "requested that 37 people be sentenced": a crowd the report does not name.
      if (/\d+\s+(?:people|persons|defendants|men|women|activists|of\s+them)/iu.test(this.ctx.text.slice(trigger.end, clause[1]))) return NONE;
      const g = this.refs.lastStated(trigger.start);
      if (g) return { persons: g.filter((p) => this.eligible(p, type)), how: 'group' };
      return this.ctx.focus ? { persons: [this.ctx.focus], how: 'focus' } : NONE;
    }
    const persons = this.listForward(first.start, clause[1], type);
    return persons.length ? { persons, how: persons.length > 1 ? 'list' : 'object' } : NONE;
  }

  /**
   * What a trigger is said of when its own frame names no one: "Among those pardoned are A and B",
   * "banned from travelling: A, B and C" (an enumeration after it), "arrested … on charges of" (a noun
   * in a phrase of the last event's persons).
   */
  around(trigger: Found, clause: [number, number], type: string): Patients {
    const text = this.ctx.text;
    const rest = text.slice(trigger.end, Math.min(text.length, trigger.end + 60));
    const inverted = /^\s*(?:\([^()]*\)\s*)?(?:(?:in|of|from|by)\s+(?:[\p{L}-]+\s+){0,4})?(?:are|were|is|was|include|included|including)\s+/iu.exec(rest);
    if (inverted) {
      const persons = this.listForward(trigger.end + inverted[0].length - 1, clause[1], type);
      if (persons.length) return { persons, how: persons.length > 1 ? 'list' : 'object' };
    }
    const colon = /^[^.;:]{0,50}:\s*/u.exec(rest);
    if (colon) {
      const from = trigger.end + colon[0].length;
      const sentenceEnd = text.slice(from).search(/[.;!?](?:\s|$)/u);
      const persons = this.listForward(from - 1, from + (sentenceEnd < 0 ? text.length - from : sentenceEnd), type);
      if (persons.length) return { persons, how: persons.length > 1 ? 'list' : 'object' };
    }
    return NONE;
  }

  /** Who an English trigger happens to, by its kind and form. */
  english(trigger: Found, clause: [number, number], type: string): Patients {
    const text = this.ctx.text;
    // "did not let her cross", "refused to let him see": the one the phrase itself names.
    const inner = trigger.phrase ? /(?<!\p{L})(him|her|them)(?!\p{L})/iu.exec(text.slice(trigger.start, trigger.end)) : null;
    if (inner) {
      const at = trigger.start + inner.index;
      if (inner[1]!.toLowerCase() === 'them') {
        const g = this.refs.group(at);
        return g ? { persons: g.filter((p) => this.eligible(p, type)), how: 'group' } : NONE;
      }
      const p = this.refs.pronoun(inner[1]!.toLowerCase() === 'him' ? 'm' : 'f', at, this.ctx.focus);
      return p && this.eligible(p, type) ? { persons: [p], how: 'pronoun' } : NONE;
    }
    if (trigger.where === 'after') return this.after(trigger, clause, type);
    if (trigger.where === 'clause') return this.anywhere(trigger, clause, type);
    if (trigger.kind === 'noun') return this.owner(trigger, clause, type);
    if (trigger.kind === 'intr') return this.subject(clause, trigger.start, type);
    // "were questioned and released": a participle coordinated with a passive one is passive too.
    const passive = BE_BEFORE.test(text.slice(clause[0], trigger.start)) || COORDINATED_PASSIVE.test(text.slice(clause[0], trigger.start));
    // A phrase is listed in the form it takes after its subject or "was" ("taken into custody").
    if ((trigger.past ?? trigger.phrase) && passive) return this.subject(clause, trigger.start, type);
    const obj = this.object(trigger.end, clause[1], type);
    if (obj.persons.length || !trigger.past) return obj;
    // "A, detained in May, …", headlines ("A detained in Minsk") and "the last man arrested": a participle right after its subject.
    // Not "the FSB detained A and released a video": an active verb with an object, joined by "and".
    if (OWN_OBJECT.test(text.slice(trigger.end, trigger.end + 30)) || /(?<!\p{L})(?:and|but|then)\s+$/iu.test(text.slice(clause[0], trigger.start))) return NONE;
    const subj = this.subject(clause, trigger.start, type);
    if (subj.how === 'named' || subj.how === 'list') return subj;
    return subj.how === 'description' && caseless(String.raw`(?<!\p{L})the\s+(?:[\p{Ll}-]+\s+){0,3}$`).test(text.slice(clause[0], trigger.start)) ? subj : NONE;
  }
}

/** The future that a court's calendar makes certain: "will stand trial", "будуць судзіць". */
const SCHEDULED = /^(?:will|shall|scheduled|set|slated|due|будет|будут|будзе|будуць)$/iu;

/**
 * A trial said in the future tense with its day or hour ("A will go on trial on 20 June", "працэс пачнецца ў 14:30") is
 * a scheduled hearing; without one ("паабяцалі, што яго будуць судзіць") it is a threat or a possibility.
 */
function scheduledTrial(trigger: Found, head: string, sentence: string): boolean {
  if (trigger.type !== 'trial' || !/\d/u.test(sentence)) return false;
  const m = IRREALIS.exec(head);
  return !!m && SCHEDULED.test(m[0].trim().split(/\s+/)[0]!);
}

/** A Russian given name that can only be read in the nominative ("Елена", not "Елену" or "Олега"). */
function ruNominativeOnly(word: string): boolean {
  const names = ruParses(word).filter((p) => p.known && p.grammemes.has('Name'));
  return names.length > 0 && names.every((p) => p.grammemes.has('nomn'));
}

/**
 * "detainees served their sentences in cells where they were forced to …": "they" of a bare plural
 * earlier in the sentence is people in general, not the last list of names.
 */
function genericBefore(text: string, pos: number): boolean {
  const sentence = text.slice(Math.max(0, text.lastIndexOf('. ', pos) + 1, pos - 200), pos);
  return caseless(String.raw`(?:^|[^\p{L}])(?!(?:the|these|those|both|all|two|three|four|five|six|seven|eight|nine|ten)\s)\p{L}+\s+(?:detainees|prisoners|inmates|people|protesters|demonstrators|activists|journalists|students|convicts|women|men|others|many|dozens|hundreds|thousands)(?!\p{L})|^\s*(?:detainees|prisoners|inmates|people|protesters|demonstrators)(?!\p{L})`).test(sentence);
}

/**
 * Names that open the clauses after a trigger and bring no verb of their own share its event:
 * "A was in colony No. 15, and B — in colony No. 17", "C received four years; D three; E two".
 */
function gappedAfter(refs: References, text: string, from: number, to: number, have: ReportPerson[]): ReportPerson[] {
  const out: ReportPerson[] = [];
  let pos = from;
  for (const m of refs.within(from, to)) {
    const lead = text.slice(pos, m.start);
    // "…, 10.5 years – B, 9 years – C": a term and a dash before each name.
    if (/[,;]\s*(?:and\s+)?(?:[\d.,]+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:and\s+a\s+half\s+)?(?:years?|months?|days?|лет|года|год|гадоў|гады|суток|сутак)(?:\s+[\p{L}]+){0,3}\s*[–—-]+\s*$/iu.test(lead)) {
      if (!have.includes(m.p) && !out.includes(m.p)) out.push(m.p);
      pos = m.end;
      continue;
    }
    // "…, and B to five", "…, а его заместительнице C — шесть": a separator, perhaps a role, then the name.
    const segmentStart = lead.search(/(?:,\s*(?:and|а|і|и)?|;|\s(?:and|а|і|и))\s+(?:(?:his|her|their|its|его|её|ее|их|яго|яе|іх)\s+)?(?:\p{Ll}[\p{Ll}-]*\s+)?$/u);
    if (segmentStart < 0) {
      pos = m.end;
      continue;
    }
    // The clause it opens: up to the next separator, with no verb of its own.
    const tail = /^[^,;.]*/u.exec(text.slice(m.end, to))![0];
    if (!/^\s*(?:[—–-]+\s*)?(?:(?:in|to|at|for|with|into)\s|(?:по\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|пяць|шесть|пять|шэсць|два|три|тры|чатыры|четыре|семь|сем|восемь|восем|девять|дзевяць|десять|дзесяць)(?!\p{L})|[—–])/iu.test(tail) || /(?<!\p{L})(?:was|were|is|are|has|have|had|did|said|says|told|был|была|были|быў|была|былі)(?!\p{L})/iu.test(tail)) {
      pos = m.end;
      continue;
    }
    if (!have.includes(m.p) && !out.includes(m.p)) out.push(m.p);
    pos = m.end + tail.length;
  }
  return out;
}

/** Words for people in general: a sentence about them is not about the one person a report is about. */
const PEOPLE = /(?<!\p{L})(?:they|their|them|those|many|most|some|others|people|detainees|prisoners|inmates|protesters|defendants|accused|journalists|activists|они|их|яны|іх|многие|некоторые|задержанные|заключённые|заключенные|затрыманыя|вязні)(?!\p{L})/iu;

/** A report about one person: its focus is named far more often than anyone else who could be persecuted. */
function oneFocus(ctx: Ctx): boolean {
  const focus = ctx.focus;
  if (!focus) return false;
  const others = ctx.persons.filter((p) => p !== focus && canBeVictim(p) && p.role !== 'relative').map((p) => p.mentions.length);
  return others.every((n) => focus.mentions.length >= 2 * n);
}

/**
 * A trial stated of no one ("The trial began in the district court", "The hearing was held behind
 * closed doors") is the trial of the person the report is about.
 */
function focusFallback(ctx: Ctx, trigger: Found, clause: [number, number]): boolean {
  if (trigger.type !== 'trial' || !ctx.focus) return false;
  // "The case was heard by judge X": in a report about one person, their case.
  if (trigger.rule === 'trial.case-heard') return true;
  // "The trial of 39 defendants": a trial of others.
  if (/^\s+of\s/iu.test(ctx.text.slice(trigger.end, trigger.end + 5))) return false;
  const from = ctx.text.slice(clause[0], trigger.end);
  return caseless(String.raw`^\s*(?:the|this)\s+(?:[\p{Ll}-]+\s+){0,2}(?:trial|hearing|court\s+session)(?!s)`).test(from) || (trigger.kind === 'noun' && caseless(String.raw`^\s*(?:the|this)\s+(?:[\p{Ll}-]+\s+){0,2}$`).test(ctx.text.slice(clause[0], trigger.start)) && !/s$/iu.test(ctx.text.slice(trigger.start, trigger.end)));
}

/** Words that state the type, for the detail of accounts told apart by what they describe. */
function detailFor(type: string, sentence: string, trigger: string, country: 'BY' | 'RU' | null, denied: boolean): string | null {
  const bits: string[] = [];
  if (type === 'charge' || type === 'sentence' || type === 'trial') bits.push(...findArticles(sentence, country));
  if (type === 'sentence') {
    const t = TERM.exec(sentence);
    if (t) bits.push(t[0].trim());
  }
  if (type === 'denial_of_access' || type === 'torture_allegation' || type === 'search' || type === 'travel_ban') bits.push(trigger.trim());
  if (denied) bits.push('denied by the authorities');
  return bits.length ? bits.join('; ') : null;
}

const REPORTING = /(?<!\p{L})(?:said|says|claimed|claims|told|alleged|alleges|testified|wrote|stated|according\s+to|reported|recalled|described|рассказал\S*|сообщил\S*|заявил\S*|паведамі\S*|расказа\S*)(?!\p{L})/iu;

function claimantOf(refs: References, s: Sentence, subject: ReportPerson): string | null {
  const m = REPORTING.exec(s.text);
  if (!m) return null;
  const near = refs.within(s.start, s.end).filter((x) => Math.abs(x.start - (s.start + m.index)) < 50);
  if (near.length) return near[0]!.p.name;
  if (/\b(?:he|she)\s+(?:said|claimed|told|alleged|testified|wrote|stated)\b/i.test(s.text)) return subject.name;
  return null;
}

const PLACE_TYPES = new Set(['arrest', 'detention', 'transfer', 'release', 'trial', 'death_in_custody']);

export function findEvents(ctx: Ctx, sentences: Sentence[]): ContractEvent[] {
  const out: ContractEvent[] = [];
  const refs = new References(ctx.text, ctx.persons, sentences.map((s) => s.start));
  const frames = new Frames(ctx, refs);
  const clock = new StoryClock(ctx.ref, ctx.language, ctx.firstPerson);
  sentences.forEach((s, i) => {
    const dates = clock.read(s, i, ctx.text);
    const tokens = tokenize(ctx.text, s.start, s.end);
    const cls = clauses(s);
    const seen = new Set<string>();
    let last: { persons: ReportPerson[]; end: number; clause: [number, number]; type: string } | null = null;
    frames.sentenceEnd = s.end;
    frames.sentenceStart = s.start;
    const found = triggersIn(ctx, s, tokens);
    const verbs = found.map((t) => t.start - s.start);
    for (const trigger of found) {
      const clause = clauseAt(cls, trigger.start);
      const head = ctx.text.slice(Math.max(clause[0], trigger.start - 60), trigger.start);
      // For a denial or a ban the negation is the event itself: "was not allowed to see a lawyer".
      const negative = trigger.type === 'denial_of_access' || trigger.type === 'travel_ban';
      if ((!negative && NEGATION.test(head)) || (IRREALIS.test(head) && !scheduledTrial(trigger, head, s.text)) || IRREALIS_MAY.test(head) || DEMAND.test(ctx.text.slice(clause[0], trigger.start))) continue;
      // "Similar cases have usually been heard …, and the defendants have been transferred there": what usually happens, to no one in particular.
      if (HABITUAL.test(ctx.text.slice(s.start, trigger.start))) continue;
      // "were detained and taken to the detention centre": the arrest told, no transfer of its own.
      if (trigger.rule === 'transfer.taken-to' && found.some((f) => f.type === 'arrest' && f.start < trigger.start && f.start >= clause[0])) continue;
      // "Халилов задержан не был": Russian negates after the participle too.
      if (trigger.lang === 'cyr' && /^\S*\s+не\s+(?:был|была|были|было|быў|былі)(?!\p{L})/iu.test(ctx.text.slice(trigger.start, trigger.end + 14))) continue;
      // "не пусцілі на абвяшчэнне прысуду", "not admitted to the hearing": the hearing is where the denial happened.
      if (trigger.kind === 'noun' && found.some((f) => f.type === 'denial_of_access' && f.end <= trigger.start && f.start >= clause[0])) continue;
      if (trigger.passiveOnly && !BE_BEFORE.test(ctx.text.slice(clause[0], trigger.start))) continue;
      // "Остальные получили: A — четыре года, B — три": the list after the colon, to the end of the sentence.
      let res = trigger.rule === 'sentence.received-list' ? frames.after(trigger, [trigger.end, s.end], trigger.type) : trigger.lang === 'cyr' ? frames.cyrillic(trigger, clause, trigger.type) : frames.english(trigger, clause, trigger.type);
      if (!res.persons.length && res.how !== 'relative' && trigger.lang === 'en') res = frames.around(trigger, clause, trigger.type);
      // "Дзяржабвінаваўца X прасіў чатыры гады": a demand that names no defendant is for those the report has named.
      if (!res.persons.length && trigger.lang === 'cyr' && trigger.where === 'after') res = frames.after(trigger, clause, trigger.type);
      // "was detained on 3 May and sentenced on 5 May": a verb joined to the last one shares its persons.
      if (!res.persons.length && last && trigger.lang === 'en' && trigger.kind !== 'noun' && !OWN_OBJECT.test(ctx.text.slice(trigger.end, trigger.end + 30)) && caseless(String.raw`^(?:[^.;]{0,80}?)(?:,\s*|\s+)(?:and|then|but|before|after)\s+(?:[\p{Ll}-]+\s+){0,3}$`).test(ctx.text.slice(last.end, trigger.start)) && !refs.within(last.end, trigger.start).length) {
        res = { persons: last.persons, how: 'inherited' };
      }
      // "arrested in May on charges of treason", "detained on suspicion of …": the charge of those the arrest names
      // (a sentence "on spying charges" states the conviction, not a charge of its own).
      if (!res.persons.length && last?.type === 'arrest' && trigger.type === 'charge' && trigger.lang === 'en' && (/^on\s/iu.test(ctx.text.slice(trigger.start, trigger.end)) || /(?<!\p{L})on\s+(?:[\p{L}-]+\s+){0,2}$/iu.test(ctx.text.slice(Math.max(s.start, trigger.start - 40), trigger.start))) && !refs.within(last.end, trigger.start).length) {
        res = { persons: last.persons, how: 'inherited' };
      }
      // "handcuffed and held in a cage during the January 5 session": the hearing of the clause's persons.
      if (!res.persons.length && trigger.type === 'trial' && trigger.kind === 'noun' && /(?<!\p{L})(?:during|at|in|before)\s+(?:the|a|his|her|their)\s+(?:[^\s,;]+\s+){0,3}$/iu.test(ctx.text.slice(Math.max(clause[0], trigger.start - 40), trigger.start))) res = frames.anywhere(trigger, clause, trigger.type);
      if (!res.persons.length && focusFallback(ctx, trigger, clause)) res = { persons: [ctx.focus!], how: 'focus' };
      // "Since August, the colony had refused to let the lawyer in": what was done in custody, in a report about one person, is done to them.
      if (!res.persons.length && res.how !== 'relative' && (trigger.type === 'denial_of_access' || trigger.type === 'torture_allegation') && ctx.focus && !ctx.firstPerson && !refs.within(clause[0], clause[1]).length && !PEOPLE.test(s.text) && oneFocus(ctx)) res = { persons: [ctx.focus], how: 'focus' };
      if (!res.persons.length && ctx.firstPerson && (ctx.narrator ?? ctx.focus) && res.how !== 'relative' && /(?<!\p{L})(?:i|me|my|я|мне|меня)(?!\p{L})/iu.test(ctx.text.slice(clause[0], clause[1]))) res = { persons: [(ctx.narrator ?? ctx.focus)!], how: 'testimony' };
      // Dated even when no one is named ("searched the homes of at least eight people on 6 September"): the story has dated a search.
      const { date, basis } = clock.dateOf(s, dates, trigger.start - s.start, [clause[0] - s.start, clause[1] - s.start], verbs, trigger.type);
      if (!res.persons.length) continue;
      // "A was in colony No. 15, and B — in colony No. 17"; "C received four years; D three": the names a gapped clause adds.
      const gapped = gappedAfter(refs, ctx.text, trigger.end, s.end, res.persons).filter((p) => canBeVictim(p));
      if (gapped.length) res = { persons: [...res.persons, ...gapped], how: res.how };
      last = { persons: res.persons, end: trigger.end, clause, type: trigger.type };
      if (res.persons.length > 1) refs.noteGroup(res.persons, trigger.start);
      refs.noteVictims(res.persons, trigger.start);
      const denied = DENIAL.test(s.text);
      for (const p of res.persons) {
        const key = `${trigger.type}|${p.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const claimant = trigger.type === 'torture_allegation' || trigger.type === 'denial_of_access' || denied ? claimantOf(refs, s, p) : null;
        out.push({
          type: trigger.type,
          person: p.name,
          date,
          place: PLACE_TYPES.has(trigger.type) ? findPlace(s.text, trigger.start - s.start, trigger.type === 'transfer', trigger.type === 'trial') : null,
          detail: detailFor(trigger.type, s.text, ctx.text.slice(trigger.start, trigger.end), ctx.country, denied),
          evidence: s.text,
          start: s.start,
          end: s.end,
          // A date carried over from the story or a citation is a guess: it lowers the confidence.
          confidence: Math.round(trigger.confidence * HOW_FACTOR[res.how] * (basis === 'story' || basis === 'citation' || basis === 'present' ? 0.9 : 1) * 100) / 100,
          rule: `${trigger.rule}+subject:${res.how}${basis ? `+date:${basis}` : ''}`,
          claimant,
          dateBasis: basis,
        });
      }
    }
    clock.advance(s, dates);
  });
  return out;
}
