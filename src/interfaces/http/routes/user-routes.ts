import type { Api } from '../kit.ts';
import { listUsers } from '../../../store/users.ts';

const userList = {
  type: 'array',
  items: { type: 'object', properties: { name: { type: 'string' }, role: { type: 'string' }, createdAt: { type: 'string' }, createdBy: { type: 'string' } } },
};

/**
 * Users as the admin sees them. Adding and removing users needs the workspace passphrase (a new
 * key slot, and a removal rotates the keys), so that is done with `vigil users` at the laptop.
 */
export function userRoutes(api: Api): void {
  api.data({ method: 'GET', url: '/api/users', summary: 'Users, their roles and who added them', permission: 'manage', schema: { response: { 200: userList } } },
    ({ store }) => listUsers(store));
}
