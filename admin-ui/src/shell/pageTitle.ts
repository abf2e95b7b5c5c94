import { useEffect, useSyncExternalStore } from 'react';

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
