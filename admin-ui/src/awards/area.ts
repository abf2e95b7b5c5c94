import type { Area } from '../shell/area';
import { awardsMessages } from './messages';
import { awardsRoutes } from './routes';

/** Awards for proposals: campaigns, nominations and their review; its menu entry joins the Proposals group. */
export const awardsArea: Area<typeof awardsMessages> = {
  routes: awardsRoutes,
  menu: [
    {
      label: 'proposals.menu',
      entries: [
        { path: '/awards', label: 'awards.menu', anyOf: ['proposals.awards.manage', 'proposals.awards.review', 'proposals.manage'] },
      ],
    },
  ],
  messages: awardsMessages,
};
