/**
 * `vigil import-list`: a list becomes one report (the file archived as it came, its rows as the
 * text), a mention per row, and the row's claims, made by "import:<file>" with the row as their
 * evidence; the resolver then places each row with an existing person or makes a new one.
 * A dry run does all of it inside a transaction, reads off what changed, and rolls it back: what
 * it shows is exactly what the import would do.
 */
import { basename } from 'node:path';
import { sha256Hex, emptyMeta, type RawReport } from '../ingest/formats.ts';
import { CLEANER_VERSION, type ProcessedReport } from '../ingest/process.ts';
import type { SqliteStore } from '../store/sqlite-store.ts';
import { openColumns, sealRow } from '../store/confidential.ts';
import { resolvePersons } from '../store/resolve-persons.ts';
import type { Confidentiality } from '../schema/taxonomy.ts';
import type { ParsedList, RowClaim } from './list.ts';

export interface ImportedRow {
  line: number;
  name: string;
  person: { id: number; name: string; existing: boolean };
  claims: (RowClaim & { known: boolean })[];
  warnings: string[];
}

export interface ImportResult {
  dryRun: boolean;
  file: string;
  sha256: string;
  /** The same file was imported before: nothing changes. */
  duplicate: boolean;
  rows: ImportedRow[];
  skipped: ParsedList['skipped'];
  added: { claims: number; persons: number; personsMatched: number };
}

class RolledBack extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

const IMPORT_VERSION = 'vigil-import/1';

/**
 * Claims this list's maker already made in other reports (an earlier version of the same list), as
 * "name|type|date|place|detail" with sealed fields opened: a sealed earlier import still counts.
 */
function knownClaims(store: SqliteStore, madeBy: string): Set<string> {
  const rows = store.db.prepare(`SELECT c.id, c.mention_id, c.type, c.date, c.place, c.detail, m.name FROM claims c JOIN mentions m ON m.id = c.mention_id
    WHERE c.made_by = ?`).all(madeBy) as { id: number; mention_id: number; type: string; date: string | null; place: string | null; detail: string | null; name: string }[];
  return new Set(rows.map((r) => {
    openColumns(store.db, store.fieldKeys, 'claims', r.id, r, { place: 'place', detail: 'detail' });
    openColumns(store.db, store.fieldKeys, 'mentions', r.mention_id, r, { name: 'name' });
    return JSON.stringify([r.name, r.type, r.date, r.place, r.detail]);
  }));
}

/**
 * Imports a list at `confidentiality` (default public; raised by the store's ingest level like any
 * report): the report, its mentions and claims are sealed under that level's key as ingest does.
 */
export function importList(store: SqliteStore, bytes: Buffer, list: ParsedList, actor: string, opts: { dryRun?: boolean; confidentiality?: Confidentiality } = {}): ImportResult {
  const sha256 = sha256Hex(bytes);
  const dryRun = opts.dryRun ?? false;
  const base = { dryRun, file: list.filename, sha256, skipped: list.skipped };
  if (store.hasReport(sha256)) return { ...base, duplicate: true, rows: [], added: { claims: 0, persons: 0, personsMatched: 0 } };
  const raw: RawReport = {
    bytes, sha256, filename: list.filename, format: 'csv-list', encoding: list.encoding, body: { kind: 'document', content: list.text },
    meta: { ...emptyMeta(), title: `List: ${basename(list.filename)}`, extra: { rows: String(list.rows.length), 'made-by': list.madeBy } },
  };
  const processed: ProcessedReport = {
    raw,
    cleaned: { mainText: list.text, title: raw.meta.title, published: null, language: null, author: null, outlet: null, captions: [] },
    cleanerVersion: CLEANER_VERSION,
    extractorVersion: IMPORT_VERSION,
    // Names only: the claims are the list's, inserted below with their maker and evidence.
    extraction: { source: { sha256, title: raw.meta.title, published: null, language: list.language ?? 'und', url: null }, main_text: list.text, persons: list.rows.map((r) => ({ name: r.name, variants: r.otherNames, role: 'detainee' })), events: [] },
  };
  const run = () => store.write(() => {
    const personsBefore = new Map((store.db.prepare('SELECT id, name FROM persons').all() as { id: number; name: string }[]).map((p) => [p.id, p.name]));
    const known = knownClaims(store, list.madeBy);
    const res = store.addReport(processed, actor, { confidentiality: opts.confidentiality });
    if ('duplicate' in res) throw new Error('the list was stored meanwhile');
    const mentionIds = (store.db.prepare('SELECT id FROM mentions WHERE report_id = ? ORDER BY id').all(res.reportId) as { id: number }[]).map((m) => m.id);
    const insert = store.db.prepare(`INSERT INTO claims(mention_id, report_id, type, date, place, detail, claimant, evidence, span_start, span_end,
      confidence, made_by, rule, review_status, created_at, confidentiality) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
    // The level addReport settled on (the option, the store's ingest level); the claims take it too.
    const level = (store.db.prepare('SELECT confidentiality AS c FROM reports WHERE id = ?').get(res.reportId) as { c: Confidentiality }).c;
    const now = new Date().toISOString();
    let claims = 0;
    const rows = list.rows.map((row, i) => {
      const mentionId = mentionIds[i]!;
      const evidence = list.text.slice(row.start, row.end);
      const out: ImportedRow['claims'] = [];
      for (const c of row.claims) {
        // A claim this list already made about this name (an earlier version of the same list) is not made twice.
        const isKnown = known.has(JSON.stringify([row.name, c.type, c.date, c.place, c.detail]));
        out.push({ ...c, known: isKnown });
        if (isKnown) continue;
        const id = Number(insert.run(mentionId, res.reportId, c.type, c.date, c.place, c.detail, null, evidence, row.start, row.end, 0.9, list.madeBy, `list:line ${row.line}`, 'proposed', now, level).lastInsertRowid);
        if (level !== 'public') sealRow(store.db, store.fieldKeys, 'claims', id, level);
        claims++;
      }
      return { row, mentionId, claims: out };
    });
    // Like ingest, the audit entry never carries the file name: the list can be sealed.
    store.audit(actor, 'import-list', `report:${sha256}`, undefined, { rows: list.rows.length, claims, skipped: list.skipped.length, confidentiality: level });
    resolvePersons(store, actor);
    const personOf = store.db.prepare('SELECT p.id, p.name FROM mentions m JOIN persons p ON p.id = m.person_id WHERE m.id = ?');
    const imported: ImportedRow[] = rows.map(({ row, mentionId, claims: cs }) => {
      const p = personOf.get(mentionId) as { id: number; name: string };
      // An existing person is named as the workspace knew them before the import; the stored name is
      // only ever a public one, so a person named by sealed mentions alone goes by the row's own name.
      return { line: row.line, name: row.name, person: { id: p.id, name: personsBefore.get(p.id) || p.name || row.name, existing: personsBefore.has(p.id) }, claims: cs, warnings: row.warnings };
    });
    const matched = new Set(imported.filter((r) => r.person.existing).map((r) => r.person.id)).size;
    const fresh = new Set(imported.filter((r) => !r.person.existing).map((r) => r.person.id)).size;
    const result: ImportResult = { ...base, duplicate: false, rows: imported, added: { claims, persons: fresh, personsMatched: matched } };
    if (dryRun) throw new RolledBack(result);
    return result;
  });
  try {
    return run();
  } catch (e) {
    if (e instanceof RolledBack) return e.result;
    throw e;
  }
}
