import { Alert, Button, Modal, Typography } from 'antd';
import { useI18n } from '../i18n/I18n';

/**
 * A secret the API shows once (an API key, a webhook's signing secret, a reset password), with a copy button and what
 * to do with it (`note`); gone from the page when closed, so that nothing keeps it after the user has.
 */
export function SecretOnceModal({ title, secret, note, onClose }: { title: string; secret?: string; note?: string; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal open={!!secret} destroyOnHidden title={title} onCancel={onClose} footer={<Button type="primary" onClick={onClose}>{t('client.keySaved')}</Button>}>
      <Alert type="warning" showIcon message={t('secret.once')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph code copyable={{ text: secret, tooltips: [t('client.copy'), t('client.copied')] }} data-testid="issued-secret">
        {secret}
      </Typography.Paragraph>
      {note && <Typography.Paragraph type="secondary">{note}</Typography.Paragraph>}
    </Modal>
  );
}
