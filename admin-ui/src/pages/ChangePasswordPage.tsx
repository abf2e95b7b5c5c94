import { useState } from 'react';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { api, ok, ProblemError } from '../api/client';
import { fieldErrors } from '../api/problems';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/I18n';
import { useProblemText } from '../i18n/problemText';

interface Values { currentPassword: string; newPassword: string; confirmation: string }

const fieldNames = ['currentPassword', 'newPassword'] as const;

/**
 * Shown instead of the app after an administrator reset the user's password: until they choose their own, the API
 * answers nothing else. Once it is changed, the session goes on into the app.
 */
export function ChangePasswordPage() {
  const { me, logout } = useSession();
  const { t } = useI18n();
  const problemText = useProblemText();
  const queries = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async ({ currentPassword, newPassword }: Values) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await ok(api.POST('/api/v1/access/me/password', { body: { currentPassword, newPassword } }));
      await queries.invalidateQueries({ queryKey: ['me'] });
    } catch (error) {
      if (error instanceof ProblemError && error.problem.errors) {
        const mapped = fieldErrors(error.problem, fieldNames);
        form.setFields(mapped.fields as never);
        setFailure(mapped.general.length > 0 ? mapped.general.join(' ') : undefined);
      } else {
        setFailure(problemText(error));
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}>
      <Card title={`${t('app.title')} · ${t('password.title')}`} style={{ width: 420, maxWidth: '92vw' }}>
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('password.reason', { name: me?.name ?? '' })} />
        {failure && <Alert type="error" message={failure} showIcon style={{ marginBottom: 16 }} role="alert" />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label={t('password.current')} name="currentPassword" extra={t('password.currentHelp')}
            rules={[{ required: true, message: t('form.required') }]}>
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item label={t('password.new')} name="newPassword" extra={t('password.newHelp')} rules={[{ required: true, message: t('form.required') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item label={t('password.confirmation')} name="confirmation" dependencies={['newPassword']}
            rules={[
              { required: true, message: t('form.required') },
              ({ getFieldValue }) => ({
                validator: (_, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
              }),
            ]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>{t('password.submit')}</Button>
          <Button type="link" block style={{ marginTop: 8 }} onClick={logout}>{t('shell.logout')}</Button>
        </Form>
      </Card>
    </div>
  );
}
