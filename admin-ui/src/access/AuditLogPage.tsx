import { useState } from 'react';
import { Card, DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { api, ok } from '../api/client';
import type { components } from '../api/schema';
import { Coded } from '../components/Coded';
import { useFormat } from '../i18n/format';
import { KeysetPager, useKeysetPages } from '../components/KeysetPager';
import { emptyText, LoadFailure } from '../components/LoadFailure';
import { useI18n } from '../i18n/I18n';
import { auditWords, recordTypes, shownValue, wordsOf } from './logic';
import { accessWords } from './words';

type AuditEntry = components['schemas']['AuditEntry'];

const modules = ['directory', 'access', 'integration', 'congress', 'proposals'];

interface Filters { module?: string; entityType?: string; entityId?: string; from?: string; to?: string }

type FieldChange = { before?: unknown; after?: unknown };

/** An entry's changes, field by field, before and after (as the trail keeps them: protected fields redacted). */
function Changes({ changes }: { changes: unknown }) {
  const { t } = useI18n();
  const { timeZone } = useFormat();
  if (!changes || typeof changes !== 'object') {
    return <pre style={{ margin: 0 }}>{shownValue(changes, timeZone)}</pre>;
  }
  const rows = Object.entries(changes as Record<string, FieldChange>)
    .map(([field, change]) => ({ field, before: shownValue(change?.before, timeZone), after: shownValue(change?.after, timeZone) }));
  return (
    <Table size="small" rowKey="field" pagination={false} dataSource={rows} columns={[
      { title: t('audit.field'), dataIndex: 'field', render: (field: string) => <Coded words={wordsOf(t, auditWords.field(field))} code={field} /> },
      { title: t('audit.before'), dataIndex: 'before' },
      { title: t('audit.after'), dataIndex: 'after' },
    ]} />
  );
}

/** Who made a change: a user by name; an API client by name and a system job as such, each marked as what it is. */
function Actor({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  if (entry.actorType === 'user') {
    return <span>{entry.actorName}</span>;
  }
  const kind = wordsOf(t, auditWords.actorType(entry.actorType)) ?? entry.actorType;
  return entry.actorType === 'system' && entry.actorName === 'system' ? <span>{kind}</span> : <Coded words={entry.actorName} code={kind} />;
}

/** Who changed what and when: the audit trail, newest first, filtered on the server; each entry opens to its changes. */
export function AuditLogPage() {
  const { t } = useI18n();
  const format = useFormat();
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
  const moduleName = (module: string) => wordsOf(t, auditWords.module(module));
  return (
    <Card title={t('audit.title')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select allowClear placeholder={t('audit.module')} aria-label={t('audit.module')} style={{ width: 160 }}
          options={modules.map((m) => ({ value: m, label: moduleName(m) ?? m }))} onChange={(module?: string) => filter({ module, entityType: undefined })} />
        <Select allowClear showSearch optionFilterProp="label" placeholder={t('audit.entityType')} aria-label={t('audit.entityType')} style={{ width: 200 }}
          value={filters.entityType} onChange={(entityType?: string) => filter({ entityType })}
          options={recordTypes(Object.keys(accessWords['zh-CN']), filters.module).map(({ module, entityType }) => ({
            value: entityType, label: wordsOf(t, auditWords.entity(module, entityType)) ?? entityType,
          }))} />
        <Input.Search allowClear placeholder={t('audit.entityId')} aria-label={t('audit.entityId')} style={{ width: 320 }}
          onSearch={(entityId) => filter({ entityId: entityId || undefined })} />
        <DatePicker.RangePicker aria-label={t('audit.period')} onChange={range} />
      </Space>
      <LoadFailure query={entries} />
      <Table<AuditEntry> rowKey="id" size="middle" loading={entries.isFetching} dataSource={entries.data?.items ?? []} pagination={false}
        scroll={{ x: 1000 }} locale={{ emptyText: emptyText(entries, t('audit.empty')) }}
        expandable={{ expandedRowRender: (entry) => <Changes changes={entry.changes} /> }}
        columns={[
          { title: t('audit.time'), dataIndex: 'occurredAt', render: (at: string) => format.dateTime(at) },
          { title: t('audit.actor'), key: 'actor', render: (_: unknown, entry: AuditEntry) => <Actor entry={entry} /> },
          { title: t('audit.module'), dataIndex: 'module', render: (m: string) => <Coded words={moduleName(m)} code={m} /> },
          {
            title: t('audit.record'), key: 'record', render: (_: unknown, entry: AuditEntry) => (
              <Space direction="vertical" size={0}>
                <Coded words={wordsOf(t, auditWords.entity(entry.module, entry.entityType))} code={entry.entityType} />
                {entry.entityName && <Typography.Text strong>{entry.entityName}</Typography.Text>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: entry.entityId }}>{entry.entityId}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t('audit.operation'), key: 'operation', render: (_: unknown, entry: AuditEntry) => (
              <Coded words={wordsOf(t, auditWords.action(entry.action))} code={entry.operation} />
            ),
          },
        ]} />
      <KeysetPager pages={pages} nextCursor={entries.data?.nextCursor} total={entries.data?.total} totalLabel="audit.total" />
    </Card>
  );
}
