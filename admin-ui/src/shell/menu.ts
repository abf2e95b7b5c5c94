import type { MessageKey } from '../i18n/messages';

/** A screen in the menu, shown to those holding any of its permissions (none: everyone signed in). */
export interface MenuEntry {
  path: string;
  label: MessageKey;
  anyOf?: readonly string[];
}

export interface MenuGroup {
  label: MessageKey;
  entries: readonly MenuEntry[];
}

export type MenuItem = MenuEntry | MenuGroup;

export const isGroup = (item: MenuItem): item is MenuGroup => 'entries' in item;

/** The menu as the user's permissions allow it: entries they may not use, and groups left empty, are gone. */
export function visibleMenu(menu: readonly MenuItem[], permissions: readonly string[]): MenuItem[] {
  const may = (entry: MenuEntry) => !entry.anyOf || entry.anyOf.some((p) => permissions.includes(p));
  return menu.flatMap((item): MenuItem[] => {
    if (!isGroup(item)) {
      return may(item) ? [item] : [];
    }
    const entries = item.entries.filter(may);
    return entries.length > 0 ? [{ ...item, entries }] : [];
  });
}

/** The app's screens; each module's screens join as they are built. */
export const appMenu: readonly MenuItem[] = [
  { path: '/', label: 'shell.home' },
  { path: '/dashboard', label: 'dashboard.menu', anyOf: ['proposals.read', 'congress.sessions.read'] },
  {
    label: 'congress.menu',
    entries: [
      { path: '/congress/sessions', label: 'congress.menu.sessions', anyOf: ['congress.sessions.read'] },
    ],
  },
  {
    label: 'proposals.menu',
    entries: [
      { path: '/proposals/calls', label: 'proposals.menu.calls', anyOf: ['proposals.read'] },
      { path: '/proposals', label: 'proposals.menu.list', anyOf: ['proposals.read'] },
      { path: '/proposals/inbox', label: 'proposals.menu.inbox', anyOf: ['proposals.handle'] },
      { path: '/proposals/statistics', label: 'proposals.menu.statistics', anyOf: ['proposals.read'] },
      { path: '/awards', label: 'awards.menu', anyOf: ['proposals.awards.manage', 'proposals.awards.review', 'proposals.manage'] },
    ],
  },
  {
    label: 'shell.directory',
    entries: [
      { path: '/directory/organisations', label: 'org.menu', anyOf: ['directory.organisations.read'] },
      { path: '/directory/workers', label: 'worker.menu', anyOf: ['directory.workers.read'] },
      { path: '/directory/representatives', label: 'rep.menu', anyOf: ['directory.representatives.read'] },
    ],
  },
  {
    label: 'shell.access',
    entries: [
      { path: '/access/users', label: 'user.menu', anyOf: ['access.users.read'] },
      { path: '/access/clients', label: 'client.menu', anyOf: ['access.clients.manage'] },
      { path: '/access/audit', label: 'audit.menu', anyOf: ['access.audit.read'] },
    ],
  },
  {
    label: 'shell.integration',
    entries: [
      { path: '/integration/imports', label: 'import.menu', anyOf: ['directory.workers.write'] },
      { path: '/integration/webhooks', label: 'webhook.menu', anyOf: ['integration.webhooks.manage'] },
    ],
  },
  { path: '/rep', label: 'repView.menu', anyOf: ['congress.attend', 'proposals.propose'] },
];
