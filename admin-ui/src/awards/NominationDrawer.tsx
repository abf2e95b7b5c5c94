import { AutoComplete, Button, DatePicker, Descriptions, Drawer, Form, Input, List, Radio, Space, Spin, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ok } from '../api/client';
import type { components } from '../api/schema';
import { EditModal } from '../components/EditModal';
import { LoadFailure } from '../components/LoadFailure';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/messages';
import { inWords } from '../i18n/problemText';

type TargetBody = components['schemas']['TargetBody'];

const nominationQuery = (id: string) => ({
  queryKey: ['award-nomination', id],
  queryFn: () => ok(api.GET('/api/v1/proposals/award-nominations/{id}', { params: { path: { id } } })),
});

/** A nomination as the region has it: the proposal as it stood when nominated, its award and its escalations. */
export function NominationDrawer({ id, manages, decided, onClose, onAward, onEscalate }: {
  id: string; manages: boolean; decided: boolean; onClose: () => void; onAward: () => void; onEscalate: () => void;
}) {
  const { t } = useI18n();
  const nomination = useQuery(nominationQuery(id));
  const n = nomination.data;
  return (
    <Drawer open width={Math.min(640, window.innerWidth)} title={n ? `${n.number} ${n.title}` : t('awards.nomination.view')} onClose={onClose}
      extra={manages && n && (
        <Space>
          {decided && <Button type="primary" onClick={onAward}>{t('awards.award.action')}</Button>}
          <Button onClick={onEscalate}>{t('awards.escalation.action')}</Button>
        </Space>
      )}>
      <LoadFailure query={nomination} part />
      {nomination.isPending && <Spin />}
      {n && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('awards.nomination.enterprise')}>{n.enterpriseName}</Descriptions.Item>
            <Descriptions.Item label={t('awards.nomination.category')}>{t(`proposals.category.${n.category}` as MessageKey)}</Descriptions.Item>
            <Descriptions.Item label={t('awards.nomination.proposer')}>{n.proposerName}</Descriptions.Item>
            <Descriptions.Item label={t('awards.nomination.reasons')}>{n.reasons}</Descriptions.Item>
            <Descriptions.Item label={t('awards.nomination.suggestions')}>{n.suggestions}</Descriptions.Item>
            {n.leadUnitName && <Descriptions.Item label={t('awards.nomination.leadUnit')}>{n.leadUnitName}</Descriptions.Item>}
            {n.answer && <Descriptions.Item label={t('awards.nomination.answer')}>{n.answer}</Descriptions.Item>}
            {n.rating && <Descriptions.Item label={t('awards.nomination.rating')}>{t(`awards.rating.${n.rating}` as MessageKey)}</Descriptions.Item>}
            {n.statement && <Descriptions.Item label={t('awards.nomination.statement')}>{n.statement}</Descriptions.Item>}
            <Descriptions.Item label={t('awards.nomination.nominatedBy')}>{n.nominatedBy} · {dayjs(n.nominatedAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
            {n.awardLevel && (
              <Descriptions.Item label={t('awards.nomination.award')}><Tag color="gold">{n.awardLevel}</Tag>{n.awardReward}</Descriptions.Item>
            )}
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('awards.escalation.list')}</Typography.Title>
            <List size="small" bordered dataSource={n.escalations ?? []} locale={{ emptyText: t('awards.escalation.none') }}
              renderItem={(e) => (
                <List.Item>
                  <List.Item.Meta title={`${t(`awards.escalation.${e.targetBody}`)} · ${e.reference} · ${e.forwardedOn}`}
                    description={<>{e.note && <div>{e.note}</div>}{t('awards.escalation.recordedBy', { name: e.recordedBy, at: dayjs(e.recordedAt).format('YYYY-MM-DD HH:mm') })}</>} />
                </List.Item>
              )} />
          </div>
        </Space>
      )}
    </Drawer>
  );
}

/** The award a nomination receives once its campaign is decided: level and material reward (read first, for its version). */
export function AwardModal({ id, onClose, onSaved }: { id: string; onClose: () => void; onSaved: () => Promise<unknown> }) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const nomination = useQuery(nominationQuery(id));
  const n = nomination.data;
  if (!n) {
    return null;
  }
  const levels = (['first', 'second', 'third', 'excellent'] as const).map((l) => ({ value: t(`awards.award.${l}`) }));
  return (
    <EditModal<{ level?: string; reward?: string }>
      title={t('awards.award.title', { title: n.title })}
      fieldNames={['level', 'reward']}
      initialValues={{ level: n.awardLevel ?? undefined, reward: n.awardReward ?? undefined }}
      onClose={onClose}
      onReload={() => void queries.invalidateQueries({ queryKey: ['award-nomination', id] })}
      onSubmit={async (values) => {
        try {
          await ok(api.PUT('/api/v1/proposals/award-nominations/{id}/award', {
            params: { path: { id } }, headers: { 'If-Match': `"${n.version}"` }, body: { level: values.level ?? null, reward: values.reward ?? null },
          }));
        } catch (error) {
          throw inWords(error, t);
        }
        await queries.invalidateQueries({ queryKey: ['award-nomination', id] });
        await onSaved();
      }}
    >
      {() => (
        <>
          <Form.Item label={t('awards.award.level')} name="level" extra={t('awards.award.levelHint')}>
            <AutoComplete options={levels} allowClear />
          </Form.Item>
          <Form.Item label={t('awards.award.reward')} name="reward" extra={t('awards.award.rewardHint')}><Input maxLength={200} /></Form.Item>
        </>
      )}
    </EditModal>
  );
}

interface EscalationForm { targetBody?: TargetBody; forwardedOn?: Dayjs; reference?: string; note?: string }

/** Records that a nomination was forwarded to the people's congress or the CPPCC: which, when, under what reference. */
export function EscalationModal({ id, onClose, onSaved }: { id: string; onClose: () => void; onSaved: () => Promise<unknown> }) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const nomination = useQuery(nominationQuery(id));
  return (
    <EditModal<EscalationForm>
      title={t('awards.escalation.title', { title: nomination.data?.title ?? '' })}
      fieldNames={['targetBody', 'forwardedOn', 'reference', 'note']}
      initialValues={{ targetBody: 'peoplesCongress', forwardedOn: dayjs() }}
      onClose={onClose}
      onSubmit={async (values) => {
        await ok(api.POST('/api/v1/proposals/award-nominations/{id}/escalations', {
          params: { path: { id } },
          body: { targetBody: values.targetBody, forwardedOn: values.forwardedOn?.format('YYYY-MM-DD') ?? null, reference: values.reference ?? null, note: values.note ?? null },
        }));
        await queries.invalidateQueries({ queryKey: ['award-nomination', id] });
        await onSaved();
      }}
    >
      {() => (
        <>
          <Form.Item label={t('awards.escalation.targetBody')} name="targetBody" rules={[{ required: true, message: t('form.required') }]}>
            <Radio.Group options={(['peoplesCongress', 'cppcc'] as const).map((b) => ({ value: b, label: t(`awards.escalation.${b}`) }))} />
          </Form.Item>
          <Form.Item label={t('awards.escalation.forwardedOn')} name="forwardedOn" rules={[{ required: true, message: t('form.required') }]}><DatePicker /></Form.Item>
          <Form.Item label={t('awards.escalation.reference')} name="reference" rules={[{ required: true, message: t('form.required') }]}>
            <Input maxLength={100} placeholder={t('awards.escalation.referenceHint')} />
          </Form.Item>
          <Form.Item label={t('awards.escalation.note')} name="note"><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        </>
      )}
    </EditModal>
  );
}
