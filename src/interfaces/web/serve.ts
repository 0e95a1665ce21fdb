/**
 * The web UI: app.ts is bundled by esbuild into memory once, at server start, and served with
 * index.html and app.css from the same origin, so the strict CSP (script-src 'self') holds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { FastifyInstance } from 'fastify';
import { PRINT_CSS } from '../../views/publish.ts';

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
  // The printable case file's stylesheet, as a file: the CSP allows no inline style.
  app.get('/print.css', (_req, reply) => reply.type('text/css; charset=utf-8').send(PRINT_CSS));
  app.get('/favicon.ico', (_req, reply) => reply.code(204).send());
}
