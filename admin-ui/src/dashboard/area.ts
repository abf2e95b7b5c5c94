import type { Area } from '../shell/area';
import { dashboardMessages } from './messages';
import { dashboardRoutes } from './routes';

/** The dashboard: the figures of proposals and congresses at a glance. */
export const dashboardArea: Area<typeof dashboardMessages> = {
  routes: dashboardRoutes,
  menu: [
    { path: '/dashboard', label: 'dashboard.menu', anyOf: ['proposals.read', 'congress.sessions.read'] },
  ],
  messages: dashboardMessages,
};
