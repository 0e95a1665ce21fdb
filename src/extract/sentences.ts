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

/** Longest stretch handed to the segmenter at once: V8's segmenter slows with the square of its input's length. */
const CHUNK = 2000;

/** A long paragraph in stretches of at most CHUNK characters, cut after a full stop and a space where one is, else at a space. */
function chunks(paragraph: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  let from = 0;
  while (paragraph.length - from > CHUNK) {
    const window = paragraph.slice(from, from + CHUNK);
    let cut = -1;
    for (const m of window.matchAll(/[.!?]["»”’)]*\s+(?=[\p{Lu}"«“])/gu)) cut = m.index! + m[0].length;
    if (cut <= 0) cut = window.lastIndexOf(' ') + 1;
    if (cut <= 0) cut = CHUNK;
    out.push({ text: paragraph.slice(from, from + cut), at: from });
    from += cut;
  }
  out.push({ text: paragraph.slice(from), at: from });
  return out;
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  // Paragraphs first: a sentence never crosses a blank line or a line break between blocks.
  const para = /[^\n]+/g;
  let pm: RegExpExecArray | null;
  while ((pm = para.exec(text))) {
    const pieces: Sentence[] = [];
    for (const chunk of chunks(pm[0])) {
    const base = pm.index + chunk.at;
    for (const seg of segmenter.segment(chunk.text)) {
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
    }
    out.push(...pieces);
  }
  return out;
}
