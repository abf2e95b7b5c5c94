import { useState } from 'react';
import { Alert, App as AntApp, Button, DatePicker, Form, Input, Select, Space, Table, Tag } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ok, ProblemError } from '../api/client';
import { fieldErrors } from '../api/problems';
import type { components } from '../api/schema';
import { LoadFailure } from '../components/LoadFailure';
import { useI18n } from '../i18n/I18n';
import { useProblemText } from '../i18n/problemText';
import { overlappingSteps, shownStepStatus, type ShownStepStatus } from './agenda';
import { stepKindLabel } from './labels';
import { fromWallClock, useFormat, wallClock } from '../i18n/format';

type Session = components['schemas']['Session'];
type AgendaStep = components['schemas']['AgendaStep'];
type StepKind = components['schemas']['StepKind'];
type StepChannel = components['schemas']['StepChannel'];

const kinds: StepKind[] = ['checkIn', 'documentReview', 'groupDiscussion', 'motionVote', 'election', 'evaluation'];

interface StepForm { kind: StepKind; title?: string; channel: StepChannel; time: [Dayjs, Dayjs] }

const formOf = (step: AgendaStep, timeZone: string): StepForm =>
  ({ kind: step.kind, title: step.title, channel: step.channel, time: [wallClock(step.startsAt, timeZone), wallClock(step.endsAt, timeZone)] });

/**
 * The agenda: composed while the session is planned (steps online or offline, in order, each in its time window), then
 * run step by step once it is open.
 */
export function AgendaTab({ session, onChanged }: { session: Session; onChanged: () => unknown }) {
  const { t } = useI18n();
  const format = useFormat();
  const problemText = useProblemText();
  const { message } = AntApp.useApp();
  const queries = useQueryClient();
  const agenda = useQuery({
    queryKey: ['agenda', session.id, session.version],
    queryFn: () => ok(api.GET('/api/v1/congress/sessions/{id}/agenda', { params: { path: { id: session.id } } })),
  });
  const run = async (step: AgendaStep, verb: 'open' | 'close') => {
    try {
      await ok(api.POST(`/api/v1/congress/sessions/{id}/agenda/{stepId}/${verb}`, { params: { path: { id: session.id, stepId: step.id } } }));
    } catch (error) {
      message.error(problemText(error));
    }
    await queries.invalidateQueries({ queryKey: ['agenda', session.id] });
  };
  if (!agenda.data) {
    return <LoadFailure query={agenda} part />;
  }
  if (session.status === 'planned') {
    return <AgendaBuilder session={session} steps={agenda.data} onSaved={onChanged} />;
  }
  return (
    <Table<AgendaStep> rowKey="id" size="small" dataSource={agenda.data} pagination={false}
      locale={{ emptyText: t('congress.agenda.empty') }}
      columns={[
        { title: '#', dataIndex: 'position', width: 48 },
        { title: t('congress.agenda.kind'), dataIndex: 'kind', render: (kind: StepKind) => t(stepKindLabel(kind)) },
        { title: t('congress.agenda.stepTitle'), dataIndex: 'title', width: 240 },
        { title: t('congress.agenda.channel'), dataIndex: 'channel', render: (channel: StepChannel) => t(`congress.stepChannel.${channel}`) },
        { title: t('congress.agenda.time'), key: 'time', render: (_: unknown, step: AgendaStep) => `${format.dateTime(step.startsAt)} – ${format.time(step.endsAt)}` },
        {
          title: t('congress.session.status'), key: 'status', render: (_: unknown, step: AgendaStep) => {
            const status = shownStepStatus(step, session.status);
            return <Tag color={stepColors[status]}>{t(`congress.stepStatus.${status}`)}</Tag>;
          },
        },
        {
          title: t('common.actions'), key: 'actions', render: (_: unknown, step: AgendaStep) => session.status === 'open' && (
            step.status === 'pending' ? <Button size="small" onClick={() => void run(step, 'open')}>{t('congress.agenda.open')}</Button>
              : step.status === 'open' ? <Button size="small" onClick={() => void run(step, 'close')}>{t('congress.agenda.close')}</Button> : null
          ),
        },
      ]} />
  );
}

const stepColors: Record<ShownStepStatus, string> = { pending: 'default', open: 'green', closed: 'blue', notHeld: 'default' };

