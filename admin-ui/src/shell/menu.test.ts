import { describe, expect, it } from 'vitest';
import { appMenu, menuPlace, visibleMenu, type MenuItem } from './menu';

const menu: MenuItem[] = [
  { path: '/', label: 'shell.home' },
  {
    label: 'shell.directory',
    entries: [
      { path: '/organisations', label: 'shell.home', anyOf: ['directory.organisations.read'] },
      { path: '/workers', label: 'shell.home', anyOf: ['directory.workers.read'] },
    ],
  },
  { label: 'shell.access', entries: [{ path: '/users', label: 'shell.home', anyOf: ['access.users.read', 'access.users.write'] }] },
];

describe('visibleMenu', () => {
  it('keeps what any of the permissions allows and drops groups left empty', () => {
    expect(visibleMenu(menu, ['directory.organisations.read'])).toEqual([
      { path: '/', label: 'shell.home' },
      { label: 'shell.directory', entries: [{ path: '/organisations', label: 'shell.home', anyOf: ['directory.organisations.read'] }] },
    ]);
  });

  it('shows a screen to whoever holds any one of its permissions', () => {
    expect(visibleMenu(menu, ['access.users.write']).map((item) => item.label)).toEqual(['shell.home', 'shell.access']);
  });

  it('leaves only what needs no permission to someone holding none', () => {
    expect(visibleMenu(menu, [])).toEqual([{ path: '/', label: 'shell.home' }]);
  });
});

describe('menuPlace', () => {
  it('finds a screen’s entry, its label and its group, and for a page below an entry the nearest entry above it', () => {
    expect(menuPlace(menu, '/workers')).toEqual({ entry: '/workers', label: 'shell.home', group: 'shell.directory' });
    expect(menuPlace(menu, '/workers/0190-abc')).toEqual({ entry: '/workers', label: 'shell.home', group: 'shell.directory' });
    expect(menuPlace(menu, '/users')).toEqual({ entry: '/users', label: 'shell.home', group: 'shell.access' });
  });

  it('takes home only for home itself, and a path that merely starts like an entry for none of it', () => {
    expect(menuPlace(menu, '/')).toEqual({ entry: '/', label: 'shell.home', group: undefined });
    expect(menuPlace(menu, '/workersnew')).toEqual({});
    expect(menuPlace(menu, '/somewhere/else')).toEqual({});
  });
});

describe('appMenu', () => {
  it('puts home first, each area after the other, groups of one label together, and the phone view last', () => {
    const areas: { menu: MenuItem[]; repTabs?: { anyOf: string[] }[] }[] = [
      { menu: [{ label: 'shell.directory', entries: [{ path: '/a', label: 'shell.home' }] }, { path: '/b', label: 'shell.home' }] },
      { menu: [{ label: 'shell.access', entries: [{ path: '/c', label: 'shell.home' }] }], repTabs: [{ anyOf: ['x.attend'] }, { anyOf: ['x.attend', 'x.vote'] }] },
      { menu: [{ label: 'shell.directory', entries: [{ path: '/d', label: 'shell.home' }] }], repTabs: [{ anyOf: ['y.propose'] }] },
    ];
    expect(appMenu(areas).map((item) => ('entries' in item ? item.entries.map((e) => e.path) : item.path))).toEqual([
      '/', ['/a', '/d'], '/b', ['/c'], '/rep',
    ]);
    expect(areas[0].menu[0]).toEqual({ label: 'shell.directory', entries: [{ path: '/a', label: 'shell.home' }] });
  });

  it('shows the phone view to whoever may use one of its tabs, and to nobody when no area has one', () => {
    const tabbed = [{ menu: [], repTabs: [{ anyOf: ['x.attend'] }, { anyOf: ['x.attend', 'x.vote'] }] }, { menu: [], repTabs: [{ anyOf: ['y.propose'] }] }];
    expect(appMenu(tabbed).at(-1)).toEqual({ path: '/rep', label: 'repView.menu', anyOf: ['x.attend', 'x.vote', 'y.propose'] });
    expect(appMenu([{ menu: [] }])).toEqual([{ path: '/', label: 'shell.home' }]);
  });
});
