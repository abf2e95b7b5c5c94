import { useSession } from '../auth/session';
import { CampaignsPage } from './CampaignsPage';
import { NominatePage } from './NominatePage';

/** /awards: a region's campaigns to those who run or review them; to an enterprise's union, the campaigns it may nominate to. */
export function AwardsPage() {
  const { me } = useSession();
  const permissions = me?.permissions ?? [];
  return permissions.includes('proposals.awards.manage') || permissions.includes('proposals.awards.review') ? <CampaignsPage /> : <NominatePage />;
}
