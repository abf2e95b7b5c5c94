import { useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Form, Input, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api, ok } from '../api/client';
import type { components } from '../api/schema';
import { EditModal } from '../components/EditModal';
import { LoadFailure } from '../components/LoadFailure';
import { useI18n } from '../i18n/I18n';
import { inWords } from '../i18n/problemText';
import { StatusTag } from './StatusTag';

type RegionCampaign = components['schemas']['RegionCampaign'];
type OwnNomination = components['schemas']['OwnNomination'];

/**
 * An enterprise union's side of the region's award campaigns: the campaigns taking nominations, its own nominations
 * to each and what they were awarded, and a form to put one of its closed proposals forward.
 */
export function NominatePage() {
  const { t } = useI18n();
  const [nominatingTo, setNominatingTo] = useState<RegionCampaign>();
  const campaigns = useQuery({
    queryKey: ['region-award-campaigns'],
    queryFn: () => ok(api.GET('/api/v1/proposals/region-award-campaigns')),
  });
  const columns = [
    { title: t('awards.nomination.number'), dataIndex: 'number', width: 110 },
    { title: t('awards.nomination.title'), dataIndex: 'title', width: 240 },
    { title: t('awards.nomination.nominatedAt'), dataIndex: 'nominatedAt', render: (at: string) => dayjs(at).format('YYYY-MM-DD') },
    { title: t('awards.nomination.award'), dataIndex: 'awardLevel', render: (level?: string | null) => level && <Tag color="gold">{level}</Tag> },
    { title: t('awards.nomination.reward'), dataIndex: 'awardReward' },
  ];
  return (
    <Card title={t('awards.nominate.title')}>
      <Typography.Paragraph type="secondary">{t('awards.nominate.intro')}</Typography.Paragraph>
      <LoadFailure query={campaigns} />
      {campaigns.isPending && <Spin />}
      {campaigns.data?.length === 0 && <Empty description={t('awards.nominate.empty')} />}
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {campaigns.data?.map((campaign) => (
          <Card key={campaign.id} type="inner" title={<Space wrap>{campaign.name}<StatusTag status={campaign.status} /></Space>}
            extra={campaign.takesNominations
              ? <Button type="primary" onClick={() => setNominatingTo(campaign)} aria-label={`${t('awards.nominate.action')}：${campaign.name}`}>{t('awards.nominate.action')}</Button>
              : <Tag>{t('awards.nominate.closed')}</Tag>}>
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('awards.nominate.region')}>{campaign.regionName}</Descriptions.Item>
              <Descriptions.Item label={t('awards.campaign.closeOn')}>{campaign.nominationsCloseOn}</Descriptions.Item>
              {campaign.description && <Descriptions.Item label={t('awards.campaign.description')} span={2}>{campaign.description}</Descriptions.Item>}
            </Descriptions>
            <Typography.Title level={5}>{t('awards.nominate.ours')}</Typography.Title>
            <Table<OwnNomination> rowKey="id" size="small" columns={columns} dataSource={campaign.nominations ?? []} pagination={false}
              locale={{ emptyText: t('awards.nominate.none') }} />
          </Card>
        ))}
      </Space>
      {nominatingTo && <NominateModal campaign={nominatingTo} onClose={() => setNominatingTo(undefined)} />}
    </Card>
  );
}

function NominateModal({ campaign, onClose }: { campaign: RegionCampaign; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const closed = useQuery({
    queryKey: ['proposals', 'closed'],
    queryFn: () => ok(api.GET('/api/v1/proposals/proposals', { params: { query: { status: ['closed'], limit: 100 } } })),
  });
  const already = new Set(campaign.nominations?.map((n) => n.proposalId));
  const options = (closed.data?.items ?? []).filter((p) => !already.has(p.id)).map((p) => ({ value: p.id, label: `${p.number ?? ''} ${p.title}` }));
  return (
    <EditModal<{ proposalId: string; statement?: string }>
      title={t('awards.nominate.dialog', { name: campaign.name })}
      fieldNames={['proposalId', 'statement']}
      onClose={onClose}
      onSubmit={async ({ proposalId, statement }) => {
        try {
          const nominated = await ok(api.POST('/api/v1/proposals/proposals/{id}/nominations', {
            params: { path: { id: proposalId } }, body: { campaignId: campaign.id, statement: statement ?? null },
          }));
          void message.success(t('awards.nominate.done', { title: nominated.title }));
        } catch (error) {
          throw inWords(error, t);
        }
        await queries.invalidateQueries({ queryKey: ['region-award-campaigns'] });
      }}
    >
      {() => (
        <>
          <LoadFailure query={closed} part />
          <Form.Item label={t('awards.nominate.proposal')} name="proposalId" rules={[{ required: true, message: t('form.required') }]}>
            <Select showSearch optionFilterProp="label" options={options} loading={closed.isLoading}
              notFoundContent={closed.isLoading ? <Spin size="small" /> : t('awards.nominate.noClosed')} />
          </Form.Item>
          <Form.Item label={t('awards.nominate.statement')} name="statement"><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
        </>
      )}
    </EditModal>
  );
}
