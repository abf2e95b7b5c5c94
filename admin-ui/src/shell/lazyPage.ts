import { lazy, type ComponentType } from 'react';

/** A page loaded when first shown (its own chunk), from a module that exports it by name. */
export function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}
