import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/** Which filters a list keeps in the address: a single value (`?q=张`) or several (`?status=active&status=onLeave`). */
export type FilterShape<F> = { [K in keyof F]-?: 'one' | 'many' };

/** The filters the address holds, as a list page takes them. */
export function filtersOf<F>(params: URLSearchParams, shape: FilterShape<F>): F {
  const filters: Record<string, string | string[]> = {};
  for (const [name, kind] of Object.entries(shape)) {
    if (kind === 'many') {
      const values = params.getAll(name).filter(Boolean);
      if (values.length > 0) {
        filters[name] = values;
      }
    } else if (params.get(name)) {
      filters[name] = params.get(name)!;
    }
  }
  return filters as F;
}

/** The address's query with <paramref name="changed"/> filters set (an empty one removed) and the others kept. */
export function withFilters<F>(params: URLSearchParams, shape: FilterShape<F>, changed: Partial<F>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [name, value] of Object.entries(changed) as [string, string | string[] | undefined][]) {
    if (!(name in shape)) {
      continue;
    }
    next.delete(name);
    for (const one of (Array.isArray(value) ? value : [value]).filter((v): v is string => !!v)) {
      next.append(name, one);
    }
  }
  return next;
}

/**
 * A list's filters kept in the address (`shape` a constant of the page's module), so that a link shares them and Back restores them: each change is a step of
 * the browser's history.
 */
export function useUrlFilters<F>(shape: FilterShape<F>): [F, (changed: Partial<F>) => void] {
  const [params, setParams] = useSearchParams();
  const query = params.toString();
  const filters = useMemo(() => filtersOf(new URLSearchParams(query), shape), [query, shape]);
  const change = useCallback((changed: Partial<F>) => setParams((current) => withFilters(current, shape, changed)), [setParams, shape]);
  return [filters, change];
}
