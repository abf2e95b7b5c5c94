import { App as AntApp, Button, Card, Descriptions, Space, Spin, Tabs, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { api, ok } from '../api/client';
import type { components } from '../api/schema';
import { LoadFailure } from '../components/LoadFailure';
import { useI18n } from '../i18n/I18n';
import { useProblemText } from '../i18n/problemText';
import { AgendaTab } from './AgendaTab';
import { DocumentsTab } from './DocumentsTab';
import { sessionModeLabel, sessionStatusColour, sessionStatusLabel } from './labels';
import { LiveBoard } from './LiveBoard';
import { PollsTab } from './PollsTab';
import { ResultsTab } from './ResultsTab';
import { usePageTitle } from '../shell/pageTitle';

type Session = components['schemas']['Session'];

/** The session's next step in its life, if it has one: planned → open → closed → archived. */
const nextStep = { planned: 'open', open: 'close', closed: 'archive' } as const;

/** One session for the union staff running it: its agenda, votes, documents, the live board, and its results. */
export function SessionPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const problemText = useProblemText();
  const { modal, message } = AntApp.useApp();
  const queries = useQueryClient();
  const session = useQuery({ queryKey: ['session', id], queryFn: () => ok(api.GET('/api/v1/congress/sessions/{id}', { params: { path: { id: id! } } })) });
  const refresh = () => queries.invalidateQueries({ queryKey: ['session', id] });
  usePageTitle(session.data?.name);

  if (!session.data) {
    return session.error ? <LoadFailure query={session} /> : <Spin />;
  }
  const current: Session = session.data;
  const step = current.status in nextStep ? nextStep[current.status as keyof typeof nextStep] : undefined;
  const advance = () => step && modal.confirm({
    title: t(`congress.session.${step}`),
    content: t(`congress.session.${step}Confirm`, { name: current.name }),
    onOk: async () => {
      try {
        await ok(api.POST(`/api/v1/congress/sessions/{id}/${step}`, { params: { path: { id: current.id } }, headers: { 'If-Match': `"${current.version}"` } }));
      } catch (error) {
        message.error(problemText(error));
      }
      await refresh();
    },
  });
  const tabs = [
    { key: 'live', label: t('congress.tab.live'), children: <LiveBoard session={current} /> },
    { key: 'agenda', label: t('congress.tab.agenda'), children: <AgendaTab session={current} onChanged={refresh} /> },
    { key: 'polls', label: t('congress.tab.polls'), children: <PollsTab session={current} /> },
    { key: 'documents', label: t('congress.tab.documents'), children: <DocumentsTab session={current} /> },
    { key: 'results', label: t('congress.tab.results'), children: <ResultsTab session={current} /> },
  ];
  const opening = { planned: 'agenda', open: 'live', closed: 'results', archived: 'results' }[current.status];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={current.name} extra={step && <Button type="primary" onClick={advance}>{t(`congress.session.${step}`)}</Button>}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('congress.session.status')}><Tag color={sessionStatusColour[current.status]}>{t(sessionStatusLabel(current.status))}</Tag></Descriptions.Item>
          <Descriptions.Item label={t('congress.session.heldOn')}>{current.heldOn}</Descriptions.Item>
          <Descriptions.Item label={t('congress.session.mode')}>{t(sessionModeLabel(current.mode))}</Descriptions.Item>
          <Descriptions.Item label={t('congress.session.venue')}>{current.venue ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('rep.term')}>{current.termName}</Descriptions.Item>
          <Descriptions.Item label={t('congress.session.roster')}>{current.rosterSize ?? t('congress.session.rosterLater')}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card>
        <Tabs key={current.status} defaultActiveKey={opening} items={tabs} destroyOnHidden />
      </Card>
    </Space>
  );
}
