/**
 * Given names against the equivalence table (given-names.ts): the table decides when it knows both
 * names; otherwise phonetic keys, English long vowels, or one edit between long names.
 */
import { ARABIC_GIVEN_NAME_GROUPS, EAST_SLAVIC_GIVEN_NAME_GROUPS, GIVEN_NAME_GROUPS } from './given-names.ts';
import { editDistance, foldSpelling, tokenKeys, toLatin } from './phonetic.ts';
import { typoClose } from './typos.ts';

/** Spelling as written (Latin letters only) → the rows of GIVEN_NAME_GROUPS it belongs to. */
const GIVEN_SPELT = new Map<string, number[]>();
/** Folded spelling → rows, for spellings the table does not hold; folding joins Ghassan with Hassan. */
const GIVEN_GROUPS = new Map<string, number[]>();
/** Loose key → rows, consulted only when the exact folded spelling is not in the table. */
const GIVEN_GROUPS_LOOSE = new Map<string, number[]>();
const addRow = (map: Map<string, number[]>, k: string, i: number) => {
  const rows = map.get(k) ?? [];
  if (!rows.includes(i)) rows.push(i);
  map.set(k, rows);
};
GIVEN_NAME_GROUPS.forEach((g, i) =>
  g.forEach((n) => {
    addRow(GIVEN_SPELT, spelt(n), i);
    addRow(GIVEN_GROUPS, foldSpelling(toLatin(n)), i);
    for (const k of tokenKeys(n)) addRow(GIVEN_GROUPS_LOOSE, k, i);
  }),
);

/** The first letters of each row's folded spellings. */
const GIVEN_FIRSTS = GIVEN_NAME_GROUPS.map((g) => new Set(g.map((n) => foldSpelling(toLatin(n))[0])));

/** A name's Latin letters as written, nothing folded. */
export function spelt(name: string): string {
  return toLatin(name).replace(/[^a-z]/g, '');
}

export function givenRows(name: string): number[] | undefined {
  const exact = GIVEN_SPELT.get(spelt(name)) ?? GIVEN_GROUPS.get(foldSpelling(toLatin(name)));
  if (exact) return exact;
  // A loose key is a sound, and short sounds are shared (José and Aisha both give "asa"): a row counts
  // only if one of its spellings opens with the same letter.
  const first = foldSpelling(toLatin(name))[0];
  for (const k of tokenKeys(name)) {
    const rows = GIVEN_GROUPS_LOOSE.get(k)?.filter((r) => GIVEN_FIRSTS[r]!.has(first!));
    if (rows?.length) return rows;
  }
  return undefined;
}

/** An East Slavic given name (the first rows of the table): its bearer's -ov is not a Russified addition. */
export function eastSlavicGiven(name: string | null | undefined): boolean {
  return !!name && (givenRows(name) ?? []).some((r) => r < EAST_SLAVIC_GIVEN_NAME_GROUPS.length);
}

/** One key per given name for blocking and indexing: its first equivalence row, or its own spelling. */
export function givenKey(name: string): string {
  const rows = givenRows(name);
  return rows ? `#${rows[0]}` : `=${foldSpelling(toLatin(name))}`;
}

function keysMeet(a: string, b: string): boolean {
  const kb = tokenKeys(b);
  return tokenKeys(a).some((k) => kb.includes(k));
}

/** `fuzzy` allows one edit between long unknown names; not for Arabic names, where Abdulkhaliq and Abdulmalik are one edit apart. */
export function givenAgree(a: string, b: string, fuzzy = true): number {
  const ra = givenRows(a);
  const rb = givenRows(b);
  if (ra && rb) return ra.some((r) => rb.includes(r)) ? 1 : 0; // both known: the table decides
  if (keysMeet(a, b)) return 0.9;
  // English spelling writes a long i or u as ee or oo: Nabeel = Nabil, Rasheed = Rashid, Yousouf.
  const plain = (s: string) => toLatin(s).replace(/ee/g, 'i').replace(/oo/g, 'u');
  if ((/ee|oo/.test(toLatin(a)) || /ee|oo/.test(toLatin(b))) && keysMeet(plain(a), plain(b))) return 0.85;
  const fa = foldSpelling(toLatin(a));
  const fb = foldSpelling(toLatin(b));
  // Not at the end, where -a makes a woman's name of a man's (Stanislav, Stanislava).
  if (fuzzy && !ra && !rb && fa.length >= 6 && fa.at(-1) === fb.at(-1) && editDistance(fa, fb, 1) <= 1) return 0.7;
  // A slip of typing in one of them: against the other as written, or against a spelling of its row
  // (Dzmirty, Дмитрий). As sure as a surname's slip: a word with a slip meets no lone word (0.74 < 0.75).
  if (fuzzy && (typoClose(a, b, 'given') || ((!ra || !rb) && (ra ?? slipRows(a)).some((r) => (rb ?? slipRows(b)).includes(r))))) return 0.74;
  return 0;
}

