/**
 * An export for one clearance: the prisoner list, statistics and every case file that clearance
 * may see — what a monitor publishes (level public) or hands to a partner (internal). Built from
 * the same clearance-filtered views as the web app, so a row marked above the level never enters.
 * Written as it is read, a page of persons at a time, so its memory does not grow with the workspace:
 * one JSON document (the shape below) or JSON Lines (one part per line, each with its `kind`).
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Confidentiality } from '../schema/taxonomy.ts';
import type { SqliteStore } from '../store/sqlite-store.ts';
import type { Reader } from '../store/confidential.ts';
import { readerOf } from '../store/queries.ts';
import { filterCounts, personPage } from '../store/person-views.ts';
import { decodeCursor, type Cursor } from '../store/cursor.ts';
import { dossier, statistics, type Dossier, type PrisonerRow } from './dossier.ts';

export const EXPORT_FORMAT = 'vigil-export/1';
export type ExportFormat = 'json' | 'jsonl';

export interface WorkspaceExport {
  format: typeof EXPORT_FORMAT;
  level: Confidentiality;
  exportedAt: string;
  prisoners: ReturnType<typeof filterCounts> & { persons: PrisonerRow[] };
  statistics: ReturnType<typeof statistics>;
  caseFiles: Dossier[];
}

const PAGE = 200;

/** Every person a reader may see, in list order, a page at a time. */
function* everyPerson(store: SqliteStore, reader: Reader): Generator<PrisonerRow> {
  let cursor: Cursor | null = null;
  for (;;) {
    const { rows, next } = personPage(store, reader, {}, PAGE, cursor);
    yield* rows;
    cursor = decodeCursor(next ?? undefined);
    if (!cursor) return;
  }
}

export function* caseFilesOf(store: SqliteStore, reader: Reader): Generator<Dossier> {
  for (const p of everyPerson(store, reader)) {
    const d = dossier(store, p.id, reader);
    if (d) yield d;
  }
}

/** The whole export as one value: for tests and small workspaces (`writeExport` streams it). */
export function buildExport(store: SqliteStore, level: Confidentiality, now = new Date()): WorkspaceExport {
  const reader = readerOf(level, store.fieldKeys);
  return {
    format: EXPORT_FORMAT, level, exportedAt: now.toISOString(),
    prisoners: { ...filterCounts(store, reader, {}), persons: [...everyPerson(store, reader)] },
    statistics: statistics(store, reader), caseFiles: [...caseFilesOf(store, reader)],
  };
}

/**
 * Writes the export to `out` as it is read, waiting whenever `out` is full. Read as a reader of that
 * level would: its rows, and only the field keys it may hold. Returns how many case files it wrote.
 */
export async function writeExport(store: SqliteStore, level: Confidentiality, out: Writable, format: ExportFormat = 'json', now = new Date()): Promise<number> {
  const reader = readerOf(level, store.fieldKeys);
  const put = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  const head = { format: EXPORT_FORMAT, level, exportedAt: now.toISOString() };
  const { total, shown, byStatus, byArticle, byFacility } = filterCounts(store, reader, {});
  let files = 0;
  if (format === 'jsonl') {
    await put(`${JSON.stringify({ kind: 'export', ...head })}\n`);
    await put(`${JSON.stringify({ kind: 'counts', total, shown, byStatus, byArticle, byFacility })}\n`);
    await put(`${JSON.stringify({ kind: 'statistics', ...statistics(store, reader) })}\n`);
    for (const p of everyPerson(store, reader)) await put(`${JSON.stringify({ kind: 'prisoner', ...p })}\n`);
    for (const d of caseFilesOf(store, reader)) {
      await put(`${JSON.stringify({ kind: 'caseFile', ...d })}\n`);
      files++;
    }
    return files;
  }
  // The document `buildExport` gives, as JSON.stringify(…, null, 2) writes it, in pieces: the arrays are opened, filled and closed.
  const nest = (v: unknown, depth: number) => JSON.stringify(v, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
  await put(`{\n  "format": ${nest(head.format, 1)},\n  "level": ${nest(level, 1)},\n  "exportedAt": ${nest(head.exportedAt, 1)},\n  "prisoners": {\n`);
  for (const [k, v] of Object.entries({ total, shown, byStatus, byArticle, byFacility })) await put(`    "${k}": ${nest(v, 2)},\n`);
  await put('    "persons": [');
  let any = false;
  for (const p of everyPerson(store, reader)) {
    await put(`${any ? ',' : ''}\n      ${nest(p, 3)}`);
    any = true;
  }
  await put(`${any ? '\n    ' : ''}]\n  },\n  "statistics": ${nest(statistics(store, reader), 1)},\n  "caseFiles": [`);
  for (const d of caseFilesOf(store, reader)) {
    await put(`${files ? ',' : ''}\n    ${nest(d, 2)}`);
    files++;
  }
  await put(`${files ? '\n  ' : ''}]\n}\n`);
  return files;
}
