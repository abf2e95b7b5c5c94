import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n/I18n';
import { useProblemText } from '../../i18n/problemText';

type ReceiptCheck = components['schemas']['ReceiptCheck'];

/** Any representative checks that the ballot with a receipt was counted in a vote: counted or not found, never what it said. */
export function ReceiptCheckPage() {
  const { t } = useI18n();
  const problemText = useProblemText();
  const [sessionId, setSessionId] = useState<string>();
  const [answer, setAnswer] = useState<ReceiptCheck>();
  const [failure, setFailure] = useState<string>();
  const sessions = useQuery({ queryKey: ['my-sessions'], queryFn: () => ok(api.GET('/api/v1/congress/my/sessions')) });
  const session = useQuery({
    queryKey: ['my-session', sessionId],
    enabled: !!sessionId,
    queryFn: () => ok(api.GET('/api/v1/congress/my/sessions/{id}', { params: { path: { id: sessionId! } } })),
  });
  const check = async (values: { pollId: string; receipt: string }) => {
    setAnswer(undefined);
    setFailure(undefined);
    try {
      setAnswer(await ok(api.POST('/api/v1/congress/receipts/check', { body: values })));
    } catch (error) {
      setFailure(problemText(error));
    }
  };
  return (
    <Card size="small" title={t('repView.receipt.title')}>
      <Form layout="vertical" onFinish={check}>
        <Form.Item label={t('repView.receipt.session')} required htmlFor="receipt-session">
          <Select id="receipt-session" value={sessionId} onChange={setSessionId} loading={sessions.isPending}
            options={(sessions.data ?? []).filter((s) => s.status !== 'planned').map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Form.Item label={t('repView.receipt.poll')} name="pollId" rules={[{ required: true, message: t('form.required') }]}>
          <Select disabled={!sessionId} loading={session.isFetching}
            options={(session.data?.polls ?? []).map(({ poll }) => ({ value: poll.id, label: poll.title }))} />
        </Form.Item>
        <Form.Item label={t('repView.receipt.code')} name="receipt" rules={[{ required: true, message: t('form.required') }]}>
          <Input autoComplete="off" placeholder="XXXX-XXXX-XXXX-XXXX" maxLength={40} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block>{t('repView.receipt.check')}</Button>
      </Form>
      {failure && <Alert style={{ marginTop: 12 }} type="error" showIcon role="alert" message={failure} />}
      {answer && (
        <Alert style={{ marginTop: 12 }} showIcon role="status" type={answer.status === 'counted' ? 'success' : 'warning'}
          message={t(answer.status === 'counted' ? 'repView.receipt.counted' : 'repView.receipt.notFound')} />
      )}
    </Card>
  );
}
