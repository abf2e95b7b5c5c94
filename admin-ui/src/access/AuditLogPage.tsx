import { useState } from 'react';
import { Card, DatePicker, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { api, ok } from '../api/client';
import type { components } from '../api/schema';
import { KeysetPager, useKeysetPages } from '../components/KeysetPager';
import { emptyText, LoadFailure } from '../components/LoadFailure';
import { useI18n } from '../i18n/I18n';

type AuditEntry = components['schemas']['AuditEntry'];

const modules = ['directory', 'access', 'integration', 'congress', 'proposals'];

interface Filters { module?: string; entityType?: string; entityId?: string; from?: string; to?: string }

type FieldChange = { before?: unknown; after?: unknown };

const shown = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** An entry's changes, field by field, before and after (as the trail keeps them: protected fields redacted). */
function Changes({ changes }: { changes: unknown }) {
  const { t } = useI18n();
  if (!changes || typeof changes !== 'object') {
    return <pre style={{ margin: 0 }}>{shown(changes)}</pre>;
  }
  const rows = Object.entries(changes as Record<string, FieldChange>).map(([field, change]) => ({ field, before: shown(change?.before), after: shown(change?.after) }));
  return (
    <Table size="small" rowKey="field" pagination={false} dataSource={rows} columns={[
      { title: t('audit.field'), dataIndex: 'field' },
      { title: t('audit.before'), dataIndex: 'before' },
      { title: t('audit.after'), dataIndex: 'after' },
    ]} />
  );
}

/** Who changed what and when: the audit trail, newest first, filtered on the server; each entry opens to its changes. */
export function AuditLogPage() {
  const { t, locale } = useI18n();
  const [filters, setFilters] = useState<Filters>({});
  const pages = useKeysetPages();
  const entries = useQuery({
    queryKey: ['audit', filters, pages.cursor],
    queryFn: () => ok(api.GET('/api/v1/access/audit', { params: { query: { ...filters, cursor: pages.cursor, limit: 20, total: true } } })),
    placeholderData: (previous) => previous,
  });
  const filter = (changed: Filters) => {
    setFilters((current) => ({ ...current, ...changed }));
    pages.restart();
  };
  const range = (days: [Dayjs | null, Dayjs | null] | null) => filter({
    from: days?.[0]?.startOf('day').toISOString(),
    to: days?.[1]?.endOf('day').toISOString(),
  });
  return (
    <Card title={t('audit.title')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select allowClear placeholder={t('audit.module')} aria-label={t('audit.module')} style={{ width: 160 }}
          options={modules.map((m) => ({ value: m, label: m }))} onChange={(module?: string) => filter({ module })} />
        <Input.Search allowClear placeholder={t('audit.entityType')} aria-label={t('audit.entityType')} style={{ width: 180 }}
          onSearch={(entityType) => filter({ entityType: entityType || undefined })} />
        <Input.Search allowClear placeholder={t('audit.entityId')} aria-label={t('audit.entityId')} style={{ width: 320 }}
          onSearch={(entityId) => filter({ entityId: entityId || undefined })} />
        <DatePicker.RangePicker aria-label={t('audit.period')} onChange={range} />
      </Space>
      <LoadFailure query={entries} />
      <Table<AuditEntry> rowKey="id" size="middle" loading={entries.isFetching} dataSource={entries.data?.items ?? []} pagination={false}
        scroll={{ x: 900 }} locale={{ emptyText: emptyText(entries, t('audit.empty')) }}
        expandable={{ expandedRowRender: (entry) => <Changes changes={entry.changes} /> }}
        columns={[
          { title: t('audit.time'), dataIndex: 'occurredAt', render: (at: string) => new Date(at).toLocaleString(locale) },
          { title: t('audit.actor'), dataIndex: 'actorName' },
          { title: t('audit.module'), dataIndex: 'module', render: (m: string) => <Tag>{m}</Tag> },
          { title: t('audit.entityType'), dataIndex: 'entityType' },
          { title: t('audit.operation'), dataIndex: 'operation' },
          { title: t('audit.entityId'), dataIndex: 'entityId', render: (id: string) => <Typography.Text code copyable>{id}</Typography.Text> },
        ]} />
      <KeysetPager pages={pages} nextCursor={entries.data?.nextCursor} total={entries.data?.total} totalLabel="audit.total" />
    </Card>
  );
}
