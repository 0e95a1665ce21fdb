/**
 * `npm start`: the main job on the embedded default. Creates (or reopens) a demo workspace,
 * ingests the fictional example reports the project ships, prints a summary and a case file, then
 * serves the web UI over the demo workspace on 127.0.0.1 and prints its URL (Ctrl+C stops it;
 * VIGIL_DEMO_NO_SERVE=1 ends after the summary, VIGIL_PORT picks the port, default 8080).
 * The demo passphrase is printed on purpose: this workspace holds only fictional reports.
 */
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';
import { rmSync } from 'node:fs';
import { initWorkspace, isWorkspace, openWorkspace, workspacePaths } from '../../store/workspace.ts';
import { readKeyFile } from '../../store/keyfile.ts';
import { ingestPaths } from '../../ingest/ingest.ts';
import { caseFileOf } from '../../views/workspace-views.ts';
import { statistics } from '../../views/dossier.ts';
import { filterCounts, mostDocumented } from '../../store/person-views.ts';
import { formatCaseFile } from '../../views/format.ts';
import { PERSON_STATUSES } from '../../schema/taxonomy.ts';
import { startServer } from '../http/server.ts';

export const DEMO_PASSPHRASE = 'demo-only-not-secret';
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const dir = process.env.VIGIL_DEMO_WORKSPACE ?? join(root, 'vigil-data', 'demo');
const examples = join(root, 'examples');

async function demo(): Promise<void> {
  const started = performance.now();
  // A demo workspace left by an earlier Vigil (another key-file format) holds only the examples: made anew.
  if (isWorkspace(dir) && readKeyFile(workspacePaths(dir).key, { quiet: true }) === null) rmSync(dir, { recursive: true, force: true });
  const fresh = !isWorkspace(dir);
  const store = fresh ? await initWorkspace(dir, DEMO_PASSPHRASE) : await openWorkspace(dir, DEMO_PASSPHRASE);
  try {
    console.log(`${fresh ? 'Created' : 'Reopened'} the demo workspace ${relative(process.cwd(), dir) || dir}`);
    console.log(`Demo passphrase: ${DEMO_PASSPHRASE}   (fictional data only; use \`vigil init\` with your own passphrase for real work)\n`);
    const summary = await ingestPaths(store, [examples], { actor: 'demo' });
    for (const o of summary.outcomes) {
      const name = relative(root, o.file);
      if (o.status === 'ingested') console.log(`  ingested  ${name}: ${o.persons} persons, ${o.claims} proposed claims`);
      else if (o.status === 'duplicate') console.log(`  unchanged ${name} (already archived)`);
      else console.log(`  FAILED    ${name}: ${o.error}`);
    }
    const stats = statistics(store, store.owner);
    const { byStatus } = filterCounts(store, store.owner, {});
    console.log(`\nWorkspace: ${stats.totals.reports} reports, ${stats.totals.persons} persons, ${stats.totals.claims} proposed claims.`);
    console.log(`Persons by status: ${Object.entries(byStatus).filter(([, n]) => n > 0).map(([s, n]) => `${PERSON_STATUSES[s as keyof typeof PERSON_STATUSES].en.toLowerCase()} ${n}`).join(', ')}`);
    const most = mostDocumented(store, store.owner);
    const file = most === null ? null : caseFileOf(store, most);
    if (file) console.log(`\nCase file of the most documented person:\n\n${formatCaseFile(file)}`);
    console.log(`\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s. Try: VIGIL_PASSPHRASE=${DEMO_PASSPHRASE} npx vigil persons --workspace ${relative(process.cwd(), dir)}`);
  } finally {
    store.close();
  }
}

async function serve(): Promise<void> {
  const wanted = Number(process.env.VIGIL_PORT ?? 8080);
  let server;
  try {
    server = await startServer({ workspace: dir, host: '127.0.0.1', port: wanted });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    server = await startServer({ workspace: dir, host: '127.0.0.1', port: 0 });
  }
  console.log(`\nVigil web UI: ${server.url}  — unlock it with the demo passphrase: ${DEMO_PASSPHRASE}`);
  console.log('Serving on 127.0.0.1 only; press Ctrl+C to stop.');
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await demo();
if (process.env.VIGIL_DEMO_NO_SERVE !== '1') await serve();
