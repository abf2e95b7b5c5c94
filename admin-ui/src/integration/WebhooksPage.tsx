import { useState } from 'react';
import { App as AntApp, Button, Card, Form, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../api/client';
import type { components } from '../api/schema';
import { Coded } from '../components/Coded';
import { useFormat } from '../i18n/format';
import { EditModal } from '../components/EditModal';
import { emptyText, LoadFailure } from '../components/LoadFailure';
import { SecretOnceModal } from '../components/SecretOnceModal';
import { useI18n } from '../i18n/I18n';
import { useProblemText } from '../i18n/problemText';
import type { MessageKey } from '../i18n/messages';

type Webhook = components['schemas']['Webhook'];
type Delivery = components['schemas']['WebhookDelivery'];
type EventType = components['schemas']['EventTypeSummary'];

const statusColour: Record<Delivery['status'], string> = { pending: 'blue', succeeded: 'green', failed: 'orange', dead: 'red' };

/** Webhook subscriptions (the signing secret shown once), pausing and resuming them, and each one's delivery log with redelivery. */
export function WebhooksPage() {
  const { t } = useI18n();
  const format = useFormat();
  const problemText = useProblemText();
  const { message } = AntApp.useApp();
  const queries = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string>();
  const [selected, setSelected] = useState<Webhook>();
  const webhooks = useQuery({ queryKey: ['webhooks'], queryFn: () => ok(api.GET('/api/v1/integration/webhooks', { params: { query: { limit: 200 } } })) });
  const deliveries = useQuery({
    queryKey: ['webhooks', selected?.id, 'deliveries'],
    enabled: !!selected,
    queryFn: () => ok(api.GET('/api/v1/integration/webhooks/{webhookId}/deliveries', { params: { path: { webhookId: selected!.id }, query: { limit: 50 } } })),
    refetchInterval: 5000,
  });
  // What each event type is called, from the API in the user's language; a type it no longer lists keeps its code.
  const eventTypes = useQuery({ queryKey: ['event-types'], queryFn: () => ok(api.GET('/api/v1/integration/event-types')), staleTime: Infinity });
  const eventTitle = (name: string) => eventTypes.data?.items.find((type: EventType) => type.name === name)?.title;
  const failed = (error: unknown) => message.error(problemText(error));
  const setStatus = async (webhook: Webhook, status: Webhook['status']) => {
    try {
      await ok(api.PUT('/api/v1/integration/webhooks/{id}', {
        params: { path: { id: webhook.id } }, headers: { 'If-Match': `"${webhook.version}"` },
        body: { url: webhook.url, eventTypes: webhook.eventTypes, status },
      }));
      await queries.invalidateQueries({ queryKey: ['webhooks'] });
    } catch (error) {
      failed(error);
    }
  };
  const redeliver = async (delivery: Delivery) => {
    try {
      await ok(api.POST('/api/v1/integration/webhooks/{id}/deliveries/{deliveryId}/redeliver', { params: { path: { id: delivery.webhookId, deliveryId: delivery.id } } }));
      await deliveries.refetch();
    } catch (error) {
      failed(error);
    }
  };
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('webhook.title')} extra={<Button type="primary" onClick={() => setCreating(true)}>{t('webhook.create')}</Button>}>
        <LoadFailure query={webhooks} />
        <Table<Webhook> rowKey="id" loading={webhooks.isFetching} dataSource={webhooks.data?.items ?? []} pagination={false} scroll={{ x: 800 }}
          locale={{ emptyText: emptyText(webhooks, t('webhook.empty')) }}
          onRow={(webhook) => ({ onClick: () => setSelected(webhook), style: { cursor: 'pointer' } })}
          rowClassName={(webhook) => (webhook.id === selected?.id ? 'ant-table-row-selected' : '')}
          columns={[
            { title: t('webhook.url'), dataIndex: 'url', render: (url: string) => <Typography.Text code>{url}</Typography.Text> },
            {
              title: t('webhook.events'), dataIndex: 'eventTypes', render: (types: string[]) => (types.length === 0
                ? t('webhook.allEvents')
                : <Space size={[4, 4]} wrap>{types.map((type) => <Tooltip key={type} title={type}><Tag>{eventTitle(type) ?? type}</Tag></Tooltip>)}</Space>),
            },
            { title: t('webhook.status'), dataIndex: 'status', render: (s: Webhook['status']) => <Tag color={s === 'active' ? 'green' : 'default'}>{t(`webhook.status.${s}` as MessageKey)}</Tag> },
            {
              title: t('common.actions'), key: 'actions', render: (_: unknown, webhook: Webhook) => (
                <Button size="small" onClick={(e) => { e.stopPropagation(); void setStatus(webhook, webhook.status === 'active' ? 'paused' : 'active'); }}>
                  {t(webhook.status === 'active' ? 'webhook.pause' : 'webhook.resume')}
                </Button>
              ),
            },
          ]} />
      </Card>
      {selected && (
        <Card title={t('webhook.deliveries', { url: selected.url })}>
          <Table<Delivery> rowKey="id" size="small" loading={deliveries.isFetching} dataSource={deliveries.data?.items ?? []} pagination={false}
            scroll={{ x: 900 }} locale={{ emptyText: t('webhook.noDeliveries') }}
            columns={[
              { title: t('webhook.event'), dataIndex: 'eventType', render: (type: string) => <Coded words={eventTitle(type)} code={type} /> },
              {
                title: t('webhook.deliveryStatus'), key: 'status', render: (_: unknown, d: Delivery) => (
                  <Tag color={statusColour[d.status]}>{t(d.status === 'pending' && d.attempts > 0 ? 'delivery.retrying' : (`delivery.${d.status}` as MessageKey))}</Tag>
                ),
              },
              { title: t('webhook.attempts'), dataIndex: 'attempts' },
              { title: t('webhook.lastAttempt'), dataIndex: 'lastAttemptAt', render: (at?: string | null) => format.dateTime(at) },
              { title: t('webhook.lastResult'), key: 'result', render: (_: unknown, d: Delivery) => d.lastError ?? d.lastStatusCode ?? '—' },
              {
                title: t('common.actions'), key: 'actions', render: (_: unknown, d: Delivery) => (
                  <Button size="small" onClick={() => redeliver(d)}>{t(d.status === 'pending' ? 'webhook.retryNow' : 'webhook.redeliver')}</Button>
                ),
              },
            ]} />
        </Card>
      )}
      {creating && (
        <EditModal<{ url: string; eventTypes?: string[] }>
          title={t('webhook.create')}
          fieldNames={['url', 'eventTypes']}
          onClose={() => setCreating(false)}
          onSubmit={async (values) => {
            const created = await ok(api.POST('/api/v1/integration/webhooks', { body: { ...values, eventTypes: values.eventTypes ?? [] } }));
            setSecret(created.secret);
            await queries.invalidateQueries({ queryKey: ['webhooks'] });
          }}
        >
          {() => (
            <>
              <Form.Item label={t('webhook.url')} name="url" rules={[{ required: true, message: t('form.required') }]}><Input placeholder="https://hr.example.com/hooks/workforce" /></Form.Item>
              <Form.Item label={t('webhook.events')} name="eventTypes" extra={t('webhook.eventsHelp')}>
                <Select mode="multiple" allowClear showSearch={{ optionFilterProp: ['label', 'value'] }} loading={eventTypes.isFetching}
                  options={(eventTypes.data?.items ?? []).map((type: EventType) => ({ value: type.name, label: type.title }))}
                  optionRender={(option) => <Coded words={String(option.label)} code={String(option.value)} />} />
              </Form.Item>
            </>
          )}
        </EditModal>
      )}
      <SecretOnceModal title={t('webhook.secretTitle')} secret={secret} onClose={() => setSecret(undefined)} />
    </Space>
  );
}
