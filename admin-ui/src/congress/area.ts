import { AuditOutlined, TeamOutlined } from '@ant-design/icons';
import type { Area } from '../shell/area';
import { congressHome } from './home';
import { congressMessages } from './messages';
import { congressRoutes, congressRepRoutes } from './routes';

/** The workers' congress: its sessions for union staff, and for representatives their sessions and the receipt check. */
export const congressArea: Area<typeof congressMessages> = {
  routes: congressRoutes,
  repRoutes: congressRepRoutes,
  repTabs: [
    { path: '', label: 'repView.sessions', icon: TeamOutlined, anyOf: ['congress.attend'] },
    { path: 'receipt', label: 'repView.receipt', icon: AuditOutlined, anyOf: ['congress.attend'] },
  ],
  home: congressHome,
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
