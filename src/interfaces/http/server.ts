import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import type { SqliteStore } from '../../store/sqlite-store.ts';
import { allCaseFiles, personList } from '../../views/workspace-views.ts';
import { WorkspaceSession } from './session.ts';
import { openApiDocument, type RouteDoc } from './openapi.ts';

const COOKIE = 'vigil_session';
const error = { type: 'object', properties: { error: { type: 'string' } }, required: ['error'] };

export interface StartOptions {
  workspace: string;
  host: string;
  port: number;
}

/** Security headers on every answer: no framing, no sniffing, no referrer, a strict CSP without inline script. */
function securityHeaders(reply: FastifyReply): void {
  reply.header('Content-Security-Policy', "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('X-Frame-Options', 'DENY');
  reply.header('Referrer-Policy', 'no-referrer');
  reply.header('Cross-Origin-Opener-Policy', 'same-origin');
  reply.header('Cache-Control', 'no-store');
}

export async function buildApp(workspace: string): Promise<FastifyInstance> {
  const session = new WorkspaceSession(workspace);
  const app = Fastify({ logger: false, bodyLimit: 20 * 1024 * 1024 });
  await app.register(cookie);
  app.addHook('onRequest', async (_req, reply) => securityHeaders(reply));
  app.addHook('onClose', async () => session.lock());
  // Schema failures answer 400 with the validator's sentence, not a stack.
  app.setErrorHandler((err: { validation?: unknown; statusCode?: number; message: string }, _req, reply) => {
    if (err.validation) return reply.code(400).send({ error: err.message });
    const code = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    return reply.code(code).send({ error: code === 500 ? 'Internal error.' : err.message });
  });

  const routes: RouteDoc[] = [];
  const route = (doc: RouteDoc, handler: (req: FastifyRequest, reply: FastifyReply) => unknown): void => {
    routes.push(doc);
    app.route({ method: doc.method, url: doc.url, schema: doc.schema, handler: handler as never });
  };
  /** Data routes: 423 until unlocked, 401 without the session cookie. */
  const data = (doc: RouteDoc, handler: (store: SqliteStore, req: FastifyRequest, reply: FastifyReply) => unknown): void =>
    route({ ...doc, schema: { ...doc.schema, response: { ...doc.schema.response, 401: error, 423: error } } }, (req, reply) => {
      if (!session.unlocked) return reply.code(423).send({ error: 'The workspace is locked: unlock it with its passphrase.' });
      const store = session.storeFor(req.cookies[COOKIE]);
      if (!store) return reply.code(401).send({ error: 'No valid session: unlock the workspace with its passphrase.' });
      return handler(store, req, reply);
    });

  route({ method: 'GET', url: '/api/status', summary: 'Whether the workspace is unlocked', schema: { response: { 200: { type: 'object', properties: { unlocked: { type: 'boolean' } } } } } },
    () => ({ unlocked: session.unlocked }));

  route({
    method: 'POST', url: '/api/unlock', summary: 'Open the workspace with its passphrase; sets an HttpOnly SameSite=Strict session cookie',
    schema: {
      body: { type: 'object', properties: { passphrase: { type: 'string', minLength: 1, maxLength: 1024 } }, required: ['passphrase'], additionalProperties: false },
      response: { 200: { type: 'object', properties: { unlocked: { type: 'boolean' } } }, 401: error, 429: error },
    },
  }, async (req, reply) => {
    if (session.throttled()) return reply.code(429).send({ error: 'Too many wrong passphrases: wait a minute and try again.' });
    const token = await session.unlock((req.body as { passphrase: string }).passphrase);
    if (!token) return reply.code(401).send({ error: 'Wrong passphrase.' });
    reply.setCookie(COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/' });
    return { unlocked: true };
  });

  route({ method: 'POST', url: '/api/lock', summary: 'Close the workspace and end the session', schema: { response: { 200: { type: 'object', properties: { unlocked: { type: 'boolean' } } } } } },
    (_req, reply) => {
      session.lock();
      reply.clearCookie(COOKIE, { path: '/' });
      return { unlocked: false };
    });

  data({ method: 'GET', url: '/api/reports', summary: 'Archived reports with their claim counts', schema: {} }, (store) => store.listReports());

  data({
    method: 'GET', url: '/api/reports/:sha/original', summary: 'The original bytes as archived',
    schema: { params: { type: 'object', properties: { sha: { type: 'string', pattern: '^[0-9a-f]{64}$' } }, required: ['sha'] }, response: { 404: error } },
  }, (store, req, reply) => {
    const bytes = store.getOriginal((req.params as { sha: string }).sha);
    if (!bytes) return reply.code(404).send({ error: 'No report with that SHA-256.' });
    return reply.type('application/octet-stream').header('Content-Disposition', 'attachment').send(bytes);
  });

  data({ method: 'GET', url: '/api/persons', summary: 'Persons with their names, status and reports', schema: {} }, (store) => personList(store));

  data({
    method: 'GET', url: '/api/persons/:id', summary: 'The case file of one person',
    schema: { params: { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] }, response: { 404: error } },
  }, (store, req, reply) => {
    const id = (req.params as { id: number }).id;
    const file = allCaseFiles(store).find((c) => c.id === id);
    if (!file) return reply.code(404).send({ error: 'No person with that id.' });
    return file;
  });

  const doc = openApiDocument(routes);
  app.get('/api/openapi.json', () => doc);
  return app;
}

/** Starts `vigil serve`: locked until POST /api/unlock; 127.0.0.1 unless told otherwise. */
export async function startServer(opts: StartOptions): Promise<{ url: string; close(): Promise<void>; app: FastifyInstance }> {
  const app = await buildApp(opts.workspace);
  await app.listen({ host: opts.host || '127.0.0.1', port: opts.port });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host || '127.0.0.1';
  return { url: `http://${host}:${port}/`, close: () => app.close(), app };
}
