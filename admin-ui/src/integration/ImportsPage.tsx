import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Progress, Radio, Space, Table, Tag, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { api, ok } from '../api/client';
import { download } from '../api/download';
import type { components } from '../api/schema';
import { emptyText, LoadFailure } from '../components/LoadFailure';
import { useI18n } from '../i18n/I18n';
import { useProblemText } from '../i18n/problemText';
import type { MessageKey } from '../i18n/messages';
import { useFormat } from '../i18n/format';
import { importsFilter } from './home';

type ImportJob = components['schemas']['ImportJob'];
type ImportMode = components['schemas']['ImportMode'];

const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file's type as the API takes it: by its name, since browsers often give CSV files none or a spreadsheet's. */
export const importContentType = (fileName: string) => (fileName.toLowerCase().endsWith('.xlsx') ? xlsx : 'text/csv');

/** Bulk import of workers from a CSV or XLSX file: upload, a progress bar until the job ends, its summary, the rejected rows. */
export function ImportsPage() {
  const { t } = useI18n();
  const format = useFormat();
  const problemText = useProblemText();
  const queries = useQueryClient();
  const [mode, setMode] = useState<ImportMode>('skipInvalid');
  const [jobId, setJobId] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const job = useQuery({
    queryKey: ['imports', jobId],
    enabled: !!jobId,
    queryFn: () => ok(api.GET('/api/v1/directory/imports/{id}', { params: { path: { id: jobId! } } })),
    refetchInterval: (query) => (query.state.data?.finished ? false : 1000),
  });
  // A link may arrive filtered (the home page's count of failed imports): ?phase=failed&days=30.
  const [params, setParams] = useSearchParams();
  const [filter] = useState(() => importsFilter(params, new Date()));
  const failedOnly = params.get('phase') === 'failed' ? filter : null;
  const recent = useQuery({
    queryKey: ['imports', 'recent', job.data?.finished, failedOnly],
    queryFn: () => ok(api.GET('/api/v1/directory/imports', {
      params: { query: { limit: 10, ...(failedOnly ? { phase: failedOnly.phase, since: failedOnly.since } : {}) } },
    })),
  });
  const upload = async (file: File) => {
    setFailure(undefined);
    try {
      const started = await ok(api.POST('/api/v1/directory/imports/workers', {
        params: { query: { mode, fileName: file.name } },
        body: file as never,
        bodySerializer: (body: unknown) => body as BodyInit,
        headers: { 'Content-Type': importContentType(file.name) },
      }));
      setJobId(started.id);
      await queries.invalidateQueries({ queryKey: ['imports', 'recent'] });
    } catch (error) {
      setFailure(problemText(error));
    }
  };
  const current = job.data;
  const phase = (j: ImportJob) => t(`import.phase.${j.phase}` as MessageKey);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('import.title')}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} aria-label={t('import.mode')}>
            <Radio value="skipInvalid">{t('import.mode.skipInvalid')}</Radio>
            <Radio value="allOrNothing">{t('import.mode.allOrNothing')}</Radio>
          </Radio.Group>
          <Upload.Dragger accept=".csv,.xlsx" showUploadList={false} disabled={!!current && !current.finished}
            beforeUpload={(file) => { void upload(file); return false; }}>
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">{t('import.drop')}</p>
            <p className="ant-upload-hint">{t('import.hint')}</p>
          </Upload.Dragger>
          {failure && <Alert type="error" showIcon role="alert" message={failure} />}
        </Space>
      </Card>
      {current && (
        <Card title={t('import.job', { name: current.fileName ?? '' })}>
          <Progress percent={current.percent ?? 0} status={current.phase === 'failed' ? 'exception' : current.finished ? 'success' : 'active'}
            aria-label={t('import.progress')} />
          <Typography.Paragraph>{phase(current)}</Typography.Paragraph>
          {current.error && <Alert type="error" showIcon message={current.error} style={{ marginBottom: 16 }} />}
          {current.finished && (
            <Descriptions bordered size="small" column={{ xs: 1, md: 3 }} title={t('import.summary')}>
              <Descriptions.Item label={t('import.rowsRead')}>{current.rowsRead}</Descriptions.Item>
              <Descriptions.Item label={t('import.rowsValid')}>{current.rowsValid}</Descriptions.Item>
              <Descriptions.Item label={t('import.rowsRejected')}>{current.rowsRejected}</Descriptions.Item>
              <Descriptions.Item label={t('import.created')}>{current.created}</Descriptions.Item>
              <Descriptions.Item label={t('import.updated')}>{current.updated}</Descriptions.Item>
              <Descriptions.Item label={t('import.unchanged')}>{current.unchanged}</Descriptions.Item>
            </Descriptions>
          )}
          {current.finished && current.rowsRejected > 0 && current.rejectedRowsUrl && (
            <Button style={{ marginTop: 16 }} onClick={() => download(current.rejectedRowsUrl!, `${t('import.rejectedFile')}-${current.fileName ?? current.id}.csv`)
              .catch((error: Error) => setFailure(error.message))}>
              {t('import.downloadRejected')}
            </Button>
          )}
        </Card>
      )}
      <Card title={t('import.recent')} extra={failedOnly && (
        <Tag closable color="red" onClose={() => setParams({})}>{t('import.failedOnly', { days: failedOnly.days })}</Tag>
      )}>
        <LoadFailure query={recent} />
        <Table<ImportJob> rowKey="id" size="small" pagination={false} loading={recent.isFetching} dataSource={recent.data?.items ?? []}
          locale={{ emptyText: emptyText(recent, t(failedOnly ? 'import.noneFailed' : 'import.none')) }}
          columns={[
            { title: t('import.file'), dataIndex: 'fileName', width: 200 },
            { title: t('import.startedAt'), dataIndex: 'createdAt', render: (at: string) => format.dateTime(at) },
            { title: t('import.state'), key: 'phase', render: (_: unknown, j: ImportJob) => <Tag color={j.phase === 'failed' ? 'red' : j.finished ? 'green' : 'blue'}>{phase(j)}</Tag> },
            { title: t('import.created'), dataIndex: 'created' },
            { title: t('import.updated'), dataIndex: 'updated' },
            { title: t('import.rowsRejected'), dataIndex: 'rowsRejected' },
          ]} />
      </Card>
    </Space>
  );
}
