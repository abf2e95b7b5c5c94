import { useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Card, Col, DatePicker, Descriptions, Empty, Row, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ok } from '../api/client';
import { useSession } from '../auth/session';
import { LoadFailure } from '../components/LoadFailure';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/messages';
import { proposalCategories } from '../api/proposalCategories';
import { rateText } from '../i18n/format';
import { barOption, percentOf, pieOption, slicesOf, statusOrder, summaryOf, turnoutOption, turnoutRows, type Slice, type TurnoutRow } from './chartData';
import { EChart } from './EChart';

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** The period in the address (?from=&to=, so that it can be shared), else this year to date. */
function periodOf(from: string | null, to: string | null): [Dayjs, Dayjs] {
  const date = (text: string | null) => (text && /^\d{4}-\d{2}-\d{2}$/.test(text) ? dayjs(text) : dayjs(NaN));
  const [start, end] = [date(from), date(to)];
  return start.isValid() && end.isValid() && !end.isBefore(start) ? [start, end] : [dayjs().startOf('year'), dayjs().startOf('day')];
}

/**
 * The union's figures at a glance for a period (this year unless chosen otherwise): proposals by status and category,
 * acceptance, on-time answer and satisfaction rates, and congress turnout by session; each chart with its figures in words.
 */
export function DashboardPage() {
  const { me } = useSession();
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const period = periodOf(search.get('from'), search.get('to'));
  const setPeriod = ([start, end]: [Dayjs, Dayjs]) => setSearch({ from: day(start), to: day(end) }, { replace: true });
  const from = day(period[0]);
  const to = day(period[1]);
  const readsProposals = me?.permissions?.includes('proposals.read') ?? false;
  const readsCongress = me?.permissions?.includes('congress.sessions.read') ?? false;
  const statistics = useQuery({
    queryKey: ['proposal-statistics', from, to],
    queryFn: () => ok(api.GET('/api/v1/proposals/statistics', { params: { query: { from, to } } })),
    enabled: readsProposals,
  });
  const turnout = useQuery({
    queryKey: ['congress-turnout', from, to],
    queryFn: () => ok(api.GET('/api/v1/congress/turnout', { params: { query: { from, to } } })),
    enabled: readsCongress,
  });
  const count = (value: number) => t('dashboard.count', { count: value });
  const noRate = t('dashboard.noRate');
  const stats = statistics.data;
  const byStatus = useMemo(() => slicesOf(stats?.byStatus, statusOrder, (k) => t(`proposals.status.${k}` as MessageKey)), [stats, t]);
  const byCategory = useMemo(() => slicesOf(stats?.byCategory, proposalCategories, (k) => t(`proposals.category.${k}` as MessageKey)), [stats, t]);
  const rates = useMemo(() => ([
    ['acceptanceRate', stats?.acceptanceRate], ['onTimeRate', stats?.onTimeAnswerRate], ['satisfactionRate', stats?.satisfactionRate],
  ] as const).map(([key, rate]) => ({ key, label: t(`dashboard.${key}`), rate })), [stats, t]);
  const rateSlices = useMemo<Slice[]>(() => rates.flatMap((r) => (r.rate == null ? [] : [{ key: r.key, label: r.label, value: percentOf(r.rate)! }])), [rates]);
  const sessions = useMemo(() => turnoutRows(turnout.data?.sessions), [turnout.data]);
  const statusChart = useMemo(() => barOption(byStatus), [byStatus]);
  const categoryChart = useMemo(() => pieOption(byCategory), [byCategory]);
  const rateChart = useMemo(() => barOption(rateSlices, '%'), [rateSlices]);
  const turnoutChart = useMemo(() => turnoutOption(sessions, {
    roster: t('dashboard.rosterSize'), present: t('dashboard.present'), rate: t('dashboard.turnoutRate'),
  }), [sessions, t]);
  const noProposals = stats?.submitted === 0;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('dashboard.title')} extra={
        <Space wrap>
          <Typography.Text id="dashboard-period">{t('dashboard.period')}</Typography.Text>
          <DatePicker.RangePicker aria-labelledby="dashboard-period" allowClear={false} value={period}
            onChange={(range) => range?.[0] && range[1] && setPeriod([range[0], range[1]])} />
        </Space>}>
        {readsProposals && (
          <>
            <LoadFailure query={statistics} part />
            <Row gutter={[16, 16]}>
              <Col xs={12} md={6}><Statistic title={t('dashboard.submitted')} value={stats?.submitted ?? '—'} loading={statistics.isPending} /></Col>
              {rates.map((r) => (
                <Col xs={12} md={6} key={r.key}>
                  <Statistic title={r.label} value={rateText(r.rate, noRate)} loading={statistics.isPending} />
                </Col>
              ))}
            </Row>
          </>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        {readsProposals && (
          <>
            <Col xs={24} lg={12}>
              <ChartCard title={t('dashboard.byStatus')} loading={statistics.isPending} failed={!!statistics.error}
                empty={noProposals && t('dashboard.noProposals')} option={statusChart}
                figures={byStatus.map((s) => ({ label: s.label, text: count(s.value) }))} />
            </Col>
            <Col xs={24} lg={12}>
              <ChartCard title={t('dashboard.byCategory')} loading={statistics.isPending} failed={!!statistics.error}
                empty={noProposals && t('dashboard.noProposals')} option={categoryChart}
                figures={byCategory.map((s) => ({ label: s.label, text: count(s.value) }))} />
            </Col>
            <Col xs={24} lg={readsCongress ? 9 : 12}>
              <ChartCard title={t('dashboard.rates')} loading={statistics.isPending} failed={!!statistics.error}
                empty={(noProposals || rateSlices.length === 0) && t('dashboard.noProposals')} option={rateChart}
                figures={rates.map((r) => ({ label: r.label, text: rateText(r.rate, noRate) }))}
                note={t('dashboard.rateBasis')} />
            </Col>
          </>
        )}
        {readsCongress && (
          <Col xs={24} lg={readsProposals ? 15 : 24}>
            <Card title={t('dashboard.turnout')} style={{ height: '100%' }}>
              <LoadFailure query={turnout} part />
              {turnout.isPending && <Spin />}
              {turnout.data && sessions.length === 0 && <Empty description={t('dashboard.noSessions')} />}
              {sessions.length > 0 && (
                <>
                  <EChart option={turnoutChart} summary={summaryOf(t('dashboard.turnout'), sessions.map((s) => ({
                    label: s.name, text: `${t('dashboard.present')} ${s.present}/${s.rosterSize}，${t('dashboard.turnoutRate')} ${s.percent ?? noRate}%`,
                  })))} />
                  <TurnoutTable rows={sessions} />
                </>
              )}
            </Card>
          </Col>
        )}
      </Row>
    </Space>
  );
}

