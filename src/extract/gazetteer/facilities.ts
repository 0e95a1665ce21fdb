/**
 * Places of detention, as data: named facilities with aliases, then generic patterns (SIZO No. 1,
 * penal colony No. 15, "pre-trial detention centre in Minsk"), then courts.
 */
export interface Facility {
  name: string;
  aliases: RegExp;
}

export const FACILITIES: Facility[] = [
  { name: 'KGB pre-trial detention centre "Amerikanka", Minsk', aliases: /\bamerikanka\b|американк|\bKGB\s+(?:pre-?trial\s+)?(?:detention\s+(?:centre|center|facility)|jail|prison)\b|СИЗО\s+КГБ/iu },
  { name: 'Pre-trial detention centre No. 1 (Valadarskaha St), Minsk', aliases: /\b(?:SIZO|pre-?trial\s+detention\s+(?:centre|center))\s+(?:No\.?\s*|#|№\s*)1\b|\bValadarskaha\b|\bVolodarsk(?:y|ogo)\b|СИЗО\s*(?:№\s*)?1\b/iu },
  { name: 'Akrestsina detention centre, Minsk', aliases: /\bAkrest(?:s|)ina\b|\bOkrest(?:s|)ina\b|Окрестин|Акрэсцін/iu },
  { name: 'Lefortovo pre-trial detention centre, Moscow', aliases: /\bLefortovo\b|Лефортов/iu },
  { name: 'Matrosskaya Tishina pre-trial detention centre, Moscow', aliases: /\bMatrosskaya\s+Tishina\b|Матросская\s+тишина/iu },
  { name: 'Butyrka prison, Moscow', aliases: /\bButyrka\b|Бутырк/iu },
];

/** Courts by district, city or region: the place of a trial. */
export const COURT_PATTERN = /\b(?:the\s+)?\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?\s+(?:District|City|Regional|Supreme|Military)\s+[Cc]ourt\b|\b(?:Minsk|Moscow|Hrodna|Grodno|Brest|Homel|Gomel|Viciebsk|Vitebsk|Mahiliou|Mogilev)[’']s\s+\p{Lu}[\p{L}-]+\s+District\s+[Cc]ourt\b/u;

/** Generic facility phrases; the matched text itself is the place. */
export const FACILITY_PATTERNS: RegExp[] = [
  /\b(?:(?:another|the\s+first|the|a)\s+)?(?:(?!(?:In|At|On|The|A|An|He|She|His|Her|They|Their)\s)\p{Lu}[\p{L}-]+\s+(?:(?:regional|city|district)\s+)?)?(?:KGB\s+)?(?:pre-?trial\s+detention\s+(?:centre|center|facility)|detention\s+(?:centre|center|facility)|temporary\s+detention\s+(?:centre|center|facility)|remand\s+prison|SIZO)(?:\s+(?:No\.?\s*|#|№\s*)\d+)?(?:\s+(?:in|of)\s+\p{Lu}[\p{L}-]+)?/u,
  /\b(?:penal|correctional|prison)\s+colony\s+(?:No\.?\s*|#|№\s*)\d+(?:\s+in\s+\p{Lu}[\p{L}-]+)?|\bIK-?\d+\b|\bcolony\s+No\.?\s*\d+/iu,
  /(?:исправительн\S+\s+колони\S+|СИЗО|изолятор\S*)(?:\s+№\s*\d+)?(?:\s+в\s+\p{Lu}\p{L}+)?/u,
  COURT_PATTERN,
];

/**
 * Russian facility words in the nominative, whatever case the sentence put them in ("в исправительную
 * колонию № 15", "из исправительной колонии № 15"), so that one facility is one place in lists and
 * statistics. "в Могилёве" after it is always in the same case and is kept as written.
 */
const RUSSIAN_HEADS: [RegExp, string][] = [
  [/^исправительн\S+\s+колони\S+/u, 'исправительная колония'],
  [/^изолятор\S*/u, 'изолятор'],
];

export function canonicalPlace(text: string): string {
  for (const [re, head] of RUSSIAN_HEADS) if (re.test(text)) return text.replace(re, head);
  return text;
}

/**
 * The place an event happened at: the facility named nearest after the trigger (for a transfer,
 * the one after "to"), else the nearest before it. Named facilities give their canonical name.
 */
/** Global copies of every pattern, compiled once (matchAll needs the g flag). */
const GLOBAL = new Map<RegExp, RegExp>([...FACILITIES.map((f) => f.aliases), ...FACILITY_PATTERNS].map((r) => [r, new RegExp(r.source, r.flags.includes('g') ? r.flags : r.flags + 'g')]));

export function findPlace(sentence: string, triggerAt = 0, transfer = false, courts = true): string | null {
  const found: { at: number; name: string }[] = [];
  // Someone is held in a facility, not in the court that tries them.
  const patterns = courts ? FACILITY_PATTERNS : FACILITY_PATTERNS.filter((p) => p !== COURT_PATTERN);
  for (const f of FACILITIES) {
    const m = GLOBAL.get(f.aliases)!;
    for (const x of sentence.matchAll(m)) found.push({ at: x.index!, name: f.name });
  }
  for (const p of patterns) {
    const g = GLOBAL.get(p)!;
    for (const x of sentence.matchAll(g)) if (!found.some((f) => Math.abs(f.at - x.index!) < 25)) found.push({ at: x.index!, name: canonicalPlace(x[0].trim()) });
  }
  if (!found.length) return null;
  if (transfer) {
    const to = found.filter((f) => /\b(?:to|into|в)\s+(?:\S+\s+){0,3}$/iu.test(sentence.slice(Math.max(0, f.at - 30), f.at)));
    if (to.length) return to[0]!.name;
  }
  const after = found.filter((f) => f.at >= triggerAt).sort((a, b) => a.at - b.at);
  return (after[0] ?? found.sort((a, b) => b.at - a.at)[0]!).name;
}
