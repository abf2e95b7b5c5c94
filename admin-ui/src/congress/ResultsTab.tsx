import { useState } from 'react';
import { Alert, Button, Divider, Empty, Space, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../api/client';
import { download } from '../api/download';
import type { components } from '../api/schema';
import { LoadFailure } from '../components/LoadFailure';
import { useI18n } from '../i18n/I18n';
import { PollResultsTable } from './PollResultsTable';

type Session = components['schemas']['Session'];

/** A closed session's results, vote by vote, its exports for the archive (CSV, XLSX) and the printable page to sign. */
export function ResultsTab({ session }: { session: Session }) {
  const { t } = useI18n();
  const [failure, setFailure] = useState<string>();
  const polls = useQuery({
    queryKey: ['polls', session.id, 'results'],
    queryFn: () => ok(api.GET('/api/v1/congress/sessions/{id}/polls', { params: { path: { id: session.id } } })),
  });
  if (session.status === 'planned' || session.status === 'open') {
    return <Empty description={t('congress.results.notYet')} />;
  }
  const url = `/api/v1/congress/sessions/${session.id}/results`;
  const exportAs = (format: 'csv' | 'xlsx') => download(`${url}?format=${format}`, `${session.name}.${format}`).catch((error: Error) => setFailure(error.message));
  const counted = (polls.data ?? []).filter((poll) => poll.results);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button icon={<DownloadOutlined />} onClick={() => void exportAs('csv')}>{t('congress.results.csv')}</Button>
        <Button icon={<DownloadOutlined />} onClick={() => void exportAs('xlsx')}>{t('congress.results.xlsx')}</Button>
        <Button icon={<PrinterOutlined />} href={`${url}?format=html`} target="_blank">{t('congress.results.print')}</Button>
      </Space>
      {failure && <Alert type="error" showIcon role="alert" message={t('common.loadFailed', { reason: failure })} />}
      <LoadFailure query={polls} part />
      {polls.data && counted.length === 0 && <Empty description={t('congress.results.none')} />}
      {counted.map((poll) => (
        <div key={poll.id}>
          <Divider titlePlacement="start"><Typography.Text strong>{poll.title}</Typography.Text></Divider>
          <PollResultsTable poll={poll} />
        </div>
      ))}
    </Space>
  );
}
