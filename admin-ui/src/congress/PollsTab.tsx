import { useState } from 'react';
import { App as AntApp, Button, Descriptions, Progress, Space, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../api/client';
import type { components } from '../api/schema';
import { emptyText, LoadFailure } from '../components/LoadFailure';
import { useI18n } from '../i18n/I18n';
import { useProblemText } from '../i18n/problemText';
import { percent } from './attendance';
import { pollKindLabel } from './labels';
import { NewPollModal } from './NewPollModal';
import { PaperCountsModal, PaperVotersModal } from './PaperBallotsModal';
import { PollResultsTable } from './PollResultsTable';

type Session = components['schemas']['Session'];
type Poll = components['schemas']['Poll'];
type PollKind = components['schemas']['PollKind'];

/** The session's motions, elections and evaluations: add them, open and close each vote, enter the paper ballots. */
export function PollsTab({ session }: { session: Session }) {
  const { t } = useI18n();
  const problemText = useProblemText();
  const { message, modal } = AntApp.useApp();
  const queries = useQueryClient();
  const [adding, setAdding] = useState<PollKind>();
  const [paper, setPaper] = useState<{ poll: Poll; step: 'voters' | 'counts' }>();
  const polls = useQuery({
    queryKey: ['polls', session.id],
    queryFn: () => ok(api.GET('/api/v1/congress/sessions/{id}/polls', { params: { path: { id: session.id } } })),
  });
  const refresh = () => queries.invalidateQueries({ queryKey: ['polls', session.id] });
  const act = async (poll: Poll, verb: 'open' | 'close') => {
    try {
      await ok(api.POST(`/api/v1/congress/polls/{id}/${verb}`, { params: { path: { id: poll.id } } }));
    } catch (error) {
      message.error(problemText(error));
    }
    await refresh();
  };
  const close = (poll: Poll) => modal.confirm({
    title: t('congress.poll.close'), content: t('congress.poll.closeConfirm', { title: poll.title }), onOk: () => act(poll, 'close'),
  });
  const editable = session.status === 'planned' || session.status === 'open';
  const paperBallots = session.mode !== 'online';
  return (
    <>
      {editable && (
        <Space style={{ marginBottom: 16 }} wrap>
          {(['motion', 'election', 'evaluation'] as const).map((kind) => (
            <Button key={kind} onClick={() => setAdding(kind)}>{t('congress.poll.new', { kind: t(pollKindLabel(kind)) })}</Button>
          ))}
        </Space>
      )}
      <LoadFailure query={polls} part />
      <Table<Poll> rowKey="id" size="middle" loading={polls.isFetching} dataSource={polls.data ?? []} pagination={false}
        locale={{ emptyText: emptyText(polls, t('congress.poll.empty')) }}
        expandable={{ expandedRowRender: (poll) => <PollDetail poll={poll} />, rowExpandable: () => true }}
        columns={[
          { title: t('congress.poll.kind'), dataIndex: 'kind', render: (kind: PollKind) => <Tag>{t(pollKindLabel(kind))}</Tag> },
          { title: t('congress.poll.title'), dataIndex: 'title', width: 260 },
          { title: t('congress.poll.itemCount'), key: 'items', render: (_: unknown, poll: Poll) => poll.items?.length ?? 0 },
          { title: t('congress.session.status'), dataIndex: 'status', render: (status: Poll['status']) => <Tag color={{ draft: 'default', open: 'green', closed: 'blue' }[status]}>{t(`congress.poll.${status}`)}</Tag> },
          {
            title: t('congress.live.turnout'), key: 'turnout', width: 180, render: (_: unknown, poll: Poll) => poll.status !== 'draft' && (
              <Progress size="small" percent={percent(poll.votesCast, poll.rosterSize ?? 0)} format={() => `${poll.votesCast}/${poll.rosterSize}`} />
            ),
          },
          {
            title: t('common.actions'), key: 'actions', render: (_: unknown, poll: Poll) => (
              <Space wrap>
                {poll.status === 'draft' && session.status === 'open' && <Button size="small" type="primary" onClick={() => void act(poll, 'open')}>{t('congress.poll.open')}</Button>}
                {poll.status === 'open' && paperBallots && <Button size="small" onClick={() => setPaper({ poll, step: 'voters' })}>{t('congress.paper.voters')}</Button>}
                {poll.status === 'open' && paperBallots && <Button size="small" onClick={() => setPaper({ poll, step: 'counts' })}>{t('congress.paper.counts')}</Button>}
                {poll.status === 'open' && <Button size="small" danger onClick={() => close(poll)}>{t('congress.poll.close')}</Button>}
              </Space>
            ),
          },
        ]} />
      {adding && <NewPollModal sessionId={session.id} kind={adding} onClose={() => setAdding(undefined)} onCreated={refresh} />}
      {paper?.step === 'voters' && <PaperVotersModal poll={paper.poll} onClose={() => setPaper(undefined)} onSaved={refresh} />}
      {paper?.step === 'counts' && <PaperCountsModal poll={paper.poll} onClose={() => setPaper(undefined)} onSaved={refresh} />}
    </>
  );
}

function PollDetail({ poll }: { poll: Poll }) {
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {poll.description && <Typography.Paragraph>{poll.description}</Typography.Paragraph>}
      <Descriptions size="small" column={1}>
        {(poll.items ?? []).map((item) => <Descriptions.Item key={item.number} label={item.number}>{item.title}</Descriptions.Item>)}
      </Descriptions>
      {poll.results && <PollResultsTable poll={poll} />}
    </Space>
  );
}
