/**
 * Pictures and media kept with a report or a person. What every reader gets is the copy without
 * metadata (EXIF, GPS location, XMP); the original as received only goes to roles cleared for
 * confidential content, since its metadata can say where and when a source took the picture.
 */
import type { Api } from '../kit.ts';
import { errorSchema } from '../kit.ts';
import { idParams } from './person-routes.ts';
import { addAttachment, attachmentBytes, attachmentsOfPerson, attachmentsOfReport, attachmentVisible, linkedReports } from '../../../store/attachments.ts';
import { reportFor } from '../../../store/queries.ts';
import { InputError } from '../../../ingest/formats.ts';
import { mediaTypeOf } from '../../../ingest/media-types.ts';
import { cleared } from '../../../schema/taxonomy.ts';
import { extname } from 'node:path';

const filenameQuery = { type: 'object', properties: { filename: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[^/\\\\\\u0000]+$' } }, required: ['filename'], additionalProperties: false };

export function attachmentRoutes(api: Api): void {
  api.data({
    method: 'GET', url: '/api/reports/:id/attachments', summary: "A report's attachments (pictures, media) and the reports it is linked with (an e-mail and its attached documents)", permission: 'read',
    schema: { params: idParams, response: { 404: errorSchema } },
  }, ({ store, actor, req, reply }) => {
    const id = (req.params as { id: number }).id;
    if (!reportFor(store, id, actor.clearance)) return reply.code(404).send({ error: 'No report with that id.' });
    const links = linkedReports(store, id);
    const visible = (l: { id: number }) => reportFor(store, l.id, actor.clearance) !== null;
    const titled = (l: { id: number; relation: string }) => ({ ...l, title: reportFor(store, l.id, actor.clearance)?.title ?? null });
    return { attachments: attachmentsOfReport(store, id), parents: links.parents.filter(visible).map(titled), children: links.children.filter(visible).map(titled) };
  });

  api.data({
    method: 'GET', url: '/api/persons/:id/attachments', summary: "A person's pictures", permission: 'read', schema: { params: idParams },
  }, ({ store, actor, req }) => attachmentsOfPerson(store, (req.params as { id: number }).id).filter((a) => attachmentVisible(store, a.id, actor.clearance)));

  api.data({
    method: 'GET', url: '/api/attachments/:id', summary: 'A picture as shown: without its metadata', permission: 'read',
    schema: { params: idParams, response: { 403: errorSchema, 404: errorSchema } },
  }, ({ store, actor, req, reply }) => {
    const id = (req.params as { id: number }).id;
    if (!attachmentVisible(store, id, actor.clearance)) return reply.code(404).send({ error: 'No attachment with that id.' });
    const file = attachmentBytes(store, id, 'shown');
    // A file without a cleaned copy (a video, an unreadable document) may carry metadata of its own.
    if (!file) return reply.code(403).send({ error: 'This file is kept only as it was received, metadata and all: roles cleared for confidential content download it as the original.' });
    return reply.type(file.mediaType).header('Content-Disposition', 'inline').send(file.bytes);
  });

  api.data({
    method: 'GET', url: '/api/attachments/:id/original', summary: 'An attachment as received, metadata included (roles cleared for confidential content only)', permission: 'read',
    schema: { params: idParams, response: { 403: errorSchema, 404: errorSchema } },
  }, ({ store, actor, req, reply }) => {
    const id = (req.params as { id: number }).id;
    if (!attachmentVisible(store, id, actor.clearance)) return reply.code(404).send({ error: 'No attachment with that id.' });
    if (!cleared(actor.clearance, 'confidential')) return reply.code(403).send({ error: 'The original keeps its metadata (a GPS location, a time): only roles cleared for confidential content may download it.' });
    const file = attachmentBytes(store, id, 'original')!;
    return reply.type('application/octet-stream').header('Content-Disposition', 'attachment').send(file.bytes);
  });

  for (const owner of ['reports', 'persons'] as const) {
    api.data({
      method: 'POST', url: `/api/${owner}/:id/attachments`, summary: `Attach a picture to a ${owner.slice(0, -1)} (raw bytes, Content-Type application/octet-stream, ?filename=); its metadata is stripped from what is shown`, permission: 'ingest',
      schema: { params: idParams, querystring: filenameQuery, response: { 404: errorSchema, 415: errorSchema, 422: errorSchema } },
    }, ({ store, actor, req, reply }) => {
      if (!Buffer.isBuffer(req.body)) return reply.code(415).send({ error: 'Send the picture as the request body with Content-Type: application/octet-stream.' });
      const id = (req.params as { id: number }).id;
      const filename = (req.query as { filename: string }).filename;
      const ownerVisible = owner === 'reports' ? reportFor(store, id, actor.clearance) !== null : store.db.prepare('SELECT 1 FROM persons WHERE id = ?').get(id) !== undefined;
      if (!ownerVisible) return reply.code(404).send({ error: `No ${owner.slice(0, -1)} with that id.` });
      try {
        const mentionId = owner === 'persons' ? (store.db.prepare('SELECT min(id) AS m FROM mentions WHERE person_id = ?').get(id) as { m: number | null }).m : null;
        return addAttachment(store, owner === 'reports' ? { reportId: id } : { mentionId: mentionId ?? id }, { filename, mediaType: mediaTypeOf(extname(filename)), bytes: req.body }, actor.name, { picture: true });
      } catch (e) {
        if (e instanceof InputError) return reply.code(422).send({ error: `${filename}: ${e.message}` });
        throw e;
      }
    });
  }
}
