import { accessArea } from './access/area';
import { awardsArea } from './awards/area';
import { congressArea } from './congress/area';
import { dashboardArea } from './dashboard/area';
import { directoryArea } from './directory/area';
import { integrationArea } from './integration/area';
import { proposalsArea } from './proposals/area';

/**
 * The app's UI areas, in the order of the menu: the one list the shell iterates for routes, menu and strings.
 * A new area is its folder (with area.ts, routes.ts, messages.ts) and one line here.
 */
export const areas = [
  dashboardArea,
  congressArea,
  proposalsArea,
  awardsArea,
  directoryArea,
  accessArea,
  integrationArea,
] as const;
