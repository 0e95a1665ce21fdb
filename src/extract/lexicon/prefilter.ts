/**
 * Words a pattern cannot match without: a cheap `includes` test that spares most sentences the
 * regular expression itself. Read from the pattern's syntax tree (regexpp, the parser ESLint uses),
 * so the set is derived, never written by hand, and a pattern it cannot reduce is always tried.
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';

const parser = new RegExpParser({ ecmaVersion: 2024 });

/** At least one of the strings (lower case) occurs in every match; null when no such set is known. */
export function requiredWords(source: string): string[] | null {
  return anyOf(parser.parsePattern(source, 0, source.length, { unicode: true }).alternatives);
}

function anyOf(alternatives: AST.Alternative[]): string[] | null {
  const out = new Set<string>();
  for (const a of alternatives) {
    const need = sequence(a.elements);
    if (!need) return null;
    for (const w of need) out.add(w);
  }
  return [...out];
}

/** The best requirement of a sequence: its longest literal run, else the smallest set a group requires. */
function sequence(elements: AST.Element[]): string[] | null {
  const candidates: string[][] = [];
  let run = '';
  const flush = () => {
    if (run.length >= 3) candidates.push([run]);
    run = '';
  };
  for (const e of elements) {
    if (e.type === 'Character') {
      run += String.fromCodePoint(e.value).toLowerCase();
      continue;
    }
    flush();
    const inner = e.type === 'Quantifier' ? (e.min >= 1 ? e.element : null) : e;
    if (inner && (inner.type === 'Group' || inner.type === 'CapturingGroup')) {
      const need = anyOf(inner.alternatives);
      if (need && need.every((w) => w.length >= 2)) candidates.push(need);
    }
  }
  flush();
  if (!candidates.length) return null;
  // One long word beats a set: fewer and longer strings reject more sentences.
  return candidates.sort((a, b) => a.length - b.length || Math.min(...b.map((w) => w.length)) - Math.min(...a.map((w) => w.length)))[0]!;
}
