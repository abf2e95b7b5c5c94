import type { AreaRoute } from '../shell/area';
import { lazyPage } from '../shell/lazyPage';

/** The Access screens, inside the staff layout (each page loaded when first shown, see lazyPage). */
export const accessRoutes: AreaRoute[] = [
  { path: 'access/users', page: lazyPage(() => import('./UsersPage'), 'UsersPage') },
  { path: 'access/clients', page: lazyPage(() => import('./ApiClientsPage'), 'ApiClientsPage') },
  { path: 'access/audit', page: lazyPage(() => import('./AuditLogPage'), 'AuditLogPage') },
];
