import { Suspense } from 'react';
import { Alert, Button, Card, Col, Row, Space, Spin, Statistic, Table, Typography } from 'antd';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Link, Navigate } from 'react-router-dom';
import { ProblemError } from '../api/client';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/I18n';
import type { RepTab } from '../shell/area';
import { figuresRows, visibleHome, type HomeCount, type HomeEntry, type HomeFigures, type HomePanel } from '../shell/home';

/**
 * Where everyone lands: what waits for them, as the areas declare it (counts leading to their lists, panels, figures
 * per enterprise), for their permissions where they act. Someone with nothing here but the phone view's tabs, a
 * representative, works in the phone view.
 */
export function HomePage({ entries, repTabs }: { entries: readonly HomeEntry[]; repTabs: readonly RepTab[] }) {
  const { me } = useSession();
  const { t } = useI18n();
  const permissions = me?.permissions ?? [];
  const shown = visibleHome(entries, permissions);
  if (shown.length === 0 && repTabs.some((tab) => tab.anyOf.some((p) => permissions.includes(p)))) {
    return <Navigate to="/rep" replace />;
  }
  const counts = shown.filter((e): e is HomeCount => e.kind === 'count');
  const panels = shown.filter((e): e is HomePanel => e.kind === 'panel');
  const figures = shown.filter((e): e is HomeFigures => e.kind === 'figures');
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3}>{t('home.welcome', { name: me?.name ?? '' })}</Typography.Title>
        {me?.actingFor && <Typography.Paragraph>{t('home.actingFor', { organisation: me.actingFor.name ?? '' })}</Typography.Paragraph>}
        {shown.length === 0 && <Typography.Paragraph type="secondary">{t('home.nothing')}</Typography.Paragraph>}
      </Card>
      {counts.length > 0 && (
        <section aria-label={t('home.toDo')}>
          <Row gutter={[16, 16]}>
            {counts.map((entry) => <Col key={entry.key} xs={24} sm={12} lg={6}><CountCard entry={entry} /></Col>)}
          </Row>
        </section>
      )}
      {panels.map(({ key, title, panel: Panel }) => (
        <Card key={key} title={t(title)}>
          <Suspense fallback={<Spin />}><Panel /></Suspense>
        </Card>
      ))}
      {figures.length > 0 && <FiguresTable entries={figures} />}
    </Space>
  );
}

const reasonOf = (error: Error, network: string) => (error instanceof ProblemError ? error.message : network);

/** A count of what waits, the whole card a link to the list of them. */
function CountCard({ entry }: { entry: HomeCount }) {
  const { t } = useI18n();
  const { me } = useSession();
  const count = useQuery({ queryKey: ['home', entry.key, me?.actingFor?.id], queryFn: entry.load });
  if (count.error) {
    return (
      <Card>
        <Statistic title={t(entry.title)} value="—" />
        <Button size="small" onClick={() => void count.refetch()}>{t('common.retry')}</Button>
      </Card>
    );
  }
  return (
    <Link to={entry.to} aria-label={`${t(entry.title)} ${count.data ?? ''}`.trim()}>
      <Card hoverable>
        <Statistic title={t(entry.title)} value={count.data ?? 0} loading={count.isPending} />
      </Card>
    </Link>
  );
}

/** Every area's figures per enterprise in one table: a row per enterprise, each area's columns under its title. */
function FiguresTable({ entries }: { entries: readonly HomeFigures[] }) {
  const { t } = useI18n();
  const { me } = useSession();
  const loaded = useQueries({
    queries: entries.map((entry) => ({ queryKey: ['home', entry.key, me?.actingFor?.id], queryFn: entry.load })),
  });
  const rows = figuresRows(entries.map((entry, i) => ({ key: entry.key, figures: loaded[i].data })));
  const failed = loaded.find((query) => query.error);
  return (
    <Card title={t('home.figures')}>
      {failed && (
        <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} message={t('common.loadFailed', { reason: reasonOf(failed.error!, t('error.network')) })}
          action={<Button size="small" onClick={() => loaded.forEach((query) => query.error && void query.refetch())}>{t('common.retry')}</Button>} />
      )}
      <Table rowKey="enterpriseId" size="small" pagination={false} bordered scroll={{ x: 'max-content' }} dataSource={rows}
        loading={loaded.some((query) => query.isPending)} locale={{ emptyText: failed ? ' ' : t('home.figures.none') }}
        columns={[
          { title: t('home.figures.enterprise'), dataIndex: 'enterpriseName', fixed: 'left' },
          ...entries.map((entry) => ({
            title: t(entry.title),
            children: entry.columns.map((column) => ({
              title: t(column.title),
              key: `${entry.key}.${column.key}`,
              align: 'right' as const,
              render: (_: unknown, row: (typeof rows)[number]) => row.cells[`${entry.key}.${column.key}`] ?? '—',
            })),
          })),
        ]} />
    </Card>
  );
}
