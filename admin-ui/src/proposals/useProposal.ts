import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../api/client';
import type { Proposal } from './logic';

/** One proposal as the caller may see it (with the actions open to them), and how to show it changed or read it again. */
export function useProposal(id: string | undefined) {
  const queries = useQueryClient();
  const proposal = useQuery({
    queryKey: ['proposal', id],
    enabled: !!id,
    queryFn: () => ok(api.GET('/api/v1/proposals/proposals/{id}', { params: { path: { id: id! } } })),
  });
  const calls = useQuery({ queryKey: ['calls', 'all'], queryFn: () => ok(api.GET('/api/v1/proposals/calls', { params: { query: { limit: 200 } } })) });
  return {
    proposal,
    calls: Object.fromEntries((calls.data?.items ?? []).map((c) => [c.id, c.theme])),
    changed: (changed: Proposal) => {
      queries.setQueryData(['proposal', id], changed);
      void queries.invalidateQueries({ queryKey: ['proposals'] });
    },
    reload: () => void proposal.refetch(),
  };
}
