import type { Api } from '../kit.ts';
import { errorSchema } from '../kit.ts';
import { idParams } from './person-routes.ts';
import { claimsWhere, originalFor, reportFor, reportsFor } from '../../../store/queries.ts';
import { SUPPORTED_EXTENSIONS } from '../../../ingest/formats.ts';
import { readReports } from '../../../ingest/read.ts';
import { alreadyStored, checkReadable, storeProcessed } from '../../../ingest/ingest.ts';
import { processReport, type ProcessedReport } from '../../../ingest/process.ts';
import { resolvePersons } from '../../../store/resolve-persons.ts';
import type { SqliteStore } from '../../../store/sqlite-store.ts';
import { reportBySourceKey } from '../../../store/attachments.ts';

export const shaParams = { type: 'object', properties: { sha: { type: 'string', pattern: '^[0-9a-f]{64}$' } }, required: ['sha'] };

export const MAX_UPLOAD = 100 * 1024 * 1024;

type Stored = { sha256: string; reportId: number; title: string | null; status: 'ingested' | 'duplicate'; claims: number; persons: number; notice?: string | null };

/**
 * One uploaded file, all or nothing: every record is parsed and processed before anything is
 * stored, so a file with one bad record stores none of them and says which record failed.
 */
export async function uploadFile(store: SqliteStore, bytes: Buffer, filename: string, actor: string): Promise<{ ok: true; reports: Stored[] } | { ok: false; error: string }> {
  const lower = filename.toLowerCase();
  if (!SUPPORTED_EXTENSIONS.some((e) => lower.endsWith(e))) return { ok: false, error: `${filename}: unsupported file type; Vigil reads ${SUPPORTED_EXTENSIONS.join(', ')}.` };
  if (bytes.length === 0) return { ok: false, error: `${filename}: the file is empty.` };
  const parsed = await readReports(bytes, filename);
  // Documents are read in a worker while the workspace stays open to others: it may have been locked meanwhile.
  if (!store.db.open) return { ok: false, error: `${filename}: the workspace was locked while the file was read; nothing was stored.` };
  if (parsed.length === 0) return { ok: false, error: `${filename}: no report found in it.` };
  const ready: ProcessedReport[] = [];
  for (const p of parsed) {
    if (!p.ok) return { ok: false, error: `${p.filename}: ${p.error}` };
    if (alreadyStored(store, p.report)) continue;
    try {
      const processed = processReport(p.report);
      try {
        checkReadable(processed);
      } catch {
        return { ok: false, error: `${p.report.filename}: no readable text found in it.` };
      }
      ready.push(processed);
    } catch (e) {
      return { ok: false, error: `${p.report.filename}: ${(e as Error).message}` };
    }
  }
  const out: Stored[] = [];
  const tx = store.db.transaction(() => {
    for (const p of ready) {
      const r = storeProcessed(store, p, actor);
      out.push('duplicate' in r
        ? { sha256: p.raw.sha256, reportId: r.reportId, title: p.extraction.source.title, status: 'duplicate', claims: 0, persons: 0 }
        : { sha256: p.raw.sha256, reportId: r.reportId, title: p.extraction.source.title, status: 'ingested', claims: r.claims, persons: r.mentions, notice: p.raw.notice ?? null });
    }
  });
  tx.immediate();
  for (const p of parsed) {
    if (p.ok && !out.some((o) => o.sha256 === p.report.sha256)) {
      const id = (store.db.prepare('SELECT id FROM reports WHERE sha256 = ?').get(p.report.sha256) as { id: number } | undefined)?.id ?? reportBySourceKey(store, p.report.sourceKey ?? '')!;
      out.push({ sha256: p.report.sha256, reportId: id, title: p.report.meta.title, status: 'duplicate', claims: 0, persons: 0 });
    }
  }
  if (out.some((o) => o.status === 'ingested')) resolvePersons(store, actor);
  return { ok: true, reports: out };
}

export function reportRoutes(api: Api): void {
  api.app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_UPLOAD }, (_req, body, done) => done(null, body));

  api.data({ method: 'GET', url: '/api/reports', summary: 'Archived reports with their claim counts', permission: 'read', schema: {} },
    ({ store, actor }) => reportsFor(store, actor.clearance));

  api.data({
    method: 'GET', url: '/api/reports/:id', summary: 'One report: its main text and the claims extracted from it, with their spans', permission: 'read',
    schema: { params: idParams, response: { 404: errorSchema } },
  }, ({ store, actor, req, reply }) => {
    const id = (req.params as { id: number }).id;
    const report = reportFor(store, id, actor.clearance);
    if (!report) return reply.code(404).send({ error: 'No report with that id.' });
    const claims = claimsWhere(store, actor.clearance, 'c.report_id = ?', [id]).map((c) => ({
      id: c.id, type: c.type, date: c.date, place: c.place, detail: c.detail, evidence: c.evidence, start: c.start, end: c.end,
      reviewStatus: c.reviewStatus, madeBy: c.madeBy, personId: c.personId, person: c.personName ?? c.mentionName, confidence: c.confidence,
    }));
    return { ...report, claims };
  });

  api.data({
    method: 'GET', url: '/api/reports/:sha/original', summary: 'The original bytes as archived', permission: 'read',
    schema: { params: shaParams, response: { 404: errorSchema } },
  }, ({ store, actor, req, reply }) => {
    const bytes = originalFor(store, (req.params as { sha: string }).sha, actor.clearance);
    if (!bytes) return reply.code(404).send({ error: 'No report with that SHA-256.' });
    return reply.type('application/octet-stream').header('Content-Disposition', 'attachment').send(bytes);
  });

  api.data({
    method: 'POST', url: '/api/reports', summary: 'Upload one report file (raw bytes, Content-Type application/octet-stream, ?filename=); all of it is stored or none', permission: 'ingest',
    schema: {
      querystring: { type: 'object', properties: { filename: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[^/\\\\\\u0000]+$' } }, required: ['filename'], additionalProperties: false },
      response: { 400: errorSchema, 415: errorSchema, 422: errorSchema },
    },
  }, async ({ store, actor, req, reply }) => {
    if (!Buffer.isBuffer(req.body)) return reply.code(415).send({ error: 'Send the file as the request body with Content-Type: application/octet-stream.' });
    const res = await uploadFile(store, req.body, (req.query as { filename: string }).filename, actor.name);
    if (!res.ok) return reply.code(422).send({ error: res.error });
    return { reports: res.reports };
  });
}
