import { useRef, useState } from 'react';
import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ok } from '../api/client';
import type { components } from '../api/schema';
import { useSession } from '../auth/session';
import { EditModal } from '../components/EditModal';
import { KeysetPager, useKeysetPages } from '../components/KeysetPager';
import { emptyText, LoadFailure } from '../components/LoadFailure';
import { useI18n } from '../i18n/I18n';
import { inWords } from '../i18n/problemText';
import { StatusTag } from './StatusTag';

type Campaign = components['schemas']['Campaign'];

interface CampaignForm {
  name: string;
  description?: string;
  nominationsCloseOn?: Dayjs;
  criteria: { name?: string; weight?: number }[];
  reviewers: { userId?: string; enterpriseId?: string }[];
}

const pageSize = 20;

/** The region's award campaigns, newest first; region admins open new ones with weighted criteria and named reviewers. */
export function CampaignsPage() {
  const { me } = useSession();
  const { t } = useI18n();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const pages = useKeysetPages();
  const [opening, setOpening] = useState(false);
  const manages = me?.permissions?.includes('proposals.awards.manage') ?? false;
  const { cursor } = pages;
  const page = useQuery({
    queryKey: ['award-campaigns', cursor],
    queryFn: () => ok(api.GET('/api/v1/proposals/award-campaigns', { params: { query: { cursor, limit: pageSize, total: true } } })),
    placeholderData: (previous) => previous,
  });
  const columns = [
    { title: t('awards.campaign.name'), dataIndex: 'name' },
    { title: t('awards.campaign.status'), dataIndex: 'status', render: (s: Campaign['status']) => <StatusTag status={s} /> },
    { title: t('awards.campaign.closeOn'), dataIndex: 'nominationsCloseOn' },
    { title: t('awards.campaign.nominations'), dataIndex: 'nominations' },
    { title: t('awards.campaign.createdAt'), dataIndex: 'createdAt', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
  ];
  return (
    <Card title={t('awards.campaigns.title')}
      extra={manages && <Button type="primary" onClick={() => setOpening(true)}>{t('awards.campaign.open')}</Button>}>
      <LoadFailure query={page} />
      <Table<Campaign> rowKey="id" size="middle" loading={page.isFetching} columns={columns} dataSource={page.data?.items ?? []}
        pagination={false} locale={{ emptyText: emptyText(page, t('awards.campaigns.empty')) }}
        onRow={(campaign) => ({ onClick: () => void navigate(`/awards/campaigns/${campaign.id}`), style: { cursor: 'pointer' } })} />
      <KeysetPager pages={pages} nextCursor={page.data?.nextCursor} total={page.data?.total} totalLabel="awards.campaigns.total" />
      {opening && <OpenCampaignModal regionId={me?.actingFor?.id} onClose={() => setOpening(false)}
        onOpened={async (campaign) => {
          await queries.invalidateQueries({ queryKey: ['award-campaigns'] });
          void navigate(`/awards/campaigns/${campaign.id}`);
        }} />}
    </Card>
  );
}

function OpenCampaignModal({ regionId, onClose, onOpened }: { regionId?: string; onClose: () => void; onOpened: (c: Campaign) => Promise<void> }) {
  const { t } = useI18n();
  const users = useQuery({
    queryKey: ['users', 'active', regionId],
    queryFn: () => ok(api.GET('/api/v1/access/users', { params: { query: { status: 'active', limit: 200 } } })),
  });
  const enterprises = useQuery({
    queryKey: ['organisations', 'enterprises', regionId],
    queryFn: () => ok(api.GET('/api/v1/directory/organisations', { params: { query: { under: regionId, kind: 'enterprise', status: 'active', limit: 200 } } })),
  });
  const userOptions = (users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.loginName}）` }));
  const enterpriseOptions = (enterprises.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
  const opened = useRef<Campaign>(undefined);
  return (
    <EditModal<CampaignForm>
      title={t('awards.campaign.open')}
      fieldNames={['name', 'description', 'nominationsCloseOn', 'criteria', 'reviewers']}
      initialValues={{ criteria: [{}, {}], reviewers: [{}] }}
      onClose={() => { onClose(); if (opened.current) { void onOpened(opened.current); } }}
      onSubmit={async (values) => {
        try {
          opened.current = await ok(api.POST('/api/v1/proposals/award-campaigns', {
            body: {
              name: values.name,
              description: values.description,
              nominationsCloseOn: values.nominationsCloseOn?.format('YYYY-MM-DD') ?? null,
              criteria: values.criteria,
              reviewers: values.reviewers.map((r) => ({ userId: r.userId ?? null, enterpriseId: r.enterpriseId ?? null })),
            },
          }));
        } catch (error) {
          throw inWords(error, t);
        }
      }}
    >
      {(form) => (
        <>
          <Form.Item label={t('awards.campaign.name')} name="name" rules={[{ required: true, message: t('form.required') }]}><Input maxLength={200} /></Form.Item>
          <Form.Item label={t('awards.campaign.description')} name="description"><Input.TextArea rows={2} maxLength={4000} /></Form.Item>
          <Form.Item label={t('awards.campaign.closeOn')} name="nominationsCloseOn" rules={[{ required: true, message: t('form.required') }]}>
            <DatePicker minDate={dayjs()} />
          </Form.Item>
          <Typography.Title level={5}>{t('awards.campaign.criteria')}</Typography.Title>
          <Form.List name="criteria">
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((field, i) => (
                  <Space key={field.key} align="start" wrap>
                    <Form.Item label={`${t('awards.campaign.criterion')} ${i + 1}`} name={[field.name, 'name']} rules={[{ required: true, message: t('form.required') }]}>
                      <Input maxLength={100} style={{ width: 220 }} />
                    </Form.Item>
                    <Form.Item label={`${t('awards.campaign.weight')} ${i + 1}`} name={[field.name, 'weight']} rules={[{ required: true, message: t('form.required') }]}>
                      <InputNumber min={1} max={100} precision={0} style={{ width: 120 }}
                        onChange={() => form.setFields([{ name: ['criteria'], errors: [] }])} />
                    </Form.Item>
                    {fields.length > 1 && <Button type="link" style={{ marginTop: 30 }} onClick={() => remove(field.name)}>{t('awards.campaign.remove')}</Button>}
                  </Space>
                ))}
                <Form.Item shouldUpdate>
                  {() => {
                    const total = (form.getFieldValue('criteria') as CampaignForm['criteria'] | undefined ?? []).reduce((sum, c) => sum + (c?.weight ?? 0), 0);
                    return (
                      <Space>
                        <Button onClick={() => add({})} disabled={fields.length >= 10}>{t('awards.campaign.addCriterion')}</Button>
                        <Typography.Text type={total === 100 ? 'success' : 'secondary'}>{t('awards.campaign.weightTotal', { total })}</Typography.Text>
                      </Space>
                    );
                  }}
                </Form.Item>
                <Form.ErrorList errors={errors} />
              </>
            )}
          </Form.List>
          <Typography.Title level={5}>{t('awards.campaign.reviewers')}</Typography.Title>
          <Form.List name="reviewers">
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((field, i) => (
                  <Space key={field.key} align="start" wrap>
                    <Form.Item label={`${t('awards.campaign.reviewer')} ${i + 1}`} name={[field.name, 'userId']} rules={[{ required: true, message: t('form.required') }]}>
                      <Select showSearch optionFilterProp="label" options={userOptions} loading={users.isLoading} style={{ width: 240 }} />
                    </Form.Item>
                    <Form.Item label={`${t('awards.campaign.fromEnterprise')} ${i + 1}`} name={[field.name, 'enterpriseId']}>
                      <Select allowClear showSearch optionFilterProp="label" options={enterpriseOptions} loading={enterprises.isLoading}
                        placeholder={t('awards.campaign.noEnterprise')} style={{ width: 220 }} />
                    </Form.Item>
                    {fields.length > 1 && <Button type="link" style={{ marginTop: 30 }} onClick={() => remove(field.name)}>{t('awards.campaign.remove')}</Button>}
                  </Space>
                ))}
                <Form.Item><Button onClick={() => add({})} disabled={fields.length >= 50}>{t('awards.campaign.addReviewer')}</Button></Form.Item>
                <Form.ErrorList errors={errors} />
              </>
            )}
          </Form.List>
        </>
      )}
    </EditModal>
  );
}
