import { useState } from 'react';
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, Radio, Select, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ok } from '../api/client';
import type { components } from '../api/schema';
import { useSession } from '../auth/session';
import { EditModal } from '../components/EditModal';
import { Filters } from '../components/Filters';
import { KeysetPager, useKeysetPages } from '../components/KeysetPager';
import { emptyText, LoadFailure } from '../components/LoadFailure';
import { UnitTreeSelect } from '../components/UnitTreeSelect';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/messages';
import { useUrlFilters, type FilterShape } from '../components/urlFilters';

type WorkerListItem = components['schemas']['WorkerListItem'];
type Worker = components['schemas']['Worker'];
type SkillGrade = components['schemas']['SkillGrade'];
type WorkerStatus = components['schemas']['WorkerStatus'];

const skillGrades: SkillGrade[] = ['elementary', 'intermediate', 'advanced', 'technician', 'seniorTechnician', 'principalTechnician', 'chiefTechnician'];
const statuses: WorkerStatus[] = ['active', 'onLeave', 'left', 'retired'];
const pageSize = 20;

interface Filters { q?: string; unitId?: string; skillGrade?: SkillGrade[]; status?: WorkerStatus[] }
const filterShape: FilterShape<Filters> = { q: 'one', unitId: 'one', skillGrade: 'many', status: 'many' };

interface WorkerForm {
  name: string; employeeNumber: string; residentId: string; phone?: string; unitId: string; post?: string;
  skillGrade?: SkillGrade; unionMember: boolean; unionJoinedOn?: Dayjs; partyMember: boolean; hiredOn?: Dayjs;
}

const day = (value?: Dayjs) => value?.format('YYYY-MM-DD') ?? null;

/** The form's values for a worker as the API has them (dates as dayjs). */
const formOf = (worker: Worker): Partial<WorkerForm> => ({
  ...worker,
  phone: worker.phone ?? undefined,
  post: worker.post ?? undefined,
  hiredOn: worker.hiredOn ? dayjs(worker.hiredOn) : undefined,
  unionJoinedOn: worker.unionJoinedOn ? dayjs(worker.unionJoinedOn) : undefined,
});

/**
 * The real-name register: filtered on the server, paged by keyset (a cursor per page, so pages stay right while
 * workers are added), with the total; resident ID numbers and phones only ever masked here.
 */
