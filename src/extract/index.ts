/**
 * The extract stage: from a report's main text, the persons it names and the events it states,
 * each with its evidence sentence and offsets, in the contract's shape. Pure and deterministic.
 */
import type { ContractEvent, ContractPerson } from './contract.ts';
import { splitSentences } from './sentences.ts';
import { findPersons, type ReportPerson } from './persons.ts';
import { findEvents } from './events.ts';
import { mergeEvents } from './event-merge.ts';
import { referenceFor } from './dates.ts';
import { cyrillicToLacinka, isLacinka, lacinkaToCyrillic } from './language/lacinka.ts';

export { splitSentences } from './sentences.ts';

/** Bump when rules change: claims carry it, so old proposals can be told from new ones. */
export const EXTRACTOR_VERSION = 'vigil-rules/0.5.0';

export interface ExtractInput {
  mainText: string;
  published: string | null;
  language: string | null;
  /** The report's title: a full name it gives names a bare surname of the body. */
  title?: string | null;
}

export interface ExtractResult {
  persons: ContractPerson[];
  events: ContractEvent[];
}

const DETAINEE_EVENTS = new Set(['arrest', 'detention', 'transfer', 'charge', 'sentence', 'release', 'torture_allegation', 'death_in_custody']);

function countryOf(text: string): 'BY' | 'RU' | null {
  const by = text.match(/\b(?:Belarus|Belarusian|Minsk|Lukashenk[oa])\b|Беларус|Минск|Мінск/giu)?.length ?? 0;
  const ru = text.match(/\b(?:Russia|Russian|Moscow|Kremlin|Putin)\b|Росси|Москв/giu)?.length ?? 0;
  return by === 0 && ru === 0 ? null : by >= ru ? 'BY' : 'RU';
}

/** The person a report is about: the most mentioned one who is not an official or a journalist. */
function focusOf(persons: ReportPerson[]): ReportPerson | null {
  const eligible = persons.filter((p) => p.role !== 'official' && p.role !== 'lawyer' && p.role !== 'relative');
  return eligible.sort((a, b) => b.mentions.length - a.mentions.length)[0] ?? null;
}

const KIN = 'husband|wife|son|daughter|mother|father|brother|sister|partner|fianc[ée]e?';

/**
 * Who tells a first-person testimony, when the report says so: the person whose relative the one
 * it is about is ("Milana Mikhalevich's husband …", "Milana, wife of Ales …").
 */
function narratorOf(text: string, persons: ReportPerson[], focus: ReportPerson | null): ReportPerson | null {
  const found = persons.filter((p) => p !== focus && p.mentions.some((m) => new RegExp(`^[’']s\\s+(?:${KIN})\\b|^,\\s+(?:the\\s+)?(?:${KIN})\\s+of\\b`, 'iu').test(text.slice(m.end, m.end + 40))));
  return found.length === 1 ? found[0]! : null;
}

export function extractFacts(input: ExtractInput): ExtractResult {
  // Belarusian in Łacinka is read in Cyrillic and its findings pointed back into the original.
  const found = input.language === 'be' && isLacinka(input.mainText) ? fromLacinka(input) : extractPlain(input);
  return { persons: found.persons.map(({ mentions: _, ...p }) => p), events: found.events };
}

/** The result with each person's mention spans, which the Łacinka reading needs to point back. */
interface Found {
  persons: (ContractPerson & { mentions: { start: number; end: number }[] })[];
  events: ContractEvent[];
}

/** Extraction over the Cyrillic spelling of a Łacinka text, with offsets, evidence and names taken back to the original. */
function fromLacinka(input: ExtractInput): Found {
  const original = input.mainText;
  const { text, origin } = lacinkaToCyrillic(original);
  const facts = extractPlain({ ...input, mainText: text, title: input.title ? lacinkaToCyrillic(input.title).text : null });
  const span = (start: number, end: number) => original.slice(origin[start]!, origin[end]!).trim();
  // A person is named by a form the text writes when one is the nominative, else by the nominative spelt back.
  const names = new Map<string, string>();
  const persons = facts.persons.map((p) => {
    const forms = new Map<string, string>();
    for (const m of p.mentions) forms.set(text.slice(m.start, m.end), span(m.start, m.end));
    const name = forms.get(p.name) ?? p.name.split(' ').map(cyrillicToLacinka).join(' ');
    names.set(p.name, name);
    return { ...p, name, variants: [...new Set(forms.values())].filter((f) => f !== name) };
  });
  const events = facts.events.map((e) => ({
    ...e,
    person: names.get(e.person) ?? e.person,
    evidence: original.slice(origin[e.start]!, origin[e.end]!),
    start: origin[e.start]!,
    end: origin[e.end]!,
    place: e.place && /\p{Script=Cyrillic}/u.test(e.place) ? e.place.split(' ').map(cyrillicToLacinka).join(' ') : e.place,
    detail: e.detail && /\p{Script=Cyrillic}/u.test(e.detail) ? e.detail.split(' ').map(cyrillicToLacinka).join(' ') : e.detail,
    also: e.also?.map((a) => ({ start: origin[a.start]!, end: origin[a.end]! })),
  }));
  return { persons, events };
}

function extractPlain(input: ExtractInput): Found {
  const text = input.mainText;
  const sentences = splitSentences(text);
  const persons = findPersons(text, sentences, input.language, input.title ?? null);
  // A testimony speaks in the first person outside quotations; a news report quotes people who do.
  const unquoted = text.replace(/“[^”]*”|"[^"]*"|«[^»]*»/gu, ' ');
  const firstPerson = (unquoted.match(/\b(?:I|my|me|we|our)\b/g)?.length ?? 0) > sentences.length * 0.3;
  const focus = focusOf(persons);
  const narrator = firstPerson ? narratorOf(text, persons, focus) : null;
  const events = mergeEvents(findEvents({ text, persons, ref: referenceFor(input.published, text), focus, firstPerson, narrator, country: countryOf(text), language: input.language }, sentences));
  const subjectsOf = new Set(events.filter((e) => DETAINEE_EVENTS.has(e.type)).map((e) => e.person));
  return {
    persons: persons.map((p) => ({
      name: p.name,
      variants: p.variants,
      mentions: p.mentions.map((m) => ({ start: m.start, end: m.end })),
      // Someone arrested, held or sentenced is a detainee in this report, whatever else they are.
      role: subjectsOf.has(p.name) && p.role !== 'official' && p.role !== 'relative' && p.role !== 'lawyer' ? 'detainee' : (p.role ?? 'other'),
    })),
    events,
  };
}
