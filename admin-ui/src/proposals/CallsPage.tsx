import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { api, ok } from '../api/client';
import type { components } from '../api/schema';
import { useSession } from '../auth/session';
import { EditModal } from '../components/EditModal';
import { KeysetPager, useKeysetPages } from '../components/KeysetPager';
import { emptyText, LoadFailure } from '../components/LoadFailure';
import { useI18n } from '../i18n/I18n';

type Call = components['schemas']['Call'];
interface CallValues { theme: string; description?: string; period: [Dayjs, Dayjs]; sessionId?: string }

/** Calls for proposals (征集): a theme, a period and perhaps the congress session they are for; open one, edit it, see what it gathered. */
export function CallsPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const queries = useQueryClient();
  const pages = useKeysetPages();
  const [editing, setEditing] = useState<Call | 'new'>();
  const manages = me?.permissions?.includes('proposals.manage');
  const calls = useQuery({
    queryKey: ['calls', 'page', pages.cursor],
    queryFn: () => ok(api.GET('/api/v1/proposals/calls', { params: { query: { cursor: pages.cursor, limit: 20, total: true } } })),
    placeholderData: (previous) => previous,
  });
  const sessions = useQuery({
    queryKey: ['sessions', 'pick'],
    enabled: !!editing && !!me?.permissions?.includes('congress.sessions.read'),
    queryFn: () => ok(api.GET('/api/v1/congress/sessions', { params: { query: { limit: 50 } } })),
  });
  const today = dayjs().format('YYYY-MM-DD');
  const phase = (c: Call) => (today < c.opensOn ? 'upcoming' : today > c.closesOn ? 'ended' : 'openNow');
  const current = editing === 'new' ? undefined : editing;
  return (
    <Card title={t('proposals.calls.title')} extra={manages && <Button type="primary" onClick={() => setEditing('new')}>{t('proposals.calls.create')}</Button>}>
      <LoadFailure query={calls} />
      <Table<Call> rowKey="id" loading={calls.isFetching} dataSource={calls.data?.items ?? []} pagination={false}
        locale={{ emptyText: emptyText(calls, t('proposals.calls.empty')) }}
        columns={[
          { title: t('proposals.calls.theme'), dataIndex: 'theme', width: 260 },
          { title: t('proposals.calls.period'), key: 'period', width: 220, render: (_: unknown, c) => `${c.opensOn} ~ ${c.closesOn}` },
          {
            title: t('proposals.status'), key: 'phase', width: 100, render: (_: unknown, c) => {
              const p = phase(c);
              return <Tag color={p === 'openNow' ? 'green' : p === 'upcoming' ? 'blue' : 'default'}>{t(`proposals.calls.${p}`)}</Tag>;
            },
          },
          { title: t('proposals.calls.submitted'), dataIndex: 'submitted', width: 100 },
          {
            title: t('common.actions'), key: 'actions', width: 180, render: (_: unknown, c) => (
              <Space>
                <Link to={`/proposals?callId=${c.id}`}>{t('proposals.calls.viewProposals')}</Link>
                {manages && <Button size="small" onClick={() => setEditing(c)}>{t('proposals.action.edit')}</Button>}
              </Space>
            ),
          },
        ]} />
      <KeysetPager pages={pages} nextCursor={calls.data?.nextCursor} total={calls.data?.total} totalLabel="proposals.calls.total" />
      {editing && (
        <EditModal<CallValues>
          title={current ? t('proposals.calls.edit', { theme: current.theme }) : t('proposals.calls.create')}
          fieldNames={['theme', 'description', 'sessionId']}
          initialValues={current
            ? { theme: current.theme, description: current.description ?? undefined, period: [dayjs(current.opensOn), dayjs(current.closesOn)], sessionId: current.sessionId ?? undefined }
            : { period: [dayjs(), dayjs().add(1, 'month')] }}
          onClose={() => setEditing(undefined)}
          onReload={() => void queries.invalidateQueries({ queryKey: ['calls'] })}
          onSubmit={async ({ period, ...values }) => {
            const body = { ...values, sessionId: values.sessionId ?? null, opensOn: period[0].format('YYYY-MM-DD'), closesOn: period[1].format('YYYY-MM-DD') };
            if (current) {
              await ok(api.PUT('/api/v1/proposals/calls/{id}', { params: { path: { id: current.id } }, headers: { 'If-Match': `"${current.version}"` }, body }));
            } else {
              await ok(api.POST('/api/v1/proposals/calls', { body }));
            }
            await queries.invalidateQueries({ queryKey: ['calls'] });
          }}
        >
          {() => (
            <>
              <Form.Item label={t('proposals.calls.theme')} name="theme" rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
                <Input maxLength={200} placeholder="2026年度产改专项提案征集" />
              </Form.Item>
              <Form.Item label={t('proposals.calls.description')} name="description"><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
              <Form.Item label={t('proposals.calls.period')} name="period" rules={[{ required: true, message: t('form.required') }]}>
                <DatePicker.RangePicker aria-label={t('proposals.calls.period')} />
              </Form.Item>
              <Form.Item label={t('proposals.calls.session')} name="sessionId" extra={t('proposals.calls.sessionHelp')}>
                <Select allowClear loading={sessions.isFetching} options={(sessions.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))} />
              </Form.Item>
            </>
          )}
        </EditModal>
      )}
    </Card>
  );
}
