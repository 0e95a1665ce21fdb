/**
 * Pictures and media kept with a report or a person. What every reader gets is the copy without
 * metadata (EXIF, GPS location, XMP); the original as received only goes to roles cleared for
 * confidential content, since its metadata can say where and when a source took the picture.
 * Every answer is read with the caller's Reader: attachments above their clearance do not exist
 * for them (404), and sealed ones are opened with their own keys.
 */
import type { Api } from '../kit.ts';
import { errorSchema } from '../kit.ts';
import { idParams } from './person-routes.ts';
import { addAttachment, attachmentBytes, attachmentInfo, attachmentsOfPerson, attachmentsOfReport, linkedReports } from '../../../store/attachments.ts';
import { mentionsFor, reportFor } from '../../../store/queries.ts';
import { InputError } from '../../../ingest/formats.ts';
import { mediaTypeOf } from '../../../ingest/media-types.ts';
import { cleared } from '../../../schema/taxonomy.ts';
import { extname } from 'node:path';

const filenameQuery = { type: 'object', properties: { filename: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[^/\\\\\\u0000]+$' } }, required: ['filename'], additionalProperties: false };

export function attachmentRoutes(api: Api): void {
  api.data({
    method: 'GET', url: '/api/reports/:id/attachments', summary: "A report's attachments (pictures, media) and the reports it is linked with (an e-mail and its attached documents)", permission: 'read',
    schema: { params: idParams, response: { 404: errorSchema } },
  }, ({ store, reader, req, reply }) => {
    const id = (req.params as { id: number }).id;
    if (!reportFor(store, id, reader)) return reply.code(404).send({ error: 'No report with that id.' });
    const links = linkedReports(store, id);
    // A linked report above the reader's clearance is not named, nor is its existence said.
    const titled = (l: { id: number; relation: string }) => {
      const r = reportFor(store, l.id, reader);
      return r ? [{ ...l, title: r.title }] : [];
    };
    return { attachments: attachmentsOfReport(store, id, reader), parents: links.parents.flatMap(titled), children: links.children.flatMap(titled) };
  });

  api.data({
    method: 'GET', url: '/api/persons/:id/attachments', summary: "A person's pictures", permission: 'read', schema: { params: idParams },
  }, ({ store, reader, req }) => attachmentsOfPerson(store, (req.params as { id: number }).id, reader));

  api.data({
    method: 'GET', url: '/api/attachments/:id', summary: 'A picture as shown: without its metadata', permission: 'read',
    schema: { params: idParams, response: { 403: errorSchema, 404: errorSchema } },
  }, ({ store, reader, req, reply }) => {
    const id = (req.params as { id: number }).id;
    if (!attachmentInfo(store, id, reader)) return reply.code(404).send({ error: 'No attachment with that id.' });
    const file = attachmentBytes(store, id, 'shown', reader);
    // A file without a cleaned copy (a video, an unreadable document) may carry metadata of its own.
    if (!file) return reply.code(403).send({ error: 'This file is kept only as it was received, metadata and all: roles cleared for confidential content download it as the original.' });
    return reply.type(file.mediaType).header('Content-Disposition', 'inline').send(file.bytes);
  });

  api.data({
    method: 'GET', url: '/api/attachments/:id/original', summary: 'An attachment as received, metadata included (roles cleared for confidential content only)', permission: 'read',
    schema: { params: idParams, response: { 403: errorSchema, 404: errorSchema } },
  }, ({ store, reader, req, reply }) => {
    const id = (req.params as { id: number }).id;
    if (!attachmentInfo(store, id, reader)) return reply.code(404).send({ error: 'No attachment with that id.' });
    if (!cleared(reader.clearance, 'confidential')) return reply.code(403).send({ error: 'The original keeps its metadata (a GPS location, a time): only roles cleared for confidential content may download it.' });
    const file = attachmentBytes(store, id, 'original', reader)!;
    return reply.type('application/octet-stream').header('Content-Disposition', 'attachment').send(file.bytes);
  });

  for (const owner of ['reports', 'persons'] as const) {
    api.data({
      method: 'POST', url: `/api/${owner}/:id/attachments`, summary: `Attach a picture to a ${owner.slice(0, -1)} (raw bytes, Content-Type application/octet-stream, ?filename=); its metadata is stripped from what is shown`, permission: 'ingest',
      schema: { params: idParams, querystring: filenameQuery, response: { 404: errorSchema, 415: errorSchema, 422: errorSchema } },
    }, ({ store, actor, reader, req, reply }) => {
      if (!Buffer.isBuffer(req.body)) return reply.code(415).send({ error: 'Send the picture as the request body with Content-Type: application/octet-stream.' });
      const id = (req.params as { id: number }).id;
      const filename = (req.query as { filename: string }).filename;
      // A person is kept with the first of its mentions the caller may see: none, and there is no such person for them.
      const mentionId = owner === 'persons' ? (mentionsFor(store, reader, 'm.person_id = ?', [id])[0]?.id ?? null) : null;
      const ownerVisible = owner === 'reports' ? reportFor(store, id, reader) !== null : mentionId !== null;
      if (!ownerVisible) return reply.code(404).send({ error: `No ${owner.slice(0, -1)} with that id.` });
      try {
        return addAttachment(store, owner === 'reports' ? { reportId: id } : { mentionId: mentionId! }, { filename, mediaType: mediaTypeOf(extname(filename)), bytes: req.body }, actor.name, { picture: true });
      } catch (e) {
        if (e instanceof InputError) return reply.code(422).send({ error: `${filename}: ${e.message}` });
        throw e;
      }
    });
  }
}
