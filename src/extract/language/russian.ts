/**
 * Russian morphology through az, which reads OpenCorpora's dictionary (pymorphy2's data): the
 * lemma of any form ("задержали" → задержать, "Ольгу" → ольга), and the tags Name, Surn and Patr
 * that mark given names, surnames and patronymics in every case. Unknown words are guessed from
 * their endings, as pymorphy2 does. The dictionary (about 12 MB) is read once, on first use.
 */
import Az from 'az';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface RuParse {
  lemma: string;
  pos: string | null;
  grammemes: ReadonlySet<string>;
  score: number;
  /** The dictionary holds the word; otherwise az guessed its reading from its ending. */
  known: boolean;
}

let loaded = false;

/**
 * az loads its files with callbacks; read them synchronously instead, so that extraction stays a
 * plain function. All loads are queued first and answered after, because az counts them as they start.
 */
function load(): void {
  if (loaded) return;
  const dicts = join(dirname(createRequire(import.meta.url).resolve('az/package.json')), 'dicts');
  const queue: (() => void)[] = [];
  const original = Az.load;
  Az.load = (url, type, callback) => {
    queue.push(() => {
      const data = readFileSync(url);
      if (type === 'json') callback(null, JSON.parse(data.toString('utf8')));
      else callback(null, data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
    });
  };
  let failure: Error | null = null;
  try {
    Az.Morph.init(dicts, (err) => {
      failure = err;
    });
    while (queue.length) queue.shift()!();
  } finally {
    Az.load = original;
  }
  if (failure) throw failure;
  loaded = true;
}

const cache = new Map<string, RuParse[]>();

/** Every reading of a word, the likeliest first; memoised (reports repeat their words). */
export function ruParses(word: string): RuParse[] {
  // The dictionary knows names, places and organisations only when they are capitalised.
  const key = /^\p{Lu}/u.test(word) ? word[0] + word.slice(1).toLowerCase() : word.toLowerCase();
  let hit = cache.get(key);
  if (hit) return hit;
  load();
  hit = Az.Morph(key).map((p) => {
    const grammemes = new Set(p.tag.toString().split(/[ ,]/));
    return { lemma: p.normalize().word, pos: p.tag.POS ?? null, grammemes, score: p.score, known: p.parser === 'Dictionary' };
  });
  if (cache.size > 100_000) cache.clear();
  cache.set(key, hit);
  return hit;
}

/** The lemmas a word may have, likeliest first. */
export function ruLemmas(word: string): string[] {
  return [...new Set(ruParses(word).map((p) => p.lemma))];
}

export type NamePart = 'Name' | 'Surn' | 'Patr';

/** The readings of a word as a part of a person's name. */
export function ruNameReadings(word: string): (RuParse & { part: NamePart })[] {
  const out: (RuParse & { part: NamePart })[] = [];
  for (const p of ruParses(word)) {
    const part = p.grammemes.has('Name') ? 'Name' : p.grammemes.has('Surn') ? 'Surn' : p.grammemes.has('Patr') ? 'Patr' : null;
    if (part) out.push({ ...p, part });
  }
  return out;
}

/** A dictionary word that is no name: its likeliest reading is a common word, not a name, place or organisation. */
export function ruCommonWord(word: string): boolean {
  const best = ruParses(word)[0];
  if (!best || !best.known || best.score < 0.3) return false;
  for (const g of ['Name', 'Surn', 'Patr', 'Geox', 'Orgn', 'Trad', 'Abbr', 'UNKN', 'LATN']) if (best.grammemes.has(g)) return false;
  return true;
}

/** A dictionary place or organisation ("Минск", "Беларуси", "ФСБ"), read as such before any name reading. */
export function ruPlaceOrOrg(word: string): boolean {
  const known = ruParses(word).filter((p) => p.known);
  const best = known[0];
  if (!best || known.some((p) => p.grammemes.has('Name') || p.grammemes.has('Surn') || p.grammemes.has('Patr'))) return false;
  return best.grammemes.has('Geox') || best.grammemes.has('Orgn');
}

/** The gender a given name or patronymic shows, if the dictionary knows it. */
export function ruGender(word: string): 'f' | 'm' | null {
  for (const r of ruNameReadings(word)) {
    if (r.part === 'Surn') continue;
    if (r.grammemes.has('femn')) return 'f';
    if (r.grammemes.has('masc')) return 'm';
  }
  return null;
}

const cap = (w: string) => w.split('-').map((p) => (p ? p[0]!.toUpperCase() + p.slice(1) : p)).join('-');

/** A surname's lemma (always the masculine form in OpenCorpora) as a woman's surname. */
export function feminineSurname(lemma: string): string {
  if (/(?:ов|ев|ёв|ин|ын)$/u.test(lemma)) return `${lemma}а`;
  if (/(?:ский|цкий)$/u.test(lemma)) return `${lemma.slice(0, -2)}ая`;
  if (/(?:ой|ый)$/u.test(lemma)) return `${lemma.slice(0, -2)}ая`;
  // "Осадчий" → "Осадчая", "Крайний" → "Крайняя".
  if (/[чшщжк]ий$/u.test(lemma)) return `${lemma.slice(0, -2)}ая`;
  if (/ий$/u.test(lemma)) return `${lemma.slice(0, -2)}яя`;
  return lemma;
}

/** "Ивановича" → "иванович", "Петровной" → "петровна". */
function patronymicNominative(w: string): string {
  return w.replace(/(ич)(?:а|у|ем|е)$/u, '$1').replace(/(вн|чн)(?:ы|е|у|ой)$/u, '$1а');
}

/**
 * A Russian name as written in any case, back in the nominative ("Ольгу Петрову" → "Ольга Петрова",
 * "Игоря Ковальчука" → "Игорь Ковальчук", "Светлану Тихановскую" → "Светлана Тихановская").
 * The given name decides the gender, and the case the other words are read in.
 */
export function ruNominative(words: string[], known: (lemma: string) => number = () => 0): string[] {
  const readings = words.map((w) => ruNameReadings(w));
  const given = readings.findIndex((rs) => rs.some((r) => r.part === 'Name'));
  let gender: 'f' | 'm' | null = null;
  let wantCase: string | null = null;
  let givenReading: ReturnType<typeof ruNameReadings>[number] | null = null;
  if (given >= 0) {
    // "Дмитрия" is the genitive of Дмитрий far more often than the rare Дмитрия, and "Дину" the accusative
    // of Дина, not the dative of Дин: the reading whose name is most common (how often, from the name table) first,
    // and of two as common the one that declines ("Анне" is Анна's dative, not the indeclinable Анне).
    const names = readings[given]!.filter((x) => x.part === 'Name');
    const score = (x: (typeof names)[number]) => known(x.lemma) + (x.grammemes.has('Fixd') ? 0 : 0.5);
    const r = names.reduce((best, x) => (score(x) > score(best) ? x : best));
    givenReading = r;
    gender = r.grammemes.has('femn') ? 'f' : r.grammemes.has('masc') ? 'm' : null;
    wantCase = ['nomn', 'gent', 'datv', 'accs', 'ablt', 'loct'].find((c) => r.grammemes.has(c)) ?? null;
  }
  return words.map((w, i) => {
    if (!/\p{Script=Cyrillic}/u.test(w)) return w;
    const rs = readings[i]!;
    const fits = (r: RuParse) => (!gender || !r.grammemes.has(gender === 'f' ? 'masc' : 'femn')) && (!wantCase || r.grammemes.has(wantCase) || r.grammemes.has('Fixd'));
    // The given name as chosen above ("Анне" is Анна's dative, not the indeclinable Анне).
    const named = (i === given ? givenReading : null) ?? rs.find((r) => fits(r)) ?? rs[0];
    if (named) {
      if (named.grammemes.has('Fixd')) return w;
      // A patronymic's lemma is the father's name: bring the patronymic itself to the nominative.
      if (named.part === 'Patr') return cap(patronymicNominative(w.toLowerCase()));
      if (named.part === 'Surn') return cap(gender === 'f' || named.grammemes.has('femn') ? feminineSurname(named.lemma) : named.lemma);
      return cap(named.lemma);
    }
    // Not a dictionary name: a surname declined like an adjective ("Тихановскую", "Навального").
    const adj = ruParses(w).find((p) => p.pos === 'ADJF' && (!wantCase || p.grammemes.has(wantCase)));
    if (adj && i > 0) return cap(gender === 'f' || adj.grammemes.has('femn') ? feminineSurname(adj.lemma) : adj.lemma);
    // A man's surname that is also a common noun ("Тараса Мельника", "Олегу Дубу") declines like it; a woman's does not.
    const noun = gender === 'm' && wantCase && wantCase !== 'nomn' && i > 0 ? ruParses(w).find((p) => p.pos === 'NOUN' && p.grammemes.has('masc') && p.grammemes.has('sing') && p.grammemes.has(wantCase)) : undefined;
    if (noun) return cap(noun.lemma);
    return w;
  });
}
