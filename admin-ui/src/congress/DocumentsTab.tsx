import { useState } from 'react';
import { Alert, App as AntApp, Button, Form, Input, Popconfirm, Space, Table, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../api/client';
import { download } from '../api/download';
import type { components } from '../api/schema';
import { emptyText, LoadFailure } from '../components/LoadFailure';
import { useI18n } from '../i18n/I18n';
import { useProblemText } from '../i18n/problemText';
import { fileSize } from '../components/fileSize';
import { useFormat } from '../i18n/format';

type Session = components['schemas']['Session'];
type Document = components['schemas']['Document'];

/** The documents the representatives review (reports, drafts): upload, download, who has confirmed reading, withdraw. */
export function DocumentsTab({ session }: { session: Session }) {
  const { t } = useI18n();
  const format = useFormat();
  const problemText = useProblemText();
  const { message } = AntApp.useApp();
  const queries = useQueryClient();
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const documents = useQuery({
    queryKey: ['documents', session.id],
    queryFn: () => ok(api.GET('/api/v1/congress/sessions/{id}/documents', { params: { path: { id: session.id } } })),
  });
  const refresh = () => queries.invalidateQueries({ queryKey: ['documents', session.id] });
  const editable = session.status === 'planned' || session.status === 'open';
  const upload = async () => {
    const form = new FormData();
    form.append('file', file!);
    form.append('title', title);
    setBusy(true);
    setFailure(undefined);
    try {
      await ok(api.POST('/api/v1/congress/sessions/{id}/documents', { params: { path: { id: session.id } }, body: form as never }));
      setTitle('');
      setFile(undefined);
      await refresh();
    } catch (error) {
      setFailure(problemText(error));
    } finally {
      setBusy(false);
    }
  };
  const withdraw = async (document: Document) => {
    try {
      await ok(api.DELETE('/api/v1/congress/documents/{id}', { params: { path: { id: document.id } } }));
      await refresh();
    } catch (error) {
      message.error(problemText(error));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {editable && (
        <Form layout="inline" onFinish={() => void upload()} style={{ rowGap: 8 }}>
          <Form.Item label={t('congress.documents.title')} required>
            <Input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} style={{ width: 260 }} placeholder="厂务公开工作报告" />
          </Form.Item>
          <Form.Item>
            <Upload maxCount={1} beforeUpload={(chosen) => { setFile(chosen); if (!title) { setTitle(chosen.name.replace(/\.[^.]+$/, '')); } return false; }}
              onRemove={() => setFile(undefined)} fileList={file ? [{ uid: '1', name: file.name }] : []} accept=".pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg,.txt">
              <Button icon={<UploadOutlined />}>{t('congress.documents.choose')}</Button>
            </Upload>
          </Form.Item>
          <Form.Item><Button type="primary" htmlType="submit" disabled={!file || !title.trim()} loading={busy}>{t('congress.documents.upload')}</Button></Form.Item>
        </Form>
      )}
      {failure && <Alert type="error" showIcon role="alert" message={failure} />}
      <LoadFailure query={documents} part />
      <Table<Document> rowKey="id" size="middle" loading={documents.isFetching} dataSource={documents.data ?? []} pagination={false}
        locale={{ emptyText: emptyText(documents, t('congress.documents.empty')) }}
        columns={[
          { title: t('congress.documents.title'), dataIndex: 'title', width: 240 },
          { title: t('congress.documents.file'), dataIndex: 'fileName', width: 200 },
          { title: t('congress.documents.size'), dataIndex: 'size', render: (size: number) => fileSize(size) },
          { title: t('congress.documents.reads'), key: 'reads', render: (_: unknown, d: Document) => (d.rosterSize ? `${d.readCount}/${d.rosterSize}` : d.readCount) },
          { title: t('congress.documents.uploadedAt'), dataIndex: 'uploadedAt', render: (at: string) => format.dateTime(at) },
          {
            title: t('common.actions'), key: 'actions', render: (_: unknown, d: Document) => (
              <Space>
                <Button size="small" onClick={() => void download(`/api/v1/congress/documents/${d.id}/content`, d.fileName).catch((e: Error) => setFailure(e.message))}>
                  {t('congress.documents.download')}
                </Button>
                {editable && (
                  <Popconfirm title={t('congress.documents.withdrawConfirm', { title: d.title })} onConfirm={() => withdraw(d)}>
                    <Button size="small" danger>{t('congress.documents.withdraw')}</Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]} />
    </Space>
  );
}
