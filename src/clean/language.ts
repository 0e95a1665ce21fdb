/**
 * Language of a text from its letters and commonest words. Belarusian and Ukrainian have letters
 * Russian lacks (ў, і; ї, є, ґ), and Russian has ы, э, ъ that Ukrainian lacks.
 */
const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'was', 'that', 'he', 'she', 'with', 'for', 'is'],
  de: ['der', 'die', 'und', 'das', 'nicht', 'ist', 'mit', 'auf'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'dans'],
  pl: ['się', 'nie', 'jest', 'że', 'na', 'w', 'do', 'został'],
};

export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, 20000).toLowerCase();
  const cyr = sample.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  const lat = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (cyr + lat < 20) return null;
  if (cyr > lat) {
    const count = (re: RegExp) => sample.match(re)?.length ?? 0;
    const i = count(/і/g);
    const ruOnly = count(/[ыэъ]/g);
    const ukOnly = count(/[їєґ]/g);
    // ў is Belarusian only; і with ы/э is Belarusian; і with ї/є (and no ы) is Ukrainian.
    if (count(/ў/g) > 0 || (i > 0 && ruOnly > 0 && ukOnly === 0 && i * 4 > ruOnly)) return 'be';
    if (ukOnly > 0 || (i > 0 && ruOnly === 0)) return 'uk';
    return 'ru';
  }
  const words = sample.match(/\p{L}+/gu) ?? [];
  let best: string | null = null;
  let bestScore = 0;
  for (const [lang, stops] of Object.entries(STOPWORDS)) {
    const set = new Set(stops);
    const score = words.filter((w) => set.has(w)).length;
    if (score > bestScore) {
      best = lang;
      bestScore = score;
    }
  }
  return best;
}
