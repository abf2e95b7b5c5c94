import { FileTextOutlined } from '@ant-design/icons';
import type { Area } from '../shell/area';
import { proposalsHome } from './home';
import { proposalsMessages } from './messages';
import { proposalsRoutes, proposalsRepRoutes } from './routes';

/** Proposals: calls, the proposals and their handling for staff and handlers, and representatives' own proposals. */
export const proposalsArea: Area<typeof proposalsMessages> = {
  routes: proposalsRoutes,
  repRoutes: proposalsRepRoutes,
  repTabs: [{ path: 'proposals', label: 'repView.proposals', icon: FileTextOutlined, anyOf: ['proposals.propose'] }],
  home: proposalsHome,
  menu: [
    {
      label: 'proposals.menu',
      entries: [
        { path: '/proposals/calls', label: 'proposals.menu.calls', anyOf: ['proposals.read'] },
        { path: '/proposals', label: 'proposals.menu.list', anyOf: ['proposals.read'] },
        { path: '/proposals/inbox', label: 'proposals.menu.inbox', anyOf: ['proposals.handle'] },
        { path: '/proposals/statistics', label: 'proposals.menu.statistics', anyOf: ['proposals.read'] },
      ],
    },
  ],
  messages: proposalsMessages,
};
