import { useState } from 'react';
import { Card, Col, DatePicker, Row, Skeleton, Statistic, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ok } from '../api/client';
import type { components } from '../api/schema';
import { emptyText, LoadFailure } from '../components/LoadFailure';
import { useI18n } from '../i18n/I18n';
import { rateText } from '../i18n/format';
import { categories, countRows, statuses } from './logic';

type DepartmentCount = components['schemas']['DepartmentCount'];

/** Proposal figures for a period (this year unless chosen): totals and rates, and tables by category, status and lead department. */
export function StatisticsPage() {
  const { t } = useI18n();
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const statistics = useQuery({
    queryKey: ['proposal-statistics', period[0].format('YYYY-MM-DD'), period[1].format('YYYY-MM-DD')],
    queryFn: () => ok(api.GET('/api/v1/proposals/statistics', {
      params: { query: { from: period[0].format('YYYY-MM-DD'), to: period[1].format('YYYY-MM-DD') } },
    })),
  });
  const s = statistics.data;
  const shareColumns = (label: string) => [
    { title: label, dataIndex: 'label' },
    { title: t('proposals.stats.count'), dataIndex: 'count' },
    { title: t('proposals.stats.share'), dataIndex: 'share', render: (share: number) => rateText(share) },
  ];
  const empty = { emptyText: emptyText(statistics, t('proposals.stats.none')) };
  return (
    <Card title={t('proposals.stats.title')} extra={
      <DatePicker.RangePicker aria-label={t('proposals.stats.period')} value={period} allowClear={false}
        onChange={(range) => range?.[0] && range[1] && setPeriod([range[0], range[1]])} />
    }>
      <LoadFailure query={statistics} />
      {statistics.isPending ? <Skeleton active /> : (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 24 }}>
            <Col xs={12} md={6}><Statistic title={t('proposals.stats.submitted')} value={s?.submitted ?? 0} /></Col>
            <Col xs={12} md={6}><Statistic title={t('proposals.stats.acceptanceRate')} value={rateText(s?.acceptanceRate)} /></Col>
            <Col xs={12} md={6}><Statistic title={t('proposals.stats.onTimeRate')} value={rateText(s?.onTimeAnswerRate)} /></Col>
            <Col xs={12} md={6}><Statistic title={t('proposals.stats.satisfactionRate')} value={rateText(s?.satisfactionRate)} /></Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('proposals.stats.byCategory')}>
                <Table rowKey="key" size="small" pagination={false} locale={empty} columns={shareColumns(t('proposals.category'))}
                  dataSource={countRows(s?.byCategory, categories).map((r) => ({ ...r, label: t(`proposals.category.${r.key}`) }))} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('proposals.stats.byStatus')}>
                <Table rowKey="key" size="small" pagination={false} locale={empty} columns={shareColumns(t('proposals.status'))}
                  dataSource={countRows(s?.byStatus, statuses).map((r) => ({ ...r, label: t(`proposals.status.${r.key}`) }))} />
              </Card>
            </Col>
            <Col span={24}>
              <Card size="small" title={t('proposals.stats.byDepartment')}>
                <Table<DepartmentCount> rowKey="unitId" size="small" pagination={false} locale={empty} dataSource={s?.byDepartment ?? []}
                  columns={[
                    { title: t('proposals.department'), dataIndex: 'name' },
                    { title: t('proposals.stats.assigned'), dataIndex: 'assigned' },
                    { title: t('proposals.stats.answeredOnTime'), dataIndex: 'answeredOnTime' },
                    { title: t('proposals.stats.overdue'), dataIndex: 'overdue' },
                  ]} />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Card>
  );
}
