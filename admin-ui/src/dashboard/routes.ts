import type { AreaRoute } from '../shell/area';
import { lazyPage } from '../shell/lazyPage';

/** The dashboard screens, inside the staff layout (each page loaded when first shown, see lazyPage). */
export const dashboardRoutes: AreaRoute[] = [
  { path: 'dashboard', page: lazyPage(() => import('./DashboardPage'), 'DashboardPage') },
];
