import type { Api } from '../kit.ts';
import { errorSchema } from '../kit.ts';

export const shaParams = { type: 'object', properties: { sha: { type: 'string', pattern: '^[0-9a-f]{64}$' } }, required: ['sha'] };

export function reportRoutes(api: Api): void {
  api.data({ method: 'GET', url: '/api/reports', summary: 'Archived reports with their claim counts', permission: 'read', schema: {} },
    ({ store }) => store.listReports());

  api.data({
    method: 'GET', url: '/api/reports/:sha/original', summary: 'The original bytes as archived', permission: 'read',
    schema: { params: shaParams, response: { 404: errorSchema } },
  }, ({ store, req, reply }) => {
    const bytes = store.getOriginal((req.params as { sha: string }).sha);
    if (!bytes) return reply.code(404).send({ error: 'No report with that SHA-256.' });
    return reply.type('application/octet-stream').header('Content-Disposition', 'attachment').send(bytes);
  });
}
