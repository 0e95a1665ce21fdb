/**
 * Scoring against hand-annotated gold, exactly as ../shared/contracts/extraction.md counts.
 * Pure: predictions and gold in, figures out.
 */
import type { ContractExtraction, ContractPerson } from '../extract/contract.ts';
import { EVENT_TYPES, isEventType } from '../schema/taxonomy.ts';

export interface GoldEvent {
  type: string;
  person: string;
  date: string | null;
  place?: string | null;
  detail?: string | null;
  evidence: string;
}

export interface GoldReport {
  article: string;
  published?: string | null;
  language?: string;
  main_text_first_words: string;
  main_text_last_words: string;
  persons: ContractPerson[];
  events: GoldEvent[];
}

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/** The contract folds Unicode white space (the reports contain no-break spaces) before matching. */
export function foldSpace(s: string): string {
  return s.replace(/\s/gu, ' ');
}

export function wordTokens(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Lower-case, diacritics and punctuation removed: the contract's rule for person forms. */
export function foldName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The gold body: the seed text from its first words through its last words, inclusive. */
export function goldBody(text: string, gold: Pick<GoldReport, 'main_text_first_words' | 'main_text_last_words'>): string | null {
  const t = foldSpace(text);
  const start = t.indexOf(foldSpace(gold.main_text_first_words));
  if (start === -1) return null;
  const lastWords = foldSpace(gold.main_text_last_words);
  const endAt = t.lastIndexOf(lastWords);
  if (endAt === -1 || endAt < start) return null;
  return t.slice(start, endAt + lastWords.length);
}

/** Token bags: how much of the gold body the predicted main text has, and how much else. */
export function scoreBags(predicted: string, gold: string): Prf {
  const count = (toks: string[]) => {
    const m = new Map<string, number>();
    for (const t of toks) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  };
  const p = count(wordTokens(predicted));
  const g = count(wordTokens(gold));
  let tp = 0;
  for (const [t, n] of p) tp += Math.min(n, g.get(t) ?? 0);
  const np = [...p.values()].reduce((a, b) => a + b, 0);
  const ng = [...g.values()].reduce((a, b) => a + b, 0);
  return prf(tp, np - tp, ng - tp);
}

function forms(p: ContractPerson): Set<string> {
  return new Set([p.name, ...p.variants].map(foldName).filter((f) => f !== ''));
}

function personsMatch(a: ContractPerson | undefined, b: ContractPerson | undefined): boolean {
  if (!a || !b) return false;
  const fa = forms(a);
  for (const f of forms(b)) if (fa.has(f)) return true;
  return false;
}

function personByName(persons: ContractPerson[], name: string): ContractPerson {
  return persons.find((p) => p.name === name) ?? { name, variants: [], role: null };
}

export interface EventMatch {
  gold: GoldEvent;
  predicted: ContractExtraction['events'][number] | null;
}

export interface ReportScore {
  article: string;
  mainText: Prf | null;
  persons: Prf;
  events: Prf;
  /** Matched events with a gold date, those whose date starts with it, and those dated where the gold gives no date. */
  dates: { correct: number; total: number; unsupported: number };
  byType: Record<string, { tp: number; fp: number; fn: number }>;
  missed: GoldEvent[];
  spurious: ContractExtraction['events'];
  wrongDates: { gold: GoldEvent; predicted: string | null }[];
  /** Gold events of unscored types ("other"), left out as the contract says. */
  unscored: number;
  missedPersons: string[];
  spuriousPersons: string[];
}

export function scoreReport(pred: ContractExtraction, gold: GoldReport, goldText: string | null): ReportScore {
  const mainText = goldText === null ? null : scoreBags(pred.main_text, goldText);

  // persons: greedy one-to-one matching on shared forms
  const usedGold = new Set<number>();
  let ptp = 0;
  for (const p of pred.persons) {
    const gi = gold.persons.findIndex((g, i) => !usedGold.has(i) && personsMatch(p, g));
    if (gi >= 0) {
      usedGold.add(gi);
      ptp++;
    }
  }
  const persons = prf(ptp, pred.persons.length - ptp, gold.persons.length - ptp);
  const missedPersons = gold.persons.filter((_, i) => !usedGold.has(i)).map((g) => g.name);
  const spuriousPersons = pred.persons.filter((p) => !gold.persons.some((g) => personsMatch(p, g))).map((p) => p.name);

  const byType: ReportScore['byType'] = {};
  const bump = (t: string, k: 'tp' | 'fp' | 'fn') => {
    byType[t] ??= { tp: 0, fp: 0, fn: 0 };
    byType[t][k]++;
  };
  // The contract: type "other" is anything else worth keeping, and scorers ignore it on both sides.
  const isScored = (t: string) => isEventType(t) && EVENT_TYPES[t].scored;
  const scored = pred.events.filter((e) => isScored(e.type));
  const goldEvents = gold.events.filter((g) => isScored(g.type));
  const usedPred = new Set<number>();
  const missed: GoldEvent[] = [];
  const wrongDates: ReportScore['wrongDates'] = [];
  let correct = 0;
  let total = 0;
  let unsupported = 0;
  for (const g of goldEvents) {
    const gPerson = personByName(gold.persons, g.person);
    const gTokens = wordTokens(foldSpace(g.evidence));
    const pi = scored.findIndex((e, i) => {
      if (usedPred.has(i) || e.type !== g.type) return false;
      if (!personsMatch(personByName(pred.persons, e.person), gPerson)) return false;
      const eTokens = new Set(wordTokens(foldSpace(e.evidence)));
      const shared = gTokens.filter((t) => eTokens.has(t)).length;
      return gTokens.length > 0 && shared * 2 >= gTokens.length;
    });
    if (pi < 0) {
      missed.push(g);
      bump(g.type, 'fn');
      continue;
    }
    usedPred.add(pi);
    bump(g.type, 'tp');
    // A date where the text gives none is worse than none: counted apart, since accuracy reads only gold-dated events.
    if (!g.date && scored[pi]!.date !== null) unsupported++;
    if (g.date) {
      total++;
      const d = scored[pi]!.date;
      if (d !== null && d.startsWith(g.date)) correct++;
      else wrongDates.push({ gold: g, predicted: d });
    }
  }
  const spurious = scored.filter((_, i) => !usedPred.has(i));
  for (const e of spurious) bump(e.type, 'fp');
  const etp = usedPred.size;
  return {
    article: gold.article, mainText, persons, events: prf(etp, scored.length - etp, goldEvents.length - etp),
    dates: { correct, total, unsupported }, byType, missed, spurious, wrongDates, unscored: gold.events.length - goldEvents.length, missedPersons, spuriousPersons,
  };
}

/** Pairwise precision and recall over the gold names the system reports (contract: cross-report persons). */
export function scoreClusters(system: { name: string; aliases: string[] }[], goldClusters: string[][]): Prf & { names: number } {
  const clusterOf = new Map<string, number>();
  goldClusters.forEach((c, i) => c.forEach((n) => clusterOf.set(foldName(n), i)));
  const itemsOf = new Map<string, Set<number>>();
  system.forEach((p, i) => {
    for (const n of [p.name, ...p.aliases]) {
      const f = foldName(n);
      if (!clusterOf.has(f)) continue;
      if (!itemsOf.has(f)) itemsOf.set(f, new Set());
      itemsOf.get(f)!.add(i);
    }
  });
  const names = [...itemsOf.keys()];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const a = names[i]!;
      const b = names[j]!;
      const goldSame = clusterOf.get(a) === clusterOf.get(b);
      const sysSame = [...itemsOf.get(a)!].some((x) => itemsOf.get(b)!.has(x));
      if (goldSame && sysSame) tp++;
      else if (sysSame) fp++;
      else if (goldSame) fn++;
    }
  }
  return { ...prf(tp, fp, fn), names: names.length };
}
