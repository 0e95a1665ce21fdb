/**
 * An export for one clearance: the prisoner list, statistics and every case file that clearance
 * may see — what a monitor publishes (level public) or hands to a partner (internal). Built from
 * the same clearance-filtered views as the web app, so a row marked above the level never enters.
 * Written as it is read, a page of persons at a time, so its memory does not grow with the workspace:
 * one JSON document (the shape below) or JSON Lines (one part per line, each with its `kind`).
 *
 * Publishing is a decision: only claims a reviewer accepted are read, unless `includeProposed` adds
 * the unreviewed ones (each keeps its review status). The prisoner list holds the persecuted only
 * (views/casefile.ts isPersecuted); its rows, counts and statistics are computed from the claims
 * published, never from the workspace's own view rows, which count unreviewed claims too.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Confidentiality } from '../schema/taxonomy.ts';
import type { SqliteStore } from '../store/sqlite-store.ts';
import type { Reader } from '../store/confidential.ts';
import { readerOf } from '../store/queries.ts';
import type { Stats } from '../store/person-views.ts';
import { claimsWhere, levelsFor, mentionsFor, prep } from '../store/queries.ts';
import { displayName } from '../store/resolve-persons.ts';
import { PERSON_STATUSES, isHeldStatus } from '../schema/taxonomy.ts';
import { dossier, type Dossier } from './dossier.ts';
import { personRow, type MonthShare, type PrisonerRow } from './person-row.ts';
import { groupBy } from './persons.ts';
import { everyPersonId, publishedStatuses } from './publish.ts';

export const EXPORT_FORMAT = 'vigil-export/1';
export type ExportFormat = 'json' | 'jsonl';

export interface ExportOptions {
  /** Add claims nobody has reviewed yet (each keeps its review status, `proposed`). */
  includeProposed?: boolean;
}

interface Counts { total: number; shown: number; byStatus: Record<string, number>; byArticle: Record<string, number>; byFacility: Record<string, number> }

export interface WorkspaceExport {
  format: typeof EXPORT_FORMAT;
  level: Confidentiality;
  /** Which review statuses the export holds: ["accepted"], or ["accepted", "proposed"]. */
  reviewStatuses: string[];
  exportedAt: string;
  prisoners: Counts & { persons: PrisonerRow[] };
  statistics: Stats;
  caseFiles: Dossier[];
}

/** A reader of that level that sees only the claims that may be published. */
export function publishingReader(store: SqliteStore, level: Confidentiality, opts: ExportOptions = {}): Reader {
  return { ...readerOf(level, store.fieldKeys), statuses: publishedStatuses({ includeProposed: !!opts.includeProposed }) };
}


/** Each person with a claim the reader may publish, as the prisoner list would show them from those claims. */
function* publishedRows(store: SqliteStore, reader: Reader): Generator<PrisonerRow & { months: MonthShare }> {
  const where = 'm.person_id IN (SELECT value FROM json_each(?))';
  for (const ids of everyPersonId(store, reader)) {
    const mentions = groupBy(mentionsFor(store, reader, where, [JSON.stringify(ids)]), (m) => m.personId!);
    const claims = groupBy(claimsWhere(store, reader, `${where} AND c.review_status != 'rejected'`, [JSON.stringify(ids)]), (c) => c.personId!);
    for (const id of ids) {
      const ms = mentions.get(id);
      const cs = claims.get(id);
      if (ms?.length && cs?.length) yield personRow({ id, name: displayName(ms) }, ms, cs);
    }
  }
}

const bare = ({ months: _m, ...row }: PrisonerRow & { months: MonthShare }): PrisonerRow => row;

function* prisonersOf(store: SqliteStore, reader: Reader): Generator<PrisonerRow> {
  for (const r of publishedRows(store, reader)) if (r.persecuted) yield bare(r);
}

function nextMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

