import type { Api } from '../kit.ts';
import { COOKIE, errorSchema } from '../kit.ts';

const unlocked = { type: 'object', properties: { unlocked: { type: 'boolean' } } };
const sessionInfo = {
  type: 'object',
  properties: { unlocked: { type: 'boolean' }, user: { type: 'string' }, role: { type: 'string' }, clearance: { type: 'string' }, csrf: { type: 'string' } },
  required: ['unlocked'],
};

/** Unlock, lock and "who am I": the routes a locked server answers. */
export function sessionRoutes(api: Api): void {
  const { session } = api;
  api.route({ method: 'GET', url: '/api/status', summary: 'Whether the workspace is unlocked', schema: { response: { 200: unlocked } } },
    () => ({ unlocked: session.unlocked }));

  api.route({ method: 'GET', url: '/api/session', summary: 'The caller’s session: user, role, clearance and the CSRF token for writes', schema: { response: { 200: sessionInfo } } },
    (req) => {
      const s = session.sessionFor(req.cookies[COOKIE]);
      if (!s) return { unlocked: session.unlocked };
      return { unlocked: true, user: s.actor.name, role: s.actor.role, clearance: s.actor.clearance, csrf: s.csrf };
    });

  api.route({
    method: 'POST', url: '/api/unlock', summary: 'Open the workspace with its passphrase; sets an HttpOnly SameSite=Strict session cookie',
    schema: {
      body: { type: 'object', properties: { passphrase: { type: 'string', minLength: 1, maxLength: 1024 } }, required: ['passphrase'], additionalProperties: false },
      response: { 200: sessionInfo, 401: errorSchema, 429: errorSchema },
    },
  }, async (req, reply) => {
    const token = await session.unlock((req.body as { passphrase: string }).passphrase);
    if (token === 'throttled') return reply.code(429).send({ error: 'Too many attempts: wait a minute and try again.' });
    if (!token) return reply.code(401).send({ error: 'Wrong passphrase.' });
    reply.setCookie(COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/' });
    const s = session.sessionFor(token)!;
    return { unlocked: true, user: s.actor.name, role: s.actor.role, clearance: s.actor.clearance, csrf: s.csrf };
  });

  api.route({
    method: 'POST', url: '/api/login', summary: 'Sign in as a user with their own password, once the owner has unlocked the workspace; sets an HttpOnly SameSite=Strict session cookie',
    schema: {
      body: {
        type: 'object',
        properties: { user: { type: 'string', minLength: 1, maxLength: 64 }, password: { type: 'string', minLength: 1, maxLength: 1024 } },
        required: ['user', 'password'], additionalProperties: false,
      },
      response: { 200: sessionInfo, 401: errorSchema, 423: errorSchema, 429: errorSchema },
    },
  }, async (req, reply) => {
    const { user, password } = req.body as { user: string; password: string };
    const token = await session.login(user, password);
    // A user's password opens no database: the owner unlocks the workspace first.
    if (token === 'locked') return reply.code(423).send({ error: 'The workspace is locked: its owner unlocks it with the passphrase first.' });
    if (token === 'throttled') return reply.code(429).send({ error: 'Too many failed sign-ins: wait a minute and try again.' });
    // One answer for an unknown user and a wrong password: the API does not tell which names exist.
    if (!token) return reply.code(401).send({ error: 'Wrong user name or password.' });
    reply.setCookie(COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/' });
    const s = session.sessionFor(token)!;
    return { unlocked: true, user: s.actor.name, role: s.actor.role, clearance: s.actor.clearance, csrf: s.csrf };
  });

  api.route({ method: 'POST', url: '/api/logout', summary: 'End the caller’s session (the workspace stays open for others)', schema: { response: { 200: unlocked } } },
    (req, reply) => {
      session.end(req.cookies[COOKIE]);
      reply.clearCookie(COOKIE, { path: '/' });
      return { unlocked: session.unlocked };
    });

  // Locking needs a session and its CSRF token, like every change: otherwise any web page the
  // user visits could lock the workspace. In a hurry without a session: `vigil lock --panic`.
  api.data({ method: 'POST', url: '/api/lock', summary: 'Close the workspace and end every session', permission: 'read', schema: { response: { 200: unlocked } } },
    ({ reply }) => {
      session.lock();
      reply.clearCookie(COOKIE, { path: '/' });
      return { unlocked: false };
    });
}
