import { Alert, Form, InputNumber, Select, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../api/client';
import type { components } from '../api/schema';
import { EditModal } from '../components/EditModal';
import { useI18n } from '../i18n/I18n';
import { paperCountRows } from './choices';
import { choiceLabel } from './labels';

type Poll = components['schemas']['Poll'];
type Choice = components['schemas']['Choice'];

/**
 * The paper ballots of a vote in the hall, in the order the tellers work: first who voted on paper is marked on the
 * roll (so nobody votes twice), then the counts per item and choice are entered.
 */
export function PaperVotersModal({ poll, onClose, onSaved }: { poll: Poll; onClose: () => void; onSaved: () => unknown }) {
  const { t } = useI18n();
  const attendance = useQuery({
    queryKey: ['attendance', poll.sessionId],
    queryFn: () => ok(api.GET('/api/v1/congress/sessions/{id}/attendance', { params: { path: { id: poll.sessionId } } })),
  });
  const inHall = (attendance.data?.representatives ?? []).filter((r) => r.channel && r.channel !== 'online');
  return (
    <EditModal<{ representativeIds: string[] }>
      title={t('congress.paper.votersOf', { title: poll.title })}
      fieldNames={['representativeIds']}
      onClose={onClose}
      onSubmit={async (values) => {
        await ok(api.POST('/api/v1/congress/polls/{id}/paper-voters', { params: { path: { id: poll.id } }, body: values }));
        await onSaved();
      }}
    >
      {(form) => (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('congress.paper.votersHelp')} />
          <Form.Item label={t('congress.paper.voters')} name="representativeIds" rules={[{ required: true, message: t('form.required') }]}
            extra={<a onClick={() => form.setFieldValue('representativeIds', inHall.map((r) => r.representativeId))}>{t('congress.paper.allInHall', { count: inHall.length })}</a>}>
            <Select mode="multiple" loading={attendance.isPending} optionFilterProp="label"
              options={inHall.map((r) => ({ value: r.representativeId, label: `${r.name}（${r.delegationGroup}）` }))} />
          </Form.Item>
        </>
      )}
    </EditModal>
  );
}

export function PaperCountsModal({ poll, onClose, onSaved }: { poll: Poll; onClose: () => void; onSaved: () => unknown }) {
  const { t } = useI18n();
  const rows = paperCountRows(poll.kind, poll.items ?? []);
  const itemTitle = (number: number) => poll.items?.find((i) => i.number === number)?.title ?? String(number);
  return (
    <EditModal<{ counts: { item: number; choice: Choice; count: number }[] }>
      title={t('congress.paper.countsOf', { title: poll.title })}
      fieldNames={['counts']}
      initialValues={{ counts: rows }}
      onClose={onClose}
      onSubmit={async (values) => {
        await ok(api.PUT('/api/v1/congress/polls/{id}/paper-counts', { params: { path: { id: poll.id } }, body: { counts: values.counts.map((c, i) => ({ ...rows[i], count: c.count })) } }));
        await onSaved();
      }}
    >
      {() => (
        <Table size="small" pagination={false} rowKey={(_, i) => String(i)} dataSource={rows} scroll={{ y: 420 }}
          columns={[
            { title: t('congress.paper.item'), dataIndex: 'item', render: (number: number) => `${number}. ${itemTitle(number)}` },
            { title: t('congress.paper.choice'), dataIndex: 'choice', render: (choice: Choice) => t(choiceLabel(choice)) },
            {
              title: t('congress.paper.count'), key: 'count', width: 140, render: (_: unknown, row, index) => (
                <Form.Item name={['counts', index, 'count']} style={{ margin: 0 }} rules={[{ required: true, message: t('form.required') }]}>
                  <InputNumber min={0} aria-label={`${itemTitle(row.item)} ${t(choiceLabel(row.choice))}`} />
                </Form.Item>
              ),
            },
          ]} />
      )}
    </EditModal>
  );
}