function ChartCard({ title, loading, failed, empty, option, figures, note }: {
  title: string; loading: boolean; failed: boolean; empty: string | false; option: object; figures: { label: string; text: string }[]; note?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Card title={title} style={{ height: '100%' }}>
      {loading && <Spin />}
      {!loading && !failed && empty && <Empty description={empty} />}
      {!loading && !failed && !empty && (
        <>
          <EChart option={option} summary={summaryOf(title, figures)} />
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} title={<Typography.Text type="secondary">{t('dashboard.summary')}</Typography.Text>}
            aria-label={`${title} ${t('dashboard.summary')}`}>
            {figures.map((f) => <Descriptions.Item key={f.label} label={f.label}>{f.text}</Descriptions.Item>)}
          </Descriptions>
          {note && <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{note}</Typography.Paragraph>}
        </>
      )}
    </Card>
  );
}

function TurnoutTable({ rows }: { rows: TurnoutRow[] }) {
  const { t } = useI18n();
  return (
    <Table<TurnoutRow> rowKey="sessionId" size="small" pagination={false} dataSource={rows} aria-label={`${t('dashboard.turnout')} ${t('dashboard.summary')}`}
      columns={[
        { title: t('dashboard.session'), dataIndex: 'name' },
        { title: t('dashboard.heldOn'), dataIndex: 'heldOn' },
        { title: t('dashboard.rosterSize'), dataIndex: 'rosterSize' },
        { title: t('dashboard.present'), dataIndex: 'present' },
        { title: t('dashboard.online'), dataIndex: 'online' },
        { title: t('dashboard.onSite'), dataIndex: 'onSite' },
        { title: t('dashboard.turnoutRate'), dataIndex: 'percent', render: (p: number | null) => (p == null ? t('dashboard.noRate') : `${p}%`) },
        {
          title: t('dashboard.quorum'), dataIndex: 'quorate', render: (quorate: boolean, row) => (
            <Tag color={quorate ? 'green' : 'red'}>{quorate ? t('dashboard.quorate') : t('dashboard.notQuorate')}（{row.quorumNeeded}）</Tag>
          ),
        },
      ]} />
  );
}
