import type { Api } from '../kit.ts';
import { errorSchema, linkNext, pageQuery } from '../kit.ts';
import { idParams } from './person-routes.ts';
import { claimFor, claimVersion, reviewQueue, reviewsFor, type ClaimWithLevel } from '../../../store/queries.ts';
import { EVENT_TYPE_NAMES, REVIEW_STATUSES } from '../../../schema/taxonomy.ts';
import { UndoError, type SqliteStore } from '../../../store/sqlite-store.ts';
import type { Reader } from '../../../store/confidential.ts';
import { parseClaimDate } from '../../../views/dates.ts';

const DECISIONS = { accept: 'accepted', reject: 'rejected', dispute: 'disputed', reopen: 'proposed' } as const;
// Any text: parseClaimDate reads it and says in words what is wrong with it (a 400 with code bad-date).
const optDate = { anyOf: [{ type: 'string', maxLength: 40 }, { type: 'null' }] };
const version = { type: 'integer', minimum: 0 };
/** A refusal the UI can translate: `code` names it, `error` says it in English. */
const problem = { type: 'object', properties: { error: { type: 'string' }, code: { type: 'string' }, value: { type: 'string' } }, required: ['error'], additionalProperties: true } as const;

/** What changed since the version the reviewer saw: the decisions made after it. */
function stale(store: SqliteStore, reader: Reader, id: number, claim: ClaimWithLevel, seen: number) {
  const reviews = reviewsFor(store, [id]).get(id) ?? [];
  const since = reviews.slice(seen);
  const what = since.map((r) => `${r.decision} by ${r.reviewer} at ${r.at.slice(0, 16).replace('T', ' ')}`).join('; ');
  return {
    error: `This claim changed after you loaded it (${what || 'a newer decision'}); it is now ${claim.reviewStatus}. Nothing was saved: look again and decide.`,
    code: 'stale', claim: claimFor(store, id, reader), reviews, changes: since, version: reviews.length,
  };
}
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
    const reviews = reviewsFor(store, [id]).get(id) ?? [];
    return { ...claim, reviews, version: reviews.length };
  });

  api.data({
    method: 'POST', url: '/api/claims/:id/review', summary: 'Accept, reject, dispute or reopen a claim; stored with the reviewer and the time', permission: 'review',
    schema: {
      params: idParams,
      body: { type: 'object', additionalProperties: false, required: ['decision'], properties: { decision: { type: 'string', enum: Object.keys(DECISIONS) }, note: { type: 'string', maxLength: 2000 }, version } },
      response: { 404: errorSchema, 409: problem },
    },
  }, ({ store, actor, reader, req, reply }) => {
    const id = (req.params as { id: number }).id;
    const current = claimFor(store, id, reader);
    if (!current) return reply.code(404).send({ error: 'No claim with that id.' });
    const body = req.body as { decision: keyof typeof DECISIONS; note?: string; version?: number };
    // Optimistic: a decision made on an older view of the claim is refused, never silently laid over a newer one.
    if (body.version !== undefined && body.version !== claimVersion(store, id)) return reply.code(409).send(stale(store, reader, id, current, body.version));
    const claim = store.reviewClaim(id, DECISIONS[body.decision], actor.name, body.note ?? null);
    const reviews = reviewsFor(store, [id]).get(id) ?? [];
    return { claim: claimFor(store, claim.id, reader), reviews, version: reviews.length };
  });

  api.data({
    method: 'POST', url: '/api/claims/:id/undo', summary: 'Undo the last decision on a claim, when it is your own: the claim goes back to its status before it (the undoing is kept as a review)', permission: 'review',
    schema: { params: idParams, body: { type: 'object', additionalProperties: false, properties: { version } }, response: { 404: errorSchema, 409: problem } },
  }, ({ store, actor, reader, req, reply }) => {
    const id = (req.params as { id: number }).id;
    const current = claimFor(store, id, reader);
    if (!current) return reply.code(404).send({ error: 'No claim with that id.' });
    const body = (req.body ?? {}) as { version?: number };
    if (body.version !== undefined && body.version !== claimVersion(store, id)) return reply.code(409).send(stale(store, reader, id, current, body.version));
    try {
      store.undoLastReview(id, actor.name);
    } catch (e) {
      if (e instanceof UndoError) return reply.code(409).send({ error: e.message, code: 'not-undoable' });
      throw e;
    }
    const reviews = reviewsFor(store, [id]).get(id) ?? [];
    return { claim: claimFor(store, id, reader), reviews, version: reviews.length };
  });

  api.data({
    method: 'POST', url: '/api/claims/:id/correct', summary: 'Correct a claim (type, person, date, place, article/detail): a new accepted claim by the reviewer supersedes it', permission: 'review',
    schema: {
      params: idParams,
      body: {
        type: 'object', additionalProperties: false, minProperties: 1,
        properties: { type: { type: 'string', enum: EVENT_TYPE_NAMES }, person: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' }, date: optDate, place: optText(300), detail: optText(500), version },
      },
      response: { 404: errorSchema, 400: problem, 409: problem },
    },
  }, ({ store, actor, reader, req, reply }) => {
    const id = (req.params as { id: number }).id;
    const old = claimFor(store, id, reader);
    if (!old) return reply.code(404).send({ error: 'No claim with that id.' });
    const changes = req.body as { type?: string; person?: string; date?: string | null; place?: string | null; detail?: string | null; version?: number };
    if (changes.version !== undefined && changes.version !== claimVersion(store, id)) return reply.code(409).send(stale(store, reader, id, old, changes.version));
    const norm = (v: string | null | undefined) => (v === undefined ? undefined : v === null || v.trim() === '' ? null : v.trim());
    let date = norm(changes.date);
    if (date) {
      const parsed = parseClaimDate(date);
      if (!parsed.ok) return reply.code(400).send({ error: parsed.error, code: parsed.code, value: date });
      date = parsed.date;
    }
    const fresh = store.correctClaim(id, { type: changes.type, person: changes.person, date, place: norm(changes.place), detail: norm(changes.detail) }, actor.name);
    return { claim: claimFor(store, fresh.id, reader), supersedes: id };
  });
}
