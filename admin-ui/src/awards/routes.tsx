import { Route } from 'react-router-dom';
import { lazyPage } from '../shell/lazyPage';

const AwardsPage = lazyPage(() => import('./AwardsPage'), 'AwardsPage');
const CampaignPage = lazyPage(() => import('./CampaignPage'), 'CampaignPage');

/** The awards screens, as routes inside the staff layout (each page loaded when first shown, see lazyPage). */
export const awardsRoutes = (
  <>
    <Route path="awards" element={<AwardsPage />} />
    <Route path="awards/campaigns/:id" element={<CampaignPage />} />
  </>
);
