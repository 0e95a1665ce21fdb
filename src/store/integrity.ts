/**
 * Integrity under a key that users never hold: the integrity key of the bundle (keyfile.ts), known
 * only to the owner and the unlocked server.
 *
 * - Every audit entry is chained by HMAC-SHA256 over the previous entry's MAC and its own content.
 * - Every row of a table that holds facts or rights carries a MAC over its table, key and columns.
 *   Rows are stamped in the transaction that wrote them: TEMP triggers (this connection's writes
 *   only, so nobody can ask Vigil to stamp a row it did not write) list the changed rows.
 * - The chain's head and each table's row count are anchored in the key file after every write,
 *   outside the database, and `vigil verify --head` prints the head for a monitor to note elsewhere.
 */
import { createHmac } from 'node:crypto';
import type { Db } from './db.ts';
import type { HeadAnchor } from './keyfile.ts';

/** Tables that hold facts or rights, with the column that names a row; their row counts are anchored. */
const FACT_TABLES = {
  reports: 'id',
  mentions: 'id',
  persons: 'id',
  claims: 'id',
  reviews: 'id',
  person_decisions: 'id',
  users: 'name',
  attachments: 'id',
  report_links: 'id',
  source_keys: 'key',
} as const;

/**
 * Tables derived from those (derived.ts): the resolution state, and what lists and statistics show.
 * Their rows carry MACs too, but their counts are not anchored: counting them on every write would
 * cost as much as the workspace, and `vigil persons rebuild` makes them again from the facts.
 */
const DERIVED_TABLES = {
  resolve_groups: 'id',
  resolve_reps: 'id',
  resolve_parts: 'id',
  resolve_items: 'id',
  resolve_keys: 'id',
  resolve_lookups: 'id',
  person_views: 'id',
  person_articles: 'id',
  view_counts: 'id',
} as const;

export const MACED_TABLES = { ...FACT_TABLES, ...DERIVED_TABLES } as const;
export type MacedTable = keyof typeof MACED_TABLES;
export const MACED_TABLE_NAMES = Object.keys(MACED_TABLES) as MacedTable[];

/**
 * Left out of a row's MAC: the MAC itself, and the bytes of an original or of an attachment's shown
 * copy (their SHA-256 columns are in, and verify re-hashes them).
 */
const UNMACED = new Set(['mac', 'original', 'shown']);

export const GENESIS_HASH = '0'.repeat(64);

export function auditMac(key: Buffer, prevHash: string, e: { at: string; actor: string; action: string; entity: string; beforeJson: string | null; afterJson: string | null }): string {
  return createHmac('sha256', key).update(JSON.stringify(['vigil/audit/v2', prevHash, e.at, e.actor, e.action, e.entity, e.beforeJson, e.afterJson])).digest('hex');
}

const columnCache = new WeakMap<Db, Map<string, string[]>>();

/** The columns a table's MAC covers, in schema order (so a column added later is covered too). */
export function macColumns(db: Db, table: MacedTable): string[] {
  let m = columnCache.get(db);
  if (!m) columnCache.set(db, (m = new Map()));
  let cols = m.get(table);
  if (!cols) {
    cols = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name).filter((c) => !UNMACED.has(c));
    m.set(table, cols);
  }
  return cols;
}

export function rowMac(key: Buffer, table: MacedTable, row: Record<string, unknown>, cols: string[]): string {
  const values = cols.map((c) => {
    const v = row[c];
    return Buffer.isBuffer(v) ? `b64:${v.toString('base64')}` : v === undefined ? null : v;
  });
  return createHmac('sha256', key).update(JSON.stringify(['vigil/row/v1', table, ...values])).digest('hex');
}

/** Creates this connection's TEMP triggers that list the rows it inserts or changes. */
export function watchWrites(db: Db): void {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS mac_dirty(tbl TEXT NOT NULL, k NOT NULL, PRIMARY KEY (tbl, k)) WITHOUT ROWID');
  for (const table of MACED_TABLE_NAMES) {
    const k = MACED_TABLES[table];
    const cols = macColumns(db, table).join(', ');
    db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS mac_${table}_ins AFTER INSERT ON main.${table} BEGIN INSERT OR IGNORE INTO mac_dirty VALUES ('${table}', new.${k}); END;
      CREATE TEMP TRIGGER IF NOT EXISTS mac_${table}_upd AFTER UPDATE OF ${cols} ON main.${table} BEGIN INSERT OR IGNORE INTO mac_dirty VALUES ('${table}', new.${k}); END;`);
  }
}

/** Stamps every row this connection changed since the last stamp; inside the writing transaction. */
export function stampWrites(db: Db, key: Buffer): number {
  const dirty = db.prepare('SELECT tbl, k FROM temp.mac_dirty').all() as { tbl: MacedTable; k: unknown }[];
  if (dirty.length === 0) return 0;
  for (const { tbl, k } of dirty) stampRow(db, key, tbl, k);
  db.prepare('DELETE FROM temp.mac_dirty').run();
  return dirty.length;
}

type Statement = import('better-sqlite3-multiple-ciphers').Statement<unknown[]>;
const stampStatements = new WeakMap<Db, Map<MacedTable, { read: Statement; write: Statement }>>();

export function stampRow(db: Db, key: Buffer, table: MacedTable, k: unknown): void {
  const cols = macColumns(db, table);
  // Prepared once per table: a large write stamps many thousands of rows.
  let byTable = stampStatements.get(db);
  if (!byTable) stampStatements.set(db, (byTable = new Map()));
  let st = byTable.get(table);
  if (!st) {
    const kc = MACED_TABLES[table];
    st = { read: db.prepare(`SELECT ${cols.join(', ')} FROM ${table} WHERE ${kc} = ?`), write: db.prepare(`UPDATE ${table} SET mac = ? WHERE ${kc} = ?`) };
    byTable.set(table, st);
  }
  const row = st.read.get(k) as Record<string, unknown> | undefined;
  if (row) st.write.run(rowMac(key, table, row, cols), k);
}

/** Rows whose MAC does not match their content: each named by table and key. */
export function* alteredRows(db: Db, key: Buffer, table: MacedTable): Generator<string> {
  const cols = macColumns(db, table);
  for (const row of db.prepare(`SELECT ${cols.join(', ')}, mac FROM ${table}`).iterate() as Iterable<Record<string, unknown>>) {
    if (row.mac !== rowMac(key, table, row, cols)) yield String(row[MACED_TABLES[table]]);
  }
}

export function rowCounts(db: Db): Record<string, number> {
  return Object.fromEntries(['audit_log', ...Object.keys(FACT_TABLES)].map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
}

function anchorMac(key: Buffer, a: Omit<HeadAnchor, 'mac'>): string {
  return createHmac('sha256', key).update(JSON.stringify(['vigil/head/v1', a.auditId, a.auditHash, a.rows, a.at])).digest('hex');
}

/** The head as it is now: read inside a transaction so that no other writer moves it meanwhile. */
export function currentHead(db: Db, key: Buffer): HeadAnchor {
  const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  const a = { auditId: last?.id ?? 0, auditHash: last?.hash ?? GENESIS_HASH, rows: rowCounts(db), at: new Date().toISOString() };
  return { ...a, mac: anchorMac(key, a) };
}

export function anchorIsGenuine(key: Buffer, a: HeadAnchor): boolean {
  return a.mac === anchorMac(key, { auditId: a.auditId, auditHash: a.auditHash, rows: a.rows, at: a.at });
}
