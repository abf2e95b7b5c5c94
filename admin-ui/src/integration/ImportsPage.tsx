import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Descriptions, Progress, Radio, Space, Table, Tag, Typography, Upload } from 'antd';
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

/** How a job's state is shown: its phase until it ends; once completed, what it did (merged, only checked, or merged nothing). */
const stateOf = (job: ImportJob): { key: MessageKey; color: string } => {
  if (job.phase === 'failed') {
    return { key: 'import.phase.failed', color: 'red' };
  }
  if (job.phase !== 'completed' || !job.outcome) {
    return { key: `import.phase.${job.phase}` as MessageKey, color: 'blue' };
  }
  return { merged: { key: 'import.outcome.merged', color: 'green' }, dryRun: { key: 'import.outcome.dryRun', color: 'geekblue' },
    notMerged: { key: 'import.outcome.notMerged', color: 'orange' } }[job.outcome] as { key: MessageKey; color: string };
};

/** Bulk import of workers from a CSV or XLSX file: upload (or only check), a progress bar until the job ends, its summary, the rows to look at. */
export function ImportsPage() {
  const { t } = useI18n();
  const format = useFormat();
  const problemText = useProblemText();
  const queries = useQueryClient();
  const [mode, setMode] = useState<ImportMode>('skipInvalid');
  const [dryRun, setDryRun] = useState(false);
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
        params: { query: { mode, dryRun, fileName: file.name } },
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
  const nameOf = (j: ImportJob) => j.fileName || t('import.unnamed');
  const downloadRows = (j: ImportJob) => download(j.rejectedRowsUrl!, `${t('import.rejectedFile')}-${j.fileName ?? j.id}.csv`)
    .catch((error: unknown) => setFailure(problemText(error)));
  const resultOf = (j: ImportJob) => {
    if (j.phase === 'failed') {
      return j.error ?? '';
    }
    if (!j.outcome) {
      return '';
    }
    const counts = { created: j.created, updated: j.updated, rejected: j.rowsRejected, warned: j.rowsWarned };
    return t(`import.result.${j.outcome}` as MessageKey, counts) + (j.rowsWarned > 0 ? t('import.result.warned', counts) : '');
  };
  const current = job.data;
  const state = (j: ImportJob) => t(stateOf(j).key);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('import.title')}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} aria-label={t('import.mode')}>
            <Radio value="skipInvalid">{t('import.mode.skipInvalid')}</Radio>
            <Radio value="allOrNothing">{t('import.mode.allOrNothing')}</Radio>
          </Radio.Group>
          <Checkbox checked={dryRun} onChange={(e) => setDryRun(e.target.checked)}>{t('import.dryRun')}</Checkbox>
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
        <Card title={t(current.dryRun ? 'import.dryRunJob' : 'import.job', { name: nameOf(current) })}>
          <Progress percent={current.percent ?? 0} status={current.phase === 'failed' ? 'exception' : current.finished ? 'success' : 'active'}
            aria-label={t('import.progress')} />
          <Typography.Paragraph>{state(current)}</Typography.Paragraph>
          <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
            {current.error && <Alert type="error" showIcon message={current.error} />}
            {current.outcome === 'dryRun' && <Alert type="info" showIcon message={t('import.dryRunDone')} />}
            {current.outcome === 'notMerged' && <Alert type="warning" showIcon message={t('import.notMergedDone', { rejected: current.rowsRejected })} />}
            {current.finished && current.rowsWarned > 0 && <Alert type="warning" showIcon message={t('import.warnedRows', { warned: current.rowsWarned })} />}
            {(current.ignoredColumns?.length ?? 0) > 0 && (
              <Alert type="info" showIcon message={t('import.ignoredColumns', { columns: current.ignoredColumns!.join(t('import.columnSeparator')) })} />
            )}
          </Space>
          {current.finished && current.phase === 'completed' && (
            <Descriptions bordered size="small" column={{ xs: 1, md: 3 }} title={t(current.dryRun ? 'import.dryRunSummary' : 'import.summary')}>
              <Descriptions.Item label={t('import.rowsRead')}>{current.rowsRead}</Descriptions.Item>
              <Descriptions.Item label={t('import.rowsValid')}>{current.rowsValid}</Descriptions.Item>
              <Descriptions.Item label={t('import.rowsRejected')}>{current.rowsRejected}</Descriptions.Item>
              {current.outcome !== 'notMerged' && (
                <>
                  <Descriptions.Item label={t(current.dryRun ? 'import.wouldCreate' : 'import.created')}>{current.created}</Descriptions.Item>
                  <Descriptions.Item label={t(current.dryRun ? 'import.wouldUpdate' : 'import.updated')}>{current.updated}</Descriptions.Item>
                  <Descriptions.Item label={t(current.dryRun ? 'import.wouldStay' : 'import.unchanged')}>{current.unchanged}</Descriptions.Item>
                </>
              )}
              {current.rowsWarned > 0 && <Descriptions.Item label={t('import.rowsWarned')}>{current.rowsWarned}</Descriptions.Item>}
            </Descriptions>
          )}
          {current.finished && current.rejectedRowsUrl && (
            <Button style={{ marginTop: 16 }} onClick={() => void downloadRows(current)}>
              {t(current.rowsWarned > 0 ? 'import.downloadRejectedAndWarned' : 'import.downloadRejected')}
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
            {
              title: t('import.file'), key: 'file',
              render: (_: unknown, j: ImportJob) => <Button type="link" style={{ padding: 0 }} onClick={() => setJobId(j.id)}>{nameOf(j)}</Button>,
            },
            { title: t('import.startedAt'), dataIndex: 'createdAt', render: (at: string) => format.dateTime(at) },
            { title: t('import.state'), key: 'state', render: (_: unknown, j: ImportJob) => <Tag color={stateOf(j).color}>{state(j)}</Tag> },
            { title: t('import.result'), key: 'result', render: (_: unknown, j: ImportJob) => resultOf(j) },
            {
              title: t('import.rejectedRows'), key: 'rejected',
              render: (_: unknown, j: ImportJob) => j.finished && j.rejectedRowsUrl && (
                <Button type="link" style={{ padding: 0 }} onClick={() => void downloadRows(j)}>{t('import.download')}</Button>
              ),
            },
          ]} />
      </Card>
    </Space>
  );
}
