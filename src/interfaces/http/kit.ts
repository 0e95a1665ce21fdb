import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SqliteStore } from '../../store/sqlite-store.ts';
import { can, type Permission } from '../../schema/access.ts';
import type { RouteDoc } from './openapi.ts';
import type { Actor, Session, WorkspaceSession } from './session.ts';
import { keysFor, type Reader } from '../../store/confidential.ts';

export const COOKIE = 'vigil_session';
export const CSRF_HEADER = 'x-vigil-csrf';
export const errorSchema = { type: 'object', properties: { error: { type: 'string' } }, required: ['error'] } as const;

/** The paging parameters every list route takes: how many at most, and where the previous page ended. */
export function pageQuery(dflt: number, max: number) {
  return {
    limit: { type: 'integer', minimum: 1, maximum: max, default: dflt },
    cursor: { type: 'string', maxLength: 1000, pattern: '^[A-Za-z0-9_-]*$' },
  } as const;
}

/** Points at the next page (RFC 8288 Link, rel="next"), the same URL with the cursor moved; nothing after the last page. */
export function linkNext(req: FastifyRequest, reply: FastifyReply, next: string | null): void {
  if (!next) return;
  const url = new URL(req.url, 'http://vigil.invalid');
  url.searchParams.set('cursor', next);
  reply.header('Link', `<${url.pathname}${url.search}>; rel="next"`);
}

/** What a data route's handler gets: the open store, who is asking, and what they may read with. */
export interface Ctx {
  store: SqliteStore;
  actor: Actor;
  /** The actor's clearance and the field keys of their session: every read goes through it. */
  reader: Reader;
  session: Session;
  req: FastifyRequest;
  reply: FastifyReply;
}

export interface DataRoute extends RouteDoc {
  /** The permission a caller's role must hold (src/schema/access.ts). */
  permission: Permission;
}

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Registers routes so that each is declared once: the OpenAPI document is built from the same
 * list, and every data route passes the same checks — unlocked, session, role, CSRF on writes.
 */
export class Api {
  private readonly docs: RouteDoc[] = [];

  constructor(readonly app: FastifyInstance, readonly session: WorkspaceSession) {}

  get documented(): readonly RouteDoc[] {
    return this.docs;
  }

  /** A route open to anyone (status, unlock, login). */
  route(doc: RouteDoc, handler: (req: FastifyRequest, reply: FastifyReply) => unknown): void {
    this.docs.push(doc);
    this.app.route({ method: doc.method, url: doc.url, schema: doc.schema, handler: handler as never });
  }

  /**
   * A route that reads or changes the workspace: 423 locked, 401 no session, 403 role or CSRF.
   * The checks run in onRequest, before the body is parsed or validated: a caller without the
   * right learns nothing from the route's schema, and a forged write is refused whatever it holds.
   */
  data(doc: DataRoute, handler: (ctx: Ctx) => unknown): void {
    const response = { ...doc.schema.response, 401: errorSchema, 403: errorSchema, 423: errorSchema };
    const passed = new WeakMap<FastifyRequest, Session>();
    const gate = async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
      if (!this.session.openStore) return void reply.code(423).send({ error: 'The workspace is locked: unlock it with its passphrase.' });
      const session = this.session.sessionFor(req.cookies[COOKIE]);
      if (!session) return void reply.code(401).send({ error: 'No valid session: sign in again.' });
      if (!can(session.actor.role, doc.permission)) return void reply.code(403).send({ error: `Your role (${session.actor.role}) may not do this.` });
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        const sent = req.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !sameSecret(sent, session.csrf)) return void reply.code(403).send({ error: `Missing or wrong ${CSRF_HEADER} header: reload the page.` });
      }
      passed.set(req, session);
    };
    this.docs.push({ ...doc, schema: { ...doc.schema, response } });
    this.app.route({
      method: doc.method, url: doc.url, schema: { ...doc.schema, response }, onRequest: gate,
      handler: (req, reply) => {
        const store = this.session.openStore;
        const session = passed.get(req);
        // Locked or signed out between the gate and here (a lock racing a long upload).
        if (!store || !session) return reply.code(423).send({ error: 'The workspace is locked: unlock it with its passphrase.' });
        const reader = { clearance: session.actor.clearance, keys: keysFor(session.actor.clearance, session.keys) };
        return handler({ store, actor: session.actor, reader, session, req, reply });
      },
    });
  }
}
