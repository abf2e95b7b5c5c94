import { useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Select, Space, Switch, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ok } from '../api/client';
import type { components } from '../api/schema';
import { EditModal } from '../components/EditModal';
import { KeysetPager, useKeysetPages } from '../components/KeysetPager';
import { emptyText, LoadFailure } from '../components/LoadFailure';
import { useI18n } from '../i18n/I18n';

type Representative = components['schemas']['Representative'];

/** The representatives of each congress term (职工代表): appoint workers, end appointments, see who serves. */
export function RepresentativesPage() {
  const { t } = useI18n();
  const queries = useQueryClient();
  const pages = useKeysetPages();
  const [termId, setTermId] = useState<string>();
  const [activeOnly, setActiveOnly] = useState(true);
  const [appointing, setAppointing] = useState(false);
  const [openingTerm, setOpeningTerm] = useState(false);
  const [ending, setEnding] = useState<Representative>();
  const [workerSearch, setWorkerSearch] = useState('');
  const terms = useQuery({ queryKey: ['terms'], queryFn: () => ok(api.GET('/api/v1/directory/terms', { params: { query: { limit: 50 } } })) });
  useEffect(() => {
    const latest = terms.data?.items?.[0];
    if (!termId && latest) {
      setTermId(latest.id);
    }
  }, [terms.data, termId]);
  const representatives = useQuery({
    queryKey: ['representatives', termId, activeOnly, pages.cursor],
    enabled: !!termId,
    queryFn: () => ok(api.GET('/api/v1/directory/terms/{termId}/representatives', {
      params: { path: { termId: termId! }, query: { active: activeOnly || undefined, cursor: pages.cursor, limit: 20, total: true } },
    })),
    placeholderData: (previous) => previous,
  });
  const workers = useQuery({
    queryKey: ['workers', 'pick', workerSearch],
    enabled: appointing,
    queryFn: () => ok(api.GET('/api/v1/directory/workers', { params: { query: { q: workerSearch || undefined, status: ['active'], limit: 20 } } })),
  });
  const refresh = () => queries.invalidateQueries({ queryKey: ['representatives'] });
  return (
    <Card title={t('rep.title')} extra={<Button type="primary" disabled={!termId} onClick={() => setAppointing(true)}>{t('rep.appoint')}</Button>}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select style={{ width: 220 }} aria-label={t('rep.term')} value={termId} loading={terms.isPending}
          options={(terms.data?.items ?? []).map((term) => ({ value: term.id, label: term.name }))}
          onChange={(id: string) => { setTermId(id); pages.restart(); }} />
        <Button onClick={() => setOpeningTerm(true)}>{t('term.add')}</Button>
        <Space><Switch checked={activeOnly} onChange={(on) => { setActiveOnly(on); pages.restart(); }} aria-label={t('rep.activeOnly')} />{t('rep.activeOnly')}</Space>
      </Space>
      {terms.data?.items?.length === 0 && <Alert type="info" showIcon message={t('rep.noTerms')} />}
      <LoadFailure query={terms} />
      <LoadFailure query={representatives} />
      <Table<Representative> rowKey="id" loading={representatives.isFetching} dataSource={representatives.data?.items ?? []} pagination={false}
        locale={{ emptyText: emptyText(representatives, t('rep.empty')) }}
        columns={[
          { title: t('worker.name'), dataIndex: 'workerName' },
          { title: t('worker.employeeNumber'), dataIndex: 'employeeNumber' },
          { title: t('worker.unit'), dataIndex: 'unitName' },
          { title: t('rep.group'), dataIndex: 'delegationGroup' },
          {
            title: t('rep.roles'), key: 'roles', render: (_: unknown, r: Representative) => (
              <Space>{r.isWorkerDirector && <Tag color="blue">{t('rep.director')}</Tag>}{r.isWorkerSupervisor && <Tag color="purple">{t('rep.supervisor')}</Tag>}</Space>
            ),
          },
          { title: t('rep.appointedOn'), dataIndex: 'appointedOn' },
          { title: t('rep.endedOn'), dataIndex: 'endedOn', render: (on?: string | null) => on ?? '—' },
          {
            title: t('common.actions'), key: 'actions', render: (_: unknown, r: Representative) => !r.endedOn && (
              <Button size="small" onClick={() => setEnding(r)}>{t('rep.end')}</Button>
            ),
          },
        ]} />
      <KeysetPager pages={pages} nextCursor={representatives.data?.nextCursor} total={representatives.data?.total} totalLabel="rep.total" />
      {appointing && termId && (
        <EditModal<{ workerId: string; delegationGroup: string; appointedOn?: Dayjs; isWorkerDirector?: boolean; isWorkerSupervisor?: boolean }>
          title={t('rep.appoint')}
          fieldNames={['workerId', 'delegationGroup', 'appointedOn', 'isWorkerDirector', 'isWorkerSupervisor']}
          initialValues={{ appointedOn: dayjs() }}
          onClose={() => setAppointing(false)}
          onSubmit={async ({ appointedOn, ...values }) => {
            await ok(api.POST('/api/v1/directory/terms/{termId}/representatives', {
              params: { path: { termId } }, body: { ...values, appointedOn: appointedOn?.format('YYYY-MM-DD') },
            }));
            await refresh();
          }}
        >
          {() => (
            <>
              <Form.Item label={t('rep.worker')} name="workerId" rules={[{ required: true, message: t('form.required') }]}>
                <Select showSearch filterOption={false} onSearch={setWorkerSearch} loading={workers.isFetching}
                  options={(workers.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.name}（${w.employeeNumber}，${w.unitName}）` }))} />
              </Form.Item>
              <Form.Item label={t('rep.group')} name="delegationGroup" rules={[{ required: true, message: t('form.required') }]}><Input placeholder="第一代表团" /></Form.Item>
              <Form.Item label={t('rep.appointedOn')} name="appointedOn"><DatePicker /></Form.Item>
              <Form.Item name="isWorkerDirector" valuePropName="checked"><Checkbox>{t('rep.director')}</Checkbox></Form.Item>
              <Form.Item name="isWorkerSupervisor" valuePropName="checked"><Checkbox>{t('rep.supervisor')}</Checkbox></Form.Item>
            </>
          )}
        </EditModal>
      )}
      {openingTerm && (
        <EditModal<{ number: number; name?: string; startsOn: Dayjs; endsOn: Dayjs }>
          title={t('term.add')}
          fieldNames={['number', 'name', 'startsOn', 'endsOn']}
          initialValues={{
            number: Math.max(0, ...(terms.data?.items ?? []).map((term) => term.number)) + 1,
            startsOn: dayjs(), endsOn: dayjs().add(5, 'year').subtract(1, 'day'),
          }}
          onClose={() => setOpeningTerm(false)}
          onSubmit={async ({ startsOn, endsOn, ...values }) => {
            const term = await ok(api.POST('/api/v1/directory/terms', {
              body: { ...values, startsOn: startsOn.format('YYYY-MM-DD'), endsOn: endsOn.format('YYYY-MM-DD') },
            }));
            await queries.invalidateQueries({ queryKey: ['terms'] });
            setTermId(term.id);
            pages.restart();
          }}
        >
          {() => (
            <>
              <Form.Item label={t('term.number')} name="number" rules={[{ required: true, message: t('form.required') }]}><InputNumber min={1} max={99} /></Form.Item>
              <Form.Item label={t('term.name')} name="name" extra={t('term.nameHelp')}><Input maxLength={100} /></Form.Item>
              <Form.Item label={t('term.startsOn')} name="startsOn" rules={[{ required: true, message: t('form.required') }]}><DatePicker /></Form.Item>
              <Form.Item label={t('term.endsOn')} name="endsOn" rules={[{ required: true, message: t('form.required') }]}><DatePicker /></Form.Item>
            </>
          )}
        </EditModal>
      )}
      {ending && (
        <EditModal<{ endedOn: Dayjs; reason: string }>
          title={t('rep.endOf', { name: ending.workerName })}
          fieldNames={['endedOn', 'reason']}
          initialValues={{ endedOn: dayjs() }}
          onClose={() => setEnding(undefined)}
          onReload={refresh}
          onSubmit={async ({ endedOn, reason }) => {
            await ok(api.POST('/api/v1/directory/representatives/{id}/end', {
              params: { path: { id: ending.id } }, headers: { 'If-Match': `"${ending.version}"` }, body: { endedOn: endedOn.format('YYYY-MM-DD'), reason },
            }));
            await refresh();
          }}
        >
          {() => (
            <>
              <Form.Item label={t('rep.endedOn')} name="endedOn" rules={[{ required: true, message: t('form.required') }]}><DatePicker /></Form.Item>
              <Form.Item label={t('rep.reason')} name="reason" rules={[{ required: true, message: t('form.required') }]}><Input placeholder="调离本企业" /></Form.Item>
            </>
          )}
        </EditModal>
      )}
    </Card>
  );
}
