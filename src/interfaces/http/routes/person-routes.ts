import type { Api } from '../kit.ts';
import { errorSchema } from '../kit.ts';
import { allCaseFiles, personList } from '../../../views/workspace-views.ts';

export const idParams = { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] };

export function personRoutes(api: Api): void {
  api.data({ method: 'GET', url: '/api/persons', summary: 'Persons with their names, status and reports', permission: 'read', schema: {} },
    ({ store }) => personList(store));

  api.data({
    method: 'GET', url: '/api/persons/:id', summary: 'The case file of one person', permission: 'read',
    schema: { params: idParams, response: { 404: errorSchema } },
  }, ({ store, req, reply }) => {
    const id = (req.params as { id: number }).id;
    const file = allCaseFiles(store).find((c) => c.id === id);
    if (!file) return reply.code(404).send({ error: 'No person with that id.' });
    return file;
  });
}
