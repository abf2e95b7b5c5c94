import { useState } from 'react';
import { App as AntApp, Button, Col, Dropdown, Empty, Progress, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../api/client';
import type { components } from '../api/schema';
import { emptyText, LoadFailure } from '../components/LoadFailure';
import { useI18n } from '../i18n/I18n';
import { useProblemText } from '../i18n/problemText';
import { byGroup, percent } from './attendance';
import { channelLabel, pollKindLabel } from './labels';
import { useFormat } from '../i18n/format';

type Session = components['schemas']['Session'];
type AttendanceEntry = components['schemas']['AttendanceEntry'];
type CheckInChannel = components['schemas']['CheckInChannel'];

/** How often the board reads attendance and turnout again while the session is open. */
export const liveRefreshMs = 3_000;

const offlineChannels: CheckInChannel[] = ['onSite', 'paperSheet', 'proxyStaff'];

/**
 * The live session board: attendance against the quorum (more than two thirds of the roster), by delegation group,
 * each representative's check-in (staff record those in the hall), and each open vote's turnout; it refreshes itself
 * while the session is open.
 */
export function LiveBoard({ session }: { session: Session }) {
  const { t } = useI18n();
  const format = useFormat();
  const problemText = useProblemText();
  const { message } = AntApp.useApp();
  const queries = useQueryClient();
  const [filter, setFilter] = useState<'all' | 'absent'>('all');
  const live = session.status === 'open';
  const attendance = useQuery({
    queryKey: ['attendance', session.id],
    enabled: session.status !== 'planned',
    refetchInterval: live ? liveRefreshMs : false,
    queryFn: () => ok(api.GET('/api/v1/congress/sessions/{id}/attendance', { params: { path: { id: session.id } } })),
  });
  const polls = useQuery({
    queryKey: ['polls', session.id],
    refetchInterval: live ? liveRefreshMs : false,
    queryFn: () => ok(api.GET('/api/v1/congress/sessions/{id}/polls', { params: { path: { id: session.id } } })),
  });
  if (session.status === 'planned') {
    return <Empty description={t('congress.live.notOpen')} />;
  }
  const record = async (entry: AttendanceEntry, channel: CheckInChannel) => {
    try {
      await ok(api.POST('/api/v1/congress/sessions/{id}/check-ins', { params: { path: { id: session.id } }, body: { representativeId: entry.representativeId, channel } }));
      await queries.invalidateQueries({ queryKey: ['attendance', session.id] });
    } catch (error) {
      message.error(problemText(error));
    }
  };
  const data = attendance.data;
  const everyone = data?.representatives ?? [];
  const shown = filter === 'absent' ? everyone.filter((r) => !r.channel) : everyone;
  const openPolls = (polls.data ?? []).filter((p) => p.status !== 'draft');
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <LoadFailure query={attendance} part />
      {data && (
        <Row gutter={[16, 16]} role="region" aria-label={t('congress.live.attendance')}>
          <Col xs={12} md={6}><Statistic title={t('congress.live.roster')} value={data.rosterSize} /></Col>
          <Col xs={12} md={6}><Statistic title={t('congress.live.present')} value={data.present} /></Col>
          <Col xs={12} md={6}><Statistic title={t('congress.live.quorumNeeded')} value={data.quorumNeeded} /></Col>
          <Col xs={12} md={6}>
            <Statistic title={t('congress.live.quorum')} valueRender={() => (
              <Tag color={data.quorate ? 'green' : 'orange'} style={{ fontSize: 16, padding: '4px 8px' }}>
                {t(data.quorate ? 'congress.live.quorate' : 'congress.live.notQuorate')}
              </Tag>
            )} />
          </Col>
          <Col span={24}>
            <Progress percent={percent(data.present ?? 0, data.rosterSize ?? 0)}
              strokeColor={data.quorate ? '#52c41a' : '#faad14'} format={() => `${data.present}/${data.rosterSize}`} />
          </Col>
          {byGroup(everyone).map((group) => (
            <Col key={group.name} xs={12} md={6}>
              <Typography.Text type="secondary">{group.name}</Typography.Text>
              <Progress size="small" percent={percent(group.present, group.size)} format={() => `${group.present}/${group.size}`} />
            </Col>
          ))}
        </Row>
      )}
      <div role="region" aria-label={t('congress.live.turnout')}>
        <Typography.Title level={5}>{t('congress.live.turnout')}</Typography.Title>
        <LoadFailure query={polls} part />
        {openPolls.length === 0 && !polls.error && <Typography.Text type="secondary">{t('congress.live.noVotes')}</Typography.Text>}
        {openPolls.map((poll) => (
          <Row key={poll.id} gutter={16} align="middle" style={{ marginBottom: 8 }}>
            <Col xs={24} md={10}><Tag>{t(pollKindLabel(poll.kind))}</Tag>{poll.title}</Col>
            <Col xs={16} md={10}>
              <Progress percent={percent(poll.votesCast, poll.rosterSize ?? 0)} format={() => `${poll.votesCast}/${poll.rosterSize}`}
                status={poll.status === 'open' ? 'active' : 'normal'} />
            </Col>
            <Col xs={8} md={4}><Tag color={poll.status === 'open' ? 'green' : 'blue'}>{t(`congress.poll.${poll.status}`)}</Tag></Col>
          </Row>
        ))}
      </div>
      <div>
        <Space style={{ marginBottom: 8 }}>
          <Button type={filter === 'all' ? 'primary' : 'default'} size="small" onClick={() => setFilter('all')}>{t('congress.live.everyone')}</Button>
          <Button type={filter === 'absent' ? 'primary' : 'default'} size="small" onClick={() => setFilter('absent')}>{t('congress.live.notYet')}</Button>
        </Space>
        <Table<AttendanceEntry> rowKey="representativeId" size="small" dataSource={shown} pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: emptyText(attendance, t('congress.live.allPresent')) }}
          columns={[
            { title: t('worker.name'), dataIndex: 'name' },
            { title: t('worker.employeeNumber'), dataIndex: 'employeeNumber' },
            { title: t('rep.group'), dataIndex: 'delegationGroup' },
            {
              title: t('congress.live.checkIn'), key: 'checkIn', render: (_: unknown, entry: AttendanceEntry) => entry.channel
                ? <Space><Tag color="green">{t(channelLabel(entry.channel))}</Tag>{format.time(entry.checkedInAt!)}</Space>
                : live && (
                  <Dropdown menu={{ items: offlineChannels.map((channel) => ({ key: channel, label: t(channelLabel(channel)), onClick: () => void record(entry, channel) })) }}>
                    <Button size="small">{t('congress.live.record')}</Button>
                  </Dropdown>
                ),
            },
          ]} />
      </div>
    </Space>
  );
}
