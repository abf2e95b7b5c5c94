import { useState } from 'react';
import { Alert, App, Button, Card, Form, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api, ok, ProblemError } from '../api/client';
import { fieldErrors } from '../api/problems';
import { useI18n } from '../i18n/I18n';
import { DraftFields, type DraftValues } from './DraftFields';

const fields = ['category', 'title', 'reasons', 'suggestions', 'callId'] as const;

/** A representative writes a proposal on their phone, saved as a draft; co-signers, attachments and submission follow on its page. */
export function RepNewProposalPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [form] = Form.useForm<DraftValues>();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const save = async (values: DraftValues) => {
    setBusy(true);
    setGeneral([]);
    try {
      const draft = await ok(api.POST('/api/v1/proposals/proposals', { body: values }));
      await queries.invalidateQueries({ queryKey: ['proposals'] });
      void message.success(t('proposals.rep.draftSaved'));
      navigate(`/rep/proposals/${draft.id}`, { replace: true });
    } catch (error) {
      if (error instanceof ProblemError) {
        const mapped = fieldErrors(error.problem, fields);
        form.setFields(mapped.fields as never);
        setGeneral(mapped.general);
      } else {
        setGeneral([t('error.network')]);
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('proposals.rep.newTitle')}>
      {general.length > 0 && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} message={general.join(' ')} />}
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ category: 'production' }}>
        <DraftFields />
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={() => navigate('/rep/proposals')}>{t('form.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={busy}>{t('proposals.rep.saveDraft')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
