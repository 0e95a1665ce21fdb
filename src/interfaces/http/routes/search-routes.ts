import { linkNext, pageQuery, type Api } from '../kit.ts';
import { search } from '../../../store/queries.ts';

/** Full-text search over reports and claims, folded across scripts, diacritics and ё. */
export function searchRoutes(api: Api): void {
  api.data({
    method: 'GET', url: '/api/search', summary: 'Full-text search over reports and claims (Latin/Cyrillic, transliteration, diacritics and ё folded), with highlighted snippets; a page (limit, cursor; next)', permission: 'read',
    schema: {
      querystring: {
        type: 'object', additionalProperties: false, required: ['q'],
        properties: { q: { type: 'string', minLength: 1, maxLength: 200, pattern: '[\\p{L}\\p{N}]' }, ...pageQuery(30, 100) },
      },
    },
  }, ({ store, reader, req, reply }) => {
    const { q, limit, cursor } = req.query as { q: string; limit: number; cursor?: string };
    const found = search(store, q, reader, limit, cursor);
    linkNext(req, reply, found.next);
    return found;
  });
}
