import type { Area } from '../shell/area';
import { integrationHome } from './home';
import { integrationMessages } from './messages';
import { integrationRoutes } from './routes';

/** Integration: worker imports and webhook subscriptions. */
export const integrationArea: Area<typeof integrationMessages> = {
  routes: integrationRoutes,
  home: integrationHome,
  menu: [
    {
      label: 'shell.integration',
      entries: [
        { path: '/integration/imports', label: 'import.menu', anyOf: ['directory.workers.write'] },
        { path: '/integration/webhooks', label: 'webhook.menu', anyOf: ['integration.webhooks.manage'] },
      ],
    },
  ],
  messages: integrationMessages,
};
