/** A throw-away workspace with a cheap KDF, for tests that store what they read. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initWorkspace } from '../../src/store/workspace.ts';
import type { SqliteStore } from '../../src/store/sqlite-store.ts';

export const FAST_KDF = { memoryCost: 8192, timeCost: 1, parallelism: 1 };

export async function withWorkspace<T>(fn: (store: SqliteStore, dir: string) => Promise<T> | T): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-doc-'));
  const store = await initWorkspace(join(dir, 'ws'), 'fictional test passphrase', FAST_KDF);
  try {
    return await fn(store, dir);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** How many rows each table holds: "nothing stored" is all of them unchanged. */
export function counts(store: SqliteStore): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of ['reports', 'mentions', 'claims', 'attachments', 'report_links', 'source_keys']) out[t] = (store.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return out;
}
