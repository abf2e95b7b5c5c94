import { useEffect, useSyncExternalStore } from 'react';
import { isGroup, type MenuEntry, type MenuItem } from './menu';

/** The menu entry a path is under: the one whose path is the longest that is it or above it ('/' only for home). */
export function menuEntryOf(menu: readonly MenuItem[], pathname: string): MenuEntry | undefined {
  const entries = menu.flatMap((item) => (isGroup(item) ? item.entries : [item]));
  const under = (path: string) => pathname === path || (path !== '/' && pathname.startsWith(`${path}/`));
  return entries.filter((entry) => under(entry.path)).sort((a, b) => b.path.length - a.path.length)[0];
}

let ownTitle: string | undefined;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** A page's own name for the browser tab (a proposal's title, a session's name), while it is shown. */
export function usePageTitle(title: string | undefined) {
  useEffect(() => {
    ownTitle = title;
    listeners.forEach((listener) => listener());
    return () => {
      ownTitle = undefined;
      listeners.forEach((listener) => listener());
    };
  }, [title]);
}

/** Keeps the browser tab's title as "page – app": the page's own name, else that of the menu entry it is under. */
export function useDocumentTitle(fallback: string | undefined, app: string) {
  const own = useSyncExternalStore(subscribe, () => ownTitle);
  const page = own ?? fallback;
  useEffect(() => {
    document.title = page ? `${page} - ${app}` : app;
  }, [page, app]);
}
