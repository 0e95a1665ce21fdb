/**
 * Sentences with their UTF-16 offsets. Intl.Segmenter does the work; we rejoin where it breaks
 * after an abbreviation ("Mr.", "No.", "Art.", "Dec.") or an initial, and we never join across a
 * paragraph break.
 */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'no', 'nos', 'art', 'arts', 'para', 'vol', 'gen', 'col', 'lt', 'sgt', 'capt', 'jr', 'sr', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun',
  'ст', 'г', 'гг', 'ул', 'им', 'т', 'д', 'пр', 'см', 'тыс', 'млн', 'руб', 'чл', 'ч',
]);

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

function endsWithAbbreviation(text: string): boolean {
  const m = /(?:^|[\s(“"«])(\p{L}{1,5})\.\s*$/u.exec(text);
  if (!m) return false;
  const w = m[1]!;
  // A single capital letter is an initial ("A. Mikhalevich"), not the end of a sentence.
  return ABBREVIATIONS.has(w.toLowerCase()) || /^\p{Lu}$/u.test(w);
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  // Paragraphs first: a sentence never crosses a blank line or a line break between blocks.
  const para = /[^\n]+/g;
  let pm: RegExpExecArray | null;
  while ((pm = para.exec(text))) {
    const base = pm.index;
    const pieces: Sentence[] = [];
    for (const seg of segmenter.segment(pm[0])) {
      const lead = seg.segment.length - seg.segment.trimStart().length;
      const trimmed = seg.segment.trim();
      if (!trimmed) continue;
      const start = base + seg.index + lead;
      const piece = { text: trimmed, start, end: start + trimmed.length };
      const prev = pieces[pieces.length - 1];
      if (prev && (endsWithAbbreviation(prev.text) || /^[\p{Ll}\d]/u.test(trimmed))) {
        prev.end = piece.end;
        prev.text = text.slice(prev.start, prev.end);
      } else pieces.push(piece);
    }
    out.push(...pieces);
  }
  return out;
}
