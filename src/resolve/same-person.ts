/**
 * Can two names, as written in reports, be the same person? Surnames must agree (by spelling key
 * or a small edit distance, after case endings), given names must agree when both are written
 * (equivalence table, phonetic key, or initial), and a female and a male surname form differ.
 */
import { GIVEN_NAME_GROUPS } from './given-names.ts';
import { editDistance, foldSpelling, skeleton, toLatin } from './phonetic.ts';
import { parseName, stripCaseEnding, type ParsedName } from './parse-name.ts';

export interface NameContext {
  role?: string | null;
  birthYear?: number | null;
  country?: string | null;
}

export interface SameDecision {
  same: boolean;
  score: number;
}

const GIVEN_GROUP = new Map<string, number>();
GIVEN_NAME_GROUPS.forEach((g, i) => g.forEach((n) => GIVEN_GROUP.set(foldSpelling(toLatin(n)), i)));

/** The equivalence group of a given name, or its own folded spelling. */
export function givenKey(name: string): string {
  const f = foldSpelling(toLatin(name));
  const g = GIVEN_GROUP.get(f);
  return g === undefined ? `=${f}` : `#${g}`;
}

function givenAgree(a: string, b: string): number {
  if (givenKey(a) === givenKey(b)) return 1;
  const fa = foldSpelling(toLatin(a));
  const fb = foldSpelling(toLatin(b));
  if (skeleton(a) === skeleton(b) && fa[0] === fb[0]) return 0.9;
  if (fa.length >= 5 && editDistance(fa, fb, 1) <= 1) return 0.8;
  return 0;
}

function surnameVariants(s: string): string[] {
  return stripCaseEnding(s).map((v) => foldSpelling(toLatin(v)));
}

export function surnameAgree(a: string, b: string): number {
  const va = surnameVariants(a);
  const vb = surnameVariants(b);
  let best = 0;
  for (const x of va) {
    for (const y of vb) {
      if (x === y) return 1;
      if (x.length === 0 || y.length === 0) continue;
      if (skeleton(x) === skeleton(y) && x[0] === y[0]) best = Math.max(best, 0.9);
      else if (Math.min(x.length, y.length) >= 6 && editDistance(x, y, 1) <= 1) best = Math.max(best, 0.8);
    }
  }
  return best;
}

/** A single-token name may be a surname ("Lukashenka") or a given name ("Milana"). */
function singleTokenAgainst(single: ParsedName, full: ParsedName): number {
  const token = single.surname!;
  const asSurname = full.surname ? surnameAgree(token, full.surname) : 0;
  const asGiven = full.given ? givenAgree(token, full.given) * 0.85 : 0;
  return Math.max(asSurname * 0.85, asGiven);
}

export function comparePersons(a: ParsedName, b: ParsedName, ctxA: NameContext = {}, ctxB: NameContext = {}): SameDecision {
  if (!a.surname || !b.surname) return { same: false, score: 0 };
  if (ctxA.birthYear && ctxB.birthYear && ctxA.birthYear !== ctxB.birthYear) return { same: false, score: 0.05 };
  if (a.gender && b.gender && a.gender !== b.gender) return { same: false, score: 0.1 };
  const aSingle = a.tokens.length === 1;
  const bSingle = b.tokens.length === 1;
  if (aSingle && bSingle) {
    const s = Math.max(surnameAgree(a.surname, b.surname), givenAgree(a.surname, b.surname));
    return { same: s >= 0.8, score: s * 0.8 };
  }
  if (aSingle || bSingle) {
    const s = aSingle ? singleTokenAgainst(a, b) : singleTokenAgainst(b, a);
    return { same: s >= 0.68, score: s * 0.85 };
  }
  const sur = surnameAgree(a.surname, b.surname);
  if (sur === 0) return { same: false, score: 0.1 * Math.max(givenAgree(a.given ?? '', b.given ?? ''), 0) };
  let score = sur;
  if (a.given && b.given) {
    const g = givenAgree(a.given, b.given);
    if (g === 0) return { same: false, score: 0.3 };
    score *= g;
  } else {
    const ia = a.initial ?? (a.given ? foldSpelling(toLatin(a.given))[0] : null);
    const ib = b.initial ?? (b.given ? foldSpelling(toLatin(b.given))[0] : null);
    if (ia && ib && ia !== ib) return { same: false, score: 0.3 };
    score *= 0.85;
  }
  if (a.patronymic && b.patronymic) {
    if (givenAgree(a.patronymic, b.patronymic) === 0 && surnameAgree(a.patronymic, b.patronymic) === 0) return { same: false, score: 0.3 };
    score = Math.min(1, score + 0.05);
  }
  return { same: score >= 0.6, score };
}

export function samePerson(a: string, b: string, ctxA: NameContext = {}, ctxB: NameContext = {}): SameDecision {
  const r = comparePersons(parseName(a), parseName(b), ctxA, ctxB);
  return { same: r.same, score: Math.round(Math.max(0, Math.min(1, r.score)) * 10000) / 10000 };
}
