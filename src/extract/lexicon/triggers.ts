/**
 * Trigger patterns per event type, as data. Each row names its rule (shown by --explain) and a
 * base confidence. Patterns are verb classes and set phrases that hold for any report; they are
 * matched case-insensitively against one sentence.
 */
import type { EventType } from '../../schema/taxonomy.ts';

export interface TriggerRule {
  rule: string;
  type: EventType;
  pattern: RegExp;
  confidence: number;
  /** The subject is the person named right after the trigger ("the release of A and B"). */
  subjectAfter?: boolean;
  /** The trigger opens with a passive auxiliary: the word before it must be able to be a person. */
  passive?: boolean;
  /** A second verb of a clause ("was detained … and then transferred"): its subject opens the clause. */
  coordinated?: boolean;
}

// JavaScript's \b knows only ASCII letters: in Cyrillic rules a word start is "no letter before".
const r = (type: EventType, rule: string, source: string, confidence = 0.8, flags: Pick<TriggerRule, 'subjectAfter' | 'passive' | 'coordinated'> = {}): TriggerRule => ({
  rule: `${type}.${rule}`,
  type,
  pattern: new RegExp(rule === 'ru' ? source.replace(/\\b/g, '(?<!\\p{L})') : source, 'iu'),
  confidence,
  ...flags,
});
const PASSIVE = { passive: true };
const OBJECT = { subjectAfter: true };
const COORDINATED = { coordinated: true };

/** Countries people flee to from Belarus and Russia, as data (the trigger needs a destination). */
const EXILE_DESTINATIONS = `(?:${['lithuania', 'poland', 'ukraine', 'latvia', 'estonia', 'finland', 'georgia', 'armenia', 'kazakhstan', 'kyrgyzstan', 'uzbekistan', 'azerbaijan', 'turkey', 'israel', 'serbia', 'montenegro', 'germany', 'france', 'czech\\s+republic', 'czechia', 'netherlands', 'sweden', 'norway', 'united\\s+states', 'uk', 'united\\s+kingdom', 'canada', 'europe', 'the\\s+west'].join('|')})`;

