import { describe, expect, it } from 'vitest';
import type { MenuItem } from './menu';
import { menuEntryOf } from './pageTitle';

const menu: MenuItem[] = [
  { path: '/', label: 'shell.home' },
  { label: 'shell.directory', entries: [{ path: '/directory/workers', label: 'worker.menu' }] },
  { label: 'proposals.menu' as never, entries: [{ path: '/proposals', label: 'proposals.list' as never }, { path: '/proposals/inbox', label: 'proposals.inbox' as never }] },
];

describe('the browser tab’s title', () => {
  it('is that of the menu entry the page is under, the deepest one', () => {
    expect(menuEntryOf(menu, '/directory/workers')?.label).toBe('worker.menu');
    expect(menuEntryOf(menu, '/proposals/inbox')?.label).toBe('proposals.inbox');
    expect(menuEntryOf(menu, '/proposals/0190c8e1-aaaa')?.label).toBe('proposals.list');
  });

  it('is home only on home', () => {
    expect(menuEntryOf(menu, '/')?.label).toBe('shell.home');
    expect(menuEntryOf(menu, '/nowhere')).toBeUndefined();
  });
});
