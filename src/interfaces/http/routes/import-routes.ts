/**
 * Importing a list from the web UI: the list (CSV, base64) and its map (the JSON `vigil
 * import-list --map` reads) in one request; `dryRun` answers what would change and changes nothing.
 */
import type { Api } from '../kit.ts';
import { errorSchema } from '../kit.ts';
import { InputError } from '../../../ingest/formats.ts';
import { parseListMap } from '../../../import/list-map.ts';
import { readList } from '../../../import/list.ts';
import { importList } from '../../../import/import-list.ts';

export function importRoutes(api: Api): void {
  api.data({
    method: 'POST', url: '/api/import-list', summary: 'Import a list (CSV, base64) with its column map; dryRun shows what would change and changes nothing', permission: 'ingest',
    schema: {
      body: {
        type: 'object', additionalProperties: false, required: ['filename', 'csv', 'map'],
        properties: { filename: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[^/\\\\\\u0000]+$' }, csv: { type: 'string', minLength: 1 }, map: { type: 'object' }, dryRun: { type: 'boolean' } },
      },
      response: { 422: errorSchema },
    },
  }, ({ store, actor, req, reply }) => {
    const body = req.body as { filename: string; csv: string; map: object; dryRun?: boolean };
    try {
      const bytes = Buffer.from(body.csv, 'base64');
      const list = readList(bytes, body.filename, parseListMap(JSON.stringify(body.map)));
      return importList(store, bytes, list, actor.name, { dryRun: body.dryRun ?? false });
    } catch (e) {
      if (e instanceof InputError) return reply.code(422).send({ error: `${body.filename}: ${e.message}` });
      throw e;
    }
  });
}