export function WorkersPage() {
  const { me } = useSession();
  const { t } = useI18n();
  const queries = useQueryClient();
  const [filters, setFilters] = useUrlFilters(filterShape);
  const pages = useKeysetPages();
  /** The worker being edited (its latest read), or null for a new one; undefined when no dialog is open. */
  const [editing, setEditing] = useState<Worker | null>();
  const [leaving, setLeaving] = useState<WorkerListItem>();
  const edit = async (id: string) => setEditing(await ok(api.GET('/api/v1/directory/workers/{id}', { params: { path: { id } } })));
  const { cursor } = pages;

  const page = useQuery({
    queryKey: ['workers', filters, cursor],
    queryFn: () => ok(api.GET('/api/v1/directory/workers', { params: { query: { ...filters, cursor, limit: pageSize, total: true } } })),
    placeholderData: (previous) => previous,
  });
  const filter = (changed: Filters) => {
    setFilters(changed);
    pages.restart();
  };
  const columns = [
    { title: t('worker.name'), dataIndex: 'name' },
    { title: t('worker.employeeNumber'), dataIndex: 'employeeNumber' },
    { title: t('worker.unit'), dataIndex: 'unitName' },
    { title: t('worker.post'), dataIndex: 'post' },
    { title: t('worker.skillGrade'), dataIndex: 'skillGrade', render: (g?: SkillGrade) => (g ? t(`skill.${g}` as MessageKey) : '—') },
    { title: t('worker.residentId'), dataIndex: 'residentIdMasked' },
    { title: t('worker.phone'), dataIndex: 'phoneMasked' },
    { title: t('worker.status'), dataIndex: 'status', render: (s: WorkerStatus) => <Tag>{t(`workerStatus.${s}` as MessageKey)}</Tag> },
    {
      title: t('common.actions'), key: 'actions', render: (_: unknown, worker: WorkerListItem) => (worker.status === 'active' || worker.status === 'onLeave') && (
        <Button size="small" onClick={(event) => { event.stopPropagation(); setLeaving(worker); }}>{t('worker.deactivate')}</Button>
      ),
    },
  ];
  return (
    <Card title={t('worker.title')} extra={<Button type="primary" onClick={() => setEditing(null)}>{t('worker.add')}</Button>}>
      <Filters active={[filters.unitId, filters.skillGrade?.length, filters.status?.length].filter(Boolean).length}
        search={<Input.Search key={filters.q ?? ''} defaultValue={filters.q} allowClear placeholder={t('worker.search')} aria-label={t('worker.search')}
          onSearch={(q) => filter({ q: q || undefined })} style={{ width: 240 }} />}>
        <UnitTreeSelect allowClear placeholder={t('worker.unit')} aria-label={t('worker.unit')} style={{ width: 200 }}
          value={filters.unitId} onChange={(unitId?: string) => filter({ unitId })} />
        <Select mode="multiple" allowClear placeholder={t('worker.skillGrade')} aria-label={t('worker.skillGrade')} style={{ minWidth: 180 }}
          options={skillGrades.map((g) => ({ value: g, label: t(`skill.${g}` as MessageKey) }))} value={filters.skillGrade}
          onChange={(skillGrade: SkillGrade[]) => filter({ skillGrade })} />
        <Select mode="multiple" allowClear placeholder={t('worker.status')} aria-label={t('worker.status')} style={{ minWidth: 160 }}
          options={statuses.map((s) => ({ value: s, label: t(`workerStatus.${s}` as MessageKey) }))} value={filters.status}
          onChange={(status: WorkerStatus[]) => filter({ status })} />
      </Filters>
      <LoadFailure query={page} />
      <Table<WorkerListItem> rowKey="id" size="middle" loading={page.isFetching} columns={columns} dataSource={page.data?.items ?? []}
        pagination={false} locale={{ emptyText: emptyText(page, t('worker.empty')) }}
        onRow={(worker) => ({ onClick: () => void edit(worker.id), style: { cursor: 'pointer' } })} />
      <KeysetPager pages={pages} nextCursor={page.data?.nextCursor} total={page.data?.total} totalLabel="worker.total" />
      {editing !== undefined && (
        <EditModal<WorkerForm>
          title={editing ? t('worker.edit', { name: editing.name }) : t('worker.add')}
          fieldNames={['name', 'employeeNumber', 'residentId', 'phone', 'unitId', 'post', 'skillGrade', 'unionMember', 'unionJoinedOn', 'partyMember', 'hiredOn']}
          initialValues={editing ? formOf(editing) : { unionMember: true, partyMember: false, unitId: me?.actingFor?.id }}
          onClose={() => setEditing(undefined)}
          onReload={() => void queries.invalidateQueries({ queryKey: ['workers'] })}
          onSubmit={async (values) => {
            const body = { ...values, unionJoinedOn: day(values.unionJoinedOn), hiredOn: day(values.hiredOn) };
            await ok(editing
              ? api.PUT('/api/v1/directory/workers/{id}', { params: { path: { id: editing.id } }, headers: { 'If-Match': `"${editing.version}"` }, body })
              : api.POST('/api/v1/directory/workers', { body }));
            await queries.invalidateQueries({ queryKey: ['workers'] });
          }}
        >
          {() => (
            <>
              <Form.Item label={t('worker.name')} name="name" rules={[{ required: true, message: t('form.required') }]}><Input /></Form.Item>
              <Form.Item label={t('worker.employeeNumber')} name="employeeNumber" rules={[{ required: true, message: t('form.required') }]}><Input /></Form.Item>
              <Form.Item label={t('worker.residentId')} name="residentId" rules={[{ required: true, message: t('form.required') }]}>
                {editing ? <Input.Password autoComplete="off" maxLength={18} /> : <Input autoComplete="off" maxLength={18} />}
              </Form.Item>
              <Form.Item label={t('worker.phone')} name="phone">{editing ? <Input.Password autoComplete="off" /> : <Input autoComplete="off" />}</Form.Item>
              <Form.Item label={t('worker.unit')} name="unitId" rules={[{ required: true, message: t('form.required') }]}>
                <UnitTreeSelect aria-label={t('worker.unit')} />
              </Form.Item>
              <Form.Item label={t('worker.post')} name="post"><Input /></Form.Item>
              <Form.Item label={t('worker.skillGrade')} name="skillGrade">
                <Select allowClear options={skillGrades.map((g) => ({ value: g, label: t(`skill.${g}` as MessageKey) }))} />
              </Form.Item>
              <Form.Item label={t('worker.hiredOn')} name="hiredOn"><DatePicker maxDate={dayjs()} /></Form.Item>
              <Form.Item name="unionMember" valuePropName="checked"><Checkbox>{t('worker.unionMember')}</Checkbox></Form.Item>
              <Form.Item label={t('worker.unionJoinedOn')} name="unionJoinedOn"><DatePicker maxDate={dayjs()} /></Form.Item>
              <Form.Item name="partyMember" valuePropName="checked"><Checkbox>{t('worker.partyMember')}</Checkbox></Form.Item>
            </>
          )}
        </EditModal>
      )}
      {leaving && (
        <EditModal<{ status: WorkerStatus; leftOn: Dayjs }>
          title={t('worker.deactivateOf', { name: leaving.name })}
          fieldNames={['status', 'leftOn']}
          initialValues={{ status: 'left', leftOn: dayjs() }}
          onClose={() => setLeaving(undefined)}
          onReload={() => void queries.invalidateQueries({ queryKey: ['workers'] })}
          onSubmit={async ({ status, leftOn }) => {
            await ok(api.POST('/api/v1/directory/workers/{id}/deactivate', {
              params: { path: { id: leaving.id } }, headers: { 'If-Match': `"${leaving.version}"` }, body: { status, leftOn: day(leftOn) },
            }));
            await queries.invalidateQueries({ queryKey: ['workers'] });
          }}
        >
          {() => (
            <>
              <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('worker.deactivateHelp')} />
              <Form.Item label={t('worker.leaving')} name="status" rules={[{ required: true, message: t('form.required') }]}>
                <Radio.Group options={(['left', 'retired'] as const).map((s) => ({ value: s, label: t(`workerStatus.${s}`) }))} />
              </Form.Item>
              <Form.Item label={t('worker.leftOn')} name="leftOn" rules={[{ required: true, message: t('form.required') }]}><DatePicker /></Form.Item>
            </>
          )}
        </EditModal>
      )}
    </Card>
  );
}
