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

/**
 * Where a page is in the menu: the entry it is (or, for a page below one, as /proposals/123 below /proposals, the
 * nearest entry above it), its label (the page's name in the browser tab) and the group that entry is in.
 */
export function menuPlace(menu: readonly MenuItem[], pathname: string): { entry?: string; label?: MessageKey; group?: MessageKey } {
  const under = (path: string) => pathname === path || (path !== '/' && pathname.startsWith(`${path}/`));
  let place: { entry?: string; label?: MessageKey; group?: MessageKey } = {};
  for (const item of menu) {
    for (const entry of isGroup(item) ? item.entries : [item]) {
      if (under(entry.path) && entry.path.length > (place.entry?.length ?? -1)) {
        place = { entry: entry.path, label: entry.label, group: isGroup(item) ? item.label : undefined };
      }
    }
  }
  return place;
}

/**
 * The app's menu: home first, then each area's entries in the areas' order (a group of the same label as an earlier
 * one joins it), and the representatives' phone view last, for those who may use one of its tabs.
 */
export function appMenu(areas: readonly { menu: readonly MenuItem[]; repTabs?: readonly { anyOf: readonly string[] }[] }[]): MenuItem[] {
  const menu: MenuItem[] = [{ path: '/', label: 'shell.home' }];
  for (const item of areas.flatMap((area) => area.menu)) {
    const same = isGroup(item) ? menu.findIndex((earlier) => isGroup(earlier) && earlier.label === item.label) : -1;
    const earlier = menu[same];
    if (isGroup(item) && earlier && isGroup(earlier)) {
      menu[same] = { ...earlier, entries: [...earlier.entries, ...item.entries] };
    } else {
      menu.push(item);
    }
  }
  const repPermissions = [...new Set(areas.flatMap((area) => area.repTabs ?? []).flatMap((tab) => tab.anyOf))];
  if (repPermissions.length > 0) {
    menu.push({ path: '/rep', label: 'repView.menu', anyOf: repPermissions });
  }
  return menu;
}
