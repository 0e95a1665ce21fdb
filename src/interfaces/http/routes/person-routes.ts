import type { Api } from '../kit.ts';
import { errorSchema } from '../kit.ts';
import { dossier, personListFor, prisonerList, type PrisonerFilter } from '../../../views/dossier.ts';
import { PERSON_STATUSES } from '../../../schema/taxonomy.ts';

export const idParams = { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] };

const day = { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' };

export function personRoutes(api: Api): void {
  api.data({ method: 'GET', url: '/api/persons', summary: 'Persons with their names, status and reports', permission: 'read', schema: {} },
    ({ store, reader }) => personListFor(store, reader));

  api.data({
    method: 'GET', url: '/api/persons/:id', summary: 'The case file of one person: status, places, charges, timeline with sources, disagreements, related persons', permission: 'read',
    schema: { params: idParams, response: { 404: errorSchema } },
  }, ({ store, reader, req, reply }) => {
    const file = dossier(store, (req.params as { id: number }).id, reader);
    if (!file) return reply.code(404).send({ error: 'No person with that id.' });
    return file;
  });

  api.data({
    method: 'GET', url: '/api/prisoners', summary: 'The prisoner list: persons filtered by status, article, facility and date of arrest, with counts', permission: 'read',
    schema: {
      querystring: {
        type: 'object', additionalProperties: false,
        properties: {
          status: { type: 'string', enum: Object.keys(PERSON_STATUSES) },
          article: { type: 'string', maxLength: 40 },
          facility: { type: 'string', maxLength: 200 },
          from: day,
          to: day,
        },
      },
    },
  }, ({ store, reader, req }) => prisonerList(store, reader, req.query as PrisonerFilter));
}
