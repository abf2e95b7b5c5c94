import type { Area } from '../shell/area';
import { congressMessages } from './messages';
import { congressRoutes, congressRepRoutes } from './routes';

/** The workers' congress: its sessions for union staff, and for representatives their sessions and the receipt check. */
export const congressArea: Area<typeof congressMessages> = {
  routes: congressRoutes,
  repRoutes: congressRepRoutes,
  menu: [
    {
      label: 'congress.menu',
      entries: [
        { path: '/congress/sessions', label: 'congress.menu.sessions', anyOf: ['congress.sessions.read'] },
      ],
    },
  ],
  messages: congressMessages,
};
