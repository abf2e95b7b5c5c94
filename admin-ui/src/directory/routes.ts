import type { AreaRoute } from '../shell/area';
import { lazyPage } from '../shell/lazyPage';

/** The Directory screens, inside the staff layout (each page loaded when first shown, see lazyPage). */
export const directoryRoutes: AreaRoute[] = [
  { path: 'directory/organisations', page: lazyPage(() => import('./OrganisationsPage'), 'OrganisationsPage') },
  { path: 'directory/workers', page: lazyPage(() => import('./WorkersPage'), 'WorkersPage') },
  { path: 'directory/representatives', page: lazyPage(() => import('./RepresentativesPage'), 'RepresentativesPage') },
];
