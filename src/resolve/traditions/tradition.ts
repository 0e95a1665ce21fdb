/**
 * What a naming tradition tells the matcher. same-person.ts holds the rule that fits most names
 * (surnames agree, given names agree, nothing contradicts); a tradition says how its own names
 * differ from that rule, through four questions, each optional but the first:
 *
 * - recognise: is this name written in the tradition? (cheap; asked once per name and kept)
 * - parse: the other forms the tradition gives the same name (the nominative of a declined
 *   Russian name, a Spanish name without its married "de X"), each weighed below the name as written;
 * - compare: the tradition's own verdict on two names, when one of them is its own, or null to
 *   leave them to the general rule (Burmese names are all their syllables; Ivanov is not Ivanova);
 * - keys: blocking keys, so that clustering compares names the general keys would keep apart.
 *
 * Traditions are registered, in the order they are asked, in traditions/index.ts.
 */
import type { ParsedName } from '../parse-name.ts';

export interface SameDecision {
  same: boolean;
  score: number;
}

/** Another form of a name, and how much less sure a match through it is (1 = as sure as the name as written). */
export interface Reading {
  name: ParsedName;
  weight: number;
}

/** What a tradition's compare knows of the general rule's context. */
export interface Judge {
  /** Added to a match's score when both names come with the same role. */
  bonus: number;
  /** Both names come with roles that share no word: a match resting on part of a name is vetoed. */
  rolesClash: boolean;
  /**
   * The rule on two names as if the tradition had not been asked: for a tradition that reads one
   * word otherwise (an Armenian surname's other spelling) and leaves the rest to the rule.
   */
  general(a: ParsedName, b: ParsedName): SameDecision;
}

/**
 * How the general rule must read the words of a tradition's names. Where either name is of a
 * tradition with a trait, the rule reads both names so.
 */
export interface Traits {
  /**
   * Words are read as Arabic names are: the word after the given name is the father's name, so a
   * shorter name is not known by it (Hafez al-Assad is not Bashar Hafez al-Assad); given names get
   * no spelling slack beyond the table and the sound keys, since one letter makes another name
   * (Abdulkhaliq, Abdulmalik); middle words meet as consonant skeletons, and a word before al-Din
   * is one name with it (Badr al-Din = Badreddine).
   */
  arabicNames?: boolean;
}

export interface NameTradition {
  /** A short name, for the list and for tests. */
  readonly name: string;
  recognise(p: ParsedName): boolean;
  parse?(p: ParsedName): Reading[];
  compare?(a: ParsedName, b: ParsedName, judge: Judge): SameDecision | null;
  keys?(p: ParsedName): string[];
  readonly traits?: Traits;
}
