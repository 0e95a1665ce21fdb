import type { Api } from '../kit.ts';
import { errorSchema, linkNext, pageQuery } from '../kit.ts';
import { dossier, personListFor, prisonerList, type Page, type PrisonerFilter } from '../../../views/dossier.ts';
import { PERSON_STATUSES } from '../../../schema/taxonomy.ts';
import { PRINT_LANGS, printableCaseFile, publishedCaseFiles, publishedStatuses, type PrintLang } from '../../../views/publish.ts';

export const idParams = { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] };

const day = { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' };

export function personRoutes(api: Api): void {
  api.data({
    method: 'GET', url: '/api/persons/:id/print', summary: 'The case file as a printable page (print it, or save it as PDF from the browser): each event once with numbered citations; accepted claims only unless proposed=1', permission: 'read',
    schema: {
      params: idParams,
      querystring: { type: 'object', additionalProperties: false, properties: { lang: { type: 'string', enum: Object.keys(PRINT_LANGS), default: 'en' }, proposed: { type: 'boolean', default: false } } },
      response: { 404: errorSchema },
    },
  }, ({ store, reader, req, reply }) => {
    const id = (req.params as { id: number }).id;
    const q = req.query as { lang: PrintLang; proposed: boolean };
    const choice = { level: reader.clearance, includeProposed: q.proposed };
    const [file] = [...publishedCaseFiles(store, choice, [id], { ...reader, statuses: publishedStatuses(choice) })];
    if (!file) return reply.code(404).send({ error: 'No person with that id has anything that may be printed.' });
    return reply.type('text/html; charset=utf-8').send(printableCaseFile(file, q.lang, choice, new Date(), '/print.css'));
  });

  api.data({
    method: 'GET', url: '/api/persons', summary: 'Persons with their names, status and reports, in the order of their names: a page (limit, cursor; the next page is in the Link header)', permission: 'read',
    schema: { querystring: { type: 'object', additionalProperties: false, properties: pageQuery(100, 1000) } },
  }, ({ store, reader, req, reply }) => {
    const { persons, next } = personListFor(store, reader, req.query as Page);
    linkNext(req, reply, next);
    return persons;
  });

  api.data({
    method: 'GET', url: '/api/persons/:id', summary: 'The case file of one person: status, places, charges, timeline with sources, disagreements, related persons', permission: 'read',
    schema: { params: idParams, response: { 404: errorSchema } },
  }, ({ store, reader, req, reply }) => {
    const file = dossier(store, (req.params as { id: number }).id, reader);
    if (!file) return reply.code(404).send({ error: 'No person with that id.' });
    return file;
  });

  api.data({
    method: 'GET', url: '/api/prisoners', summary: 'The prisoner list: persons filtered by status, article, facility and date of arrest, with counts over all that pass; a page of them (limit, cursor; next)', permission: 'read',
    schema: {
      querystring: {
        type: 'object', additionalProperties: false,
        properties: {
          status: { type: 'string', enum: Object.keys(PERSON_STATUSES) },
          article: { type: 'string', maxLength: 40 },
          facility: { type: 'string', maxLength: 200 },
          from: day,
          to: day,
          ...pageQuery(100, 1000),
        },
      },
    },
  }, ({ store, reader, req, reply }) => {
    const { limit, cursor, ...filter } = req.query as PrisonerFilter & Page;
    const list = prisonerList(store, reader, filter, { limit, cursor });
    linkNext(req, reply, list.next);
    return list;
  });
}
