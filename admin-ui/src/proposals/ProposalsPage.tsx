import { Card, Input, Select, Space, Switch, Table, Tag, TreeSelect } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, ok } from '../api/client';
import { useSession } from '../auth/session';
import { Filters } from '../components/Filters';
import { KeysetPager, useKeysetPages } from '../components/KeysetPager';
import { emptyText, LoadFailure } from '../components/LoadFailure';
import { useI18n } from '../i18n/I18n';
import { categories, organisationTree, statuses, type Proposal, type ProposalCategory, type ProposalStatus } from './logic';
import { DueOn, StatusTag } from './ProposalView';
import { useFormat } from '../i18n/format';
import { useUrlFilters, type FilterShape } from '../components/urlFilters';

interface ProposalFilters {
  status?: ProposalStatus[]; category?: ProposalCategory[]; unitId?: string; overdue?: 'true'; search?: string; callId?: string;
}
const filterShape: FilterShape<ProposalFilters> = { status: 'many', category: 'many', unitId: 'one', overdue: 'one', search: 'one', callId: 'one' };

/** Every submitted proposal for the union's staff: status, category, department and overdue filters on the server; keyset pages with the total. */
export function ProposalsPage() {
  const { t } = useI18n();
  const format = useFormat();
  const { me } = useSession();
  const pages = useKeysetPages();
  // Kept in the address, so that Back restores them and a link may arrive filtered (the home page's counts).
  const [filters, setFilters] = useUrlFilters(filterShape);
  const status = (filters.status ?? []).filter((s) => statuses.includes(s));
  const category = filters.category ?? [];
  const { unitId, search, callId } = filters;
  const overdue = filters.overdue === 'true';
  const proposals = useQuery({
    queryKey: ['proposals', 'staff', filters, pages.cursor],
    queryFn: () => ok(api.GET('/api/v1/proposals/proposals', {
      params: {
        query: {
          status: status.length ? status : undefined, category: category.length ? category : undefined, unitId, callId,
          overdue: overdue || undefined, search: search || undefined, cursor: pages.cursor, limit: 20, total: true,
        },
      },
    })),
    placeholderData: (previous) => previous,
  });
  const units = useQuery({
    queryKey: ['organisations', 'under', me?.actingFor?.id],
    queryFn: () => ok(api.GET('/api/v1/directory/organisations', { params: { query: { under: me?.actingFor?.id, status: 'active', limit: 200 } } })),
  });
  const calls = useQuery({ queryKey: ['calls', 'all'], queryFn: () => ok(api.GET('/api/v1/proposals/calls', { params: { query: { limit: 200 } } })) });
  const filter = (changed: Partial<ProposalFilters>) => { setFilters(changed); pages.restart(); };
  const statusOptions = statuses.filter((s) => s !== 'draft').map((s) => ({ value: s, label: t(`proposals.status.${s}`) }));
  return (
    <Card title={t('proposals.listTitle')}>
      <Filters active={[status.length, category.length, unitId, callId, overdue].filter(Boolean).length}
        search={<Input.Search key={search ?? ''} defaultValue={search} allowClear style={{ width: 220 }} placeholder={t('proposals.search')} aria-label={t('proposals.search')}
          onSearch={(text) => filter({ search: text || undefined })} />}>
        <Select mode="multiple" allowClear style={{ minWidth: 180 }} placeholder={t('proposals.status')} aria-label={t('proposals.status')}
          value={status} onChange={(value: ProposalStatus[]) => filter({ status: value })} options={statusOptions} maxTagCount="responsive" />
        <Select mode="multiple" allowClear style={{ minWidth: 180 }} placeholder={t('proposals.category')} aria-label={t('proposals.category')}
          value={category} onChange={(value: ProposalCategory[]) => filter({ category: value })} maxTagCount="responsive"
          options={categories.map((c) => ({ value: c, label: t(`proposals.category.${c}`) }))} />
        <TreeSelect allowClear style={{ width: 200 }} placeholder={t('proposals.department')} aria-label={t('proposals.department')}
          treeData={organisationTree(units.data?.items ?? [], me?.actingFor?.id)} treeDefaultExpandAll showSearch treeNodeFilterProp="title"
          value={unitId} onChange={(value?: string) => filter({ unitId: value })} />
        {callId && (
          <Tag closable onClose={() => filter({ callId: undefined })}>
            {t('proposals.call')}：{calls.data?.items?.find((c) => c.id === callId)?.theme ?? '…'}
          </Tag>
        )}
        <Space><Switch checked={overdue} onChange={(on) => filter({ overdue: on ? 'true' : undefined })} aria-label={t('proposals.overdueOnly')} />{t('proposals.overdueOnly')}</Space>
      </Filters>
      <LoadFailure query={proposals} />
      <Table<Proposal> rowKey="id" loading={proposals.isFetching} dataSource={proposals.data?.items ?? []} pagination={false}
        locale={{ emptyText: emptyText(proposals, t('proposals.empty')) }}
        columns={[
          { title: t('proposals.number'), dataIndex: 'number' },
          { title: t('proposals.title'), dataIndex: 'title', width: 260, render: (title: string, p) => <Link to={`/proposals/${p.id}`}>{title}</Link> },
          { title: t('proposals.category'), dataIndex: 'category', render: (c: ProposalCategory) => t(`proposals.category.${c}`) },
          { title: t('proposals.proposer'), dataIndex: 'proposerName' },
          { title: t('proposals.status'), dataIndex: 'status', render: (s: ProposalStatus) => <StatusTag status={s} /> },
          { title: t('proposals.department'), dataIndex: 'leadUnitName', render: (name?: string | null) => name ?? '—' },
          { title: t('proposals.dueOn'), key: 'dueOn', render: (_: unknown, p) => <DueOn proposal={p} /> },
          { title: t('proposals.submittedAt'), dataIndex: 'submittedAt', render: (at?: string | null) => format.dateTime(at) },
        ]} />
      <KeysetPager pages={pages} nextCursor={proposals.data?.nextCursor} total={proposals.data?.total} totalLabel="proposals.total" />
    </Card>
  );
}
