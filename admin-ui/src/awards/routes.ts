import type { AreaRoute } from '../shell/area';
import { lazyPage } from '../shell/lazyPage';

/** The awards screens, inside the staff layout (each page loaded when first shown, see lazyPage). */
export const awardsRoutes: AreaRoute[] = [
  { path: 'awards', page: lazyPage(() => import('./AwardsPage'), 'AwardsPage') },
  { path: 'awards/campaigns/:id', page: lazyPage(() => import('./CampaignPage'), 'CampaignPage') },
];
