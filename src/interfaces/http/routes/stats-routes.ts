import type { Api } from '../kit.ts';
import { statistics } from '../../../views/dossier.ts';

export function statsRoutes(api: Api): void {
  api.data({
    method: 'GET', url: '/api/stats', summary: 'People detained over time, by article, by facility, and events per month', permission: 'read', schema: {},
  }, ({ store, reader }) => statistics(store, reader));
}
