/**
 * Belarusian in Łacinka, the Latin alphabet some Belarusian media write in ("26 lutaha na volu
 * vyjšaŭ palitviazień Raman Kaściuk"). Extraction reads it in Cyrillic: the text is spelt letter by
 * letter into Cyrillic, with, for every character of the result, the offset of the character it
 * came from, so that evidence and names point back into the original.
 */

/** Łacinka's own letters: a Belarusian text with many of them is written in Łacinka. */
const OWN = /[łŭśźćńčšžŁŬŚŹĆŃČŠŽ]/gu;

export function isLacinka(text: string): boolean {
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  const cyrillic = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  const own = text.match(OWN)?.length ?? 0;
  return latin > cyrillic * 4 && own >= 5 && own > latin / 200;
}

const SOFT_VOWEL: Record<string, string> = { a: 'я', e: 'е', o: 'ё', u: 'ю' };
const VOWELS = 'aeiouyąęóŭ';
const SINGLE: Record<string, string> = {
  a: 'а', b: 'б', c: 'ц', ć: 'ць', č: 'ч', d: 'д', e: 'э', f: 'ф', g: 'ґ', h: 'г', i: 'і', j: 'й', k: 'к', l: 'ль', ł: 'л',
  m: 'м', n: 'н', ń: 'нь', o: 'о', p: 'п', r: 'р', s: 'с', ś: 'сь', š: 'ш', t: 'т', u: 'у', ŭ: 'ў', v: 'в', w: 'в', y: 'ы',
  z: 'з', ź: 'зь', ž: 'ж', x: 'кс', q: 'к',
};

function cased(source: string, cyrillic: string): string {
  return source !== source.toLowerCase() ? cyrillic[0]!.toUpperCase() + cyrillic.slice(1) : cyrillic;
}

/**
 * The text in Cyrillic, and for each of its characters (and one past the end) the offset where the
 * letters it came from begin: a span [a, b) of the result is [origin[a], origin[b]) of the original.
 */
export function lacinkaToCyrillic(text: string): { text: string; origin: number[] } {
  let out = '';
  const origin: number[] = [];
  const emit = (s: string, at: number) => {
    out += s;
    for (let k = 0; k < s.length; k++) origin.push(at);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const l = c.toLowerCase();
    const next = (text[i + 1] ?? '').toLowerCase();
    const prev = (text[i - 1] ?? '').toLowerCase();
    if (l === 'c' && next === 'h') {
      emit(cased(c, 'х'), i);
      i++;
      continue;
    }
    // ia, ie, io, iu after a consonant are я, е, ё, ю; ja, je, jo, ju after a vowel or alone are the same letters.
    if ((l === 'i' || l === 'j') && SOFT_VOWEL[next] && (l === 'j' || (prev && /\p{L}/u.test(prev) && !VOWELS.includes(prev)))) {
      emit(cased(l === 'j' ? c : text[i + 1]!, SOFT_VOWEL[next]!), i);
      i++;
      continue;
    }
    // A soft l before a vowel: la, lo, lu are ля, лё, лю; before i or a consonant, ль or л.
    if (l === 'l') {
      if (SOFT_VOWEL[next]) {
        emit(cased(c, 'л' + SOFT_VOWEL[next]!), i);
        i++;
        continue;
      }
      emit(cased(c, next === 'i' ? 'л' : 'ль'), i);
      continue;
    }
    const single = SINGLE[l];
    if (single) emit(cased(c, single), i);
    else emit(c, i);
  }
  origin.push(text.length);
  return { text: out, origin };
}

const TO_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', ж: 'ž', з: 'z', і: 'i', и: 'i', й: 'j', к: 'k', м: 'm', н: 'n', о: 'o', п: 'p',
  р: 'r', с: 's', т: 't', у: 'u', ў: 'ŭ', ф: 'f', х: 'ch', ц: 'c', ч: 'č', ш: 'š', ы: 'y', э: 'e', "'": '', '’': '',
};
const SOFTENED: Record<string, string> = { н: 'ń', с: 'ś', з: 'ź', ц: 'ć', л: 'l' };
const IOTATED: Record<string, string> = { я: 'a', е: 'e', ё: 'o', ю: 'u' };

/** A Cyrillic Belarusian word in Łacinka: for names the extractor brings to the nominative. */
export function cyrillicToLacinka(word: string): string {
  let out = '';
  const w = word;
  for (let i = 0; i < w.length; i++) {
    const c = w[i]!;
    const l = c.toLowerCase();
    const next = (w[i + 1] ?? '').toLowerCase();
    const prev = (w[i - 1] ?? '').toLowerCase();
    let piece: string;
    if (IOTATED[l]) piece = (prev && /[бвгґджзйклмнпрстфхцчшь]/u.test(prev) ? (prev === 'л' ? '' : 'i') : 'j') + IOTATED[l]!;
    else if (l === 'ь') piece = '';
    else if (SOFTENED[l] && next === 'ь') piece = SOFTENED[l]!;
    else if (l === 'л') piece = next && (IOTATED[next] || next === 'і' || next === 'ь') ? 'l' : 'ł';
    else piece = TO_LATIN[l] ?? c;
    out += c !== l && piece ? piece[0]!.toUpperCase() + piece.slice(1) : piece;
  }
  return out;
}
