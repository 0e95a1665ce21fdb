import type { Api } from '../kit.ts';
import { errorSchema } from '../kit.ts';
import { CONFIDENTIALITY } from '../../../schema/taxonomy.ts';
import { ConfidentialityError, NotFoundError } from '../../../store/sqlite-store.ts';

const TABLES = { report: 'reports', mention: 'mentions', claim: 'claims' } as const;

/** Marking a report, mention or claim public, internal or confidential (sealed under that level's field key). */
export function confidentialityRoutes(api: Api): void {
  api.data({
    method: 'POST', url: '/api/confidentiality', permission: 'ingest',
    summary: 'Set the confidentiality of a report, mention or claim; internal and confidential content is encrypted under its level\'s key (needs a session holding the confidential key)',
    schema: {
      body: {
        type: 'object', additionalProperties: false, required: ['kind', 'id', 'level'],
        properties: { kind: { type: 'string', enum: Object.keys(TABLES) }, id: { type: 'integer', minimum: 1 }, level: { type: 'string', enum: Object.keys(CONFIDENTIALITY) } },
      },
      response: { 200: { type: 'object', properties: { before: { type: 'string' }, after: { type: 'string' } } }, 400: errorSchema, 404: errorSchema },
    },
  }, ({ store, session, actor, req, reply }) => {
    const { kind, id, level } = req.body as { kind: keyof typeof TABLES; id: number; level: keyof typeof CONFIDENTIALITY };
    if (!session.keys.confidential) return reply.code(403).send({ error: 'Your session does not hold the confidential key.' });
    try {
      return store.setConfidentiality(TABLES[kind], id, level, actor.name);
    } catch (e) {
      if (e instanceof NotFoundError) return reply.code(404).send({ error: e.message });
      if (e instanceof ConfidentialityError) return reply.code(400).send({ error: e.message });
      throw e;
    }
  });
}
