import type { AreaRoute } from '../shell/area';
import { lazyPage } from '../shell/lazyPage';

/** The Proposals screens for staff and handlers, inside the staff layout (each page loaded when first shown, see lazyPage). */
export const proposalsRoutes: AreaRoute[] = [
  { path: 'proposals', page: lazyPage(() => import('./ProposalsPage'), 'ProposalsPage') },
  { path: 'proposals/calls', page: lazyPage(() => import('./CallsPage'), 'CallsPage') },
  { path: 'proposals/inbox', page: lazyPage(() => import('./InboxPage'), 'InboxPage') },
  { path: 'proposals/statistics', page: lazyPage(() => import('./StatisticsPage'), 'StatisticsPage') },
  { path: 'proposals/:id', page: lazyPage(() => import('./ProposalPage'), 'ProposalPage') },
];

/** The Proposals screens for representatives, below /rep. */
export const proposalsRepRoutes: AreaRoute[] = [
  { path: 'proposals', page: lazyPage(() => import('./RepProposalsPage'), 'RepProposalsPage') },
  { path: 'proposals/new', page: lazyPage(() => import('./RepNewProposalPage'), 'RepNewProposalPage') },
  { path: 'proposals/:id', page: lazyPage(() => import('./RepProposalPage'), 'RepProposalPage') },
];
