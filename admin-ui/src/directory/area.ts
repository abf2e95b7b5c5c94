import type { Area } from '../shell/area';
import { directoryMessages } from './messages';
import { directoryRoutes } from './routes';

/** The directory: the organisation tree, the worker register and the representatives. */
export const directoryArea: Area<typeof directoryMessages> = {
  routes: directoryRoutes,
  menu: [
    {
      label: 'shell.directory',
      entries: [
        { path: '/directory/organisations', label: 'org.menu', anyOf: ['directory.organisations.read'] },
        { path: '/directory/workers', label: 'worker.menu', anyOf: ['directory.workers.read'] },
        { path: '/directory/representatives', label: 'rep.menu', anyOf: ['directory.representatives.read'] },
      ],
    },
  ],
  messages: directoryMessages,
};
