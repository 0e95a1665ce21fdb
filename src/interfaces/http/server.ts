import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import cookie from '@fastify/cookie';
import { WorkspaceSession } from './session.ts';
import { openApiDocument } from './openapi.ts';
import { Api } from './kit.ts';
import { sessionRoutes } from './routes/session-routes.ts';
import { reportRoutes } from './routes/report-routes.ts';
import { personRoutes } from './routes/person-routes.ts';
import { reviewRoutes } from './routes/review-routes.ts';
import { searchRoutes } from './routes/search-routes.ts';
import { statsRoutes } from './routes/stats-routes.ts';
import { userRoutes } from './routes/user-routes.ts';
import { confidentialityRoutes } from './routes/confidentiality-routes.ts';
import { attachmentRoutes } from './routes/attachment-routes.ts';
import { importRoutes } from './routes/import-routes.ts';
import { webRoutes } from '../web/serve.ts';
import { ExtractionPool, type PoolOptions } from '../../ingest/extract-pool.ts';
import { PlaceholderError } from '../../store/confidential.ts';

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
  reply.header('Cross-Origin-Resource-Policy', 'same-origin');
  reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  reply.header('Cache-Control', 'no-store');
}

export interface AppOptions {
  /**
   * The Host values this server answers, `host:port` of the address it is bound to (filled in by
   * startServer once the port is known). Empty: loopback names on any port (tests, inject).
   */
  hosts?: Set<string>;
  extraction?: PoolOptions;
}

const LOOPBACK = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/**
 * DNS rebinding and cross-site requests: a request must name this server in its Host header, and
 * a browser's Origin, when sent, must be this server's own.
 */
function checkOrigin(hosts: Set<string>, host: string | undefined, origin: string | undefined): string | null {
  const ok = (h: string) => (hosts.size ? hosts.has(h.toLowerCase()) : LOOPBACK.test(h));
  if (!host || !ok(host)) return 'This server answers only requests addressed to it (Host header).';
  if (origin !== undefined && origin !== `http://${host}`) return 'Cross-origin requests are refused.';
  return null;
}

/** `session` may be passed in by tests that need sessions of other roles. */
export async function buildApp(workspace: string, session = new WorkspaceSession(workspace), opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 20 * 1024 * 1024 });
  const hosts = opts.hosts ?? new Set<string>();
  const pool = new ExtractionPool(opts.extraction);
  await app.register(cookie);
  app.addHook('onRequest', async (req, reply) => {
    securityHeaders(reply);
    const refused = checkOrigin(hosts, req.headers.host, req.headers.origin);
    if (refused) return reply.code(421).send({ error: refused });
  });
  app.addHook('onClose', async () => {
    session.lock();
    await pool.close();
  });
  // Schema failures answer 400 with the validator's sentence, not a stack.
  app.setErrorHandler((err: { validation?: unknown; statusCode?: number; message: string }, _req, reply) => {
    if (err.validation || err instanceof PlaceholderError) return reply.code(400).send({ error: err.message });
    const code = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    return reply.code(code).send({ error: code === 500 ? 'Internal error.' : err.message });
  });

  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ error: 'No such route.' }));

  const api = new Api(app, session);
  sessionRoutes(api);
  reportRoutes(api, pool);
  personRoutes(api);
  reviewRoutes(api);
  searchRoutes(api);
  statsRoutes(api);
  userRoutes(api);
  confidentialityRoutes(api);
  attachmentRoutes(api);
  importRoutes(api);
  await webRoutes(app);

  const doc = openApiDocument(api.documented);
  app.get('/api/openapi.json', () => doc);
  return app;
}

/** Starts `vigil serve`: locked until POST /api/unlock; 127.0.0.1 unless told otherwise. */
export async function startServer(opts: StartOptions): Promise<{ url: string; close(): Promise<void>; app: FastifyInstance }> {
  const hosts = new Set<string>();
  const app = await buildApp(opts.workspace, new WorkspaceSession(opts.workspace), { hosts });
  await app.listen({ host: opts.host || '127.0.0.1', port: opts.port });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host || '127.0.0.1';
  hosts.add(`${host}:${port}`.toLowerCase());
  // On loopback the browser may say localhost for 127.0.0.1 (and back): both name this machine only.
  if (/^(127\.0\.0\.1|localhost|\[::1\])$/.test(host)) for (const h of ['127.0.0.1', 'localhost', '[::1]']) hosts.add(`${h}:${port}`);
  return { url: `http://${host}:${port}/`, close: () => app.close(), app };
}
