/**
 * Kills an ingesting process with SIGKILL at random points, 50 times, then proves the store opens,
 * verifies, and holds every report wholly or not at all.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initWorkspace, openWorkspace } from '../../src/store/workspace.ts';
import { verifyStore } from '../../src/store/verify.ts';
import { processReport } from '../../src/ingest/process.ts';
import { parseInput } from '../../src/ingest/formats.ts';

const worker = fileURLToPath(new URL('../fixtures/ingest-worker.ts', import.meta.url));
const FAST = { memoryCost: 8 * 1024, timeCost: 1, parallelism: 1 };
const KILLS = 50;

function runAndKill(dir: string, pass: string, startAt: number): Promise<{ killed: boolean; lines: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', worker, dir, pass, String(startAt)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    let stderr = '';
    // Kill after a random number of reports (0–6), at a random moment within the next report.
    const killAfter = Math.floor(Math.random() * 7);
    const killNow = () => setTimeout(() => child.kill('SIGKILL'), Math.random() * 15);
    if (killAfter === 0) child.stdout.once('data', killNow);
    child.stdout.on('data', (d: Buffer) => {
      const before = lines;
      lines += d.toString().split('\n').filter(Boolean).length;
      if (before < killAfter && lines >= killAfter) killNow();
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ killed: true, lines });
      else if (code === 0) resolve({ killed: false, lines });
      else reject(new Error(`worker failed (${code}): ${stderr}`));
    });
  });
}

test(`the store survives ${KILLS} SIGKILLs during ingest`, { timeout: 600_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'vigil-crash-'));
  const dir = join(root, 'ws');
  const pass = 'crash test passphrase';
  try {
    (await initWorkspace(dir, pass, FAST)).close();
    let killed = 0;
    for (let k = 0; k < KILLS; k++) {
      const r = await runAndKill(dir, pass, k * 400);
      if (r.killed) killed++;
    }
    assert.equal(killed, KILLS, 'every run was killed before it finished');

    const store = await openWorkspace(dir, pass);
    try {
      const v = verifyStore(store);
      assert.equal(v.ok, true, v.problems.join('\n'));
      const reports = store.listReports();
      assert.ok(reports.length > 0, 'some reports got in between kills');
      // Wholly in: every stored report has exactly the claims its original yields, and its audit entry.
      const audited = new Set(store.auditLog().filter((e) => e.action === 'ingest').map((e) => e.entity));
      for (const r of reports) {
        const [parsed] = parseInput(store.getOriginal(r.sha256)!, r.filename ?? 'x.txt');
        assert.ok(parsed?.ok);
        assert.equal(r.claims, processReport(parsed.report).extraction.events.length, `report ${r.filename} is whole`);
        assert.ok(audited.has(`report:${r.sha256}`), `report ${r.filename} has its audit entry`);
      }
      assert.equal(audited.size, reports.length, 'no audit entry for a report that is not there');
    } finally {
      store.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
