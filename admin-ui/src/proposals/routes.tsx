import { Route } from 'react-router-dom';
import { lazyPage } from '../shell/lazyPage';

const ProposalsPage = lazyPage(() => import('./ProposalsPage'), 'ProposalsPage');
const ProposalPage = lazyPage(() => import('./ProposalPage'), 'ProposalPage');
const CallsPage = lazyPage(() => import('./CallsPage'), 'CallsPage');
const InboxPage = lazyPage(() => import('./InboxPage'), 'InboxPage');
const StatisticsPage = lazyPage(() => import('./StatisticsPage'), 'StatisticsPage');
const RepProposalsPage = lazyPage(() => import('./RepProposalsPage'), 'RepProposalsPage');
const RepNewProposalPage = lazyPage(() => import('./RepNewProposalPage'), 'RepNewProposalPage');
const RepProposalPage = lazyPage(() => import('./RepProposalPage'), 'RepProposalPage');

/** The Proposals screens: for staff and handlers inside the staff layout, and for representatives under /rep. */
export const proposalsRoutes = (
  <>
    <Route path="proposals" element={<ProposalsPage />} />
    <Route path="proposals/calls" element={<CallsPage />} />
    <Route path="proposals/inbox" element={<InboxPage />} />
    <Route path="proposals/statistics" element={<StatisticsPage />} />
    <Route path="proposals/:id" element={<ProposalPage />} />
  </>
);

export const proposalsRepRoutes = (
  <>
    <Route path="proposals" element={<RepProposalsPage />} />
    <Route path="proposals/new" element={<RepNewProposalPage />} />
    <Route path="proposals/:id" element={<RepProposalPage />} />
  </>
);
