import { api, ok } from '../api/client';
import type { components, operations } from '../api/schema';
import type { EnterpriseFigures, HomeEntry } from '../shell/home';
import { lazyPage } from '../shell/lazyPage';
import { rateText } from '../i18n/format';

type ListFilters = NonNullable<operations['ListProposals']['parameters']['query']>;

const totalOf = async (query: ListFilters) =>
  (await ok(api.GET('/api/v1/proposals/proposals', { params: { query: { ...query, limit: 1, total: true } } }))).total ?? 0;

/** An enterprise's proposal figures as the home page's table shows them. */
export const proposalFigures = (e: components['schemas']['EnterpriseProposalFigures']): EnterpriseFigures => ({
  enterpriseId: e.enterpriseId ?? '',
  enterpriseName: e.enterpriseName ?? '',
  values: { submitted: e.submitted ?? 0, inHandling: e.inHandling ?? 0, overdue: e.overdue ?? 0, closed: e.closed ?? 0, onTime: rateText(e.onTimeAnswerRate) },
});

/** What waits on the home page: for the committee, proposals to review; for the union, handling overdue; for a handler, the department's inbox; for a region, its enterprises' figures. */
export const proposalsHome: HomeEntry[] = [
  {
    kind: 'count', key: 'proposals.awaitingReview', title: 'proposals.home.awaitingReview', anyOf: ['proposals.manage'],
    load: () => totalOf({ status: ['submitted', 'underReview'] }), to: '/proposals?status=submitted&status=underReview',
  },
  {
    kind: 'count', key: 'proposals.overdue', title: 'proposals.home.overdue', anyOf: ['proposals.read'],
    load: () => totalOf({ overdue: true }), to: '/proposals?overdue=true',
  },
  { kind: 'panel', key: 'proposals.inbox', title: 'proposals.home.inbox', anyOf: ['proposals.handle'], panel: lazyPage(() => import('./HomeInbox'), 'HomeInbox') },
  {
    kind: 'figures', key: 'proposals.region', title: 'proposals.home.region', anyOf: ['proposals.region.read'],
    columns: [
      { key: 'submitted', title: 'proposals.home.submitted' },
      { key: 'inHandling', title: 'proposals.home.inHandling' },
      { key: 'overdue', title: 'proposals.overdue' },
      { key: 'closed', title: 'proposals.status.closed' },
      { key: 'onTime', title: 'proposals.stats.onTimeRate' },
    ],
    load: async () => ((await ok(api.GET('/api/v1/proposals/region-figures'))).enterprises ?? []).map(proposalFigures),
  },
];
