/** The resolve stage: whether two names can be one person, and grouping mentions into persons. Pure. */
export { samePerson, comparePersons, type NameContext, type SameDecision } from './same-person.ts';
export { givenKey } from './given-match.ts';
export { clusterNames, blockingKeys, blocksMeet, normaliseName } from './cluster.ts';
export { parseName, type ParsedName } from './parse-name.ts';
export { toLatin, foldSpelling, skeleton, tokenKeys } from './phonetic.ts';
export { latinVariants, transliterate, type TranslitTable } from './translit/index.ts';
