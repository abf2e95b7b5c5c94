import type { AreaRoute } from '../shell/area';
import { lazyPage } from '../shell/lazyPage';

/** The Congress screens for union staff, inside the staff layout (each page loaded when first shown, see lazyPage). */
export const congressRoutes: AreaRoute[] = [
  { path: 'congress/sessions', page: lazyPage(() => import('./SessionsPage'), 'SessionsPage') },
  { path: 'congress/sessions/:id', page: lazyPage(() => import('./SessionPage'), 'SessionPage') },
];

/** The Congress screens for representatives, below /rep. */
export const congressRepRoutes: AreaRoute[] = [
  { path: '', page: lazyPage(() => import('./rep/MySessionsPage'), 'MySessionsPage') },
  { path: 'sessions/:id', page: lazyPage(() => import('./rep/MySessionPage'), 'MySessionPage') },
  { path: 'receipt', page: lazyPage(() => import('./rep/ReceiptCheckPage'), 'ReceiptCheckPage') },
];
