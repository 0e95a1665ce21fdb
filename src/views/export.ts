/**
 * An export for one clearance: the prisoner list, statistics and every case file that clearance
 * may see — what a monitor publishes (level public) or hands to a partner (internal). Built from
 * the same clearance-filtered views as the web app, so a row marked above the level never enters.
 */
import type { Confidentiality } from '../schema/taxonomy.ts';
import type { SqliteStore } from '../store/sqlite-store.ts';
import { readerOf } from '../store/queries.ts';
import { dossier, personListFor, prisonerList, statistics, type Dossier } from './dossier.ts';

export const EXPORT_FORMAT = 'vigil-export/1';

export interface WorkspaceExport {
  format: typeof EXPORT_FORMAT;
  level: Confidentiality;
  exportedAt: string;
  prisoners: ReturnType<typeof prisonerList>;
  statistics: ReturnType<typeof statistics>;
  caseFiles: Dossier[];
}

/** Read as a reader of that level would: its rows, and only the field keys it may hold. */
export function buildExport(store: SqliteStore, level: Confidentiality, now = new Date()): WorkspaceExport {
  const reader = readerOf(level, store.fieldKeys);
  const caseFiles = personListFor(store, reader)
    .map((p) => dossier(store, p.id, reader))
    .filter((d): d is Dossier => d !== null);
  return { format: EXPORT_FORMAT, level, exportedAt: now.toISOString(), prisoners: prisonerList(store, reader, {}), statistics: statistics(store, reader), caseFiles };
}
