import { describe, expect, it } from 'vitest';
import { areas } from './areas';
import { messages } from './messages';
import { visibleHome } from './shell/home';
import { appMenu, isGroup, type MenuItem } from './shell/menu';

const entriesOf = (menu: readonly MenuItem[]) => menu.flatMap((item) => (isGroup(item) ? item.entries : [item]));
const repeated = (values: string[]) => values.filter((value, i) => values.indexOf(value) !== i);

/** The app's menu as it stood before the areas declared it: every path, label and permission, in order. */
const menuBefore: MenuItem[] = [
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

describe('the areas', () => {
  it('make the menu the app had, entry for entry', () => {
    expect(appMenu(areas)).toEqual(menuBefore);
  });

  it('lead each of their menu entries to one of their own screens', () => {
    for (const area of areas) {
      const paths = area.routes.map((route) => `/${route.path}`);
      for (const entry of entriesOf(area.menu)) {
        expect(paths, entry.path).toContain(entry.path);
      }
    }
  });

  it('claim each path once', () => {
    expect(repeated(areas.flatMap((area) => area.routes.map((route) => route.path)))).toEqual([]);
    expect(repeated(areas.flatMap((area) => (area.repRoutes ?? []).map((route) => route.path)))).toEqual([]);
    expect(repeated(entriesOf(appMenu(areas)).map((entry) => entry.path))).toEqual([]);
  });

  it('keep the shell’s paths to the shell: no area screen at the home page or under /rep of the staff layout', () => {
    const paths = areas.flatMap((area) => area.routes.map((route) => route.path));
    expect(paths.filter((path) => path === '' || path === '*' || path === 'rep' || path.startsWith('rep/'))).toEqual([]);
  });

  it('give the phone view the tabs it had, the receipt check now beside the sessions it belongs to', () => {
    expect(areas.flatMap((area) => area.repTabs ?? []).map(({ path, label, anyOf }) => ({ path, label, anyOf }))).toEqual([
      { path: '', label: 'repView.sessions', anyOf: ['congress.attend'] },
      { path: 'receipt', label: 'repView.receipt', anyOf: ['congress.attend'] },
      { path: 'proposals', label: 'repView.proposals', anyOf: ['proposals.propose'] },
    ]);
  });

  it('lead each of their phone tabs to one of their own phone screens, named with a string the app has', () => {
    for (const area of areas) {
      const paths = (area.repRoutes ?? []).map((route) => route.path);
      for (const tab of area.repTabs ?? []) {
        expect(paths, tab.path).toContain(tab.path);
        expect(tab.label in messages['zh-CN'] && tab.label in messages.en, tab.label).toBe(true);
      }
    }
  });

  it('name their menu entries and groups with strings the app has, in both languages', () => {
    const labels = appMenu(areas).flatMap((item) => [item.label, ...(isGroup(item) ? item.entries.map((e) => e.label) : [])]);
    expect(labels.length).toBeGreaterThan(20);
    expect(labels.filter((label) => !(label in messages['zh-CN']) || !(label in messages.en))).toEqual([]);
  });

  it('declare their home entries each under a key of its own, named with strings the app has, for permissions', () => {
    const home = areas.flatMap((area) => area.home ?? []);
    expect(home.length).toBeGreaterThan(5);
    expect(repeated(home.map((entry) => entry.key))).toEqual([]);
    const titles = home.flatMap((entry) => [entry.title, ...(entry.kind === 'figures' ? entry.columns.map((c) => c.title) : [])]);
    expect(titles.filter((title) => !(title in messages['zh-CN']) || !(title in messages.en))).toEqual([]);
    expect(home.filter((entry) => entry.anyOf.length === 0).map((entry) => entry.key)).toEqual([]);
  });

  it('lead each home count to one of their own screens', () => {
    for (const area of areas) {
      const paths = area.routes.map((route) => `/${route.path}`);
      for (const entry of (area.home ?? []).filter((e) => e.kind === 'count')) {
        expect(paths, entry.key).toContain(new URL(entry.to, 'http://app').pathname);
      }
    }
  });

  it('give each role of an enterprise or a region its own to-do, and a representative none, so that they work in the phone view', () => {
    const home = areas.flatMap((area) => area.home ?? []);
    const keys = (permissions: string[]) => visibleHome(home, permissions).map((entry) => entry.key);
    expect(keys(['proposals.read', 'proposals.manage', 'congress.sessions.read', 'directory.workers.write'])).toEqual([
      'congress.planned', 'proposals.awaitingReview', 'proposals.overdue', 'integration.failedImports',
    ]);
    expect(keys(['directory.organisations.read', 'proposals.handle'])).toEqual(['proposals.inbox']);
    expect(keys(['proposals.awards.manage', 'proposals.region.read', 'congress.region.read'])).toEqual(['congress.region', 'proposals.region']);
    expect(keys(['directory.organisations.read', 'directory.representatives.read', 'congress.attend', 'proposals.propose'])).toEqual([]);
  });
});
