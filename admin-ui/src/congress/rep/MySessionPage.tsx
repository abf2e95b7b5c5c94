import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, List, Space, Spin, Steps, Tag, Typography } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { api, ok } from '../../api/client';
import { download } from '../../api/download';
import type { components } from '../../api/schema';
import { emptyText, LoadFailure } from '../../components/LoadFailure';
import { useI18n } from '../../i18n/I18n';
import { useProblemText } from '../../i18n/problemText';
import { fileSize } from '../../components/fileSize';
import { pollKindLabel, sessionStatusColour, sessionStatusLabel } from '../labels';
import { currentStep, shownStepStatus } from '../agenda';
import { liveRefreshMs } from '../LiveBoard';
import { PollResultsTable } from '../PollResultsTable';
import { VoteSheet } from './VoteSheet';
import { useFormat } from '../../i18n/format';
import { usePageTitle } from '../../shell/pageTitle';

type MyPoll = components['schemas']['MyPoll'];
type MyDocument = components['schemas']['MyDocument'];

/** A session on the representative's phone: check in, read the documents, vote on what is open, see what was decided. */
export function MySessionPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const format = useFormat();
  const problemText = useProblemText();
  const { message } = AntApp.useApp();
  const queries = useQueryClient();
  const [voting, setVoting] = useState<MyPoll['poll']>();
  const mine = useQuery({
    queryKey: ['my-session', id],
    queryFn: () => ok(api.GET('/api/v1/congress/my/sessions/{id}', { params: { path: { id: id! } } })),
    refetchInterval: (query) => (query.state.data?.session.status === 'open' ? liveRefreshMs : false),
  });
  const documents = useQuery({
    queryKey: ['my-documents', id],
    queryFn: () => ok(api.GET('/api/v1/congress/my/sessions/{id}/documents', { params: { path: { id: id! } } })),
  });
  const refresh = () => queries.invalidateQueries({ queryKey: ['my-session', id] });
  usePageTitle(mine.data?.session.name);
  const attempt = async (call: () => Promise<unknown>, after: () => unknown) => {
    try {
      await call();
    } catch (error) {
      message.error(problemText(error));
    }
    await after();
  };
  if (!mine.data) {
    return mine.error ? <LoadFailure query={mine} /> : <Spin style={{ display: 'block', marginTop: 64 }} />;
  }
  const { session, checkedIn, onlineCheckInOpen, present, quorate, agenda, polls } = mine.data;
  const open = session.status === 'open';
  const checkIn = () => attempt(() => ok(api.POST('/api/v1/congress/my/sessions/{id}/check-in', { params: { path: { id: session.id } } })), refresh);
  const confirmRead = (document: MyDocument['document']) => attempt(
    () => ok(api.POST('/api/v1/congress/my/documents/{id}/read', { params: { path: { id: document.id } } })),
    () => queries.invalidateQueries({ queryKey: ['my-documents', id] }));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Typography.Title level={5} style={{ marginTop: 0 }}>{session.name}</Typography.Title>
        <Space wrap size={4}>
          <Tag color={sessionStatusColour[session.status]}>{t(sessionStatusLabel(session.status))}</Tag>
          <Typography.Text type="secondary">{session.heldOn}{session.venue ? ` · ${session.venue}` : ''}</Typography.Text>
        </Space>
        {session.status !== 'planned' && (
          <Typography.Paragraph style={{ margin: '8px 0' }}>
            {t('repView.attendance', { present, roster: session.rosterSize ?? 0 })}
            {' '}<Tag color={quorate ? 'green' : 'orange'}>{t(quorate ? 'congress.live.quorate' : 'congress.live.notQuorate')}</Tag>
          </Typography.Paragraph>
        )}
        {open && (checkedIn
          ? <Alert type="success" showIcon icon={<CheckCircleFilled />} message={t('repView.checkedIn')} />
          : onlineCheckInOpen
            ? <Button type="primary" size="large" block onClick={() => void checkIn()}>{t('repView.checkIn')}</Button>
            : <Alert type="info" showIcon message={t('problem.online_check_in_closed')} />)}
        {session.status === 'planned' && <Alert type="info" showIcon message={t('repView.planned')} />}
      </Card>

      <Card size="small" title={t('repView.votes')}>
        {polls.length === 0 ? <Typography.Text type="secondary">{t('repView.noVotes')}</Typography.Text> : (
          <List dataSource={polls} renderItem={({ poll, voted }) => (
            <List.Item key={poll.id} style={{ display: 'block' }}>
              <Space wrap size={4} style={{ marginBottom: 4 }}>
                <Tag>{t(pollKindLabel(poll.kind))}</Tag>
                {voted && <Tag color="green">{t('repView.voted')}</Tag>}
                {poll.status === 'closed' && <Tag color="blue">{t('congress.poll.closed')}</Tag>}
              </Space>
              <div><Typography.Text strong>{poll.title}</Typography.Text></div>
              {poll.status === 'open' && !voted && (
                <Button type="primary" block style={{ marginTop: 8 }} disabled={!checkedIn} onClick={() => setVoting(poll)}>
                  {checkedIn ? t('repView.vote') : t('repView.checkInFirst')}
                </Button>
              )}
              {poll.status === 'open' && <Typography.Text type="secondary">{t('repView.turnout', { cast: poll.votesCast, roster: poll.rosterSize ?? 0 })}</Typography.Text>}
              {poll.results && <div style={{ marginTop: 8 }}><PollResultsTable poll={poll} compact /></div>}
            </List.Item>
          )} />
        )}
      </Card>

      <Card size="small" title={t('repView.documents')}>
        <LoadFailure query={documents} part />
        <List dataSource={documents.data ?? []} locale={{ emptyText: emptyText(documents, t('congress.documents.empty')) }} renderItem={({ document, readConfirmedAt }) => (
          <List.Item key={document.id} style={{ display: 'block' }}>
            <Typography.Text strong>{document.title}</Typography.Text>
            <div><Typography.Text type="secondary">{document.fileName} · {fileSize(document.size)}</Typography.Text></div>
            <Space style={{ marginTop: 8 }} wrap>
              <Button size="small" onClick={() => void download(`/api/v1/congress/my/documents/${document.id}/content`, document.fileName).catch((e: Error) => message.error(e.message))}>
                {t('congress.documents.download')}
              </Button>
              {readConfirmedAt
                ? <Tag color="green">{t('repView.readAt', { at: format.dateTime(readConfirmedAt) })}</Tag>
                : open && <Button size="small" type="primary" ghost onClick={() => void confirmRead(document)}>{t('repView.confirmRead')}</Button>}
            </Space>
          </List.Item>
        )} />
      </Card>

      {agenda.length > 0 && (
        <Card size="small" title={t('congress.tab.agenda')}>
          <Steps direction="vertical" size="small" current={currentStep(agenda, session.status)}
            items={agenda.map((step) => ({
              title: step.title,
              description: `${format.time(step.startsAt)} · ${t(`congress.stepChannel.${step.channel}`)}`,
              status: step.status === 'closed' ? 'finish' : step.status === 'open' ? 'process' : 'wait',
              subTitle: shownStepStatus(step, session.status) === 'notHeld' ? t('congress.stepStatus.notHeld') : undefined,
            }))} />
        </Card>
      )}
      {voting && <VoteSheet poll={voting} onClose={() => setVoting(undefined)} onVoted={refresh} />}
    </Space>
  );
}