/** Counts of the prisoner list and statistics of the persons published, in one pass over them. */
function summary(store: SqliteStore, reader: Reader): { counts: Counts; statistics: Stats } {
  const byStatus: Record<string, number> = Object.fromEntries(Object.keys(PERSON_STATUSES).map((k) => [k, 0]));
  const byArticle: Record<string, number> = {};
  const byFacility: Record<string, number> = {};
  const articles = new Map<string, number>();
  const facilities = new Map<string, number>();
  const events = new Map<string, Record<string, number>>();
  const held = new Map<string, number>();
  let listed = 0;
  let persons = 0;
  let detainedNow = 0;
  let claims = 0;
  const bump = (o: Record<string, number>, k: string) => { o[k] = (o[k] ?? 0) + 1; };
  for (const r of publishedRows(store, reader)) {
    persons++;
    claims += r.claims;
    if (isHeldStatus(r.status)) detainedNow++;
    for (const a of r.articles) articles.set(a, (articles.get(a) ?? 0) + 1);
    if (r.place && isHeldStatus(r.status)) facilities.set(r.place, (facilities.get(r.place) ?? 0) + 1);
    for (const [k, n] of Object.entries(r.months.events)) {
      const [m, type] = k.split('|') as [string, string];
      const rec = events.get(m) ?? {};
      rec[type] = (rec[type] ?? 0) + n;
      events.set(m, rec);
    }
    for (const [m, d] of Object.entries(r.months.detained)) held.set(m, (held.get(m) ?? 0) + d);
    if (!r.persecuted) continue;
    listed++;
    byStatus[r.status]!++;
    for (const a of r.articles) bump(byArticle, a);
    if (r.place) bump(byFacility, r.place);
  }
  const sorted = [...events.keys()].sort();
  const months: string[] = [];
  for (let m = sorted[0], guard = 0; m && m <= sorted.at(-1)! && guard < 600; m = nextMonth(m), guard++) months.push(m);
  let running = 0;
  const sortDesc = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const reports = (prep(store, 'SELECT count(*) AS n FROM reports WHERE confidentiality IN (SELECT value FROM json_each(?))').get(JSON.stringify(levelsFor(reader.clearance))) as { n: number }).n;
  return {
    counts: { total: listed, shown: listed, byStatus, byArticle, byFacility },
    statistics: {
      detainedOverTime: months.map((month) => ({ month, detained: (running += held.get(month) ?? 0) })),
      byArticle: sortDesc(articles).map(([article, n]) => ({ article, persons: n })),
      byFacility: sortDesc(facilities).map(([facility, n]) => ({ facility, persons: n })),
      eventsPerMonth: months.map((m) => {
        const byType = events.get(m) ?? {};
        return { month: m, events: Object.values(byType).reduce((a, b) => a + b, 0), byType };
      }),
      totals: { persons, detainedNow, claims, reports },
    },
  };
}

/** The case file of every person with a claim that may be published, built from those claims only. */
export function* caseFilesOf(store: SqliteStore, reader: Reader): Generator<Dossier> {
  for (const ids of everyPersonId(store, reader)) {
    for (const id of ids) {
      const d = dossier(store, id, reader);
      if (d && d.timeline.length) yield d;
    }
  }
}

/** The whole export as one value: for tests and small workspaces (`writeExport` streams it). */
export function buildExport(store: SqliteStore, level: Confidentiality, now = new Date(), opts: ExportOptions = {}): WorkspaceExport {
  const reader = publishingReader(store, level, opts);
  const { counts, statistics } = summary(store, reader);
  return {
    format: EXPORT_FORMAT, level, reviewStatuses: [...reader.statuses!], exportedAt: now.toISOString(),
    prisoners: { ...counts, persons: [...prisonersOf(store, reader)] },
    statistics, caseFiles: [...caseFilesOf(store, reader)],
  };
}

/**
 * Writes the export to `out` as it is read, waiting whenever `out` is full. Read as a publishing
 * reader of that level would: its rows, only the field keys it may hold, only the review statuses
 * published. Returns how many case files it wrote.
 */
export async function writeExport(store: SqliteStore, level: Confidentiality, out: Writable, format: ExportFormat = 'json', now = new Date(), opts: ExportOptions = {}): Promise<number> {
  const reader = publishingReader(store, level, opts);
  const put = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  const head = { format: EXPORT_FORMAT, level, reviewStatuses: [...reader.statuses!], exportedAt: now.toISOString() };
  const { counts, statistics } = summary(store, reader);
  let files = 0;
  if (format === 'jsonl') {
    await put(`${JSON.stringify({ kind: 'export', ...head })}\n`);
    await put(`${JSON.stringify({ kind: 'counts', ...counts })}\n`);
    await put(`${JSON.stringify({ kind: 'statistics', ...statistics })}\n`);
    for (const p of prisonersOf(store, reader)) await put(`${JSON.stringify({ kind: 'prisoner', ...p })}\n`);
    for (const d of caseFilesOf(store, reader)) {
      await put(`${JSON.stringify({ kind: 'caseFile', ...d })}\n`);
      files++;
    }
    return files;
  }
  // The document `buildExport` gives, as JSON.stringify(…, null, 2) writes it, in pieces: the arrays are opened, filled and closed.
  const nest = (v: unknown, depth: number) => JSON.stringify(v, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
  await put(`{\n  "format": ${nest(head.format, 1)},\n  "level": ${nest(level, 1)},\n  "reviewStatuses": ${nest(head.reviewStatuses, 1)},\n  "exportedAt": ${nest(head.exportedAt, 1)},\n  "prisoners": {\n`);
  for (const [k, v] of Object.entries(counts)) await put(`    "${k}": ${nest(v, 2)},\n`);
  await put('    "persons": [');
  let any = false;
  for (const p of prisonersOf(store, reader)) {
    await put(`${any ? ',' : ''}\n      ${nest(p, 3)}`);
    any = true;
  }
  await put(`${any ? '\n    ' : ''}]\n  },\n  "statistics": ${nest(statistics, 1)},\n  "caseFiles": [`);
  for (const d of caseFilesOf(store, reader)) {
    await put(`${files ? ',' : ''}\n    ${nest(d, 2)}`);
    files++;
  }
  await put(`${files ? '\n  ' : ''}]\n}\n`);
  return files;
}
