/**
 * What every write keeps up to date in its own transaction, so that no read ever rebuilds anything:
 * persons (resolve-index.ts), each person's view rows (person-views.ts) and the search index
 * (queries.ts). What changed is read from the rows this connection wrote since the write
 * began (the MAC watch list of integrity.ts), so nothing else is looked at.
 */
import type { SqliteStore } from './sqlite-store.ts';
import { ResolutionIndex } from './resolve-index.ts';
import { countReports, refreshPersonViews, resetPersonViews } from './person-views.ts';
import { syncSearchIndex } from './queries.ts';

/** Bumped when what is derived, or how, changes: a workspace of another version is derived again on opening. */
export const DERIVED_VERSION = '3';

/** Mentions (new ones excepted) are resolved in slices of this many, so a rebuild holds little at once. */
const SLICE = 20_000;

type Changed = Record<'claims' | 'mentions' | 'reports' | 'person_decisions', number[]>;

export class Derived {
  readonly resolution: ResolutionIndex;

  constructor(private readonly store: SqliteStore) {
    this.resolution = new ResolutionIndex(store);
  }

  private changedRows(): Changed {
    const out: Changed = { claims: [], mentions: [], reports: [], person_decisions: [] };
    for (const r of this.store.db.prepare("SELECT tbl, k FROM temp.mac_dirty WHERE tbl IN ('claims', 'mentions', 'reports', 'person_decisions')").all() as { tbl: keyof Changed; k: number }[]) out[r.tbl].push(r.k);
    return out;
  }

  /** Inside a write, before its rows are stamped: brings persons, views and the search index up to date. */
  maintain(): void {
    const changed = this.changedRows();
    const touched = (this.store.db.prepare('SELECT DISTINCT mention_id FROM claims WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(changed.claims)) as { mention_id: number }[]).map((r) => r.mention_id);
    const persons = this.resolve(touched, changed.person_decisions.length > 0);
    // Persons whose mentions, claims or reports changed (a review, a level set) are shown anew too.
    const of = this.store.db.prepare(`SELECT DISTINCT person_id FROM mentions WHERE person_id IS NOT NULL AND (id IN (SELECT value FROM json_each(?))
      OR id IN (SELECT value FROM json_each(?)) OR report_id IN (SELECT value FROM json_each(?)))`);
    for (const r of of.all(JSON.stringify(changed.mentions), JSON.stringify(touched), JSON.stringify(changed.reports)) as { person_id: number }[]) persons.add(r.person_id);
    refreshPersonViews(this.store, persons);
    syncSearchIndex(this.store);
  }

  /** Resolves the mentions not yet grouped, slice by slice; returns the persons that changed. */
  private resolve(touched: number[], decisions: boolean): Set<number> {
    const persons = new Set<number>();
    let first = true;
    for (let more = true; more; first = false) {
      const r = this.resolution.update(first ? touched : [], first && decisions, SLICE);
      for (const id of r.changed) persons.add(id);
      more = r.more;
    }
    return persons;
  }

  /** A write failed and was rolled back: what memory holds of the derived state may be ahead of the database. */
  rolledBack(): void {
    this.resolution.forgetCache();
  }

  /** Groups every mention again from nothing (`vigil persons rebuild`): for when the rules of grouping change. Inside a write. */
  rebuild(): void {
    this.resolution.reset();
    resetPersonViews(this.store);
    this.resolve([], true);
    this.refreshAll();
  }

  /** Every person's view rows computed again, slice by slice. */
  private refreshAll(): void {
    const ids = (this.store.db.prepare('SELECT id FROM persons ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    for (let i = 0; i < ids.length; i += SLICE) refreshPersonViews(this.store, ids.slice(i, i + SLICE));
  }

  /** Derives everything anew for a workspace an earlier Vigil wrote: persons, views, and the search index. */
  migrate(): void {
    // Version 3: view rows say whether the person is on the prisoner list.
    const cols = (this.store.db.prepare('PRAGMA table_info(person_views)').all() as { name: string }[]).map((c) => c.name);
    if (!cols.includes('persecuted')) this.store.db.exec('ALTER TABLE person_views ADD COLUMN persecuted INTEGER NOT NULL DEFAULT 0');
    this.rebuild();
    const db = this.store.db;
    db.exec("INSERT OR IGNORE INTO search_dirty SELECT 'report', id FROM reports; INSERT OR IGNORE INTO search_dirty SELECT 'claim', id FROM claims;");
    syncSearchIndex(this.store);
    db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('derived_version', ?)").run(DERIVED_VERSION);
  }
}

/**
 * Gives an opened store its derived state: kept on every write from now on, and derived anew when
 * the workspace holds none of this version (made by an earlier Vigil).
 */
export function attachDerived(store: SqliteStore): void {
  const derived = new Derived(store);
  store.derived = derived;
  const version = (store.db.prepare("SELECT value FROM meta WHERE key = 'derived_version'").get() as { value: string } | undefined)?.value;
  if (version === DERIVED_VERSION) return;
  const empty = !store.db.prepare('SELECT 1 FROM reports LIMIT 1').get();
  store.write(() => {
    if (empty) {
      countReports(store);
      store.db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('derived_version', ?)").run(DERIVED_VERSION);
    }
    else derived.migrate();
  });
}
