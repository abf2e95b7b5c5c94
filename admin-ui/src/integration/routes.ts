import type { AreaRoute } from '../shell/area';
import { lazyPage } from '../shell/lazyPage';

/** The Integration screens, inside the staff layout (each page loaded when first shown, see lazyPage). */
export const integrationRoutes: AreaRoute[] = [
  { path: 'integration/imports', page: lazyPage(() => import('./ImportsPage'), 'ImportsPage') },
  { path: 'integration/webhooks', page: lazyPage(() => import('./WebhooksPage'), 'WebhooksPage') },
];
