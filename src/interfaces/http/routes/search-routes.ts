import type { Api } from '../kit.ts';
import { search } from '../../../store/queries.ts';

/** Full-text search over reports and claims, folded across scripts, diacritics and ё. */
export function searchRoutes(api: Api): void {
  api.data({
    method: 'GET', url: '/api/search', summary: 'Full-text search over reports and claims (Latin/Cyrillic, transliteration, diacritics and ё folded), with highlighted snippets', permission: 'read',
    schema: {
      querystring: {
        type: 'object', additionalProperties: false, required: ['q'],
        properties: { q: { type: 'string', minLength: 1, maxLength: 200, pattern: '[\\p{L}\\p{N}]' }, limit: { type: 'integer', minimum: 1, maximum: 100, default: 30 } },
      },
    },
  }, ({ store, reader, req }) => {
    const { q, limit } = req.query as { q: string; limit: number };
    return search(store, q, reader, limit);
  });
}
