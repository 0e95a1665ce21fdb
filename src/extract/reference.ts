/**
 * What "he", "she", "the activist", "the 41-year-old", "they", "the journalists", "all of them",
 * "он", "яна" and "іх" point to. A singular reference is the last person mentioned before it who
 * fits (gender, role) and can be persecuted: officials and lawyers are never chosen by default. A
 * plural reference is the last list of persons the report gave ("A, B and C were detained. They
 * …"), or the last group an event was stated of. Lists are found once per report.
 */
import type { Role } from '../schema/taxonomy.ts';
import type { ReportPerson } from './persons.ts';
import { englishRole, cyrillicRole } from './lexicon/roles.ts';

export interface Placed {
  p: ReportPerson;
  start: number;
  end: number;
  /** Inside brackets: a remark on a list, not one of its items ("A (B has cancer), C"). */
  bracketed?: boolean;
}

export interface Group {
  persons: ReportPerson[];
  start: number;
  end: number;
}

/** Who cannot be the subject of a persecution event by reference alone. */
export function canBeVictim(p: ReportPerson): boolean {
  return p.role !== 'official' && p.role !== 'lawyer';
}

const MALE = /^(?:he|him|his|himself|он|его|него|ему|нему|им|ним|нём|ён|яго|яму|ім|ім|ім|ягоны|ягонага)$/iu;
const FEMALE = /^(?:she|her|hers|herself|она|её|ее|неё|нее|ей|ней|ею|нею|яна|яе|ёй|ёю|ейны|яе)$/iu;
const PLURAL = /^(?:they|them|their|themselves|они|их|них|им|ним|ими|ними|яны|іх|ім|імі|ніх)$/iu;

export function pronounKind(word: string): 'm' | 'f' | 'pl' | null {
  if (PLURAL.test(word)) return 'pl';
  if (MALE.test(word)) return 'm';
  if (FEMALE.test(word)) return 'f';
  return null;
}

/**
 * What may stand between two names of one list: a possessive or a bracket after the first, an
 * apposition, then a comma, "and", "as well as", "и", "і", "а также" or a semicolon, then up to six
 * words describing the next ("A (both reporters), B and BelaPAN reporter C").
 */
export const LIST_GAP = /^(?:[’']s)?(?:\s*\([^()]{0,100}\))?\s*(?:,\s*[^,;()]{0,80}?,\s*(?:and\s+|&\s+)?|,\s*(?:and\s+|&\s+)?|,?\s+(?:and|&|as\s+well\s+as|along\s+with|together\s+with)\s+|;\s*|[—–]\s*|--\s*|(?:и|і|а\s+также|а\s+таксама|разам\s+з|вместе\s+с)\s+)(?:(?:[\p{L}][\p{L}.’'-]*|\d+|--|[—–])[\s,]+|\([^()]{0,60}\)\s*){0,8}$(?<!(?<!\p{L})(?:of|for|to|by|with|at|from|on|in|about|against|under|the|a|an)\s+)/u;

/** How far back (in mentions or groups) a reference looks: a report refers back a few sentences, and a bound keeps extraction linear. */
const LOOK_BACK = 60;

export class References {
  readonly mentions: Placed[];
  readonly groups: Group[] = [];

  constructor(
    readonly text: string,
    persons: ReportPerson[],
    private readonly sentenceStarts: number[] = [0],
  ) {
    this.mentions = persons.flatMap((p) => p.mentions.map((m) => ({ p, start: m.start, end: m.end }))).sort((a, b) => a.start - b.start);
    // Which mentions stand inside brackets, in one pass over the text.
    let depth = 0;
    let at = 0;
    for (const m of this.mentions) {
      for (; at < m.start; at++) {
        const c = text.charCodeAt(at);
        if (c === 40) depth++;
        else if (c === 41 && depth > 0) depth--;
        else if (c === 10) depth = 0;
      }
      if (depth > 0) m.bracketed = true;
    }
    this.findLists();
  }

