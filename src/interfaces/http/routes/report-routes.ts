import type { Api } from '../kit.ts';
import { errorSchema, linkNext, pageQuery } from '../kit.ts';
import { decodeCursor, encodeCursor } from '../../../store/cursor.ts';
import { idParams } from './person-routes.ts';
import { claimsWhere, originalFor, prep, reportFor, reportsFor } from '../../../store/queries.ts';

import { PLACEHOLDER_MARK } from '../../../store/confidential.ts';

/** A file name safe to hand to a browser: no path, no control characters; the hash and format when there is none. */
export function downloadName(filename: string | null, sha256: string, format: string | null): string {
  const base = (filename ?? '').split(/[\\/]/).pop()!.replace(/[\p{Cc}"]/gu, '').replace(/^\.+/, '').trim().slice(0, 200);
  if (base && !base.includes(PLACEHOLDER_MARK)) return base;
  return `${sha256.slice(0, 12)}.${(format ?? 'bin').replace(/[^a-z0-9]/gi, '').slice(0, 8) || 'bin'}`;
}

/** Content-Disposition for it (RFC 6266): an ASCII fallback and the UTF-8 name. */
export function attachmentHeader(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
import { SUPPORTED_EXTENSIONS } from '../../../ingest/formats.ts';
import type { ProcessedReport } from '../../../ingest/process.ts';
import type { ExtractionPool } from '../../../ingest/extract-pool.ts';
import { readReports } from '../../../ingest/read.ts';
import { alreadyStored, checkReadable, storeProcessed } from '../../../ingest/ingest.ts';
import { NotFoundError, type SqliteStore } from '../../../store/sqlite-store.ts';
import { PlaceholderError } from '../../../store/confidential.ts';
import { reportBySourceKey } from '../../../store/attachments.ts';

export const shaParams = { type: 'object', properties: { sha: { type: 'string', pattern: '^[0-9a-f]{64}$' } }, required: ['sha'] };

export const MAX_UPLOAD = 100 * 1024 * 1024;

type Stored = { sha256: string; reportId: number; title: string | null; status: 'ingested' | 'duplicate'; claims: number; persons: number; notice?: string | null };

/**
 * One uploaded file, all or nothing: every record is parsed and processed (on the extraction
 * pool's threads, each within its size cap and time budget) before anything is stored, so a file
 * with one bad record stores none of them and says which record failed. `current` tells whether
 * the store is still the open one when the work comes back (a lock may have closed it meanwhile).
 */
export async function uploadFile(store: SqliteStore, pool: ExtractionPool, bytes: Buffer, filename: string, actor: string, current: () => boolean = () => true): Promise<{ ok: true; reports: Stored[] } | { ok: false; error: string } | { ok: false; locked: true }> {
  const lower = filename.toLowerCase();
  if (!SUPPORTED_EXTENSIONS.some((e) => lower.endsWith(e))) return { ok: false, error: `${filename}: unsupported file type; Vigil reads ${SUPPORTED_EXTENSIONS.join(', ')}.` };
  if (bytes.length === 0) return { ok: false, error: `${filename}: the file is empty.` };
  const ready: ProcessedReport[] = [];
  let parsed;
  try {
    // Documents (PDF, DOCX, e-mail) are read in the document worker, everything else on the pool.
    parsed = await readReports(bytes, filename, { parse: (b, f) => pool.parse(b, f) });
    if (parsed.length === 0) return { ok: false, error: `${filename}: no report found in it.` };
    for (const p of parsed) {
      if (!p.ok) return { ok: false, error: `${p.filename}: ${p.error}` };
      if (!current()) return { ok: false, locked: true };
      if (alreadyStored(store, p.report)) continue;
      const processed = await pool.process(p.report);
      try {
        checkReadable(processed);
      } catch {
        return { ok: false, error: `${p.report.filename}: no readable text found in it.` };
      }
      ready.push(processed);
    }
  } catch (e) {
    return { ok: false, error: (e as Error).message.startsWith(filename) ? (e as Error).message : `${filename}: ${(e as Error).message}` };
  }
  if (!current()) return { ok: false, locked: true };
  const out: Stored[] = [];
  const tx = () => {
    for (const p of ready) {
      const r = storeProcessed(store, p, actor);
      out.push('duplicate' in r
        ? { sha256: p.raw.sha256, reportId: r.reportId, title: p.extraction.source.title, status: 'duplicate', claims: 0, persons: 0 }
        : { sha256: p.raw.sha256, reportId: r.reportId, title: p.extraction.source.title, status: 'ingested', claims: r.claims, persons: r.mentions, notice: p.raw.notice ?? null });
    }
  };
  try {
    store.write(tx);
  } catch (e) {
    if (e instanceof PlaceholderError) return { ok: false, error: e.message };
    throw e;
  }
  for (const p of parsed) {
    if (p.ok && !out.some((o) => o.sha256 === p.report.sha256)) {
      const id = (store.db.prepare('SELECT id FROM reports WHERE sha256 = ?').get(p.report.sha256) as { id: number } | undefined)?.id ?? reportBySourceKey(store, p.report.sourceKey ?? '')!;
      out.push({ sha256: p.report.sha256, reportId: id, title: p.report.meta.title, status: 'duplicate', claims: 0, persons: 0 });
    }
  }
  return { ok: true, reports: out };
}

export function reportRoutes(api: Api, pool: ExtractionPool): void {
  api.app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_UPLOAD }, (_req, body, done) => done(null, body));

  api.data({
    method: 'GET', url: '/api/reports', summary: 'Archived reports with their claim counts, newest first: a page (limit, cursor; the next page is in the Link header)', permission: 'read',
    schema: { querystring: { type: 'object', additionalProperties: false, properties: pageQuery(100, 1000) } },
  }, ({ store, reader, req, reply }) => {
    const { limit, cursor } = req.query as { limit: number; cursor?: string };
    const page = reportsFor(store, reader, undefined, { before: decodeCursor(cursor)?.id ?? null, limit: limit + 1 });
    const shown = page.slice(0, limit);
    linkNext(req, reply, page.length > limit ? encodeCursor({ key: '', id: shown.at(-1)!.id }) : null);
    return shown;
  });

  api.data({
    method: 'GET', url: '/api/reports/:id', summary: 'One report: its main text and the claims extracted from it, with their spans', permission: 'read',
    schema: { params: idParams, response: { 404: errorSchema } },
  }, ({ store, reader, req, reply }) => {
    const id = (req.params as { id: number }).id;
    const report = reportFor(store, id, reader);
    if (!report) return reply.code(404).send({ error: 'No report with that id.' });
    const claims = claimsWhere(store, reader, 'c.report_id = ?', [id]).map((c) => ({
      id: c.id, type: c.type, date: c.date, place: c.place, detail: c.detail, evidence: c.evidence, start: c.start, end: c.end,
      reviewStatus: c.reviewStatus, madeBy: c.madeBy, personId: c.personId, person: c.personName ?? c.mentionName, confidence: c.confidence,
    }));
    return { ...report, claims };
  });

  api.data({
    method: 'GET', url: '/api/reports/:sha/original', summary: 'The original bytes as archived', permission: 'read',
    schema: { params: shaParams, response: { 404: errorSchema } },
  }, ({ store, reader, req, reply }) => {
    const sha = (req.params as { sha: string }).sha;
    const bytes = originalFor(store, sha, reader);
    if (!bytes) return reply.code(404).send({ error: 'No report with that SHA-256.' });
    // Saved under the name it came with (as this reader may see it), else its hash and format.
    const row = prep(store, 'SELECT id FROM reports WHERE sha256 = ?').get(sha) as { id: number } | undefined;
    const report = row ? reportsFor(store, reader, [row.id])[0] : undefined;
    return reply.type('application/octet-stream').header('Content-Disposition', attachmentHeader(downloadName(report?.filename ?? null, sha, report?.format ?? null))).send(bytes);
  });

  api.data({
    method: 'POST', url: '/api/reports', summary: 'Upload one report file (raw bytes, Content-Type application/octet-stream, ?filename=); all of it is stored or none', permission: 'ingest',
    schema: {
      querystring: { type: 'object', properties: { filename: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[^/\\\\\\u0000]+$' } }, required: ['filename'], additionalProperties: false },
      response: { 400: errorSchema, 415: errorSchema, 422: errorSchema },
    },
  }, async ({ store, actor, req, reply }) => {
    if (!Buffer.isBuffer(req.body)) return reply.code(415).send({ error: 'Send the file as the request body with Content-Type: application/octet-stream.' });
    const res = await uploadFile(store, pool, req.body, (req.query as { filename: string }).filename, actor.name, () => api.session.openStore === store);
    if ('locked' in res) return reply.code(423).send({ error: 'The workspace was locked during the upload; nothing was stored.' });
    if (!res.ok) return reply.code(422).send({ error: res.error });
    return { reports: res.reports };
  });

  api.data({
    method: 'DELETE', url: '/api/reports/:id', summary: 'Delete a report with its mentions, claims, reviews, attachments and search rows (audited); persons are regrouped', permission: 'manage',
    schema: { params: idParams, response: { 200: { type: 'object', properties: { sha256: { type: 'string' }, mentions: { type: 'integer' }, claims: { type: 'integer' }, reviews: { type: 'integer' }, attachments: { type: 'integer' } } }, 404: errorSchema } },
  }, ({ store, actor, req, reply }) => {
    try {
      return store.deleteReport((req.params as { id: number }).id, actor.name);
    } catch (e) {
      if (e instanceof NotFoundError) return reply.code(404).send({ error: 'No report with that id.' });
      throw e;
    }
  });
}
