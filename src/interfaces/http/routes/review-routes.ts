import type { Api } from '../kit.ts';
import { errorSchema, linkNext, pageQuery } from '../kit.ts';
import { idParams } from './person-routes.ts';
import { claimFor, reviewQueue, reviewsFor } from '../../../store/queries.ts';
import { EVENT_TYPE_NAMES, REVIEW_STATUSES } from '../../../schema/taxonomy.ts';

const DECISIONS = { accept: 'accepted', reject: 'rejected', dispute: 'disputed', reopen: 'proposed' } as const;
const optDate = { anyOf: [{ type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' }, { type: 'null' }] };
const optText = (max: number) => ({ anyOf: [{ type: 'string', maxLength: max }, { type: 'null' }] });

/** The review queue and the decisions on it: each is stored as a review by the signed-in person. */
export function reviewRoutes(api: Api): void {
  api.data({
    method: 'GET', url: '/api/review', summary: 'Claims awaiting review (or in another review status), each with its sentence in context: a page (limit, cursor or offset; next)', permission: 'read',
    schema: {
      querystring: {
        type: 'object', additionalProperties: false,
        properties: {
          status: { type: 'string', enum: Object.keys(REVIEW_STATUSES), default: 'proposed' },
          offset: { type: 'integer', minimum: 0, default: 0 },
          ...pageQuery(50, 200),
        },
      },
    },
  }, ({ store, reader, req, reply }) => {
    const queue = reviewQueue(store, reader, req.query as { status: string; offset: number; limit: number; cursor?: string });
    linkNext(req, reply, queue.next);
    return queue;
  });

  api.data({
    method: 'GET', url: '/api/claims/:id', summary: 'One claim with its review history', permission: 'read',
    schema: { params: idParams, response: { 404: errorSchema } },
  }, ({ store, reader, req, reply }) => {
    const id = (req.params as { id: number }).id;
    const claim = claimFor(store, id, reader);
    if (!claim) return reply.code(404).send({ error: 'No claim with that id.' });
    return { ...claim, reviews: reviewsFor(store, [id]).get(id) ?? [] };
  });

  api.data({
    method: 'POST', url: '/api/claims/:id/review', summary: 'Accept, reject, dispute or reopen a claim; stored with the reviewer and the time', permission: 'review',
    schema: {
      params: idParams,
      body: { type: 'object', additionalProperties: false, required: ['decision'], properties: { decision: { type: 'string', enum: Object.keys(DECISIONS) }, note: { type: 'string', maxLength: 2000 } } },
      response: { 404: errorSchema },
    },
  }, ({ store, actor, reader, req, reply }) => {
    const id = (req.params as { id: number }).id;
    if (!claimFor(store, id, reader)) return reply.code(404).send({ error: 'No claim with that id.' });
    const body = req.body as { decision: keyof typeof DECISIONS; note?: string };
    const claim = store.reviewClaim(id, DECISIONS[body.decision], actor.name, body.note ?? null);
    return { claim: claimFor(store, claim.id, reader), reviews: reviewsFor(store, [id]).get(id) ?? [] };
  });

  api.data({
    method: 'POST', url: '/api/claims/:id/correct', summary: 'Correct a claim (type, person, date, place, article/detail): a new accepted claim by the reviewer supersedes it', permission: 'review',
    schema: {
      params: idParams,
      body: {
        type: 'object', additionalProperties: false, minProperties: 1,
        properties: { type: { type: 'string', enum: EVENT_TYPE_NAMES }, person: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' }, date: optDate, place: optText(300), detail: optText(500) },
      },
      response: { 404: errorSchema },
    },
  }, ({ store, actor, reader, req, reply }) => {
    const id = (req.params as { id: number }).id;
    const old = claimFor(store, id, reader);
    if (!old) return reply.code(404).send({ error: 'No claim with that id.' });
    const changes = req.body as { type?: string; person?: string; date?: string | null; place?: string | null; detail?: string | null };
    const norm = (v: string | null | undefined) => (v === undefined ? undefined : v === null || v.trim() === '' ? null : v.trim());
    const fresh = store.correctClaim(id, { type: changes.type, person: changes.person, date: norm(changes.date), place: norm(changes.place), detail: norm(changes.detail) }, actor.name);
    return { claim: claimFor(store, fresh.id, reader), supersedes: id };
  });
}