  /** Where the sentence holding `pos` starts. */
  private sentenceStart(pos: number): number {
    let lo = 0;
    let hi = this.sentenceStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sentenceStarts[mid]! <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? this.sentenceStarts[lo - 1]! : 0;
  }

  /** Mentions that lie inside [from, to), in order; bracketed remarks left out unless asked for. */
  within(from: number, to: number, bracketed = false): Placed[] {
    const out: Placed[] = [];
    for (let i = this.firstAtOrAfter(from); i < this.mentions.length && this.mentions[i]!.start < to; i++) {
      const m = this.mentions[i]!;
      if (m.end <= to && (bracketed || !m.bracketed)) out.push(m);
    }
    return out;
  }

  private firstAtOrAfter(pos: number): number {
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.mentions[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Lists of two or more persons who can be victims, within one sentence-like stretch. */
  private findLists(): void {
    let cur: Placed[] = [];
    const flush = () => {
      const persons = [...new Set(cur.map((m) => m.p))].filter(canBeVictim);
      if (persons.length >= 2) this.groups.push({ persons, start: cur[0]!.start, end: cur[cur.length - 1]!.end });
      cur = [];
    };
    for (const m of this.mentions) {
      if (m.bracketed) continue;
      const prev = cur[cur.length - 1];
      if (prev && !(LIST_GAP.test(this.text.slice(prev.end, m.start)) && !/[.!?]\s/u.test(this.text.slice(prev.end, m.start)))) flush();
      cur.push(m);
    }
    flush();
  }

  /** Everyone an event has been stated of so far, in order of first appearance. */
  private readonly victims: { p: ReportPerson; at: number }[] = [];

  /** Records the persons an event was stated of, for a later "all 11", "the eight". */
  noteVictims(persons: ReportPerson[], at: number): void {
    for (const p of persons) if (!this.victims.some((v) => v.p === p)) this.victims.push({ p, at });
    for (const p of persons) if ((this.latest.get(p) ?? -1) < at) this.latest.set(p, at);
  }

  /** Where an event was last stated of each person. */
  private readonly latest = new Map<ReportPerson, number>();

  /**
   * Those the last event before `pos` was stated of: a group, or one person when an event of theirs
   * came after the last group ("A and B were detained. C was convicted. The prosecutor asked for four years": C).
   */
  lastStated(pos: number): ReportPerson[] | null {
    let group: Group | undefined;
    for (let i = this.groups.length - 1; i >= 0; i--) if (this.groups[i]!.start < pos) { group = this.groups[i]; break; }
    let single: { p: ReportPerson; at: number } | undefined;
    for (const [p, at] of this.latest) if (at < pos && (!single || at > single.at)) single = { p, at };
    if (single && (!group || single.at > group.start) && !(group && group.persons.includes(single.p))) return [single.p];
    return group ? group.persons : null;
  }

  /** Records a group an event was stated of, for a later "they". */
  noteGroup(persons: ReportPerson[], at: number): void {
    if (persons.length < 2) return;
    // Kept in order of start; events come in text order, so this is almost always an append.
    let i = this.groups.length;
    while (i > 0 && this.groups[i - 1]!.start > at) i--;
    this.groups.splice(i, 0, { persons, start: at, end: at });
  }

  /** The last group given before `pos`; with a role, the last whose members fit it, if any does. */
  group(pos: number, role: Role | null = null, size: number | null = null): ReportPerson[] | null {
    const listed = this.listedGroup(pos, role, size);
    if (listed) return listed;
    // "the detainees were released", "задержанных отпустили" after A and B were detained one by one: all those told persecuted so far.
    if (size === null) {
      const told = role === 'detainee' ? this.victims.filter((v) => v.at < pos).map((v) => v.p) : [];
      return told.length >= 2 ? told : null;
    }
    // "The trial of four residents opened. The defendants — A, B, C and D — …": a counted group named just after.
    const ahead = this.groups.find((g) => g.start > pos && g.start - pos < 600 && g.persons.length === size);
    if (ahead) return ahead.persons;
    // "All 11 face charges" after lists of eight, two and one: everyone the report has said was persecuted, when they are that many.
    const before = this.victims.filter((v) => v.at < pos).map((v) => v.p);
    return before.length === size ? before : null;
  }

  private listedGroup(pos: number, role: Role | null, size: number | null): ReportPerson[] | null {
    let fallback: ReportPerson[] | null = null;
    let i = this.groups.length - 1;
    while (i >= 0 && this.groups[i]!.start >= pos) i--;
    for (let seen = 0; i >= 0 && seen < LOOK_BACK; i--, seen++) {
      const g = this.groups[i]!;
      if (size !== null && g.persons.length !== size) continue;
      if (!role || g.persons.every((p) => p.role === role || p.role === null || p.role === 'detainee')) return g.persons;
      fallback ??= g.persons;
    }
    return fallback;
  }

  /** The last person before `pos` who fits a pronoun's gender and can be a victim. */
  pronoun(kind: 'm' | 'f', pos: number, focus: ReportPerson | null): ReportPerson | null {
    const fits = (m: Placed) => canBeVictim(m.p) && m.p.role !== 'relative' && (!m.p.gender || m.p.gender === kind);
    for (let i = this.firstAtOrAfter(pos) - 1, seen = 0; i >= 0 && seen < LOOK_BACK; i--, seen++) {
      const m = this.mentions[i]!;
      if (!fits(m)) continue;
      // In its own sentence a pronoun points to the nearest name ("A thinks B, who …, before his arrest" is B);
      // in a later one, to the subject of the sentence that named them ("A, an aide of B, spent 45 days in jail. He …" is A).
      const sentenceStart = this.sentenceStart(m.start);
      if (sentenceStart === this.sentenceStart(pos)) return m.p;
      let first = m;
      for (let j = i - 1; j >= 0 && this.mentions[j]!.start >= sentenceStart; j--) if (fits(this.mentions[j]!)) first = this.mentions[j]!;
      return first.p;
    }
    return focus && (!focus.gender || focus.gender === kind) ? focus : null;
  }

  /**
   * "the activist", "the journalist", "the 41-year-old", "the woman", "журналистку": the last person
   * described with that noun, else the last person who can be a victim.
   */
  described(noun: string, pos: number, focus: ReportPerson | null): ReportPerson | null {
    const role = /\p{Script=Cyrillic}/u.test(noun) ? cyrillicRole(noun) : englishRole(noun);
    if (role === 'official' || role === 'lawyer' || role === 'relative') return null;
    const female = /^(?:woman|girl|mother|wife|actress|журналистк|активистк|женщин|журналістк|актывістк|жанчын|блогерк|студэнтк|студентк|пенсіянерк|пенсионерк)/iu.test(noun) || /(?:ка|кі|ку|кай|кой)$/u.test(noun);
    const male = /^(?:man|boy|father|husband|мужчин|мужчын)/iu.test(noun);
    let fallback: ReportPerson | null = null;
    const stem = noun.toLowerCase().slice(0, Math.max(4, noun.length - 3));
    for (let i = this.firstAtOrAfter(pos) - 1, seen = 0; i >= 0 && seen < LOOK_BACK; i--, seen++) {
      const m = this.mentions[i]!;
      if (!canBeVictim(m.p) || m.p.role === 'relative') continue;
      if ((female && m.p.gender === 'm') || (male && m.p.gender === 'f')) continue;
      if (role && role !== 'other' && role !== 'detainee' && m.p.role === role) return m.p;
      // The noun written beside one of the person's mentions ("journalist X", "X, an activist").
      const around = this.text.slice(Math.max(0, m.start - 40), Math.min(pos, m.end + 60)).toLowerCase();
      if (noun.length > 3 && around.includes(stem)) return m.p;
      fallback ??= m.p;
    }
    return fallback ?? focus;
  }
}
