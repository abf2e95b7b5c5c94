import { describe, expect, it } from 'vitest';
import { visibleMenu, type MenuItem } from './menu';

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