export const TRIGGERS: TriggerRule[] = [
  // arrest
  r('arrest', 'passive-verb', String.raw`\b(?:was|were|been|being|got|is|are|had been|have been)\s+(?:\w+\s+){0,2}(?:arrested|detained|seized|picked up|apprehended|taken into custody|rounded up)\b`, 0.85, PASSIVE),
  r('arrest', 'active-verb', String.raw`\b(?:arrested|detained|seized|apprehended)\s+(?:him|her|them|the\s+\w+|[A-ZА-Я]\w+)`, 0.75),
  r('arrest', 'relative-clause', String.raw`\bwho\s+was\s+(?:\w+\s+)?(?:arrested|detained|jailed)\b`, 0.8),
  r('arrest', 'noun', String.raw`\b(?:his|her|their)\s+(?:arrest|detention)\s+(?:on|in)\b`, 0.6),
  r('arrest', 'nominal-of', String.raw`\b(?:arrest|detention)\s+of\b`, 0.6, OBJECT),
  // "Among those detained were A, B and C."
  r('arrest', 'among-those', String.raw`\bamong\s+(?:those|the\s+(?:people|activists|journalists|protesters))\s+(?:detained|arrested)\s+(?:were|are|was|is)\b`, 0.75, OBJECT),
  r('arrest', 'ru', String.raw`\b(?:задержа(?:н|ли|на|ны)|арестова(?:н|ли|на|ны)|затрыма(?:ны|лі|ная|ць)|взят(?:ы|а)?\s+под\s+стражу|помещ(?:ён|ен|ена|ены)\s+в\s+(?:ИВС|СИЗО|изолятор))`, 0.8),
  // detention
  r('detention', 'held', String.raw`\b(?:is|was|were|are|being|been|remains?|remained)\s+(?:\w+\s+){0,2}(?:held|kept|imprisoned|incarcerated|jailed|behind bars)\b`, 0.8, PASSIVE),
  r('detention', 'remain-custody', String.raw`\b(?:remains?|remained|still)\s+(?:in\s+)?(?:custody|detention|prison|jail)\b`, 0.8),
  r('detention', 'pretrial', String.raw`\bin\s+(?:pre-?trial\s+)?detention\b|\bbehind bars\b|\bin custody\b`, 0.6),
  r('detention', 'house-arrest', String.raw`\b(?:placed|put|kept|remains?|is|was)\s+under\s+house\s+arrest\b`, 0.75),
  r('detention', 'ru', String.raw`\b(?:содерж(?:ится|ался|алась)|находится\s+в\s+(?:СИЗО|колонии|изоляторе)|под\s+стражей|под\s+домашним\s+арестом|знаходзіцца\s+ў\s+(?:СІЗА|калоніі))`, 0.75),
  // transfer
  r('transfer', 'verb', String.raw`\b(?:was|were|been|had been|has been)\s+(?:\w+\s+)?(?:transferred|moved|taken|transported|sent)\s+(?:back\s+)?(?:to|from)\b`, 0.8, PASSIVE),
  // "detained on 16 November and then transferred to SIZO No. 8": a participle sharing the subject.
  r('transfer', 'coordinated', String.raw`\b(?:and|then|later|subsequently)\s+(?:was\s+|were\s+)?(?:later\s+|then\s+|subsequently\s+)?(?:transferred|moved|transported)\s+(?:back\s+)?to\b`, 0.75, COORDINATED),
  r('transfer', 'ru', String.raw`\b(?:этапирова(?:н|ли|на)|перевед(?:ён|ен|ена|ли)|этапирова(?:ны)|перавезлі|этапавалі)`, 0.8),
  // charge
  r('charge', 'charged', String.raw`\b(?:charged|indicted|accused|suspected|prosecuted)\s+(?:\w+\s+){0,2}(?:with|of|under|in)\b`, 0.8),
  r('charge', 'an-accused', String.raw`\b(?:is|was)\s+(?:an?\s+)?(?:accused|suspect|defendant)\s+in\b`, 0.75),
  r('charge', 'case-opened', String.raw`\b(?:criminal\s+case|charges?)\s+(?:was|were|has been|had been)\s+(?:opened|brought|filed)\s+against\b`, 0.7),
  r('charge', 'opened-against', String.raw`\b(?:opened|initiated|instituted|brought)\s+(?:a\s+)?(?:criminal\s+(?:case|proceedings)|charges?)\s+against\b`, 0.7, OBJECT),
  r('charge', 'ru', String.raw`\b(?:обвиня(?:ется|ют)|предъявлено\s+обвинение|подозрева(?:ется|ют)|возбу(?:дили|ждено)\s+уголовное\s+дело|обвин(?:ён|ен|ена)\s+в|абвінавачва(?:юць|ецца))`, 0.8),
  // trial
  r('trial', 'hearing', String.raw`\b(?:trial|hearing|court\s+session|session)\b[^.]{0,60}\b(?:court|judge)\b|\b(?:court|judge)\b[^.]{0,60}\b(?:trial|hearing|session)\b`, 0.7),
  r('trial', 'went-on-trial', String.raw`\b(?:went|goes|stood|stands|put)\s+on\s+trial\b|\btrial\s+(?:began|started|opened|of)\b`, 0.75),
  r('trial', 'ru', String.raw`\b(?:судебное\s+заседание|суд\s+над|начался\s+суд|судебн\S+\s+процесс|пачаўся\s+суд)`, 0.7),
  // sentence
  r('sentence', 'sentenced', String.raw`\b(?:sentenced|convicted|found\s+guilty|jailed\s+for|given\s+(?:\w+\s+){0,3}(?:years?|months?)|fined)\b`, 0.85),
  r('sentence', 'received-term', String.raw`\b(?:received|got|handed|was\s+given|were\s+given)\s+(?:a\s+)?(?:[\w-]+[- ]){0,3}(?:years?|months?)(?:[- ]long)?\s+(?:prison\s+|jail\s+|colony\s+)?(?:sentence|term)\b`, 0.8),
  r('sentence', 'among-those', String.raw`\bamong\s+(?:those|the\s+(?:people|activists|journalists|defendants))\s+(?:sentenced|convicted|jailed)\s+(?:were|are|was|is)\b`, 0.75, OBJECT),
  r('sentence', 'ru', String.raw`\b(?:приговор(?:ил|ён|ен|ена)|осуж(?:дён|ден|дена)|оштрафова(?:н|на|ны|ли)|признан(?:а|ы)?\s+виновн|асуджан(?:ы|а|ая)|прысудзіў)`, 0.85),
  // release
  r('release', 'released', String.raw`\b(?:was|were|been|being|has been|had been|got)\s+(?:\w+\s+){0,2}(?:released|freed|pardoned|let out|let go)\b`, 0.85, PASSIVE),
  r('release', 'coordinated', String.raw`\b(?:and|then|but)\s+(?:was\s+|were\s+)?(?:later\s+|subsequently\s+|then\s+|eventually\s+|soon\s+)?(?:released|freed)\b`, 0.75, COORDINATED),
  r('release', 'released-active', String.raw`\b(?:released|freed|pardoned)\s+(?:him|her|them)\b|\b(?:released|freed)\s+(?:from|on)\b`, 0.75),
  r('release', 'walked-free', String.raw`\b(?:walked|walks)\s+free\b|\bwas\s+set\s+free\b|\bserved\s+(?:his|her|their)\s+(?:full\s+)?(?:sentence|term)\s+and\s+(?:was\s+)?(?:released|freed)\b`, 0.8),
  r('release', 'among-those', String.raw`\bamong\s+(?:those|the\s+(?:people|prisoners|detainees))\s+(?:released|freed|pardoned)\s+(?:were|are|was|is)\b`, 0.75, OBJECT),
  r('release', 'until-released', String.raw`\buntil\b[^.]{0,40}\b(?:when|after)\s+(?:he|she|they)\s+(?:was|were)\s+(?:released|freed)`, 0.8),
  // "securing the release of A and B": the event of the named object.
  r('release', 'nominal-of', String.raw`\b(?:release|freeing|liberation)\s+of\b`, 0.65, OBJECT),
  r('release', 'ru', String.raw`\b(?:освобо(?:ждён|жден|ждена|дили)|выпущен|отпущен|вызвалены|вызвалілі|выш(?:ел|ла|ли)\s+на\s+свободу|помилова(?:н|на|ли))`, 0.85),
  // torture / ill-treatment
  r('torture_allegation', 'tortured', String.raw`\b(?:tortured|torture|beaten|beat\s+(?:him|her|them)|ill-?treat|abused|stripped(?:\s+naked)?|hung\s+by|stress\s+positions?|naked\s+in\s+the\s+cold|out\s+into\s+the\s+cold|stand\s+(?:outside\s+)?naked|on\s+a\s+stretch|electric\s+shocks?|suffocat|kicked|punched)\b`, 0.75),
  r('torture_allegation', 'ru', String.raw`\b(?:пытк|избива|изби(?:ли|т)|издевательств|катаванн|збіл(?:і|а))`, 0.75),
  // search
  r('search', 'searched', String.raw`\b(?:searched|raided|search(?:es)?\s+(?:of|in|at)|raids?\s+on|confiscat(?:ed|ing)|seized\s+(?:his|her|their|two|the)?\s*(?:\w+\s+)?(?:laptops?|computers?|phones?|equipment|documents))\b|\bwarrants?\b`, 0.75),
  r('search', 'ru', String.raw`\b(?:обыск|изъяли|конфискова|ператрус|вобшук)`, 0.75),
  // travel ban
  r('travel_ban', 'border', String.raw`\b(?:prohibited|banned|barred|forbidden|not\s+allowed)\s+(?:from\s+)?(?:to\s+)?(?:cross(?:ing)?\s+the\s+border|leav(?:e|ing)\s+the\s+country|travel(?:l?ing)?\s+abroad)|\btravel\s+ban\b|\bexit\s+ban\b`, 0.85),
  r('travel_ban', 'ru', String.raw`\b(?:запрет\s+на\s+выезд|не\s+выпустили\s+из\s+страны)`, 0.8),
  // flight abroad
  r('flight_abroad', 'fled', String.raw`\b(?:fled|escaped|left)\s+(?:the\s+country|belarus|russia|abroad|(?:to|for)\s+(?:the\s+)?${EXILE_DESTINATIONS})\b|\bleave\s+the\s+country\b|\bsafe\s+(?:location|place)\s+abroad\b|\bin\s+exile\b|\bflees\b`, 0.8),
  r('flight_abroad', 'emigrated', String.raw`\b(?:emigrated|moved\s+abroad|forced\s+(?:into\s+exile|to\s+(?:leave|flee)\s+(?:the\s+country|belarus|russia)))\b`, 0.75),
  r('flight_abroad', 'ru', String.raw`\b(?:уехал\s+из\s+страны|покинул\s+(?:страну|Беларусь|Россию)|в\s+эмиграции|эмигрировал|выехал(?:а|и)?\s+из\s+(?:страны|Беларуси|России)|уехал(?:а|и)\s+из\s+страны|з'ехаў|выехаў)`, 0.8),
  // denial of access
  r('denial_of_access', 'lawyer', String.raw`\b(?:denied|refused|not\s+allowed|was\s+not\s+allowed|were\s+not\s+allowed|no)\s+(?:\w+\s+){0,3}(?:access|lawyer|visits?|meeting|parcels?|letters|medical\s+(?:care|help|treatment))\b|\bno\s+information\b|\b(?:no-?one|nobody|no\s+one)\s+(?:has|have|had|was|were|is)?\s*(?:yet\s+)?(?:been\s+)?(?:allowed|permitted|able|managed)\s+to\s+(?:see|visit|meet|get\s+a\s+(?:meeting|visit)|talk\s+to|speak\s+to|contact)\b|\bnot\s+(?:been\s+)?(?:allowed|permitted)\s+to\s+(?:see|visit|meet|call|receive|send|write|correspond)\b`, 0.7),
  r('denial_of_access', 'ru', String.raw`\b(?:отказ(?:ывают|али)\s+в\s+(?:свидани|встреч|адвокат)|не\s+пуска(?:ют|ли)\s+адвоката|не\s+допуска(?:ют|ли)\s+адвоката|без\s+права\s+переписки|не\s+даю(?:т)?\s+свидани)`, 0.75),
  // death in custody
  r('death_in_custody', 'died', String.raw`\bdied\s+(?:in|while\s+in)\s+(?:custody|prison|detention|jail|a\s+(?:penal\s+)?colony)\b`, 0.85),
  r('death_in_custody', 'found-dead', String.raw`\b(?:found\s+dead|died)\s+in\s+(?:his|her|a|the)\s+(?:cell|prison\s+cell|penal\s+colony|colony|pre-?trial\s+detention\s+(?:centre|center))\b`, 0.8),
  r('death_in_custody', 'ru', String.raw`\b(?:умер|скончался|погиб)\s+в\s+(?:колонии|СИЗО|тюрьме)`, 0.85),
];

