import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ok } from '../api/client';
import type { components } from '../api/schema';
import { EditModal } from '../components/EditModal';
import { KeysetPager, useKeysetPages } from '../components/KeysetPager';
import { emptyText, LoadFailure } from '../components/LoadFailure';
import { useI18n } from '../i18n/I18n';
import { sessionModeLabel, sessionStatusColour, sessionStatusLabel } from './labels';

type Session = components['schemas']['Session'];
type SessionMode = components['schemas']['SessionMode'];
type SessionKind = components['schemas']['SessionKind'];
type SessionStatus = components['schemas']['SessionStatus'];

const statuses: readonly SessionStatus[] = ['planned', 'open', 'closed', 'archived'];

interface NewSession { termId: string; number: number; name?: string; kind: SessionKind; mode: SessionMode; heldOn: Dayjs; venue?: string }

/** The congress sessions (第N次会议) of the enterprise, latest first, by term; plan a new one. */
export function SessionsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const pages = useKeysetPages();
  const [termId, setTermId] = useState<string>();
  // A link may arrive filtered (the home page's count of sessions being prepared): ?status=planned.
  const [params] = useSearchParams();
  const [status, setStatus] = useState<SessionStatus[]>(() => params.getAll('status').filter((s): s is SessionStatus => statuses.includes(s as SessionStatus)));
  const [planning, setPlanning] = useState(false);
  const terms = useQuery({ queryKey: ['terms'], queryFn: () => ok(api.GET('/api/v1/directory/terms', { params: { query: { limit: 50 } } })) });
  const sessions = useQuery({
    queryKey: ['sessions', termId, status, pages.cursor],
    queryFn: () => ok(api.GET('/api/v1/congress/sessions', {
      params: { query: { termId, status: status.length ? status : undefined, cursor: pages.cursor, limit: 20, total: true } },
    })),
    placeholderData: (previous) => previous,
  });
  const termOptions = (terms.data?.items ?? []).map((term) => ({ value: term.id, label: term.name }));
  return (
    <Card title={t('congress.sessions.title')} extra={<Button type="primary" disabled={!terms.data} onClick={() => setPlanning(true)}>{t('congress.sessions.plan')}</Button>}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select allowClear style={{ width: 240 }} placeholder={t('congress.sessions.allTerms')} aria-label={t('rep.term')} options={termOptions}
          onChange={(id?: string) => { setTermId(id); pages.restart(); }} />
        <Select mode="multiple" allowClear style={{ minWidth: 200 }} placeholder={t('congress.session.status')} aria-label={t('congress.session.status')}
          value={status} onChange={(chosen: SessionStatus[]) => { setStatus(chosen); pages.restart(); }}
          options={statuses.map((s) => ({ value: s, label: t(sessionStatusLabel(s)) }))} />
      </Space>
      <LoadFailure query={sessions} />
      <Table<Session> rowKey="id" loading={sessions.isFetching} dataSource={sessions.data?.items ?? []} pagination={false}
        locale={{ emptyText: emptyText(sessions, t('congress.sessions.empty')) }}
        onRow={(session) => ({ onClick: () => navigate(`/congress/sessions/${session.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('congress.session.name'), dataIndex: 'name' },
          { title: t('congress.session.heldOn'), dataIndex: 'heldOn' },
          { title: t('congress.session.mode'), dataIndex: 'mode', render: (mode: SessionMode) => t(sessionModeLabel(mode)) },
          { title: t('congress.session.venue'), dataIndex: 'venue', render: (venue?: string | null) => venue ?? '—' },
          { title: t('congress.session.roster'), dataIndex: 'rosterSize', render: (size?: number | null) => size ?? '—' },
          { title: t('congress.session.status'), dataIndex: 'status', render: (status: Session['status']) => <Tag color={sessionStatusColour[status]}>{t(sessionStatusLabel(status))}</Tag> },
        ]} />
      <KeysetPager pages={pages} nextCursor={sessions.data?.nextCursor} total={sessions.data?.total} totalLabel="congress.sessions.total" />
      {planning && (
        <EditModal<NewSession>
          title={t('congress.sessions.plan')}
          fieldNames={['termId', 'number', 'name', 'kind', 'mode', 'heldOn', 'venue']}
          initialValues={{ termId: termId ?? termOptions[0]?.value, kind: 'regular', mode: 'hybrid', heldOn: dayjs() }}
          onClose={() => setPlanning(false)}
          onSubmit={async ({ heldOn, ...values }) => {
            const session = await ok(api.POST('/api/v1/congress/sessions', { body: { ...values, heldOn: heldOn.format('YYYY-MM-DD') } }));
            await queries.invalidateQueries({ queryKey: ['sessions'] });
            navigate(`/congress/sessions/${session.id}`);
          }}
        >
          {() => (
            <>
              <Form.Item label={t('rep.term')} name="termId" rules={[{ required: true, message: t('form.required') }]}><Select options={termOptions} /></Form.Item>
              <Form.Item label={t('congress.session.number')} name="number" rules={[{ required: true, message: t('form.required') }]}><InputNumber min={1} max={99} /></Form.Item>
              <Form.Item label={t('congress.session.name')} name="name" extra={t('congress.session.nameHelp')}><Input maxLength={100} /></Form.Item>
              <Form.Item label={t('congress.session.kind')} name="kind">
                <Radio.Group options={(['regular', 'specialTopic'] as const).map((kind) => ({ value: kind, label: t(`congress.kind.${kind}`) }))} />
              </Form.Item>
              <Form.Item label={t('congress.session.mode')} name="mode">
                <Radio.Group options={(['hybrid', 'offline', 'online'] as const).map((mode) => ({ value: mode, label: t(sessionModeLabel(mode)) }))} />
              </Form.Item>
              <Form.Item label={t('congress.session.heldOn')} name="heldOn" rules={[{ required: true, message: t('form.required') }]}><DatePicker /></Form.Item>
              <Form.Item label={t('congress.session.venue')} name="venue"><Input maxLength={100} placeholder="职工活动中心一楼报告厅" /></Form.Item>
            </>
          )}
        </EditModal>
      )}
    </Card>
  );
}
