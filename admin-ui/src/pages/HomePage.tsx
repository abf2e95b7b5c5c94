import { Card, Typography } from 'antd';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/I18n';

export function HomePage() {
  const { me } = useSession();
  const { t } = useI18n();
  return (
    <Card>
      <Typography.Title level={3}>{t('home.welcome', { name: me?.name ?? '' })}</Typography.Title>
      {me?.actingFor && <Typography.Paragraph>{t('home.actingFor', { organisation: me.actingFor.name ?? '' })}</Typography.Paragraph>}
      <Typography.Paragraph>{t('home.permissions', { count: me?.permissions?.length ?? 0 })}</Typography.Paragraph>
    </Card>
  );
}
