/**
 * `vigil eval GOLD_DIR TEXT_DIR`: runs the same pipeline as ingest on each annotated report and
 * scores it. Cross-report persons are resolved exactly as the store resolves them.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import { parseInput } from '../ingest/formats.ts';
import { processReport } from '../ingest/process.ts';
import { groupMentions } from '../store/resolve-persons.ts';
import type { ClaimClue, MentionRow } from '../store/sqlite-store.ts';
import { goldBody, prf, scoreClusters, scoreReport, type GoldReport, type Prf, type ReportScore } from './score.ts';

/** A report's batch is its name's letters before the number (a01 → a); its part comes from the number. */
export type Part = 'all' | 'study' | 'held-out';

export interface EvalOptions {
  /**
   * Which reports to score. Odd-numbered reports are the part one studies (and tunes rules on);
   * even-numbered ones are only scored, so a figure on them is a figure on text nobody tuned on.
   */
  part?: Part;
  /** Only these report names (without extension). */
  only?: string[];
}

export interface ScoredReport extends ReportScore {
  batch: string;
  language: string;
}

export interface GroupScore {
  name: string;
  reports: number;
  persons: Prf;
  events: Prf;
  dateAccuracy: { correct: number; total: number; accuracy: number; unsupported: number };
}

export interface EvalResult {
  part: Part;
  reports: ScoredReport[];
  mainText: { precision: number; recall: number; f1: number } | null;
  persons: Prf;
  events: Prf;
  dateAccuracy: { correct: number; total: number; accuracy: number; unsupported: number };
  byType: Record<string, Prf>;
  byBatch: GroupScore[];
  byLanguage: GroupScore[];
  /** Gold events of types the contract does not score ("other"). */
  unscoredGold: number;
  crossReport: (Prf & { names: number }) | null;
  errors: { article: string; error: string }[];
}