/** A trigger preceded by these is not an event of its type. */
// Word starts by "no letter before", so that the Russian "не" counts too.
export const NEGATION = /(?<!\p{L})(?:not|never|no\s+longer|n[’']t|wasn[’']t|weren[’']t|hasn[’']t|hadn[’']t|neither|nor|не|ни)\s+(?:[\p{L}’'-]+\s+){0,2}$/iu;
/** A sentence in the future or a mere possibility: "faces up to 15 years", "could be arrested". */
export const IRREALIS = /\b(?:faces?|facing|could|might|would|will|shall|threaten(?:ed|s)?\s+(?:with|to)|risks?|expected\s+to|going\s+to|if|unless|whether|in\s+case)\s+(?:\w+\s+){0,3}$/iu;
/** Negation inside the trigger itself: "was not released", "has never been charged". */
export const INNER_NEGATION = /\b(?:not|never|no\s+longer)\b|n[’']t\b/iu;
/** The modal "may", told from the month by its case. */
export const IRREALIS_MAY = /\bmay\s+(?:\w+\s+){0,3}$/u;
/** A denial by an authority: the claim is kept, but as a denial, not as the event. */
export const DENIAL = /\b(?:denied|deny|denies|rejected\s+(?:claims|allegations))\b/iu;

/**
 * What makes a torture allegation an account of its own rather than a passing mention ("his claim
 * of torture", "after his torture"): a method, an agent ("by masked men") or a date. Handcuffs
 * alone are restraint, not ill-treatment, so they are no trigger, but they count as a method.
 */
export const TORTURE_SPECIFIC = /\b(?:beaten|beat\s+(?:him|her|them)|stripped|naked|hung\s+by|stress\s+positions?|(?:in|into)\s+the\s+cold|on\s+a\s+stretch|handcuff\w*|electric\s+shocks?|suffocat\w*|kicked|punched|(?:tortured|beaten|abused)\s+by|pulled\s+\w+\s+arms|forced\s+to\s+(?:stand|sleep|kneel|squat)|sleep\s+deprivation|cold\s+cell|overcrowded)\b|пытал\S*\s+электро|избива\S*/iu;
