/**
 * Arabic names in Latin letters: given name, father's name (bin, ibn), family name with its article
 * (al-Assad, Al Saud). Spellings differ mostly in vowels (Gaddafi, Qadhafi, Kadhafi; Salih, Saleh), so
 * two names meet as consonant skeletons (abjad.ts), word by word; two chains of fathers that do not
 * line up name two men. Names in Arabic script are read by scriptSkeletons in abjad.ts.
 */
import { arabicGiven } from '../given-match.ts';
import { givenNamesDiffer, middlesDiffer } from '../name-words.ts';
import { surnameGender, type ParsedName } from '../parse-name.ts';
import { SON_OF, abjadSame, arabicKeys } from './abjad.ts';
import type { NameTradition } from './tradition.ts';

/** Arabic naming marks in a Latin name: bin/ibn/abu/abd, an al-/el- article, or a name of the Arabic rows. */
export function arabicLooking(p: ParsedName): boolean {
  // Any word of the Arabic rows, since many Arab family names are given names (Naim Qassem, Saddam Hussein).
  // Names built on Arabic -uddin, -ullah (Jalaluddin, Hibatullah) too, whose second word is the father's name.
  return p.tokens.some((t) => /^(bin|ibn|bint|abu|abd|abdel|abdul|al|el)$|^(al|el)-|.{3}(uddin|uddine|eddine|ud-din|ullah|ollah|allah)$/i.test(t) || arabicGiven(t));
}

const RECOGNISED = new WeakMap<ParsedName, boolean>();
/** The surname's form says woman (Ivanova, Yunusova). */
const femaleForm = (p: ParsedName) => surnameGender(p.surname!) === 'f';
const chain = (p: ParsedName) => p.tokens.some((t) => SON_OF.test(t));

export const arabic: NameTradition = {
  name: 'Arabic',
  recognise(p) {
    let r = RECOGNISED.get(p);
    if (r === undefined) RECOGNISED.set(p, (r = arabicLooking(p)));
    return r;
  },
  compare(a, b, { bonus }) {
    // A skeleton drops the v of a Russian -ov, so the surnames' forms must not say woman on one side only (Yunus, Yunusova).
    const full = a.tokens.length > 1 && b.tokens.length > 1;
    if (full && femaleForm(a) === femaleForm(b) && !middlesDiffer(a, b, true) && !givenNamesDiffer(a, b) && abjadSame(a.tokens, b.tokens)) return { same: true, score: Math.min(1, 0.8 + bonus) };
    // Two chains of fathers (bin, ibn) that the skeletons cannot line up name two men, whatever their family names share.
    if (chain(a) && chain(b)) return { same: false, score: 0.3 };
    return null;
  },
  keys: arabicKeys,
  traits: { arabicNames: true },
};