function mean(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

export function partOf(name: string): Exclude<Part, 'all'> {
  const n = /(\d+)(?!.*\d)/.exec(name);
  return n && Number(n[1]) % 2 === 1 ? 'study' : 'held-out';
}

function batchOf(name: string): string {
  return /^\p{L}+(?=\d)/u.exec(name)?.[0] ?? '-';
}

function sumPrf(reports: ReportScore[], k: 'persons' | 'events'): Prf {
  const t = reports.reduce((acc, r) => ({ tp: acc.tp + r[k].tp, fp: acc.fp + r[k].fp, fn: acc.fn + r[k].fn }), { tp: 0, fp: 0, fn: 0 });
  return prf(t.tp, t.fp, t.fn);
}

function dateAccuracy(reports: ReportScore[]): EvalResult['dateAccuracy'] {
  const correct = reports.reduce((a, r) => a + r.dates.correct, 0);
  const total = reports.reduce((a, r) => a + r.dates.total, 0);
  const unsupported = reports.reduce((a, r) => a + r.dates.unsupported, 0);
  return { correct, total, accuracy: total === 0 ? 1 : correct / total, unsupported };
}

function groupBy(reports: ScoredReport[], key: (r: ScoredReport) => string): GroupScore[] {
  const groups = new Map<string, ScoredReport[]>();
  for (const r of reports) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return [...groups].sort((a, b) => a[0].localeCompare(b[0])).map(([name, rs]) => ({ name, reports: rs.length, persons: sumPrf(rs, 'persons'), events: sumPrf(rs, 'events'), dateAccuracy: dateAccuracy(rs) }));
}

export function evaluate(goldDir: string, textDir: string, options: EvalOptions = {}): EvalResult {
  const part = options.part ?? 'all';
  const goldFiles = readdirSync(goldDir)
    .filter((f) => f.endsWith('.json') && f !== 'persons.json')
    .filter((f) => part === 'all' || partOf(basename(f, '.json')) === part)
    .filter((f) => !options.only || options.only.includes(basename(f, '.json')))
    .sort();
  const reports: ScoredReport[] = [];
  const errors: EvalResult['errors'] = [];
  const mentions: MentionRow[] = [];
  const clues: ClaimClue[] = [];
  for (const gf of goldFiles) {
    const gold = JSON.parse(readFileSync(join(goldDir, gf), 'utf8')) as GoldReport;
    const name = basename(gf, '.json');
    const textPath = ['.txt', '.html', '.htm'].map((e) => join(textDir, name + e)).find((p) => existsSync(p));
    if (!textPath) {
      errors.push({ article: name, error: `no text file for ${name} in ${textDir}` });
      continue;
    }
    const bytes = readFileSync(textPath);
    const [outcome] = parseInput(bytes, textPath);
    if (!outcome || !outcome.ok) {
      errors.push({ article: name, error: outcome && !outcome.ok ? outcome.error : 'nothing parsed' });
      continue;
    }
    const processed = processReport(outcome.report);
    const score = scoreReport(processed.extraction, { ...gold, article: gold.article ?? name }, goldBody(outcome.report.body.content, gold));
    reports.push({ ...score, batch: batchOf(name), language: processed.extraction.source.language });
    for (const p of processed.extraction.persons) {
      const id = mentions.length + 1;
      mentions.push({ id, reportId: reports.length, name: p.name, variants: p.variants, role: p.role, personId: null });
      // The events of this mention, as the store would hold them as claims: resolution weighs them.
      for (const e of processed.extraction.events) if (e.person === p.name) clues.push({ mentionId: id, type: e.type, date: e.date, detail: e.detail });
    }
  }

  const byTypeCounts: Record<string, { tp: number; fp: number; fn: number }> = {};
  for (const r of reports) {
    for (const [t, c] of Object.entries(r.byType)) {
      const acc = (byTypeCounts[t] ??= { tp: 0, fp: 0, fn: 0 });
      acc.tp += c.tp;
      acc.fp += c.fp;
      acc.fn += c.fn;
    }
  }
  const byType = Object.fromEntries(Object.entries(byTypeCounts).sort().map(([t, c]) => [t, prf(c.tp, c.fp, c.fn)]));
  const withText = reports.filter((r) => r.mainText !== null).map((r) => r.mainText!);

  let crossReport: EvalResult['crossReport'] = null;
  const personsFile = join(goldDir, 'persons.json');
  if (existsSync(personsFile)) {
    const clusters = (JSON.parse(readFileSync(personsFile, 'utf8')) as { clusters: string[][] }).clusters;
    const byId = new Map(mentions.map((m) => [m.id, m]));
    const system = groupMentions(mentions, [], clues).map((g) => {
      const names = new Set<string>();
      for (const id of g.mentionIds) {
        const m = byId.get(id)!;
        names.add(m.name);
        m.variants.forEach((v) => names.add(v));
      }
      names.delete(g.name);
      return { name: g.name, aliases: [...names] };
    });
    crossReport = scoreClusters(system, clusters);
  }

  return {
    part,
    reports,
    // Macro-averaged over reports, so a long report does not hide a badly cleaned short one.
    mainText: withText.length ? (() => {
      const precision = mean(withText.map((m) => m.precision));
      const recall = mean(withText.map((m) => m.recall));
      return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
    })() : null,
    persons: sumPrf(reports, 'persons'),
    events: sumPrf(reports, 'events'),
    dateAccuracy: dateAccuracy(reports),
    byType,
    byBatch: groupBy(reports, (r) => r.batch),
    byLanguage: groupBy(reports, (r) => r.language),
    unscoredGold: reports.reduce((a, r) => a + r.unscored, 0),
    crossReport,
    errors,
  };
}

const f3 = (x: number) => x.toFixed(3);

function groupTable(title: string, groups: GroupScore[]): string[] {
  const lines = ['', `${title.padEnd(12)} reports  events P  R      F1     persons F1  dates`];
  for (const g of groups) {
    const d = g.dateAccuracy;
    lines.push(`  ${g.name.padEnd(10)} ${String(g.reports).padStart(7)}  ${f3(g.events.precision)}  ${f3(g.events.recall)}  ${f3(g.events.f1)}  ${f3(g.persons.f1)}       ${f3(d.accuracy)} (${d.correct}/${d.total})`);
  }
  return lines;
}

export function formatEval(r: EvalResult, opts: { misses?: boolean } = {}): string {
  const lines: string[] = [];
  lines.push(`reports scored: ${r.reports.length}${r.part === 'all' ? '' : ` (${r.part} part)`}${r.errors.length ? `, errors: ${r.errors.length}` : ''}`);
  for (const e of r.errors) lines.push(`  error ${e.article}: ${e.error}`);
  if (r.mainText) lines.push(`main text   P ${f3(r.mainText.precision)}  R ${f3(r.mainText.recall)}  F1 ${f3(r.mainText.f1)}`);
  lines.push(`persons     P ${f3(r.persons.precision)}  R ${f3(r.persons.recall)}  F1 ${f3(r.persons.f1)}`);
  lines.push(`events      P ${f3(r.events.precision)}  R ${f3(r.events.recall)}  F1 ${f3(r.events.f1)}  (tp ${r.events.tp}, fp ${r.events.fp}, fn ${r.events.fn}${r.unscoredGold ? `; ${r.unscoredGold} gold events of type "other" not scored` : ''})`);
  lines.push(`dates       accuracy ${f3(r.dateAccuracy.accuracy)}  (${r.dateAccuracy.correct}/${r.dateAccuracy.total} matched events with a gold date); ${r.dateAccuracy.unsupported} dated where the gold gives no date`);
  if (r.crossReport) lines.push(`cross-report persons  P ${f3(r.crossReport.precision)}  R ${f3(r.crossReport.recall)}  F1 ${f3(r.crossReport.f1)}  (${r.crossReport.names} gold names reported)`);
  if (r.byBatch.length > 1) lines.push(...groupTable('per batch', r.byBatch));
  if (r.byLanguage.length > 1) lines.push(...groupTable('per language', r.byLanguage));
  lines.push('', 'per type              P      R      F1    tp  fp  fn');
  for (const [t, s] of Object.entries(r.byType)) {
    lines.push(`  ${t.padEnd(20)} ${f3(s.precision)}  ${f3(s.recall)}  ${f3(s.f1)}  ${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)}`);
  }
  lines.push('', 'per report            main-text F1  persons F1  events F1');
  for (const rep of r.reports) {
    lines.push(`  ${rep.article.padEnd(22)} ${rep.mainText ? f3(rep.mainText.f1) : '  -  '}         ${f3(rep.persons.f1)}       ${f3(rep.events.f1)}`);
  }
  const missed = r.reports.flatMap((rep) => rep.missed.map((m) => ({ article: rep.article, m })));
  const spurious = r.reports.flatMap((rep) => rep.spurious.map((e) => ({ article: rep.article, e })));
  const wrong = r.reports.flatMap((rep) => rep.wrongDates.map((w) => ({ article: rep.article, w })));
  if (!opts.misses) {
    lines.push('', `gold events missed: ${missed.length}, spurious events: ${spurious.length}, wrong dates: ${wrong.length} (--misses lists them)`);
    return lines.join('\n');
  }
  const personsMissed = r.reports.flatMap((rep) => rep.missedPersons.map((n) => `[${rep.article}] ${n}`));
  const personsSpurious = r.reports.flatMap((rep) => rep.spuriousPersons.map((n) => `[${rep.article}] ${n}`));
  lines.push('', `gold persons missed: ${personsMissed.length}`, ...personsMissed.map((x) => `  ${x}`));
  lines.push('', `persons found that gold does not name: ${personsSpurious.length}`, ...personsSpurious.map((x) => `  ${x}`));
  lines.push('', `gold events missed: ${missed.length}`);
  for (const { article, m } of missed) lines.push(`  [${article}] ${m.type} / ${m.person} / ${m.date ?? '-'}: ${m.evidence.slice(0, 160)}`);
  lines.push('', `spurious events: ${spurious.length}`);
  for (const { article, e } of spurious) lines.push(`  [${article}] ${e.type} / ${e.person} / ${e.date ?? '-'} (${e.rule ?? '?'}): ${e.evidence.slice(0, 160)}`);
  if (wrong.length) {
    lines.push('', `matched events with a wrong date: ${wrong.length}`);
    for (const { article, w } of wrong) lines.push(`  [${article}] ${w.gold.type} / ${w.gold.person}: gold ${w.gold.date}, predicted ${w.predicted ?? 'null'}`);
  }
  return lines.join('\n');
}
