import { Button, Form, Input, InputNumber, Radio, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { api, ok } from '../api/client';
import type { components } from '../api/schema';
import { EditModal } from '../components/EditModal';
import { useI18n } from '../i18n/I18n';
import { pollKindLabel } from './labels';

type PollKind = components['schemas']['PollKind'];
type PassRule = components['schemas']['PassRule'];

interface PollForm { title: string; description?: string; passRule?: PassRule; seats?: number; minRespondents?: number; list: { title: string }[] }

/** Where each kind of vote is added, and what its list of items is called in the API. */
const endpoints = {
  motion: { path: '/api/v1/congress/sessions/{id}/motions', items: 'items' },
  election: { path: '/api/v1/congress/sessions/{id}/elections', items: 'candidates' },
  evaluation: { path: '/api/v1/congress/sessions/{id}/evaluations', items: 'managers' },
} as const;

/** Adds a motion (single, or itemised 分项表决), an election of candidates to seats, or a democratic evaluation. */
export function NewPollModal({ sessionId, kind, onClose, onCreated }: { sessionId: string; kind: PollKind; onClose: () => void; onCreated: () => unknown }) {
  const { t } = useI18n();
  const { path, items } = endpoints[kind];
  return (
    <EditModal<PollForm>
      title={t('congress.poll.new', { kind: t(pollKindLabel(kind)) })}
      // Problems with the list of items (fewer candidates than seats, say) show above the form.
      fieldNames={['title', 'description', 'passRule', 'seats', 'minRespondents']}
      initialValues={{ passRule: 'majorityOfAll', seats: 1, minRespondents: 5, list: kind === 'motion' ? [] : [{ title: '' }, { title: '' }] }}
      onClose={onClose}
      onSubmit={async ({ list, ...values }) => {
        const body = { ...values, [items]: list.length > 0 ? list : null };
        await ok(api.POST(path, { params: { path: { id: sessionId } }, body: body as never }));
        await onCreated();
      }}
    >
      {() => (
        <>
          <Form.Item label={t('congress.poll.title')} name="title" rules={[{ required: true, message: t('form.required') }]}><Input maxLength={200} /></Form.Item>
          <Form.Item label={t('congress.poll.description')} name="description"><Input.TextArea rows={2} /></Form.Item>
          {kind === 'motion' && (
            <Form.Item label={t('congress.poll.passRule')} name="passRule">
              <Radio.Group options={(['majorityOfAll', 'twoThirdsOfAll'] as const).map((rule) => ({ value: rule, label: t(`congress.passRule.${rule}`) }))} />
            </Form.Item>
          )}
          {kind === 'election' && (
            <Form.Item label={t('congress.poll.seats')} name="seats" rules={[{ required: true, message: t('form.required') }]}><InputNumber min={1} max={50} /></Form.Item>
          )}
          {kind === 'evaluation' && (
            <Form.Item label={t('congress.poll.minRespondents')} name="minRespondents" extra={t('congress.poll.minRespondentsHelp')}><InputNumber min={1} /></Form.Item>
          )}
          <Form.Item label={t(`congress.poll.items.${kind}`)} extra={kind === 'motion' ? t('congress.poll.itemsHelp') : undefined} style={{ marginBottom: 0 }}>
            <Form.List name="list">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field, index) => (
                    <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                      <Form.Item name={[field.name, 'title']} rules={[{ required: true, message: t('form.required') }]}>
                        <Input style={{ width: 360 }} aria-label={`${t(`congress.poll.items.${kind}`)} ${index + 1}`} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(index)} aria-label={t('congress.agenda.remove')} />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ title: '' })} style={{ marginBottom: 16 }}>{t(`congress.poll.addItem.${kind}`)}</Button>
                </>
              )}
            </Form.List>
          </Form.Item>
        </>
      )}
    </EditModal>
  );
}
