import { api, ok } from '../api/client';
import type { components } from '../api/schema';
import type { EnterpriseFigures, HomeEntry } from '../shell/home';
import { attendanceText } from './attendance';

/** An enterprise's congress figures as the home page's table shows them. */
export function congressFigures(e: components['schemas']['EnterpriseCongressFigures']): EnterpriseFigures {
  const latest = e.latestSession;
  return {
    enterpriseId: e.enterpriseId ?? '',
    enterpriseName: e.enterpriseName ?? '',
    values: {
      held: e.sessionsHeld ?? 0,
      ...(latest ? { latestHeldOn: latest.heldOn ?? '', latestAttendance: attendanceText(latest.present ?? 0, latest.rosterSize ?? 0) } : {}),
    },
  };
}

/** What waits on the home page: for the union, sessions being prepared; for a region, its enterprises' congresses. */
export const congressHome: HomeEntry[] = [
  {
    kind: 'count', key: 'congress.planned', title: 'congress.home.planned', anyOf: ['congress.sessions.read'],
    load: async () => (await ok(api.GET('/api/v1/congress/sessions', { params: { query: { status: ['planned'], limit: 1, total: true } } }))).total ?? 0,
    to: '/congress/sessions?status=planned',
  },
  {
    kind: 'figures', key: 'congress.region', title: 'congress.home.region', anyOf: ['congress.region.read'],
    columns: [
      { key: 'held', title: 'congress.home.held' },
      { key: 'latestHeldOn', title: 'congress.home.latestHeldOn' },
      { key: 'latestAttendance', title: 'congress.home.latestAttendance' },
    ],
    load: async () => ((await ok(api.GET('/api/v1/congress/region-figures'))).enterprises ?? []).map(congressFigures),
  },
];
