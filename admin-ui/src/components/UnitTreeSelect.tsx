import { TreeSelect, type TreeSelectProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../api/client';
import type { components } from '../api/schema';
import { useSession } from '../auth/session';

type Organisation = components['schemas']['Organisation'];

/** Every active organisation of the enterprise the user acts for (its units and teams), all pages read. */
async function activeTree(under: string) {
  const all: Organisation[] = [];
  let cursor: string | undefined;
  do {
    const page = await ok(api.GET('/api/v1/directory/organisations', { params: { query: { under, status: 'active', limit: 200, cursor } } }));
    all.push(...(page.items ?? []));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/**
 * A unit (workshop, department or 班组) of the enterprise the user acts for, picked from its tree and searchable by
 * name, so that a team deep in the tree can be chosen and a chosen one always shows its name.
 */
export function UnitTreeSelect(props: Omit<TreeSelectProps<string>, 'treeData'>) {
  const { me } = useSession();
  const enterprise = me?.actingFor?.id;
  const tree = useQuery({
    queryKey: ['organisations', 'tree', enterprise],
    queryFn: () => activeTree(enterprise!),
    enabled: !!enterprise,
    staleTime: 60_000,
  });
  return (
    <TreeSelect<string> showSearch treeNodeFilterProp="title" treeDefaultExpandAll={false} loading={tree.isLoading}
      treeDataSimpleMode={{ id: 'id', pId: 'pId' }} popupMatchSelectWidth={false}
      treeData={(tree.data ?? []).map((o) => ({ id: o.id, pId: o.id === enterprise ? undefined : o.parentId ?? undefined, value: o.id, title: o.name }))}
      {...props} />
  );
}
