import { Button, Card, List, Space, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { api, ok } from '../api/client';
import { useSession } from '../auth/session';
import { emptyText, LoadFailure } from '../components/LoadFailure';
import { useI18n } from '../i18n/I18n';
import type { Proposal } from './logic';
import { StatusTag } from './ProposalView';

/** A representative's proposals on their phone: those they proposed (drafts and submitted) and those they are invited to co-sign. */
export function RepProposalsPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const navigate = useNavigate();
  const proposals = useQuery({
    queryKey: ['proposals', 'mine'],
    queryFn: () => ok(api.GET('/api/v1/proposals/proposals', { params: { query: { limit: 200 } } })),
  });
  const items = proposals.data?.items ?? [];
  const mine = items.filter((p) => p.proposerWorkerId === me?.workerId);
  const invitations = items.filter((p) => p.proposerWorkerId !== me?.workerId);
  const list = (data: Proposal[], empty: string, invited?: boolean) => (
    <List dataSource={data} loading={proposals.isPending} locale={{ emptyText: emptyText(proposals, empty) }}
      renderItem={(p) => (
        <List.Item style={{ paddingInline: 0 }}>
          <Link to={`/rep/proposals/${p.id}`} style={{ display: 'block', width: '100%', color: 'inherit' }}>
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Typography.Text strong style={{ wordBreak: 'break-all' }}>{p.title}</Typography.Text>
              <Space wrap size={4}>
                <StatusTag status={p.status} />
                <Typography.Text type="secondary">{p.number ?? t(`proposals.category.${p.category}`)}</Typography.Text>
                {invited && <Typography.Text type="secondary">{t('proposals.rep.invitedBy', { name: p.proposerName })}</Typography.Text>}
              </Space>
            </Space>
          </Link>
        </List.Item>
      )} />
  );
  return (
    <Card size="small" title={t('proposals.rep.title')}
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/rep/proposals/new')}>{t('proposals.rep.new')}</Button>}>
      <LoadFailure query={proposals} />
      <Tabs items={[
        { key: 'mine', label: `${t('proposals.rep.mine')} ${mine.length}`, children: list(mine, t('proposals.rep.mineEmpty')) },
        { key: 'invitations', label: `${t('proposals.rep.invitations')} ${invitations.length}`, children: list(invitations, t('proposals.rep.invitationsEmpty'), true) },
      ]} />
    </Card>
  );
}
