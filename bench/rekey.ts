/**
 * npm run bench:rekey [-- --reports N] — how long a key rotation takes (a user removed or demoted:
 * `PRAGMA rekey` of the whole database, and every sealed field sealed again under new field keys)
 * on a workspace of N reports (default 10,000: the fictional examples, each copy a distinct
 * original; one in five confidential, one in five internal).
 */
import { mkdtempSync, rmSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initWorkspace, workspacePaths } from '../src/store/workspace.ts';
import { ingestBytes } from '../src/ingest/ingest.ts';
import { addUser, removeUser } from '../src/store/users.ts';

const examples = fileURLToPath(new URL('../examples', import.meta.url));
const nArg = process.argv.indexOf('--reports');
const N = nArg > 0 ? Number(process.argv[nArg + 1]) : 10_000;
const files = readdirSync(examples).filter((f) => f.endsWith('.txt')).map((f) => ({ f, text: readFileSync(join(examples, f), 'utf8') }));
const PASS = 'benchmark passphrase';

const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-rekey-'));
try {
  const ws = join(dir, 'ws');
  const store = await initWorkspace(ws, PASS);
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const { f, text } = files[i % files.length]!;
    const level = i % 5 === 0 ? 'confidential' : i % 5 === 1 ? 'internal' : 'public';
    // A header block of our own in front of each copy: its level, and a line that makes the original distinct.
    const body = text.replace(/^(?:[a-z]+: .*\n)+---\n/, '');
    ingestBytes(store, Buffer.from(`title: copy ${i} of ${f}\nconfidentiality: ${level}\n---\n${body}\n\ncopy ${i}\n`), `${i}-${f}`, 'bench');
  }
  const sealed = (store.db.prepare('SELECT count(*) AS n FROM sealed_fields').get() as { n: number }).n;
  store.close();
  const t1 = performance.now();
  await addUser(ws, PASS, 'leaving', 'editor', 'a fictional password', 'bench');
  const t2 = performance.now();
  const r = await removeUser(ws, PASS, 'leaving', 'bench');
  const t3 = performance.now();
  const mib = statSync(workspacePaths(ws).db).size / 2 ** 20;
  console.log(`built ${N} reports (${sealed} sealed fields, database ${mib.toFixed(0)} MiB) in ${((t1 - t0) / 1000).toFixed(1)} s`);
  console.log(`vigil users remove: ${((t3 - t2) / 1000).toFixed(2)} s in all (the Argon2id unlock included); the rotation itself ${(r.ms / 1000).toFixed(2)} s — ${r.fields} fields sealed again, database re-keyed`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
