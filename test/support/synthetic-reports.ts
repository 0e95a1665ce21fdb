// FICTIONAL reports as the extractor would leave them (persons and events already read), made from
// a seeded generator so that store and resolution tests can build thousands of reports in seconds.
// People share surnames (families), are written in Latin, Cyrillic and Arabic script, reversed, with
// titles, by surname or given name alone, by initials, and under other names, so every path of
// grouping is taken.
import { createHash } from 'node:crypto';
import type { ProcessedReport } from '../../src/ingest/process.ts';
import type { ContractEvent, ContractPerson } from '../../src/extract/contract.ts';

const GIVEN = [['Ihar', 'Игорь'], ['Alena', 'Алёна'], ['Siarhei', 'Сергей'], ['Volha', 'Ольга'], ['Dzmitry', 'Дмитрий'], ['Maryia', 'Мария'], ['Pavel', 'Павел'], ['Nadzeya', 'Надежда'], ['Aliaksandr', 'Александр'], ['Tatsiana', 'Татьяна']] as const;
const SURNAMES = [['Kavaliou', 'Ковалёв'], ['Zhuk', 'Жук'], ['Barysau', 'Борисов'], ['Lemeshka', 'Лемешко'], ['Sakalou', 'Соколов'], ['Hrynko', 'Гринько'], ['Savich', 'Савич'], ['Kuzmich', 'Кузьмич'], ['Panko', 'Панько'], ['Shved', 'Швед'], ['Yurkevich', 'Юркевич'], ['Karpovich', 'Карпович']] as const;
const ARABIC = [['Mohammed Al-Hassan', 'محمد الحسن'], ['Ahmed Haniyeh', 'أحمد هنية'], ['Khalid Mansour', 'خالد منصور']] as const;
const ROLES = ['detainee', 'detainee', 'detainee', 'lawyer', 'relative', 'official', 'journalist', 'activist', 'other', null] as const;
const ARTICLES = ['342', '361-1', '130', '369', '293'];
const TYPES = ['arrest', 'charge', 'sentence', 'trial', 'release', 'transfer'] as const;

export interface SyntheticOptions {
  seed?: number;
  persons?: number;
}

/** A deterministic stream of processed reports. */
export function syntheticReports(count: number, opts: SyntheticOptions = {}): ProcessedReport[] {
  let seed = opts.seed ?? 7;
  const rnd = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n) | 0;
  };
  const pick = <T>(xs: readonly T[]): T => xs[rnd(xs.length)]!;
  const people = Array.from({ length: opts.persons ?? Math.max(20, count / 3) }, (_, i) => {
    const arabic = rnd(25) === 0 ? pick(ARABIC) : null;
    return {
      i, g: pick(GIVEN), s: pick(SURNAMES), arabic, alias: rnd(12) === 0 ? `${pick(GIVEN)[0]} ${pick(SURNAMES)[0]}` : null,
      article: pick(ARTICLES), arrested: `202${rnd(4)}-0${1 + rnd(9)}-1${rnd(10)}`,
    };
  });
  const nameOf = (p: (typeof people)[number]): ContractPerson['name'] => {
    if (p.arabic) return rnd(2) ? p.arabic[0] : p.arabic[1];
    switch (rnd(10)) {
      case 0: return `${p.g[1]} ${p.s[1]}`;
      case 1: return `${p.s[0].toUpperCase()}, ${p.g[0]}`;
      case 2: return `Mr ${p.s[0]}`;
      case 3: return p.s[rnd(2)]!;
      case 4: return p.g[0];
      case 5: return `${p.g[0][0]}. ${p.s[0]}`;
      default: return `${p.g[0]} ${p.s[0]}`;
    }
  };
  const out: ProcessedReport[] = [];
  for (let r = 0; r < count; r++) {
    const who = [...new Set(Array.from({ length: 1 + rnd(4) }, () => people[Math.floor(people.length * (rnd(1000) / 1000) ** 1.5)]!))];
    const persons: ContractPerson[] = [];
    const events: ContractEvent[] = [];
    let text = `FICTIONAL report ${r}.`;
    for (const p of who) {
      const name = nameOf(p);
      if (persons.some((x) => x.name === name)) continue;
      const variants = p.alias && rnd(2) ? [p.alias] : [];
      persons.push({ name, variants, role: pick(ROLES) });
      for (let e = rnd(3); e > 0; e--) {
        const type = pick(TYPES);
        const sentence = ` ${name} was named in an event of type ${type}.`;
        const start = text.length + 1;
        text += sentence;
        events.push({
          type, person: name, date: rnd(2) ? p.arrested : `202${rnd(4)}`, place: null,
          detail: type === 'charge' || type === 'sentence' ? `Article ${rnd(4) ? p.article : pick(ARTICLES)}` : null,
          evidence: sentence.trim(), start, end: start + sentence.trim().length, confidence: 0.8,
        });
      }
    }
    const bytes = Buffer.from(`${text}\n`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const published = `2024-0${1 + (r % 9)}-1${r % 10}`;
    out.push({
      raw: { bytes, sha256, filename: `synthetic-${r}.txt`, format: 'txt', meta: { url: null, title: `Report ${r}`, published, language: 'en', extra: {} }, body: { kind: 'text', content: text }, encoding: 'utf-8' },
      cleaned: { mainText: text, title: `Report ${r}`, published, language: 'en', author: null, outlet: null, captions: [] },
      extraction: { source: { sha256, title: `Report ${r}`, published, language: 'en', url: null }, main_text: text, persons, events },
      cleanerVersion: 'synthetic', extractorVersion: 'synthetic',
    } as ProcessedReport);
  }
  return out;
}
