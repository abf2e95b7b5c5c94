import type { Area } from '../shell/area';
import { accessMessages } from './messages';
import { accessRoutes } from './routes';

/** Accounts and permissions: users and their grants, API clients and the audit log. */
export const accessArea: Area<typeof accessMessages> = {
  routes: accessRoutes,
  menu: [
    {
      label: 'shell.access',
      entries: [
        { path: '/access/users', label: 'user.menu', anyOf: ['access.users.read'] },
        { path: '/access/clients', label: 'client.menu', anyOf: ['access.clients.manage'] },
        { path: '/access/audit', label: 'audit.menu', anyOf: ['access.audit.read'] },
      ],
    },
  ],
  messages: accessMessages,
};
