/**
 * A regular expression whose literal letters match either case ("the" matches "The") while
 * \p{Ll} and \p{Lu} keep meaning lower and upper case. JavaScript's i flag folds property escapes
 * and character classes too (/\p{Ll}/iu matches "M"), so patterns that tell "the journalists" from
 * "the Moscow court" by case cannot use it.
 */
const made = new Map<string, RegExp>();

export function caseless(source: string, flags = 'u'): RegExp {
  const key = `${flags}/${source}`;
  const hit = made.get(key);
  if (hit) {
    hit.lastIndex = 0;
    return hit;
  }
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if ((next === 'p' || next === 'P' || next === 'u') && source[i + 2] === '{') {
        const end = source.indexOf('}', i);
        out += source.slice(i, end + 1);
        i = end;
      } else {
        out += c + next;
        i++;
      }
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === '(' && source[i + 1] === '?' && source[i + 2] === '<' && /\p{L}/u.test(source[i + 3] ?? '')) {
      const end = source.indexOf('>', i);
      out += source.slice(i, end + 1);
      i = end;
      continue;
    }
    const lower = c.toLowerCase();
    const upper = c.toUpperCase();
    out += lower !== upper && lower.length === 1 && upper.length === 1 ? `[${lower}${upper}]` : c;
  }
  const re = new RegExp(out, flags);
  made.set(key, re);
  return re;
}
