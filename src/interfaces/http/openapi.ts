/** A route as declared once: the server registers it and the OpenAPI document is generated from it. */
export interface RouteDoc {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  summary: string;
  /** For data routes: the permission required (shown in the OpenAPI document). */
  permission?: string;
  schema: { body?: object; params?: object; querystring?: object; response?: Record<number, object> };
}

/** OpenAPI 3.0 document over the declared routes (Fastify's :param becomes {param}). */
export function openApiDocument(routes: readonly RouteDoc[]): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:(\w+)/g, '{$1}');
    const params = r.schema.params as { properties?: Record<string, object> } | undefined;
    const query = r.schema.querystring as { properties?: Record<string, object>; required?: string[] } | undefined;
    const op: Record<string, unknown> = {
      summary: r.summary,
      ...(r.permission ? { 'x-vigil-permission': r.permission } : {}),
      parameters: [
        ...Object.entries(params?.properties ?? {}).map(([name, schema]) => ({ name, in: 'path', required: true, schema })),
        ...Object.entries(query?.properties ?? {}).map(([name, schema]) => ({ name, in: 'query', required: (query?.required ?? []).includes(name), schema })),
      ],
      responses: Object.fromEntries(Object.entries(r.schema.response ?? { 200: {} }).map(([code, schema]) => [code, { description: code, content: { 'application/json': { schema } } }])),
    };
    if (r.schema.body) op.requestBody = { required: true, content: { 'application/json': { schema: r.schema.body } } };
    (paths[path] ??= {})[r.method.toLowerCase()] = op;
  }
  return { openapi: '3.0.3', info: { title: 'Vigil API', version: '0.1.0' }, paths };
}
