import { Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, ok } from '../api/client';
import { useSession } from '../auth/session';
import { emptyText, LoadFailure } from '../components/LoadFailure';
import { useI18n } from '../i18n/I18n';
import type { Proposal } from './logic';
import { DaysLeft } from './ProposalView';

/** How many of the department's proposals the home page lists, nearest deadline first; the inbox has the rest. */
const shown = 8;

/** A handler's home: the proposals their department has to answer, nearest deadline first, with the days each has left. */
export function HomeInbox() {
  const { t } = useI18n();
  const { me } = useSession();
  const toAnswer = useQuery({
    queryKey: ['home', 'proposals.inbox', me?.actingFor?.id],
    queryFn: () => ok(api.GET('/api/v1/proposals/proposals', { params: { query: { status: ['assigned'], sort: 'dueFirst', limit: shown, total: true } } })),
  });
  const overdue = useQuery({
    queryKey: ['home', 'proposals.inbox.overdue', me?.actingFor?.id],
    queryFn: () => ok(api.GET('/api/v1/proposals/proposals', { params: { query: { overdue: true, limit: 1, total: true } } })),
  });
  const total = toAnswer.data?.total ?? 0;
  return (
    <>
      <LoadFailure query={toAnswer} />
      {toAnswer.data && (
        <Typography.Paragraph>
          {t('proposals.home.inboxSummary', { count: total, overdue: overdue.data?.total ?? 0 })}
          {total > shown && <> <Link to="/proposals/inbox">{t('proposals.home.inboxAll')}</Link></>}
        </Typography.Paragraph>
      )}
      <Table<Proposal> rowKey="id" size="small" pagination={false} loading={toAnswer.isPending} dataSource={toAnswer.data?.items ?? []}
        scroll={{ x: 640 }} locale={{ emptyText: emptyText(toAnswer, t('proposals.home.inboxEmpty')) }}
        columns={[
          { title: t('proposals.number'), dataIndex: 'number', width: 100 },
          { title: t('proposals.title'), dataIndex: 'title', render: (title: string, p) => <Link to={`/proposals/${p.id}`}>{title}</Link> },
          { title: t('proposals.dueOn'), dataIndex: 'dueOn', width: 120 },
          { title: t('proposals.left'), key: 'daysLeft', width: 120, render: (_: unknown, p) => <DaysLeft proposal={p} /> },
        ]} />
    </>
  );
}
