import { useState } from 'react';
import { Alert, Card, Segmented, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, ok } from '../api/client';
import { useToday } from '../auth/today';
import { KeysetPager, useKeysetPages } from '../components/KeysetPager';
import { emptyText, LoadFailure } from '../components/LoadFailure';
import { useI18n } from '../i18n/I18n';
import { deadline, type Proposal, type ProposalCategory, type ProposalStatus } from './logic';
import { DueOn, StatusTag } from './ProposalView';
import { useFormat } from '../i18n/format';

const rowColour = { overdue: '#fff1f0', dueToday: '#fff7e6', dueSoon: '#fff7e6', none: undefined } as const;

/** A handling department's inbox: proposals assigned to it (or below it) with their deadlines, overdue and soon-due ones marked; those to answer nearest deadline first. */
export function InboxPage() {
  const { t } = useI18n();
  const format = useFormat();
  const pages = useKeysetPages();
  const [show, setShow] = useState<'toAnswer' | 'all'>('toAnswer');
  const proposals = useQuery({
    queryKey: ['proposals', 'inbox', show, pages.cursor],
    queryFn: () => ok(api.GET('/api/v1/proposals/proposals', {
      params: {
        query: show === 'toAnswer'
          ? { status: ['assigned'], sort: 'dueFirst', cursor: pages.cursor, limit: 20, total: true }
          : { cursor: pages.cursor, limit: 20, total: true },
      },
    })),
    placeholderData: (previous) => previous,
  });
  const today = useToday();
  return (
    <Card title={t('proposals.inbox.title')} extra={
      <Segmented value={show} onChange={(value) => { setShow(value as typeof show); pages.restart(); }}
        options={[{ value: 'toAnswer', label: t('proposals.inbox.toAnswer') }, { value: 'all', label: t('proposals.inbox.all') }]} />
    }>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('proposals.inbox.help')} />
      <LoadFailure query={proposals} />
      <Table<Proposal> rowKey="id" loading={proposals.isFetching} dataSource={proposals.data?.items ?? []} pagination={false}
        locale={{ emptyText: emptyText(proposals, t('proposals.inbox.empty')) }}
        onRow={(p) => ({ style: { background: rowColour[deadline(p, today).kind] }, 'data-deadline': deadline(p, today).kind } as never)}
        columns={[
          { title: t('proposals.number'), dataIndex: 'number' },
          { title: t('proposals.title'), dataIndex: 'title', width: 260, render: (title: string, p) => <Link to={`/proposals/${p.id}`}>{title}</Link> },
          { title: t('proposals.category'), dataIndex: 'category', render: (c: ProposalCategory) => t(`proposals.category.${c}`) },
          { title: t('proposals.status'), dataIndex: 'status', render: (s: ProposalStatus) => <StatusTag status={s} /> },
          { title: t('proposals.department'), dataIndex: 'leadUnitName' },
          { title: t('proposals.dueOn'), key: 'dueOn', render: (_: unknown, p) => <DueOn proposal={p} /> },
          { title: t('proposals.submittedAt'), dataIndex: 'submittedAt', render: (at?: string | null) => format.dateTime(at) },
        ]} />
      <KeysetPager pages={pages} nextCursor={proposals.data?.nextCursor} total={proposals.data?.total} totalLabel="proposals.total" />
    </Card>
  );
}
