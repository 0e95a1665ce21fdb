/**
 * The web UI: app.ts is bundled by esbuild into memory once, at server start, and served with
 * index.html and app.css from the same origin, so the strict CSP (script-src 'self') holds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { FastifyInstance } from 'fastify';

const here = import.meta.dirname;
let bundle: Promise<string> | null = null;

export function bundleApp(): Promise<string> {
  bundle ??= build({
    entryPoints: [join(here, 'app.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]!.text);
  return bundle;
}

export async function webRoutes(app: FastifyInstance): Promise<void> {
  const js = await bundleApp();
  const html = readFileSync(join(here, 'index.html'), 'utf8');
  const css = readFileSync(join(here, 'app.css'), 'utf8');
  app.get('/', (_req, reply) => reply.type('text/html; charset=utf-8').send(html));
  app.get('/app.js', (_req, reply) => reply.type('text/javascript; charset=utf-8').send(js));
  app.get('/app.css', (_req, reply) => reply.type('text/css; charset=utf-8').send(css));
  app.get('/favicon.ico', (_req, reply) => reply.code(204).send());
}
