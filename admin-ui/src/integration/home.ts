import { api, ok } from '../api/client';
import type { HomeEntry } from '../shell/home';

/** Failures older than this are no longer waiting for anyone: a later import has long since been tried. */
export const failuresWindowDays = 30;

/**
 * The filter of the imports list a link names (`?phase=failed&days=30`: failed in the last 30 days), as the API takes
 * it at <paramref name="now"/>; nothing for a link that names none, or names it wrongly.
 */
export function importsFilter(params: URLSearchParams, now: Date): { phase: ['failed']; since: string; days: number } | null {
  const days = Number(params.get('days'));
  if (params.get('phase') !== 'failed' || !Number.isInteger(days) || days < 1 || days > 366) {
    return null;
  }
  return { phase: ['failed'], since: new Date(now.getTime() - days * 86_400_000).toISOString(), days };
}

/** The same filter for the count and for the list it leads to. */
const recentFailures = new URLSearchParams({ phase: 'failed', days: String(failuresWindowDays) });

/** What waits on the home page: the union's imports that failed lately. */
export const integrationHome: HomeEntry[] = [
  {
    kind: 'count', key: 'integration.failedImports', title: 'import.home.failed', anyOf: ['directory.workers.write'],
    load: async () => {
      const { phase, since } = importsFilter(recentFailures, new Date())!;
      return (await ok(api.GET('/api/v1/directory/imports', { params: { query: { phase, since, limit: 1, total: true } } }))).total ?? 0;
    },
    to: `/integration/imports?${recentFailures}`,
  },
];