function AgendaBuilder({ session, steps, onSaved }: { session: Session; steps: AgendaStep[]; onSaved: () => unknown }) {
  const { t } = useI18n();
  const { timeZone } = useFormat();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ steps: StepForm[] }>();
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const watched = Form.useWatch('steps', form) as (Partial<StepForm> | undefined)[] | undefined;
  const overlaps = overlappingSteps((watched ?? []).map((step) => step?.time?.[0] && step.time[1]
    ? { start: step.time[0].valueOf(), end: step.time[1].valueOf() } : undefined));
  const hybrid = session.mode === 'hybrid';
  const fixedChannel: StepChannel = session.mode === 'offline' ? 'offline' : 'online';
  const nextWindow = (): [Dayjs, Dayjs] => {
    const last = (form.getFieldValue('steps') as StepForm[] | undefined)?.at(-1)?.time?.[1];
    const start = last ?? dayjs(`${session.heldOn}T09:00`); // a wall-clock time in the enterprise's zone, as the pickers hold them
    return [start, start.add(30, 'minute')];
  };
  const save = async ({ steps: values }: { steps: StepForm[] }) => {
    setBusy(true);
    setGeneral([]);
    try {
      await ok(api.PUT('/api/v1/congress/sessions/{id}/agenda', {
        params: { path: { id: session.id } },
        headers: { 'If-Match': `"${session.version}"` },
        body: { steps: (values ?? []).map(({ time, ...step }) => ({ ...step, startsAt: fromWallClock(time[0], timeZone), endsAt: fromWallClock(time[1], timeZone) })) },
      }));
      message.success(t('congress.agenda.saved'));
      await onSaved();
    } catch (error) {
      if (error instanceof ProblemError) {
        const mapped = fieldErrors(error.problem, ['steps']);
        form.setFields(mapped.fields as never);
        setGeneral(error.status === 412 ? [t('form.changedElsewhere')] : mapped.general);
      } else {
        setGeneral([t('error.network')]);
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" initialValues={{ steps: steps.map((step) => formOf(step, timeZone)) }} onFinish={save}>
      {general.length > 0 && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} message={general.join(' ')} />}
      <Form.List name="steps">
        {(fields, { add, remove, move }) => (
          <>
            {fields.map((field, index) => (
              <Space key={field.key} wrap align="start" style={{ display: 'flex', marginBottom: 4 }} role="group" aria-label={t('congress.agenda.step', { n: index + 1 })}>
                <Form.Item label={index === 0 ? t('congress.agenda.kind') : undefined} name={[field.name, 'kind']} rules={[{ required: true, message: t('form.required') }]}>
                  <Select style={{ width: 130 }} aria-label={`${t('congress.agenda.kind')} ${index + 1}`}
                    options={kinds.map((kind) => ({ value: kind, label: t(stepKindLabel(kind)) }))} />
                </Form.Item>
                <Form.Item label={index === 0 ? t('congress.agenda.stepTitle') : undefined} name={[field.name, 'title']}>
                  <Input style={{ width: 220 }} aria-label={`${t('congress.agenda.stepTitle')} ${index + 1}`} placeholder={t('congress.agenda.titleHelp')} />
                </Form.Item>
                <Form.Item label={index === 0 ? t('congress.agenda.channel') : undefined} name={[field.name, 'channel']} rules={[{ required: true, message: t('form.required') }]}>
                  <Select style={{ width: 100 }} disabled={!hybrid} aria-label={`${t('congress.agenda.channel')} ${index + 1}`}
                    options={(['online', 'offline'] as const).map((channel) => ({ value: channel, label: t(`congress.stepChannel.${channel}`) }))} />
                </Form.Item>
                <Form.Item label={index === 0 ? t('congress.agenda.time') : undefined} name={[field.name, 'time']} rules={[{ required: true, message: t('form.required') }]}>
                  <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="MM-DD HH:mm" aria-label={`${t('congress.agenda.time')} ${index + 1}`} />
                </Form.Item>
                <Form.Item label={index === 0 ? ' ' : undefined}>
                  <Space>
                    <Button icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={t('congress.agenda.up')} />
                    <Button icon={<ArrowDownOutlined />} disabled={index === fields.length - 1} onClick={() => move(index, index + 1)} aria-label={t('congress.agenda.down')} />
                    <Button icon={<DeleteOutlined />} danger onClick={() => remove(index)} aria-label={t('congress.agenda.remove')} />
                  </Space>
                </Form.Item>
              </Space>
            ))}
            {overlaps.length > 0 && (
              <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('congress.agenda.overlap', {
                pairs: overlaps.map(([a, b]) => t('congress.agenda.overlapPair', { a, b })).join(t('congress.agenda.overlapJoin')),
              })} />
            )}
            <Space>
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: fields.length === 0 ? 'checkIn' : 'documentReview', channel: fixedChannel, time: nextWindow() })}>
                {t('congress.agenda.add')}
              </Button>
              <Button type="primary" htmlType="submit" loading={busy}>{t('congress.agenda.save')}</Button>
            </Space>
          </>
        )}
      </Form.List>
    </Form>
  );
}