/** Table spellings by their first Latin letter, for finding the rows a name is a slip away from. */
const SPELT_BY_FIRST = new Map<string, string[]>();
for (const n of new Set(GIVEN_NAME_GROUPS.flat())) {
  const first = spelt(n)[0];
  if (first) SPELT_BY_FIRST.set(first, [...(SPELT_BY_FIRST.get(first) ?? []), n]);
}
const SLIP_ROWS = new Map<string, number[]>();
/** The rows of the table spellings a name the table does not hold is one slip of typing from (Dzmirty: Dzmitry's row). */
function slipRows(name: string): number[] {
  let rows = SLIP_ROWS.get(name);
  if (!rows) {
    const s = spelt(name);
    const near = (SPELT_BY_FIRST.get(s[0] ?? '') ?? []).filter((n) => Math.abs(spelt(n).length - s.length) <= 1 && typoClose(name, n, 'given'));
    rows = [...new Set(near.flatMap((n) => GIVEN_SPELT.get(spelt(n)) ?? []))];
    if (SLIP_ROWS.size > 100_000) SLIP_ROWS.clear();
    SLIP_ROWS.set(name, rows);
  }
  return rows;
}

const ARABIC_ROWS_FROM = GIVEN_NAME_GROUPS.length - ARABIC_GIVEN_NAME_GROUPS.length;

/** The rows a spelling is in as written, no folding or loose keys: José must not read as Aisha. */
function speltRows(name: string): number[] {
  return GIVEN_SPELT.get(spelt(name)) ?? [];
}

/** A given name the Arabic rows hold as spelt. */
export function arabicGiven(name: string): boolean {
  return speltRows(name).some((r) => r >= ARABIC_ROWS_FROM);
}

const MUHAMMAD = givenRows('Muhammad')!;
/** Muhammad, Mohammed, Mehmet, Magomed… as spelt. */
export function isMuhammad(name: string): boolean {
  return speltRows(name).some((r) => MUHAMMAD.includes(r));
}

/** A given name the table holds as written (Светлана, Илья): a name in the nominative already. */
export function knownAsWritten(name: string): boolean {
  return GIVEN_GROUPS.has(foldSpelling(toLatin(name)));
}

/**
 * A short form that is the start of the full given name, as lists and the press write it: Kuda for
 * Kudakwashe, Siraj for Sirajuddin; not the first part of a double name. The rest must not be a
 * name of its own (Mohammad is not Mohammadreza) nor a woman's ending (Christ-ina), and the table,
 * when it knows both, decides instead.
 */
export function shortGiven(a: string, b: string): boolean {
  // A part of a double name is another matter: Emir is not Emir-Usein.
  if (/[-‐\s]/.test(a) || /[-‐\s]/.test(b)) return false;
  const [short, long] = [spelt(a), spelt(b)].sort((x, y) => x.length - y.length) as [string, string];
  if (short.length < 4 || long.length - short.length < 3 || !long.startsWith(short) || /a$/.test(long)) return false;
  // Abdul and Abu open a name and are none alone: Abdul Khaliq is not Abdulmalik.
  if (/^(abd[aeiou]?l?|abo?u)$/.test(short)) return false;
  if (givenRows(a) && givenRows(b)) return false;
  const rest = long.slice(short.length);
  return !givenRows(rest) && !arabicGiven(short) && !arabicGiven(long);
}
