/**
 * Criminal-code articles with their names, as data (Belarus and Russia). The country is guessed
 * from the report; when unknown, an article found in both codes is reported with both names.
 */
export const ARTICLES: Record<'BY' | 'RU', Record<string, string>> = {
  BY: {
    '130': 'incitement to hatred', '191': 'obstruction of electoral rights', '293': 'mass riots', '342': 'organisation of or active participation in group actions grossly violating public order',
    '356': 'treason', '357': 'conspiracy to seize power', '361': 'calls for actions against national security', '361-1': 'creation of or participation in an extremist formation',
    '361-4': 'facilitating extremist activity', '367': 'defamation of the president', '368': 'insulting the president', '369': 'insulting a public official',
    '243': 'tax evasion', '411': 'malicious disobedience to the administration of a penal colony', '423': 'rehabilitation of Nazism',
  },
  RU: {
    '207.3': 'public dissemination of knowingly false information about the armed forces', '280.3': 'discrediting the armed forces', '212': 'mass riots',
    '275': 'high treason', '280': 'public calls for extremist activity', '282': 'incitement to hatred', '282.2': 'organisation of an extremist organisation',
    '318': 'violence against a representative of the authorities', '319': 'insulting a representative of the authorities', '205.2': 'justification of terrorism', '212.1': 'repeated violation of the rules for public events',
  },
};

const ARTICLE = /(?<!\p{L})(?:Art(?:icle)?s?\.?|Part\s+\d+\s+of\s+Article|стать(?:и|я|е|ей|ям|ями)|ст\.|артыкул\S*)\s*((?:\d+(?:[.-]\d+)?)(?:\s*(?:,|and|и)\s*\d+(?:[.-]\d+)?)*)/giu;

export function findArticles(sentence: string, country: 'BY' | 'RU' | null): string[] {
  const out: string[] = [];
  for (const m of sentence.matchAll(ARTICLE)) {
    for (const num of m[1]!.split(/\s*(?:,|and|и)\s*/u)) {
      const n = num.trim();
      if (!n) continue;
      const name = country ? ARTICLES[country][n] : (ARTICLES.BY[n] ?? ARTICLES.RU[n]);
      out.push(name ? `Art. ${n} (${name})` : `Art. ${n}`);
    }
  }
  return out;
}

/** Sentence terms, regimes and fines, kept verbatim as the detail of a sentence event. */
export const TERM = /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)(?:\s+and\s+a\s+half)?\s*(?:-|\s)(?:years?|months?|days?)(?:\s+(?:in|of)\s+(?:a\s+)?(?:general|strict|high-security|maximum-security|special|enhanced|medium-security)(?:\s*-?\s*regime)?\s+(?:penal\s+)?(?:colony|prison))?|\bfined?\s+[^.,;]{1,40}|(?<!\p{L})(?:\d+|один|два|три|четыре|пять|шесть|семь|восемь|девять|десять|пятнадцать)\s+(?:лет|года|год)(?!\p{L})[^.,;]{0,40}/iu;
