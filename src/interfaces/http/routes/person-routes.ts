import type { Api } from '../kit.ts';
import { errorSchema, linkNext, pageQuery } from '../kit.ts';
import { dossier, personListFor, prisonerList, type Page, type PrisonerFilter } from '../../../views/dossier.ts';
import { CONFIDENTIALITY, EVENT_TYPE_NAMES, PERSON_STATUSES, SOURCE_KINDS, cleared, type Confidentiality, type SourceKind } from '../../../schema/taxonomy.ts';
import { claimFor, mentionsFor } from '../../../store/queries.ts';
import { displayName } from '../../../store/resolve-persons.ts';
import { ingestBytes } from '../../../ingest/ingest.ts';
import { parseClaimDate } from '../../../views/dates.ts';
import { PRINT_LANGS, printableCaseFile, publishedCaseFiles, publishedStatuses, type PrintLang } from '../../../views/publish.ts';

export const idParams = { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] };

const day = { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' };

export function personRoutes(api: Api): void {
  api.data({
    method: 'POST', url: '/api/persons/:id/facts', summary: 'Add a fact by hand with its source (a phone call, a letter, a court document, an organisation\'s decision such as recognition as a political prisoner): the source is stored as a report, the fact as an accepted claim by you', permission: 'ingest',
    schema: {
      params: idParams,
      body: {
        type: 'object', additionalProperties: false, required: ['type', 'source'],
        properties: {
          type: { type: 'string', enum: EVENT_TYPE_NAMES }, date: { anyOf: [{ type: 'string', maxLength: 40 }, { type: 'null' }] },
          place: { anyOf: [{ type: 'string', maxLength: 300 }, { type: 'null' }] }, detail: { anyOf: [{ type: 'string', maxLength: 500 }, { type: 'null' }] },
          confidentiality: { type: 'string', enum: Object.keys(CONFIDENTIALITY), default: 'internal' },
          source: {
            type: 'object', additionalProperties: false, required: ['kind', 'text'],
            properties: { kind: { type: 'string', enum: Object.keys(SOURCE_KINDS) }, text: { type: 'string', minLength: 1, maxLength: 5000, pattern: '\\S' }, title: { type: 'string', maxLength: 300 }, date: { type: 'string', maxLength: 40 } },
          },
        },
      },
      response: { 404: errorSchema, 400: { type: 'object', properties: { error: { type: 'string' }, code: { type: 'string' }, value: { type: 'string' } }, required: ['error'] } },
    },
  }, ({ store, actor, reader, req, reply }) => {
    const id = (req.params as { id: number }).id;
    const mentions = mentionsFor(store, reader, 'm.person_id = ?', [id]);
    if (!mentions.length) return reply.code(404).send({ error: 'No person with that id.' });
    const b = req.body as { type: string; date?: string | null; place?: string | null; detail?: string | null; confidentiality: Confidentiality; source: { kind: SourceKind; text: string; title?: string; date?: string } };
    const dates: (string | null)[] = [];
    for (const d of [b.date, b.source.date]) {
      if (!d?.trim()) { dates.push(null); continue; }
      const parsed = parseClaimDate(d);
      if (!parsed.ok) return reply.code(400).send({ error: parsed.error, code: parsed.code, value: d });
      dates.push(parsed.date);
    }
    // A person's clearance bounds what they may mark: nobody files a fact above what they may read.
    if (!cleared(reader.clearance, b.confidentiality)) return reply.code(400).send({ error: `Your clearance (${reader.clearance}) may not mark a fact ${b.confidentiality}.`, code: 'clearance' });
    const name = displayName(mentions);
    const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ').trim();
    const title = oneLine(b.source.title || `${SOURCE_KINDS[b.source.kind].en}: ${name}`);
    const header = [`title: ${title}`, `published: ${dates[1] ?? new Date().toISOString().slice(0, 10)}`, `confidentiality: ${b.confidentiality}`, `note: entered by hand by ${actor.name} (${b.source.kind})`];
    const bytes = Buffer.from(`${header.join('\n')}\n---\n${b.source.text.trim()}\n`);
    const [outcome] = ingestBytes(store, bytes, `by-hand-${b.source.kind}.txt`, actor.name);
    if (!outcome || outcome.status === 'failed') return reply.code(400).send({ error: `The source could not be stored: ${outcome?.status === 'failed' ? outcome.error : 'no text'}.` });
    const report = store.db.prepare('SELECT id FROM reports WHERE sha256 = ?').get(outcome.sha256) as { id: number };
    const norm = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
    const claim = store.addHandClaim(report.id, name, { type: b.type, date: dates[0] ?? null, place: norm(b.place), detail: norm(b.detail) }, actor.name);
    const fresh = claimFor(store, claim.id, reader);
    return { claim: fresh, report: outcome.sha256, personId: fresh?.personId ?? null };
  });


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
