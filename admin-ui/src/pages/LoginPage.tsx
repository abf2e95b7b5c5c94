import { useState } from 'react';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/I18n';
import { useProblemText } from '../i18n/problemText';

/** Sign-in with login name and password; the API sets the session cookie and hands out the antiforgery token. */
export function LoginPage() {
  const { login } = useSession();
  const { t } = useI18n();
  const problemText = useProblemText();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async ({ loginName, password }: { loginName: string; password: string }) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await login(loginName, password);
    } catch (error) {
      setFailure(t('login.failed', { reason: problemText(error) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}>
      <Card title={`${t('app.title')} · ${t('login.title')}`} style={{ width: 380, maxWidth: '92vw' }}>
        {failure && <Alert type="error" message={failure} showIcon style={{ marginBottom: 16 }} role="alert" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label={t('login.loginName')} name="loginName" rules={[{ required: true, message: t('login.required', { field: t('login.loginName') }) }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.required', { field: t('login.password') }) }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>{t('login.submit')}</Button>
        </Form>
      </Card>
    </div>
  );
}
